#include "chat/ChatView.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextList>

namespace {
const int ReasoningPreviewChars = 600;

QString stateLabel(const ChatMessage &m)
{
    switch (m.state) {
    case ChatMessage::State::Streaming: return ChatView::tr("Writing…");
    case ChatMessage::State::Stopped: return ChatView::tr("Stopped");
    case ChatMessage::State::Interrupted: return ChatView::tr("Interrupted");
    case ChatMessage::State::Failed: return ChatView::tr("Failed");
    case ChatMessage::State::Done: return {};
    }
    return {};
}
} // namespace

ChatView::ChatView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    document()->setDocumentMargin(12);
    setAccessibleName(tr("Conversation"));
    connect(this, &QTextBrowser::anchorClicked, this, &ChatView::onAnchor);
}

QVariant ChatView::loadResource(int type, const QUrl &name)
{
    // Markdown from a model may reference remote images; fetching them would leak the user's address.
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {};
}

void ChatView::onAnchor(const QUrl &url)
{
    if (url.scheme() == QLatin1String("msg")) {
        const QStringList parts = url.path().split(QLatin1Char('/'));
        const QString action = parts.value(0);
        const qint64 id = parts.value(1).toLongLong();
        if (action == QLatin1String("think")) {
            if (m_expanded.contains(id))
                m_expanded.remove(id);
            else
                m_expanded.insert(id);
            if (m_frames.contains(id) && m_index.contains(id) && id != m_streamId)
                renderFull(m_frames.value(id), m_all.at(m_index.value(id)));
            return;
        }
        if (action == QLatin1String("earlier")) {
            m_limit += 150;
            const int fromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
            renderAll();
            verticalScrollBar()->setValue(verticalScrollBar()->maximum() - fromBottom);
            return;
        }
        emit messageAction(action, id, parts.value(2).toInt());
        return;
    }
    // Links in answers open in the browser only when the user clicks them; the chat tab decides.
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        emit messageAction(QStringLiteral("openlink:") + url.toString(), 0, 0);
}

void ChatView::clearMessages()
{
    m_all.clear();
    m_order.clear();
    m_frames.clear();
    m_index.clear();
    m_code.clear();
    m_streamId = 0;
    document()->clear();
}

void ChatView::setMessages(const QList<ChatMessage> &messages, int limit)
{
    clearMessages();
    m_all = messages;
    for (int i = 0; i < m_all.size(); ++i)
        m_index.insert(m_all.at(i).id, i);
    m_limit = limit;
    renderAll();
    scrollToBottom();
}

void ChatView::renderAll()
{
    document()->clear();
    m_order.clear();
    m_frames.clear();
    m_code.clear();
    const int first = qMax(0, int(m_all.size()) - m_limit);
    if (first > 0) {
        QTextCursor c(document());
        insertLink(c, tr("Show %n earlier message(s)", nullptr, first), QStringLiteral("msg:earlier/0"));
    }
    for (int i = first; i < m_all.size(); ++i) {
        const ChatMessage &m = m_all.at(i);
        QTextFrame *frame = insertFrameAtEnd(m);
        m_order.append(m.id);
        m_frames.insert(m.id, frame);
        renderFull(frame, m);
    }
}

QTextFrame *ChatView::insertFrameAtEnd(const ChatMessage &message)
{
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    QTextFrameFormat f;
    f.setPadding(10);
    f.setTopMargin(6);
    f.setBottomMargin(6);
    f.setBorder(0);
    if (!message.isAssistant()) {
        f.setBackground(palette().alternateBase());
        f.setLeftMargin(60);
    } else {
        f.setRightMargin(20);
    }
    return c.insertFrame(f);
}

void ChatView::appendMessage(const ChatMessage &message)
{
    const bool stick = isNearBottom();
    m_index.insert(message.id, int(m_all.size()));
    m_all.append(message);
    QTextFrame *frame = insertFrameAtEnd(message);
    m_order.append(message.id);
    m_frames.insert(message.id, frame);
    if (message.state == ChatMessage::State::Streaming) {
        // Lay out the skeleton: header, reasoning area, then content; remember where each starts.
        QTextCursor c = frame->firstCursorPosition();
        insertHeader(c, message);
        m_streamId = message.id;
        m_reasoningStart = c.position();
        m_contentStart = m_reasoningStart;
        m_tailStart = m_reasoningStart;
        m_renderedStable = 0;
        m_stableCodeBlocks = 0;
        m_reasoningCollapsed = false;
        m_boundary.reset();
        updateStreaming(message);
    } else {
        renderFull(frame, message);
    }
    if (stick || !message.isAssistant())
        scrollToBottom();
}

