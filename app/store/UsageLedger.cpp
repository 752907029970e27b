#include "store/UsageLedger.h"

#include "core/Log.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

UsageLedger::UsageLedger(Database *database, QObject *parent) : QObject(parent), m_db(database) {}

bool UsageLedger::record(const LedgerEntry &e)
{
    if (e.ref.isEmpty())
        return false;
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO usage_ledger (kind, ref, model, created_at, prompt_tokens,"
                             " completion_tokens, cached_tokens, total_tokens, credits, details)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.kind);
    q.addBindValue(e.ref);
    q.addBindValue(e.model);
    q.addBindValue((e.createdAt.isValid() ? e.createdAt : QDateTime::currentDateTime()).toMSecsSinceEpoch());
    q.addBindValue(e.usage.promptTokens);
    q.addBindValue(e.usage.completionTokens);
    q.addBindValue(e.usage.cachedTokens);
    q.addBindValue(e.usage.totalTokens);
    q.addBindValue(e.credits);
    q.addBindValue(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        qCWarning(lcStore) << "ledger write failed:" << q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() > 0)
        emit recorded(e);
    return true;
}

QList<LedgerEntry> UsageLedger::entries(const QDateTime &from, const QDateTime &to) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT kind, ref, model, created_at, prompt_tokens, completion_tokens, cached_tokens,"
                             " total_tokens, credits, details FROM usage_ledger WHERE created_at >= ? AND created_at < ?"
                             " ORDER BY created_at"));
    q.addBindValue(from.isValid() ? from.toMSecsSinceEpoch() : 0);
    q.addBindValue(to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    QList<LedgerEntry> list;
    if (!q.exec())
        return list;
    while (q.next()) {
        LedgerEntry e;
        e.kind = q.value(0).toString();
        e.ref = q.value(1).toString();
        e.model = q.value(2).toString();
        e.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong());
        e.usage.promptTokens = q.value(4).toInt();
        e.usage.completionTokens = q.value(5).toInt();
        e.usage.cachedTokens = q.value(6).toInt();
        e.usage.totalTokens = q.value(7).toInt();
        e.usage.valid = true;
        e.credits = q.value(8).toDouble();
        e.details = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
        list.append(e);
    }
    return list;
}
