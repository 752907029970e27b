#include "studio/CompareView.h"

#include "common/Theme.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "library/VideoPlayer.h"
#include "tasks/LibraryModel.h"
#include "video/CostEstimator.h"
#include "video/IntentMapper.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QString settingsText(const QJsonObject &params)
{
    QStringList parts;
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        if (it.key() != QLatin1String("prompt") && it.key() != QLatin1String("negative_prompt"))
            parts << QStringLiteral("%1=%2").arg(it.key(), it->isDouble() ? QString::number(it->toDouble())
                                                                          : it->toString());
    return parts.join(QStringLiteral(", "));
}
} // namespace

CompareTile::CompareTile(AppCore *core, const ComparisonEntry &entry, QWidget *parent)
    : QFrame(parent), m_core(core), m_entry(entry)
{
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_settings = new QLabel(this);
    m_settings->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_playerSlot = new QWidget(this);
    m_playerSlot->setMinimumHeight(160);
    new QVBoxLayout(m_playerSlot);
    m_playerSlot->layout()->setContentsMargins(0, 0, 0, 0);
    m_star = new QPushButton(tr("☆ Favourite"), this);
    m_star->setCheckable(true);
    m_star->setEnabled(false);
    m_use = new QPushButton(tr("Use these settings"), this);
    m_use->setToolTip(tr("Open the Video Studio with this model and the settings sent"));
    m_use->setEnabled(false);
    // The estimate as it stood before sending, to set beside the actual credits afterwards.
    if (entry.state == ComparisonEntry::State::Waiting)
        m_expected = core->costs()->estimate(entry.spec, entry.values).text();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_star);
    buttons->addStretch(1);
    buttons->addWidget(m_use);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_playerSlot, 1);
    layout->addWidget(m_settings);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    connect(m_star, &QPushButton::clicked, this, [this](bool on) {
        if (m_task.id)
            m_core->tasks()->setFavourite(m_task.id, on);
    });
    connect(m_use, &QPushButton::clicked, this, [this] { emit useSettingsRequested(m_task); });
    refresh();
}

void CompareTile::setEntry(const ComparisonEntry &entry)
{
    m_entry = entry;
    if (entry.taskRow && entry.taskRow != m_task.id)
        m_task = m_core->tasks()->task(entry.taskRow);
    refresh();
}

void CompareTile::setTask(const VideoTask &task)
{
    m_task = task;
    refresh();
}

void CompareTile::refresh()
{
    m_title->setText(m_entry.spec.vendorLabel.text() + QStringLiteral(" · ") + m_entry.spec.label.text());
    // What was sent (from the task row) or, before that, what will be.
    QJsonObject params = m_task.params;
    if (!m_task.id)
        for (auto it = m_entry.values.cbegin(); it != m_entry.values.cend(); ++it)
            if (const FieldSpec *f = m_entry.spec.field(it.key());
                f && f->type != FieldSpec::Type::Image && !it->toString().isEmpty())
                params.insert(it.key(), f->toJson(*it));
    QString settings = tr("Settings: %1").arg(settingsText(params));
    if (!m_entry.adjustments.isEmpty())
        settings += QLatin1Char('\n') + m_entry.adjustments.join(QLatin1Char('\n'));
    m_settings->setText(settings);

    QStringList status;
    bool bad = false;
    switch (m_entry.state) {
    case ComparisonEntry::State::Waiting:
        status << tr("Waiting to be sent");
        break;
    case ComparisonEntry::State::Sending:
        status << tr("Sending…");
        break;
    case ComparisonEntry::State::Refused:
    case ComparisonEntry::State::Rejected:
        status << tr("Not sent: %1").arg(m_entry.error);
        bad = true;
        break;
    case ComparisonEntry::State::Uncertain:
        status << m_entry.error;
        bad = true;
        break;
    case ComparisonEntry::State::Sent:
        break;
    }
    if (m_task.id) {
        status << LibraryModel::statusText(m_task);
        if (m_task.succeededAt.isValid())
            status << tr("took %n s", nullptr, int(m_task.createdAt.secsTo(m_task.succeededAt)));
        if (m_task.usage.contains(QLatin1String("credits")))
            status << (m_expected.isEmpty()
                           ? tr("%1 credits").arg(m_task.usage.value(QLatin1String("credits")).toDouble())
                           : tr("%1 credits (expected: %2)")
                                 .arg(m_task.usage.value(QLatin1String("credits")).toDouble())
                                 .arg(m_expected));
    } else if (!m_expected.isEmpty()) {
        status << tr("Expected cost: %1").arg(m_expected);
        if (!m_task.error.isEmpty()) {
            status << m_task.error;
            bad = true;
        }
    }
    m_status->setText(status.join(QStringLiteral(" · ")));
    Theme::apply(m_status, bad ? Theme::Tone::Error : Theme::Tone::Plain);
    m_star->setEnabled(m_task.id != 0);
    m_star->setChecked(m_task.favourite);
    m_star->setText(m_task.favourite ? tr("★ Favourite") : tr("☆ Favourite"));
    m_use->setEnabled(m_task.id != 0);
    if (!m_player && !m_task.videoPath.isEmpty() && QFileInfo::exists(m_task.videoPath)) {
        QString whyNot;
        m_player = VideoPlayer::create(m_playerSlot, &whyNot);
        if (m_player) {
            m_playerSlot->layout()->addWidget(m_player);
            m_player->setSource(QUrl::fromLocalFile(m_task.videoPath));
        } else {
            m_playerSlot->layout()->addWidget(new QLabel(whyNot, m_playerSlot));
        }
    }
}

