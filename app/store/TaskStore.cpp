#include "store/TaskStore.h"

#include "core/Log.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace {
QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

const char *Columns = "id, created_at, updated_at, mode, llmid, model, prompt, params, images, state, taskid,"
                      " platform_status, error, error_code, video_url, cover_url, usage, video_path, cover_path, request_bytes,"
                      " deadline_at, succeeded_at, session, favourite, comparison";

QDateTime timeOf(const QVariant &v)
{
    const qint64 ms = v.toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

VideoTask taskFrom(const QSqlQuery &q)
{
    VideoTask t;
    t.id = q.value(0).toLongLong();
    t.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
    t.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong());
    t.mode = q.value(3).toString();
    t.llmid = q.value(4).toString();
    t.modelName = q.value(5).toString();
    t.prompt = q.value(6).toString();
    t.params = object(q.value(7));
    t.images = object(q.value(8));
    t.state = VideoTask::stateFromName(q.value(9).toString());
    t.taskId = q.value(10).toString();
    t.platformStatus = q.value(11).toString();
    t.error = q.value(12).toString();
    t.errorCode = q.value(13).toString();
    t.videoUrl = q.value(14).toString();
    t.coverUrl = q.value(15).toString();
    t.usage = object(q.value(16));
    t.videoPath = q.value(17).toString();
    t.coverPath = q.value(18).toString();
    t.requestBytes = q.value(19).toLongLong();
    t.deadline = timeOf(q.value(20));
    t.succeededAt = timeOf(q.value(21));
    t.session = q.value(22).toString();
    t.favourite = q.value(23).toInt() != 0;
    t.comparison = q.value(24).toString();
    return t;
}

void bindAll(QSqlQuery &q, const VideoTask &t)
{
    q.addBindValue(t.updatedAt.toMSecsSinceEpoch());
    q.addBindValue(Database::text(t.mode));
    q.addBindValue(Database::text(t.llmid));
    q.addBindValue(Database::text(t.modelName));
    q.addBindValue(Database::text(t.prompt));
    q.addBindValue(json(t.params));
    q.addBindValue(json(t.images));
    q.addBindValue(VideoTask::stateName(t.state));
    q.addBindValue(Database::text(t.taskId));
    q.addBindValue(Database::text(t.platformStatus));
    q.addBindValue(Database::text(t.error));
    q.addBindValue(Database::text(t.errorCode));
    q.addBindValue(Database::text(t.videoUrl));
    q.addBindValue(Database::text(t.coverUrl));
    q.addBindValue(json(t.usage));
    q.addBindValue(Database::text(t.videoPath));
    q.addBindValue(Database::text(t.coverPath));
    q.addBindValue(t.requestBytes);
    q.addBindValue(t.deadline.isValid() ? t.deadline.toMSecsSinceEpoch() : 0);
    q.addBindValue(t.succeededAt.isValid() ? t.succeededAt.toMSecsSinceEpoch() : 0);
    q.addBindValue(Database::text(t.session));
}
} // namespace

