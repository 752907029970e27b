#pragma once

#include "api/ApiError.h"
#include "api/BackgroundStreamDecoder.h"
#include "chat/AnswerAssembler.h"
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

    // Nothing is sent unless the question and its (empty) answer are written first; when they cannot
    // be, sendRefused() says why. Nothing is ever deleted: asking again adds versions.
    bool send(qint64 conversationId, const QString &text);
    // Asks the last question shown again: a new answer beside the old ones.
    bool regenerate(qint64 conversationId);
    // Regenerate or Retry of one answer: a new version of the answer to userMessageId.
    bool answerAgain(qint64 conversationId, qint64 userMessageId);
    // The edited question is a new version beside the old one, and is sent.
    bool editAndResend(qint64 conversationId, qint64 userMessageId, const QString &text);
    void stop();
    // Stops the answer and saves it as stopped before returning (quitting): the text received so far,
    // including what the decoder still holds, is kept, and nothing is left "streaming".
    void stopAndSave(int waitMs = 2000);

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
    // A new version was started: the conversation shown follows another path (reload it).
    void pathChanged(qint64 conversationId);
    void busyChanged(bool busy);
    void sendRefused(const QString &reason);

private:
    bool canStart();
    bool start(qint64 conversationId, const QString &prompt, qint64 contextLeaf, qint64 existingQuestion,
               bool newVersion);
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
    // Streamed replies are decoded off the UI thread; m_answer gathers them and decides how they ended.
    BackgroundStreamDecoder *m_decoder;
    AnswerAssembler m_answer;
    ApiError m_transportError; // how the stream ended, kept until the decoder has caught up
    ChatMessage m_active;
    bool m_busy = false;
    bool m_streaming = true;
    int m_historyTurns = 10;
    QTimer *m_uiTimer;
    QTimer *m_saveTimer;
};
