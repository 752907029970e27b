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
    // The same, read on first need (the app's start-up shows no video model before the Studio opens).
    void loadLater(const QString &userDir);
    // Loads one more folder of schemas on top (tests, tools).
    void loadFolder(const QString &dir);

    QList<ModelSpec> models(const QString &mode = {}) const;
    const ModelSpec *model(const QString &llmid) const;
    QStringList errors() const
    {
        ensureLoaded();
        return m_errors;
    }
    QString userDir() const { return m_userDir; }

signals:
    void changed();

private:
    void loadFile(const QString &path) const;
    void loadFolderNow(const QString &dir) const;
    void ensureLoaded() const;

    // Filled on first need (loadLater), hence mutable.
    mutable QHash<QString, ModelSpec> m_models;
    mutable QStringList m_order;
    mutable QStringList m_errors;
    mutable bool m_pending = false;
    QString m_userDir;
};
