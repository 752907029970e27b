#include "chat/ChatRequest.h"

#include "api/ApiCall.h"
#include "api/PlatformClient.h"
#include "chat/ChatSession.h"

ChatRequest::ChatRequest(PlatformClient *client, UsageLedger *ledger, QObject *parent)
    : QObject(parent), m_client(client), m_ledger(ledger)
{
}

ChatRequest::~ChatRequest()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
    }
}

bool ChatRequest::start(const QString &model, const QString &sysPrompt, const QString &prompt)
{
    if (m_stream || !m_ledger)
        return false;
    Conversation conversation;
    conversation.model = model;
    conversation.sysPrompt = sysPrompt;
    const QJsonObject body = ChatSession::buildRequest(conversation, {}, prompt, 0, true);
    m_decoder = StreamDecoder();
    m_assembler.reset(true);
    m_answer = ChatMessage();
    m_transportError = ApiError();
    m_answer.role = ChatMessage::Role::Assistant;
    m_answer.state = ChatMessage::State::Streaming;
    m_answer.model = model;
    m_answer.createdAt = QDateTime::currentDateTime();
    StreamCall *call = m_client->postStream(QStringLiteral("/llmage/t2t"), body);
    m_stream = call;
    connect(call, &StreamCall::bytesArrived, this,
            [this](const QByteArray &bytes) { apply(m_decoder.feed(bytes)); });
    connect(call, &StreamCall::finished, this, [this, call](const ApiError &error) {
        apply(m_decoder.finish());
        m_transportError = error;
        m_assembler.finish(m_answer, error);
        AnswerAssembler::recordUsage(
            m_ledger, m_answer, QStringLiteral("request-%1").arg(m_answer.createdAt.toMSecsSinceEpoch()));
        m_stream = nullptr;
        emit finished(m_answer);
    });
    return true;
}

void ChatRequest::stop()
{
    if (m_stream)
        m_stream->abort();
}

void ChatRequest::apply(const QList<StreamEvent> &events)
{
    const int before = int(m_answer.content.size());
    m_assembler.apply(m_answer, events, m_decoder.status());
    if (m_answer.content.size() != before)
        emit textChanged(m_answer.content);
}
