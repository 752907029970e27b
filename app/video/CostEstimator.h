#pragma once

#include "video/ModelSchema.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QVariantMap>

class PricingService;
class TaskStore;

// What a submission is expected to cost, and where the figure comes from.
struct CostEstimate
{
    enum class Source { Unknown, Pricing, History };
    Source source = Source::Unknown;
    QString pricingText; // the platform's own words (/llmage/v1/pricing), when it answered
    double credits = -1; // a number, when one is known (the median of this user's past runs)
    int runs = 0;        // how many past runs the median is of
    bool hasCredits() const { return credits >= 0; }
    // For a Generate button or the command line: "≈ 40 credits (median of 3 runs)", the platform's price,
    // or "cost unknown". Translated.
    QString text() const;
    // Short, for a button: "≈ 40 credits", "priced by the platform" or "cost unknown".
    QString shortText() const;
    // Short, for a button that sends several (a comparison, a storyboard): the sum of those known in
    // credits, and how many are not (priced by the platform in words, or unknown).
    static QString totalShortText(const QList<CostEstimate> &estimates);
    QJsonObject toJson() const;
};

// Estimates a video's cost before it is sent: the platform's price when /llmage/v1/pricing answers;
// the median of this user's own past credits for the same model and settings (the fields that are not
// free text, seeds or pictures), with how many runs; else unknown. One place decides what an estimate is
// and when one is high enough to ask before sending.
class CostEstimator : public QObject
{
    Q_OBJECT
public:
    CostEstimator(TaskStore *store, PricingService *pricing, QObject *parent = nullptr);

    // Synchronous: the price is what the platform has said so far (asked the first time; estimateChanged
    // tells when it answers).
    CostEstimate estimate(const ModelSpec &spec, const QVariantMap &values) const;

    // Whether the platform has answered about this model's price (or there is no one to ask).
    bool isSettled(const ModelSpec &spec) const;

    // The settings that decide the price, as the request carries them: what history is matched on.
    static QJsonObject pricedSettings(const ModelSpec &spec, const QJsonObject &params);
    static QJsonObject pricedSettings(const ModelSpec &spec, const QVariantMap &values);
    // Whether to ask before sending: a known figure above the threshold (0 or less: never ask).
    static bool needsConfirmation(const CostEstimate &estimate, double threshold);

signals:
    // The platform answered about a model's price (with one or without).
    void estimateChanged(const QString &model);

private:
    TaskStore *m_store;
    PricingService *m_pricing;
};
