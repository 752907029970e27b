#include "account/UsageSummary.h"

#include <QJsonDocument>

namespace UsageSummary {

void Totals::add(const LedgerEntry &e)
{
    ++calls;
    promptTokens += e.usage.promptTokens;
    completionTokens += e.usage.completionTokens;
    cachedTokens += e.usage.cachedTokens;
    totalTokens += e.usage.totalTokens;
    credits += e.credits;
}

QDate periodStart(const QDate &date, Period period)
{
    switch (period) {
    case Period::Day: return date;
    case Period::Week: return date.addDays(1 - date.dayOfWeek());
    case Period::Month: return QDate(date.year(), date.month(), 1);
    }
    return date;
}

Totals total(const QList<LedgerEntry> &entries)
{
    Totals t;
    for (const LedgerEntry &e : entries)
        t.add(e);
    return t;
}

QMap<QDate, Totals> byPeriod(const QList<LedgerEntry> &entries, Period period)
{
    QMap<QDate, Totals> map;
    for (const LedgerEntry &e : entries)
        map[periodStart(e.createdAt.toLocalTime().date(), period)].add(e);
    return map;
}

QMap<QString, Totals> byModel(const QList<LedgerEntry> &entries)
{
    QMap<QString, Totals> map;
    for (const LedgerEntry &e : entries)
        map[e.model].add(e);
    return map;
}

static QByteArray csvField(const QString &text)
{
    QString t = text;
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n'))) {
        t.replace(QLatin1String("\""), QLatin1String("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t.toUtf8();
}

QByteArray toCsv(const QList<LedgerEntry> &entries)
{
    QByteArray out = "time,kind,ref,model,prompt_tokens,completion_tokens,cached_tokens,total_tokens,credits,details\n";
    for (const LedgerEntry &e : entries) {
        const QList<QByteArray> fields{csvField(e.createdAt.toString(Qt::ISODate)),
                                       csvField(e.kind),
                                       csvField(e.ref),
                                       csvField(e.model),
                                       QByteArray::number(e.usage.promptTokens),
                                       QByteArray::number(e.usage.completionTokens),
                                       QByteArray::number(e.usage.cachedTokens),
                                       QByteArray::number(e.usage.totalTokens),
                                       QByteArray::number(e.credits, 'g', 12),
                                       csvField(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)))};
        out += fields.join(',') + '\n';
    }
    return out;
}

} // namespace UsageSummary
