#include "video/PricingService.h"

#include "api/PlatformClient.h"

#include <QJsonObject>
#include <QSet>

PricingService::PricingService(PlatformClient *client, QObject *parent) : QObject(parent), m_client(client) {}

QString PricingService::priceText(const QString &model)
{
    if (m_texts.contains(model))
        return m_texts.value(model);
    if (m_asked.contains(model) || model.isEmpty())
        return {};
    m_asked.insert(model);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("model"), model);
    ApiCall *call = m_client->get(QStringLiteral("/llmage/v1/pricing"), query, ApiCall::Optional);
    connect(call, &ApiCall::succeeded, this, [this, model](const QJsonDocument &doc) {
        const QJsonObject data = doc.object().value(QLatin1String("data")).toObject();
        const QString text = data.value(QLatin1String("display_text")).toString().trimmed();
        if (text.isEmpty()) {
            m_unavailable.insert(model);
            emit priceUnavailable(model);
            return;
        }
        m_texts.insert(model, text);
        emit priceKnown(model, text);
    });
    connect(call, &ApiCall::failed, this, [this, model] {
        m_unavailable.insert(model);
        emit priceUnavailable(model);
    });
    return {};
}
