#include "storyboard/StoryboardTab.h"

#include "common/Theme.h"
#include "common/Thumbnails.h"
#include "core/AppCore.h"
#include "library/VideoPlayer.h"
#include "store/BoardStore.h"
#include "store/TaskStore.h"
#include "storyboard/BoardModel.h"
#include "storyboard/ShotDelegate.h"
#include "storyboard/StoryboardController.h"
#include "studio/ImageSlot.h"
#include "studio/PromptHelper.h"
#include "studio/StudioForm.h"
#include "video/ModelCatalog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

StoryboardTab::StoryboardTab(AppCore *core, QWidget *parent)
    : QWidget(parent),
      m_core(core),
      m_model(new BoardModel(core->boards(), core->tasks(), core->videoModels(), this)),
      m_controller(new StoryboardController(core, this)),
      m_saveTimer(new QTimer(this)),
      m_takeCovers(new Thumbnails(64, this))
{
    connect(m_takeCovers, &Thumbnails::loaded, this, &StoryboardTab::refreshTakes);
    m_model->setController(m_controller);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(400);
    connect(m_saveTimer, &QTimer::timeout, this, &StoryboardTab::saveShot);

    auto *layout = new QVBoxLayout(this);

    // The boards.
    auto *top = new QHBoxLayout;
    auto *boardLabel = new QLabel(tr("Storyboard:"), this);
    m_boards = new QComboBox(this);
    m_boards->setMinimumWidth(260);
    m_boards->setAccessibleName(tr("Storyboard"));
    boardLabel->setBuddy(m_boards);
    m_newBoard = new QToolButton(this);
    m_newBoard->setText(tr("New board"));
    m_newBoard->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    Theme::setIcon(m_newBoard, QStringLiteral("add"));
    m_newBoard->setAccessibleName(tr("New board"));
    m_boardMenu = new QToolButton(this);
    m_boardMenu->setText(tr("Board"));
    m_boardMenu->setAccessibleName(tr("Board actions"));
    m_boardMenu->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_boardMenu);
    menu->addAction(tr("Rename…"), this, &StoryboardTab::renameBoard);
    menu->addAction(tr("Export as a board file…"), this, &StoryboardTab::exportBoard);
    menu->addAction(tr("Import a board file…"), this, &StoryboardTab::importFile);
    menu->addAction(tr("Plan with the chat…"), this, &StoryboardTab::planRequested);
    menu->addSeparator();
    menu->addAction(tr("Delete this board…"), this, &StoryboardTab::deleteBoard);
    m_boardMenu->setMenu(menu);
    top->addWidget(boardLabel);
    top->addWidget(m_boards, 1);
    top->addWidget(m_newBoard);
    top->addWidget(m_boardMenu);
    top->addStretch(1);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("storyboardSplitter"));
    split->setChildrenCollapsible(false);

    // The shots, in film order.
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_shots = new QListView(left);
    m_shots->setModel(m_model);
    auto *shotDelegate = new ShotDelegate(m_shots);
    m_shots->setItemDelegate(shotDelegate);
    connect(shotDelegate, &ShotDelegate::coverLoaded, m_shots->viewport(), qOverload<>(&QWidget::update));
    m_shots->setAccessibleName(tr("Shots"));
    // Drag and drop rather than InternalMove: the model takes only its own shots (BoardModel::MimeType)
    // and moves them itself, whoever carries the drop.
    m_shots->setDragDropMode(QAbstractItemView::DragDrop);
    m_shots->setDefaultDropAction(Qt::MoveAction);
    m_shots->setDragEnabled(true);
    m_shots->setAcceptDrops(true);
    m_shots->setDropIndicatorShown(true);
    m_shots->setSelectionMode(QAbstractItemView::SingleSelection);
    m_shots->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_shots->setMinimumWidth(330);
    leftLayout->addWidget(m_shots, 1);
    auto *shotButtons = new QHBoxLayout;
    m_addShot = new QPushButton(tr("Add shot"), left);
    Theme::setIcon(m_addShot, QStringLiteral("add"));
    m_duplicateShot = new QPushButton(tr("Duplicate"), left);
    m_deleteShot = new QPushButton(tr("Delete"), left);
    m_up = new QToolButton(left);
    m_up->setArrowType(Qt::UpArrow);
    m_up->setToolTip(tr("Move the shot earlier (Ctrl+Up)"));
    m_up->setAccessibleName(tr("Move shot up"));
    m_up->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_down = new QToolButton(left);
    m_down->setArrowType(Qt::DownArrow);
    m_down->setToolTip(tr("Move the shot later (Ctrl+Down)"));
    m_down->setAccessibleName(tr("Move shot down"));
    m_down->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    shotButtons->addWidget(m_addShot);
    shotButtons->addWidget(m_duplicateShot);
    shotButtons->addWidget(m_deleteShot);
    shotButtons->addStretch(1);
    shotButtons->addWidget(m_up);
    shotButtons->addWidget(m_down);
    leftLayout->addLayout(shotButtons);
    auto *hint = new QLabel(tr("Drag shots to change their order. A shot that continues starts on the last frame of the one before."), left);
    hint->setWordWrap(true);
    Theme::setRole(hint, "muted");
    leftLayout->addWidget(hint);

    // The chosen shot.
    m_editor = new QWidget(split);
    auto *editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(8, 0, 0, 0);
    m_shotTitle = new QLabel(m_editor);
    Theme::setRole(m_shotTitle, "title");
    editorLayout->addWidget(m_shotTitle);
    auto *modelRow = new QHBoxLayout;
    auto *modelLabel = new QLabel(tr("Model:"), m_editor);
    m_modelBox = new QComboBox(m_editor);
    m_modelBox->setAccessibleName(tr("Shot model"));
    modelLabel->setBuddy(m_modelBox);
    for (const QString &mode : ModelSpec::modes())
        for (const ModelSpec &spec : m_core->videoModels()->models(mode))
            m_modelBox->addItem(tr("%1 — %2").arg(spec.label.text(), ModelSpec::modeLabel(mode)), spec.llmid);
    modelRow->addWidget(modelLabel);
    modelRow->addWidget(m_modelBox, 1);
    editorLayout->addLayout(modelRow);
    m_chain = new QCheckBox(tr("Continue from the previous shot's last frame"), m_editor);
    m_chain->setAccessibleName(tr("Continue from the previous shot"));
    editorLayout->addWidget(m_chain);
    // Improve prompt, per shot, for the shot's own model (as in the Studio).
    m_promptHelper = new PromptHelper(core, m_editor);
    editorLayout->addWidget(m_promptHelper);
    m_scroll = new QScrollArea(m_editor);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // The settings above, the takes and the player below; the user sets the share.
    auto *editorSplit = new QSplitter(Qt::Vertical, m_editor);
    editorSplit->setObjectName(QStringLiteral("storyboardEditorSplitter"));
    editorSplit->setChildrenCollapsible(false);
    editorSplit->addWidget(m_scroll);
    auto *takesPane = new QWidget(editorSplit);
    auto *takesLayout = new QVBoxLayout(takesPane);
    takesLayout->setContentsMargins(0, 4, 0, 0);
    editorSplit->addWidget(takesPane);
    editorSplit->setStretchFactor(0, 3);
    editorSplit->setStretchFactor(1, 2);
    editorLayout->addWidget(editorSplit, 1);
    editorLayout = takesLayout;
    // Shown with a shot; without one, the title and the empty state alone.
    m_shotParts = {modelLabel, m_modelBox, m_chain, m_promptHelper, takesPane};

    auto *takesLabel = new QLabel(tr("Takes"), m_editor);
    Theme::setRole(takesLabel, "title");
    editorLayout->addWidget(takesLabel);
    m_takes = new QListWidget(m_editor);
    m_takes->setViewMode(QListView::IconMode);
    m_takes->setFlow(QListView::LeftToRight);
    m_takes->setWrapping(false);
    m_takes->setIconSize(QSize(128, 72));
    m_takes->setGridSize(QSize(150, 120));
    m_takes->setFixedHeight(136);
    m_takes->setMovement(QListView::Static);
    m_takes->setAccessibleName(tr("Takes of this shot"));
    takesLabel->setBuddy(m_takes);
    editorLayout->addWidget(m_takes);
    auto *takeButtons = new QHBoxLayout;
    m_useTake = new QPushButton(tr("Use in the film"), m_editor);
    m_useTake->setToolTip(tr("This take goes into the film when the board is joined."));
    m_playTake = new QPushButton(tr("Play"), m_editor);
    m_showTake = new QPushButton(tr("Show in Library"), m_editor);
    m_generateShot = new QPushButton(m_editor);
    m_generateShot->setAccessibleName(tr("Generate this shot"));
    takeButtons->addWidget(m_useTake);
    takeButtons->addWidget(m_playTake);
    takeButtons->addWidget(m_showTake);
    takeButtons->addStretch(1);
    takeButtons->addWidget(m_generateShot);
    editorLayout->addLayout(takeButtons);
    m_playerBox = new QWidget(m_editor);
    auto *playerLayout = new QVBoxLayout(m_playerBox);
    playerLayout->setContentsMargins(0, 0, 0, 0);
    m_playerBox->setMinimumHeight(240);
    m_playerBox->hide();
    editorLayout->addWidget(m_playerBox, 2);

    split->addWidget(left);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    // The whole board.
    auto *bottom = new QHBoxLayout;
    m_generateAll = new QPushButton(this);
    m_generateAll->setAccessibleName(tr("Generate all shots"));
    m_generateAll->setDefault(true);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("No further shot is sent; the ones already sent go on and are kept."));
    Theme::setIcon(m_stop, QStringLiteral("stop"));
    auto *sizeLabel = new QLabel(tr("Film size:"), this);
    m_size = new QComboBox(this);
    m_size->setAccessibleName(tr("Film size"));
    sizeLabel->setBuddy(m_size);
    m_size->addItem(tr("As the first shot"), QSize());
    for (const QSize &s : {QSize(1920, 1080), QSize(1280, 720), QSize(1080, 1920), QSize(720, 1280), QSize(1080, 1080)})
        m_size->addItem(QStringLiteral("%1×%2").arg(s.width()).arg(s.height()), s);
    auto *fpsLabel = new QLabel(tr("Frame rate:"), this);
    m_fps = new QComboBox(this);
    m_fps->setAccessibleName(tr("Film frame rate"));
    fpsLabel->setBuddy(m_fps);
    m_fps->addItem(tr("As the first shot"), 0.0);
    for (double fps : {24.0, 25.0, 30.0, 60.0})
        m_fps->addItem(QString::number(fps), fps);
    m_join = new QPushButton(tr("Join into a film"), this);
    m_join->setToolTip(tr("Joins each shot's chosen take into one MP4; the film appears in the Library."));
    m_cancelJoin = new QPushButton(tr("Cancel"), this);
    m_cancelJoin->setAccessibleName(tr("Cancel joining"));
    m_cancelJoin->hide();
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Joining progress"));
    m_progress->hide();
    m_playFilm = new QPushButton(tr("Play the film"), this);
    m_playFilm->hide();
    bottom->addWidget(m_generateAll);
    bottom->addWidget(m_stop);
    bottom->addSpacing(16);
    bottom->addWidget(sizeLabel);
    bottom->addWidget(m_size);
    bottom->addWidget(fpsLabel);
    bottom->addWidget(m_fps);
    bottom->addWidget(m_join);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancelJoin);
    bottom->addWidget(m_playFilm);
    bottom->addStretch(1);
    layout->addLayout(bottom);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    // From the keyboard: Ctrl+Enter makes a take of the shot, Ctrl+Shift+Enter the whole board.
    m_generateShot->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_generateAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));

    // The design's patterns (docs/UI-DESIGN.md): Generate all is the view's one main action.
    Theme::setRole(m_generateAll, "primary");
    for (QAbstractButton *b : std::initializer_list<QAbstractButton *>{m_newBoard, m_boardMenu, m_addShot, m_duplicateShot, m_deleteShot,
                                                                      m_useTake, m_playTake, m_showTake, m_generateShot, m_stop, m_join,
                                                                      m_cancelJoin, m_playFilm})
        Theme::setRole(b, "toolbar");

    connect(m_boards, &QComboBox::currentIndexChanged, this, &StoryboardTab::onBoardChosen);
    connect(m_newBoard, &QToolButton::clicked, this, &StoryboardTab::newBoard);
    connect(m_core->boards(), &BoardStore::boardsChanged, this, [this] { fillBoards(currentBoard()); });
    connect(m_model, &BoardModel::reloaded, this, [this] {
        // The list was read again: keep the shot being edited current.
        if (m_editing)
            selectShot(m_editing);
        updateHeader();
        refreshTakes();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        refreshTakes();
        updateActions();
    });
    connect(m_shots->selectionModel(), &QItemSelectionModel::currentChanged, this, &StoryboardTab::onShotChosen);
    connect(m_addShot, &QPushButton::clicked, this, &StoryboardTab::addShot);
    connect(m_duplicateShot, &QPushButton::clicked, this, [this] {
        saveShot();
        if (const qint64 id = m_core->boards()->duplicateShot(currentShot()))
            selectShot(id);
    });
    connect(m_deleteShot, &QPushButton::clicked, this, [this] {
        const qint64 id = currentShot();
        if (!id)
            return;
        const int takes = int(m_core->boards()->takes(id).size());
        if (takes > 0
            && QMessageBox::question(this, tr("Delete shot"),
                                     tr("Delete this shot? Its %n take(s) stay in the Library.", nullptr, takes))
                   != QMessageBox::Yes)
            return;
        const int row = m_model->rowOf(id);
        m_saveTimer->stop();
        m_editing = 0;
        m_core->boards()->removeShot(id);
        if (m_model->rowCount() > 0)
            m_shots->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1)));
        else
            onShotChosen();
    });
    const auto move = [this](int by) {
        const qint64 id = currentShot();
        const int row = m_model->rowOf(id);
        if (!id || row + by < 0 || row + by >= m_model->rowCount())
            return;
        saveShot();
        m_core->boards()->moveShot(id, row + by);
    };
    connect(m_up, &QToolButton::clicked, this, [move] { move(-1); });
    connect(m_down, &QToolButton::clicked, this, [move] { move(1); });
    connect(m_modelBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_applying)
            return;
        buildEditor();
        saveShot();
    });
    connect(m_chain, &QCheckBox::toggled, this, [this] {
        if (m_applying)
            return;
        buildEditor();
        saveShot();
    });
    connect(m_takes, &QListWidget::currentItemChanged, this, &StoryboardTab::updateActions);
    connect(m_takes, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        play(m_core->tasks()->task(item->data(Qt::UserRole).toLongLong()).videoPath);
    });
    connect(m_useTake, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_takes->currentItem())
            m_core->boards()->chooseTake(currentShot(), item->data(Qt::UserRole).toLongLong());
    });
    connect(m_playTake, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_takes->currentItem())
            play(m_core->tasks()->task(item->data(Qt::UserRole).toLongLong()).videoPath);
    });
    connect(m_showTake, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_takes->currentItem())
            emit showInLibraryRequested(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_generateShot, &QPushButton::clicked, this, [this] {
        saveShot();
        QString why;
        if (m_controller->generateShot(currentShot(), &why))
            showStatus(tr("Shot %1: a new take is on its way.").arg(m_model->rowOf(currentShot()) + 1), false);
        else
            showStatus(why, true);
        updateActions();
    });
    connect(m_generateAll, &QPushButton::clicked, this, [this] {
        saveShot();
        QString why;
        if (m_controller->generateAll(currentBoard(), &why))
            showStatus(tr("Generating the board: shots that continue wait for the one before."), false);
        else
            showStatus(why, true);
        updateActions();
    });
    connect(m_stop, &QPushButton::clicked, m_controller, &StoryboardController::stop);
    connect(m_controller, &StoryboardController::runChanged, this, &StoryboardTab::updateActions);
    connect(m_controller, &StoryboardController::runFinished, this, [this](const QString &summary, bool allMade) {
        showStatus(summary, !allMade);
        refreshTakes();
        updateActions();
    });
    connect(m_join, &QPushButton::clicked, this, [this] {
        saveShot();
        media::JoinOptions options;
        options.size = m_size->currentData().toSize();
        options.fps = m_fps->currentData().toDouble();
        QString why;
        if (!m_controller->joinFilm(currentBoard(), options, &why)) {
            showStatus(why, true);
            return;
        }
        m_progress->setValue(0);
        m_progress->show();
        m_cancelJoin->show();
        m_playFilm->hide();
        showStatus(tr("Joining the film…"), false);
        updateActions();
    });
    connect(m_cancelJoin, &QPushButton::clicked, m_controller, &StoryboardController::cancelJoin);
    connect(m_controller, &StoryboardController::joinProgressed, this, [this](double f) { m_progress->setValue(int(f * 1000)); });
    connect(m_controller, &StoryboardController::joinFailed, this, [this](const QString &why) {
        m_progress->hide();
        m_cancelJoin->hide();
        showStatus(why, true);
        updateActions();
    });
    connect(m_controller, &StoryboardController::filmJoined, this, [this](const VideoTask &film) {
        m_progress->hide();
        m_cancelJoin->hide();
        m_lastFilm = film.id;
        m_playFilm->show();
        showStatus(tr("The film is ready: %1 (also in the Library).").arg(QDir::toNativeSeparators(film.videoPath)), false);
        updateActions();
    });
    connect(m_playFilm, &QPushButton::clicked, this, [this] { play(m_core->tasks()->task(m_lastFilm).videoPath); });

    fillBoards(0);
    updateActions();
}