QString VideoTask::stateName(State state)
{
    switch (state) {
    case State::Submitting: return QStringLiteral("submitting");
    case State::Queued: return QStringLiteral("queued");
    case State::Running: return QStringLiteral("running");
    case State::Succeeded: return QStringLiteral("succeeded");
    case State::Failed: return QStringLiteral("failed");
    case State::Rejected: return QStringLiteral("rejected");
    case State::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

VideoTask::State VideoTask::stateFromName(const QString &name)
{
    for (State s : {State::Submitting, State::Queued, State::Running, State::Succeeded, State::Failed, State::Rejected})
        if (stateName(s) == name)
            return s;
    return State::Unknown;
}

bool VideoTask::isFinished() const
{
    return state == State::Succeeded || state == State::Failed || state == State::Rejected;
}

TaskStore::TaskStore(Database *database, QString filesDir, QObject *parent)
    : QObject(parent), m_db(database), m_filesDir(std::move(filesDir))
{
    qRegisterMetaType<VideoTask>();
}

QString TaskStore::filesDir(qint64 id) const
{
    return QDir(m_filesDir).filePath(QString::number(id));
}

qint64 TaskStore::add(VideoTask &t, const QString &batchJobKey, const QString &batch, int line)
{
    if (!t.createdAt.isValid())
        t.createdAt = QDateTime::currentDateTime();
    t.updatedAt = t.createdAt;
    QSqlDatabase db = m_db->db();
    if (!db.transaction()) {
        qCWarning(lcStore) << "task insert failed:" << db.lastError().text();
        return 0;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO video_tasks (updated_at, mode, llmid, model, prompt, params, images, state, taskid,"
                             " platform_status, error, error_code, video_url, cover_url, usage, video_path, cover_path,"
                             " request_bytes, deadline_at, succeeded_at, session, created_at, favourite, comparison)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAll(q, t);
    q.addBindValue(t.createdAt.toMSecsSinceEpoch());
    q.addBindValue(t.favourite ? 1 : 0);
    q.addBindValue(Database::text(t.comparison));
    if (!q.exec()) {
        qCWarning(lcStore) << "task insert failed:" << q.lastError().text();
        db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (!batchJobKey.isEmpty()) {
        QSqlQuery j(db);
        j.prepare(QStringLiteral("INSERT INTO batch_jobs (job_key, batch, task_row, line, created_at) VALUES (?, ?, ?, ?, ?)"));
        j.addBindValue(batchJobKey);
        j.addBindValue(Database::text(batch));
        j.addBindValue(id);
        j.addBindValue(line);
        j.addBindValue(t.createdAt.toMSecsSinceEpoch());
        if (!j.exec()) {
            qCWarning(lcStore) << "batch job insert failed:" << j.lastError().text();
            db.rollback();
            return 0;
        }
    }
    if (!db.commit()) {
        qCWarning(lcStore) << "task insert failed:" << db.lastError().text();
        db.rollback();
        return 0;
    }
    t.id = id;
    remember(t);
    emit taskChanged(t);
    return t.id;
}

qint64 TaskStore::batchJobTask(const QString &jobKey) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT b.task_row, t.id FROM batch_jobs b LEFT JOIN video_tasks t ON t.id = b.task_row"
                             " WHERE b.job_key = ?"));
    q.addBindValue(jobKey);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(1).isNull() ? -1 : q.value(0).toLongLong();
}

QList<VideoTask> TaskStore::batchJobTasks(const QString &keyPrefix) const
{
    QList<VideoTask> list;
    if (keyPrefix.isEmpty())
        return list;
    // A range on the key (its primary index) rather than LIKE, which SQLite cannot read from an index here.
    QString upper = keyPrefix;
    upper.back() = QChar(upper.back().unicode() + 1);
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT t.%1 FROM batch_jobs b JOIN video_tasks t ON t.id = b.task_row"
                             " WHERE b.job_key >= ? AND b.job_key < ? ORDER BY t.id")
                  .arg(QString::fromLatin1(Columns).replace(QLatin1String(", "), QLatin1String(", t."))));
    q.addBindValue(keyPrefix);
    q.addBindValue(upper);
    if (!q.exec()) {
        qCWarning(lcStore) << "batch job query failed:" << q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(taskFrom(q));
    return list;
}

bool TaskStore::update(const VideoTask &task)
{
    VideoTask t = task;
    t.updatedAt = QDateTime::currentDateTime();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE video_tasks SET updated_at = ?, mode = ?, llmid = ?, model = ?, prompt = ?, params = ?,"
                             " images = ?, state = ?, taskid = ?, platform_status = ?, error = ?, error_code = ?,"
                             " video_url = ?, cover_url = ?, usage = ?, video_path = ?, cover_path = ?, request_bytes = ?,"
                             " deadline_at = ?, succeeded_at = ?, session = ? WHERE id = ?"));
    bindAll(q, t);
    q.addBindValue(t.id);
    if (!q.exec()) {
        qCWarning(lcStore) << "task update failed:" << q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        // The task was deleted meanwhile (here or by another process): nothing to tell anyone.
        qCInfo(lcStore) << "task update matched no row:" << t.id;
        return false;
    }
    // The copy updated may be older than the star: tell listeners the stored one.
    QSqlQuery star(m_db->db());
    star.prepare(QStringLiteral("SELECT favourite FROM video_tasks WHERE id = ?"));
    star.addBindValue(t.id);
    if (star.exec() && star.next())
        t.favourite = star.value(0).toInt() != 0;
    remember(t);
    emit taskChanged(t);
    return true;
}

