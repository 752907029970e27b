#include "store/Database.h"

#include "core/Hardening.h"
#include "core/Log.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
// Each entry moves the schema one version up. Never edit a released entry: add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list{
        // 1: conversations and messages
        {QStringLiteral("CREATE TABLE conversations (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,"
                        " model TEXT NOT NULL, sys_prompt TEXT NOT NULL DEFAULT '', draft TEXT NOT NULL DEFAULT '',"
                        " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
         QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
                        " role TEXT NOT NULL, content TEXT NOT NULL DEFAULT '', reasoning TEXT NOT NULL DEFAULT '',"
                        " state TEXT NOT NULL, error TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '',"
                        " created_at INTEGER NOT NULL, finished_at INTEGER, prompt_tokens INTEGER,"
                        " completion_tokens INTEGER, cached_tokens INTEGER, total_tokens INTEGER, llmusageid TEXT)"),
         QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, id)")},
        // 2: what every billed call cost
        {QStringLiteral("CREATE TABLE usage_ledger (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
                        " ref TEXT NOT NULL, model TEXT NOT NULL, created_at INTEGER NOT NULL,"
                        " prompt_tokens INTEGER NOT NULL DEFAULT 0, completion_tokens INTEGER NOT NULL DEFAULT 0,"
                        " cached_tokens INTEGER NOT NULL DEFAULT 0, total_tokens INTEGER NOT NULL DEFAULT 0,"
                        " credits REAL NOT NULL DEFAULT 0, details TEXT NOT NULL DEFAULT '{}',"
                        " UNIQUE(kind, ref))"),
         QStringLiteral("CREATE INDEX usage_by_time ON usage_ledger(created_at)")},
        // 3: video tasks, written before their request is sent
        {QStringLiteral("CREATE TABLE video_tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL,"
                        " updated_at INTEGER NOT NULL, mode TEXT NOT NULL, llmid TEXT NOT NULL, model TEXT NOT NULL,"
                        " prompt TEXT NOT NULL, params TEXT NOT NULL, images TEXT NOT NULL, state TEXT NOT NULL,"
                        " taskid TEXT NOT NULL DEFAULT '', platform_status TEXT NOT NULL DEFAULT '',"
                        " error TEXT NOT NULL DEFAULT '', error_code TEXT NOT NULL DEFAULT '',"
                        " video_url TEXT NOT NULL DEFAULT '', cover_url TEXT NOT NULL DEFAULT '',"
                        " usage TEXT NOT NULL DEFAULT '{}', video_path TEXT NOT NULL DEFAULT '',"
                        " cover_path TEXT NOT NULL DEFAULT '', request_bytes INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX tasks_by_time ON video_tasks(created_at)"),
         QStringLiteral("CREATE INDEX tasks_by_state ON video_tasks(state)")},
        // 4: a task's maximum age, when it first succeeded (its links last ~24 h from then), the process that
        // is submitting it; and the batch jobs sent, written in the same transaction as their task rows
        {QStringLiteral("ALTER TABLE video_tasks ADD COLUMN deadline_at INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE video_tasks ADD COLUMN succeeded_at INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE video_tasks ADD COLUMN session TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("CREATE TABLE batch_jobs (job_key TEXT PRIMARY KEY, batch TEXT NOT NULL,"
                        " task_row INTEGER NOT NULL, line INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)"),
         // Start-up reads what it resumes, not the whole history: the downloads never finished, and each
         // row's last change (read from this index alone) to notice other processes' changes.
         QStringLiteral("CREATE INDEX tasks_to_download ON video_tasks(created_at) WHERE state = 'succeeded'"
                        " AND video_url <> '' AND error_code <> 'expired' AND (video_path = '' OR (cover_url <> '' AND cover_path = ''))"),
         QStringLiteral("CREATE INDEX tasks_by_update ON video_tasks(updated_at)")},
        // 5: chat versions and search: an answer asked again, or a question
        // edited, is a new version beside the old (same parent_id); `active` marks the version shown.
        // messages_fts indexes every message's text (trigram: Chinese has no spaces), kept in step by
        // triggers.
        {QStringLiteral("ALTER TABLE messages ADD COLUMN parent_id INTEGER"),
         QStringLiteral("ALTER TABLE messages ADD COLUMN active INTEGER NOT NULL DEFAULT 1"),
         QStringLiteral("UPDATE messages SET parent_id = (SELECT MAX(p.id) FROM messages p"
                        " WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id)"),
         QStringLiteral("CREATE INDEX messages_by_parent ON messages(conversation_id, parent_id)"),
         // The conversation list reads its newest page at start-up: no sort of the whole history.
         QStringLiteral("CREATE INDEX conversations_by_update ON conversations(updated_at, id)"),
         // Start-up looks for answers left streaming: without this it would read every message.
         QStringLiteral("CREATE INDEX messages_streaming ON messages(state) WHERE state = 'streaming'"),
         QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content, content='messages',"
                        " content_rowid='id', tokenize='trigram')"),
         QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')"),
         QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
                        " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END"),
         QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
                        " INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content); END"),
         QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages"
                        " WHEN old.content IS NOT new.content BEGIN"
                        " INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
                        " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END")},
        // Issue 18: a favourite among takes (the Library's star, filterable) and the comparison a task was
        // made in (its takes side by side again). The star is written on its own, never by a task update.
        {QStringLiteral("ALTER TABLE video_tasks ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE video_tasks ADD COLUMN comparison TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("CREATE INDEX tasks_by_comparison ON video_tasks(comparison) WHERE comparison <> ''")},
        // Issue 16: storyboards. A board's shots in film order (position); a shot's settings as JSON, its
        // pictures as field key → file or link, whether it continues from the previous shot's last frame,
        // and the take chosen for the film. The takes themselves are tasks, recorded as batch jobs
        // "shot:<id>:…" in the same transaction as their task rows (BoardStore::takeKeyPrefix).
        {QStringLiteral("CREATE TABLE boards (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,"
                        " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
         QStringLiteral("CREATE TABLE board_shots (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " board_id INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                        " llmid TEXT NOT NULL, settings TEXT NOT NULL, images TEXT NOT NULL, chained INTEGER NOT NULL DEFAULT 0,"
                        " chosen_task INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX shots_by_board ON board_shots(board_id, position)")},
        // 8: an untitled conversation has an empty title, shown as "New chat" in the language of the moment.
        // Before, the placeholder was stored as it was then translated; those never asked anything yet
        // follow the language from now on (one with messages was named so by the user).
        {QStringLiteral("UPDATE conversations SET title = '' WHERE title IN ('New chat', '新对话') AND NOT EXISTS"
                        " (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id)")},
        // 9: every write to a task row, in order, so that a process finds what others changed by reading the
        // log since it last looked instead of every task's update time (TaskStore::checkForOutsideChanges).
        // Written by triggers, so every writer (the app, yuanjing, a statement of any store) leaves its
        // trace. `at` (seconds) lets the log be trimmed by age.
        {QStringLiteral("CREATE TABLE task_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, task_id INTEGER NOT NULL,"
                        " at INTEGER NOT NULL)"),
         QStringLiteral("CREATE TRIGGER task_changes_insert AFTER INSERT ON video_tasks BEGIN"
                        " INSERT INTO task_changes(task_id, at) VALUES (new.id, CAST(strftime('%s', 'now') AS INTEGER)); END"),
         QStringLiteral("CREATE TRIGGER task_changes_update AFTER UPDATE ON video_tasks BEGIN"
                        " INSERT INTO task_changes(task_id, at) VALUES (new.id, CAST(strftime('%s', 'now') AS INTEGER)); END"),
         QStringLiteral("CREATE TRIGGER task_changes_delete AFTER DELETE ON video_tasks BEGIN"
                        " INSERT INTO task_changes(task_id, at) VALUES (old.id, CAST(strftime('%s', 'now') AS INTEGER)); END")},
    };
    return list;
}
} // namespace

