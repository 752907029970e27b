#pragma once

#include "chat/ChatBlock.h"
#include "chat/ChatTypes.h"
#include "chat/MarkdownSplitter.h"

#include <QAbstractScrollArea>
#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTextCursor>

class QPainter;

#include <vector>

// The conversation, drawn as a column of blocks (ChatBlock): each message is a header, its thinking,
// its answer cut into blocks of a few thousand characters and code blocks, and a footer. Only blocks
// near the screen are imported from Markdown and laid out; the others keep an estimated height until
// they are scrolled to. So opening a long conversation, or an answer growing by a megabyte, costs what
// a screenful costs. A growing answer is cut where its text is final (whole paragraphs and closed code
// blocks): those blocks are made once, and only the open tail is replaced on each update.
// Text can be selected across messages and copied; links are followed only when clicked, or chosen
// with Tab and followed with Enter; remote images are never fetched. Screen readers find each message
// through ChatViewAccessible.
class ChatView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);
    ~ChatView() override;

    void setMessages(const QList<ChatMessage> &messages);
    void appendMessage(const ChatMessage &message);
    void updateStreaming(const ChatMessage &message);
    void finishMessage(const ChatMessage &message);
    void clearMessages();
    int shownMessageCount() const { return int(m_all.size()); }

    // Plain text as shown, for tests, copying and accessibility.
    QString messageText(qint64 id) const;
    QString plainText() const;
    QString codeBlock(qint64 id, int index) const;
    QString selectedText() const;
    bool hasSelection() const;
    void selectAll();
    void copy() const;
    // Asks for the selection to become the Studio's prompt (messageAction "selectiontostudio").
    void sendSelectionToStudio();
    // How many characters are in laid-out documents now: bounded by what is near the screen, whatever
    // the length of the conversation or of one answer, paragraph or code block.
    qsizetype laidOutCharacterCount() const;
    // The messages shown, oldest first, and where one is drawn (viewport coordinates; it may be off
    // screen). For screen readers.
    QList<qint64> messageIds() const;
    QRect messageRect(qint64 id) const;
    // Brings the start of a message into view.
    void scrollToMessage(qint64 id);
    // Where the link to href is drawn, in viewport coordinates; empty when it is not on screen.
    QRect linkRect(const QString &href) const;

signals:
    // copy, edit, regenerate, retry, prevversion, nextversion, deleteversion, copycode (index in extra), openlink:<url>,
    // tostudio, codetostudio (index in extra), selectiontostudio (no message: the selection), tostoryboard
    void messageAction(const QString &action, qint64 messageId, int extra);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // A place in the text: a block and a position in its document.
    struct TextPoint
    {
        static constexpr int BlockEnd = 1 << 30; // past the last position of any block
        int block = -1;
        int pos = 0;
        bool operator<(const TextPoint &o) const
        {
            return block < o.block || (block == o.block && pos < o.pos);
        }
        bool operator==(const TextPoint &o) const { return block == o.block && pos == o.pos; }
    };

    const ChatMessage &messageOf(qint64 id) const;
    std::vector<ChatBlock> blocksFor(const ChatMessage &message) const;
    ChatBlock frameBlock(ChatBlock::Kind kind, const ChatMessage &message) const;
    // Puts `with` in place of count blocks from `from`, keeping every remembered index pointing at the
    // same text.
    void replaceBlocks(int from, int count, std::vector<ChatBlock> &&with);
    int firstBlockOf(qint64 id) const;
    int blockCountOf(int first) const;
    void rebuildMessage(qint64 id);
    void invalidate(int block);
    void beginStreaming(const ChatMessage &message);
    void renderStreaming();
    // A link was clicked (or chosen with Enter): action is its private action property, if any.
    void followLink(const QString &href, const QString &action);

    // Lays out the blocks on screen (and half a screen around), then fits the scroll bar, keeping the
    // text at the top of the screen where it was, or the bottom in view when it was.
    void settle();
    void settleNow();
    void settleIfPending() const;
    void layOut(int block);
    void updateTops();
    int blockAt(int y) const;
    int contentWidth(const ChatBlock &block) const;
    QPoint blockOrigin(int block) const; // in viewport coordinates
    TextPoint hit(const QPoint &viewportPos);
    QString anchorAt(const QPoint &viewportPos);
    QString actionAt(const QPoint &viewportPos);
    QString actionOfLink(const TextPoint &link) const;
    QString textOf(int block, int from = 0, int to = -1) const;
    QString textOfBlocks(int from, int to) const;
    // Links, each as where it starts; the block is laid out if it was not.
    QList<TextPoint> linksIn(int block);
    QString hrefAt(const TextPoint &link) const;
    QRect linkRectAt(const TextPoint &link) const;
    // Gives the next (or previous) link the keyboard focus; false when there is none.
    bool moveLinkFocus(bool forward);
    void scrollTo(int value);
    // Whether a message's action icons show: under the pointer, holding the keyboard's focus, or last.
    bool actionsShown(qint64 id) const;
    // Where a footer's actions are drawn, in its document's coordinates; empty when it has none.
    QRect actionsRect(const ChatBlock &footer) const;
    // The message backgrounds (bubbles, code, thinking) of the blocks first..last.
    void paintBackgrounds(QPainter &painter, int first, int last);
    void selectAround(const QPoint &viewportPos, QTextCursor::SelectionType unit);
    // Notes the block at the top of the screen and how far into it, to keep it there.
    void rememberTop();

    ChatBlockRenderer m_renderer;
    QList<ChatMessage> m_all;   // oldest first
    QHash<qint64, int> m_index; // id → position in m_all
    QSet<qint64> m_expanded;    // messages whose thinking is shown
    std::vector<ChatBlock> m_blocks;
    std::vector<int> m_tops; // top of each block, and the total height at the end
    bool m_topsDirty = true;
    int m_width = -1; // the width blocks are measured for

    // The answer being written: always the last message.
    qint64 m_streamId = 0;
    ChatMessage m_streaming;
    StreamingMarkdownBoundary m_boundary;
    qsizetype m_renderedStable = 0; // its text up to here is in blocks that stay
    int m_stableCodeBlocks = 0;
    int m_streamFirst = -1; // its header
    int m_tailFirst = -1;   // its first block that is replaced on each update (the footer comes last)

    // Scrolling: the bottom stays in view while it was; otherwise the block at the top stays put.
    bool m_follow = true;
    int m_anchorBlock = 0;
    int m_anchorOffset = 0;
    bool m_settling = false;
    bool m_settlePending = false; // changes made while hidden, laid out when first painted
    bool m_painting = false;
    QBasicTimer m_prefetch;
    bool m_prefetching = false;
    size_t m_announcedMessages = 0; // to screen readers

    TextPoint m_selectionStart;
    TextPoint m_selectionEnd;
    bool m_selecting = false;
    QString m_pressedHref;
    TextPoint m_focusLink;    // the link Enter follows, moved by Tab
    QBasicTimer m_autoScroll; // while selecting with the pointer past an edge
    QPoint m_pointer;
    qint64 m_hoverId = 0;          // the message under the pointer
    QElapsedTimer m_doubleClicked; // for a triple click
    QPoint m_doubleClickPos;
};
