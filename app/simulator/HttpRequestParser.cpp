#include "simulator/HttpRequestParser.h"

#include <QUrl>

namespace {
bool isTokenChar(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}
} // namespace

HttpRequestParser::HttpRequestParser(Limits limits) : m_limits(limits)
{
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QByteArray &reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    m_line.clear();
    m_request.body.clear();
    return m_state;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView bytes)
{
    while (m_state == State::NeedMore && !bytes.isEmpty()) {
        if (m_inBody) {
            const qint64 take = qMin<qint64>(bytes.size(), m_contentLength - m_bodyRead);
            if (!m_request.bodyTooLarge)
                m_request.body.append(bytes.first(take));
            m_bodyRead += take;
            bytes = bytes.sliced(take);
            if (m_bodyRead == m_contentLength)
                m_state = State::Complete;
            break;
        }
        const qsizetype newline = bytes.indexOf('\n');
        const qsizetype take = newline < 0 ? bytes.size() : newline + 1;
        // Checked before the bytes are kept: an endless line costs at most maxLineBytes. When both limits
        // fall in these bytes, the one reached first in the stream decides, so the answer does not
        // depend on how the bytes were split (fuzz/http_request found 414 whole but 431 in pieces).
        const qsizetype lineRoom = m_limits.maxLineBytes + 2 - m_line.size(); // + CRLF
        const qsizetype headRoom = m_limits.maxHeaderBytes - m_headBytes;
        if (take > lineRoom || take > headRoom) {
            if (lineRoom <= headRoom)
                return m_sawRequestLine ? fail(431, "header line too long") : fail(414, "request line too long");
            return fail(431, "request header fields too large");
        }
        m_headBytes += take;
        m_line.append(bytes.first(take));
        bytes = bytes.sliced(take);
        if (newline < 0)
            break;
        QByteArrayView line(m_line);
        line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!m_sawRequestLine) {
            // RFC 9112 2.2: empty lines before the request line are ignored.
            if (!line.isEmpty()) {
                if (!parseRequestLine(line))
                    return m_state;
                m_sawRequestLine = true;
            }
        } else if (line.isEmpty()) {
            m_line.clear();
            if (headersDone() != State::NeedMore)
                return m_state;
            continue;
        } else if (!parseHeaderLine(line)) {
            return m_state;
        }
        m_line.clear();
    }
    return m_state;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty() ||
        !(parts.at(2) == "HTTP/1.1" || parts.at(2) == "HTTP/1.0")) {
        fail(400, "malformed request line");
        return false;
    }
    // Origin-form only ("/path?query"), read against a fixed origin: on its own, QUrl takes "//x/y" for a
    // host and an empty path (found by fuzz/http_request).
    const QUrl url(QStringLiteral("http://simulator") + QString::fromLatin1(parts.at(1)));
    if (!parts.at(1).startsWith('/') || !url.isValid() || url.host() != QLatin1String("simulator")
        || !url.path().startsWith(u'/')) {
        fail(400, "malformed request target");
        return false;
    }
    m_request.method = parts.at(0);
    m_request.path = url.path();
    m_request.query = QUrlQuery(url);
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (++m_headerCount > m_limits.maxHeaders) {
        fail(431, "too many header fields");
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    // No obsolete line folding (a line starting with a space), no space before the colon (RFC 9112 5).
    if (colon <= 0 || !isToken(line.first(colon))) {
        fail(400, "malformed header field");
        return false;
    }
    const QByteArray name = line.first(colon).toByteArray().toLower();
    const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
    if (name == "content-length") {
        // Digits only (no sign, no spaces, no list), at most 18 of them so the number cannot overflow;
        // a second Content-Length must say the same (RFC 9112 6.3), or the request is smuggling.
        bool digits = !value.isEmpty() && value.size() <= 18;
        for (const char c : value)
            digits = digits && c >= '0' && c <= '9';
        if (!digits || (m_request.headers.contains(name) && m_request.headers.value(name) != value)) {
            fail(400, "bad Content-Length");
            return false;
        }
        m_contentLength = value.toLongLong();
    }
    if (m_request.headers.contains(name) && name != "content-length")
        m_request.headers[name] += ", " + value;
    else
        m_request.headers.insert(name, value);
    return true;
}

HttpRequestParser::State HttpRequestParser::headersDone()
{
    if (m_request.headers.contains("transfer-encoding"))
        return fail(501, "Transfer-Encoding is not supported"); // the app always sends Content-Length
    if (m_contentLength > m_limits.maxDiscardBytes)
        return fail(413, "request body too large");
    m_request.bodyTooLarge = m_contentLength > m_limits.maxBodyBytes;
    if (!m_request.bodyTooLarge)
        m_request.body.reserve(qsizetype(m_contentLength));
    m_inBody = true;
    if (m_contentLength == 0)
        m_state = State::Complete;
    return m_state;
}