CompareView::CompareView(AppCore *core, const QString &mode, QWidget *parent)
    : QWidget(parent), m_core(core), m_mode(mode),
      m_runner(new ComparisonRunner(core->videoSubmitter(), this))
{
    setWindowTitle(tr("Compare models"));
    m_models = new QListWidget(this);
    m_models->setAccessibleName(tr("Models to compare"));
    m_models->setMaximumHeight(120);
    for (const ModelSpec &spec : core->videoModels()->models(mode)) {
        auto *item = new QListWidgetItem(spec.vendorLabel.text() + QStringLiteral(" · ") + spec.label.text(),
                                         m_models);
        item->setData(Qt::UserRole, spec.llmid);
        item->setFlags(spec.enabled ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_prompt = new QPlainTextEdit(this);
    m_prompt->setPlaceholderText(tr("One prompt for every model"));
    m_prompt->setMaximumHeight(80);
    m_ratio = new QComboBox(this);
    m_ratio->addItem(tr("Each model's default"), QString());
    for (const char *r : {"16:9", "9:16", "1:1", "4:3", "3:4", "21:9"})
        m_ratio->addItem(QString::fromLatin1(r), QString::fromLatin1(r));
    m_resolution = new QComboBox(this);
    m_resolution->addItem(tr("Each model's default"), 0);
    for (int p : {480, 540, 720, 1080})
        m_resolution->addItem(QStringLiteral("%1p").arg(p), p);
    m_duration = new QSpinBox(this);
    m_duration->setRange(0, 30);
    m_duration->setSuffix(tr(" s"));
    m_duration->setSpecialValueText(tr("Each model's default"));
    m_generate = new QPushButton(this);
    m_generate->setDefault(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Models (2 to 4):"), m_models);
    form->addRow(tr("Prompt:"), m_prompt);
    auto *intent = new QHBoxLayout;
    intent->addWidget(new QLabel(tr("Ratio:"), this));
    intent->addWidget(m_ratio);
    intent->addWidget(new QLabel(tr("Resolution:"), this));
    intent->addWidget(m_resolution);
    intent->addWidget(new QLabel(tr("Duration:"), this));
    intent->addWidget(m_duration);
    intent->addStretch(1);
    intent->addWidget(m_generate);
    form->addRow(intent);

    // The players are driven together: one play, one pause, one seek bar.
    auto *playAllButton = new QPushButton(tr("Play all"), this);
    auto *pauseAllButton = new QPushButton(tr("Pause all"), this);
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setAccessibleName(tr("Position of every video"));
    m_seek->setRange(0, 0);
    auto *transport = new QHBoxLayout;
    transport->addWidget(playAllButton);
    transport->addWidget(pauseAllButton);
    transport->addWidget(m_seek, 1);

    m_grid = new QWidget(this);
    m_gridLayout = new QGridLayout(m_grid);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_grid);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(transport);
    layout->addWidget(scroll, 1);

    connect(m_models, &QListWidget::itemChanged, this, &CompareView::updateGenerate);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &CompareView::updateGenerate);
    connect(m_ratio, &QComboBox::currentIndexChanged, this, &CompareView::updateGenerate);
    connect(m_resolution, &QComboBox::currentIndexChanged, this, &CompareView::updateGenerate);
    connect(m_duration, &QSpinBox::valueChanged, this, &CompareView::updateGenerate);
    connect(m_generate, &QPushButton::clicked, this, &CompareView::generate);
    connect(playAllButton, &QPushButton::clicked, this, &CompareView::playAll);
    connect(pauseAllButton, &QPushButton::clicked, this, &CompareView::pauseAll);
    connect(m_seek, &QSlider::sliderMoved, this, [this](int ms) { seekAll(ms); });
    connect(m_runner, &ComparisonRunner::entryChanged, this, [this](int index) {
        if (index < m_tiles.size())
            m_tiles.at(index)->setEntry(m_runner->entries().at(index));
    });
    connect(m_runner, &ComparisonRunner::finished, this, &CompareView::updateGenerate);
    connect(core->tasks(), &TaskStore::taskChanged, this, [this](const VideoTask &t) {
        for (CompareTile *tile : std::as_const(m_tiles))
            if (tile->taskRow() == t.id)
                tile->setTask(t);
    });
    connect(core->videoSubmitter(), &VideoSubmitter::busyChanged, this, &CompareView::updateGenerate);
    updateGenerate();
}

void CompareView::setPrompt(const QString &prompt)
{
    m_prompt->setPlainText(prompt);
}

void CompareView::setPictures(const QList<QPair<QString, PreparedImage>> &pictures)
{
    m_pictures = pictures;
    updateGenerate();
}

void CompareView::checkModels(const QStringList &llmids)
{
    for (int i = 0; i < m_models->count(); ++i) {
        QListWidgetItem *item = m_models->item(i);
        if ((item->flags() & Qt::ItemIsEnabled) && llmids.contains(item->data(Qt::UserRole).toString()))
            item->setCheckState(Qt::Checked);
    }
}

void CompareView::setVariations(const ModelSpec &spec, const QVariantMap &values,
                                const QMap<QString, PreparedImage> &images, int takes)
{
    m_variations = true;
    m_variationSpec = spec;
    m_variationValues = values;
    m_variationImages = images;
    m_takes = qBound(2, takes, 4);
    setWindowTitle(tr("Variations"));
    // The settings are the Studio's: only the takes are chosen here.
    m_models->setEnabled(false);
    m_prompt->setPlainText(values.value(QStringLiteral("prompt")).toString());
    m_prompt->setReadOnly(true);
    m_ratio->setEnabled(false);
    m_resolution->setEnabled(false);
    m_duration->setEnabled(false);
    m_status->setText(
        spec.fieldWithRole(QStringLiteral("seed"))
            ? tr("%n take(s) of %1, each with its own seed.", nullptr, m_takes).arg(spec.label.text())
            : tr("%n take(s) of %1 with the same settings (this model has no seed to vary).", nullptr,
                 m_takes)
                  .arg(spec.label.text()));
    updateGenerate();
}

void CompareView::showTasks(const QList<VideoTask> &tasks)
{
    qDeleteAll(m_tiles);
    m_tiles.clear();
    const int columns = tasks.size() <= 2 ? int(tasks.size()) : 2;
    for (int i = 0; i < tasks.size(); ++i) {
        const VideoTask &t = tasks.at(i);
        ComparisonEntry e;
        if (const ModelSpec *spec = m_core->videoModels()->model(t.llmid))
            e.spec = *spec;
        e.state = ComparisonEntry::State::Sent;
        e.taskRow = t.id;
        auto *tile = new CompareTile(m_core, e, m_grid);
        tile->setTask(t);
        connect(tile, &CompareTile::useSettingsRequested, this, &CompareView::useSettingsRequested);
        m_gridLayout->addWidget(tile, i / qMax(1, columns), i % qMax(1, columns));
        m_tiles.append(tile);
    }
    if (!tasks.isEmpty())
        setPrompt(tasks.first().prompt);
}

QList<ComparisonEntry> CompareView::entries() const
{
    if (m_variations)
        return ComparisonRunner::variations(m_variationSpec, m_variationValues, m_variationImages, m_takes);
    QList<ModelSpec> specs;
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            if (const ModelSpec *spec =
                    m_core->videoModels()->model(m_models->item(i)->data(Qt::UserRole).toString()))
                specs.append(*spec);
    VideoIntent intent;
    intent.prompt = m_prompt->toPlainText().trimmed();
    intent.ratio = m_ratio->currentData().toString();
    intent.resolution = m_resolution->currentData().toInt();
    intent.duration = m_duration->value();
    return ComparisonRunner::entriesFor(specs, intent, m_pictures);
}

void CompareView::updateGenerate()
{
    const QList<ComparisonEntry> list = entries();
    const bool enough = m_variations || (list.size() >= 2 && list.size() <= 4);
    const bool prompt = m_variations || !m_prompt->toPlainText().trimmed().isEmpty();
    QList<CostEstimate> estimates;
    for (const ComparisonEntry &e : list)
        estimates << m_core->costs()->estimate(e.spec, e.values);
    const QString cost = estimates.isEmpty() ? CostEstimate().shortText() : CostEstimate::totalShortText(estimates);
    m_generate->setText(tr("Generate %n video(s) · %1", nullptr, int(list.size())).arg(cost));
    m_generate->setEnabled(enough && prompt && !m_runner->isRunning() && !m_core->videoSubmitter()->isBusy());
    m_generate->setToolTip(enough ? tr("Each model gets its own task (each may be billed).")
                                  : tr("Choose 2 to 4 models."));
}

void CompareView::generate()
{
    if (!m_generate->isEnabled())
        return;
    const QList<ComparisonEntry> list = entries();
    // The threshold is for what this one click spends: the known part of it.
    CostEstimate total;
    total.source = CostEstimate::Source::History;
    total.credits = 0;
    for (const ComparisonEntry &e : list) {
        const CostEstimate estimate = m_core->costs()->estimate(e.spec, e.values);
        if (estimate.hasCredits())
            total.credits += estimate.credits;
    }
    const int threshold = m_core->settings()->confirmCostAbove();
    if (CostEstimator::needsConfirmation(total, threshold)) {
        QMessageBox box(QMessageBox::Question, tr("Expensive videos"),
                        tr("These %1 videos are expected to cost about %2 credits, more than the %3 credits "
                           "you asked to be warned about. Send them?")
                            .arg(list.size())
                            .arg(total.credits)
                            .arg(threshold),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("confirmCost"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Yes) {
            m_status->setText(tr("Not sent."));
            return;
        }
    }
    if (!m_runner->start(list, qint64(m_core->settings()->requestSizeLimitKiB()) * 1024))
        return;
    showTiles();
    updateGenerate();
}

void CompareView::showTiles()
{
    qDeleteAll(m_tiles);
    m_tiles.clear();
    const QList<ComparisonEntry> &list = m_runner->entries();
    const int columns = list.size() <= 2 ? int(list.size()) : 2;
    for (int i = 0; i < list.size(); ++i) {
        auto *tile = new CompareTile(m_core, list.at(i), m_grid);
        connect(tile, &CompareTile::useSettingsRequested, this, &CompareView::useSettingsRequested);
        m_gridLayout->addWidget(tile, i / columns, i % columns);
        m_tiles.append(tile);
    }
}

void CompareView::playAll()
{
    // From the same point: the first player's position (or the start).
    qint64 at = 0;
    qint64 longest = 0;
    for (CompareTile *tile : std::as_const(m_tiles))
        if (VideoPlayer *p = tile->player()) {
            at = at ? at : p->position();
            longest = qMax(longest, p->duration());
        }
    m_seek->setRange(0, int(longest));
    for (CompareTile *tile : std::as_const(m_tiles))
        if (VideoPlayer *p = tile->player()) {
            p->seek(at);
            p->play();
        }
}

void CompareView::pauseAll()
{
    for (CompareTile *tile : std::as_const(m_tiles))
        if (VideoPlayer *p = tile->player())
            p->pause();
}

void CompareView::seekAll(qint64 ms)
{
    for (CompareTile *tile : std::as_const(m_tiles))
        if (VideoPlayer *p = tile->player())
            p->seek(ms);
}
