#include "chat/ChatSession.h"

#include "api/ApiCall.h"
#include "api/PlatformClient.h"
#include "core/Log.h"
#include "store/ConversationStore.h"
#include "store/UsageLedger.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

ChatSession::ChatSession(PlatformClient *client, ConversationStore *store, UsageLedger *ledger, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_ledger(ledger), m_uiTimer(new QTimer(this)),
      m_saveTimer(new QTimer(this))
{
    m_decoder = new BackgroundStreamDecoder(this);
    connect(m_decoder, &BackgroundStreamDecoder::decoded, this, &ChatSession::apply);
    connect(m_decoder, &BackgroundStreamDecoder::finished, this, [this](const StreamDecoder::Status &status) {
        m_answer.apply(m_active, {}, status);
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
    if (text.isEmpty() || !canStart())
        return false;
    // The new question follows the last message shown.
    const qint64 leaf = m_store->shownLeaf(conversationId);
    return start(conversationId, text, leaf, 0, false);
}

bool ChatSession::regenerate(qint64 conversationId)
{
    if (!canStart())
        return false;
    const QList<ChatMessage> shown = m_store->messages(conversationId);
    for (qsizetype i = shown.size() - 1; i >= 0; --i) {
        if (shown.at(i).role == ChatMessage::Role::User)
            return answerAgain(conversationId, shown.at(i).id);
    }
    return false;
}

bool ChatSession::answerAgain(qint64 conversationId, qint64 userMessageId)
{
    if (!canStart())
        return false;
    const ChatMessage question = m_store->message(userMessageId);
    if (question.id == 0 || question.conversationId != conversationId || question.isAssistant())
        return false;
    // A new answer beside the old ones: the question stays, every earlier answer stays.
    return start(conversationId, question.content, question.parentId, question.id, true);
}

bool ChatSession::editAndResend(qint64 conversationId, qint64 userMessageId, const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (text.isEmpty() || !canStart())
        return false;
    const ChatMessage question = m_store->message(userMessageId);
    if (question.id == 0 || question.conversationId != conversationId || question.isAssistant())
        return false;
    // The edited question is a new version beside the old one (the same parent); the old question and
    // everything that followed it stay, one switch away.
    return start(conversationId, text, question.parentId, 0, true);
}

bool ChatSession::canStart()
{
    if (m_busy) {
        emit sendRefused(tr("An answer is still arriving. Stop it first."));
        return false;
    }
    return true;
}

bool ChatSession::start(qint64 conversationId, const QString &prompt, qint64 contextLeaf, qint64 existingQuestion,
                        bool newVersion)
{
    const Conversation conversation = m_store->conversation(conversationId);
    if (conversation.id == 0)
        return false;
    // The context: what was shown before the question, read up the parents with a limit.
    const QList<ChatMessage> history = m_store->contextBefore(contextLeaf, m_historyTurns * 2);

    ChatMessage user;
    user.conversationId = conversationId;
    user.role = ChatMessage::Role::User;
    user.content = prompt;
    user.model = conversation.model;
    user.parentId = contextLeaf;

    ChatMessage answer;
    answer.conversationId = conversationId;
    answer.role = ChatMessage::Role::Assistant;
    answer.state = ChatMessage::State::Streaming;
    answer.model = conversation.model;
    answer.parentId = existingQuestion;
    // Every call may be billed: no request leaves before its rows are on disk.
    if (!m_store->addExchange(existingQuestion ? nullptr : &user, answer)) {
        emit sendRefused(tr("The message could not be saved, so it was not sent (nothing was billed): %1")
                             .arg(m_store->lastError()));
        return false;
    }
    m_active = answer;
    if (newVersion) {
        emit pathChanged(conversationId);
    } else {
        emit messageAdded(user);
        emit messageAdded(m_active);
    }

    m_answer.reset(m_streaming);
    m_transportError = ApiError();
    m_busy = true;
    emit busyChanged(true);

    const QJsonObject body = buildRequest(conversation, history, prompt, m_historyTurns, m_streaming);
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
        connect(m_call, &ApiCall::finished, this, &ChatSession::finalize);
    }
    m_saveTimer->start();
    return true;
}

void ChatSession::stopAndSave(int waitMs)
{
    if (!m_busy)
        return;
    // The decoder may still hold the last bytes: let it catch up (briefly), so no received text is lost.
    QEventLoop loop;
    connect(this, &ChatSession::busyChanged, &loop, [&loop](bool busy) {
        if (!busy)
            loop.quit();
    });
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    stop();
    if (m_busy)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (m_busy) { // it did not: keep what came, as stopped, rather than leave the answer "streaming"
        m_decoder->reset();
        finalize(ApiError(ApiError::Kind::Canceled));
    }
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
    m_answer.apply(m_active, events, status);
    if (events.isEmpty())
        return;
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
    m_answer.finish(m_active, transportError);
    m_store->updateMessage(m_active);
    AnswerAssembler::recordUsage(m_ledger, m_active, QStringLiteral("message-%1").arg(m_active.id));

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
