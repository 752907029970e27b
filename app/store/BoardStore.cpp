#include "store/BoardStore.h"

#include "core/Log.h"
#include "store/Database.h"
#include "store/TaskStore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
QString settingsJson(const QVariantMap &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(values)).toJson(QJsonDocument::Compact));
}

QString imagesJson(const QMap<QString, QString> &images)
{
    QJsonObject o;
    for (auto it = images.cbegin(); it != images.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const char *ShotColumns = "id, board_id, position, llmid, settings, images, chained, chosen_task";

BoardShot shotFrom(const QSqlQuery &q)
{
    BoardShot s;
    s.id = q.value(0).toLongLong();
    s.boardId = q.value(1).toLongLong();
    s.position = q.value(2).toInt();
    s.llmid = q.value(3).toString();
    s.values = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object().toVariantMap();
    const QJsonObject images = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    for (auto it = images.constBegin(); it != images.constEnd(); ++it)
        s.images.insert(it.key(), it->toString());
    s.chained = q.value(6).toInt() != 0;
    s.chosenTask = q.value(7).toLongLong();
    return s;
}

bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcStore) << "board query failed:" << q.lastError().text();
    return false;
}
} // namespace

BoardStore::BoardStore(Database *database, TaskStore *tasks, QObject *parent) : QObject(parent), m_db(database), m_tasks(tasks)
{
}

QList<BoardStore::Summary> BoardStore::boards() const
{
    QList<Summary> list;
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT b.id, b.title, b.updated_at, (SELECT COUNT(*) FROM board_shots s WHERE s.board_id = b.id)"
                             " FROM boards b ORDER BY b.updated_at DESC, b.id DESC"));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(3).toInt(),
                     QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong())});
    return list;
}

Board BoardStore::board(qint64 id) const
{
    Board b;
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id, title, created_at, updated_at FROM boards WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q) || !q.next())
        return b;
    b.id = q.value(0).toLongLong();
    b.title = q.value(1).toString();
    b.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong());
    b.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong());
    QSqlQuery s(m_db->db());
    s.prepare(QStringLiteral("SELECT %1 FROM board_shots WHERE board_id = ? ORDER BY position, id").arg(QLatin1String(ShotColumns)));
    s.addBindValue(id);
    if (run(s))
        while (s.next())
            b.shots.append(shotFrom(s));
    return b;
}

BoardShot BoardStore::shot(qint64 id) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT %1 FROM board_shots WHERE id = ?").arg(QLatin1String(ShotColumns)));
    q.addBindValue(id);
    if (!run(q) || !q.next())
        return {};
    return shotFrom(q);
}

qint64 BoardStore::createBoard(const QString &title)
{
    Board b;
    b.title = title;
    return importBoard(b);
}

qint64 BoardStore::importBoard(const Board &board)
{
    QSqlDatabase db = m_db->db();
    if (!db.transaction())
        return 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO boards (title, created_at, updated_at) VALUES (?, ?, ?)"));
    q.addBindValue(Database::text(board.title));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!run(q)) {
        db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    int position = 0;
    for (const BoardShot &s : board.shots) {
        QSqlQuery i(db);
        i.prepare(QStringLiteral("INSERT INTO board_shots (board_id, position, llmid, settings, images, chained) VALUES (?, ?, ?, ?, ?, ?)"));
        i.addBindValue(id);
        i.addBindValue(position++);
        i.addBindValue(Database::text(s.llmid));
        i.addBindValue(settingsJson(s.values));
        i.addBindValue(imagesJson(s.images));
        i.addBindValue(s.chained ? 1 : 0);
        if (!run(i)) {
            db.rollback();
            return 0;
        }
    }
    if (!db.commit()) {
        db.rollback();
        return 0;
    }
    emit boardsChanged();
    return id;
}

bool BoardStore::renameBoard(qint64 id, const QString &title)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE boards SET title = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(Database::text(title));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!run(q) || q.numRowsAffected() != 1)
        return false;
    emit boardsChanged();
    emit boardChanged(id);
    return true;
}

bool BoardStore::removeBoard(qint64 id)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("DELETE FROM boards WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q) || q.numRowsAffected() != 1)
        return false;
    emit boardsChanged();
    return true;
}

bool BoardStore::touch(qint64 boardId)
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE boards SET updated_at = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(boardId);
    return run(q) && q.numRowsAffected() == 1;
}

QList<qint64> BoardStore::shotOrder(qint64 boardId) const
{
    QList<qint64> order;
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT id FROM board_shots WHERE board_id = ? ORDER BY position, id"));
    q.addBindValue(boardId);
    if (run(q))
        while (q.next())
            order.append(q.value(0).toLongLong());
    return order;
}

