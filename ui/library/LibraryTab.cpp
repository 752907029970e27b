#include "library/LibraryTab.h"
#include "media/Media.h"
#include "studio/CompareView.h"
#include "common/Theme.h"
#include "common/Thumbnails.h"

#include "core/AppCore.h"
#include "library/CoverDelegate.h"
#include "library/VideoPlayer.h"
#include "tasks/LibraryModel.h"
#include "tasks/ResultDownloader.h"
#include "tasks/TaskPoller.h"
#include "video/ModelCatalog.h"
#include "video/ModelSchema.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QImageReader>
#include <QDrag>
#include <QLocale>
#include <QInputDialog>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// The grid's cards can be dragged onto a picture slot (the Studio's or a storyboard shot's): a card
// carries its video's frame — the paused one when the player shows that video, else the last, what a
// next shot continues from — and, for other applications, the video file itself.
class LibraryGrid : public QListView
{
public:
    using QListView::QListView;
    std::function<void(const QModelIndex &, QString *, media::FramePosition *, double *)> frameOf;

protected:
    void startDrag(Qt::DropActions) override
    {
        const QModelIndex index = currentIndex();
        QString video;
        media::FramePosition where = media::FramePosition::Last;
        double seconds = 0;
        if (!index.isValid() || !frameOf)
            return;
        frameOf(index, &video, &where, &seconds);
        if (video.isEmpty() || !QFileInfo::exists(video))
            return;
        auto *data = new QMimeData;
        FrameMime::write(data, video, where, seconds);
        data->setUrls({QUrl::fromLocalFile(video)});
        auto *drag = new QDrag(this);
        drag->setMimeData(data);
        QImageReader cover(index.data(LibraryModel::CoverPathRole).toString());
        if (cover.size().isValid())
            cover.setScaledSize(cover.size().scaled(160, 90, Qt::KeepAspectRatio));
        if (const QImage image = cover.read(); !image.isNull())
            drag->setPixmap(QPixmap::fromImage(image));
        drag->exec(Qt::CopyAction);
    }
};
} // namespace

