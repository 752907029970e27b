#include "chat/Composer.h"
#include "common/Theme.h"

#include <QKeyEvent>

Composer::Composer(QWidget *parent) : QPlainTextEdit(parent)
{
    setPlaceholderText(tr("Type a message. Enter sends, Shift+Enter starts a new line."));
    setAccessibleName(tr("Message"));
    setTabChangesFocus(true);
    // A question is typed in the face it is then shown in, in the conversation.
    setFont(Theme::contentFont(font()));
}

void Composer::inputMethodEvent(QInputMethodEvent *event)
{
    m_composing = !event->preeditString().isEmpty();
    QPlainTextEdit::inputMethodEvent(event);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_composing) {
        event->accept(); // the input method's Enter: never a send, never a new line
        return;
    }
    if (enter && !m_composing && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        emit sendRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        event->accept();
        emit stopRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

QSize Composer::sizeHint() const
{
    return {400, fontMetrics().lineSpacing() * 4 + 16};
}
