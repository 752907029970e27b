#include "chat/MarkdownSplitter.h"

#include <QStringView>

namespace {
bool isFenceLine(QStringView line, QString *language = nullptr)
{
    const QStringView t = line.trimmed();
    if (t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"))) {
        if (language)
            *language = t.mid(3).trimmed().toString();
        return true;
    }
    return false;
}
} // namespace

namespace MarkdownSplitter {

QList<MarkdownSegment> split(const QString &markdown)
{
    QList<MarkdownSegment> out;
    MarkdownSegment current;
    bool inFence = false;
    qsizetype pos = 0;
    const qsizetype n = markdown.size();
    const auto flush = [&] {
        if (current.kind == MarkdownSegment::Kind::Code || !current.text.trimmed().isEmpty())
            out.append(current);
        current = MarkdownSegment();
    };
    while (pos <= n) {
        qsizetype end = markdown.indexOf(QLatin1Char('\n'), pos);
        if (end < 0)
            end = n;
        const QStringView line = QStringView(markdown).mid(pos, end - pos);
        QString language;
        if (isFenceLine(line, &language)) {
            if (!inFence) {
                flush();
                current.kind = MarkdownSegment::Kind::Code;
                current.language = language;
                inFence = true;
            } else {
                if (current.text.endsWith(QLatin1Char('\n')))
                    current.text.chop(1);
                flush();
                inFence = false;
            }
        } else {
            current.text += line;
            current.text += QLatin1Char('\n');
        }
        pos = end + 1;
    }
    if (current.kind == MarkdownSegment::Kind::Code && current.text.endsWith(QLatin1Char('\n')))
        current.text.chop(1);
    if (current.kind == MarkdownSegment::Kind::Text && current.text.endsWith(QLatin1Char('\n')))
        current.text.chop(1);
    flush();
    return out;
}

} // namespace MarkdownSplitter

void StreamingMarkdownBoundary::reset()
{
    *this = StreamingMarkdownBoundary();
}

qsizetype StreamingMarkdownBoundary::update(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype i = m_scanned; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\n')) {
            if (!c.isSpace())
                m_lineBlank = false;
            continue;
        }
        // A complete line ends at i.
        const QStringView line = QStringView(text).mid(m_lineStart, i - m_lineStart);
        if (isFenceLine(line)) {
            if (m_inFence)
                m_stable = i + 1; // a closed code block is final
            m_inFence = !m_inFence;
        } else if (!m_inFence && m_lineBlank && m_lineStart > m_stable) {
            m_stable = i + 1; // a blank line ends a paragraph, list or table
        }
        if (!m_inFence)
            m_lastNewline = i;
        m_lineStart = i + 1;
        m_lineBlank = true;
    }
    m_scanned = n;
    if (!m_inFence && m_lastNewline >= m_stable && n - m_stable > MaxOpenParagraph)
        m_stable = m_lastNewline + 1;
    return m_stable;
}

qsizetype StreamingMarkdownBoundary::lastBoundaryWithin(const QString &text, qsizetype from, qsizetype maxLength)
{
    // The window starts at a boundary, so a fresh scanner over it sees the fences as they are.
    StreamingMarkdownBoundary scanner;
    const QString window = text.mid(from, maxLength);
    const qsizetype end = scanner.update(window);
    return end > 0 ? from + end : -1;
}
