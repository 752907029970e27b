// The chat stream decoder (app/api/StreamDecoder): any bytes, in any split, with any framing (SSE,
// NDJSON, in-band errors). Fed in the chunks the input chooses, it must give the same events as fed in
// one piece, and never crash or grow without bound.
#include "FuzzSupport.h"
#include "api/StreamDecoder.h"
#include "chat/AnswerAssembler.h"

namespace {
QByteArray summary(const QList<StreamEvent> &events)
{
    QByteArray out;
    for (const StreamEvent &e : events) {
        out += char('0' + int(e.type));
        out += e.text.toUtf8();
        if (e.type == StreamEvent::Type::Usage)
            out += QByteArray::number(e.usage.promptTokens) + '/' +
                   QByteArray::number(e.usage.completionTokens) + '/' +
                   QByteArray::number(e.usage.totalTokens) + '/' + QByteArray::number(e.usage.cachedTokens);
        out += '\n';
    }
    return out;
}
} // namespace

YJ_FUZZ_INIT(stream_decoder)
{
    Fuzz::init();
    return 0;
}

YJ_FUZZ_TARGET(stream_decoder)
{
    const Fuzz::Split s = Fuzz::split(data, size);

    StreamDecoder whole;
    QList<StreamEvent> one = whole.feed(s.payload);
    one += whole.finish();

    StreamDecoder pieces;
    QList<StreamEvent> many;
    for (const QByteArrayView chunk : s.chunks)
        many += pieces.feed(chunk.toByteArray());
    many += pieces.finish();

    // Text deltas may be merged or cut differently; what was said, and how it ended, may not.
    QByteArray a, b;
    for (const StreamEvent &e : one)
        if (e.type != StreamEvent::Type::Text && e.type != StreamEvent::Type::Reasoning)
            a += summary({e});
    for (const StreamEvent &e : many)
        if (e.type != StreamEvent::Type::Text && e.type != StreamEvent::Type::Reasoning)
            b += summary({e});
    const auto said = [](const QList<StreamEvent> &events, StreamEvent::Type type) {
        QString text;
        for (const StreamEvent &e : events)
            if (e.type == type)
                text += e.text;
        return text;
    };
    const QString textOne = said(one, StreamEvent::Type::Text),
                  textMany = said(many, StreamEvent::Type::Text);
    const QString reasonOne = said(one, StreamEvent::Type::Reasoning),
                  reasonMany = said(many, StreamEvent::Type::Reasoning);
    if (a != b || textOne != textMany || reasonOne != reasonMany)
        Fuzz::fail("a split stream decodes differently from the whole");
    if (whole.sawDone() != pieces.sawDone() || whole.llmUsageId() != pieces.llmUsageId() ||
        whole.finishReason() != pieces.finishReason() || whole.sawFinalChunk() != pieces.sawFinalChunk())
        Fuzz::fail("a split stream ends differently from the whole");

    // How the answer ended (app/chat/AnswerAssembler, the one place that decides it), from the events
    // as they came: the same for any split, and never "done" without the platform's final chunk.
    const auto ending = [](const QList<QList<StreamEvent>> &batches,
                           const QList<StreamDecoder::Status> &statuses) {
        AnswerAssembler assembler(true);
        ChatMessage answer;
        answer.role = ChatMessage::Role::Assistant;
        answer.state = ChatMessage::State::Streaming;
        for (int i = 0; i < batches.size(); ++i)
            assembler.apply(answer, batches.at(i), statuses.at(i));
        assembler.finish(answer, ApiError());
        // Final means the final chunk (finish "1") or a finish_reason (AnswerAssembler's own rule).
        const StreamDecoder::Status &status = assembler.status();
        if (answer.state == ChatMessage::State::Done && !status.sawFinalChunk &&
            status.finishReason.isEmpty())
            Fuzz::fail("an answer called done without the final chunk");
        return QByteArray::number(int(answer.state)) + ' ' +
               AnswerAssembler::reasonCode(assembler.reason()).toUtf8() + ' ' + answer.content.toUtf8() +
               ' ' + answer.error.toUtf8();
    };
    {
        StreamDecoder a, b;
        QList<StreamEvent> first = a.feed(s.payload);
        first += a.finish();
        QList<QList<StreamEvent>> batches;
        QList<StreamDecoder::Status> statuses;
        for (const QByteArrayView chunk : s.chunks) {
            batches.append(b.feed(chunk.toByteArray()));
            statuses.append(b.status());
        }
        batches.append(b.finish());
        statuses.append(b.status());
        if (ending({first}, {a.status()}) != ending(batches, statuses))
            Fuzz::fail("a split stream ends the answer differently from the whole");
    }

    // A non-streamed body through the same decoder.
    StreamDecoder complete;
    complete.decodeComplete(s.payload);
    return 0;
}