StoryboardTab::~StoryboardTab()
{
    // What was typed last is kept.
    if (m_saveTimer->isActive())
        saveShot();
}

void StoryboardTab::fillBoards(qint64 select)
{
    const QSignalBlocker blocker(m_boards);
    m_boards->clear();
    for (const BoardStore::Summary &b : m_core->boards()->boards())
        m_boards->addItem(tr("%1 (%n shot(s))", nullptr, b.shots).arg(b.title.isEmpty() ? tr("Untitled board") : b.title), b.id);
    int index = select ? m_boards->findData(select) : 0;
    if (index < 0)
        index = 0;
    m_boards->setCurrentIndex(index);
    // Another board, or none at all at the first fill: the editor shows what there is (or the empty state).
    if (m_model->board() != currentBoard() || !m_scroll->widget())
        onBoardChosen();
}

qint64 StoryboardTab::currentBoard() const
{
    return m_boards->currentData().toLongLong();
}

qint64 StoryboardTab::currentShot() const
{
    return m_shots->currentIndex().data(BoardModel::ShotIdRole).toLongLong();
}

void StoryboardTab::onBoardChosen()
{
    if (m_saveTimer->isActive())
        saveShot();
    m_editing = 0;
    m_model->setBoard(currentBoard());
    if (m_model->rowCount() > 0)
        m_shots->setCurrentIndex(m_model->index(0));
    onShotChosen();
}

