#include "api/StreamDecoder.h"

#include "api/LenientJson.h"

#include "api/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

// The fields of a chunk the decoder uses, read straight off the line's bytes. A fast stream sends
// tens of thousands of chunks; building a QJsonObject for each costs more than drawing their text.
struct StreamChunkFields
{
    // A string field as QJsonValue::toString would give it, and whether the key was there at all.
    struct Text
    {
        bool present = false;
        QString value;
    };
    Text content, reasoning, llmUsageId, model;
    bool finishIsOne = false;
    // choices[0]: the text's preferred home (delta, or message when there is no delta).
    Text deltaContent, deltaReasoning, messageContent, messageReasoning;
    bool deltaNonEmpty = false;
    QString finishReason;
};

namespace {

// A strict reader for the common shape of a chunk. It gives up (returns false) on anything it does not
// expect: invalid JSON, an "error" or "status" field, a "usage" object, escaped keys, deep nesting. The
// caller then uses the full JSON parser, which decides; so this reader only has to be right when it
// says yes.
class ChunkScanner
{
public:
    explicit ChunkScanner(QByteArrayView json) : m_p(json.data()), m_end(json.data() + json.size()) {}

    bool scan(StreamChunkFields &f)
    {
        skipSpace();
        if (!take('{'))
            return false;
        skipSpace();
        if (take('}'))
            return atEnd();
        for (;;) {
            QByteArrayView key;
            if (!readKey(key))
                return false;
            if (key == "choices") {
                if (!readChoices(f))
                    return false;
            } else if (key == "content") {
                if (!readText(f.content))
                    return false;
            } else if (key == "reasoning_content") {
                if (!readText(f.reasoning))
                    return false;
            } else if (key == "llmusageid") {
                if (!readText(f.llmUsageId))
                    return false;
            } else if (key == "model") {
                if (!readText(f.model))
                    return false;
            } else if (key == "finish") {
                if (!readFinish(f.finishIsOne))
                    return false;
            } else if (key == "usage") {
                if (peek() != 'n')
                    return false; // the usage object: rare, left to the full parser
                if (!skipValue(0))
                    return false;
            } else if (key == "error" || key == "status" || key == "taskid") {
                return false; // the full parser tells an in-band error from a normal chunk
            } else if (!skipValue(0)) {
                return false;
            }
            skipSpace();
            if (take(','))
                continue;
            if (take('}'))
                return atEnd();
            return false;
        }
    }

private:
    static constexpr int MaxDepth = 64;

    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool take(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }

    // "key" followed by ':'. Keys with escapes are left to the full parser.
    bool readKey(QByteArrayView &key)
    {
        skipSpace();
        if (!take('"'))
            return false;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"') {
            if (*m_p == '\\' || uchar(*m_p) < 0x20)
                return false;
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        key = QByteArrayView(start, m_p - start);
        ++m_p;
        skipSpace();
        if (!take(':'))
            return false;
        skipSpace();
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool readHex4(char16_t &unit)
    {
        if (m_end - m_p < 4)
            return false;
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return false;
            v = v * 16 + h;
        }
        m_p += 4;
        unit = char16_t(v);
        return true;
    }

