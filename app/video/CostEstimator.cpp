#include "video/CostEstimator.h"

#include "store/TaskStore.h"
#include "video/PricingService.h"

#include <QCoreApplication>
#include <algorithm>

namespace {
bool priced(const FieldSpec &f)
{
    // Free text, seeds and pictures change what is made, not what it costs.
    return f.type != FieldSpec::Type::Text && f.type != FieldSpec::Type::LongText &&
           f.type != FieldSpec::Type::Image && f.role != QLatin1String("seed");
}
} // namespace

QString CostEstimate::text() const
{
    const auto credits = [this] {
        return QCoreApplication::translate("CostEstimator", "≈ %1 credits (median of %n run(s))", nullptr,
                                           runs)
            .arg(this->credits);
    };
    switch (source) {
    case Source::Pricing:
        return hasCredits() ? QStringLiteral("%1 · %2").arg(pricingText, credits()) : pricingText;
    case Source::History:
        return credits();
    case Source::Unknown:
        break;
    }
    return QCoreApplication::translate("CostEstimator", "cost unknown");
}

QString CostEstimate::shortText() const
{
    if (hasCredits())
        return QCoreApplication::translate("CostEstimator", "≈ %1 credits").arg(credits);
    if (source == Source::Pricing)
        return QCoreApplication::translate("CostEstimator", "priced by the platform");
    return QCoreApplication::translate("CostEstimator", "cost unknown");
}

QString CostEstimate::totalShortText(const QList<CostEstimate> &estimates)
{
    double credits = 0;
    int known = 0, priced = 0;
    for (const CostEstimate &e : estimates) {
        if (e.hasCredits()) {
            credits += e.credits;
            ++known;
        } else if (e.source == Source::Pricing) {
            ++priced;
        }
    }
    const int n = int(estimates.size());
    if (n == 0)
        return {};
    if (known == n)
        return QCoreApplication::translate("CostEstimator", "≈ %1 credits").arg(credits);
    if (known == 0)
        return priced == n ? QCoreApplication::translate("CostEstimator", "priced by the platform")
                           : QCoreApplication::translate("CostEstimator", "cost unknown");
    return QCoreApplication::translate("CostEstimator", "≈ %1 credits + %n not known in credits", nullptr, n - known).arg(credits);
}

QJsonObject CostEstimate::toJson() const
{
    QJsonObject o{{QStringLiteral("source"), source == Source::Pricing   ? QStringLiteral("pricing")
                                             : source == Source::History ? QStringLiteral("history")
                                                                         : QStringLiteral("unknown")},
                  {QStringLiteral("text"), text()}};
    if (!pricingText.isEmpty())
        o.insert(QStringLiteral("pricing"), pricingText);
    if (hasCredits()) {
        o.insert(QStringLiteral("credits"), credits);
        o.insert(QStringLiteral("runs"), runs);
    }
    return o;
}

CostEstimator::CostEstimator(TaskStore *store, PricingService *pricing, QObject *parent)
    : QObject(parent), m_store(store), m_pricing(pricing)
{
    if (m_pricing) {
        connect(m_pricing, &PricingService::priceKnown, this,
                [this](const QString &model) { emit estimateChanged(model); });
        connect(m_pricing, &PricingService::priceUnavailable, this, &CostEstimator::estimateChanged);
    }
}

QJsonObject CostEstimator::pricedSettings(const ModelSpec &spec, const QJsonObject &params)
{
    QJsonObject o;
    for (const FieldSpec &f : spec.fields)
        if (priced(f) && params.contains(f.key))
            o.insert(f.key, params.value(f.key));
    return o;
}

QJsonObject CostEstimator::pricedSettings(const ModelSpec &spec, const QVariantMap &values)
{
    QJsonObject o;
    for (const FieldSpec &f : spec.fields) {
        const QVariant v = values.value(f.key);
        if (priced(f) && v.isValid() && !v.toString().isEmpty())
            o.insert(f.key, f.toJson(v));
    }
    return o;
}

bool CostEstimator::isSettled(const ModelSpec &spec) const
{
    return !m_pricing || spec.model.isEmpty() || m_pricing->isSettled(spec.model);
}

bool CostEstimator::needsConfirmation(const CostEstimate &estimate, double threshold)
{
    return threshold > 0 && estimate.hasCredits() && estimate.credits > threshold;
}

CostEstimate CostEstimator::estimate(const ModelSpec &spec, const QVariantMap &values) const
{
    CostEstimate e;
    if (m_store) {
        const QJsonObject wanted = pricedSettings(spec, values);
        QList<double> credits;
        for (const auto &[params, usage] : m_store->paramsAndUsage(spec.llmid))
            if (usage.contains(QLatin1String("credits")) && pricedSettings(spec, params) == wanted)
                credits.append(usage.value(QLatin1String("credits")).toDouble());
        if (!credits.isEmpty()) {
            std::sort(credits.begin(), credits.end());
            const int n = int(credits.size());
            e.credits = n % 2 ? credits.at(n / 2) : (credits.at(n / 2 - 1) + credits.at(n / 2)) / 2;
            e.runs = n;
            e.source = CostEstimate::Source::History;
        }
    }
    if (m_pricing) {
        e.pricingText = m_pricing->priceText(spec.model);
        if (!e.pricingText.isEmpty())
            e.source = CostEstimate::Source::Pricing;
    }
    return e;
}