Database::Database(QString path)
    : m_path(std::move(path)), m_connectionName(QStringLiteral("yuanjing-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

Database::~Database()
{
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        if (database.isOpen())
            database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestSchemaVersion()
{
    return int(migrations().size());
}

bool Database::open(QString *error)
{
    // The user's conversations and tasks: owner-only. SQLite gives the -wal and -shm files it creates
    // the database file's permissions, so creating the file 0600 first covers them too.
    Hardening::makePrivateDir(QFileInfo(m_path).absolutePath());
    if (!QFileInfo::exists(m_path)) {
        QFile create(m_path);
        create.open(QIODevice::WriteOnly | QIODevice::NewOnly, Hardening::PrivateFile);
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFileInfo::exists(m_path + suffix))
            Hardening::makePrivateFile(m_path + suffix); // also a file left readable by an older version
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    database.setDatabaseName(m_path);
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open()) {
        if (error)
            *error = database.lastError().text();
        qCWarning(lcStore) << "cannot open database" << m_path << database.lastError().text();
        return false;
    }
    QSqlQuery q(database);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    // FULL: a commit is on the disk before exec() returns. With WAL, NORMAL may lose the last commits
    // on power loss, and a task row is written before its (billed) submission is sent: after a crash
    // the row must be there, or the paid-for video is unknown to the app. One setting for the whole
    // connection keeps it simple; the cost is one more fsync a commit, and commits are few.
    q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (!migrate(error)) {
        // A schema that is not the app's must not be written to: the file is closed, untouched.
        database.close();
        return false;
    }
    return true;
}

bool Database::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Database::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlQuery q(db());
    q.exec(QStringLiteral("PRAGMA user_version"));
    return q.next() ? q.value(0).toInt() : 0;
}

bool Database::migrate(QString *error)
{
    QSqlDatabase database = db();
    int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        if (error)
            *error = QStringLiteral("database schema %1 is newer than this version of the app (%2)")
                         .arg(version)
                         .arg(latestSchemaVersion());
        return false;
    }
    while (version < latestSchemaVersion()) {
        database.transaction();
        QSqlQuery q(database);
        for (const QString &statement : migrations().at(version)) {
            if (!q.exec(statement)) {
                if (error)
                    *error = q.lastError().text();
                qCWarning(lcStore) << "migration" << version + 1 << "failed:" << q.lastError().text();
                database.rollback();
                return false;
            }
        }
        ++version;
        q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        database.commit();
        qCInfo(lcStore) << "database schema now at version" << version;
    }
    return true;
}