void StoryboardTab::showBoard(qint64 id)
{
    fillBoards(id);
}

void StoryboardTab::selectShot(qint64 shotId)
{
    const int row = m_model->rowOf(shotId);
    if (row < 0)
        return;
    if (m_shots->currentIndex().row() != row)
        m_shots->setCurrentIndex(m_model->index(row));
    else if (m_editing != shotId)
        onShotChosen();
}

void StoryboardTab::onShotChosen()
{
    const qint64 id = currentShot();
    if (id == m_editing && m_form)
        return;
    if (m_saveTimer->isActive())
        saveShot();
    m_editing = id;
    const BoardShot shot = m_core->boards()->shot(id);
    m_applying = true;
    const int modelIndex = m_modelBox->findData(shot.llmid);
    m_modelBox->setCurrentIndex(modelIndex);
    m_chain->setChecked(shot.chained);
    m_applying = false;
    m_promptHelper->setForm(nullptr);
    m_form = nullptr; // the next shot's values are its own
    buildEditor();
    refreshTakes();
    updateActions();
}

void StoryboardTab::buildEditor()
{
    const BoardShot shot = m_core->boards()->shot(m_editing);
    for (QWidget *part : std::as_const(m_shotParts))
        part->setVisible(shot.id != 0);
    if (shot.id == 0) {
        m_shotTitle->setText(m_model->board() ? tr("Add a shot to begin") : tr("Make a board to begin"));
        m_promptHelper->setForm(nullptr);
        m_form = nullptr;
        // The empty state: what a board is, and the one action that starts one.
        auto *start = new QPushButton(m_model->board() ? tr("Add shot") : tr("New board"));
        Theme::setRole(start, "primary");
        connect(start, &QPushButton::clicked, this, [this] { m_model->board() ? addShot() : newBoard(); });
        m_scroll->setWidget(Theme::emptyState(m_scroll, QStringLiteral("storyboard"),
                                              tr("A storyboard is a list of shots; each is generated as a video and the chosen "
                                                 "takes are joined into one film."),
                                              start));
        return;
    }
    const int row = m_model->rowOf(shot.id);
    const ModelSpec *spec = m_core->videoModels()->model(m_modelBox->currentData().toString());
    updateHeader();
    // The values typed so far carry over to another model, as in the Studio.
    // (m_form is the shot's own form here: another shot's is dropped before its editor is built.)
    const QVariantMap values = m_form ? m_form->values() : shot.values;
    const QString firstKey = spec ? firstFrameKey(*spec) : QString();
    if (!spec) {
        m_promptHelper->setForm(nullptr);
        m_form = nullptr;
        m_scroll->setWidget(new QLabel(tr("Choose a model for this shot."), m_scroll));
        return;
    }
    QMap<QString, PreparedImage> keep;
    if (m_form)
        keep = m_form->images();
    m_promptHelper->setForm(nullptr);
    const bool sameShot = m_form != nullptr;
    m_applying = true;
    m_form = new StudioForm(*spec, m_scroll);
    m_form->setValues(values);
    for (auto it = shot.images.cbegin(); it != shot.images.cend(); ++it) {
        ImageSlot *slot = m_form->imageSlot(it.key());
        if (!slot)
            continue;
        if (sameShot && keep.contains(it.key()))
            m_form->setImage(it.key(), keep.value(it.key()));
        else if (it->startsWith(QLatin1String("http")))
            m_form->setImage(it.key(), ImagePreparer::fromUrl(QUrl(*it)));
        else
            slot->loadFile(*it);
    }
    if (m_chain->isChecked() && !firstKey.isEmpty()) {
        if (ImageSlot *slot = m_form->imageSlot(firstKey)) {
            slot->clear();
            slot->setEnabled(false);
            slot->setToolTip(tr("Filled with the last frame of shot %1 when this shot is generated.").arg(row));
        }
    }
    m_applying = false;
    m_scroll->setWidget(m_form); // deletes the previous form
    m_promptHelper->setForm(m_form);
    connect(m_form, &StudioForm::changed, this, [this] {
        if (!m_applying)
            m_saveTimer->start();
        updateActions();
    });
}

