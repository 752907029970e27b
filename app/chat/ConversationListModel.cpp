#include "chat/ConversationListModel.h"

#include "store/ConversationStore.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>
#include <QtConcurrent>

ConversationListModel::ConversationListModel(ConversationStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_searchTimer, &QTimer::timeout, this, &ConversationListModel::startSearch);
    connect(store, &ConversationStore::conversationsChanged, this, &ConversationListModel::reload);
    reload();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Conversation &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return c.shownTitle();
    case Qt::ToolTipRole:
        return tr("%1 · %2").arg(c.model, QLocale().toString(c.updatedAt, QLocale::ShortFormat));
    case IdRole:
        return c.id;
    case ModelRole:
        return c.model;
    case UpdatedRole:
        return c.updatedAt;
    default:
        return {};
    }
}

void ConversationListModel::setSearchDelay(int ms)
{
    m_searchTimer->setInterval(ms);
}

void ConversationListModel::setFilter(const QString &filter)
{
    m_filter = filter;
    if (filter.trimmed().isEmpty()) {
        m_searchTimer->stop();
        ++m_generation; // a search still running is not shown
        showRecent();
        return;
    }
    m_searchTimer->start();
}

void ConversationListModel::reload()
{
    if (m_filter.trimmed().isEmpty()) {
        showRecent();
        return;
    }
    m_searchTimer->start();
}

void ConversationListModel::showRecent()
{
    // As many as were shown (at least a page), so a change does not shrink what the user scrolled to.
    const int want = qMax(int(PageSize), m_filter.trimmed().isEmpty() ? int(m_rows.size()) : 0);
    const QList<Conversation> rows = m_store->recentConversations(want);
    m_hasMore = rows.size() == want;
    show(rows);
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && m_filter.trimmed().isEmpty();
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<Conversation> more = m_store->recentConversations(PageSize, int(m_rows.size()));
    m_hasMore = more.size() == PageSize;
    if (more.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows.append(more);
    endInsertRows();
}

void ConversationListModel::startSearch()
{
    const quint64 generation = ++m_generation;
    const QString path = m_store->databasePath();
    const QString filter = m_filter;
    auto *watcher = new QFutureWatcher<QList<Conversation>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, filter] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // the user typed on
        show(watcher->result());
        emit searched(filter);
    });
    watcher->setFuture(QtConcurrent::run([path, filter, generation] {
        // A connection of its own, for this search only (a connection belongs to one thread).
        const QString name = QStringLiteral("yuanjing-search-%1-%2").arg(quintptr(QThread::currentThreadId())).arg(generation);
        QList<Conversation> rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            if (db.open())
                rows = ConversationStore::searchConversations(db, filter);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }));
}

void ConversationListModel::show(const QList<Conversation> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ConversationListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

qint64 ConversationListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}
