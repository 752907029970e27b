#pragma once

#include "chat/ChatTypes.h"

#include <QAbstractListModel>

class ConversationStore;

// The conversation list, newest first, filtered by a search string (titles and message text).
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, ModelRole, UpdatedRole };

    explicit ConversationListModel(ConversationStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }
    void reload();
    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;

private:
    ConversationStore *m_store;
    QString m_filter;
    QList<Conversation> m_rows;
};