void StoryboardTab::updateHeader()
{
    // The shot's number and whether it can continue change when shots move, not only when it is chosen.
    const int row = m_model->rowOf(m_editing);
    if (row < 0)
        return;
    m_shotTitle->setText(tr("Shot %1").arg(row + 1));
    const ModelSpec *spec = m_core->videoModels()->model(m_modelBox->currentData().toString());
    const QString firstKey = spec ? firstFrameKey(*spec) : QString();
    // A shot set to continue can always be unset, even where it cannot continue (moved to the front).
    m_chain->setEnabled((row > 0 && !firstKey.isEmpty()) || m_chain->isChecked());
    m_chain->setToolTip(row == 0 ? tr("The first shot has no shot before it.")
                        : firstKey.isEmpty() ? tr("This model has no first frame: choose an image-to-video model to continue.")
                                             : tr("When generated, its first frame is the last frame of shot %1.").arg(row));
}

QString StoryboardTab::storedPicture(const QByteArray &bytes, const QString &mimeType)
{
    // A pasted picture, or a frame from the Library, has no file of its own: it is kept in the data
    // folder, named by its content, so the board can name it.
    QDir dir(QDir(m_core->options().resolvedDataDir()).filePath(QStringLiteral("boards")));
    if (!dir.mkpath(QStringLiteral(".")))
        return {};
    const QString name = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex().left(20))
        + (mimeType == QLatin1String("image/png") ? QStringLiteral(".png") : QStringLiteral(".jpg"));
    const QString path = dir.filePath(name);
    if (!QFile::exists(path)) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return {};
    }
    return path;
}

