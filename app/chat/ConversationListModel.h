#pragma once

#include "chat/ChatTypes.h"

#include <QAbstractListModel>

class ConversationStore;
class QTimer;

// The conversation list, newest first, filtered by a search string (titles and message text). A search
// runs a moment after the last key press (debounced), on a worker thread with its own connection to
// the file, so typing never waits for the database; only the newest search's result is shown.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, ModelRole, UpdatedRole };

    explicit ConversationListModel(ConversationStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    // Without a filter the list holds the newest conversations a page at a time, more as it is scrolled.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // A screen of rows and more: the view asks for the next page when its last row comes into sight
    // (fetchMore), so what start-up reads does not grow with the history.
    static constexpr int PageSize = 50;
    QVariant data(const QModelIndex &index, int role) const override;

    void setFilter(const QString &filter);
    void setSearchDelay(int ms);
    QString filter() const { return m_filter; }
    void reload();
    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;

signals:
    // A search's result is shown.
    void searched(const QString &filter);

private:
    void startSearch();
    void show(const QList<Conversation> &rows);
    void showRecent();

    ConversationStore *m_store;
    QTimer *m_searchTimer;
    quint64 m_generation = 0;
    QString m_filter;
    QList<Conversation> m_rows;
    bool m_hasMore = false; // the unfiltered list has more conversations than it holds
};
