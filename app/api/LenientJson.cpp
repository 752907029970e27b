#include "api/LenientJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// A recursive-descent reader of Python literals, bounded in depth so hostile input cannot exhaust the
// stack.
class PyReader
{
public:
    explicit PyReader(QByteArrayView in) : m_in(in) {}

    bool readDocument(QJsonObject *out)
    {
        QJsonValue v;
        if (!readValue(&v, 0) || !v.isObject())
            return false;
        skipSpace();
        if (m_pos != m_in.size())
            return false;
        *out = v.toObject();
        return true;
    }

private:
    static constexpr int MaxDepth = 64;

    void skipSpace()
    {
        while (m_pos < m_in.size() && (m_in[m_pos] == ' ' || m_in[m_pos] == '\t' || m_in[m_pos] == '\r' || m_in[m_pos] == '\n'))
            ++m_pos;
    }
    bool eat(char c)
    {
        skipSpace();
        if (m_pos < m_in.size() && m_in[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool word(QByteArrayView w)
    {
        if (m_in.sliced(m_pos).startsWith(w)) {
            m_pos += w.size();
            return true;
        }
        return false;
    }

    bool readValue(QJsonValue *out, int depth)
    {
        if (depth > MaxDepth)
            return false;
        skipSpace();
        if (m_pos >= m_in.size())
            return false;
        const char c = m_in[m_pos];
        if (c == '{')
            return readDict(out, depth);
        if (c == '[' || c == '(')
            return readList(out, depth);
        if (c == '\'' || c == '"') {
            QString s;
            if (!readString(&s))
                return false;
            *out = s;
            return true;
        }
        // The first byte picks the literal: a number is not compared against all three words.
        if (c == 'T' && word("True")) {
            *out = true;
            return true;
        }
        if (c == 'F' && word("False")) {
            *out = false;
            return true;
        }
        if (c == 'N' && word("None")) {
            *out = QJsonValue::Null;
            return true;
        }
        return readNumber(out);
    }

    bool readDict(QJsonValue *out, int depth)
    {
        ++m_pos; // '{'
        QJsonObject o;
        if (eat('}')) {
            *out = o;
            return true;
        }
        for (;;) {
            skipSpace();
            QString key;
            if (m_pos >= m_in.size() || (m_in[m_pos] != '\'' && m_in[m_pos] != '"') || !readString(&key))
                return false;
            if (!eat(':'))
                return false;
            QJsonValue v;
            if (!readValue(&v, depth + 1))
                return false;
            o.insert(key, v);
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return false;
        }
        *out = o;
        return true;
    }

    bool readList(QJsonValue *out, int depth)
    {
        const char close = m_in[m_pos] == '[' ? ']' : ')';
        ++m_pos;
        QJsonArray a;
        if (eat(close)) {
            *out = a;
            return true;
        }
        for (;;) {
            QJsonValue v;
            if (!readValue(&v, depth + 1))
                return false;
            a.append(v);
            if (eat(',')) {
                if (eat(close))
                    break; // a trailing comma, as Python allows
                continue;
            }
            if (eat(close))
                break;
            return false;
        }
        *out = a;
        return true;
    }

    bool readString(QString *out)
    {
        const char quote = m_in[m_pos++];
        // Most strings hold no escape: found by one scan and decoded straight from the input, instead of
        // a byte at a time into a growing buffer (each growth is an allocation, costly under the fuzzers'
        // sanitizers, and the readers run on every reply and every non-JSON stream line).
        const char *const begin = m_in.data();
        const qsizetype n = m_in.size();
        qsizetype plain = m_pos;
        while (plain < n && begin[plain] != quote && begin[plain] != '\\')
            ++plain;
        if (plain >= n)
            return false; // unterminated
        if (begin[plain] == quote) {
            *out += QString::fromUtf8(m_in.sliced(m_pos, plain - m_pos));
            m_pos = plain + 1;
            return true;
        }
        QByteArray bytes(begin + m_pos, plain - m_pos);
        m_pos = plain;
        while (m_pos < n) {
            const char c = m_in[m_pos++];
            if (c == quote) {
                *out += QString::fromUtf8(bytes);
                return true;
            }
            if (c != '\\') {
                bytes += c;
                continue;
            }
            if (m_pos >= n)
                return false;
            const char e = m_in[m_pos++];
            switch (e) {
            case 'n': bytes += '\n'; break;
            case 't': bytes += '\t'; break;
            case 'r': bytes += '\r'; break;
            case '0': bytes += '\0'; break;
            case 'x':
            case 'u':
            case 'U': {
                const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (m_pos + digits > n)
                    return false;
                bool ok = false;
                const uint code = m_in.sliced(m_pos, digits).toUInt(&ok, 16);
                if (!ok || code > 0x10FFFF)
                    return false;
                m_pos += digits;
                const char32_t ch = code;
                bytes += QString::fromUcs4(&ch, 1).toUtf8();
                break;
            }
            default: bytes += e; break; // \\ \' \" and anything else as itself
            }
        }
        return false; // unterminated
    }

    bool readNumber(QJsonValue *out)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_in.size() && (QByteArrayView("+-.eE0123456789").contains(m_in[m_pos])))
            ++m_pos;
        if (m_pos == start)
            return false;
        bool ok = false;
        const double d = m_in.sliced(start, m_pos - start).toDouble(&ok); // as QByteArray's, without a copy
        if (!ok)
            return false;
        *out = d;
        return true;
    }

    QByteArrayView m_in;
    qsizetype m_pos = 0;
};
} // namespace

QJsonObject LenientJson::pythonDict(QByteArrayView bytes, bool *ok)
{
    QJsonObject o;
    const bool read = PyReader(bytes).readDocument(&o);
    if (ok)
        *ok = read;
    return read ? o : QJsonObject();
}

QJsonObject LenientJson::object(QByteArrayView bytes, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    if (error.error == QJsonParseError::NoError) {
        if (ok)
            *ok = doc.isObject();
        return doc.object();
    }
    return pythonDict(bytes, ok);
}
