#include "store/ConversationStore.h"

#include "core/Log.h"
#include "store/Database.h"

#include <QJsonDocument>
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
                             " finished_at, prompt_tokens, completion_tokens, cached_tokens, total_tokens, llmusageid";

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
    return m;
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

QList<Conversation> ConversationStore::conversations(const QString &search) const
{
    QSqlQuery q(m_db->db());
    const QString columns = QStringLiteral("c.id, c.title, c.model, c.sys_prompt, c.draft, c.created_at, c.updated_at");
    if (search.trimmed().isEmpty()) {
        q.prepare(QStringLiteral("SELECT %1 FROM conversations c ORDER BY c.updated_at DESC, c.id DESC").arg(columns));
    } else {
        q.prepare(QStringLiteral("SELECT %1 FROM conversations c WHERE c.title LIKE ? ESCAPE '\\' OR EXISTS"
                                 " (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\')"
                                 " ORDER BY c.updated_at DESC, c.id DESC")
                      .arg(columns));
        QString pattern = search.trimmed();
        pattern.replace(QLatin1String("\\"), QLatin1String("\\\\"))
            .replace(QLatin1String("%"), QLatin1String("\\%"))
            .replace(QLatin1String("_"), QLatin1String("\\_"));
        q.addBindValue(QLatin1Char('%') + pattern + QLatin1Char('%'));
        q.addBindValue(QLatin1Char('%') + pattern + QLatin1Char('%'));
    }
    QList<Conversation> list;
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

QList<ChatMessage> ConversationStore::messages(qint64 conversationId) const
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

qint64 ConversationStore::addMessage(ChatMessage &m)
{
    if (!m.createdAt.isValid())
        m.createdAt = QDateTime::currentDateTime();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("INSERT INTO messages (conversation_id, role, content, reasoning, state, error, model,"
                             " created_at, finished_at, prompt_tokens, completion_tokens, cached_tokens, total_tokens,"
                             " llmusageid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
    if (!run(q))
        return 0;
    m.id = q.lastInsertId().toLongLong();
    touch(m.conversationId);
    emit conversationsChanged();
    return m.id;
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

void ConversationStore::deleteMessagesFrom(qint64 conversationId, qint64 messageId)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND id >= ?"));
    q.addBindValue(conversationId);
    q.addBindValue(messageId);
    run(q);
    emit conversationChanged(conversationId);
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
