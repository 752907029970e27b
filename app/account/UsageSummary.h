#pragma once

#include "store/UsageLedger.h"

#include <QDate>
#include <QMap>

// Totals of the usage ledger: per day, per week, per month and per model, and the CSV export.
namespace UsageSummary {

struct Totals
{
    int calls = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 cachedTokens = 0;
    qint64 totalTokens = 0;
    double credits = 0;
    void add(const LedgerEntry &e);
};

enum class Period { Day, Week, Month };

// The first day of the period a date falls in (weeks start on Monday).
QDate periodStart(const QDate &date, Period period);
Totals total(const QList<LedgerEntry> &entries);
// Keyed by the period's first day, oldest first.
QMap<QDate, Totals> byPeriod(const QList<LedgerEntry> &entries, Period period);
QMap<QString, Totals> byModel(const QList<LedgerEntry> &entries);
// One line a call; the ledger holds no key and no prompt, so neither does this.
QByteArray toCsv(const QList<LedgerEntry> &entries);

} // namespace UsageSummary
