#include "studio/PromptHelper.h"
#include "common/Theme.h"

#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "studio/StudioForm.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

PromptHelper::PromptHelper(AppCore *core, QWidget *parent)
    : QWidget(parent), m_core(core), m_improver(new PromptImprover(core->client(), core->ledger(), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *row = new QHBoxLayout;
    m_improve = new QToolButton(this);
    m_improve->setObjectName(QStringLiteral("improvePrompt"));
    m_improve->setText(tr("Improve prompt"));
    m_improve->setToolTip(tr("A chat model rewrites the prompt for this video model; you see it first."));
    m_improve->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_improve);
    for (PromptImprover::Variant v : PromptImprover::variants())
        menu->addAction(PromptImprover::variantLabel(v), this, [this, v] { improve(v); });
    m_improve->setMenu(menu);
    m_undo = new QToolButton(this);
    m_undo->setObjectName(QStringLiteral("undoImprove"));
    m_undo->setText(tr("Undo"));
    m_undo->setToolTip(tr("Bring back the prompt as it was before the suggestion was accepted."));
    Theme::setRole(m_improve, "toolbar");
    Theme::setRole(m_undo, "toolbar");
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    row->addWidget(m_improve);
    row->addWidget(m_undo);
    row->addWidget(m_status, 1);
    layout->addLayout(row);

    m_panel = new QWidget(this);
    auto *grid = new QGridLayout(m_panel);
    grid->setContentsMargins(0, 0, 0, 0);
    m_originalView = new QPlainTextEdit(m_panel);
    m_originalView->setReadOnly(true);
    m_originalView->setAccessibleName(tr("Original prompt"));
    m_suggestion = new QPlainTextEdit(m_panel);
    m_suggestion->setObjectName(QStringLiteral("suggestion"));
    m_suggestion->setAccessibleName(tr("Suggested prompt"));
    m_suggestion->setTabChangesFocus(true);
    for (QPlainTextEdit *e : {m_originalView, m_suggestion})
        e->setMaximumHeight(120);
    grid->addWidget(new QLabel(tr("Original"), m_panel), 0, 0);
    grid->addWidget(new QLabel(tr("Suggestion (you can edit it)"), m_panel), 0, 1);
    grid->addWidget(m_originalView, 1, 0);
    grid->addWidget(m_suggestion, 1, 1);
    auto *buttons = new QHBoxLayout;
    m_tokens = new QLabel(m_panel);
    m_tokens->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_stop = new QPushButton(tr("Stop"), m_panel);
    m_accept = new QPushButton(tr("Use suggestion"), m_panel);
    m_accept->setObjectName(QStringLiteral("acceptSuggestion"));
    m_keep = new QPushButton(tr("Keep original"), m_panel);
    buttons->addWidget(m_tokens, 1);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_keep);
    buttons->addWidget(m_accept);
    grid->addLayout(buttons, 2, 0, 1, 2);
    layout->addWidget(m_panel);
    m_panel->setVisible(false);

    connect(m_improve, &QToolButton::clicked, this, [this] { improve(PromptImprover::Variant::Improve); });
    connect(m_undo, &QToolButton::clicked, this, &PromptHelper::undo);
    connect(m_accept, &QPushButton::clicked, this, &PromptHelper::accept);
    connect(m_keep, &QPushButton::clicked, this, &PromptHelper::keepOriginal);
    connect(m_stop, &QPushButton::clicked, m_improver, &PromptImprover::stop);
    connect(m_suggestion, &QPlainTextEdit::textChanged, this, &PromptHelper::updateButtons);

    connect(m_improver, &PromptImprover::previewChanged, this,
            [this](const QString &text) { m_suggestion->setPlainText(text); });
    connect(m_improver, &PromptImprover::improved, this,
            [this](const QString &text, const TokenUsage &usage) {
                m_suggestion->setPlainText(text);
                m_suggestion->setReadOnly(false);
                m_ready = true;
                if (usage.valid)
                    m_tokens->setText(tr("%1 tokens (%2 in, %3 out)")
                                          .arg(usage.totalTokens)
                                          .arg(usage.promptTokens)
                                          .arg(usage.completionTokens));
                showStatus(tr("Edit the suggestion if you like, then use it or keep the original."), false);
                updateButtons();
            });
    connect(m_improver, &PromptImprover::failed, this,
            [this](const QString &message, const QString &partial) {
                m_suggestion->setPlainText(partial);
                m_suggestion->setReadOnly(true);
                m_ready = false;
                showStatus(message, true);
                updateButtons();
            });
    updateButtons();
}

void PromptHelper::setForm(StudioForm *form)
{
    m_form = form;
    updateButtons();
}

QString PromptHelper::currentPrompt() const
{
    return m_form ? m_form->values().value(QStringLiteral("prompt")).toString() : QString();
}

void PromptHelper::setPrompt(const QString &text)
{
    if (!m_form)
        return;
    m_form->setValues({{QStringLiteral("prompt"), text}});
    emit promptChanged(text);
}

bool PromptHelper::improve(PromptImprover::Variant variant)
{
    if (!m_form || m_improver->isBusy())
        return false;
    const QString prompt = currentPrompt();
    if (prompt.trimmed().isEmpty()) {
        showStatus(tr("Write a prompt first; the chat model improves what you wrote."), true);
        return false;
    }
    const QString chatModel = m_core->settings()->promptHelperModel();
    if (!m_improver->improve(prompt, m_form->spec(), variant, chatModel)) {
        showStatus(tr("The prompt could not be sent (the database is not open)."), true);
        return false;
    }
    m_ready = false;
    m_originalView->setPlainText(prompt);
    m_suggestion->clear();
    m_suggestion->setReadOnly(true);
    m_tokens->clear();
    m_panel->setVisible(true);
    showStatus(tr("%1 with %2…").arg(PromptImprover::variantLabel(variant), chatModel), false);
    updateButtons();
    return true;
}

void PromptHelper::accept()
{
    const QString text = m_suggestion->toPlainText().trimmed();
    if (!m_ready || text.isEmpty() || !m_form)
        return;
    // What the field holds now (the user may have typed while the suggestion came) is what Undo restores.
    m_undoText = currentPrompt();
    m_canUndo = true;
    m_ready = false;
    m_panel->setVisible(false);
    setPrompt(text);
    showStatus(tr("The suggestion is your prompt now; Undo brings the original back."), false);
    updateButtons();
}

void PromptHelper::keepOriginal()
{
    m_improver->stop();
    m_ready = false;
    m_panel->setVisible(false);
    m_status->clear();
    updateButtons();
}

void PromptHelper::undo()
{
    if (!m_canUndo || !m_form)
        return;
    m_canUndo = false;
    setPrompt(m_undoText);
    showStatus(tr("The original prompt is back."), false);
    updateButtons();
}

void PromptHelper::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    Theme::apply(m_status, error ? Theme::Tone::Error : Theme::Tone::Plain);
}

void PromptHelper::updateButtons()
{
    const bool busy = m_improver->isBusy();
    m_improve->setEnabled(m_form && !busy);
    m_undo->setVisible(m_canUndo);
    m_stop->setVisible(busy);
    m_accept->setEnabled(m_ready && !busy && !m_suggestion->toPlainText().trimmed().isEmpty());
}
