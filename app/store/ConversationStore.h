#pragma once

#include "chat/ChatTypes.h"

#include <QList>
#include <QObject>

class Database;

// Conversations and their messages in the database. Every change is written at once.
class ConversationStore : public QObject
{
    Q_OBJECT
public:
    explicit ConversationStore(Database *database, QObject *parent = nullptr);

    qint64 createConversation(const QString &title, const QString &model, const QString &sysPrompt = {});
    // Newest first. search matches titles and message text.
    QList<Conversation> conversations(const QString &search = {}) const;
    Conversation conversation(qint64 id) const;
    void renameConversation(qint64 id, const QString &title);
    void setConversationModel(qint64 id, const QString &model);
    void setSystemPrompt(qint64 id, const QString &sysPrompt);
    void setDraft(qint64 id, const QString &draft);
    void deleteConversation(qint64 id);

    QList<ChatMessage> messages(qint64 conversationId) const;
    ChatMessage message(qint64 id) const;
    int messageCount(qint64 conversationId) const;
    qint64 addMessage(ChatMessage &message);
    bool updateMessage(const ChatMessage &message);
    // Deletes the message and every later one in its conversation (edit-and-resend, regenerate).
    void deleteMessagesFrom(qint64 conversationId, qint64 messageId);

    // Answers left "streaming" by a crash or kill become "interrupted". Returns how many.
    int recoverInterrupted();

signals:
    void conversationsChanged();
    void conversationChanged(qint64 id);

private:
    void touch(qint64 id);
    void setText(qint64 id, const char *column, const QString &value);
    Database *m_db;
};
