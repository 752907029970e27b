#pragma once

#include "api/ApiError.h"
#include "api/BackgroundStreamDecoder.h"
#include "chat/ChatTypes.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class PlatformClient;
class ConversationStore;
class UsageLedger;
class StreamCall;
class ApiCall;
class QTimer;

// One answer in flight: request → decoder → message, written through to the store. The message grows
// in memory; listeners hear of it at most once per frame; the database is at most ~1 s behind, so a
// crash leaves the partial answer (marked interrupted on the next start). Nothing is ever resent on
// its own: every call may be billed.
class ChatSession : public QObject
{
    Q_OBJECT
public:
    ChatSession(PlatformClient *client, ConversationStore *store, UsageLedger *ledger, QObject *parent = nullptr);

    void setHistoryTurns(int turns) { m_historyTurns = turns; }
    void setStreaming(bool streaming) { m_streaming = streaming; }
    // How often listeners and the database hear of a growing answer.
    void setIntervals(int uiMs, int saveMs);

    bool send(qint64 conversationId, const QString &text);
    // Asks the last question of the conversation again (also "Retry" on an interrupted answer).
    bool regenerate(qint64 conversationId);
    // Replaces a user message (and everything after it) and sends the new text.
    bool editAndResend(qint64 conversationId, qint64 userMessageId, const QString &text);
    void stop();

    bool isBusy() const { return m_busy; }
    qint64 activeConversationId() const { return m_busy ? m_active.conversationId : 0; }
    const ChatMessage &activeMessage() const { return m_active; }

    // The /llmage/t2t body: model, prompt, sys_prompt, stream (a JSON boolean) and messages.
    static QJsonObject buildRequest(const Conversation &conversation, const QList<ChatMessage> &history,
                                    const QString &prompt, int historyTurns, bool stream);

signals:
    void messageAdded(const ChatMessage &message);
    void activeMessageChanged(const ChatMessage &message);
    void messageFinished(const ChatMessage &message);
    void messagesRemoved(qint64 conversationId);
    void busyChanged(bool busy);
    void sendRefused(const QString &reason);

private:
    // Events of the answer, with what the reply has said of itself so far.
    void apply(const QList<StreamEvent> &events, const StreamDecoder::Status &status);
    void onStreamFinished(const ApiError &error);
    void finalize(const ApiError &transportError);
    void save();

    PlatformClient *m_client;
    ConversationStore *m_store;
    UsageLedger *m_ledger;
    QPointer<StreamCall> m_stream;
    QPointer<ApiCall> m_call;
    // Streamed replies are decoded off the UI thread; m_decoded is what the reply said of itself.
    BackgroundStreamDecoder *m_decoder;
    StreamDecoder::Status m_decoded;
    ApiError m_transportError; // how the stream ended, kept until the decoder has caught up
    ChatMessage m_active;
    QString m_inBandError;
    bool m_busy = false;
    bool m_streaming = true;
    bool m_activeIsStream = true;
    int m_historyTurns = 10;
    QTimer *m_uiTimer;
    QTimer *m_saveTimer;
};