    // A JSON string at m_p (after its opening quote); decoded into out when out is given.
    bool readString(QString *out)
    {
        const char *runStart = m_p;
        const auto flush = [&](const char *runEnd) {
            if (!out || runEnd == runStart)
                return;
            const qsizetype n = runEnd - runStart;
            // ASCII needs no decoding (and no temporary string); UTF-8 is decoded, broken sequences
            // replaced as QString::fromUtf8 does.
            if (std::all_of(runStart, runEnd, [](char c) { return uchar(c) < 0x80; }))
                out->append(QLatin1String(runStart, n));
            else
                out->append(QString::fromUtf8(runStart, n));
        };
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                flush(m_p);
                ++m_p;
                return true;
            }
            if (uchar(c) < 0x20)
                return false;
            if (c != '\\') {
                ++m_p;
                continue;
            }
            flush(m_p);
            ++m_p;
            if (m_p == m_end)
                return false;
            const char e = *m_p++;
            char16_t unit = 0;
            switch (e) {
            case '"': unit = u'"'; break;
            case '\\': unit = u'\\'; break;
            case '/': unit = u'/'; break;
            case 'b': unit = u'\b'; break;
            case 'f': unit = u'\f'; break;
            case 'n': unit = u'\n'; break;
            case 'r': unit = u'\r'; break;
            case 't': unit = u'\t'; break;
            case 'u':
                if (!readHex4(unit))
                    return false;
                break;
            default: return false;
            }
            if (out)
                out->append(QChar(unit));
            runStart = m_p;
        }
        return false;
    }

    bool readText(StreamChunkFields::Text &text)
    {
        text.present = true;
        text.value.clear();
        if (take('"'))
            return readString(&text.value);
        return skipValue(0); // null or another type: no text, as QJsonValue::toString gives
    }

    bool readFinish(bool &isOne)
    {
        if (take('"')) {
            QString value;
            if (!readString(&value))
                return false;
            isOne = value == QLatin1String("1");
            return true;
        }
        const char *start = m_p;
        if (!skipValue(0))
            return false;
        bool ok = false;
        const double number = QByteArray::fromRawData(start, m_p - start).toDouble(&ok);
        isOne = ok && number == 1.0;
        return true;
    }

    bool readChoices(StreamChunkFields &f)
    {
        if (!take('['))
            return skipValue(0);
        skipSpace();
        if (take(']'))
            return true;
        bool first = true;
        for (;;) {
            skipSpace();
            if (first && peek() == '{') {
                if (!readChoice(f))
                    return false;
            } else if (!skipValue(1)) {
                return false;
            }
            first = false;
            skipSpace();
            if (take(','))
                continue;
            return take(']');
        }
    }

    bool readChoice(StreamChunkFields &f)
    {
        take('{');
        skipSpace();
        if (take('}'))
            return true;
        for (;;) {
            QByteArrayView key;
            if (!readKey(key))
                return false;
            if (key == "delta") {
                if (!readPart(f.deltaContent, f.deltaReasoning, &f.deltaNonEmpty))
                    return false;
            } else if (key == "message") {
                if (!readPart(f.messageContent, f.messageReasoning, nullptr))
                    return false;
            } else if (key == "finish_reason") {
                StreamChunkFields::Text reason;
                if (!readText(reason))
                    return false;
                f.finishReason = reason.value;
            } else if (!skipValue(2)) {
                return false;
            }
            skipSpace();
            if (take(','))
                continue;
            return take('}');
        }
    }

    bool readPart(StreamChunkFields::Text &content, StreamChunkFields::Text &reasoning, bool *nonEmpty)
    {
        if (peek() != '{')
            return skipValue(2); // not an object: as if absent
        ++m_p;
        skipSpace();
        if (take('}'))
            return true;
        if (nonEmpty)
            *nonEmpty = true;
        for (;;) {
            QByteArrayView key;
            if (!readKey(key))
                return false;
            if (key == "content") {
                if (!readText(content))
                    return false;
            } else if (key == "reasoning_content") {
                if (!readText(reasoning))
                    return false;
            } else if (!skipValue(3)) {
                return false;
            }
            skipSpace();
            if (take(','))
                continue;
            return take('}');
        }
    }

    bool skipLiteral(const char *word)
    {
        const size_t n = strlen(word);
        if (size_t(m_end - m_p) < n || memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }

    bool skipNumber()
    {
        const char *start = m_p;
        take('-');
        while (m_p < m_end && ((*m_p >= '0' && *m_p <= '9') || *m_p == '.' || *m_p == 'e' || *m_p == 'E'
                               || *m_p == '+' || *m_p == '-'))
            ++m_p;
        return m_p > start && (m_p[-1] >= '0' && m_p[-1] <= '9');
    }

    bool skipValue(int depth)
    {
        if (depth > MaxDepth)
            return false;
        skipSpace();
        switch (peek()) {
        case '"': ++m_p; return readString(nullptr);
        case 'n': return skipLiteral("null");
        case 't': return skipLiteral("true");
        case 'f': return skipLiteral("false");
        case '[': {
            ++m_p;
            skipSpace();
            if (take(']'))
                return true;
            for (;;) {
                if (!skipValue(depth + 1))
                    return false;
                skipSpace();
                if (take(','))
                    continue;
                return take(']');
            }
        }
        case '{': {
            ++m_p;
            skipSpace();
            if (take('}'))
                return true;
            for (;;) {
                QByteArrayView key;
                if (!readKey(key) || !skipValue(depth + 1))
                    return false;
                skipSpace();
                if (take(','))
                    continue;
                return take('}');
            }
        }
        default: return skipNumber();
        }
    }

    const char *m_p;
    const char *m_end;
};

} // namespace

