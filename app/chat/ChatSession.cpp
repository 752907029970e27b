#include "chat/ChatSession.h"

#include "api/ApiCall.h"
#include "api/PlatformClient.h"
#include "core/Log.h"
#include "store/ConversationStore.h"
#include "store/UsageLedger.h"

#include <QJsonArray>
#include <QTimer>

ChatSession::ChatSession(PlatformClient *client, ConversationStore *store, UsageLedger *ledger, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_ledger(ledger), m_uiTimer(new QTimer(this)),
      m_saveTimer(new QTimer(this))
{
    m_decoder = new BackgroundStreamDecoder(this);
    connect(m_decoder, &BackgroundStreamDecoder::decoded, this, &ChatSession::apply);
    connect(m_decoder, &BackgroundStreamDecoder::finished, this, [this](const StreamDecoder::Status &status) {
        m_decoded = status;
        finalize(m_transportError);
    });
    m_uiTimer->setSingleShot(true);
    m_uiTimer->setInterval(16);
    connect(m_uiTimer, &QTimer::timeout, this, [this] { emit activeMessageChanged(m_active); });
    m_saveTimer->setInterval(1000);
    connect(m_saveTimer, &QTimer::timeout, this, &ChatSession::save);
}

void ChatSession::setIntervals(int uiMs, int saveMs)
{
    m_uiTimer->setInterval(uiMs);
    m_saveTimer->setInterval(saveMs);
}

QJsonObject ChatSession::buildRequest(const Conversation &conversation, const QList<ChatMessage> &history,
                                      const QString &prompt, int historyTurns, bool stream)
{
    QJsonArray messages;
    if (!conversation.sysPrompt.trimmed().isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), conversation.sysPrompt}});
    // The last historyTurns exchanges (a user message and its answer each) that carry text.
    QList<const ChatMessage *> context;
    for (const ChatMessage &m : history)
        if (m.countsAsContext())
            context.append(&m);
    const qsizetype keep = qMin<qsizetype>(context.size(), qsizetype(historyTurns) * 2);
    for (qsizetype i = context.size() - keep; i < context.size(); ++i)
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(context.at(i)->role)},
                                    {QStringLiteral("content"), context.at(i)->content}});
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), prompt}});

    QJsonObject body{{QStringLiteral("model"), conversation.model},
                     {QStringLiteral("prompt"), prompt},
                     {QStringLiteral("stream"), stream},
                     {QStringLiteral("messages"), messages}};
    if (!conversation.sysPrompt.trimmed().isEmpty())
        body.insert(QStringLiteral("sys_prompt"), conversation.sysPrompt);
    return body;
}

bool ChatSession::send(qint64 conversationId, const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (m_busy) {
        emit sendRefused(tr("An answer is still arriving. Stop it first."));
        return false;
    }
    if (text.isEmpty())
        return false;
    const Conversation conversation = m_store->conversation(conversationId);
    if (conversation.id == 0)
        return false;
    const QList<ChatMessage> history = m_store->messages(conversationId);

    ChatMessage user;
    user.conversationId = conversationId;
    user.role = ChatMessage::Role::User;
    user.content = text;
    user.model = conversation.model;
    m_store->addMessage(user);
    emit messageAdded(user);

    m_active = ChatMessage();
    m_active.conversationId = conversationId;
    m_active.role = ChatMessage::Role::Assistant;
    m_active.state = ChatMessage::State::Streaming;
    m_active.model = conversation.model;
    m_store->addMessage(m_active);
    emit messageAdded(m_active);

    m_decoded = StreamDecoder::Status();
    m_transportError = ApiError();
    m_inBandError.clear();
    m_busy = true;
    emit busyChanged(true);

    const QJsonObject body = buildRequest(conversation, history, text, m_historyTurns, m_streaming);
    m_activeIsStream = m_streaming;
    if (m_streaming) {
        m_decoder->reset(); // a fresh decoder; whatever the last stream left in it is dropped
        m_stream = m_client->postStream(QStringLiteral("/llmage/t2t"), body);
        connect(m_stream, &StreamCall::bytesArrived, m_decoder, &BackgroundStreamDecoder::feed);
        connect(m_stream, &StreamCall::finished, this, &ChatSession::onStreamFinished);
    } else {
        m_call = m_client->postJson(QStringLiteral("/llmage/t2t"), body);
        connect(m_call, &ApiCall::succeeded, this, [this](const QJsonDocument &doc) {
            StreamDecoder decoder;
            apply(decoder.decodeComplete(doc.toJson(QJsonDocument::Compact)), decoder.status());
        });
        connect(m_call, &ApiCall::finished, this, [this](const ApiError &error) {
            // An in-band error was already mapped by ApiCall; keep its text for the answer.
            if (error.kind() == ApiError::Kind::Upstream)
                m_inBandError = error.serverMessage().isEmpty() ? error.message() : error.serverMessage();
            finalize(error.kind() == ApiError::Kind::Upstream ? ApiError() : error);
        });
    }
    m_saveTimer->start();
    return true;
}