bool TaskStore::remove(qint64 id, bool deleteDownloads)
{
    const VideoTask t = task(id);
    if (t.id == 0)
        return false;
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("DELETE FROM video_tasks WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return false;
    m_known.remove(id);
    m_removedHere.insert(id);
    QDir(filesDir(id)).removeRecursively();
    if (deleteDownloads) {
        for (const QString &path : {t.videoPath, t.coverPath})
            if (!path.isEmpty())
                QFile::remove(path);
    }
    emit taskRemoved(id);
    return true;
}

VideoTask TaskStore::task(qint64 id) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT %1 FROM video_tasks WHERE id = ?").arg(QLatin1String(Columns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return taskFrom(q);
    return {};
}

QList<VideoTask> TaskStore::tasks() const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    QList<VideoTask> list;
    if (!q.exec(QStringLiteral("SELECT %1 FROM video_tasks ORDER BY created_at DESC, id DESC").arg(QLatin1String(Columns))))
        return list;
    while (q.next())
        list.append(taskFrom(q));
    return list;
}

QList<VideoTask> TaskStore::tasksInStates(const QList<VideoTask::State> &states) const
{
    QStringList names;
    for (VideoTask::State state : states)
        names << QStringLiteral("'%1'").arg(VideoTask::stateName(state)); // fixed words, never user text
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    QList<VideoTask> list;
    if (names.isEmpty()
        || !q.exec(QStringLiteral("SELECT %1 FROM video_tasks WHERE state IN (%2) ORDER BY created_at DESC, id DESC")
                       .arg(QLatin1String(Columns), names.join(QLatin1Char(',')))))
        return list;
    while (q.next())
        list.append(taskFrom(q));
    return list;
}

QList<VideoTask> TaskStore::downloadsToResume() const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    QList<VideoTask> list;
    // The partial index holds just these rows (the planner would rather read every succeeded task).
    if (!q.exec(QStringLiteral("SELECT %1 FROM video_tasks INDEXED BY tasks_to_download WHERE state = 'succeeded' AND video_url <> ''"
                               " AND error_code <> 'expired' AND (video_path = '' OR (cover_url <> '' AND cover_path = ''))"
                               " ORDER BY created_at DESC, id DESC")
                    .arg(QLatin1String(Columns))))
        return list;
    while (q.next())
        list.append(taskFrom(q));
    return list;
}

int TaskStore::unfinishedCount() const
{
    QSqlQuery q(m_db->db());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM video_tasks WHERE state IN ('submitting', 'queued', 'running')")) && q.next()
               ? q.value(0).toInt()
               : 0;
}

QStringList TaskStore::promptHistory(const QString &mode, int limit) const
{
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT prompt FROM video_tasks WHERE mode = ? AND prompt <> '' GROUP BY prompt"
                             " ORDER BY MAX(created_at) DESC LIMIT ?"));
    q.addBindValue(mode);
    q.addBindValue(limit);
    QStringList list;
    if (q.exec())
        while (q.next())
            list.append(q.value(0).toString());
    return list;
}

bool TaskStore::setFavourite(qint64 id, bool favourite)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("UPDATE video_tasks SET favourite = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(favourite ? 1 : 0);
    q.addBindValue(now);
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return false;
    const VideoTask t = task(id);
    remember(t);
    emit taskChanged(t);
    return true;
}

QList<VideoTask> TaskStore::comparison(const QString &comparison) const
{
    QList<VideoTask> list;
    if (comparison.isEmpty())
        return list;
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM video_tasks WHERE comparison = ? ORDER BY id").arg(QLatin1String(Columns)));
    q.addBindValue(comparison);
    if (q.exec())
        while (q.next())
            list.append(taskFrom(q));
    return list;
}

QList<QPair<QJsonObject, QJsonObject>> TaskStore::paramsAndUsage(const QString &llmid, int limit) const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT params, usage FROM video_tasks WHERE state = 'succeeded' AND llmid = ?"
                             " ORDER BY created_at DESC, id DESC LIMIT ?"));
    q.addBindValue(llmid);
    q.addBindValue(limit);
    QList<QPair<QJsonObject, QJsonObject>> list;
    if (q.exec())
        while (q.next())
            list.append({object(q.value(0)), object(q.value(1))});
    return list;
}

