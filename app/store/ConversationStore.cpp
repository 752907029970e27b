#include "store/ConversationStore.h"

#include "core/Log.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong());
}

QVariant nullableInt(bool valid, int value)
{
    return valid ? QVariant(value) : QVariant(QMetaType::fromType<int>());
}

bool run(QSqlQuery &q)
{
    if (!q.exec()) {
        qCWarning(lcStore) << "query failed:" << q.lastError().text() << q.lastQuery();
        return false;
    }
    return true;
}

Conversation conversationFrom(const QSqlQuery &q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.model = q.value(2).toString();
    c.sysPrompt = q.value(3).toString();
    c.draft = q.value(4).toString();
    c.createdAt = fromMs(q.value(5));
    c.updatedAt = fromMs(q.value(6));
    return c;
}

const char *MessageColumns = "id, conversation_id, role, content, reasoning, state, error, model, created_at,"
                             " finished_at, prompt_tokens, completion_tokens, cached_tokens, total_tokens, llmusageid,"
                             " parent_id, active";

ChatMessage messageFrom(const QSqlQuery &q)
{
    ChatMessage m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.role = ChatMessage::roleFromName(q.value(2).toString());
    m.content = q.value(3).toString();
    m.reasoning = q.value(4).toString();
    m.state = ChatMessage::stateFromName(q.value(5).toString());
    // error holds "code\ntext": the code survives a language switch, the text is what the user saw.
    const QString error = q.value(6).toString();
    const qsizetype nl = error.indexOf(QLatin1Char('\n'));
    m.errorCode = nl >= 0 ? error.left(nl) : QString();
    m.error = nl >= 0 ? error.mid(nl + 1) : error;
    m.model = q.value(7).toString();
    m.createdAt = fromMs(q.value(8));
    m.finishedAt = fromMs(q.value(9));
    if (!q.value(10).isNull()) {
        m.usage.valid = true;
        m.usage.promptTokens = q.value(10).toInt();
        m.usage.completionTokens = q.value(11).toInt();
        m.usage.cachedTokens = q.value(12).toInt();
        m.usage.totalTokens = q.value(13).toInt();
    }
    m.llmUsageId = q.value(14).toString();
    m.parentId = q.value(15).toLongLong();
    m.active = q.value(16).toInt() != 0;
    return m;
}

// MessageColumns, each named with its table (for joins).
QString qualifiedColumns()
{
    QStringList columns = QString::fromLatin1(MessageColumns).split(QLatin1Char(','));
    for (QString &c : columns)
        c = QStringLiteral("messages.") + c.trimmed();
    return columns.join(QStringLiteral(", "));
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// The conversation as shown, from all its rows (oldest first): from the first message, at each step
// the version shown among the children of the one before, each told its place among its versions.
QList<ChatMessage> shownPath(const QList<ChatMessage> &all)
{
    QHash<qint64, QList<int>> children; // parent id (0: none) → rows, oldest first
    for (int i = 0; i < all.size(); ++i)
        children[all.at(i).parentId].append(i);
    QList<ChatMessage> path;
    qint64 parent = 0;
    QSet<qint64> seen; // a damaged file must not loop
    while (children.contains(parent) && !seen.contains(parent)) {
        seen.insert(parent);
        const QList<int> &versions = children.value(parent);
        int chosen = int(versions.size()) - 1;
        for (int v = int(versions.size()) - 1; v >= 0; --v) {
            if (all.at(versions.at(v)).active) {
                chosen = v;
                break;
            }
        }
        ChatMessage m = all.at(versions.at(chosen));
        m.versionIndex = chosen + 1;
        m.versionCount = int(versions.size());
        parent = m.id;
        path.append(std::move(m));
    }
    return path;
}
} // namespace

ConversationStore::ConversationStore(Database *database, QObject *parent) : QObject(parent), m_db(database)
{
    qRegisterMetaType<ChatMessage>();
}

qint64 ConversationStore::createConversation(const QString &title, const QString &model, const QString &sysPrompt)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("INSERT INTO conversations (title, model, sys_prompt, created_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?)"));
    const qint64 t = now();
    q.addBindValue(Database::text(title));
    q.addBindValue(Database::text(model));
    q.addBindValue(Database::text(sysPrompt));
    q.addBindValue(t);
    q.addBindValue(t);
    if (!run(q))
        return 0;
    emit conversationsChanged();
    return q.lastInsertId().toLongLong();
}

QString ConversationStore::databasePath() const
{
    return m_db->path();
}

QList<Conversation> ConversationStore::conversations(const QString &search) const
{
    return searchConversations(m_db->db(), search);
}

QList<Conversation> ConversationStore::recentConversations(int limit, int offset) const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT c.id, c.title, c.model, c.sys_prompt, c.draft, c.created_at, c.updated_at FROM conversations c"
                             " ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    QList<Conversation> list;
    if (!run(q))
        return list;
    while (q.next())
        list.append(conversationFrom(q));
    return list;
}

