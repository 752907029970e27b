#include "chat/ChatView.h"
#include "chat/ChatViewAccessible.h"

#include "common/Theme.h"
#include <QAbstractTextDocumentLayout>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFocusEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {
// Around the column of text: room for the bubbles' padding (ChatBlockRenderer::BubblePadding) and a
// margin beyond them.
const int Padding = 24;
// Laid-out blocks kept on either side of the screen: scrolling back a little costs nothing, and memory
// stays bounded however long the conversation.
const int KeptAround = 16;
// How long the view is still before the text around the screen is laid out.
const int PrefetchDelayMs = 40;

// Whether a block on (or near) the screen still needs its document: never measured, or let go.
bool needsLayout(const ChatBlock &b)
{
    return !b.measured || (!b.doc && b.height > 0);
}

// A link in an answer that leads to the web (other schemes, file: say, are never followed).
bool isWebLink(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}
} // namespace

ChatView::ChatView(QWidget *parent) : QAbstractScrollArea(parent)
{
    ChatViewAccessible::install();
    setAccessibleName(tr("Conversation"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Window); // the bubbles are on the window's colour
    viewport()->setAutoFillBackground(true);
    m_renderer.setPalette(palette());
}

ChatView::~ChatView() = default;

// ---- messages → blocks -------------------------------------------------------------------------

const ChatMessage &ChatView::messageOf(qint64 id) const
{
    if (id == m_streamId)
        return m_streaming;
    return m_all.at(m_index.value(id));
}

ChatBlock ChatView::frameBlock(ChatBlock::Kind kind, const ChatMessage &message) const
{
    ChatBlock b;
    b.kind = kind;
    b.messageId = message.id;
    if (kind == ChatBlock::Kind::Header)
        b.gapAbove = ChatBlockRenderer::MessageGap +
                     2 * ChatBlockRenderer::BubblePadding; // between bubbles, and inside them
    return b;
}

std::vector<ChatBlock> ChatView::blocksFor(const ChatMessage &m) const
{
    std::vector<ChatBlock> out = ChatBlockRenderer::split(m.content, m.id, 0);
    out.insert(out.begin(), frameBlock(ChatBlock::Kind::Reasoning, m));
    out.insert(out.begin(), frameBlock(ChatBlock::Kind::Header, m));
    out.push_back(frameBlock(ChatBlock::Kind::Footer, m));
    return out;
}

void ChatView::replaceBlocks(int from, int count, std::vector<ChatBlock> &&with)
{
    const int delta = int(with.size()) - count;
    for (ChatBlock &b : with) {
        const ChatMessage &m = messageOf(b.messageId);
        b.indented = !m.isAssistant();
        if (m_width > 0)
            b.height = m_renderer.estimateHeight(b, m, m_expanded.contains(b.messageId), contentWidth(b));
    }
    m_blocks.erase(m_blocks.begin() + from, m_blocks.begin() + from + count);
    m_blocks.insert(m_blocks.begin() + from, std::make_move_iterator(with.begin()),
                    std::make_move_iterator(with.end()));
    // Indexes past the change move with it; those inside it land on its first block.
    if (m_anchorBlock >= from + count)
        m_anchorBlock += delta;
    else if (m_anchorBlock >= from)
        m_anchorBlock = from;
    if (m_focusLink.block >= from + count)
        m_focusLink.block += delta;
    else if (m_focusLink.block >= from)
        m_focusLink = TextPoint();                    // its link was replaced
    if (m_streamFirst >= 0 && from < m_streamFirst) { // an earlier message changed
        m_streamFirst += delta;
        m_tailFirst += delta;
    }
    TextPoint &low = m_selectionEnd < m_selectionStart ? m_selectionEnd : m_selectionStart;
    TextPoint &high = m_selectionEnd < m_selectionStart ? m_selectionStart : m_selectionEnd;
    if (low.block >= from + count) {
        m_selectionStart.block += delta;
        m_selectionEnd.block += delta;
    } else if (low.block >= from) {
        m_selectionStart = m_selectionEnd = TextPoint(); // the selected text is gone
    } else if (high.block >= from + count) {
        high.block += delta;
    } else if (high.block >= from) {
        // A selection ending in text that was replaced (the growing tail, say after Select All) reaches
        // over what replaced it.
        high = {qMax(from + count + delta - 1, low.block), TextPoint::BlockEnd};
    }
    m_topsDirty = true;
}

int ChatView::firstBlockOf(qint64 id) const
{
    for (int i = 0; i < int(m_blocks.size()); ++i)
        if (m_blocks[i].messageId == id)
            return i;
    return -1;
}

int ChatView::blockCountOf(int first) const
{
    int last = first;
    while (last < int(m_blocks.size()) && m_blocks[last].messageId == m_blocks[first].messageId)
        ++last;
    return last - first;
}

void ChatView::rebuildMessage(qint64 id)
{
    const int first = firstBlockOf(id);
    if (first < 0)
        return;
    replaceBlocks(first, blockCountOf(first), blocksFor(messageOf(id)));
    settle();
}

void ChatView::invalidate(int block)
{
    ChatBlock &b = m_blocks[block];
    b.doc.reset();
    b.plainText.reset();
    b.measured = false;
    b.height = m_renderer.estimateHeight(b, messageOf(b.messageId), m_expanded.contains(b.messageId),
                                         contentWidth(b));
    m_topsDirty = true;
}

void ChatView::clearMessages()
{
    m_all.clear();
    m_index.clear();
    m_blocks.clear();
    m_streamId = 0;
    m_streaming = ChatMessage();
    m_streamFirst = m_tailFirst = -1;
    m_selectionStart = m_selectionEnd = TextPoint();
    m_focusLink = TextPoint();
    m_selecting = false;
    m_follow = true;
    m_anchorBlock = 0;
    m_anchorOffset = 0;
    m_topsDirty = true;
    settle();
}

void ChatView::setMessages(const QList<ChatMessage> &messages)
{
    clearMessages();
    m_all = messages;
    std::vector<ChatBlock> blocks;
    for (int i = 0; i < m_all.size(); ++i) {
        m_index.insert(m_all.at(i).id, i);
        std::vector<ChatBlock> mine = blocksFor(m_all.at(i));
        std::move(mine.begin(), mine.end(), std::back_inserter(blocks));
    }
    replaceBlocks(0, 0, std::move(blocks));
    settle();
}

void ChatView::appendMessage(const ChatMessage &message)
{
    m_index.insert(message.id, int(m_all.size()));
    m_all.append(message);
    if (!message.isAssistant())
        m_follow = true; // what the user just sent is in view
    if (message.state == ChatMessage::State::Streaming) {
        beginStreaming(message);
        return;
    }
    replaceBlocks(int(m_blocks.size()), 0, blocksFor(message));
    settle();
}

void ChatView::beginStreaming(const ChatMessage &message)
{
    m_streamId = message.id;
    m_streaming = message;
    m_streaming.content.clear();
    m_streaming.reasoning.clear();
    m_boundary.reset();
    m_renderedStable = 0;
    m_stableCodeBlocks = 0;
    m_streamFirst = m_tailFirst = -1;
    if (const int first = firstBlockOf(message.id); first >= 0)
        replaceBlocks(first, blockCountOf(first), {});
    m_streamFirst = int(m_blocks.size());
    std::vector<ChatBlock> frame;
    frame.push_back(frameBlock(ChatBlock::Kind::Header, message));
    frame.push_back(frameBlock(ChatBlock::Kind::Reasoning, message));
    frame.push_back(frameBlock(ChatBlock::Kind::Footer, message));
    replaceBlocks(m_streamFirst, 0, std::move(frame));
    m_tailFirst = m_streamFirst + 2;
    updateStreaming(message);
}

void ChatView::updateStreaming(const ChatMessage &message)
{
    if (message.id != m_streamId || m_streamId == 0)
        return;
    // Keep our own copy of the growing texts, extended by what is new. Holding a reference to the
    // session's strings would make its next append copy the whole answer, every frame.
    QString content = std::exchange(m_streaming.content, QString());
    QString reasoning = std::exchange(m_streaming.reasoning, QString());
    m_streaming = message;
    content.append(QStringView(message.content).mid(qMin(content.size(), message.content.size())));
    reasoning.append(QStringView(message.reasoning).mid(qMin(reasoning.size(), message.reasoning.size())));
    m_streaming.content = std::move(content);
    m_streaming.reasoning = std::move(reasoning);
    renderStreaming();
}

void ChatView::renderStreaming()
{
    const QString &content = m_streaming.content;
    invalidate(m_streamFirst + 1); // the thinking, while it grows; folded once the answer starts

    // Newly final text: blocks made once, before the tail.
    const qsizetype stable = m_boundary.update(content);
    if (stable > m_renderedStable) {
        std::vector<ChatBlock> final = ChatBlockRenderer::split(
            content.mid(m_renderedStable, stable - m_renderedStable), m_streamId, m_stableCodeBlocks);
        for (const ChatBlock &b : final)
            m_stableCodeBlocks += b.kind == ChatBlock::Kind::Code;
        const int added = int(final.size());
        replaceBlocks(m_tailFirst, 0, std::move(final));
        m_tailFirst += added;
        m_renderedStable = stable;
    }
    // The open tail and the footer: replaced on every update.
    std::vector<ChatBlock> tail =
        ChatBlockRenderer::split(content.mid(m_renderedStable), m_streamId, m_stableCodeBlocks);
    tail.push_back(frameBlock(ChatBlock::Kind::Footer, m_streaming));
    replaceBlocks(m_tailFirst, int(m_blocks.size()) - m_tailFirst, std::move(tail));
    settle();
}

void ChatView::finishMessage(const ChatMessage &message)
{
    if (!m_index.contains(message.id))
        return;
    m_all[m_index.value(message.id)] = message;
    if (message.id == m_streamId) {
        m_streaming = message;
        renderStreaming(); // the tail and footer in their final form
        if (message.state != ChatMessage::State::Streaming) {
            m_streamId = 0;
            m_streaming = ChatMessage();
            m_streamFirst = m_tailFirst = -1;
        }
        return;
    }
    // An answer still being written, shown again (its conversation reopened): it goes on growing here.
    if (message.state == ChatMessage::State::Streaming && m_streamId == 0 && m_all.last().id == message.id) {
        beginStreaming(message);
        return;
    }
    rebuildMessage(message.id);
}

// ---- layout and scrolling ----------------------------------------------------------------------

int ChatView::contentWidth(const ChatBlock &block) const
{
    return qMax(60, m_width - (block.indented ? ChatBlockRenderer::Indent : 0));
}

void ChatView::layOut(int index)
{
    ChatBlock &b = m_blocks[index];
    b.doc = m_renderer.make(b, messageOf(b.messageId), m_expanded.contains(b.messageId), contentWidth(b));
    const int height = b.doc ? int(std::ceil(b.doc->size().height())) : 0;
    if (height != b.height || !b.measured)
        m_topsDirty = true;
    b.height = height;
    b.measured = true;
}

void ChatView::updateTops()
{
    if (!m_topsDirty)
        return;
    m_tops.resize(m_blocks.size() + 1);
    int y = Padding;
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        m_tops[i] = y;
        y += m_blocks[i].gapAbove + m_blocks[i].height;
    }
    m_tops[m_blocks.size()] = y + Padding;
    m_topsDirty = false;
}

