#pragma once

#include "storyboard/Board.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

class BoardStore;
class ModelCatalog;
class StoryboardController;
class TaskStore;

// The shots of one board, in film order, with their takes, for the Storyboard tab's list. Follows the
// board store and the task store; rows move by drag (a shot's id as MIME data) or moveShot.
class BoardModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        ShotIdRole = Qt::UserRole + 1,
        NumberRole,    // from 1
        PromptRole,
        ModelNameRole,
        ChainedRole,
        TakeCountRole,
        FilmTakeRole,  // the task row of the take that goes into the film (0: none on disk)
        CoverRole,     // that take's cover file
        StatusRole,    // translated: where the shot stands (its run, its takes)
        ProblemRole,   // true when the shot's last run or take failed
    };
    static constexpr const char *MimeType = "application/x-yuanjing-shot";

    BoardModel(BoardStore *boards, TaskStore *tasks, const ModelCatalog *models, QObject *parent = nullptr);
    void setController(StoryboardController *controller);

    void setBoard(qint64 boardId);
    qint64 board() const { return m_board; }
    BoardShot shotAt(int row) const { return m_items.value(row).shot; }
    QList<VideoTask> takesAt(int row) const { return m_items.value(row).takes; }
    int rowOf(qint64 shotId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    static QString takeStateText(const VideoTask &take);

signals:
    // The rows were read again (another shot may be current now).
    void reloaded();

private:
    struct Item
    {
        BoardShot shot;
        QList<VideoTask> takes;
    };
    void reload();
    void onTaskChanged(const VideoTask &task);
    QString statusOf(const Item &item) const;

    BoardStore *m_boards;
    TaskStore *m_tasks;
    const ModelCatalog *m_models;
    QPointer<StoryboardController> m_controller;
    qint64 m_board = 0;
    QList<Item> m_items;
    QHash<qint64, int> m_rowOfTake;
};
