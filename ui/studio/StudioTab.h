#pragma once

#include <QJsonObject>

#include "api/ApiError.h"
#include "store/TaskStore.h"
#include "video/CostEstimator.h"

#include <QImage>
#include <QWidget>

class AppCore;
class StudioForm;
class CompareView;
class QSpinBox;
class PromptHelper;
class StoryPlanDialog;
class RecentStrip;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QToolButton;
class QButtonGroup;

// The Video Studio tab: choose a mode and a model, fill in the form generated from its schema, drop
// pictures, submit; the tasks then show beside the form (RecentStrip), where they play when done, and
// live on in the Library.
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
    // Puts a picture (a video's frame) into the field of this role (first_frame, last_frame,
    // reference): the current model's, or else the first model, in another mode if need be, that
    // has such a field. False, said in the status line, when no model has one.
    bool useFrame(const QImage &frame, const QString &role, const QString &origin);
    // Text from elsewhere (the chat's Send to Studio) as the prompt of the model shown.
    bool usePrompt(const QString &prompt);
    // A chat answer's shot list for the model shown, opened for review as a board (Send to storyboard).
    StoryPlanDialog *reviewShots(const QString &answer);
    // Plan a storyboard… : a story split into shots for the model shown, reviewed, then opened as a board.
    StoryPlanDialog *planStoryboard();
    StudioForm *form() const { return m_form; }
    QComboBox *modelBox() const { return m_model; }
    QPushButton *submitButton() const { return m_submit; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *priceLabel() const { return m_price; }
    QToolButton *swapButton() const { return m_swap; }
    // What the Generate button says the current settings will cost.
    CostEstimate estimate() const { return m_estimate; }
    // Compare: this prompt and its pictures to several models of this mode; Variations: N takes of
    // these settings. A window of its own; nullptr when there is no form.
    CompareView *openCompare();
    CompareView *openVariations(int takes);
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *variationsButton() const { return m_variations; }
    PromptHelper *promptHelper() const { return m_promptHelper; }
    // This Studio's recent tasks, beside the form.
    RecentStrip *recentStrip() const { return m_recent; }

signals:
    void taskSubmitted(const VideoTask &task);
    void balanceHelpRequested();
    // A planned board the user opened as a storyboard (a board file's object).
    void boardPlanned(const QJsonObject &board);

private:
    void fillModels();
    void onModelChanged();
    void updateSubmit();
    void submit();
    void showStatus(const QString &html, bool error);
    void showHistory();
    void onRejected(const VideoTask &task, const ApiError &error);
    void refreshCost(bool force);
    bool confirmCost();
    void onTaskChanged(const VideoTask &task);

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
    QPushButton *m_compare;
    QPushButton *m_variations;
    QSpinBox *m_takes;
    CostEstimate m_estimate;
    QString m_costKey;      // the model and priced settings m_estimate is for
    qint64 m_lastTask = 0;  // the task submitted last from here, to show its actual cost
    CostEstimate m_lastEstimate;
    PromptHelper *m_promptHelper;
    RecentStrip *m_recent;
};