QList<Conversation> ConversationStore::searchConversations(const QSqlDatabase &db, const QString &search)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString columns = QStringLiteral("c.id, c.title, c.model, c.sys_prompt, c.draft, c.created_at, c.updated_at");
    QList<Conversation> list;
    const QString text = search.trimmed();
    if (text.isEmpty()) {
        q.prepare(QStringLiteral("SELECT %1 FROM conversations c ORDER BY c.updated_at DESC, c.id DESC").arg(columns));
        if (!run(q))
            return list;
        while (q.next())
            list.append(conversationFrom(q));
        return list;
    }
    QString like = text;
    like.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
    like = QLatin1Char('%') + like + QLatin1Char('%');

    QSet<qint64> ids;
    q.prepare(QStringLiteral("SELECT id FROM conversations WHERE title LIKE ? ESCAPE '\\'"));
    q.addBindValue(like);
    if (!run(q))
        return list;
    while (q.next())
        ids.insert(q.value(0).toLongLong());

    // Messages, newest first, until SearchResultLimit conversations are found: the index hands its
    // matches over lazily, so a common word costs what the first conversations cost, not every match.
    // The trigram index finds any text of three characters or more (Chinese included); shorter text has
    // no trigram and is looked for in the newest ShortQueryMessages messages.
    if (text.toUcs4().size() >= 3) {
        q.prepare(QStringLiteral("SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid"
                                 " WHERE messages_fts MATCH ? ORDER BY f.rowid DESC"));
        QString phrase = text;
        phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
        q.addBindValue(QLatin1Char('"') + phrase + QLatin1Char('"'));
    } else {
        q.prepare(QStringLiteral("SELECT r.conversation_id FROM (SELECT conversation_id, content FROM messages"
                                 " ORDER BY id DESC LIMIT %1) r WHERE r.content LIKE ? ESCAPE '\\'")
                      .arg(ShortQueryMessages));
        q.addBindValue(like);
    }
    if (!run(q))
        return list;
    QSet<qint64> fromMessages;
    while (fromMessages.size() < SearchResultLimit && q.next())
        fromMessages.insert(q.value(0).toLongLong());
    q.finish();
    ids.unite(fromMessages);
    if (ids.isEmpty())
        return list;

    QStringList idList; // integers of our own: safe to write into the statement
    idList.reserve(ids.size());
    for (const qint64 id : std::as_const(ids))
        idList << QString::number(id);
    q.prepare(QStringLiteral("SELECT %1 FROM conversations c WHERE c.id IN (%2) ORDER BY c.updated_at DESC, c.id DESC")
                  .arg(columns, idList.join(QLatin1Char(','))));
    if (!run(q))
        return list;
    while (q.next())
        list.append(conversationFrom(q));
    return list;
}

Conversation ConversationStore::conversation(qint64 id) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id, title, model, sys_prompt, draft, created_at, updated_at FROM conversations WHERE id = ?"));
    q.addBindValue(id);
    if (run(q) && q.next())
        return conversationFrom(q);
    return {};
}

void ConversationStore::touch(qint64 id)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    q.addBindValue(now());
    q.addBindValue(id);
    run(q);
}

void ConversationStore::setText(qint64 id, const char *column, const QString &value)
{
    // column is one of this class's own literals, never user input.
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE conversations SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue(Database::text(value));
    q.addBindValue(id);
    run(q);
}

void ConversationStore::renameConversation(qint64 id, const QString &title)
{
    setText(id, "title", title.trimmed());
    emit conversationsChanged();
    emit conversationChanged(id);
}

void ConversationStore::setConversationModel(qint64 id, const QString &model)
{
    setText(id, "model", model);
}

void ConversationStore::setSystemPrompt(qint64 id, const QString &sysPrompt)
{
    setText(id, "sys_prompt", sysPrompt);
}

void ConversationStore::setDraft(qint64 id, const QString &draft)
{
    setText(id, "draft", draft);
}

void ConversationStore::deleteConversation(qint64 id)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("DELETE FROM messages WHERE conversation_id = ?"));
    q.addBindValue(id);
    run(q);
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    q.addBindValue(id);
    run(q);
    emit conversationsChanged();
}

QList<ChatMessage> ConversationStore::allMessages(qint64 conversationId) const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE conversation_id = ? ORDER BY id")
                  .arg(QLatin1String(MessageColumns)));
    q.addBindValue(conversationId);
    QList<ChatMessage> list;
    if (!run(q))
        return list;
    while (q.next())
        list.append(messageFrom(q));
    // Each one's place among its versions, for the export.
    QHash<qint64, int> count;
    for (const ChatMessage &m : list)
        ++count[m.parentId];
    QHash<qint64, int> seen;
    for (ChatMessage &m : list) {
        m.versionIndex = ++seen[m.parentId];
        m.versionCount = count.value(m.parentId);
    }
    return list;
}