void ChatView::clearRange(int from, int to)
{
    if (to <= from)
        return;
    QTextCursor c(document());
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    c.removeSelectedText();
}

void ChatView::updateStreaming(const ChatMessage &message)
{
    if (message.id != m_streamId || !m_frames.contains(message.id))
        return;
    if (m_index.contains(message.id))
        m_all[m_index.value(message.id)] = message;
    const bool stick = isNearBottom();
    QTextFrame *frame = m_frames.value(message.id);
    QTextCursor c(document());
    c.beginEditBlock();

    // Reasoning: a bounded preview while the model thinks; folded away once the answer starts.
    if (!m_reasoningCollapsed) {
        const int oldLen = m_contentStart - m_reasoningStart;
        clearRange(m_reasoningStart, m_contentStart);
        c.setPosition(m_reasoningStart);
        if (!message.content.isEmpty()) {
            m_reasoningCollapsed = true;
            insertReasoning(c, message, false);
        } else {
            insertReasoning(c, message, true);
        }
        const int delta = (c.position() - m_reasoningStart) - oldLen;
        m_contentStart += delta;
        m_tailStart += delta;
    }

    // Newly final paragraphs: inserted once, before the tail.
    const qsizetype stable = m_boundary.update(message.content);
    clearRange(m_tailStart, frame->lastPosition());
    // Code blocks of the old tail are rendered again below: forget their copies.
    if (m_code.contains(message.id))
        m_code[message.id] = m_code.value(message.id).mid(0, m_stableCodeBlocks);
    if (stable > m_renderedStable) {
        c.setPosition(m_tailStart);
        insertContent(c, message.content.mid(m_renderedStable, stable - m_renderedStable), message.id);
        m_tailStart = c.position();
        m_renderedStable = stable;
        m_stableCodeBlocks = int(m_code.value(message.id).size());
    }
    // The open tail and the footer: replaced on every update.
    c.setPosition(m_tailStart);
    insertContent(c, message.content.mid(m_renderedStable), message.id);
    insertFooter(c, message);
    c.endEditBlock();
    if (stick)
        scrollToBottom();
}

void ChatView::finishMessage(const ChatMessage &message)
{
    if (!m_index.contains(message.id))
        return;
    m_all[m_index.value(message.id)] = message;
    if (message.id == m_streamId) {
        updateStreaming(message); // the tail and footer in their final form
        m_streamId = 0;
        return;
    }
    if (QTextFrame *frame = m_frames.value(message.id))
        renderFull(frame, message);
}

void ChatView::renderFull(QTextFrame *frame, const ChatMessage &message)
{
    clearRange(frame->firstPosition(), frame->lastPosition());
    QTextCursor c = frame->firstCursorPosition();
    c.beginEditBlock();
    m_code.remove(message.id);
    insertHeader(c, message);
    if (!message.reasoning.isEmpty())
        insertReasoning(c, message, false);
    insertContent(c, message.content, message.id);
    insertFooter(c, message);
    c.endEditBlock();
}

void ChatView::insertHeader(QTextCursor &c, const ChatMessage &m)
{
    QTextCharFormat f;
    f.setFontWeight(QFont::Bold);
    f.setForeground(palette().color(QPalette::PlaceholderText));
    const QString who = m.isAssistant() ? m.model : tr("You");
    c.insertText(who + QStringLiteral("  ·  ") + QLocale().toString(m.createdAt.time(), QLocale::ShortFormat), f);
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
}

