#include "chat/AnswerAssembler.h"

#include "store/UsageLedger.h"

void AnswerAssembler::reset(bool streamed)
{
    *this = AnswerAssembler(streamed);
}

void AnswerAssembler::apply(ChatMessage &answer, const QList<StreamEvent> &events,
                            const StreamDecoder::Status &status)
{
    m_status = status;
    for (const StreamEvent &e : events) {
        switch (e.type) {
        case StreamEvent::Type::Text:
            answer.content += e.text;
            break;
        case StreamEvent::Type::Reasoning:
            answer.reasoning += e.text;
            break;
        case StreamEvent::Type::Usage:
            answer.usage = e.usage;
            break;
        case StreamEvent::Type::Error:
            // The server's own words; an empty message still marks the line as an error.
            m_inBandError = e.text.isEmpty() ? tr("no reason given") : e.text;
            break;
        case StreamEvent::Type::Done:
            break;
        }
    }
    if (!m_status.llmUsageId.isEmpty())
        answer.llmUsageId = m_status.llmUsageId;
}

QString AnswerAssembler::reasonCode(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::StoppedByUser:
        return QStringLiteral("stopped");
    case Reason::StreamClosed:
        return QStringLiteral("stream_closed");
    case Reason::NoFinalChunk:
        return QStringLiteral("no_final_chunk");
    case Reason::Cut:
        return ApiError(ApiError::Kind::Network).code();
    case Reason::TimedOut:
        return ApiError(ApiError::Kind::Timeout).code();
    case Reason::ErrorLine:
        return ApiError(ApiError::Kind::Upstream).code();
    case Reason::RequestFailed:
        return QStringLiteral("failed");
    case Reason::Empty:
        return QStringLiteral("empty");
    }
    return {};
}

void AnswerAssembler::finish(ChatMessage &answer, const ApiError &transport)
{
    const bool hasText = !answer.content.isEmpty() || !answer.reasoning.isEmpty();
    answer.finishedAt = QDateTime::currentDateTime();
    if (!m_status.llmUsageId.isEmpty())
        answer.llmUsageId = m_status.llmUsageId;
    if (!m_status.model.isEmpty())
        answer.model = m_status.model;
    answer.error.clear();
    answer.errorCode.clear();

    // A 200 error body of a non-streamed call comes as an Upstream transport error: the same as an error
    // line.
    QString inBand = m_inBandError;
    if (transport.kind() == ApiError::Kind::Upstream && inBand.isEmpty())
        inBand = transport.serverMessage().isEmpty() ? transport.message() : transport.serverMessage();
    const bool transportFailed = transport.isError() && transport.kind() != ApiError::Kind::Upstream;
    // Complete only when the platform said so: its final chunk (or the finish_reason just before it).
    // A non-streamed reply is one whole document.
    const bool complete = !m_streamed || m_status.sawFinalChunk || !m_status.finishReason.isEmpty();
    const QString retryNote =
        tr("The text received so far is kept; Retry asks again (and may be billed again).");

    const auto interrupted = [&](Reason reason, const QString &why) {
        m_reason = reason;
        answer.state = hasText ? ChatMessage::State::Interrupted : ChatMessage::State::Failed;
        answer.errorCode = reasonCode(reason);
        // The server's own words may end without a full stop: the note after them starts a new sentence.
        QString sentence = why.trimmed();
        if (!sentence.isEmpty() && !QStringLiteral(".!?。！？").contains(sentence.back()))
            sentence += QLatin1Char('.');
        answer.error = hasText ? sentence + QLatin1Char(' ') + retryNote : why;
    };

    if (transport.kind() == ApiError::Kind::Canceled) {
        m_reason = Reason::StoppedByUser;
        answer.state = ChatMessage::State::Stopped;
    } else if (!inBand.isEmpty()) {
        interrupted(Reason::ErrorLine, tr("The model call failed on the platform: %1").arg(inBand));
    } else if (transportFailed && !hasText) {
        m_reason = transport.kind() == ApiError::Kind::Timeout ? Reason::TimedOut : Reason::RequestFailed;
        answer.state = ChatMessage::State::Failed;
        answer.errorCode = transport.code();
        answer.error = transport.message();
    } else if (transportFailed && transport.kind() == ApiError::Kind::Timeout) {
        interrupted(
            Reason::TimedOut,
            tr("The platform went silent while the answer was arriving (%1).").arg(transport.title()));
    } else if (transportFailed &&
               (transport.kind() == ApiError::Kind::Network || transport.kind() == ApiError::Kind::Server)) {
        interrupted(Reason::Cut,
                    tr("The connection was lost while the answer was arriving (%1).").arg(transport.title()));
    } else if (transportFailed) {
        m_reason = Reason::RequestFailed;
        answer.state = ChatMessage::State::Interrupted;
        answer.errorCode = transport.code();
        answer.error = transport.message() + QLatin1Char(' ') + retryNote;
    } else if (!complete && hasText) {
        if (m_status.sawDone)
            interrupted(Reason::NoFinalChunk,
                        tr("The platform ended the answer without its final chunk (no usage came)."));
        else
            interrupted(Reason::StreamClosed,
                        tr("The answer ended before the platform said it was complete."));
    } else if (!hasText) {
        m_reason = Reason::Empty;
        answer.state = ChatMessage::State::Failed;
        answer.errorCode = reasonCode(Reason::Empty);
        answer.error = tr("The model returned an empty answer.");
    } else {
        m_reason = Reason::None;
        answer.state = ChatMessage::State::Done;
    }
}

void AnswerAssembler::recordUsage(UsageLedger *ledger, const ChatMessage &answer, const QString &fallbackRef)
{
    // A call that reached the model is billed, whatever became of the answer: record what is known.
    if (!ledger || (!answer.usage.valid && answer.llmUsageId.isEmpty()))
        return;
    LedgerEntry entry;
    entry.kind = QStringLiteral("chat");
    entry.ref = answer.llmUsageId.isEmpty() ? fallbackRef : answer.llmUsageId;
    entry.model = answer.model;
    entry.createdAt = answer.finishedAt.isValid() ? answer.finishedAt : QDateTime::currentDateTime();
    entry.usage = answer.usage;
    entry.details = answer.usage.toJson();
    ledger->record(entry);
}
