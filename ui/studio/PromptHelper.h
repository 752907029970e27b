#pragma once

#include "chat/PromptImprover.h"

#include <QPointer>
#include <QWidget>

class AppCore;
class StudioForm;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QWidget;

// "Improve prompt" beside the Studio's prompt: a chat model (the setting chat/promptHelperModel) rewrites
// it for the chosen video model, streamed into a suggestion shown beside the original. The user edits the
// suggestion, accepts it or keeps the original; Undo brings the original back. Nothing is applied on its
// own, and the tokens it cost are shown (and in the ledger, like any chat call).
class PromptHelper : public QWidget
{
    Q_OBJECT
public:
    explicit PromptHelper(AppCore *core, QWidget *parent = nullptr);

    // The form whose prompt is improved (nullptr: none); the form of another model keeps the suggestion.
    void setForm(StudioForm *form);
    // Asks for a suggestion; false (and a message) when there is no prompt or one is on its way.
    bool improve(PromptImprover::Variant variant);
    void accept();
    void keepOriginal();
    void undo();

    QToolButton *improveButton() const { return m_improve; }
    QPlainTextEdit *originalView() const { return m_originalView; }
    QPlainTextEdit *suggestion() const { return m_suggestion; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *stopButton() const { return m_stop; }
    QToolButton *undoButton() const { return m_undo; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *tokensLabel() const { return m_tokens; }
    QWidget *panel() const { return m_panel; }

signals:
    // The form's prompt was replaced (accepted) or given back (undo).
    void promptChanged(const QString &prompt);

private:
    QString currentPrompt() const;
    void setPrompt(const QString &text);
    void showStatus(const QString &text, bool error);
    void updateButtons();

    AppCore *m_core;
    PromptImprover *m_improver;
    QPointer<StudioForm> m_form;
    QString m_undoText;
    bool m_canUndo = false;
    bool m_ready = false; // a whole suggestion is there to accept
    QToolButton *m_improve;
    QToolButton *m_undo;
    QLabel *m_status;
    QWidget *m_panel;
    QPlainTextEdit *m_originalView;
    QPlainTextEdit *m_suggestion;
    QLabel *m_tokens;
    QPushButton *m_stop;
    QPushButton *m_accept;
    QPushButton *m_keep;
};
