#include "storyboard/BoardModel.h"

#include "store/BoardStore.h"
#include "storyboard/StoryboardController.h"
#include "tasks/LibraryModel.h"
#include "video/ModelCatalog.h"

#include <QMimeData>

BoardModel::BoardModel(BoardStore *boards, TaskStore *tasks, const ModelCatalog *models, QObject *parent)
    : QAbstractListModel(parent), m_boards(boards), m_tasks(tasks), m_models(models)
{
    connect(m_boards, &BoardStore::boardChanged, this, [this](qint64 id) {
        if (id == m_board)
            reload();
    });
    connect(m_boards, &BoardStore::boardsChanged, this, [this] {
        if (m_board && m_boards->board(m_board).id == 0)
            setBoard(0);
    });
    connect(m_tasks, &TaskStore::taskChanged, this, &BoardModel::onTaskChanged);
    connect(m_tasks, &TaskStore::taskRemoved, this, [this](qint64 id) {
        if (m_rowOfTake.contains(id))
            reload();
    });
}

void BoardModel::setController(StoryboardController *controller)
{
    m_controller = controller;
    connect(controller, &StoryboardController::runChanged, this, [this] {
        if (!m_items.isEmpty())
            emit dataChanged(index(0), index(int(m_items.size()) - 1), {StatusRole, ProblemRole});
    });
}

void BoardModel::setBoard(qint64 boardId)
{
    m_board = boardId;
    reload();
}

void BoardModel::reload()
{
    beginResetModel();
    m_items.clear();
    m_rowOfTake.clear();
    if (m_board) {
        const Board b = m_boards->board(m_board);
        for (const BoardShot &s : b.shots) {
            Item item{s, m_boards->takes(s.id)};
            for (const VideoTask &t : std::as_const(item.takes))
                m_rowOfTake.insert(t.id, int(m_items.size()));
            m_items.append(item);
        }
    }
    endResetModel();
    emit reloaded();
}

void BoardModel::onTaskChanged(const VideoTask &task)
{
    const auto it = m_rowOfTake.constFind(task.id);
    if (it == m_rowOfTake.constEnd()) {
        // A new take of one of these shots (its row is written before its request leaves).
        if (m_board && task.state == VideoTask::State::Submitting && task.mode != QLatin1String("film"))
            for (int row = 0; row < m_items.size(); ++row) {
                const QList<VideoTask> takes = m_boards->takes(m_items.at(row).shot.id);
                if (takes.size() != m_items.at(row).takes.size()) {
                    m_items[row].takes = takes;
                    for (const VideoTask &t : takes)
                        m_rowOfTake.insert(t.id, row);
                    emit dataChanged(index(row), index(row));
                }
            }
        return;
    }
    Item &item = m_items[*it];
    for (VideoTask &t : item.takes)
        if (t.id == task.id)
            t = task;
    emit dataChanged(index(*it), index(*it));
}

int BoardModel::rowOf(qint64 shotId) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).shot.id == shotId)
            return i;
    return -1;
}

int BoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString BoardModel::takeStateText(const VideoTask &take)
{
    if (takeOutcome(take) == TakeOutcome::Downloaded)
        return tr("ready");
    return LibraryModel::statusText(take);
}