int ChatView::blockAt(int y) const
{
    if (m_blocks.empty())
        return -1;
    const auto it = std::upper_bound(m_tops.begin(), m_tops.end() - 1, y);
    return qBound(0, int(it - m_tops.begin()) - 1, int(m_blocks.size()) - 1);
}

void ChatView::settle()
{
    // A hidden view (the chat tab being built, before the window is up) is laid out when it is first
    // painted, at its real width: not at every size the window's layout passes through on the way.
    if (!isVisible() || m_settlePending) {
        m_settlePending = true;
        viewport()->update();
        return;
    }
    settleNow();
}

void ChatView::settleIfPending() const
{
    if (m_settlePending)
        const_cast<ChatView *>(this)->settleNow();
}

void ChatView::settleNow()
{
    if (m_settling)
        return;
    m_settlePending = false;
    m_settling = true;
    if (size_t(m_all.size()) != m_announcedMessages && QAccessible::isActive()) {
        // Messages came or went: a screen reader reads the list again.
        QAccessibleEvent changed(this, QAccessible::ObjectReorder);
        QAccessible::updateAccessibility(&changed);
    }
    m_announcedMessages = size_t(m_all.size());
    // The width kept for text does not depend on whether the scroll bar shows: its appearing (once a
    // conversation outgrows the screen) would otherwise lay everything out a second time.
    QScrollBar *vbar = verticalScrollBar();
    const int barRoom = vbar->isVisibleTo(this) ? 0 : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, vbar);
    const int width = qMax(120, viewport()->width() - barRoom - 2 * Padding);
    if (width != m_width) {
        m_width = width;
        for (size_t i = 0; i < m_blocks.size(); ++i)
            invalidate(int(i));
    }
    const int page = viewport()->height();
    const auto target = [&] {
        const int bottom = qMax(0, m_tops.back() - page);
        // While the mouse button is down (selecting), the text holds still even when following.
        if ((m_follow && !m_selecting) || m_blocks.empty())
            return bottom;
        return qBound(0, m_tops[qMin(m_anchorBlock, int(m_blocks.size()) - 1)] + m_anchorOffset, bottom);
    };
    // Laying out changes heights, which moves what is on screen: repeat until it holds still.
    int first = 0, last = -1;
    // What is on screen is laid out now; half a screen above and below (so that scrolling finds it
    // ready) once the view has been still for a moment.
    const int margin = m_prefetching ? page / 2 : 0;
    for (int round = 0; round < 16; ++round) {
        updateTops();
        const int value = target();
        first = blockAt(value - margin);
        last = blockAt(value + page + margin);
        bool changed = false;
        for (int i = first; i >= 0 && i <= last; ++i) {
            if (needsLayout(m_blocks[i])) {
                layOut(i);
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    updateTops();
    if (!m_prefetching) {
        const int value = target();
        const int from = blockAt(value - page / 2), to = blockAt(value + page + page / 2);
        for (int i = from; i >= 0 && i <= to; ++i) {
            if (needsLayout(m_blocks[i])) {
                m_prefetch.start(PrefetchDelayMs, this);
                break;
            }
        }
    }
    // Documents far from the screen are let go (their height is kept): memory stays bounded.
    for (int i = 0; i < int(m_blocks.size()); ++i)
        if (m_blocks[i].doc && (i < first - KeptAround || i > last + KeptAround))
            m_blocks[i].doc.reset();
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, qMax(0, m_tops.back() - page));
    bar->setPageStep(page);
    if (!m_blocks.empty())
        bar->setSingleStep(m_renderer.lineSpacing()); // the wheel moves three of these a notch
    bar->setValue(target());
    m_settling = false;
    if (!m_painting)
        viewport()->update();
}

void ChatView::scrollContentsBy(int, int)
{
    if (!m_settling) {
        // The user scrolled: remember where, so that text changing above does not move what they read.
        const QScrollBar *bar = verticalScrollBar();
        m_follow = bar->value() >= bar->maximum() - 4;
        rememberTop();
        settle();
    }
    viewport()->update();
}

void ChatView::rememberTop()
{
    updateTops();
    const int value = verticalScrollBar()->value();
    m_anchorBlock = qMax(0, blockAt(value));
    m_anchorOffset = m_blocks.empty() ? 0 : value - m_tops[m_anchorBlock];
}

void ChatView::scrollTo(int value)
{
    verticalScrollBar()->setValue(value);
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    settle();
}

QPoint ChatView::blockOrigin(int index) const
{
    const ChatBlock &b = m_blocks[index];
    return {Padding + (b.indented ? ChatBlockRenderer::Indent : 0),
            m_tops[index] + b.gapAbove - verticalScrollBar()->value()};
}

qsizetype ChatView::laidOutCharacterCount() const
{
    settleIfPending();
    qsizetype characters = 0;
    for (const ChatBlock &b : m_blocks)
        characters += b.doc ? b.doc->characterCount() : 0;
    return characters;
}

void ChatView::paintEvent(QPaintEvent *event)
{
    if (m_settlePending) {
        m_painting = true; // what is laid out now is painted now: no second paint asked for
        settleNow();
        m_painting = false;
    }
    QPainter painter(viewport());
    if (m_blocks.empty()) {
        // An empty conversation says what it is for, where the eye goes first.
        // The empty state: an icon and one sentence; the action is the composer below.
        const QColor muted = Theme::role(Theme::Role::Muted, palette());
        const QRect area = viewport()->rect().adjusted(Padding * 2, Padding, -Padding * 2, -Padding);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(area.center().x() - 24, area.center().y() - 64, 48, 48),
                          Theme::tintedIcon(QStringLiteral("chat"), muted, 48, devicePixelRatioF()));
        painter.setPen(muted);
        painter.setFont(Theme::font(Theme::Type::Title, font()));
        painter.drawText(area.adjusted(0, area.height() / 2, 0, 0),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         tr("Ask anything. The answer appears here as it is written; Esc stops it."));
        return;
    }
    updateTops();
    const QRect exposed = event->rect();
    const int value = verticalScrollBar()->value();
    const int first = blockAt(value + exposed.top());
    const int last = blockAt(value + exposed.bottom());
    const auto [selFrom, selTo] = std::minmax(m_selectionStart, m_selectionEnd);
    paintBackgrounds(painter, first, last);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    bool grew = false;
    for (int i = first; i <= last; ++i) {
        ChatBlock &b = m_blocks[i];
        if (b.height == 0 && b.measured)
            continue;
        if (!b.doc) {
            const int before = b.height;
            layOut(i); // settle() lays out what is on screen; this is for a paint it did not foresee
            grew |= b.height != before;
            if (!b.doc)
                continue;
        }
        const QPoint origin = blockOrigin(i);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = palette();
        context.clip = QRectF(exposed.translated(-origin));
        if (!(selFrom == selTo) && selFrom.block <= i && i <= selTo.block) {
            QAbstractTextDocumentLayout::Selection selection;
            selection.cursor = QTextCursor(b.doc.get());
            const int end = b.doc->characterCount() - 1;
            selection.cursor.setPosition(i == selFrom.block ? qMin(selFrom.pos, end) : 0);
            selection.cursor.setPosition(i == selTo.block ? qMin(selTo.pos, end) : end,
                                         QTextCursor::KeepAnchor);
            selection.format.setBackground(palette().highlight());
            selection.format.setForeground(palette().highlightedText());
            context.selections.append(selection);
        }
        painter.save();
        painter.translate(origin);
        if (b.kind == ChatBlock::Kind::Footer && !actionsShown(b.messageId)) {
            // The icons stay out of sight until the message is pointed at or reached with Tab: a page
            // of answers reads as text, not as rows of buttons.
            if (const QRect hidden = actionsRect(b); !hidden.isEmpty()) {
                const QRegion visible = QRegion(context.clip.toAlignedRect()).subtracted(QRegion(hidden));
                painter.setClipRegion(visible);
            }
        }
        b.doc->documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (hasFocus() && m_focusLink.block >= first && m_focusLink.block <= last) {
        // The link Enter would follow, ringed in the highlight colour (the style's focus frame is
        // too faint on some styles to find in a page of text).
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(linkRectAt(m_focusLink)).adjusted(-3, -1, 3, 1), 3, 3);
    }
    if (grew)
        QMetaObject::invokeMethod(this, &ChatView::settle, Qt::QueuedConnection);
}

