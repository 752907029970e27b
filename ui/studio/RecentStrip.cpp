#include "studio/RecentStrip.h"

#include "common/Theme.h"
#include "core/AppCore.h"
#include "library/CoverDelegate.h"
#include "library/VideoPlayer.h"
#include "tasks/LibraryModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {
// The newest tasks of the Library's model (it is newest first), at most `limit`.
class NewestTasks : public QSortFilterProxyModel
{
public:
    NewestTasks(int limit, QObject *parent) : QSortFilterProxyModel(parent), m_limit(limit) {}

    void setSourceModel(QAbstractItemModel *source) override
    {
        QSortFilterProxyModel::setSourceModel(source);
        // A new task pushes the oldest shown one out: the rows past the limit are judged again.
        connect(source, &QAbstractItemModel::rowsInserted, this, &NewestTasks::invalidateRowsFilter);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &NewestTasks::invalidateRowsFilter);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override { return row < m_limit; }

private:
    int m_limit;
};
} // namespace

RecentStrip::RecentStrip(AppCore *core, QWidget *parent) : QWidget(parent), m_core(core)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Space::S);

    auto *title = new QLabel(tr("Recent videos"), this);
    Theme::setRole(title, "title");
    layout->addWidget(title);

    // The player, once something is played.
    m_playerBox = new QFrame(this);
    Theme::setRole(m_playerBox, "card");
    auto *boxLayout = new QVBoxLayout(m_playerBox);
    boxLayout->setContentsMargins(Theme::Space::S, Theme::Space::S, Theme::Space::S, Theme::Space::S);
    auto *playingRow = new QHBoxLayout;
    m_playing = new QLabel(m_playerBox);
    Theme::setRole(m_playing, "caption");
    m_closePlayer = new QToolButton(m_playerBox);
    Theme::setRole(m_closePlayer, "icon");
    m_closePlayer->setText(tr("Close the player"));
    m_closePlayer->setToolTip(tr("Close the player"));
    m_closePlayer->setAccessibleName(tr("Close the player"));
    m_closePlayer->setToolButtonStyle(Qt::ToolButtonIconOnly);
    Theme::setIcon(m_closePlayer, QStringLiteral("close"));
    playingRow->addWidget(m_playing, 1);
    playingRow->addWidget(m_closePlayer);
    boxLayout->addLayout(playingRow);
    m_playerSlot = new QWidget(m_playerBox);
    m_playerSlot->setMinimumHeight(200);
    new QVBoxLayout(m_playerSlot);
    m_playerSlot->layout()->setContentsMargins(0, 0, 0, 0);
    boxLayout->addWidget(m_playerSlot, 1);
    m_playerBox->setVisible(false);
    layout->addWidget(m_playerBox, 3);

    auto *model = new NewestTasks(Shown, this);
    model->setSourceModel(core->library());
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("recentTasks"));
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(0);
    m_view->setModel(model);
    m_view->setAccessibleName(tr("Recent videos"));
    m_view->setMouseTracking(true);
    m_view->viewport()->setAttribute(Qt::WA_Hover);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    Theme::setRole(m_view, "cards");
    m_delegate = new CoverDelegate(this);
    m_view->setItemDelegate(m_delegate);

    // The empty state: icon, one sentence; the action is the Generate button beside it.
    QWidget *empty =
        Theme::emptyState(this, QStringLiteral("empty"),
                          tr("Your videos appear here as they are made: write a prompt, then Generate."));

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(empty);
    m_pages->addWidget(m_view);
    layout->addWidget(m_pages, 4);

    connect(m_delegate, &CoverDelegate::coverLoaded, m_view->viewport(), qOverload<>(&QWidget::update));
    connect(m_delegate, &CoverDelegate::reuseClicked, this, [this](const QModelIndex &index) {
        m_reused = true; // the view reports the same click next: it is no Play
        emit reuseRequested(index.data(LibraryModel::TaskRole).value<VideoTask>());
    });
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (!std::exchange(m_reused, false))
            playRow(index.row());
    });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) { playRow(index.row()); });
    connect(m_view, &QWidget::customContextMenuRequested, this, &RecentStrip::showMenu);
    connect(m_closePlayer, &QToolButton::clicked, this, [this] {
        if (m_player)
            m_player->stop();
        m_playerBox->setVisible(false);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &RecentStrip::updateEmpty);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RecentStrip::updateEmpty);
    connect(model, &QAbstractItemModel::modelReset, this, &RecentStrip::updateEmpty);
    // The elapsed time of what is still running moves on by itself.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (isVisible() && m_core->library()->unfinishedCount() > 0)
            m_view->viewport()->update();
    });
    m_tick->start();
    updateEmpty();
}

void RecentStrip::updateEmpty()
{
    m_pages->setCurrentIndex(m_view->model()->rowCount() > 0 ? 1 : 0);
}

bool RecentStrip::playRow(int row)
{
    const QModelIndex index = m_view->model()->index(row, 0);
    const QUrl source = index.data(LibraryModel::PlaySourceRole).toUrl();
    if (source.isEmpty())
        return false;
    if (!m_player) {
        QString why;
        m_player = VideoPlayer::create(m_playerSlot, &why);
        if (!m_player) {
            m_playing->setText(why);
            m_playerBox->setVisible(true);
            return false;
        }
        m_playerSlot->layout()->addWidget(m_player);
    }
    m_playing->setText(index.data(Qt::DisplayRole).toString());
    m_playerBox->setVisible(true);
    m_player->setSource(source);
    m_player->play();
    return true;
}

void RecentStrip::showMenu(const QPoint &pos)
{
    // Under the pointer, or the current card when the menu key asked.
    QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        index = m_view->currentIndex();
    if (!index.isValid())
        return;
    QMenu menu(this);
    QAction *play = menu.addAction(tr("Play"), this, [this, row = index.row()] { playRow(row); });
    play->setEnabled(!index.data(LibraryModel::PlaySourceRole).toUrl().isEmpty());
    menu.addAction(tr("Use these settings"), this, [this, index] {
        emit reuseRequested(index.data(LibraryModel::TaskRole).value<VideoTask>());
    });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
