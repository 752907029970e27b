#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class PlatformClient;

// Prices as the platform describes them (GET /llmage/v1/pricing?model=…), asked once per model and
// remembered. Where the platform does not answer (no permission, older server), there is simply no
// text: nothing else depends on it.
class PricingService : public QObject
{
    Q_OBJECT
public:
    explicit PricingService(PlatformClient *client, QObject *parent = nullptr);

    // The known text, or empty; asks the platform the first time.
    QString priceText(const QString &model);
    bool hasAnswer(const QString &model) const { return m_texts.contains(model); }
    // Asked, and the platform answered with a price or with nothing (refused, no text).
    bool isSettled(const QString &model) const { return m_texts.contains(model) || m_unavailable.contains(model); }

signals:
    void priceKnown(const QString &model, const QString &text);
    void priceUnavailable(const QString &model);

private:
    PlatformClient *m_client;
    QHash<QString, QString> m_texts;
    QSet<QString> m_asked;
    QSet<QString> m_unavailable;
};