void ChatView::paintBackgrounds(QPainter &painter, int first, int last)
{
    // All backgrounds first, so that none covers the text of the block above.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const int pad = ChatBlockRenderer::BubblePadding;
    const int value = verticalScrollBar()->value();
    const QColor border = Theme::role(Theme::Role::Border, palette());
    // Each message on its bubble: the model's on the surface colour with a light outline, the user's
    // in their own tint, indented. From the first block of the message on screen at the top.
    int i = first;
    while (i > 0 && m_blocks[i - 1].messageId == m_blocks[first].messageId)
        --i;
    while (i <= last) {
        const qint64 id = m_blocks[i].messageId;
        int end = i;
        while (end < int(m_blocks.size()) && m_blocks[end].messageId == id)
            ++end;
        const ChatBlock &head = m_blocks[i];
        // Cut to a little past the screen: a long answer's bubble is many thousand pixels tall, and
        // the edges and corners out of sight cost as much to draw as those in it.
        const int margin = Theme::Radius::Large + 4;
        const int top = qMax(m_tops[i] + head.gapAbove - value - pad, -margin);
        const int bottom = qMin(m_tops[end] - value + pad - 2, viewport()->height() + margin);
        const QRectF bubble(blockOrigin(i).x() - pad + 0.5, top + 0.5, contentWidth(head) + 2 * pad - 1,
                            bottom - top - 1);
        painter.setPen(head.indented ? QPen(Qt::NoPen) : QPen(border, 1));
        painter.setBrush(head.indented ? Theme::role(Theme::Role::UserBubble, palette())
                                       : Theme::role(Theme::Role::Surface, palette()));
        painter.drawRoundedRect(bubble, Theme::Radius::Large, Theme::Radius::Large);
        i = end;
    }
    // Code on its tint, the thinking on a quieter panel.
    painter.setPen(Qt::NoPen);
    for (int k = first; k <= last; ++k) {
        const ChatBlock &b = m_blocks[k];
        const bool code = b.kind == ChatBlock::Kind::Code;
        if ((!code && b.kind != ChatBlock::Kind::Reasoning) || b.height <= 0)
            continue;
        const QPoint origin = blockOrigin(k);
        QRectF r(origin.x(), origin.y(), contentWidth(b), b.height);
        if (!code)
            r.adjust(-6, -2, 6, 2);
        const bool startsHere = !code || b.codeStarts;
        const bool endsHere = !code || !b.codeGoesOn;
        // The pieces of a long code block join into one background.
        if (!startsHere)
            r.setTop(r.top() - 1);
        painter.setBrush(code ? Theme::role(Theme::Role::CodeBackground, palette())
                              : Theme::role(Theme::Role::SurfaceAlt, palette()));
        const qreal radius = Theme::Radius::Small * 1.5;
        QPainterPath path;
        path.addRoundedRect(r, radius, radius);
        if (!startsHere)
            path.addRect(r.adjusted(0, 0, 0, -r.height() / 2));
        if (!endsHere)
            path.addRect(r.adjusted(0, r.height() / 2, 0, 0));
        painter.drawPath(path.simplified());
        if (code && b.codeStarts && b.doc) {
            // The header line (language, copy) set off by a rule.
            const QTextBlock header = b.doc->begin();
            const QRectF hr = b.doc->documentLayout()->blockBoundingRect(header);
            painter.setPen(QPen(border, 1));
            painter.drawLine(QPointF(r.left(), origin.y() + hr.bottom()),
                             QPointF(r.right(), origin.y() + hr.bottom()));
            painter.setPen(Qt::NoPen);
        }
    }
    painter.restore();
}

