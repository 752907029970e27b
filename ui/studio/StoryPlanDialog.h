#pragma once

#include "chat/ShotListReader.h"
#include "video/ModelSchema.h"

#include <QDialog>

class AppCore;
class ChatRequest;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Plan a storyboard from a story: the chat model (the prompt help setting) answers with shots as JSON,
// read and fitted to the Studio's video model by ShotListReader; the shots are shown for review (their
// prompts can be edited, what was changed is said) and saved as a board file. Nothing is generated here.
class StoryPlanDialog : public QDialog
{
    Q_OBJECT
public:
    StoryPlanDialog(AppCore *core, const ModelSpec &spec, QWidget *parent = nullptr);

    // Asks the chat model; false (and a message) without a story or while an answer is on its way.
    bool plan();
    // The board as reviewed (edited prompts included) written to path; false (and a message) on failure.
    bool saveBoard(const QString &path);
    // An answer that came otherwise (the chat's Send to storyboard), read as a plan of any number of shots.
    void showAnswer(const QString &answer);
    QJsonObject board() const;

    QPlainTextEdit *storyEdit() const { return m_story; }
    QSpinBox *shotsBox() const { return m_shots; }
    QPushButton *planButton() const { return m_plan; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *openButton() const { return m_open; }
    QTableWidget *shotsTable() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *notesLabel() const { return m_notes; }

signals:
    // Open as a storyboard: the reviewed board, as a board file's object (docs/STORYBOARD.md).
    void boardAccepted(const QJsonObject &board);

private:
    void onAnswer();
    void readAnswer(const QString &answer, int expectedShots, const QString &story);
    void showStatus(const QString &text, bool error);

    AppCore *m_core;
    ModelSpec m_spec;
    ChatRequest *m_request;
    QList<QVariantMap> m_planned;
    QString m_title;
    QPlainTextEdit *m_story;
    QSpinBox *m_shots;
    QPushButton *m_plan;
    QPushButton *m_save;
    QPushButton *m_open;
    QPlainTextEdit *m_answer;
    QTableWidget *m_table;
    QLabel *m_status;
    QLabel *m_notes;
};
