#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

struct StreamChunkFields;

// Token usage of one billed call, as the platform reports it in its last chunk.
struct TokenUsage
{
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens = 0;
    int cachedTokens = 0;
    bool valid = false;

    static TokenUsage fromJson(const QJsonObject &usage);
    QJsonObject toJson() const;
    bool operator==(const TokenUsage &o) const
    {
        return promptTokens == o.promptTokens && completionTokens == o.completionTokens
            && totalTokens == o.totalTokens && cachedTokens == o.cachedTokens && valid == o.valid;
    }
};

struct StreamEvent
{
    enum class Type { Text, Reasoning, Usage, Error, Done };
    Type type = Type::Text;
    QString text; // Text/Reasoning: the delta; Error: the server's message
    TokenUsage usage;
};

// Turns the raw bytes of a /llmage/t2t reply into events, incrementally. It decides by line content,
// never by Content-Type: SSE "data:" lines (with or without a space), NDJSON lines, LF/CR/CRLF, "[DONE]"
// or a plain end of stream. Bytes may arrive split anywhere, including inside a UTF-8 character or a
// JSON line; only complete lines are decoded. Each chunk carries its text twice (choices[0].delta and
// top-level "content"): it is taken once. An error line, in JSON or as a Python dict repr, is an Error
// event with the server's message. Other unparseable lines are skipped and counted.
class StreamDecoder
{
public:
    // A line longer than this is dropped (and counted) instead of growing memory without bound.
    static constexpr qsizetype MaxLineBytes = 32 * 1024 * 1024;

    QList<StreamEvent> feed(const QByteArray &bytes);
    // The stream closed: decode a last line that had no newline.
    QList<StreamEvent> finish();
    // A non-streamed reply: one JSON document (possibly pretty-printed), or lines as a fallback.
    QList<StreamEvent> decodeComplete(const QByteArray &body);

    // What the stream has said about itself so far, as one value (it travels between threads).
    struct Status
    {
        QString llmUsageId;
        QString model;
        bool sawDone = false;
        bool sawFinalChunk = false;
        QString finishReason; // choices[0].finish_reason, which may come a chunk before the final one
    };
    Status status() const { return {m_llmUsageId, m_model, m_sawDone, m_sawFinal, m_finishReason}; }

    QString llmUsageId() const { return m_llmUsageId; }
    QString model() const { return m_model; }
    QString finishReason() const { return m_finishReason; }
    bool sawDone() const { return m_sawDone; }
    bool sawFinalChunk() const { return m_sawFinal; }
    int skippedLines() const { return m_skipped; }

    // A line in Python's dict repr ({'error': 'ERROR:…', 'status': 'FAILED'}), as JSON; nullopt when it
    // is not one. The platform writes some error lines (and failed video submissions) this way.
    static std::optional<QJsonObject> parsePythonDict(QByteArrayView line);

private:
    void decodeLine(QByteArrayView line, QList<StreamEvent> &out);
    void decodeObject(const QJsonObject &object, QList<StreamEvent> &out);
    void decodeFields(const StreamChunkFields &fields, QList<StreamEvent> &out);

    QByteArray m_buffer;
    qsizetype m_scanFrom = 0;
    bool m_discardingLongLine = false;
    QString m_llmUsageId;
    QString m_model;
    QString m_finishReason;
    bool m_sawDone = false;
    bool m_sawFinal = false;
    int m_skipped = 0;
};
