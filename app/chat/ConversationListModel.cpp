#include "chat/ConversationListModel.h"

#include "store/ConversationStore.h"

#include <QLocale>

ConversationListModel::ConversationListModel(ConversationStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
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
        return c.title;
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

void ConversationListModel::setFilter(const QString &filter)
{
    m_filter = filter;
    reload();
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows = m_store->conversations(m_filter);
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