bool StoryboardTab::confirmQuit()
{
    saveShot();
    const QList<int> unsent = m_controller->unsentShots();
    QStringList numbers;
    for (int n : unsent)
        numbers << QString::number(n);
    QStringList why;
    if (!unsent.isEmpty())
        why << tr("Shot(s) %1 of the storyboard are not sent yet and will not be sent if you quit now (the takes already "
                  "sent go on and are kept).")
                   .arg(numbers.join(QStringLiteral(", ")));
    if (m_controller->isJoining())
        why << tr("The film being joined will be cancelled.");
    if (why.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Yuanjing Studio?"),
                    why.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + tr("Quit anyway?"), QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("quitDuringStoryboard"));
    box.setDefaultButton(QMessageBox::No);
    if (box.exec() != QMessageBox::Yes)
        return false;
    m_controller->stop();
    m_controller->cancelJoin();
    return true;
}

void StoryboardTab::saveShot()
{
    m_saveTimer->stop();
    BoardShot shot = m_core->boards()->shot(m_editing);
    if (shot.id == 0 || !m_form)
        return;
    shot.llmid = m_form->spec().llmid;
    shot.values = m_form->values();
    shot.chained = m_chain->isChecked();
    QMap<QString, QString> images;
    for (const FieldSpec &f : m_form->spec().fields) {
        if (f.type != FieldSpec::Type::Image)
            continue;
        ImageSlot *slot = m_form->imageSlot(f.key);
        if (!slot || !slot->isEnabled())
            continue;
        if (slot->isLoading()) {
            // Still being read: what the shot held stays until the slot is ready.
            if (shot.images.contains(f.key))
                images.insert(f.key, shot.images.value(f.key));
            continue;
        }
        const PreparedImage &image = slot->image();
        switch (image.source) {
        case PreparedImage::Source::File: images.insert(f.key, image.origin); break;
        case PreparedImage::Source::Url: images.insert(f.key, image.url.toString()); break;
        case PreparedImage::Source::Data:
            if (const QString path = storedPicture(image.encoded, image.mimeType); !path.isEmpty())
                images.insert(f.key, path);
            break;
        case PreparedImage::Source::None: break;
        }
    }
    shot.images = images;
    const BoardShot before = m_core->boards()->shot(shot.id);
    if (before.llmid == shot.llmid && before.values == shot.values && before.images == shot.images && before.chained == shot.chained)
        return;
    m_core->boards()->updateShot(shot);
}