TokenUsage TokenUsage::fromJson(const QJsonObject &usage)
{
    TokenUsage u;
    if (usage.isEmpty())
        return u;
    u.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInt();
    u.completionTokens = usage.value(QLatin1String("completion_tokens")).toInt();
    u.totalTokens = usage.value(QLatin1String("total_tokens")).toInt(u.promptTokens + u.completionTokens);
    u.cachedTokens = usage.value(QLatin1String("prompt_tokens_details"))
                         .toObject()
                         .value(QLatin1String("cached_tokens"))
                         .toInt();
    u.valid = true;
    return u;
}

QJsonObject TokenUsage::toJson() const
{
    if (!valid)
        return {};
    return QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                       {QStringLiteral("completion_tokens"), completionTokens},
                       {QStringLiteral("total_tokens"), totalTokens},
                       {QStringLiteral("prompt_tokens_details"),
                        QJsonObject{{QStringLiteral("cached_tokens"), cachedTokens}}}};
}

QList<StreamEvent> StreamDecoder::feed(const QByteArray &bytes)
{
    QList<StreamEvent> out;
    // Lines are decoded straight from the bytes that arrived; only an incomplete last line is kept
    // for the next read (most reads end inside a line, and copying every read would double the work).
    QByteArray data;
    if (m_buffer.isEmpty()) {
        data = bytes;
    } else {
        m_buffer.append(bytes);
        data = std::exchange(m_buffer, QByteArray());
    }
    const char *const begin = data.constData();
    const qsizetype n = data.size();
    qsizetype lineStart = 0;
    qsizetype i = m_scanFrom;
    while (i < n) {
        // memchr finds the next line end far faster than a loop over every byte.
        const char *lf = static_cast<const char *>(memchr(begin + i, '\n', size_t(n - i)));
        const char *cr = static_cast<const char *>(memchr(begin + i, '\r', size_t((lf ? lf - begin : n) - i)));
        const char *hit = cr ? cr : lf;
        if (!hit) {
            i = n;
            break;
        }
        i = hit - begin;
        const char c = *hit;
        // A lone CR at the very end may be the first half of a CRLF split across reads: wait for more.
        if (c == '\r' && i + 1 == n)
            break;
        const qsizetype lineEnd = i;
        i += (c == '\r' && begin[i + 1] == '\n') ? 2 : 1;
        if (m_discardingLongLine)
            m_discardingLongLine = false;
        else
            decodeLine(QByteArrayView(begin + lineStart, lineEnd - lineStart), out);
        lineStart = i;
    }
    if (lineStart == 0)
        m_buffer = std::move(data); // inside one long line: keep growing the same buffer
    else if (lineStart < n)
        m_buffer = data.mid(lineStart);
    m_scanFrom = i - lineStart;
    if (m_buffer.size() > MaxLineBytes) {
        m_buffer.clear();
        m_scanFrom = 0;
        m_discardingLongLine = true;
        ++m_skipped;
    }
    return out;
}

QList<StreamEvent> StreamDecoder::finish()
{
    QList<StreamEvent> out;
    if (!m_buffer.isEmpty() && !m_discardingLongLine)
        decodeLine(m_buffer, out);
    m_buffer.clear();
    m_scanFrom = 0;
    m_discardingLongLine = false;
    return out;
}

QList<StreamEvent> StreamDecoder::decodeComplete(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        QList<StreamEvent> out;
        decodeObject(doc.object(), out);
        return out;
    }
    // Some servers answer stream=false with a stream anyway.
    QList<StreamEvent> out = feed(body);
    out += finish();
    return out;
}

void StreamDecoder::decodeLine(QByteArrayView line, QList<StreamEvent> &out)
{
    line = line.trimmed();
    if (line.isEmpty() || line.startsWith(':'))
        return; // SSE event separator or comment
    if (line.startsWith("data:")) {
        line = line.sliced(5).trimmed();
    } else if (line.startsWith("event:") || line.startsWith("id:") || line.startsWith("retry:")) {
        return;
    }
    if (line == "[DONE]") {
        m_sawDone = true;
        out.append({StreamEvent::Type::Done, {}, {}});
        return;
    }
    StreamChunkFields fields;
    if (ChunkScanner(line).scan(fields)) {
        decodeFields(fields, out);
        return;
    }
    // The parser reads the bytes where they are: no copy of the line is made.
    const QByteArray json = QByteArray::fromRawData(line.data(), line.size());
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error == QJsonParseError::IllegalUTF8String) {
        // Keep the rest of a chunk whose text holds a broken byte sequence: decode with replacement.
        doc = QJsonDocument::fromJson(QString::fromUtf8(json).toUtf8(), &error);
    }
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // One server version writes its error line as a Python dict: {'error': 'ERROR:…', 'status': 'FAILED'}.
        if (const std::optional<QJsonObject> repr = parsePythonDict(line); repr && ApiError::isInBandError(*repr)) {
            decodeObject(*repr, out);
            return;
        }
        ++m_skipped;
        return;
    }
    decodeObject(doc.object(), out);
}

