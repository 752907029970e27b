#pragma once

#include <QList>
#include <QString>

// Markdown split the way the chat view renders it: prose (rendered by Qt's Markdown importer) and
// fenced code blocks (rendered by us: monospace, with a copy action).
struct MarkdownSegment
{
    enum class Kind { Text, Code };
    Kind kind = Kind::Text;
    QString text;
    QString language;
};

namespace MarkdownSplitter {
QList<MarkdownSegment> split(const QString &markdown);
}

// Finds, as an answer grows, how much of it is final: the end of the last paragraph (a blank line)
// or closed code fence. The view renders that part once and re-renders only what follows, so the cost
// per update does not grow with the answer. Scans each character once.
class StreamingMarkdownBoundary
{
public:
    // Prose longer than this without a blank line is cut at its last line break instead.
    static constexpr qsizetype MaxOpenParagraph = 2000;

    void reset();
    // text must extend the text given before. Returns the length of the final part.
    qsizetype update(const QString &text);
    qsizetype stableLength() const { return m_stable; }
    // The last paragraph or code-block end in text[from, from + maxLength), where from is itself such an
    // end; -1 when there is none (one huge block).
    static qsizetype lastBoundaryWithin(const QString &text, qsizetype from, qsizetype maxLength);

private:
    qsizetype m_scanned = 0;
    qsizetype m_lineStart = 0;
    qsizetype m_stable = 0;
    qsizetype m_lastNewline = -1;
    bool m_inFence = false;
    bool m_lineBlank = true;
};