bool ChatView::actionsShown(qint64 id) const
{
    if (id == m_hoverId || (!m_all.isEmpty() && m_all.last().id == id))
        return true;
    return hasFocus() && m_focusLink.block >= 0 && m_focusLink.block < int(m_blocks.size()) &&
           m_blocks[m_focusLink.block].messageId == id;
}

QRect ChatView::actionsRect(const ChatBlock &footer) const
{
    if (!footer.doc)
        return {};
    const QVariant fromValue = footer.doc->property(ChatBlock::ActionsFrom);
    if (!fromValue.isValid())
        return {};
    const int from = fromValue.toInt();
    const int to = footer.doc->property(ChatBlock::ActionsTo).toInt();
    const QTextBlock block = footer.doc->findBlock(from);
    const QTextLayout *layout = block.layout();
    if (!layout)
        return {};
    QRectF out;
    for (int pos = from; pos < to; ++pos) { // the icons may wrap on a narrow view
        const QTextLine line = layout->lineForTextPosition(pos - block.position());
        if (!line.isValid())
            continue;
        const qreal x1 = line.cursorToX(pos - block.position());
        const qreal x2 = line.cursorToX(pos + 1 - block.position());
        out |= QRectF(layout->position() + QPointF(qMin(x1, x2), line.y()),
                      QSizeF(qAbs(x2 - x1), line.height()));
    }
    return out.toAlignedRect().adjusted(-3, -1, 3, 1);
}