LibraryTab::LibraryTab(AppCore *core, QWidget *parent) : QWidget(parent), m_core(core)
{
    m_filter = new LibraryFilterModel(this);
    m_filter->setSourceModel(core->library());

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search prompts"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search prompts"));
    m_state = new QComboBox(this);
    m_state->addItem(tr("All states"), int(LibraryFilterModel::StateFilter::All));
    m_state->addItem(tr("Waiting"), int(LibraryFilterModel::StateFilter::Waiting));
    m_state->addItem(tr("Done"), int(LibraryFilterModel::StateFilter::Done));
    m_state->addItem(tr("Failed or unknown"), int(LibraryFilterModel::StateFilter::Failed));
    m_state->setAccessibleName(tr("State"));
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("All modes"), QString());
    for (const QString &mode : ModelSpec::modes())
        m_mode->addItem(ModelSpec::modeLabel(mode), mode);
    m_mode->setAccessibleName(tr("Mode"));
    m_model = new QComboBox(this);
    m_model->setAccessibleName(tr("Model"));
    m_search->setMinimumWidth(180);
    for (QComboBox *box : {m_state, m_mode, m_model}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    auto *filters = new QHBoxLayout;
    filters->setSpacing(Theme::Space::S);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_state);
    filters->addWidget(m_mode);
    filters->addWidget(m_model);
    m_favourites = new QToolButton(this);
    m_favourites->setText(tr("★ Favourites"));
    m_favourites->setCheckable(true);
    m_favourites->setToolTip(tr("Show only the videos you starred"));
    filters->addWidget(m_favourites);

    auto *grid = new LibraryGrid(this);
    grid->frameOf = [this](const QModelIndex &index, QString *video, media::FramePosition *where, double *seconds) {
        const VideoTask t = index.data(LibraryModel::TaskRole).value<VideoTask>();
        *video = t.videoPath;
        *where = media::FramePosition::Last;
        *seconds = 0;
        if (m_player && m_player->source() == QUrl::fromLocalFile(t.videoPath) && m_player->positionMs() > 0) {
            *where = media::FramePosition::At;
            *seconds = m_player->positionMs() / 1000.0;
        }
    };
    m_view = grid;
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(200);
    m_view->setSpacing(4);
    m_view->setModel(m_filter);
    m_view->setAccessibleName(tr("Videos"));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->viewport()->setAttribute(Qt::WA_Hover);
    Theme::setRole(m_view, "cards");
    m_delegate = new CoverDelegate(this);
    m_view->setItemDelegate(m_delegate);
    connect(m_delegate, &CoverDelegate::coverLoaded, m_view->viewport(), qOverload<>(&QWidget::update));

    // No video yet: icon, one sentence, one action.
    auto *toStudio = new QPushButton(tr("Open the Video Studio"), this);
    toStudio->setObjectName(QStringLiteral("emptyToStudio"));
    Theme::setRole(toStudio, "primary");
    connect(toStudio, &QPushButton::clicked, this, &LibraryTab::studioRequested);
    m_empty = Theme::emptyState(
        this, QStringLiteral("empty"),
        tr("No videos yet. The ones you make appear here, downloaded as soon as they are ready."), toStudio);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, Theme::Space::S, 0);
    leftLayout->setSpacing(Theme::Space::S);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_empty, 1);
    auto *right = new QWidget(this);
    // No video at all: the grid's empty state is the whole view (nothing to select on the right).
    const auto updateEmpty = [this, right] {
        const bool none = m_core->library()->rowCount() == 0;
        m_empty->setVisible(none);
        m_view->setVisible(!none);
        right->setVisible(!none);
    };
    connect(core->library(), &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(core->library(), &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    connect(core->library(), &QAbstractItemModel::modelReset, this, updateEmpty);
    updateEmpty();

    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_playerSlot = new QWidget(right);
    m_playerSlot->setMinimumHeight(220);
    new QVBoxLayout(m_playerSlot);
    m_playerSlot->layout()->setContentsMargins(0, 0, 0, 0);
    // Until the first Play, the selected video's cover stands where the player will be.
    m_poster = new QLabel(m_playerSlot);
    m_poster->setAlignment(Qt::AlignCenter);
    m_poster->setMinimumSize(1, 1);
    m_poster->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_playerSlot->layout()->addWidget(m_poster);
    // Nothing selected: the slot says what it is for, and no buttons stand greyed out under it.
    m_noSelection = Theme::emptyState(m_playerSlot, QStringLiteral("video"),
                                      tr("Select a video to play it here and see its details."));
    m_playerSlot->layout()->addWidget(m_noSelection);
    m_posters = new Thumbnails(8, this);
    connect(m_posters, &Thumbnails::loaded, this, [this] {
        if (!m_player)
            fitPoster();
    });
    m_details = new QLabel(right);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setOpenExternalLinks(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *scroll = new QScrollArea(right);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_details);
    m_play = new QPushButton(tr("Play"), right);
    m_open = new QPushButton(tr("Open file"), right);
    m_folder = new QPushButton(tr("Show in folder"), right);
    m_copy = new QPushButton(tr("Copy prompt"), right);
    m_rerun = new QPushButton(tr("Run again…"), right);
    m_rerun->setToolTip(tr("Open the Video Studio with the same settings"));
    m_delete = new QPushButton(tr("Delete…"), right);
    m_stop = new QPushButton(tr("Stop watching"), right);
    m_stop->setToolTip(tr("Stop asking the platform about this task"));
    m_retry = new QPushButton(tr("Download again"), right);
    m_checkAgain = new QPushButton(tr("Check again"), right);
    m_checkAgain->setToolTip(tr("Ask the platform about this task anew (and for fresh links to its result)"));
    m_giveTaskId = new QPushButton(tr("Enter task id…"), right);
    m_giveTaskId->setToolTip(tr("Give this task the platform task id you found on the platform, so the app can follow it"));
    m_useFrame = new QPushButton(tr("Use this frame"), right);
    m_useFrame->setToolTip(tr("The frame at the player's position, for a new task in the Video Studio"));
    auto *frameMenu = new QMenu(m_useFrame);
    frameMenu->addAction(tr("As the first frame"), this, [this] { useFrame(QStringLiteral("first_frame")); });
    frameMenu->addAction(tr("As the last frame"), this, [this] { useFrame(QStringLiteral("last_frame")); });
    frameMenu->addAction(tr("As a reference"), this, [this] { useFrame(QStringLiteral("reference")); });
    m_useFrame->setMenu(frameMenu);
    m_continue = new QPushButton(tr("Continue from the last frame"), right);
    m_continue->setToolTip(tr("Image-to-video starting on this video's last frame"));
    m_frameStatus = new QLabel(right);
    m_frameStatus->setWordWrap(true);
    m_frameStatus->hide();
    m_buttonGrid = new QGridLayout;
    m_star = new QPushButton(tr("☆ Favourite"), right);
    m_star->setCheckable(true);
    m_star->setToolTip(tr("Star this video (the ★ Favourites filter finds it)"));
    m_sideBySide = new QPushButton(tr("Side by side…"), right);
    m_sideBySide->setToolTip(tr("The videos made in the same comparison, side by side"));
    Theme::setRole(m_play, "primary");
    m_play->setIcon(Theme::iconIn(QStringLiteral("play"), Theme::role(Theme::Role::OnAccent, palette())));
    m_buttons = {m_play, m_star, m_sideBySide, m_open, m_folder, m_copy, m_rerun, m_useFrame, m_continue, m_retry, m_checkAgain, m_giveTaskId, m_stop, m_delete};
    placeButtons();
    rightLayout->addWidget(m_playerSlot, 3);
    m_actions = new QWidget(right);
    m_buttonGrid->setContentsMargins(0, 0, 0, 0);
    m_actions->setLayout(m_buttonGrid);
    rightLayout->addWidget(m_actions);
    // As wide as its buttons need whether they are shown or not: selecting a video does not move the
    // splitter.
    right->setMinimumWidth(m_actions->minimumSizeHint().width());
    rightLayout->addWidget(m_frameStatus);
    rightLayout->addWidget(scroll, 2);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("librarySplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Space::L, Theme::Space::M, Theme::Space::L, Theme::Space::M);
    layout->addWidget(splitter);
    rightLayout->setContentsMargins(Theme::Space::S, 0, 0, 0);
    rightLayout->setSpacing(Theme::Space::S);
    // A card under the pointer for a moment plays its video there, muted.
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(600);
    connect(m_previewTimer, &QTimer::timeout, this, [this] {
        if (m_hovered.isValid())
            previewRow(m_hovered.row());
    });
    m_view->viewport()->installEventFilter(this);
    m_playerSlot->installEventFilter(this);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LibraryTab::stopPreview);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LibraryTab::stopPreview);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LibraryTab::stopPreview);
    connect(m_delegate, &CoverDelegate::reuseClicked, this, [this](const QModelIndex &index) {
        emit rerunRequested(index.data(LibraryModel::TaskRole).value<VideoTask>());
    });

    connect(m_search, &QLineEdit::textChanged, m_filter, &LibraryFilterModel::setSearch);
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStateFilter(LibraryFilterModel::StateFilter(m_state->currentData().toInt())); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { m_filter->setMode(m_mode->currentData().toString()); });
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] { m_filter->setModel(m_model->currentData().toString()); });
    connect(m_favourites, &QToolButton::toggled, m_filter, &LibraryFilterModel::setFavouritesOnly);
    connect(m_sideBySide, &QPushButton::clicked, this, [this] { showComparison(); });
    connect(m_star, &QPushButton::clicked, this, [this](bool on) {
        if (m_current)
            m_core->tasks()->setFavourite(m_current, on);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &LibraryTab::onCurrentChanged);
    connect(core->library(), &QAbstractItemModel::dataChanged, this, [this] {
        if (m_current)
            showDetails(m_core->tasks()->task(m_current));
    });
    connect(core->library(), &QAbstractItemModel::rowsInserted, this, &LibraryTab::refreshModels);
    connect(m_view, &QListView::doubleClicked, this, &LibraryTab::playCurrent);
    connect(m_play, &QPushButton::clicked, this, &LibraryTab::playCurrent);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const VideoTask t = m_core->tasks()->task(m_current);
        if (!t.videoPath.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(t.videoPath));
    });
    connect(m_folder, &QPushButton::clicked, this, [this] {
        const VideoTask t = m_core->tasks()->task(m_current);
        const QString path = t.videoPath.isEmpty() ? m_core->downloader()->folder() : QFileInfo(t.videoPath).absolutePath();
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(m_copy, &QPushButton::clicked, this, &LibraryTab::copyPrompt);
    connect(m_rerun, &QPushButton::clicked, this, [this] { emit rerunRequested(m_core->tasks()->task(m_current)); });
    connect(m_continue, &QPushButton::clicked, this, &LibraryTab::continueFromLastFrame);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteCurrent(true); });
    connect(m_stop, &QPushButton::clicked, this, &LibraryTab::stopWatching);
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        m_core->poller()->checkAgain(m_current);
        showDetails(m_core->tasks()->task(m_current));
    });
    connect(m_giveTaskId, &QPushButton::clicked, this, &LibraryTab::giveTaskId);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        VideoTask t = m_core->tasks()->task(m_current);
        t.errorCode.clear();
        t.error.clear();
        m_core->tasks()->update(t);
        m_core->downloader()->download(t);
    });
    refreshModels();
    showDetails({});
}