void StoryboardTab::refreshTakes()
{
    const qint64 selected = m_takes->currentItem() ? m_takes->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    const int row = m_model->rowOf(m_editing);
    const QList<VideoTask> takes = row >= 0 ? m_model->takesAt(row) : QList<VideoTask>();
    const qint64 film = row >= 0 ? m_model->index(row).data(BoardModel::FilmTakeRole).toLongLong() : 0;
    const QSignalBlocker blocker(m_takes);
    m_takes->clear();
    for (int i = 0; i < takes.size(); ++i) {
        const VideoTask &t = takes.at(i);
        QString text = tr("Take %1").arg(i + 1) + QLatin1Char('\n') + BoardModel::takeStateText(t);
        if (t.id == film)
            text = tr("Take %1 · in the film").arg(i + 1) + QLatin1Char('\n') + BoardModel::takeStateText(t);
        auto *item = new QListWidgetItem(text, m_takes);
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(t.error.isEmpty() ? t.prompt : t.error);
        const QPixmap *cover = m_takeCovers->get(t.coverPath, QSize(128, 72), Qt::KeepAspectRatioByExpanding);
        if (cover && !cover->isNull())
            item->setIcon(QIcon(cover->copy((cover->width() - 128) / 2, (cover->height() - 72) / 2, 128, 72)));
        if (t.id == film) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        if (t.id == selected || (selected == 0 && t.id == film))
            m_takes->setCurrentItem(item);
    }
    if (!m_takes->currentItem() && m_takes->count() > 0)
        m_takes->setCurrentRow(m_takes->count() - 1);
}