QList<ChatMessage> ConversationStore::messages(qint64 conversationId) const
{
    return shownPath(allMessages(conversationId));
}

qint64 ConversationStore::shownLeaf(qint64 conversationId) const
{
    // Down the shown versions from the first message; only ids are read.
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id, parent_id, active FROM messages WHERE conversation_id = ? ORDER BY id"));
    q.addBindValue(conversationId);
    if (!run(q))
        return 0;
    QList<ChatMessage> all;
    while (q.next()) {
        ChatMessage m;
        m.id = q.value(0).toLongLong();
        m.parentId = q.value(1).toLongLong();
        m.active = q.value(2).toInt() != 0;
        all.append(m);
    }
    const QList<ChatMessage> path = shownPath(all);
    return path.isEmpty() ? 0 : path.last().id;
}

QList<ChatMessage> ConversationStore::contextBefore(qint64 leafId, int limit) const
{
    QList<ChatMessage> list;
    if (leafId <= 0 || limit <= 0)
        return list;
    // Up the parents from the leaf, only as far as needed: the request's history is read with a
    // LIMIT, never by loading the whole conversation. Failed and empty messages are no context.
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL"
                             " SELECT m.parent_id, up.depth + 1 FROM messages m JOIN up ON m.id = up.id"
                             " WHERE m.parent_id IS NOT NULL LIMIT ?)"
                             " SELECT %1 FROM messages JOIN up ON messages.id = up.id"
                             " WHERE messages.content <> '' AND messages.state <> 'failed'"
                             " ORDER BY up.depth LIMIT ?")
                  .arg(qualifiedColumns()));
    q.addBindValue(leafId);
    q.addBindValue(qMax(64, limit * 4)); // a walk bounded even through many failed answers
    q.addBindValue(limit);
    if (!run(q))
        return list;
    while (q.next())
        list.prepend(messageFrom(q));
    return list;
}

ChatMessage ConversationStore::message(qint64 id) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(QLatin1String(MessageColumns)));
    q.addBindValue(id);
    if (run(q) && q.next())
        return messageFrom(q);
    return {};
}

int ConversationStore::messageCount(qint64 conversationId) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = ?"));
    q.addBindValue(conversationId);
    return run(q) && q.next() ? q.value(0).toInt() : 0;
}

qint64 ConversationStore::insertMessage(ChatMessage &m)
{
    if (!m.createdAt.isValid())
        m.createdAt = QDateTime::currentDateTime();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("INSERT INTO messages (conversation_id, role, content, reasoning, state, error, model,"
                             " created_at, finished_at, prompt_tokens, completion_tokens, cached_tokens, total_tokens,"
                             " llmusageid, parent_id, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    q.addBindValue(m.conversationId);
    q.addBindValue(ChatMessage::roleName(m.role));
    q.addBindValue(Database::text(m.content));
    q.addBindValue(Database::text(m.reasoning));
    q.addBindValue(ChatMessage::stateName(m.state));
    q.addBindValue(m.error.isEmpty() ? QStringLiteral("") : m.errorCode + QLatin1Char('\n') + m.error);
    q.addBindValue(Database::text(m.model));
    q.addBindValue(m.createdAt.toMSecsSinceEpoch());
    q.addBindValue(m.finishedAt.isValid() ? QVariant(m.finishedAt.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.promptTokens));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.completionTokens));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.cachedTokens));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.totalTokens));
    q.addBindValue(m.llmUsageId);
    q.addBindValue(nullableId(m.parentId));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcStore) << "cannot add a message:" << m_lastError;
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    // The new one is the version shown; its siblings stay, one click away.
    QSqlQuery siblings(m_db->db());
    siblings.prepare(QStringLiteral("UPDATE messages SET active = 0 WHERE conversation_id = ? AND parent_id IS ? AND id <> ?"));
    siblings.addBindValue(m.conversationId);
    siblings.addBindValue(nullableId(m.parentId));
    siblings.addBindValue(id);
    if (!siblings.exec()) {
        m_lastError = siblings.lastError().text();
        return 0;
    }
    m.id = id;
    m.active = true;
    // The newest of its versions.
    QSqlQuery count(m_db->db());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND parent_id IS ?"));
    count.addBindValue(m.conversationId);
    count.addBindValue(nullableId(m.parentId));
    m.versionCount = run(count) && count.next() ? count.value(0).toInt() : 1;
    m.versionIndex = m.versionCount;
    return id;
}

