#include "chat/ChatBlock.h"
#include "chat/MarkdownSplitter.h"
#include "chat/ShotListReader.h"
#include "common/Theme.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextTable>

#include <cmath>

namespace {
const int ReasoningPreviewChars = 600;

// Chinese and Latin text need no shaping to be legible: skipping the optional kind (kerning and
// ligatures) halves the cost of laying out a long answer. Scripts that need shaping still get it.
QFont fastShaping(QFont font)
{
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// Markdown from a model may reference images; fetching them (even local files) would leak what the
// user has or where they are.
class BlockDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

QString stateLabel(const ChatMessage &m)
{
    switch (m.state) {
    case ChatMessage::State::Streaming:
        return ChatBlockRenderer::tr("Writing…");
    case ChatMessage::State::Stopped:
        return ChatBlockRenderer::tr("Stopped");
    case ChatMessage::State::Interrupted:
        return ChatBlockRenderer::tr("Interrupted");
    case ChatMessage::State::Failed:
        return ChatBlockRenderer::tr("Failed");
    case ChatMessage::State::Done:
        return {};
    }
    return {};
}

// Where the block starting at `from` ends: the whole rest if it fits; else the last paragraph end
// (prose) or line end (code; each piece keeps its line break, so the pieces put together are the code
// again) within a block's size; else anywhere, but never between the halves of a character.
qsizetype nextCut(const QString &text, qsizetype from, bool code)
{
    const qsizetype max = ChatBlockRenderer::TextBlockChars;
    if (text.size() - from <= max)
        return text.size();
    qsizetype to = code ? text.lastIndexOf(QLatin1Char('\n'), from + max - 1) + 1
                        : StreamingMarkdownBoundary::lastBoundaryWithin(text, from, max);
    if (to > from)
        return to;
    to = from + max;
    return text.at(to - 1).isHighSurrogate() ? to - 1 : to;
}

bool isThinking(const ChatMessage &m)
{
    // While the model thinks, the thinking shows as it grows; once the answer starts it folds away.
    return m.state == ChatMessage::State::Streaming && m.content.isEmpty();
}
} // namespace

ChatBlockRenderer::ChatBlockRenderer()
{
    // Answers are mostly Chinese: a CJK font that also covers Latin shapes each line with one font
    // instead of falling back character run by character run (faster, and one consistent look).
    m_textFont = Theme::contentFont(QGuiApplication::font());
    m_codeFont = fastShaping(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_codeFont.setFixedPitch(true);
}

const ChatBlockRenderer::Metrics &ChatBlockRenderer::textMetrics() const
{
    // Measured on first need: loading the CJK font is a good part of start-up, and an empty
    // conversation needs none of it.
    if (!m_text)
        m_text = measure(m_textFont);
    return *m_text;
}

const ChatBlockRenderer::Metrics &ChatBlockRenderer::codeMetrics() const
{
    if (!m_code)
        m_code = measure(m_codeFont);
    return *m_code;
}

int ChatBlockRenderer::lineSpacing() const
{
    return textMetrics().line;
}

ChatBlockRenderer::Metrics ChatBlockRenderer::measure(const QFont &font)
{
    const QFontMetrics fm(font);
    // A CJK font's average character is wider than its Latin letters: measure Latin text itself.
    const QString latin = QStringLiteral("The quick brown fox jumps over the lazy dog, 0123456789.");
    return {qMax(1.0, fm.horizontalAdvance(latin) / double(latin.size())),
            double(qMax(1, fm.horizontalAdvance(QChar(0x4E2D)))), fm.lineSpacing()};
}

QImage ChatBlockRenderer::actionIcon(const QString &name) const
{
    auto it = m_icons.find(name);
    if (it == m_icons.end())
        it = m_icons.insert(name, Theme::tintedIcon(name, Theme::role(Theme::Role::Muted, m_palette),
                                                    ActionIconSize, qApp ? qApp->devicePixelRatio() : 1.0));
    return *it;
}

void ChatBlockRenderer::styleTables(QTextDocument *doc) const
{
    const QList<QTextFrame *> frames = doc->rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat f = table->format();
        f.setBorder(1);
        f.setBorderBrush(Theme::role(Theme::Role::Border, m_palette));
        f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        f.setBorderCollapse(true);
        f.setCellSpacing(0);
        f.setCellPadding(6);
        f.setHeaderRowCount(1);
        f.setBottomMargin(textMetrics().line * ParagraphSpacing);
        table->setFormat(f);
        QTextCharFormat bold;
        bold.setFontWeight(QFont::DemiBold);
        for (int col = 0; col < table->columns(); ++col) {
            QTextTableCell cell = table->cellAt(0, col);
            QTextTableCellFormat cf = cell.format().toTableCellFormat();
            cf.setBackground(Theme::role(Theme::Role::SurfaceAlt, m_palette));
            cell.setFormat(cf);
            QTextCursor in = cell.firstCursorPosition();
            in.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
            in.mergeCharFormat(bold);
        }
    }
}

QString ChatBlockRenderer::reasoningText(const ChatMessage &m, bool expanded) const
{
    if (isThinking(m)) {
        QString preview = m.reasoning.right(ReasoningPreviewChars);
        if (preview.size() < m.reasoning.size())
            preview.prepend(QStringLiteral("… "));
        return preview;
    }
    return expanded ? m.reasoning : QString();
}

std::unique_ptr<QTextDocument> ChatBlockRenderer::make(const ChatBlock &block, const ChatMessage &m,
                                                       bool expanded, int width) const
{
    auto doc = std::make_unique<BlockDocument>();
    doc->setUndoRedoEnabled(false); // read-only: a history would only keep copies
    doc->setDocumentMargin(0);
    doc->setDefaultFont(m_textFont);
    QTextCursor c(doc.get());
    QTextCharFormat muted;
    muted.setForeground(m_palette.color(QPalette::PlaceholderText));
    const auto insertLink = [&](const QString &text, const QString &href) {
        QTextCharFormat link;
        link.setAnchor(true);
        link.setAnchorHref(href);
        link.setProperty(ChatBlock::ActionProperty, href);
        link.setForeground(m_palette.color(QPalette::Link));
        c.insertText(text, link);
        c.setCharFormat(QTextCharFormat());
    };
    // An action as an icon button (docs/UI-DESIGN.md): its label is its tooltip and its text.
    const auto insertIcon = [&](const QString &icon, const QString &label, const QString &href) {
        const QUrl name(QStringLiteral("yj-icon:") + icon);
        // Put in the document's cache by hand: loadResource() fetches nothing, so no Markdown can
        // name these.
        doc->addResource(QTextDocument::ImageResource, name, actionIcon(icon));
        QTextImageFormat f;
        f.setName(name.toString());
        f.setWidth(ActionIconSize);
        f.setHeight(ActionIconSize);
        f.setVerticalAlignment(QTextCharFormat::AlignMiddle);
        f.setProperty(ChatBlock::LabelProperty, label);
        f.setToolTip(label);
        if (!href.isEmpty()) {
            f.setAnchor(true);
            f.setAnchorHref(href);
            f.setProperty(ChatBlock::ActionProperty, href);
        }
        c.insertImage(f);
        c.setCharFormat(QTextCharFormat());
    };
    const auto gap = [&] { c.insertText(QStringLiteral("  "), muted); };

    switch (block.kind) {
    case ChatBlock::Kind::Header: {
        QTextCharFormat f = muted;
        f.setFontWeight(QFont::Bold);
        const QString who = m.isAssistant() ? m.model : tr("You");
        c.insertText(
            who + QStringLiteral("  ·  ") + QLocale().toString(m.createdAt.time(), QLocale::ShortFormat), f);
        break;
    }
    case ChatBlock::Kind::Reasoning: {
        if (m.reasoning.isEmpty())
            return nullptr;
        QTextCharFormat italic = muted;
        italic.setFontItalic(true);
        if (isThinking(m)) {
            c.insertText(tr("Thinking…") + QLatin1Char('\n') + reasoningText(m, expanded), italic);
            break;
        }
        insertIcon(QStringLiteral("thinking"), QString(), QString());
        c.insertText(QStringLiteral(" "), muted);
        insertLink(expanded ? tr("Hide thinking")
                            : tr("Show thinking (%n characters)", nullptr, int(m.reasoning.size())),
                   QStringLiteral("msg:think/%1").arg(m.id));
        {
            // A quiet toggle on the panel, not a blue link.
            QTextCursor all(doc.get());
            all.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
            QTextCharFormat quiet;
            quiet.setForeground(m_palette.color(QPalette::PlaceholderText));
            all.mergeCharFormat(quiet);
            c.movePosition(QTextCursor::End);
        }
        if (expanded) {
            QTextBlockFormat quote;
            quote.setLeftMargin(16);
            c.insertBlock(quote, italic);
            c.insertText(m.reasoning, italic);
        }
        break;
    }
    case ChatBlock::Kind::Text: {
        // Without raw HTML: a model's <a href>, <img> or <style> is shown as the text it is.
        doc->setMarkdown(block.source, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                       QTextDocument::MarkdownNoHTML));
        // Paragraphs (and whole lists) a little apart, as in any reader; Qt's importer sets none.
        const qreal space = textMetrics().line * ParagraphSpacing;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            QTextCursor at(b);
            if (at.currentTable())
                continue;
            if (b.textList() && b.next().isValid() && b.next().textList() == b.textList())
                continue;
            QTextBlockFormat f = b.blockFormat();
            if (f.headingLevel() > 0 && b != doc->begin()) {
                f.setTopMargin(qMax(f.topMargin(), 2 * space)); // a heading belongs to what follows it
                f.setBottomMargin(space);
            } else {
                f.setBottomMargin(qMax(f.bottomMargin(), space));
            }
            at.setBlockFormat(f);
        }
        styleTables(doc.get());
        break;
    }
    case ChatBlock::Kind::Code: {
        // The view paints the tinted background (Theme::Role::CodeBackground) under the block.
        QTextBlockFormat code;
        code.setLeftMargin(CodeInset);
        code.setRightMargin(CodeInset);
        // A line wider than the view wraps (anywhere, if it must) rather than running out of sight:
        // the view does not scroll sideways, and "Copy code" copies it whole.
        QTextOption wrap = doc->defaultTextOption();
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        doc->setDefaultTextOption(wrap);
        if (block.codeStarts) {
            // The header: the language, and the block's actions.
            QTextBlockFormat header = code;
            header.setTopMargin(4);
            header.setBottomMargin(4);
            c.setBlockFormat(header);
            QTextCharFormat caption = muted;
            caption.setFont(Theme::font(Theme::Type::Caption, m_textFont));
            c.insertText((block.language.isEmpty() ? tr("code") : block.language) + QStringLiteral("   "),
                         caption);
            insertIcon(QStringLiteral("copy"), tr("Copy code"),
                       QStringLiteral("msg:copycode/%1/%2").arg(m.id).arg(block.codeIndex));
            gap();
            insertIcon(QStringLiteral("video"), tr("Send to Studio"),
                       QStringLiteral("msg:codetostudio/%1/%2").arg(m.id).arg(block.codeIndex));
            c.insertBlock(code, QTextCharFormat());
        } else {
            c.setBlockFormat(code);
        }
        QTextCharFormat codeChar;
        codeChar.setFont(m_codeFont); // fixed pitch, as the font says
        QString text = block.source;
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);             // the break before the next piece, or the fence
        c.insertText(text, codeChar); // line breaks become paragraphs of the same format
        if (!block.codeGoesOn) {
            QTextBlockFormat last = c.blockFormat();
            last.setBottomMargin(CodeInset / 2);
            c.setBlockFormat(last);
        }
        break;
    }
    case ChatBlock::Kind::Footer: {
        if (!m.error.isEmpty()) {
            QTextCharFormat err;
            err.setForeground(Theme::color(Theme::Tone::Error, m_palette));
            c.insertText(m.error, err);
            c.insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
        QStringList info;
        if (const QString state = stateLabel(m); !state.isEmpty())
            info << state;
        if (m.isAssistant() && m.usage.valid)
            info << tr("Tokens: %1 prompt / %2 completion / %3 cached")
                        .arg(m.usage.promptTokens)
                        .arg(m.usage.completionTokens)
                        .arg(m.usage.cachedTokens);
        if (m.isAssistant() && m.finishedAt.isValid() && m.createdAt.isValid())
            info << tr("%1 s").arg(QLocale().toString(m.createdAt.msecsTo(m.finishedAt) / 1000.0, 'f', 1));
        // The actions come first, as icons the view shows under the pointer or the keyboard's focus;
        // then the versions ‹ 2/3 › and the facts, which always show.
        if (m.state != ChatMessage::State::Streaming) {
            doc->setProperty(ChatBlock::ActionsFrom, c.position());
            insertIcon(QStringLiteral("copy"), tr("Copy"), QStringLiteral("msg:copy/%1").arg(m.id));
            gap();
            if (m.isAssistant()) {
                const bool retry =
                    m.state == ChatMessage::State::Interrupted || m.state == ChatMessage::State::Failed;
                insertIcon(QStringLiteral("regenerate"), retry ? tr("Retry") : tr("Regenerate"),
                           QStringLiteral("msg:%1/%2")
                               .arg(retry ? QStringLiteral("retry") : QStringLiteral("regenerate"))
                               .arg(m.id));
                if (!m.content.trimmed().isEmpty()) {
                    // The answer as a video prompt, in the Studio (the mode and model last used there).
                    gap();
                    insertIcon(QStringLiteral("video"), tr("Send to Studio"),
                               QStringLiteral("msg:tostudio/%1").arg(m.id));
                }
                if (ShotListReader::holdsShotList(m.content)) {
                    gap();
                    insertIcon(QStringLiteral("library"), tr("Send to storyboard"),
                               QStringLiteral("msg:tostoryboard/%1").arg(m.id));
                }
            } else {
                insertIcon(QStringLiteral("edit"), tr("Edit"), QStringLiteral("msg:edit/%1").arg(m.id));
            }
            doc->setProperty(ChatBlock::ActionsTo, c.position());
            c.insertText(QStringLiteral("    "), muted);
            if (m.versionCount > 1) {
                // The versions of this message (asked again, or edited): ‹ 2/3 ›.
                if (m.versionIndex > 1)
                    insertIcon(QStringLiteral("prev"), tr("Previous version"),
                               QStringLiteral("msg:prevversion/%1").arg(m.id));
                else
                    insertIcon(QStringLiteral("prev"), QString(), QString());
                c.insertText(QStringLiteral(" %1/%2 ").arg(m.versionIndex).arg(m.versionCount), muted);
                if (m.versionIndex < m.versionCount)
                    insertIcon(QStringLiteral("next"), tr("Next version"),
                               QStringLiteral("msg:nextversion/%1").arg(m.id));
                else
                    insertIcon(QStringLiteral("next"), QString(), QString());
                gap();
                insertIcon(QStringLiteral("delete"), tr("Delete this version"),
                           QStringLiteral("msg:deleteversion/%1").arg(m.id));
                c.insertText(QStringLiteral("    "), muted);
            }
        }
        if (!info.isEmpty()) {
            QTextCharFormat caption = muted;
            caption.setFont(Theme::font(Theme::Type::Caption, m_textFont));
            c.insertText(info.join(QStringLiteral("  ·  ")), caption);
        }
        break;
    }
    }
    doc->setTextWidth(width);
    return doc;
}