void StoryboardTab::updateActions()
{
    const bool haveBoard = currentBoard() != 0;
    const bool haveShot = currentShot() != 0;
    const bool running = m_controller->isRunning();
    const int row = m_model->rowOf(currentShot());
    m_addShot->setEnabled(haveBoard);
    m_duplicateShot->setEnabled(haveShot);
    m_deleteShot->setEnabled(haveShot);
    m_up->setEnabled(haveShot && row > 0);
    m_down->setEnabled(haveShot && row + 1 < m_model->rowCount());
    m_boardMenu->setEnabled(true);
    const QListWidgetItem *take = m_takes->currentItem();
    const VideoTask t = take ? m_core->tasks()->task(take->data(Qt::UserRole).toLongLong()) : VideoTask();
    const bool onDisk = t.id && takeOutcome(t) == TakeOutcome::Downloaded;
    m_useTake->setEnabled(onDisk && t.id != m_model->index(row).data(BoardModel::FilmTakeRole).toLongLong());
    m_playTake->setEnabled(onDisk);
    m_showTake->setEnabled(t.id != 0);
    const bool formOk = m_form && m_form->spec().enabled && (m_form->isValid() || m_chain->isChecked());
    m_generateShot->setEnabled(haveShot && !running && formOk);
    m_generateShot->setText(tr("Generate this shot · %1").arg(haveShot ? m_controller->costOfShot(currentShot()) : QString()));
    m_generateShot->setToolTip(tr("Makes a new take of this shot (it may be billed); its other takes are kept. Ctrl+Enter"));
    m_generateAll->setEnabled(haveBoard && m_model->rowCount() > 0 && !running);
    const QString cost = haveBoard ? m_controller->costOfAll(currentBoard()) : QString();
    m_generateAll->setText(running ? tr("Generating…") : cost.isEmpty() ? tr("Generate all") : tr("Generate all · %1").arg(cost));
    m_generateAll->setToolTip(tr("Makes every shot that has no take yet (it may be billed); takes on their way are not sent again. "
                                 "Ctrl+Shift+Enter"));
    m_stop->setEnabled(running);
    m_join->setEnabled(haveBoard && m_model->rowCount() > 0 && !m_controller->isJoining());
}

void StoryboardTab::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    Theme::apply(m_status, error ? Theme::Tone::Error : Theme::Tone::Plain);
}