// ---- text, selection and links -----------------------------------------------------------------

ChatView::TextPoint ChatView::hit(const QPoint &pos)
{
    if (m_blocks.empty())
        return {};
    updateTops();
    const int index = blockAt(pos.y() + verticalScrollBar()->value());
    ChatBlock &b = m_blocks[index];
    if (!b.doc)
        layOut(index);
    if (!b.doc)
        return {index, 0};
    const QPointF local = pos - blockOrigin(index);
    if (local.y() < 0)
        return {index, 0};
    if (local.y() >= b.height)
        return {index, b.doc->characterCount() - 1};
    const int at = b.doc->documentLayout()->hitTest(local, Qt::FuzzyHit);
    return {index, qMax(0, at)};
}

QString ChatView::anchorAt(const QPoint &pos)
{
    const TextPoint at = hit(pos);
    if (at.block < 0 || !m_blocks[at.block].doc)
        return {};
    return m_blocks[at.block].doc->documentLayout()->anchorAt(pos - blockOrigin(at.block));
}

QString ChatView::actionAt(const QPoint &pos)
{
    const TextPoint at = hit(pos);
    if (at.block < 0 || !m_blocks[at.block].doc)
        return {};
    return m_blocks[at.block]
        .doc->documentLayout()
        ->formatAt(pos - blockOrigin(at.block))
        .property(ChatBlock::ActionProperty)
        .toString();
}

