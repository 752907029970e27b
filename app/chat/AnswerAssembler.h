#pragma once

#include "api/ApiError.h"
#include "api/StreamDecoder.h"
#include "chat/ChatTypes.h"

#include <QCoreApplication>

class UsageLedger;

// One answer from its events to its ending: the one place that decides how an answer ended (done,
// stopped, interrupted and why, failed) and that records what it cost. The app's ChatSession and the
// `yuanjing chat` command both go through it, so the two never disagree about an answer.
//
// An answer is complete only when the platform's final chunk came (finish "1" or a finish_reason). A
// stream that closes before it, with or without [DONE], is interrupted; an error line (JSON or Python
// repr) is an interruption with the server's message; nothing is ever called done that was not.
class AnswerAssembler
{
    Q_DECLARE_TR_FUNCTIONS(AnswerAssembler)
public:
    // Why an answer that is not done ended. Codes are stable (stored, exported, printed by the CLI).
    enum class Reason {
        None,          // done
        StoppedByUser, // stopped
        StreamClosed,  // the connection closed cleanly before the final chunk, without [DONE]
        NoFinalChunk,  // [DONE] came, but the final chunk (with usage) never did
        Cut,           // the connection broke (reset, refused mid-way)
        TimedOut,      // no byte for the transfer timeout
        ErrorLine,     // the platform's error line inside the stream (or a 200 error body)
        RequestFailed, // the call itself failed (HTTP error, no connection) before any text
        Empty,         // the platform said it was done but sent no text
    };

    explicit AnswerAssembler(bool streamed = true) : m_streamed(streamed) {}
    void reset(bool streamed);

    // The events of a reply (and what it said of itself so far) into the answer.
    void apply(ChatMessage &answer, const QList<StreamEvent> &events, const StreamDecoder::Status &status);
    // The reply is over (transport: how the call ended; none for a clean end). Sets the answer's
    // state, error text and code, model, usage id and finish time.
    void finish(ChatMessage &answer, const ApiError &transport);
    // The answer's usage into the ledger, once per billed call (fallbackRef when it has no usage id).
    static void recordUsage(UsageLedger *ledger, const ChatMessage &answer, const QString &fallbackRef);

    Reason reason() const { return m_reason; }
    static QString reasonCode(Reason reason);
    const StreamDecoder::Status &status() const { return m_status; }
    QString inBandError() const { return m_inBandError; }

private:
    bool m_streamed = true;
    StreamDecoder::Status m_status;
    QString m_inBandError;
    QString m_finishReason;
    Reason m_reason = Reason::None;
};
