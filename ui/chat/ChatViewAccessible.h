#pragma once

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>

class ChatView;

// What a screen reader finds in the conversation: a list with one item per message, each read as the
// message's text (who, when, what, and its state). The view draws its own text, so Qt cannot find it.
class ChatViewAccessible : public QAccessibleWidget
{
public:
    explicit ChatViewAccessible(ChatView *view);
    ~ChatViewAccessible() override;

    // Installs the factory that gives every ChatView this interface.
    static void install();

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;

private:
    ChatView *view() const;
    mutable QHash<qint64, QAccessible::Id> m_items; // message id → its registered item
};