int ChatBlockRenderer::estimateText(const QString &text, int width, const Metrics &metrics, bool markdown)
{
    // Lines as they would wrap, from the widths of a Latin and a CJK character: close enough for the
    // scroll bar, and exact once the block is laid out on its way onto the screen. In Markdown a blank
    // line is the space between paragraphs, a heading is set larger, and a table's rule is no row.
    const double available = qMax(40, width);
    double height = 0;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos <= n) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), pos);
        if (end < 0)
            end = n;
        const QStringView line = QStringView(text).mid(pos, end - pos);
        pos = end + 1;
        double lineWidth = 0;
        bool blank = true;
        for (const QChar ch : line) {
            const char16_t c = ch.unicode();
            blank = blank && (c == u' ' || c == u'\t' || c == u'\r');
            lineWidth += c < 0x2E80 ? metrics.narrow : metrics.wide;
        }
        const int wrapped = qMax(1, int(std::ceil(lineWidth / available)));
        if (!markdown)
            height += wrapped * metrics.line;
        else if (blank)
            height += ParagraphSpacing * metrics.line;
        else if (line.startsWith(QLatin1Char('#')))
            height += wrapped * metrics.line * 1.6;
        else if (!(line.startsWith(QLatin1Char('|')) && line.contains(QLatin1String("---"))))
            height += wrapped * metrics.line;
    }
    return int(height);
}

