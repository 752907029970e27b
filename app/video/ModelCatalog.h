#pragma once

#include "video/ModelSchema.h"

#include <QHash>
#include <QObject>

// Every video model the app knows: the schema files built in (resources/models) and, added or
// overriding by llmid, those in the user's folder (<config>/models). A file that fails validation is
// left out and reported, naming the file, the model and the field.
class ModelCatalog : public QObject
{
    Q_OBJECT
public:
    explicit ModelCatalog(QObject *parent = nullptr);

    // Loads the built-in schemas, then userDir's (may be empty or missing).
    void load(const QString &userDir);
    // Loads one more folder of schemas on top (tests, tools).
    void loadFolder(const QString &dir);

    QList<ModelSpec> models(const QString &mode = {}) const;
    const ModelSpec *model(const QString &llmid) const;
    QStringList errors() const { return m_errors; }
    QString userDir() const { return m_userDir; }

signals:
    void changed();

private:
    void loadFile(const QString &path);

    QHash<QString, ModelSpec> m_models;
    QStringList m_order;
    QStringList m_errors;
    QString m_userDir;
};