qint64 TaskStore::dataVersion() const
{
    QSqlQuery q(m_db->db());
    return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 TaskStore::lastChange() const
{
    // sqlite_sequence rather than MAX(seq): the log may have been trimmed to nothing, and the next entry
    // still follows the last one ever written.
    QSqlQuery q(m_db->db());
    return q.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'task_changes'")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

void TaskStore::watchOutsideChanges(int intervalMs)
{
    if (!m_outsideTimer) {
        m_outsideTimer = new QTimer(this);
        m_outsideTimer->setTimerType(Qt::CoarseTimer);
        connect(m_outsideTimer, &QTimer::timeout, this, &TaskStore::checkForOutsideChanges);
    }
    if (m_dataVersion < 0) {
        // What is there now is what this process starts from: two single-row reads, whatever the history.
        m_dataVersion = dataVersion();
        m_lastChange = lastChange();
        m_lastLookMs = QDateTime::currentMSecsSinceEpoch();
    }
    m_outsideTimer->start(intervalMs);
}

void TaskStore::trimChangeLog()
{
    // A day of writes is kept: every process running reads the log each second, so only one stopped for
    // longer (a debugger, SIGSTOP) can miss entries, and it then falls back on the rows' update times.
    // The oldest entries are the first by seq: the scan stops at the first one to keep.
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral(
        "DELETE FROM task_changes WHERE seq < IFNULL((SELECT seq FROM task_changes WHERE at >= ?"
        " ORDER BY seq LIMIT 1), 9223372036854775807)"));
    q.addBindValue(QDateTime::currentSecsSinceEpoch() - 24 * 3600);
    if (!q.exec())
        qCWarning(lcStore) << "task change log not trimmed:" << q.lastError().text();
}

bool TaskStore::changesSinceLastLook(QList<qint64> *ids, qint64 *last) const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, task_id FROM task_changes WHERE seq > ? ORDER BY seq"));
    q.addBindValue(m_lastChange);
    if (!q.exec())
        return false;
    QSet<qint64> seen;
    *last = m_lastChange;
    bool complete = true;
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        if (*last == m_lastChange && seq != m_lastChange + 1)
            complete = false; // the entries right after the last one read were trimmed
        *last = seq;
        const qint64 id = q.value(1).toLongLong();
        if (!seen.contains(id)) {
            seen.insert(id);
            ids->append(id);
        }
    }
    return complete;
}

QList<qint64> TaskStore::rowsUpdatedSince(qint64 msecs) const
{
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM video_tasks INDEXED BY tasks_by_update WHERE updated_at >= ?"
                             " ORDER BY updated_at"));
    q.addBindValue(msecs);
    QList<qint64> ids;
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

void TaskStore::checkForOutsideChanges()
{
    if (!m_db->isOpen())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 version = dataVersion();
    if (version == m_dataVersion) {
        // No other connection committed anything: the log's newer entries are all this process's own.
        if (now >= m_nextTrimMs) {
            // At the first check rather than at start-up (it writes), then hourly for a process left
            // running. First past its own entries (read before data_version, so none of another's slips
            // by), so that trimming them does not look like entries missed.
            m_nextTrimMs = now + 3600 * 1000;
            const qint64 mine = lastChange();
            if (dataVersion() == m_dataVersion) {
                m_lastChange = mine;
                m_lastLookMs = now;
            }
            trimChangeLog();
        }
        return;
    }
    m_dataVersion = version;
    QList<qint64> written;
    qint64 last = m_lastChange;
    if (!changesSinceLastLook(&written, &last)) {
        // Missed entries: what changed is told by the rows' update times (a minute of slack for a write
        // stamped before it committed); a deletion missed so is not seen, and a later update of that row
        // fails quietly (update() returns false).
        qCWarning(lcStore) << "task change log trimmed past this process's last look; reading update times";
        written = rowsUpdatedSince(m_lastLookMs - 60000);
        m_removedHere.clear();
    }
    m_lastChange = last;
    m_lastLookMs = now;
    announceOutside(written);
}

void TaskStore::announceOutside(const QList<qint64> &written)
{
    for (qint64 id : written) {
        const VideoTask t = task(id);
        if (t.id == 0) {
            // Deleted: by this process (announced when it happened) or by another.
            if (!m_removedHere.remove(id)) {
                m_known.remove(id);
                emit taskRemoved(id);
            }
            continue;
        }
        const auto known = m_known.constFind(id);
        if (known != m_known.cend() && known.value() == t.updatedAt.toMSecsSinceEpoch())
            continue; // this process's own write, already announced
        remember(t);
        emit taskChanged(t);
        emit taskChangedOutside(t);
    }
}