VideoPlayer *LibraryTab::player()
{
    if (!m_player && !m_playerMissing) {
        QString why;
        m_player = VideoPlayer::create(m_playerSlot, &why);
        if (m_player) {
            m_poster->hide();
            m_playerSlot->layout()->addWidget(m_player);
        } else {
            // A damaged installation: say so where the video would be, once.
            m_playerMissing = true;
            auto *label = new QLabel(tr("The video player could not be loaded, so videos cannot be played here. "
                                        "Open the file from its folder instead, or reinstall Yuanjing Studio.\n%1")
                                         .arg(why),
                                     m_playerSlot);
            label->setWordWrap(true);
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
            Theme::apply(label, Theme::Tone::Error);
            m_playerSlot->layout()->addWidget(label);
        }
    }
    return m_player;
}

void LibraryTab::refreshModels()
{
    const QString current = m_model->currentData().toString();
    const QSignalBlocker block(m_model);
    m_model->clear();
    m_model->addItem(tr("All models"), QString());
    for (const QString &name : m_core->library()->modelNames())
        m_model->addItem(name, name);
    m_model->setCurrentIndex(qMax(0, m_model->findData(current)));
}

void LibraryTab::selectTask(qint64 id)
{
    const int row = m_core->library()->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_core->library()->index(row));
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