void StoryboardTab::addShot()
{
    if (!currentBoard())
        newBoard();
    if (!currentBoard())
        return;
    saveShot();
    BoardShot shot;
    const BoardShot current = m_core->boards()->shot(currentShot());
    // A new shot takes the model of the one before it, and continues from it where that model can.
    shot.llmid = current.id ? current.llmid : m_modelBox->itemData(0).toString();
    if (const ModelSpec *spec = m_core->videoModels()->model(shot.llmid)) {
        shot.values = spec->defaults();
        shot.values.remove(QStringLiteral("prompt"));
        shot.chained = current.id && !firstFrameKey(*spec).isEmpty();
    }
    const int at = current.id ? m_model->rowOf(current.id) + 1 : -1;
    if (const qint64 id = m_core->boards()->addShot(currentBoard(), shot, at))
        selectShot(id);
}

void StoryboardTab::newBoard()
{
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("New storyboard"), tr("Title:"), QLineEdit::Normal, tr("My film"), &ok);
    if (!ok)
        return;
    const qint64 id = m_core->boards()->createBoard(title.trimmed());
    if (!id) {
        showStatus(tr("The board could not be saved."), true);
        return;
    }
    fillBoards(id);
    addShot();
}

void StoryboardTab::renameBoard()
{
    const Board b = m_core->boards()->board(currentBoard());
    if (!b.id)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename storyboard"), tr("Title:"), QLineEdit::Normal, b.title, &ok);
    if (ok)
        m_core->boards()->renameBoard(b.id, title.trimmed());
}

void StoryboardTab::deleteBoard()
{
    const Board b = m_core->boards()->board(currentBoard());
    if (!b.id)
        return;
    if (QMessageBox::question(this, tr("Delete storyboard"),
                              tr("Delete the board “%1”? Its takes and films stay in the Library.").arg(b.title))
        != QMessageBox::Yes)
        return;
    m_saveTimer->stop();
    m_editing = 0;
    m_core->boards()->removeBoard(b.id);
}

void StoryboardTab::exportBoard()
{
    saveShot();
    const Board b = m_core->boards()->board(currentBoard());
    if (!b.id)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export storyboard"),
                                                      QDir::home().filePath((b.title.isEmpty() ? QStringLiteral("storyboard") : b.title)
                                                                            + QStringLiteral(".json")),
                                                      tr("Board files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray text = QJsonDocument(BoardFile::toJson(b)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        showStatus(tr("Cannot write “%1”: %2").arg(path, file.errorString()), true);
    else
        showStatus(tr("Exported to %1; run it with: yuanjing storyboard run “%1”").arg(QDir::toNativeSeparators(path)), false);
}

void StoryboardTab::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import storyboard"), QDir::homePath(), tr("Board files (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    QString why;
    QJsonParseError error;
    const QJsonObject o = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error).object() : QJsonObject();
    if (!importBoard(o, QFileInfo(path).absolutePath(), &why))
        showStatus(tr("%1: %2").arg(QFileInfo(path).fileName(), why), true);
}

qint64 StoryboardTab::importBoard(const QJsonObject &file, const QString &folder, QString *why)
{
    Board board;
    if (!BoardFile::fromJson(file, QDir(folder), *m_core->videoModels(), &board, why))
        return 0;
    const qint64 id = m_core->boards()->importBoard(board);
    if (!id) {
        *why = tr("The board could not be saved.");
        return 0;
    }
    fillBoards(id);
    showStatus(tr("Board “%1” with %n shot(s): check the shots, then Generate all.", nullptr, int(board.shots.size())).arg(board.title),
               false);
    return id;
}

bool StoryboardTab::useFrame(const QImage &frame, const QString &role, const QString &origin)
{
    if (!m_form) {
        showStatus(tr("Choose a shot first: the frame goes into one of its picture slots."), true);
        return false;
    }
    for (const FieldSpec &f : m_form->spec().fields)
        if (f.type == FieldSpec::Type::Image && f.role == role && m_form->imageSlot(f.key) && m_form->imageSlot(f.key)->isEnabled()) {
            m_form->setImage(f.key, ImagePreparer::fromImage(frame, origin));
            saveShot();
            return true;
        }
    showStatus(tr("This shot's model has no free slot for that frame."), true);
    return false;
}

void StoryboardTab::play(const QString &path)
{
    if (path.isEmpty())
        return;
    if (!m_player) {
        QString why;
        m_player = VideoPlayer::create(m_playerBox, &why);
        if (!m_player) {
            showStatus(why, true);
            return;
        }
        m_playerBox->layout()->addWidget(m_player);
    }
    m_playerBox->show();
    m_player->setSource(QUrl::fromLocalFile(path));
    m_player->play();
}