qint64 ConversationStore::addMessage(ChatMessage &m)
{
    if (m.parentId == 0)
        m.parentId = shownLeaf(m.conversationId); // appended to the conversation as shown
    QSqlDatabase db = m_db->db();
    db.transaction();
    if (insertMessage(m) == 0) {
        db.rollback();
        m.id = 0;
        return 0;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        db.rollback();
        m.id = 0;
        return 0;
    }
    touch(m.conversationId);
    emit conversationsChanged();
    return m.id;
}

bool ConversationStore::addExchange(ChatMessage *user, ChatMessage &answer)
{
    QSqlDatabase db = m_db->db();
    if (!db.isOpen()) {
        m_lastError = tr("the database is not open");
        return false;
    }
    db.transaction();
    bool ok = true;
    if (user) {
        ok = insertMessage(*user) != 0;
        answer.parentId = user->id;
    }
    ok = ok && insertMessage(answer) != 0;
    if (ok && !db.commit()) {
        m_lastError = db.lastError().text();
        ok = false;
    }
    if (!ok) {
        db.rollback();
        if (user)
            user->id = 0;
        answer.id = 0;
        return false;
    }
    touch(answer.conversationId);
    emit conversationsChanged();
    return true;
}

QList<qint64> ConversationStore::versionsOf(const ChatMessage &m) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY id"));
    q.addBindValue(m.conversationId);
    q.addBindValue(nullableId(m.parentId));
    QList<qint64> ids;
    if (run(q))
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

qint64 ConversationStore::showVersion(qint64 messageId, int step)
{
    const ChatMessage m = message(messageId);
    if (m.id == 0)
        return 0;
    const QList<qint64> ids = versionsOf(m);
    const qsizetype at = ids.indexOf(messageId);
    const qsizetype to = at + step;
    if (at < 0 || to < 0 || to >= ids.size())
        return 0;
    QSqlDatabase db = m_db->db();
    db.transaction();
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE messages SET active = (id = ?) WHERE conversation_id = ? AND parent_id IS ?"));
    u.addBindValue(ids.at(to));
    u.addBindValue(m.conversationId);
    u.addBindValue(nullableId(m.parentId));
    if (!run(u) || !db.commit()) {
        db.rollback();
        return 0;
    }
    emit conversationChanged(m.conversationId);
    return ids.at(to);
}

qint64 ConversationStore::deleteVersion(qint64 messageId)
{
    const ChatMessage m = message(messageId);
    if (m.id == 0)
        return 0;
    const QList<qint64> ids = versionsOf(m);
    const qsizetype at = ids.indexOf(messageId);
    if (at < 0 || ids.size() < 2)
        return 0;
    const qint64 shown = ids.at(at > 0 ? at - 1 : at + 1);
    QSqlDatabase db = m_db->db();
    db.transaction();
    QSqlQuery d(db);
    // The version and everything that followed it (answers to it, questions after them, ...).
    d.prepare(QStringLiteral("WITH RECURSIVE gone(id) AS (SELECT ? UNION ALL SELECT messages.id FROM messages "
                             "JOIN gone ON messages.parent_id = gone.id) "
                             "DELETE FROM messages WHERE id IN (SELECT id FROM gone)"));
    d.addBindValue(messageId);
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE messages SET active = (id = ?) WHERE conversation_id = ? AND parent_id IS ?"));
    u.addBindValue(shown);
    u.addBindValue(m.conversationId);
    u.addBindValue(nullableId(m.parentId));
    if (!run(d) || !run(u) || !db.commit()) {
        db.rollback();
        return 0;
    }
    emit conversationChanged(m.conversationId);
    return shown;
}

bool ConversationStore::updateMessage(const ChatMessage &m)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE messages SET content = ?, reasoning = ?, state = ?, error = ?, model = ?,"
                             " finished_at = ?, prompt_tokens = ?, completion_tokens = ?, cached_tokens = ?,"
                             " total_tokens = ?, llmusageid = ? WHERE id = ?"));
    q.addBindValue(Database::text(m.content));
    q.addBindValue(Database::text(m.reasoning));
    q.addBindValue(ChatMessage::stateName(m.state));
    q.addBindValue(m.error.isEmpty() ? QStringLiteral("") : m.errorCode + QLatin1Char('\n') + m.error);
    q.addBindValue(Database::text(m.model));
    q.addBindValue(m.finishedAt.isValid() ? QVariant(m.finishedAt.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.promptTokens));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.completionTokens));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.cachedTokens));
    q.addBindValue(nullableInt(m.usage.valid, m.usage.totalTokens));
    q.addBindValue(m.llmUsageId);
    q.addBindValue(m.id);
    return run(q);
}

int ConversationStore::recoverInterrupted()
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE messages SET state = 'interrupted' WHERE state = 'streaming'"));
    if (!run(q))
        return 0;
    const int n = q.numRowsAffected();
    if (n > 0)
        qCInfo(lcStore) << n << "answer(s) were interrupted by the last exit";
    return n;
}