QString BoardModel::statusOf(const Item &item) const
{
    if (item.shot.chained && !m_items.isEmpty() && m_items.constFirst().shot.id == item.shot.id)
        return tr("set to continue, but it is the first shot");
    if (m_controller) {
        const QString run = m_controller->runText(item.shot.id);
        if (!run.isEmpty())
            return run;
    }
    if (item.takes.isEmpty())
        return tr("not generated yet");
    const VideoTask film = filmTake(item.shot, item.takes);
    const VideoTask &last = item.takes.constLast();
    if (!film.id) {
        const TakeOutcome outcome = takeOutcome(last);
        if ((outcome == TakeOutcome::Failed || outcome == TakeOutcome::Unknown || outcome == TakeOutcome::NotDownloaded)
            && !last.error.isEmpty())
            return tr("take %1: %2 — %3").arg(item.takes.size()).arg(takeStateText(last), last.error);
        return tr("take %1: %2").arg(item.takes.size()).arg(takeStateText(last));
    }
    const int number = int(std::find_if(item.takes.cbegin(), item.takes.cend(), [&film](const VideoTask &t) { return t.id == film.id; })
                           - item.takes.cbegin()) + 1;
    if (item.takes.size() == 1)
        return tr("take 1 ready");
    QString text = tr("%n take(s); take %1 in the film", nullptr, int(item.takes.size())).arg(number);
    if (last.id != film.id && takeOutcome(last) == TakeOutcome::Pending)
        text += QStringLiteral(" · ") + tr("take %1: %2").arg(item.takes.size()).arg(takeStateText(last));
    return text;
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item &item = m_items.at(index.row());
    const BoardShot &s = item.shot;
    switch (role) {
    case Qt::DisplayRole:
        return tr("Shot %1: %2").arg(index.row() + 1).arg(s.prompt().isEmpty() ? tr("(no prompt)") : s.prompt().simplified().left(80));
    case Qt::ToolTipRole: return s.prompt();
    case Qt::AccessibleTextRole:
        return tr("Shot %1, %2, %3").arg(index.row() + 1).arg(s.prompt().simplified().left(80), statusOf(item));
    case ShotIdRole: return s.id;
    case NumberRole: return index.row() + 1;
    case PromptRole: return s.prompt();
    case ModelNameRole: {
        const ModelSpec *spec = m_models->model(s.llmid);
        return spec ? spec->label.text() : s.llmid;
    }
    case ChainedRole: return s.chained;
    case TakeCountRole: return int(item.takes.size());
    case FilmTakeRole: {
        return filmTake(s, item.takes).id;
    }
    case CoverRole: {
        VideoTask t = filmTake(s, item.takes);
        if (!t.id && !item.takes.isEmpty())
            t = item.takes.constLast();
        return t.coverPath;
    }
    case StatusRole: return statusOf(item);
    case ProblemRole: {
        if (s.chained && index.row() == 0)
            return true; // set to continue, but nothing comes before it
        if (!item.takes.isEmpty() && !filmTake(s, item.takes).id) {
            const TakeOutcome o = takeOutcome(item.takes.constLast());
            return o == TakeOutcome::Failed || o == TakeOutcome::Unknown || o == TakeOutcome::NotDownloaded;
        }
        return false;
    }
    default: return {};
    }
}

QHash<int, QByteArray> BoardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{ShotIdRole, "shotId"}, {NumberRole, "number"}, {PromptRole, "prompt"}, {ModelNameRole, "model"},
                  {ChainedRole, "chained"}, {TakeCountRole, "takes"}, {FilmTakeRole, "filmTake"}, {CoverRole, "cover"},
                  {StatusRole, "status"}, {ProblemRole, "problem"}});
    return names;
}

Qt::ItemFlags BoardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList BoardModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType)};
}

QMimeData *BoardModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(MimeType), QByteArray::number(m_items.value(indexes.first().row()).shot.id));
    return data;
}

bool BoardModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    return action == Qt::MoveAction && data && data->hasFormat(QString::fromLatin1(MimeType));
}

bool BoardModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    const qint64 shotId = data->data(QString::fromLatin1(MimeType)).toLongLong();
    const int from = rowOf(shotId);
    if (from < 0)
        return false;
    // Dropped between rows (row), on a row (parent: before it) or below the last one.
    int to = row >= 0 ? row : parent.isValid() ? parent.row() : int(m_items.size());
    if (to > from)
        --to;
    // The move is done here; the view must not remove the dragged row afterwards (removeRows is not
    // supported, so it cannot).
    return m_boards->moveShot(shotId, to);
}
