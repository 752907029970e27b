#include "chat/ChatView.h"
#include "common/Theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace {
const int ReasoningPreviewChars = 600;

// Chinese and Latin text need no shaping to be legible: skipping the optional kind (kerning and
// ligatures) halves the cost of laying out a long answer. Scripts that need shaping still get it.
QFont fastShaping(QFont font)
{
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QFont codeFont()
{
    return fastShaping(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

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
    // Answers are mostly Chinese: a CJK font that also covers Latin shapes each line with one font
    // instead of falling back character run by character run (faster, and one consistent look).
    const QStringList families = QFontDatabase::families();
    QFont textFont = font();
    for (const QString &family : {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                  QStringLiteral("Microsoft YaHei"), QStringLiteral("PingFang SC")}) {
        if (families.contains(family)) {
            textFont.setFamily(family);
            break;
        }
    }
    document()->setDefaultFont(fastShaping(textFont));
    // Read-only: an undo history would only keep a copy of every replaced tail.
    document()->setUndoRedoEnabled(false);
    setAccessibleName(tr("Conversation"));
    connect(this, &QTextBrowser::anchorClicked, this, &ChatView::onAnchor);
    m_prepareWatcher = new QFutureWatcher<PreparedMarkdown>(this);
    connect(m_prepareWatcher, &QFutureWatcher<PreparedMarkdown>::finished, this, &ChatView::onPrepared);
    m_paintTimer = new QTimer(this);
    m_paintTimer->setSingleShot(true);
    m_paintTimer->setInterval(50);
    connect(m_paintTimer, &QTimer::timeout, this, [this] { viewport()->setUpdatesEnabled(true); });
}

QVariant ChatView::loadResource(int type, const QUrl &name)
{
    // Markdown from a model may reference remote images; fetching them would leak the user's address.
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {};
}

void ChatView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // Messages are drawn with the palette's colours of the moment: a new palette (the desktop turned
    // dark) draws them again, unless an answer is being written (it is drawn again when finished).
    if (event->type() == QEvent::PaletteChange && m_streamId == 0 && !m_all.isEmpty()) {
        const int fromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
        renderAll();
        verticalScrollBar()->setValue(verticalScrollBar()->maximum() - fromBottom);
    }
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
            if (const int shown = int(m_order.indexOf(id)); shown >= 0 && id != m_streamId)
                renderMessage(shown);
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
    m_starts.clear();
    m_index.clear();
    m_code.clear();
    m_streamId = 0;
    m_finishing = false;
    forgetPreparation();
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
    m_starts.clear();
    m_code.clear();
    const int first = qMax(0, int(m_all.size()) - m_limit);
    if (first > 0) {
        QTextCursor c(document());
        insertLink(c, tr("Show %n earlier message(s)", nullptr, first), QStringLiteral("msg:earlier/0"));
    }
    for (int i = first; i < m_all.size(); ++i) {
        m_order.append(m_all.at(i).id);
        m_starts.append(beginMessageAtEnd());
        renderMessage(int(m_order.size()) - 1);
    }
}

int ChatView::documentEnd() const
{
    return document()->characterCount() - 1;
}

int ChatView::beginMessageAtEnd()
{
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    if (c.position() > 0 || !c.block().text().isEmpty())
        c.insertBlock(QTextBlockFormat(), QTextCharFormat());
    return c.position();
}

int ChatView::messageEnd(int index) const
{
    // The block break before the next message belongs to neither.
    return index + 1 < m_starts.size() ? m_starts.at(index + 1) - 1 : documentEnd();
}

void ChatView::appendMessage(const ChatMessage &message)
{
    const bool stick = isNearBottom();
    m_index.insert(message.id, int(m_all.size()));
    m_all.append(message);
    m_order.append(message.id);
    m_starts.append(beginMessageAtEnd());
    if (message.state == ChatMessage::State::Streaming) {
        // Lay out the skeleton: header, reasoning area, then content; remember where each starts.
        QTextCursor c(document());
        c.setPosition(m_starts.last());
        insertHeader(c, message);
        m_streamId = message.id;
        m_reasoningStart = c.position();
        m_contentStart = m_reasoningStart;
        m_tailStart = m_reasoningStart;
        m_renderedStable = 0;
        m_preparedEnd = 0;
        forgetPreparation();
        m_stableCodeBlocks = 0;
        m_reasoningCollapsed = false;
        m_finishing = false;
        m_boundary.reset();
        updateStreaming(message);
    } else {
        renderMessage(int(m_order.size()) - 1);
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
    if (message.id != m_streamId || !m_order.contains(message.id))
        return;
    // Keep our own copy of the growing texts, extended by what is new. Holding a reference to the
    // session's strings would make its next append copy the whole answer, every frame.
    // A new answer starts from nothing; the copy from the previous one must not leak into it.
    const bool same = m_streaming.id == message.id;
    QString content = same ? std::exchange(m_streaming.content, QString()) : QString();
    QString reasoning = same ? std::exchange(m_streaming.reasoning, QString()) : QString();
    m_streaming = message;
    content.append(QStringView(message.content).mid(qMin(content.size(), message.content.size())));
    reasoning.append(QStringView(message.reasoning).mid(qMin(reasoning.size(), message.reasoning.size())));
    m_streaming.content = std::move(content);
    m_streaming.reasoning = std::move(reasoning);
    renderStep();
}

void ChatView::finishMessage(const ChatMessage &message)
{
    if (!m_index.contains(message.id))
        return;
    m_all[m_index.value(message.id)] = message;
    if (message.id == m_streamId) {
        m_streaming = message;
        m_finishing = true;
        renderStep(); // the tail and footer in their final form, once the backlog is drawn
        return;
    }
    if (const int shown = int(m_order.indexOf(message.id)); shown >= 0)
        renderMessage(shown);
}

bool ChatView::hasPendingRender() const
{
    return m_streamId != 0 && (m_finishing || m_preparing);
}

void ChatView::renderStep(PreparedMarkdown *ready)
{
    const ChatMessage &message = m_streaming;
    if (message.id != m_streamId)
        return;
    const bool stick = isNearBottom();
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

    // Newly final paragraphs: inserted once, before the tail. A small backlog (the normal case) is
    // imported here; a burst is handed to the worker a budget's worth at a time, and each prepared
    // part is inserted when it arrives while the worker already imports the next.
    const qsizetype stable = m_boundary.update(message.content);
    QList<PreparedSegment> final;
    qsizetype finalEnd = m_renderedStable;
    if (ready) {
        final = std::move(ready->segments);
        finalEnd = ready->end;
    } else if (!m_preparing && stable > m_renderedStable && stable - m_renderedStable <= SyncRenderChars) {
        final = prepareMarkdown(message.content.mid(m_renderedStable, stable - m_renderedStable));
        finalEnd = stable;
        m_preparedEnd = stable;
    }
    if (!m_preparing && stable > m_preparedEnd) {
        qsizetype cut = StreamingMarkdownBoundary::lastBoundaryWithin(message.content, m_preparedEnd, PrepareBudgetChars);
        startPreparing(m_preparedEnd, cut > m_preparedEnd ? cut : stable);
    }
    clearRange(m_tailStart, documentEnd()); // the answer being written is always the last message
    // Code blocks of the old tail are rendered again below: forget their copies.
    if (m_code.contains(message.id))
        m_code[message.id] = m_code.value(message.id).mid(0, m_stableCodeBlocks);
    if (finalEnd > m_renderedStable) {
        c.setPosition(m_tailStart);
        insertPrepared(c, final, message.id);
        m_tailStart = c.position();
        m_renderedStable = finalEnd;
        m_stableCodeBlocks = int(m_code.value(message.id).size());
    }
    const bool caughtUp = m_renderedStable == stable;
    c.setPosition(m_tailStart);
    if (caughtUp) {
        // The open tail and the footer: replaced on every update.
        insertContent(c, message.content.mid(m_renderedStable), message.id);
        insertFooter(c, message);
    } else {
        QTextCharFormat muted;
        muted.setForeground(palette().color(QPalette::PlaceholderText));
        c.insertText(QStringLiteral("…"), muted);
    }
    c.endEditBlock();
    if (stick)
        scrollToBottom();

    if (!caughtUp) {
        // Catching up on a burst: repaint a few times a second rather than after every part. The next
        // step comes when the worker has the next part ready.
        if (viewport()->updatesEnabled()) {
            viewport()->setUpdatesEnabled(false);
            m_paintTimer->start();
        }
        return;
    }
    if (!viewport()->updatesEnabled()) {
        m_paintTimer->stop();
        viewport()->setUpdatesEnabled(true);
    }
    if (m_finishing) {
        m_finishing = false;
        m_streamId = 0;
    }
}

void ChatView::startPreparing(qsizetype from, qsizetype to)
{
    m_preparing = true;
    m_preparedEnd = to;
    const quint64 generation = m_generation;
    const QString markdown = m_streaming.content.mid(from, to - from);
    m_prepareWatcher->setFuture(QtConcurrent::run([generation, to, markdown] {
        return PreparedMarkdown{generation, to, ChatView::prepareMarkdown(markdown)};
    }));
}

void ChatView::onPrepared()
{
    if (m_prepareWatcher->future().resultCount() == 0)
        return;
    PreparedMarkdown result = m_prepareWatcher->result();
    if (result.generation != m_generation || !m_preparing)
        return; // prepared for an answer no longer being written
    m_preparing = false;
    renderStep(&result);
}

void ChatView::forgetPreparation()
{
    ++m_generation; // whatever the worker is preparing belongs to nothing shown any more
    m_preparing = false;
}

void ChatView::renderMessage(int index)
{
    const qint64 id = m_order.at(index);
    const ChatMessage &message = m_all.at(m_index.value(id));
    const int start = m_starts.at(index);
    const int oldEnd = messageEnd(index);
    QTextCursor c(document());
    c.beginEditBlock();
    clearRange(start, oldEnd);
    c.setPosition(start);
    c.setBlockFormat(QTextBlockFormat());
    m_code.remove(id);
    insertHeader(c, message);
    if (!message.reasoning.isEmpty())
        insertReasoning(c, message, false);
    insertContent(c, message.content, id);
    insertFooter(c, message);
    const int delta = c.position() - oldEnd;
    for (int i = index + 1; i < m_starts.size(); ++i)
        m_starts[i] += delta;
    decorate(index);
    c.endEditBlock();
}

void ChatView::decorate(int index)
{
    const ChatMessage &message = m_all.at(m_index.value(m_order.at(index)));
    if (message.isAssistant())
        return;
    // The user's messages stand apart: indented, on a tinted background.
    QTextCursor c(document());
    c.setPosition(m_starts.at(index));
    c.setPosition(messageEnd(index), QTextCursor::KeepAnchor);
    QTextBlockFormat f;
    f.setBackground(palette().alternateBase());
    f.setLeftMargin(48);
    c.mergeBlockFormat(f);
}

void ChatView::insertHeader(QTextCursor &c, const ChatMessage &m)
{
    QTextBlockFormat block;
    block.setTopMargin(14);
    c.setBlockFormat(block);
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

QList<PreparedSegment> ChatView::prepareMarkdown(const QString &markdown)
{
    QList<PreparedSegment> out;
    if (markdown.isEmpty())
        return out;
    for (MarkdownSegment &s : MarkdownSplitter::split(markdown)) {
        PreparedSegment p;
        if (s.kind == MarkdownSegment::Kind::Text)
            p.fragment = QTextDocumentFragment::fromMarkdown(s.text, QTextDocument::MarkdownDialectGitHub);
        p.segment = std::move(s);
        out.append(std::move(p));
    }
    return out;
}

void ChatView::insertContent(QTextCursor &c, const QString &markdown, qint64 id)
{
    insertPrepared(c, prepareMarkdown(markdown), id);
}

void ChatView::insertPrepared(QTextCursor &c, const QList<PreparedSegment> &segments, qint64 id)
{
    const QFont mono = codeFont();
    for (const PreparedSegment &prepared : segments) {
        const MarkdownSegment &s = prepared.segment;
        if (s.kind == MarkdownSegment::Kind::Text) {
            c.insertFragment(prepared.fragment);
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
        err.setForeground(Theme::color(Theme::Tone::Error, palette()));
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
    const int shown = int(m_order.indexOf(id));
    if (shown < 0)
        return {};
    QTextCursor c(document());
    c.setPosition(m_starts.at(shown));
    c.setPosition(messageEnd(shown), QTextCursor::KeepAnchor);
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