void ChatView::insertReasoning(QTextCursor &c, const ChatMessage &m, bool streaming)
{
    if (m.reasoning.isEmpty())
        return;
    QTextCharFormat muted;
    muted.setForeground(palette().color(QPalette::PlaceholderText));
    muted.setFontItalic(true);
    if (streaming) {
        c.insertText(tr("Thinking…") + QLatin1Char('\n'), muted);
        QString preview = m.reasoning.right(ReasoningPreviewChars);
        if (preview.size() < m.reasoning.size())
            preview.prepend(QStringLiteral("… "));
        c.insertText(preview, muted);
        c.insertBlock(QTextBlockFormat(), QTextCharFormat());
        return;
    }
    const bool expanded = m_expanded.contains(m.id);
    insertLink(c, (expanded ? tr("Hide thinking") : tr("Show thinking (%n characters)", nullptr, int(m.reasoning.size()))),
               QStringLiteral("msg:think/%1").arg(m.id));
    if (expanded) {
        QTextBlockFormat quote;
        quote.setLeftMargin(16);
        c.insertBlock(quote, muted);
        c.insertText(m.reasoning, muted);
    }
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
}

void ChatView::insertContent(QTextCursor &c, const QString &markdown, qint64 id)
{
    if (markdown.isEmpty())
        return;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const MarkdownSegment &s : MarkdownSplitter::split(markdown)) {
        if (s.kind == MarkdownSegment::Kind::Text) {
            c.insertMarkdown(s.text, QTextDocument::MarkdownDialectGitHub);
            startPlainBlock(c);
            continue;
        }
        QStringList &blocks = m_code[id];
        const int index = int(blocks.size());
        blocks.append(s.text);
        QTextBlockFormat codeBlock;
        codeBlock.setBackground(palette().alternateBase().color().darker(104));
        codeBlock.setLeftMargin(8);
        codeBlock.setNonBreakableLines(true);
        QTextCharFormat codeChar;
        codeChar.setFont(mono);
        codeChar.setFontFixedPitch(true);
        const QStringList lines = s.text.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            c.setBlockFormat(codeBlock);
            c.insertText(line, codeChar);
            c.insertBlock(codeBlock, codeChar);
        }
        c.setBlockFormat(QTextBlockFormat());
        insertLink(c, tr("Copy code") + (s.language.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.language)),
                   QStringLiteral("msg:copycode/%1/%2").arg(id).arg(index));
        c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    }
}

void ChatView::startPlainBlock(QTextCursor &c)
{
    // A new block after imported Markdown would otherwise continue its list or quote.
    c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    if (QTextList *list = c.currentList())
        list->remove(c.block());
    c.setBlockFormat(QTextBlockFormat());
}

void ChatView::insertFooter(QTextCursor &c, const ChatMessage &m)
{
    QTextCharFormat muted;
    muted.setForeground(palette().color(QPalette::PlaceholderText));
    if (!m.error.isEmpty()) {
        QTextCharFormat err;
        err.setForeground(QColor(0xc0, 0x39, 0x2b));
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
    if (!info.isEmpty())
        c.insertText(info.join(QStringLiteral("  ·  ")) + QStringLiteral("   "), muted);
    if (m.state == ChatMessage::State::Streaming)
        return;
    insertLink(c, tr("Copy"), QStringLiteral("msg:copy/%1").arg(m.id));
    c.insertText(QStringLiteral("  "), muted);
    if (m.isAssistant()) {
        const bool retry = m.state == ChatMessage::State::Interrupted || m.state == ChatMessage::State::Failed;
        insertLink(c, retry ? tr("Retry") : tr("Regenerate"),
                   QStringLiteral("msg:%1/%2").arg(retry ? QStringLiteral("retry") : QStringLiteral("regenerate")).arg(m.id));
    } else {
        insertLink(c, tr("Edit"), QStringLiteral("msg:edit/%1").arg(m.id));
    }
}

void ChatView::insertLink(QTextCursor &c, const QString &text, const QString &href)
{
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(href);
    link.setForeground(palette().color(QPalette::Link));
    c.insertText(text, link);
    c.setCharFormat(QTextCharFormat());
}

QString ChatView::messageText(qint64 id) const
{
    QTextFrame *frame = m_frames.value(id);
    if (!frame)
        return {};
    QTextCursor c(document());
    c.setPosition(frame->firstPosition());
    c.setPosition(frame->lastPosition(), QTextCursor::KeepAnchor);
    return c.selection().toPlainText();
}

QString ChatView::codeBlock(qint64 id, int index) const
{
    return m_code.value(id).value(index);
}

bool ChatView::isNearBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 40;
}

void ChatView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}
