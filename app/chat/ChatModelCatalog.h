#pragma once

#include <QObject>
#include <QStringList>

class PlatformClient;
class AppSettings;

// The chat models to pick from: the platform's list (GET /llmage/v1/models) when it answers, else a
// built-in list; plus the user's own additions (kept in the settings).
class ChatModelCatalog : public QObject
{
    Q_OBJECT
public:
    ChatModelCatalog(PlatformClient *client, AppSettings *settings, QObject *parent = nullptr);

    static QStringList builtInModels();
    QStringList models() const;
    bool isFromPlatform() const { return m_fromPlatform; }
    void refresh();
    void addCustomModel(const QString &model);
    void removeCustomModel(const QString &model);

signals:
    void modelsChanged();

private:
    PlatformClient *m_client;
    AppSettings *m_settings;
    QStringList m_platformModels;
    bool m_fromPlatform = false;
};
