#include "studio/StoryPlanDialog.h"
#include "common/Theme.h"

#include "chat/ChatRequest.h"
#include "chat/StoryboardPlanner.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

StoryPlanDialog::StoryPlanDialog(AppCore *core, const ModelSpec &spec, QWidget *parent)
    : QDialog(parent), m_core(core), m_spec(spec),
      m_request(new ChatRequest(core->client(), core->ledger(), this))
{
    setWindowTitle(tr("Plan a storyboard"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_story = new QPlainTextEdit(this);
    m_story->setPlaceholderText(tr("A story or an idea, in a line or a page."));
    m_story->setTabChangesFocus(true);
    m_story->setMaximumHeight(120);
    m_shots = new QSpinBox(this);
    m_shots->setRange(1, StoryboardPlanner::MaxShots);
    m_shots->setValue(4);
    form->addRow(tr("Story:"), m_story);
    form->addRow(tr("Shots:"), m_shots);
    form->addRow(tr("Video model:"),
                 new QLabel(spec.vendorLabel.text() + QStringLiteral(" · ") + spec.label.text(), this));
    layout->addLayout(form);

    m_plan = new QPushButton(tr("Plan shots"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *row = new QHBoxLayout;
    row->addWidget(m_plan);
    row->addWidget(m_status, 1);
    layout->addLayout(row);

    m_answer = new QPlainTextEdit(this);
    m_answer->setReadOnly(true);
    m_answer->setAccessibleName(tr("The chat model's answer"));
    m_answer->setMaximumHeight(100);
    layout->addWidget(m_answer);
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({tr("Prompt (you can edit it)"), tr("Settings")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    Theme::apply(m_notes, Theme::Tone::Warning);
    m_notes->setVisible(false);
    layout->addWidget(m_notes);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(tr("Open as a storyboard"), QDialogButtonBox::AcceptRole);
    m_open->setToolTip(tr("Adds the planned shots to the Storyboard tab, to edit and generate there."));
    m_open->setEnabled(false);
    m_save = buttons->addButton(tr("Save board…"), QDialogButtonBox::ActionRole);
    m_save->setEnabled(false);
    layout->addWidget(buttons);
    resize(760, 620);

    connect(m_plan, &QPushButton::clicked, this, &StoryPlanDialog::plan);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_planned.isEmpty())
            return;
        emit boardAccepted(board());
        accept();
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save board"), m_title + QStringLiteral(".json"), tr("Storyboards (*.json)"));
        if (!path.isEmpty() && saveBoard(path))
            accept();
    });
    connect(m_request, &ChatRequest::textChanged, m_answer, &QPlainTextEdit::setPlainText);
    connect(m_request, &ChatRequest::finished, this, &StoryPlanDialog::onAnswer);
}

bool StoryPlanDialog::plan()
{
    const QString story = m_story->toPlainText().trimmed();
    if (story.isEmpty()) {
        showStatus(tr("Write a story or an idea first."), true);
        return false;
    }
    const QString chatModel = m_core->settings()->promptHelperModel();
    if (!m_request->start(chatModel, StoryboardPlanner::instructions(m_spec, m_shots->value()),
                          StoryboardPlanner::request(story, m_shots->value()))) {
        showStatus(tr("The story could not be sent (an answer is on its way, or the database is not open)."),
                   true);
        return false;
    }
    m_answer->clear();
    m_plan->setEnabled(false);
    m_save->setEnabled(false);
    m_open->setEnabled(false);
    showStatus(tr("Asking %1 for %n shot(s)…", nullptr, m_shots->value()).arg(chatModel), false);
    return true;
}

void StoryPlanDialog::onAnswer()
{
    m_plan->setEnabled(true);
    const ChatMessage &answer = m_request->answer();
    if (answer.state != ChatMessage::State::Done) {
        showStatus(tr("No plan: %1 Your story is unchanged; nothing was generated.").arg(answer.error), true);
        return;
    }
    readAnswer(answer.content, m_shots->value(), m_story->toPlainText());
}

void StoryPlanDialog::showAnswer(const QString &answer)
{
    m_answer->setPlainText(answer);
    readAnswer(answer, 0, QString());
}

void StoryPlanDialog::readAnswer(const QString &answer, int expectedShots, const QString &story)
{
    const ShotListReader::Result read = ShotListReader::read(answer, m_spec, expectedShots);
    if (!read.ok()) {
        showStatus(read.error, true);
        return;
    }
    m_planned = read.shots;
    m_title = StoryboardPlanner::titleFor(
        answer, story.isEmpty() ? read.shots.first().value(QStringLiteral("prompt")).toString() : story);
    m_table->setRowCount(int(m_planned.size()));
    for (int i = 0; i < m_planned.size(); ++i) {
        QStringList settings;
        const QVariantMap &shot = m_planned.at(i);
        for (auto it = shot.constBegin(); it != shot.constEnd(); ++it)
            if (it.key() != QLatin1String("prompt"))
                settings << QStringLiteral("%1: %2").arg(m_spec.field(it.key())->label.text(),
                                                         it->toString());
        m_table->setItem(i, 0, new QTableWidgetItem(shot.value(QStringLiteral("prompt")).toString()));
        auto *info = new QTableWidgetItem(settings.join(QLatin1Char('\n')));
        info->setFlags(info->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(i, 1, info);
    }
    m_notes->setText(read.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!read.notes.isEmpty());
    m_save->setEnabled(true);
    m_open->setEnabled(true);
    showStatus(tr("%n shot(s) planned: review them, then save the board.", nullptr, int(m_planned.size())),
               false);
}

QJsonObject StoryPlanDialog::board() const
{
    QList<QVariantMap> shots = m_planned;
    for (int i = 0; i < shots.size() && i < m_table->rowCount(); ++i)
        if (const QTableWidgetItem *item = m_table->item(i, 0); item && !item->text().trimmed().isEmpty())
            shots[i].insert(QStringLiteral("prompt"), item->text().trimmed());
    return StoryboardPlanner::board(m_title, m_spec, shots);
}

bool StoryPlanDialog::saveBoard(const QString &path)
{
    if (m_planned.isEmpty())
        return false;
    const QByteArray bytes = QJsonDocument(board()).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showStatus(tr("The board could not be saved to %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showStatus(tr("Board saved to %1.").arg(path), false);
    return true;
}

void StoryPlanDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    Theme::apply(m_status, error ? Theme::Tone::Error : Theme::Tone::Plain);
}