QString ChatView::actionOfLink(const TextPoint &link) const
{
    const ChatBlock &b = m_blocks[link.block];
    if (!b.doc)
        return {};
    QTextCursor c(b.doc.get());
    c.setPosition(link.pos + 1);
    return c.charFormat().property(ChatBlock::ActionProperty).toString();
}

QString ChatView::textOf(int index, int from, int to) const
{
    const ChatBlock &b = m_blocks[index];
    const bool whole = from <= 0 && to < 0;
    if (whole && b.plainText)
        return *b.plainText;
    std::unique_ptr<QTextDocument> made;
    const QTextDocument *doc = b.doc.get();
    if (!doc) {
        made =
            m_renderer.make(b, messageOf(b.messageId), m_expanded.contains(b.messageId), qMax(60, m_width));
        doc = made.get();
    }
    if (!doc)
        return {};
    QTextCursor c(const_cast<QTextDocument *>(doc));
    c.setPosition(qBound(0, from, doc->characterCount() - 1));
    c.setPosition(to < 0 ? doc->characterCount() - 1 : qBound(0, to, doc->characterCount() - 1),
                  QTextCursor::KeepAnchor);
    QString text = c.selection().toPlainText();
    // An action drawn as an icon reads as its label (copying, screen readers); a picture without one
    // stays the object character it is.
    if (text.contains(QChar::ObjectReplacementCharacter)) {
        QList<QVariant> labels;
        const int start = c.selectionStart(), end = c.selectionEnd();
        for (QTextBlock block = doc->findBlock(start); block.isValid() && block.position() <= end;
             block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (!f.charFormat().isImageFormat() || f.position() + f.length() <= start ||
                    f.position() >= end)
                    continue;
                for (int k = 0; k < f.length(); ++k)
                    labels << f.charFormat().property(ChatBlock::LabelProperty);
            }
        QString out;
        out.reserve(text.size());
        qsizetype next = 0;
        for (const QChar ch : std::as_const(text)) {
            if (ch == QChar::ObjectReplacementCharacter && next < labels.size()) {
                const QVariant &label = labels.at(next++);
                if (label.isValid()) {
                    out += label.toString();
                    continue;
                }
            }
            out += ch;
        }
        text = out;
    }
    if (whole)
        b.plainText = text;
    return text;
}

QString ChatView::messageText(qint64 id) const
{
    const int first = firstBlockOf(id);
    if (first < 0)
        return {};
    return textOfBlocks(first, first + blockCountOf(first));
}

QString ChatView::plainText() const
{
    return textOfBlocks(0, int(m_blocks.size()));
}

QString ChatView::textOfBlocks(int from, int to) const
{
    QStringList parts;
    for (int i = from; i < to; ++i)
        if (QString text = textOf(i); !text.isEmpty()) // a message without thinking has an empty block
            parts << std::move(text);
    return parts.join(QLatin1Char('\n'));
}

QString ChatView::codeBlock(qint64 id, int index) const
{
    QString code;
    for (const ChatBlock &b : m_blocks)
        if (b.messageId == id && b.kind == ChatBlock::Kind::Code && b.codeIndex == index)
            code += b.source; // a long block comes in pieces
    return code;
}

bool ChatView::hasSelection() const
{
    return m_selectionStart.block >= 0 && !(m_selectionStart == m_selectionEnd);
}

QString ChatView::selectedText() const
{
    if (!hasSelection())
        return {};
    const auto [from, to] = std::minmax(m_selectionStart, m_selectionEnd);
    QStringList parts;
    for (int i = from.block; i <= to.block; ++i) {
        const QString text = textOf(i, i == from.block ? from.pos : 0, i == to.block ? to.pos : -1);
        if (!text.isEmpty())
            parts << text;
    }
    return parts.join(QLatin1Char('\n'));
}

void ChatView::selectAll()
{
    if (m_blocks.empty())
        return;
    m_selectionStart = {0, 0};
    m_selectionEnd = {int(m_blocks.size()) - 1, TextPoint::BlockEnd};
    viewport()->update();
}

void ChatView::copy() const
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

QList<qint64> ChatView::messageIds() const
{
    QList<qint64> ids;
    ids.reserve(m_all.size());
    for (const ChatMessage &m : m_all)
        ids.append(m.id);
    return ids;
}

QRect ChatView::messageRect(qint64 id) const
{
    settleIfPending();
    const int first = firstBlockOf(id);
    if (first < 0 || m_topsDirty)
        return {};
    const int end = first + blockCountOf(first);
    const int value = verticalScrollBar()->value();
    return QRect(Padding, m_tops[first] - value, m_width, m_tops[end] - m_tops[first]);
}

QList<ChatView::TextPoint> ChatView::linksIn(int index)
{
    ChatBlock &b = m_blocks[index];
    if (!b.doc && (!b.measured || b.height > 0))
        layOut(index);
    QList<TextPoint> links;
    if (!b.doc)
        return links;
    QString previous;
    for (QTextBlock block = b.doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (!href.isEmpty() && href != previous) // a link in two formats is still one link
                links.append({index, it.fragment().position()});
            previous = href;
        }
    }
    return links;
}

QString ChatView::hrefAt(const TextPoint &link) const
{
    const ChatBlock &b = m_blocks[link.block];
    if (!b.doc)
        return {};
    QTextCursor c(b.doc.get());
    c.setPosition(link.pos + 1);
    return c.charFormat().anchorHref();
}