std::optional<QJsonObject> StreamDecoder::parsePythonDict(QByteArrayView line)
{
    line = line.trimmed();
    if (!line.startsWith('{'))
        return std::nullopt;
    bool ok = false;
    const QJsonObject o = LenientJson::pythonDict(line, &ok);
    if (!ok)
        return std::nullopt;
    return o;
}

// The same fields as the scanner reads, from a parsed chunk.
static StreamChunkFields fieldsOf(const QJsonObject &o)
{
    const auto text = [](const QJsonObject &from, QLatin1String key) {
        // QJsonValue::toString gives nothing for null or another type, as the scanner does.
        return StreamChunkFields::Text{from.contains(key), from.value(key).toString()};
    };
    StreamChunkFields f;
    f.content = text(o, QLatin1String("content"));
    f.reasoning = text(o, QLatin1String("reasoning_content"));
    f.llmUsageId = text(o, QLatin1String("llmusageid"));
    f.model = text(o, QLatin1String("model"));
    const QJsonValue finish = o.value(QLatin1String("finish"));
    f.finishIsOne = finish.toString() == QLatin1String("1") || finish.toInt() == 1;
    const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        const QJsonObject message = choice.value(QLatin1String("message")).toObject();
        f.deltaNonEmpty = !delta.isEmpty();
        f.deltaContent = text(delta, QLatin1String("content"));
        f.deltaReasoning = text(delta, QLatin1String("reasoning_content"));
        f.messageContent = text(message, QLatin1String("content"));
        f.messageReasoning = text(message, QLatin1String("reasoning_content"));
        f.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    }
    return f;
}

void StreamDecoder::decodeObject(const QJsonObject &o, QList<StreamEvent> &out)
{
    const StreamChunkFields f = fieldsOf(o);
    if (ApiError::isInBandError(o)) {
        // An error line tells who answered, and what went wrong; no text.
        StreamChunkFields who;
        who.llmUsageId = f.llmUsageId;
        who.model = f.model;
        decodeFields(who, out);
        out.append({StreamEvent::Type::Error, ApiError::fromInBandError(o).serverMessage(), {}});
        return;
    }
    decodeFields(f, out);
    const QJsonValue usage = o.value(QLatin1String("usage"));
    if (usage.isObject())
        out.append({StreamEvent::Type::Usage, {}, TokenUsage::fromJson(usage.toObject())});
}

// One chunk's fields, whichever reader found them, into events and what the stream says of itself.
void StreamDecoder::decodeFields(const StreamChunkFields &f, QList<StreamEvent> &out)
{
    if (!f.llmUsageId.value.isEmpty())
        m_llmUsageId = f.llmUsageId.value;
    if (!f.model.value.isEmpty())
        m_model = f.model.value;
    if (!f.finishReason.isEmpty())
        m_finishReason = f.finishReason;
    // The text comes twice: prefer choices[0].delta (or .message when there is no delta); fall back to
    // the top-level copy only when the choice does not carry that field.
    const bool useDelta = f.deltaNonEmpty;
    const StreamChunkFields::Text &partContent = useDelta ? f.deltaContent : f.messageContent;
    const StreamChunkFields::Text &partReasoning = useDelta ? f.deltaReasoning : f.messageReasoning;
    const QString &reasoning = partReasoning.present ? partReasoning.value : f.reasoning.value;
    const QString &text = partContent.present ? partContent.value : f.content.value;
    if (!reasoning.isEmpty())
        out.append({StreamEvent::Type::Reasoning, reasoning, {}});
    if (!text.isEmpty())
        out.append({StreamEvent::Type::Text, text, {}});
    if (f.finishIsOne)
        m_sawFinal = true;
}