bool BoardStore::renumber(qint64 boardId, const QList<qint64> &order)
{
    for (int i = 0; i < order.size(); ++i) {
        QSqlQuery q(m_db->db());
        q.prepare(QStringLiteral("UPDATE board_shots SET position = ? WHERE id = ? AND board_id = ?"));
        q.addBindValue(i);
        q.addBindValue(order.at(i));
        q.addBindValue(boardId);
        if (!run(q))
            return false;
    }
    return touch(boardId);
}

qint64 BoardStore::addShot(qint64 boardId, const BoardShot &shot, int position)
{
    QSqlDatabase db = m_db->db();
    if (!db.transaction())
        return 0;
    QList<qint64> order = shotOrder(boardId);
    QSqlQuery i(db);
    i.prepare(QStringLiteral("INSERT INTO board_shots (board_id, position, llmid, settings, images, chained) VALUES (?, ?, ?, ?, ?, ?)"));
    i.addBindValue(boardId);
    i.addBindValue(int(order.size()));
    i.addBindValue(Database::text(shot.llmid));
    i.addBindValue(settingsJson(shot.values));
    i.addBindValue(imagesJson(shot.images));
    i.addBindValue(shot.chained ? 1 : 0);
    if (!run(i)) {
        db.rollback();
        return 0;
    }
    const qint64 id = i.lastInsertId().toLongLong();
    order.insert(position < 0 || position > order.size() ? order.size() : position, id);
    if (!renumber(boardId, order) || !db.commit()) {
        db.rollback();
        return 0;
    }
    emit boardChanged(boardId);
    emit boardsChanged();
    return id;
}

qint64 BoardStore::duplicateShot(qint64 shotId)
{
    const BoardShot s = shot(shotId);
    if (s.id == 0)
        return 0;
    return addShot(s.boardId, s, s.position + 1);
}

bool BoardStore::updateShot(const BoardShot &s)
{
    QSqlDatabase db = m_db->db();
    if (!db.transaction())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE board_shots SET llmid = ?, settings = ?, images = ?, chained = ? WHERE id = ? AND board_id = ?"));
    q.addBindValue(Database::text(s.llmid));
    q.addBindValue(settingsJson(s.values));
    q.addBindValue(imagesJson(s.images));
    q.addBindValue(s.chained ? 1 : 0);
    q.addBindValue(s.id);
    q.addBindValue(s.boardId);
    if (!run(q) || q.numRowsAffected() != 1 || !touch(s.boardId) || !db.commit()) {
        db.rollback();
        return false;
    }
    emit boardChanged(s.boardId);
    return true;
}

bool BoardStore::removeShot(qint64 shotId)
{
    const BoardShot s = shot(shotId);
    if (s.id == 0)
        return false;
    QSqlDatabase db = m_db->db();
    if (!db.transaction())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM board_shots WHERE id = ?"));
    q.addBindValue(shotId);
    QList<qint64> order = shotOrder(s.boardId);
    order.removeAll(shotId);
    if (!run(q) || !renumber(s.boardId, order) || !db.commit()) {
        db.rollback();
        return false;
    }
    emit boardChanged(s.boardId);
    emit boardsChanged();
    return true;
}

bool BoardStore::moveShot(qint64 shotId, int toPosition)
{
    const BoardShot s = shot(shotId);
    if (s.id == 0)
        return false;
    QList<qint64> order = shotOrder(s.boardId);
    const int from = int(order.indexOf(shotId));
    toPosition = qBound(0, toPosition, int(order.size()) - 1);
    if (from < 0)
        return false;
    if (from == toPosition)
        return true;
    order.move(from, toPosition);
    QSqlDatabase db = m_db->db();
    if (!db.transaction())
        return false;
    if (!renumber(s.boardId, order) || !db.commit()) {
        db.rollback();
        return false;
    }
    emit boardChanged(s.boardId);
    return true;
}

bool BoardStore::chooseTake(qint64 shotId, qint64 taskRow)
{
    const BoardShot s = shot(shotId);
    if (s.id == 0)
        return false;
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE board_shots SET chosen_task = ? WHERE id = ?"));
    q.addBindValue(taskRow);
    q.addBindValue(shotId);
    if (!run(q) || q.numRowsAffected() != 1)
        return false;
    touch(s.boardId);
    emit boardChanged(s.boardId);
    return true;
}

QString BoardStore::takeKeyPrefix(qint64 shotId)
{
    return QStringLiteral("shot:%1:").arg(shotId);
}

QString BoardStore::newTakeKey(qint64 shotId)
{
    return takeKeyPrefix(shotId) + QUuid::createUuid().toString(QUuid::Id128);
}

qint64 BoardStore::shotOfTakeKey(const QString &key)
{
    if (!key.startsWith(QLatin1String("shot:")))
        return 0;
    return key.section(QLatin1Char(':'), 1, 1).toLongLong();
}

QList<VideoTask> BoardStore::takes(qint64 shotId) const
{
    return m_tasks->batchJobTasks(takeKeyPrefix(shotId));
}
