#pragma once

#include "api/StreamDecoder.h"
#include "chat/AnswerAssembler.h"
#include "chat/ChatTypes.h"

#include <QObject>
#include <QPointer>

#include "api/ApiCall.h"

class PlatformClient;
class UsageLedger;
class StreamCall;

// One streamed question outside any conversation (prompt help, storyboard planning): the same request
// as the chat's, ended by the same AnswerAssembler, its usage recorded in the ledger like any chat call.
// Nothing is resent on its own: a new start() is the user asking again.
class ChatRequest : public QObject
{
    Q_OBJECT
public:
    ChatRequest(PlatformClient *client, UsageLedger *ledger, QObject *parent = nullptr);
    ~ChatRequest() override;

    // False (and nothing sent) while one is already running, or without a ledger to record its cost.
    bool start(const QString &model, const QString &sysPrompt, const QString &prompt);
    void stop();
    bool isBusy() const { return m_stream; }
    const ChatMessage &answer() const { return m_answer; }
    AnswerAssembler::Reason reason() const { return m_assembler.reason(); }
    // How the call itself ended (none for a clean end): what the command line's exit code is made of.
    const ApiError &transportError() const { return m_transportError; }

signals:
    void textChanged(const QString &textSoFar);
    // answer.state says how it ended (Done only when complete); answer.error why not.
    void finished(const ChatMessage &answer);

private:
    void apply(const QList<StreamEvent> &events);

    PlatformClient *m_client;
    UsageLedger *m_ledger;
    QPointer<StreamCall> m_stream;
    StreamDecoder m_decoder;
    AnswerAssembler m_assembler;
    ChatMessage m_answer;
    ApiError m_transportError;
};
