#pragma once

#include "chat/ChatTypes.h"
#include "chat/MarkdownSplitter.h"

#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QTextBrowser>
#include <QTextDocumentFragment>

class QTimer;

// Markdown made ready for the view: prose already imported into a fragment (the costly part, which
// may run on a worker thread), code blocks as text for the view to draw with their copy link.
struct PreparedSegment
{
    MarkdownSegment segment;
    QTextDocumentFragment fragment;
};

struct PreparedMarkdown
{
    quint64 generation = 0; // which answer it belongs to: a late result for an earlier one is dropped
    qsizetype end = 0;      // how far into the answer's text it reaches
    QList<PreparedSegment> segments;
};

// The conversation as one rich-text document, messages one after another in its root frame (text
// inside nested frames is laid out again as a whole on every change, which grows with the answer).
// A growing answer is rendered in two parts: what is final (whole paragraphs and closed code blocks)
// is inserted once; only the open tail is replaced on each update, so the cost per update does not
// grow with the answer. A large backlog of final text (a burst from a fast server) has its Markdown
// imported on a worker thread, a budget's worth at a time, while the UI thread inserts the previous
// part and keeps the window responsive. Remote images are never fetched.
class ChatView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);

    // Shows the last `limit` messages (earlier ones behind a "show earlier" link).
    void setMessages(const QList<ChatMessage> &messages, int limit = 150);
    void appendMessage(const ChatMessage &message);
    void updateStreaming(const ChatMessage &message);
    void finishMessage(const ChatMessage &message);
    void clearMessages();
    // True while a finished or growing answer still has text waiting to be drawn.
    bool hasPendingRender() const;
    // Final text up to this size is rendered at once on the UI thread (a normal stream adds a few
    // dozen characters per frame); a larger backlog is prepared on a worker thread.
    static constexpr qsizetype SyncRenderChars = 4000;
    // How much final Markdown one worker job prepares at most; inserting it costs the UI thread ~8 ms.
    static constexpr qsizetype PrepareBudgetChars = 16000;
    // Imports Markdown the way the view shows it; safe to call on any thread.
    static QList<PreparedSegment> prepareMarkdown(const QString &markdown);
    int shownMessageCount() const { return int(m_order.size()); }
    // Plain text of everything shown, for tests and accessibility.
    QString messageText(qint64 id) const;
    QString codeBlock(qint64 id, int index) const;

signals:
    // copy, edit, regenerate, retry, copycode (index in extra)
    void messageAction(const QString &action, qint64 messageId, int extra);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void changeEvent(QEvent *event) override;

private:
    void onAnchor(const QUrl &url);
    // ready: a part the worker has prepared, to be inserted before the tail.
    void renderStep(PreparedMarkdown *ready = nullptr);
    void forgetPreparation();
    void startPreparing(qsizetype from, qsizetype to);
    void onPrepared();
    void renderAll();
    // Starts a new message at the end of the document; returns its first position.
    int beginMessageAtEnd();
    void renderMessage(int index);
    int messageEnd(int index) const;
    int documentEnd() const;
    void decorate(int index);
    void insertHeader(QTextCursor &cursor, const ChatMessage &message);
    void insertReasoning(QTextCursor &cursor, const ChatMessage &message, bool streaming);
    void insertContent(QTextCursor &cursor, const QString &markdown, qint64 id);
    void insertPrepared(QTextCursor &cursor, const QList<PreparedSegment> &segments, qint64 id);
    void insertFooter(QTextCursor &cursor, const ChatMessage &message);
    void startPlainBlock(QTextCursor &cursor);
    void insertLink(QTextCursor &cursor, const QString &text, const QString &href);
    void clearRange(int from, int to);
    bool isNearBottom() const;
    void scrollToBottom();

    QList<ChatMessage> m_all;       // every message of the conversation, oldest first
    QList<qint64> m_order;          // ids shown
    QList<int> m_starts;            // first position of each shown message, parallel to m_order
    QHash<qint64, int> m_index;     // id → position in m_all
    QHash<qint64, QStringList> m_code;
    QSet<qint64> m_expanded;
    int m_limit = 150;

    // The answer being streamed.
    qint64 m_streamId = 0;
    int m_reasoningStart = -1;
    int m_contentStart = -1;
    int m_tailStart = -1;
    qsizetype m_renderedStable = 0;
    int m_stableCodeBlocks = 0;
    bool m_reasoningCollapsed = false;
    StreamingMarkdownBoundary m_boundary;
    ChatMessage m_streaming;
    bool m_finishing = false;
    quint64 m_generation = 0;
    qsizetype m_preparedEnd = 0; // text up to here is rendered or with the worker
    bool m_preparing = false;
    QFutureWatcher<PreparedMarkdown> *m_prepareWatcher = nullptr;
    QTimer *m_paintTimer = nullptr;
};