CompareView *LibraryTab::showComparison()
{
    const VideoTask t = m_core->tasks()->task(m_current);
    const QList<VideoTask> tasks = m_core->tasks()->comparison(t.comparison);
    if (tasks.isEmpty())
        return nullptr;
    auto *view = new CompareView(m_core, t.mode, this);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->showTasks(tasks);
    connect(view, &CompareView::useSettingsRequested, this, &LibraryTab::rerunRequested);
    view->resize(1000, 760);
    view->show();
    return view;
}

void LibraryTab::onCurrentChanged()
{
    const qint64 id = m_view->currentIndex().data(LibraryModel::IdRole).toLongLong();
    if (id == m_current)
        return;
    m_current = id;
    if (m_player)
        m_player->stop();
    showDetails(m_core->tasks()->task(id));
}

void LibraryTab::showDetails(const VideoTask &t)
{
    const bool has = t.id != 0;
    const bool local = has && !t.videoPath.isEmpty() && QFileInfo::exists(t.videoPath);
    const bool watching = has && m_core->poller()->isWatching(t.id);
    m_play->setEnabled(has && (local || !t.videoUrl.isEmpty()));
    m_open->setEnabled(local);
    m_folder->setEnabled(has);
    m_copy->setEnabled(has);
    m_rerun->setEnabled(has);
    m_useFrame->setEnabled(local);
    m_continue->setEnabled(local && t.state == VideoTask::State::Succeeded);
    m_frameStatus->hide();
    m_star->setEnabled(has);
    m_sideBySide->setVisible(has && !t.comparison.isEmpty());
    m_star->setChecked(has && t.favourite);
    m_star->setText(has && t.favourite ? tr("★ Favourite") : tr("☆ Favourite"));
    m_delete->setEnabled(has);
    m_stop->setEnabled(watching);
    const bool expired = has && t.state == VideoTask::State::Succeeded && t.errorCode == QLatin1String("expired");
    const bool unsettled = has && (t.state == VideoTask::State::Unknown || t.state == VideoTask::State::Failed || expired);
    m_checkAgain->setVisible(unsettled && !t.taskId.isEmpty() && !watching);
    m_giveTaskId->setVisible(has && t.state == VideoTask::State::Unknown && t.taskId.isEmpty());
    m_retry->setVisible(has && t.state == VideoTask::State::Succeeded && !local && !t.videoUrl.isEmpty()
                        && !m_core->downloader()->isDownloading(t.id));
    placeButtons();
    m_actions->setVisible(has);
    m_noSelection->setVisible(!has);
    if (m_player) {
        m_player->setVisible(has);
    } else {
        m_poster->setVisible(has);
        m_posterPath = has ? t.coverPath : QString();
        fitPoster();
    }
    if (!has) {
        m_details->setText(
            tr("Videos you submit in the Video Studio appear here and are downloaded to %1 as soon as "
               "they are ready.")
                .arg(QDir::toNativeSeparators(m_core->downloader()->folder()).toHtmlEscaped()));
        return;
    }
    const QLocale locale;
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(t.prompt.toHtmlEscaped());
    html += QStringLiteral("<p>%1 · %2 · %3<br>%4</p>")
                .arg(LibraryModel::statusText(t).toHtmlEscaped(), t.modelName.toHtmlEscaped(), ModelSpec::modeLabel(t.mode).toHtmlEscaped(),
                     tr("Submitted %1").arg(locale.toString(t.createdAt, QLocale::ShortFormat)));
    if (!t.taskId.isEmpty())
        html += QStringLiteral("<p>%1 <code>%2</code></p>").arg(tr("Task id:"), t.taskId.toHtmlEscaped());
    if (!t.error.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(Theme::colored(Theme::Tone::Error, t.error.toHtmlEscaped()));
    if (t.state == VideoTask::State::Succeeded && !local && t.succeededAt.isValid()) {
        // The vendors keep results about 24 h from when they finish.
        const qint64 left = QDateTime::currentDateTime().secsTo(t.succeededAt.addSecs(24 * 3600));
        const int hours = int(left / 3600);
        const int minutes = int(left / 60);
        html += QStringLiteral("<p>%1</p>").arg(
            left <= 0 ? tr("The platform keeps results about 24 hours; this one is probably gone, but Check again asks for it.")
            : hours >= 1 ? tr("Not on disk yet. The platform keeps results about 24 hours: about %n hour(s) left to download it.", nullptr, hours)
                         : tr("Not on disk yet. The platform keeps results about 24 hours: about %n minute(s) left to download it.", nullptr, qMax(1, minutes)));
    }
    if (t.errorCode == QLatin1String("expired") && !t.videoUrl.isEmpty())
        html += QStringLiteral("<p><a href=\"%1\">%2</a></p>").arg(t.videoUrl.toHtmlEscaped(), tr("The platform's link"));
    // The settings as a small table, by the names the model's form gives them.
    const ModelSpec *spec = m_core->videoModels()->model(t.llmid);
    const QString muted = Theme::role(Theme::Role::Muted, palette()).name();
    QString rows;
    for (auto it = t.params.constBegin(); it != t.params.constEnd(); ++it) {
        if (it.key() == QLatin1String("prompt"))
            continue;
        QString label = it.key();
        QString value = it->isDouble() ? QString::number(it->toDouble()) : it->toString();
        if (const FieldSpec *f = spec ? spec->field(it.key()) : nullptr) {
            label = f->label.text();
            if (f->unit == QLatin1String("s"))
                value = tr("%1 s").arg(value);
            else if (f->type == FieldSpec::Type::Switch)
                value = value == f->onValue ? tr("on") : tr("off");
        }
        rows += QStringLiteral("<tr><td style=\"color:%1; padding-right:12px\">%2</td><td>%3</td></tr>")
                    .arg(muted, label.toHtmlEscaped(), value.toHtmlEscaped());
    }
    if (!rows.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"2\">%2</table>").arg(tr("Settings"), rows);
    if (!t.images.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b><br>").arg(tr("Pictures"));
        for (auto it = t.images.constBegin(); it != t.images.constEnd(); ++it) {
            const QJsonObject o = it->toObject();
            const QString file = o.value(QLatin1String("file")).toString();
            if (!file.isEmpty())
                html += QStringLiteral("<img src=\"%1\" height=\"64\"> ").arg(QUrl::fromLocalFile(file).toString().toHtmlEscaped());
            else
                html += QStringLiteral("%1: %2<br>").arg(it.key(), o.value(QLatin1String("url")).toString().toHtmlEscaped());
        }
        html += QStringLiteral("</p>");
    }
    if (!t.usage.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b><br>").arg(tr("Usage"));
        html += usageInWords(t.usage).toHtmlEscaped() + QStringLiteral("</p>");
    }
    if (local)
        html += QStringLiteral("<p>%1<br><code>%2</code></p>").arg(tr("File:"), QDir::toNativeSeparators(t.videoPath).toHtmlEscaped());
    m_details->setText(html);
}

void LibraryTab::fitPoster()
{
    // The cover fits the slot, whatever its size (read off the UI thread: shown once read).
    const qreal ratio = devicePixelRatioF();
    const QPixmap *cover = m_posters->get(m_posterPath, QSize(640, 360) * ratio);
    QPixmap fitted;
    if (cover && !cover->isNull()) {
        fitted = cover->scaled(m_playerSlot->size() * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        fitted.setDevicePixelRatio(ratio);
    }
    m_poster->setPixmap(fitted);
}

bool LibraryTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_playerSlot && event->type() == QEvent::Resize && !m_player) {
        fitPoster();
    } else if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const QModelIndex index = m_view->indexAt(static_cast<QMouseEvent *>(event)->position().toPoint());
            if (index != m_hovered) {
                stopPreview();
                m_hovered = index;
                if (index.isValid() && !index.data(LibraryModel::VideoPathRole).toString().isEmpty())
                    m_previewTimer->start();
            }
        } else if (event->type() == QEvent::Leave) {
            stopPreview();
            m_hovered = QPersistentModelIndex();
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool LibraryTab::previewRow(int row)
{
    const QModelIndex index = m_filter->index(row, 0);
    const QString path = index.data(LibraryModel::VideoPathRole).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false; // a preview plays what is on disk, never the platform's link
    if (!m_preview) {
        m_preview = VideoPlayer::create(m_view->viewport());
        if (!m_preview)
            return false;
        m_preview->setPreview(true);
        // Clicks and the pointer's moves go through to the grid under it.
        m_preview->setAttribute(Qt::WA_TransparentForMouseEvents);
        m_preview->setFocusPolicy(Qt::NoFocus);
    }
    m_preview->setGeometry(CoverDelegate::coverRect(m_view->visualRect(index)));
    m_preview->setSource(QUrl::fromLocalFile(path));
    m_preview->show();
    m_preview->raise();
    m_preview->play();
    return true;
}

void LibraryTab::stopPreview()
{
    m_previewTimer->stop();
    if (m_preview && !m_preview->isHidden()) {
        m_preview->stop();
        m_preview->hide();
    }
}

QString LibraryTab::usageInWords(const QJsonObject &usage)
{
    // What the platform billed, as a sentence: "48 credits, for 12 s at 1080p, off-peak price."
    QStringList what;
    if (usage.contains(QLatin1String("duration")))
        what << tr("%1 s").arg(usage.value(QLatin1String("duration")).toVariant().toString());
    if (usage.contains(QLatin1String("resolution")))
        what << usage.value(QLatin1String("resolution")).toString();
    QString text = usage.contains(QLatin1String("credits"))
        ? tr("%1 credits").arg(usage.value(QLatin1String("credits")).toDouble())
        : tr("Billed by the platform");
    if (!what.isEmpty())
        text = tr("%1, for %2").arg(text, what.join(tr(" at ")));
    if (usage.value(QLatin1String("off_peak")).toBool())
        text = tr("%1, at the off-peak price").arg(text);
    return tr("%1.", "the end of the usage sentence").arg(text);
}

void LibraryTab::playCurrent()
{
    const VideoTask t = m_core->tasks()->task(m_current);
    if (t.id == 0)
        return;
    const QUrl source = LibraryModel::playSource(t);
    if (source.isEmpty())
        return;
    if (VideoPlayer *p = player()) {
        p->setSource(source);
        p->play();
    }
}

void LibraryTab::copyPrompt()
{
    const VideoTask t = m_core->tasks()->task(m_current);
    if (t.id)
        QGuiApplication::clipboard()->setText(t.prompt);
}

void LibraryTab::useFrame(const QString &role)
{
    const VideoTask t = m_core->tasks()->task(m_current);
    double seconds = 0;
    // The position counts only when the player shows this video.
    if (m_player && m_player->source() == QUrl::fromLocalFile(t.videoPath))
        seconds = m_player->positionMs() / 1000.0;
    takeFrame(seconds > 0 ? int(media::FramePosition::At) : int(media::FramePosition::First), seconds, role);
}

void LibraryTab::continueFromLastFrame()
{
    takeFrame(int(media::FramePosition::Last), 0, QStringLiteral("first_frame"));
}

void LibraryTab::takeFrame(int where, double seconds, const QString &role)
{
    const VideoTask t = m_core->tasks()->task(m_current);
    if (t.id == 0 || t.videoPath.isEmpty())
        return;
    if (!m_frameJob)
        m_frameJob = new MediaJob(this);
    if (m_frameJob->isRunning())
        return;
    m_frameJob->disconnect(this);
    const QString origin = QFileInfo(t.videoPath).fileName();
    // The engine decodes on its own thread; the Library stays responsive meanwhile.
    connect(m_frameJob, &MediaJob::finished, this, [this, role, origin](bool ok) {
        if (!ok) {
            m_frameStatus->setText(m_frameJob->errorText());
            m_frameStatus->show();
            return;
        }
        m_frameStatus->hide();
        emit frameChosen(m_frameJob->image(), role, origin);
    });
    m_frameJob->startFrame(t.videoPath, media::FramePosition(where), seconds);
}

void LibraryTab::placeButtons()
{
    // Only the buttons that apply, four a row with no holes where hidden ones would be.
    for (QPushButton *b : std::as_const(m_buttons))
        m_buttonGrid->removeWidget(b);
    int i = 0;
    for (QPushButton *b : std::as_const(m_buttons)) {
        if (b->isHidden())
            continue;
        m_buttonGrid->addWidget(b, i / 4, i % 4);
        ++i;
    }
}

void LibraryTab::giveTaskId()
{
    const VideoTask t = m_core->tasks()->task(m_current);
    if (t.id == 0)
        return;
    bool ok = false;
    const QString id = QInputDialog::getText(this, tr("Enter task id"),
                                             tr("The platform's task id for “%1” (find it on the platform's task list):").arg(t.prompt.left(60)),
                                             QLineEdit::Normal, {}, &ok)
                           .trimmed();
    if (!ok || id.isEmpty())
        return;
    if (!m_core->poller()->setPlatformTaskId(t.id, id))
        QMessageBox::warning(this, tr("Enter task id"), tr("Only a task whose state is unknown can be given a task id."));
    showDetails(m_core->tasks()->task(t.id));
}

void LibraryTab::stopWatching()
{
    m_core->poller()->unwatch(m_current);
    showDetails(m_core->tasks()->task(m_current));
}

void LibraryTab::deleteCurrent(bool askFirst, bool deleteFile)
{
    const VideoTask t = m_core->tasks()->task(m_current);
    if (t.id == 0)
        return;
    if (askFirst) {
        QMessageBox box(QMessageBox::Question, tr("Delete video"),
                        tr("Remove “%1” from the library?").arg(t.prompt.left(60)), QMessageBox::Yes | QMessageBox::Cancel, this);
        QCheckBox alsoFile(tr("Also delete the downloaded file from disk"));
        alsoFile.setEnabled(!t.videoPath.isEmpty());
        box.setCheckBox(&alsoFile);
        if (box.exec() != QMessageBox::Yes)
            return;
        deleteFile = alsoFile.isChecked();
    }
    if (m_player) {
        m_player->stop();
        m_player->setSource({});
    }
    m_core->poller()->unwatch(t.id);
    m_current = 0;
    m_core->tasks()->remove(t.id, deleteFile);
    // The view moved its current item to a neighbour: show that one.
    onCurrentChanged();
    if (m_current == 0)
        showDetails({});
}