int ChatBlockRenderer::estimateHeight(const ChatBlock &block, const ChatMessage &m, bool expanded,
                                      int width) const
{
    const int line = textMetrics().line;
    switch (block.kind) {
    case ChatBlock::Kind::Header:
        return line;
    case ChatBlock::Kind::Reasoning:
        if (m.reasoning.isEmpty())
            return 0;
        return line + (isThinking(m) || expanded
                           ? estimateText(reasoningText(m, expanded), width - 16, textMetrics(), false)
                           : 0);
    case ChatBlock::Kind::Text:
        return estimateText(block.source, width, textMetrics(), true);
    case ChatBlock::Kind::Code:
        return estimateText(block.source, width - 2 * CodeInset, codeMetrics(), false) +
               (block.codeStarts ? line + 8 : 0);
    case ChatBlock::Kind::Footer:
        return line * (m.error.isEmpty() ? 1 : 2);
    }
    return line;
}

std::vector<ChatBlock> ChatBlockRenderer::split(const QString &markdown, qint64 messageId, int firstCode)
{
    std::vector<ChatBlock> out;
    if (markdown.isEmpty())
        return out;
    int code = firstCode;
    bool afterCode = false;
    for (MarkdownSegment &s : MarkdownSplitter::split(markdown)) {
        const bool isCode = s.kind == MarkdownSegment::Kind::Code;
        qsizetype from = 0;
        const qsizetype n = s.text.size();
        do {
            const qsizetype to = nextCut(s.text, from, isCode);
            ChatBlock b;
            b.kind = isCode ? ChatBlock::Kind::Code : ChatBlock::Kind::Text;
            b.messageId = messageId;
            b.source = s.text.mid(from, to - from);
            if (isCode) {
                b.language = s.language;
                b.codeIndex = code;
                b.codeGoesOn = to < n;
                b.codeStarts = from == 0;
                b.gapAbove = from == 0 ? 4 : 0;
            } else if (afterCode && from == 0) {
                b.gapAbove = 8; // below the code block's background
            }
            if (isCode || !b.source.trimmed().isEmpty()) // an empty code block still shows, with its link
                out.push_back(std::move(b));
            from = to;
        } while (from < n);
        code += isCode;
        afterCode = isCode;
    }
    return out;
}
