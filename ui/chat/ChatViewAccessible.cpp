#include "chat/ChatViewAccessible.h"
#include "chat/ChatView.h"

#include <QWidget>

namespace {
// A message, read as text: by word, line or whole (the text interface's default walks use text()).
class MessageItem : public QAccessibleInterface, public QAccessibleTextInterface
{
public:
    MessageItem(ChatView *view, qint64 id) : m_view(view), m_id(id) {}

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TextInterface ? static_cast<QAccessibleTextInterface *>(this) : nullptr;
    }
    // QAccessibleTextInterface. Selection is the view's own (across messages), not offered here.
    void selection(int, int *start, int *end) const override { *start = *end = 0; }
    int selectionCount() const override { return 0; }
    void addSelection(int, int) override {}
    void removeSelection(int) override {}
    void setSelection(int, int, int) override {}
    int cursorPosition() const override { return m_cursor; }
    void setCursorPosition(int position) override { m_cursor = qBound(0, position, characterCount()); }
    QString text(int start, int end) const override { return plain().mid(start, end - start); }
    int characterCount() const override { return int(plain().size()); }
    // Places of single characters are not mapped: the message's own place stands for them.
    QRect characterRect(int) const override { return rect(); }
    int offsetAtPoint(const QPoint &) const override { return 0; }
    void scrollToSubstring(int, int) override
    {
        if (m_view)
            m_view->scrollToMessage(m_id);
    }
    QString attributes(int, int *startOffset, int *endOffset) const override
    {
        *startOffset = 0;
        *endOffset = characterCount();
        return {};
    }

    bool isValid() const override { return m_view && m_view->messageIds().contains(m_id); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override
    {
        return QAccessible::queryAccessibleInterface(m_view.data());
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        return t == QAccessible::Name && m_view ? m_view->messageText(m_id) : QString();
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!m_view)
            return {};
        const QRect r = m_view->messageRect(m_id);
        return QRect(m_view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.readOnly = true;
        s.selectable = true;
        s.offscreen = !m_view || !m_view->viewport()->rect().intersects(m_view->messageRect(m_id));
        return s;
    }

private:
    QString plain() const { return m_view ? m_view->messageText(m_id) : QString(); }

    QPointer<ChatView> m_view;
    qint64 m_id;
    int m_cursor = 0;
};

QAccessibleInterface *factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("ChatView") && object && object->isWidgetType())
        return new ChatViewAccessible(static_cast<ChatView *>(object));
    return nullptr;
}
} // namespace

ChatViewAccessible::ChatViewAccessible(ChatView *view) : QAccessibleWidget(view, QAccessible::List)
{
}

ChatViewAccessible::~ChatViewAccessible()
{
    for (const QAccessible::Id id : std::as_const(m_items))
        QAccessible::deleteAccessibleInterface(id);
}

void ChatViewAccessible::install()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(factory);
    installed = true;
}

ChatView *ChatViewAccessible::view() const
{
    return static_cast<ChatView *>(widget());
}

int ChatViewAccessible::childCount() const
{
    return view()->shownMessageCount();
}

QAccessibleInterface *ChatViewAccessible::child(int index) const
{
    const QList<qint64> ids = view()->messageIds();
    if (index < 0 || index >= ids.size())
        return nullptr;
    const qint64 message = ids.at(index);
    auto it = m_items.find(message);
    if (it == m_items.end()) {
        // Items of messages no longer shown (another conversation) are let go first.
        for (auto old = m_items.begin(); old != m_items.end();) {
            if (!ids.contains(old.key())) {
                QAccessible::deleteAccessibleInterface(old.value());
                old = m_items.erase(old);
            } else {
                ++old;
            }
        }
        it = m_items.insert(message,
                            QAccessible::registerAccessibleInterface(new MessageItem(view(), message)));
    }
    return QAccessible::accessibleInterface(it.value());
}

int ChatViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const QAccessible::Id id = QAccessible::uniqueId(const_cast<QAccessibleInterface *>(child));
    const qint64 message = m_items.key(id, 0);
    return message ? int(view()->messageIds().indexOf(message)) : -1;
}

QAccessibleInterface *ChatViewAccessible::childAt(int x, int y) const
{
    const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
    const QList<qint64> ids = view()->messageIds();
    for (int i = 0; i < ids.size(); ++i)
        if (view()->messageRect(ids.at(i)).contains(local))
            return child(i);
    return QAccessibleWidget::childAt(x, y);
}
