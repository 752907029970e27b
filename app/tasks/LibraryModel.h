#pragma once

#include "store/TaskStore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QUrl>

class ModelCatalog;

// Every video task, newest first, for the Library's grid and the status bar. Follows the store.
class LibraryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TaskRole,        // the whole VideoTask
        StateRole,       // VideoTask::State as int
        StatusTextRole,  // translated badge: 排队中 / 生成中 / 已完成 / 失败 …
        PromptRole,
        ModelRole,
        ModeRole,
        CoverPathRole,
        VideoPathRole,
        ElapsedRole,     // translated "3 min" since submission (or how long it took)
        FavouriteRole,   // the user's star
        DurationRole,    // the asked length in seconds (the field whose schema role is "duration"), 0 unknown
        PlaySourceRole,  // QUrl to play: the file once downloaded, else the platform's link (empty: none yet)
    };

    explicit LibraryModel(TaskStore *store, QObject *parent = nullptr);
    // The schemas that say which setting is a task's duration.
    void setCatalog(const ModelCatalog *catalog) { m_catalog = catalog; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload();
    int rowOf(qint64 id) const;
    VideoTask taskAt(int row) const
    {
        ensureLoaded();
        return m_tasks.value(row);
    }
    int unfinishedCount() const;
    QStringList modelNames() const;

    static QString statusText(const VideoTask &task);
    // What plays a task: its file when it is on disk, else the platform's link while the download runs.
    static QUrl playSource(const VideoTask &task);

signals:
    void unfinishedCountChanged(int count);

private:
    void onTaskChanged(const VideoTask &task);
    // The rows are read when a view first asks (the Library tab), not at start-up: a history of
    // thousands of tasks costs nothing until it is looked at.
    void ensureLoaded() const;

    TaskStore *m_store;
    const ModelCatalog *m_catalog = nullptr;
    mutable QList<VideoTask> m_tasks;
    mutable bool m_loaded = false;
};

// Filters the library by state group, mode, model and words in the prompt.
class LibraryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StateFilter { All, Waiting, Done, Failed };
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setStateFilter(StateFilter f);
    void setMode(const QString &mode);
    void setModel(const QString &model);
    void setSearch(const QString &text);
    void setFavouritesOnly(bool only);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    StateFilter m_state = StateFilter::All;
    QString m_mode;
    QString m_model;
    QString m_search;
    bool m_favouritesOnly = false;
};