bool ChatSession::regenerate(qint64 conversationId)
{
    if (m_busy)
        return false;
    const QList<ChatMessage> history = m_store->messages(conversationId);
    for (qsizetype i = history.size() - 1; i >= 0; --i) {
        if (history.at(i).role == ChatMessage::Role::User)
            return editAndResend(conversationId, history.at(i).id, history.at(i).content);
    }
    return false;
}

bool ChatSession::editAndResend(qint64 conversationId, qint64 userMessageId, const QString &text)
{
    if (m_busy || text.trimmed().isEmpty())
        return false;
    m_store->deleteMessagesFrom(conversationId, userMessageId);
    emit messagesRemoved(conversationId);
    return send(conversationId, text);
}

void ChatSession::stop()
{
    if (m_stream)
        m_stream->abort();
    if (m_call)
        m_call->abort();
}

void ChatSession::apply(const QList<StreamEvent> &events, const StreamDecoder::Status &status)
{
    m_decoded = status;
    if (events.isEmpty())
        return;
    for (const StreamEvent &e : events) {
        switch (e.type) {
        case StreamEvent::Type::Text:
            m_active.content += e.text;
            break;
        case StreamEvent::Type::Reasoning:
            m_active.reasoning += e.text;
            break;
        case StreamEvent::Type::Usage:
            m_active.usage = e.usage;
            break;
        case StreamEvent::Type::Error:
            m_inBandError = e.text;
            break;
        case StreamEvent::Type::Done:
            break;
        }
    }
    if (!m_decoded.llmUsageId.isEmpty())
        m_active.llmUsageId = m_decoded.llmUsageId;
    if (!m_uiTimer->isActive())
        m_uiTimer->start();
}

void ChatSession::onStreamFinished(const ApiError &error)
{
    // The answer is final once the decoder has caught up with the last bytes.
    m_transportError = error;
    m_decoder->finish();
}

void ChatSession::finalize(const ApiError &transportError)
{
    if (!m_busy)
        return;
    m_saveTimer->stop();
    m_uiTimer->stop();
    const bool hasText = !m_active.content.isEmpty() || !m_active.reasoning.isEmpty();
    m_active.finishedAt = QDateTime::currentDateTime();
    if (!m_decoded.llmUsageId.isEmpty())
        m_active.llmUsageId = m_decoded.llmUsageId;
    m_active.error.clear();
    m_active.errorCode.clear();
    if (transportError.kind() == ApiError::Kind::Canceled) {
        m_active.state = ChatMessage::State::Stopped;
    } else if (transportError.isError()) {
        m_active.state = hasText ? ChatMessage::State::Interrupted : ChatMessage::State::Failed;
        m_active.errorCode = transportError.code();
        m_active.error = hasText && (transportError.kind() == ApiError::Kind::Network
                                     || transportError.kind() == ApiError::Kind::Timeout)
                             ? tr("The connection was lost while the answer was arriving (%1). The text "
                                  "received so far is kept; Retry asks again (and may be billed again).")
                                   .arg(transportError.title())
                             : transportError.message();
    } else if (!m_inBandError.isEmpty()) {
        m_active.state = hasText ? ChatMessage::State::Interrupted : ChatMessage::State::Failed;
        m_active.errorCode = ApiError(ApiError::Kind::Upstream).code();
        m_active.error = tr("The model call failed on the platform: %1").arg(m_inBandError);
    } else if (m_activeIsStream && !m_decoded.sawDone && !m_decoded.sawFinalChunk && hasText) {
        // The connection closed cleanly but the platform never said the answer was complete.
        m_active.state = ChatMessage::State::Interrupted;
        m_active.errorCode = ApiError(ApiError::Kind::Network).code();
        m_active.error = tr("The answer ended before the platform said it was complete. The text received so far "
                            "is kept; Retry asks again (and may be billed again).");
    } else if (!hasText) {
        m_active.state = ChatMessage::State::Failed;
        m_active.errorCode = QStringLiteral("empty");
        m_active.error = tr("The model returned an empty answer.");
    } else {
        m_active.state = ChatMessage::State::Done;
    }
    if (!m_decoded.model.isEmpty())
        m_active.model = m_decoded.model;
    m_store->updateMessage(m_active);

    if (m_ledger && (m_active.usage.valid || !m_active.llmUsageId.isEmpty())) {
        LedgerEntry entry;
        entry.kind = QStringLiteral("chat");
        entry.ref = m_active.llmUsageId.isEmpty() ? QStringLiteral("message-%1").arg(m_active.id) : m_active.llmUsageId;
        entry.model = m_active.model;
        entry.createdAt = m_active.finishedAt;
        entry.usage = m_active.usage;
        entry.details = m_active.usage.toJson();
        m_ledger->record(entry);
    }

    m_busy = false;
    const ChatMessage finished = m_active;
    qCInfo(lcChat) << "answer finished:" << ChatMessage::stateName(finished.state) << finished.content.size() << "chars";
    emit activeMessageChanged(finished);
    emit messageFinished(finished);
    emit busyChanged(false);
}

void ChatSession::save()
{
    if (m_busy)
        m_store->updateMessage(m_active);
}