QRect ChatView::linkRectAt(const TextPoint &link) const
{
    const ChatBlock &b = m_blocks[link.block];
    if (!b.doc)
        return {};
    const QTextBlock block = b.doc->findBlock(link.pos);
    const QString href = hrefAt(link);
    // The link runs from its first character to the last one that carries the same address.
    int end = link.pos;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (f.position() + f.length() <= link.pos)
            continue;
        if (f.charFormat().anchorHref() != href)
            break;
        end = f.position() + f.length();
    }
    const QTextLayout *layout = block.layout();
    const QTextLine line = layout->lineForTextPosition(link.pos - block.position());
    if (!line.isValid())
        return {};
    const qreal x1 = line.cursorToX(link.pos - block.position());
    const qreal x2 = line.cursorToX(end - block.position());
    const QRectF r(layout->position() + QPointF(x1, line.y()), QSizeF(x2 - x1, line.height()));
    return r.toAlignedRect().translated(blockOrigin(link.block));
}

void ChatView::scrollToMessage(qint64 id)
{
    settleIfPending();
    const int first = firstBlockOf(id);
    if (first < 0)
        return;
    updateTops();
    scrollTo(m_tops[first]);
}

QRect ChatView::linkRect(const QString &href) const
{
    settleIfPending();
    const int value = verticalScrollBar()->value();
    for (int i = 0; i < int(m_blocks.size()); ++i) {
        const ChatBlock &b = m_blocks[i];
        if (!b.doc || m_tops[i] + b.gapAbove + b.height < value || m_tops[i] > value + viewport()->height())
            continue;
        for (QTextBlock block = b.doc->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().anchorHref() == href)
                    return linkRectAt({i, it.fragment().position()});
    }
    return {};
}

bool ChatView::moveLinkFocus(bool forward)
{
    if (m_blocks.empty())
        return false;
    updateTops();
    // From the link that has focus, or else from the edge of the screen the move starts at.
    TextPoint from = m_focusLink;
    if (from.block < 0) {
        const int value = verticalScrollBar()->value();
        from = forward ? TextPoint{blockAt(value), -1}
                       : TextPoint{blockAt(value + viewport()->height()), TextPoint::BlockEnd};
    }
    const int step = forward ? 1 : -1;
    for (int i = from.block; i >= 0 && i < int(m_blocks.size()); i += step) {
        QList<TextPoint> links = linksIn(i);
        if (!forward)
            std::reverse(links.begin(), links.end());
        for (const TextPoint &link : std::as_const(links)) {
            if (i == from.block && (forward ? link.pos <= from.pos : link.pos >= from.pos))
                continue;
            m_focusLink = link;
            settle();
            const QRect r = linkRectAt(link);
            // Bring it into view, with a line of what surrounds it.
            if (r.top() < 0 || r.bottom() > viewport()->height()) {
                scrollTo(
                    verticalScrollBar()->value() +
                    (r.top() < 0 ? r.top() - r.height() : r.bottom() - viewport()->height() + r.height()));
            }
            viewport()->update();
            return true;
        }
    }
    m_focusLink = TextPoint();
    viewport()->update();
    return false;
}

bool ChatView::focusNextPrevChild(bool next)
{
    // Tab and Shift+Tab go from link to link (Copy, Regenerate, Show thinking…), then on to the next
    // control, as in a browser.
    if (hasFocus() && moveLinkFocus(next))
        return true;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void ChatView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    m_focusLink = TextPoint();
    if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)
        moveLinkFocus(event->reason() == Qt::TabFocusReason);
}

void ChatView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void ChatView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_focusLink = TextPoint();
    if (m_doubleClicked.isValid() && m_doubleClicked.elapsed() < QApplication::doubleClickInterval() &&
        (event->position().toPoint() - m_doubleClickPos).manhattanLength() <
            QApplication::startDragDistance()) {
        m_doubleClicked.invalidate();
        selectAround(event->position().toPoint(), QTextCursor::BlockUnderCursor);
        return;
    }
    m_pressedHref = anchorAt(event->position().toPoint());
    const TextPoint at = hit(event->position().toPoint());
    if (event->modifiers() & Qt::ShiftModifier && m_selectionStart.block >= 0)
        m_selectionEnd = at;
    else
        m_selectionStart = m_selectionEnd = at;
    m_selecting = true;
    rememberTop();
    viewport()->update();
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        // Past the top or bottom edge, the text scrolls under the pointer, also while it rests there.
        m_pointer = pos;
        if (pos.y() < 0 || pos.y() > viewport()->height()) {
            if (!m_autoScroll.isActive())
                m_autoScroll.start(30, this);
        } else {
            m_autoScroll.stop();
        }
        m_selectionEnd = hit(pos);
        viewport()->update();
        return;
    }
    // The message under the pointer shows its actions.
    const TextPoint at = hit(pos);
    const qint64 hovered = at.block >= 0 ? m_blocks[at.block].messageId : 0;
    if (hovered != m_hoverId) {
        m_hoverId = hovered;
        viewport()->update();
    }
    const QString href = anchorAt(pos);
    viewport()->setCursor(href.isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
    // Where a link in an answer leads, before it is clicked; what an icon does.
    QString tip;
    if (isWebLink(QUrl(href)))
        tip = href;
    else if (!href.isEmpty() && at.block >= 0 && m_blocks[at.block].doc)
        tip = m_blocks[at.block]
                  .doc->documentLayout()
                  ->formatAt(pos - blockOrigin(at.block))
                  .toCharFormat()
                  .toolTip();
    if (!tip.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), tip, viewport());
    else
        QToolTip::hideText();
}

