#include "api/StreamDecoder.h"

#include "api/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    m_buffer.append(bytes);
    qsizetype lineStart = 0;
    qsizetype i = m_scanFrom;
    const qsizetype n = m_buffer.size();
    while (i < n) {
        const char c = m_buffer.at(i);
        if (c != '\n' && c != '\r') {
            ++i;
            continue;
        }
        // A lone CR at the very end may be the first half of a CRLF split across reads: wait for more.
        if (c == '\r' && i + 1 == n)
            break;
        const qsizetype lineEnd = i;
        i += (c == '\r' && m_buffer.at(i + 1) == '\n') ? 2 : 1;
        if (m_discardingLongLine)
            m_discardingLongLine = false;
        else
            decodeLine(m_buffer.mid(lineStart, lineEnd - lineStart), out);
        lineStart = i;
    }
    m_buffer.remove(0, lineStart);
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

void StreamDecoder::decodeLine(QByteArray line, QList<StreamEvent> &out)
{
    line = line.trimmed();
    if (line.isEmpty() || line.startsWith(':'))
        return; // SSE event separator or comment
    if (line.startsWith("data:")) {
        line = line.mid(5).trimmed();
    } else if (line.startsWith("event:") || line.startsWith("id:") || line.startsWith("retry:")) {
        return;
    }
    if (line == "[DONE]") {
        m_sawDone = true;
        out.append({StreamEvent::Type::Done, {}, {}});
        return;
    }
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error == QJsonParseError::IllegalUTF8String) {
        // Keep the rest of a chunk whose text holds a broken byte sequence: decode with replacement.
        doc = QJsonDocument::fromJson(QString::fromUtf8(line).toUtf8(), &error);
    }
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        ++m_skipped;
        return;
    }
    decodeObject(doc.object(), out);
}

static QString stringOf(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

void StreamDecoder::decodeObject(const QJsonObject &o, QList<StreamEvent> &out)
{
    if (const QString id = stringOf(o.value(QLatin1String("llmusageid"))); !id.isEmpty())
        m_llmUsageId = id;
    if (const QString model = stringOf(o.value(QLatin1String("model"))); !model.isEmpty())
        m_model = model;

    if (ApiError::isInBandError(o)) {
        out.append({StreamEvent::Type::Error, ApiError::fromInBandError(o).serverMessage(), {}});
        return;
    }

    // The text comes twice: prefer choices[0].delta (or .message when not streamed); fall back to the
    // top-level copy only when the choice does not carry that field.
    const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
    QJsonObject part;
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        part = choice.value(QLatin1String("delta")).toObject();
        if (part.isEmpty())
            part = choice.value(QLatin1String("message")).toObject();
        if (const QString reason = stringOf(choice.value(QLatin1String("finish_reason"))); !reason.isEmpty())
            m_finishReason = reason;
    }
    const auto pick = [&](QLatin1String key) {
        return part.contains(key) ? stringOf(part.value(key)) : stringOf(o.value(key));
    };
    if (const QString reasoning = pick(QLatin1String("reasoning_content")); !reasoning.isEmpty())
        out.append({StreamEvent::Type::Reasoning, reasoning, {}});
    if (const QString text = pick(QLatin1String("content")); !text.isEmpty())
        out.append({StreamEvent::Type::Text, text, {}});

    const QJsonValue usage = o.value(QLatin1String("usage"));
    if (usage.isObject())
        out.append({StreamEvent::Type::Usage, {}, TokenUsage::fromJson(usage.toObject())});
    const QJsonValue finish = o.value(QLatin1String("finish"));
    if (finish.toString() == QLatin1String("1") || finish.toInt() == 1)
        m_sawFinal = true;
}
