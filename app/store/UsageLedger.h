#pragma once

#include "api/StreamDecoder.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

class Database;

struct LedgerEntry
{
    QString kind;  // "chat" or "video"
    QString ref;   // llmusageid or task id
    QString model;
    QDateTime createdAt;
    TokenUsage usage;
    double credits = 0;
    QJsonObject details; // the platform's usage object, as it came
};

// What every billed call cost, one row per call (a call is recorded once, however often it is seen).
class UsageLedger : public QObject
{
    Q_OBJECT
public:
    explicit UsageLedger(Database *database, QObject *parent = nullptr);

    bool record(const LedgerEntry &entry);
    QList<LedgerEntry> entries(const QDateTime &from = {}, const QDateTime &to = {}) const;

signals:
    void recorded(const LedgerEntry &entry);

private:
    Database *m_db;
};
