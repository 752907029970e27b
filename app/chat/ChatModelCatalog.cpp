#include "chat/ChatModelCatalog.h"

#include "api/PlatformClient.h"
#include "core/AppSettings.h"

#include <QJsonArray>

ChatModelCatalog::ChatModelCatalog(PlatformClient *client, AppSettings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings)
{
}

QStringList ChatModelCatalog::builtInModels()
{
    return {QStringLiteral("qwen3-max"), QStringLiteral("qwen-plus"), QStringLiteral("deepseek-v3.2"),
            QStringLiteral("deepseek-r1"), QStringLiteral("glm-4.6"), QStringLiteral("doubao-seed-1-6")};
}

QStringList ChatModelCatalog::models() const
{
    QStringList list = m_fromPlatform ? m_platformModels : builtInModels();
    for (const QString &m : m_settings->customChatModels())
        if (!list.contains(m))
            list.append(m);
    return list;
}

void ChatModelCatalog::refresh()
{
    ApiCall *call = m_client->get(QStringLiteral("/llmage/v1/models"));
    connect(call, &ApiCall::succeeded, this, [this](const QJsonDocument &doc) {
        QStringList ids;
        for (const QJsonValue &v : doc.object().value(QLatin1String("data")).toArray()) {
            const QString id = v.toObject().value(QLatin1String("id")).toString();
            if (!id.isEmpty())
                ids.append(id);
        }
        if (ids.isEmpty())
            return;
        m_platformModels = ids;
        m_fromPlatform = true;
        emit modelsChanged();
    });
}

void ChatModelCatalog::addCustomModel(const QString &model)
{
    const QString m = model.trimmed();
    if (m.isEmpty())
        return;
    QStringList custom = m_settings->customChatModels();
    if (custom.contains(m))
        return;
    custom.append(m);
    m_settings->setCustomChatModels(custom);
    emit modelsChanged();
}

void ChatModelCatalog::removeCustomModel(const QString &model)
{
    QStringList custom = m_settings->customChatModels();
    if (custom.removeAll(model) > 0) {
        m_settings->setCustomChatModels(custom);
        emit modelsChanged();
    }
}
