#pragma once

#include <QPlainTextEdit>

// The message box: Enter sends, Shift+Enter starts a new line, Esc stops the answer. While an input
// method is composing (Chinese IME), Enter belongs to the input method and sends nothing.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);
    bool isComposing() const { return m_composing; }

signals:
    void sendRequested();
    void stopRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QSize sizeHint() const override;

private:
    bool m_composing = false;
};