void ChatView::leaveEvent(QEvent *event)
{
    QAbstractScrollArea::leaveEvent(event);
    if (m_hoverId != 0) {
        m_hoverId = 0;
        viewport()->update();
    }
}

void ChatView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_selecting) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_selecting = false;
    m_autoScroll.stop();
    settle(); // a reader following the answer catches up with what came while selecting
    const QString href = anchorAt(event->position().toPoint());
    if (!hasSelection() && !href.isEmpty() && href == m_pressedHref)
        followLink(href, actionAt(event->position().toPoint()));
    else if (hasSelection() && QGuiApplication::clipboard()->supportsSelection())
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
    m_pressedHref.clear();
}

void ChatView::selectAround(const QPoint &pos, QTextCursor::SelectionType unit)
{
    const TextPoint at = hit(pos);
    if (at.block < 0 || !m_blocks[at.block].doc)
        return;
    QTextCursor c(m_blocks[at.block].doc.get());
    c.setPosition(at.pos);
    if (unit == QTextCursor::BlockUnderCursor) {
        // The paragraph itself, without the break before it that BlockUnderCursor takes along.
        c.movePosition(QTextCursor::StartOfBlock);
        c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    } else {
        c.select(unit);
    }
    m_selectionStart = {at.block, c.selectionStart()};
    m_selectionEnd = {at.block, c.selectionEnd()};
    viewport()->update();
}

void ChatView::mouseDoubleClickEvent(QMouseEvent *event)
{
    selectAround(event->position().toPoint(), QTextCursor::WordUnderCursor);
    // A third click soon after, in the same place, takes the paragraph (Qt has no triple-click event).
    m_doubleClicked.start();
    m_doubleClickPos = event->position().toPoint();
}

void ChatView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_prefetch.timerId()) {
        m_prefetch.stop();
        m_prefetching = true;
        settleNow();
        m_prefetching = false;
        return;
    }
    if (event->timerId() != m_autoScroll.timerId()) {
        QAbstractScrollArea::timerEvent(event);
        return;
    }
    if (!m_selecting) {
        m_autoScroll.stop();
        return;
    }
    // Faster the further past the edge, as in other text views.
    const int past = m_pointer.y() < 0 ? m_pointer.y() : m_pointer.y() - viewport()->height();
    scrollTo(verticalScrollBar()->value() +
             qBound(-viewport()->height() / 2, past, viewport()->height() / 2));
    m_selectionEnd = hit(m_pointer);
    viewport()->update();
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) &&
        m_focusLink.block >= 0) {
        followLink(hrefAt(m_focusLink), actionOfLink(m_focusLink));
        return;
    }
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (event->key() == Qt::Key_Home) {
        scrollTo(0);
        return;
    }
    if (event->key() == Qt::Key_End) {
        scrollTo(verticalScrollBar()->maximum());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QString href = anchorAt(event->pos());
    if (isWebLink(QUrl(href))) {
        menu.addAction(tr("Copy Link Address"), this,
                       [href] { QGuiApplication::clipboard()->setText(href); });
        menu.addSeparator();
    }
    QAction *copyAction = menu.addAction(tr("Copy"), this, &ChatView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(hasSelection());
    QAction *all = menu.addAction(tr("Select All"), this, &ChatView::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    menu.addSeparator();
    menu.addAction(tr("Send Selection to Studio"), this, &ChatView::sendSelectionToStudio)
        ->setEnabled(hasSelection());
    menu.exec(event->globalPos());
}

void ChatView::sendSelectionToStudio()
{
    if (hasSelection())
        emit messageAction(QStringLiteral("selectiontostudio"), 0, 0);
}

void ChatView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    // Blocks are drawn with the palette's colours of the moment: a new palette (the desktop turned
    // dark) makes them again as they come on screen. Their sizes do not change.
    if (event->type() == QEvent::PaletteChange) {
        m_renderer.setPalette(palette());
        for (ChatBlock &b : m_blocks)
            b.doc.reset();
        settle();
    }
}

void ChatView::followLink(const QString &href, const QString &action)
{
    // The view's own actions are known by their private property, never by their address: an answer's
    // text can hold any link, "msg:…" included, and it does nothing but what a web link does.
    if (!action.isEmpty()) {
        const QStringList parts = QUrl(action).path().split(QLatin1Char('/'));
        const QString action = parts.value(0);
        const qint64 id = parts.value(1).toLongLong();
        if (action == QLatin1String("think")) {
            if (m_expanded.contains(id))
                m_expanded.remove(id);
            else
                m_expanded.insert(id);
            if (const int first = firstBlockOf(id); first >= 0) {
                invalidate(first + 1);
                settle();
            }
            return;
        }
        emit messageAction(action, id, parts.value(2).toInt());
        return;
    }
    // Links in answers open in the browser only when the user clicks them; the chat tab decides.
    const QUrl url(href);
    if (isWebLink(url))
        emit messageAction(QStringLiteral("openlink:") + url.toString(), 0, 0);
}
