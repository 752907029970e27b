#pragma once

#include "chat/ChatTypes.h"

#include <QList>
#include <QCoreApplication>
#include <QObject>
#include <QSqlDatabase>

class Database;

// Conversations and their messages in the database. Every change is written at once.
class ConversationStore : public QObject
{
    Q_OBJECT
public:
    explicit ConversationStore(Database *database, QObject *parent = nullptr);

    qint64 createConversation(const QString &title, const QString &model, const QString &sysPrompt = {});
    // Newest first. search matches titles and message text (every version): through the trigram
    // index for three characters or more; shorter text in the newest ShortQueryMessages messages. Every
    // title match is listed, and the SearchResultLimit conversations with the newest matching messages.
    QList<Conversation> conversations(const QString &search = {}) const;
    // The newest conversations, a page at a time (the list reads what it shows, not the whole history).
    QList<Conversation> recentConversations(int limit, int offset = 0) const;
    // The same on any connection to the file: searches run on a worker thread with their own.
    static QList<Conversation> searchConversations(const QSqlDatabase &db, const QString &search);
    static constexpr int ShortQueryMessages = 20000;
    static constexpr int SearchResultLimit = 200;
    Conversation conversation(qint64 id) const;
    void renameConversation(qint64 id, const QString &title);
    void setConversationModel(qint64 id, const QString &model);
    void setSystemPrompt(qint64 id, const QString &sysPrompt);
    void setDraft(qint64 id, const QString &draft);
    void deleteConversation(qint64 id);

    // The conversation as shown: from its first message, the version shown at each step, each with
    // its place among its versions (versionIndex/versionCount).
    QList<ChatMessage> messages(qint64 conversationId) const;
    // Every message, every version, oldest first (the JSON export).
    QList<ChatMessage> allMessages(qint64 conversationId) const;
    // The last message shown (0: none): what the next question follows.
    qint64 shownLeaf(qint64 conversationId) const;
    // Up to limit messages that count as context on the shown path ending at leafId, oldest first,
    // read with a LIMIT (not by loading the conversation).
    QList<ChatMessage> contextBefore(qint64 leafId, int limit) const;
    ChatMessage message(qint64 id) const;
    int messageCount(qint64 conversationId) const;
    // A new row (its parentId says what it follows; 0: the last message shown) becomes the version
    // shown among its siblings; nothing is replaced or deleted. 0 when the database refuses (lastError()).
    qint64 addMessage(ChatMessage &message);
    // A question (if given) and its answer, written together or not at all; the answer follows the
    // question. False when the database refuses: then nothing may be sent.
    bool addExchange(ChatMessage *user, ChatMessage &answer);
    bool updateMessage(const ChatMessage &message);
    // Shows the previous (step -1) or next (+1) version of a message; returns the one now shown, or 0.
    qint64 showVersion(qint64 messageId, int step);
    // Deletes one version of a message the user chose to delete, with what followed it on that
    // version's path; a neighbouring version is shown instead. The only version of a message is
    // never deleted (that is deleting the conversation). Returns the version now shown, or 0.
    qint64 deleteVersion(qint64 messageId);
    QString lastError() const { return m_lastError; }
    // The file, for readers on other threads (each with its own connection).
    QString databasePath() const;

    // Answers left "streaming" by a crash or kill become "interrupted". Returns how many.
    int recoverInterrupted();

signals:
    void conversationsChanged();
    void conversationChanged(qint64 id);

private:
    void touch(qint64 id);
    void setText(qint64 id, const char *column, const QString &value);
    qint64 insertMessage(ChatMessage &message);
    // The versions of a message (its siblings and itself), oldest first; empty when it cannot be read.
    QList<qint64> versionsOf(const ChatMessage &message) const;
    Database *m_db;
    QString m_lastError;
};
