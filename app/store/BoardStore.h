#pragma once

#include "storyboard/Board.h"

#include <QObject>

class Database;
class TaskStore;

// Storyboards in the database: boards, their shots in film order, and the take chosen per shot. A shot's
// takes are tasks sent as batch jobs under the shot's key prefix (written with their task rows, before
// their requests leave), so every take survives a crash and is never sent twice.
class BoardStore : public QObject
{
    Q_OBJECT
public:
    struct Summary
    {
        qint64 id = 0;
        QString title;
        int shots = 0;
        QDateTime updatedAt;
    };

    BoardStore(Database *database, TaskStore *tasks, QObject *parent = nullptr);

    // Newest change first.
    QList<Summary> boards() const;
    Board board(qint64 id) const; // id 0 when there is no such board
    BoardShot shot(qint64 id) const;

    qint64 createBoard(const QString &title);
    // A board read from a file (or planned by the chat), with its shots, in one transaction.
    qint64 importBoard(const Board &board);
    bool renameBoard(qint64 id, const QString &title);
    // The board and its shots go; their takes stay in the Library.
    bool removeBoard(qint64 id);

    // At position (or at the end when -1); returns the new shot's id, 0 on failure.
    qint64 addShot(qint64 boardId, const BoardShot &shot, int position = -1);
    // A copy right after it (without its takes).
    qint64 duplicateShot(qint64 shotId);
    // The model, settings, pictures and chaining of the shot (not its place nor its chosen take).
    bool updateShot(const BoardShot &shot);
    bool removeShot(qint64 shotId);
    bool moveShot(qint64 shotId, int toPosition);
    bool chooseTake(qint64 shotId, qint64 taskRow);

    // The batch job keys of a shot's takes start with this.
    static QString takeKeyPrefix(qint64 shotId);
    static QString newTakeKey(qint64 shotId);
    // The shot a take's key belongs to (0 when it is not a take's key).
    static qint64 shotOfTakeKey(const QString &key);
    QList<VideoTask> takes(qint64 shotId) const;

signals:
    void boardsChanged();
    void boardChanged(qint64 boardId);

private:
    bool touch(qint64 boardId);
    bool renumber(qint64 boardId, const QList<qint64> &order);
    QList<qint64> shotOrder(qint64 boardId) const;

    Database *m_db;
    TaskStore *m_tasks;
};
