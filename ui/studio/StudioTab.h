#pragma once

#include "api/ApiError.h"
#include "store/TaskStore.h"

#include <QWidget>

class AppCore;
class StudioForm;
class PromptHelper;
class StoryPlanDialog;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QToolButton;
class QButtonGroup;

// The Video Studio tab: choose a mode and a model, fill in the form generated from its schema, drop
// pictures, submit. Tasks then live on in the Library.
class StudioTab : public QWidget
{
    Q_OBJECT
public:
    explicit StudioTab(AppCore *core, QWidget *parent = nullptr);

    void setMode(const QString &mode);
    QString mode() const { return m_mode; }
    bool selectModel(const QString &llmid);
    // Fills the form with a task's model, values and pictures ("run again").
    bool loadTask(const VideoTask &task);
    // Text from elsewhere (the chat's Send to Studio) as the prompt of the model shown.
    bool usePrompt(const QString &prompt);
    // A chat answer's shot list for the model shown, opened for review as a board (Send to storyboard).
    StoryPlanDialog *reviewShots(const QString &answer);
    StudioForm *form() const { return m_form; }
    QComboBox *modelBox() const { return m_model; }
    QPushButton *submitButton() const { return m_submit; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *priceLabel() const { return m_price; }
    QToolButton *swapButton() const { return m_swap; }
    PromptHelper *promptHelper() const { return m_promptHelper; }

signals:
    void taskSubmitted(const VideoTask &task);
    void balanceHelpRequested();

private:
    void fillModels();
    void onModelChanged();
    void updateSubmit();
    void submit();
    void showStatus(const QString &html, bool error);
    void showHistory();
    void onRejected(const VideoTask &task, const ApiError &error);

    AppCore *m_core;
    QString m_mode;
    QButtonGroup *m_modes;
    QComboBox *m_model;
    QLabel *m_price;
    QLabel *m_disabled;
    QScrollArea *m_scroll;
    StudioForm *m_form = nullptr;
    QToolButton *m_swap;
    QToolButton *m_history;
    QPushButton *m_submit;
    QLabel *m_status;
    PromptHelper *m_promptHelper;
};
