#include "tasks/LibraryModel.h"

#include "video/ModelCatalog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

LibraryModel::LibraryModel(TaskStore *store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    connect(store, &TaskStore::taskChanged, this, &LibraryModel::onTaskChanged);
    connect(store, &TaskStore::taskRemoved, this, [this](qint64 id) {
        if (!m_loaded) {
            emit unfinishedCountChanged(unfinishedCount());
            return;
        }
        const int row = rowOf(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_tasks.removeAt(row);
        endRemoveRows();
        emit unfinishedCountChanged(unfinishedCount());
    });
}

void LibraryModel::ensureLoaded() const
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_tasks = m_store->tasks();
}

void LibraryModel::reload()
{
    beginResetModel();
    m_tasks = m_store->tasks();
    m_loaded = true;
    endResetModel();
    emit unfinishedCountChanged(unfinishedCount());
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    ensureLoaded();
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int LibraryModel::rowOf(qint64 id) const
{
    ensureLoaded();
    for (int i = 0; i < m_tasks.size(); ++i)
        if (m_tasks.at(i).id == id)
            return i;
    return -1;
}

int LibraryModel::unfinishedCount() const
{
    if (!m_loaded)
        return m_store->unfinishedCount();
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(), [](const VideoTask &t) {
        return t.state == VideoTask::State::Submitting || t.state == VideoTask::State::Queued
            || t.state == VideoTask::State::Running;
    }));
}

QStringList LibraryModel::modelNames() const
{
    ensureLoaded();
    QStringList names;
    for (const VideoTask &t : m_tasks)
        if (!names.contains(t.modelName))
            names.append(t.modelName);
    names.sort();
    return names;
}

void LibraryModel::onTaskChanged(const VideoTask &task)
{
    if (!m_loaded) {
        emit unfinishedCountChanged(unfinishedCount()); // the rows come in whole when first asked for
        return;
    }
    const int before = unfinishedCount();
    const int row = rowOf(task.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_tasks.prepend(task);
        endInsertRows();
    } else {
        m_tasks[row] = task;
        emit dataChanged(index(row), index(row));
    }
    if (unfinishedCount() != before)
        emit unfinishedCountChanged(unfinishedCount());
}

QString LibraryModel::statusText(const VideoTask &t)
{
    switch (t.state) {
    case VideoTask::State::Submitting: return QCoreApplication::translate("LibraryModel", "Submitting");
    case VideoTask::State::Queued: return QCoreApplication::translate("LibraryModel", "Queued");
    case VideoTask::State::Running: return QCoreApplication::translate("LibraryModel", "Generating");
    case VideoTask::State::Succeeded:
        if (t.errorCode == QLatin1String("expired"))
            return QCoreApplication::translate("LibraryModel", "Expired");
        return t.videoPath.isEmpty() ? QCoreApplication::translate("LibraryModel", "Downloading")
                                     : QCoreApplication::translate("LibraryModel", "Done");
    case VideoTask::State::Failed: return QCoreApplication::translate("LibraryModel", "Failed");
    case VideoTask::State::Rejected: return QCoreApplication::translate("LibraryModel", "Refused");
    case VideoTask::State::Unknown: return QCoreApplication::translate("LibraryModel", "Unknown");
    }
    return {};
}

QUrl LibraryModel::playSource(const VideoTask &t)
{
    if (!t.videoPath.isEmpty() && QFileInfo::exists(t.videoPath))
        return QUrl::fromLocalFile(t.videoPath);
    return QUrl(t.videoUrl);
}

static QString elapsedText(qint64 seconds)
{
    // (Arithmetic stays out of the translate() calls: lupdate 6.4 hangs on a division inside one.)
    const int minutes = int(seconds) / 60;
    const int hours = minutes / 60;
    if (seconds < 60)
        return QCoreApplication::translate("LibraryModel", "%n s", nullptr, int(seconds));
    if (hours < 1)
        return QCoreApplication::translate("LibraryModel", "%n min", nullptr, minutes);
    return QCoreApplication::translate("LibraryModel", "%n h", nullptr, hours);
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tasks.size())
        return {};
    const VideoTask &t = m_tasks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return t.prompt.isEmpty() ? t.modelName : t.prompt.simplified().left(60);
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2 · %3").arg(t.prompt, t.modelName, statusText(t));
    case IdRole:
        return t.id;
    case TaskRole:
        return QVariant::fromValue(t);
    case StateRole:
        return int(t.state);
    case StatusTextRole:
        return statusText(t);
    case PromptRole:
        return t.prompt;
    case ModelRole:
        return t.modelName;
    case ModeRole:
        return t.mode;
    case CoverPathRole:
        return t.coverPath;
    case VideoPathRole:
        return t.videoPath;
    case FavouriteRole:
        return t.favourite;
    case PlaySourceRole:
        return playSource(t);
    case DurationRole: {
        const ModelSpec *spec = m_catalog ? m_catalog->model(t.llmid) : nullptr;
        const FieldSpec *field = spec ? spec->fieldWithRole(QStringLiteral("duration")) : nullptr;
        return field ? t.params.value(field->key).toVariant().toInt() : 0;
    }
    case ElapsedRole: {
        const bool finished = t.isFinished() || t.state == VideoTask::State::Unknown;
        const QDateTime end = finished ? t.updatedAt : QDateTime::currentDateTime();
        return elapsedText(qMax<qint64>(0, t.createdAt.secsTo(end)));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> LibraryModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {IdRole, "id"}, {StateRole, "state"}, {StatusTextRole, "status"},
            {PromptRole, "prompt"}, {ModelRole, "model"}, {ModeRole, "mode"}, {CoverPathRole, "cover"},
            {VideoPathRole, "video"}, {ElapsedRole, "elapsed"}, {FavouriteRole, "favourite"}};
}

void LibraryFilterModel::setStateFilter(StateFilter f)
{
    m_state = f;
    invalidateFilter();
}

void LibraryFilterModel::setMode(const QString &mode)
{
    m_mode = mode;
    invalidateFilter();
}

void LibraryFilterModel::setModel(const QString &model)
{
    m_model = model;
    invalidateFilter();
}

void LibraryFilterModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void LibraryFilterModel::setFavouritesOnly(bool only)
{
    m_favouritesOnly = only;
    invalidateFilter();
}

bool LibraryFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    const auto state = VideoTask::State(index.data(LibraryModel::StateRole).toInt());
    switch (m_state) {
    case StateFilter::All:
        break;
    case StateFilter::Waiting:
        if (state != VideoTask::State::Submitting && state != VideoTask::State::Queued && state != VideoTask::State::Running)
            return false;
        break;
    case StateFilter::Done:
        if (state != VideoTask::State::Succeeded)
            return false;
        break;
    case StateFilter::Failed:
        if (state != VideoTask::State::Failed && state != VideoTask::State::Rejected && state != VideoTask::State::Unknown)
            return false;
        break;
    }
    if (!m_mode.isEmpty() && index.data(LibraryModel::ModeRole).toString() != m_mode)
        return false;
    if (m_favouritesOnly && !index.data(LibraryModel::FavouriteRole).toBool())
        return false;
    if (!m_model.isEmpty() && index.data(LibraryModel::ModelRole).toString() != m_model)
        return false;
    if (!m_search.isEmpty() && !index.data(LibraryModel::PromptRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}
