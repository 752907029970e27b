#pragma once

#include <QSqlDatabase>
#include <QString>

// The app's one SQLite file (WAL). Owns the schema: its version lives in PRAGMA user_version and
// migrations run in order on open. Stores (conversations, tasks, ledger) each own their tables.
class Database
{
public:
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(QString *error = nullptr);
    bool isOpen() const;
    QSqlDatabase db() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestSchemaVersion();
    // SQLite binds a null QString as NULL; text columns are NOT NULL, so bind "" instead.
    static QString text(const QString &value) { return value.isNull() ? QStringLiteral("") : value; }

private:
    bool migrate(QString *error);

    QString m_path;
    QString m_connectionName;
};
