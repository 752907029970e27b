#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>

class QTimer;

class Database;

// A video task as the app keeps it, from before it is sent until its file is on disk.
struct VideoTask
{
    // submitting: written, request on its way; queued/running: the platform has it; succeeded/failed:
    // the platform finished it; rejected: the platform refused it (nothing was made); unknown: the
    // request may or may not have reached the platform (check there before sending again).
    enum class State { Submitting, Queued, Running, Succeeded, Failed, Rejected, Unknown };

    qint64 id = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString mode;
    QString llmid;
    QString modelName;
    QString prompt;
    QJsonObject params;  // the form's values, images left out
    QJsonObject images;  // field key → {"file": path} or {"url": link}
    State state = State::Submitting;
    QString taskId;      // the platform's
    QString platformStatus;
    QString error;
    QString errorCode;
    QString videoUrl;
    QString coverUrl;
    QJsonObject usage;
    QString videoPath;
    QString coverPath;
    qint64 requestBytes = 0;
    QDateTime deadline;    // past it, the task is no longer asked about: "unknown, check on the platform"
    QDateTime succeededAt; // when the platform first said SUCCEEDED: result links last ~24 h from then
    QString session;       // the process submitting it (AppSession), while it is Submitting
    QString comparison;    // the comparison (or variations) it was made in, written once with the task
    bool favourite = false; // the user's star; written by setFavourite alone

    static QString stateName(State state);
    static State stateFromName(const QString &name);
    bool isFinished() const;
};
Q_DECLARE_METATYPE(VideoTask)

// Video tasks in the database. A task is written before its request is sent, so nothing paid for is
// ever forgotten.
class TaskStore : public QObject
{
    Q_OBJECT
public:
    TaskStore(Database *database, QString filesDir, QObject *parent = nullptr);

    // Writes a new task. With a batch job key, the job is recorded as sent in the same transaction, so a
    // job is never "sent" without its task row, nor a task row without its job (returns 0 on failure, or
    // when the job key is already recorded).
    qint64 add(VideoTask &task, const QString &batchJobKey = {}, const QString &batch = {}, int line = 0);
    // Writes the task's row; false (and no taskChanged) when the row no longer exists or cannot be written.
    bool update(const VideoTask &task);
    // The star on its own: a task update (from a poll) never overwrites it.
    bool setFavourite(qint64 id, bool favourite);
    // The tasks made in one comparison, oldest first.
    QList<VideoTask> comparison(const QString &comparison) const;
    // Forgets the task (and its prepared pictures); downloaded videos stay unless asked to go too.
    bool remove(qint64 id, bool deleteDownloads);
    VideoTask task(qint64 id) const;
    QList<VideoTask> tasks() const;
    // Only the tasks in these states (start-up reads what it resumes, not the whole history).
    QList<VideoTask> tasksInStates(const QList<VideoTask::State> &states) const;
    // Finished tasks whose video or cover was never stored: what a start resumes downloading.
    QList<VideoTask> downloadsToResume() const;
    // Submitting, queued or running: one count query, without reading the rows.
    int unfinishedCount() const;
    // The latest distinct prompts used in a mode, newest first.
    QStringList promptHistory(const QString &mode, int limit = 30) const;
    // The succeeded tasks of one model, newest first (at most limit): their params and usage, for the
    // cost estimate from this user's own history (CostEstimator).
    QList<QPair<QJsonObject, QJsonObject>> paramsAndUsage(const QString &llmid, int limit = 500) const;
    // The task row a batch job was sent as: 0 when the job was never sent; -1 when it was sent but its
    // task has since been deleted.
    qint64 batchJobTask(const QString &jobKey) const;
    // The tasks sent as batch jobs whose keys start with keyPrefix (a storyboard shot's takes), oldest
    // first; jobs whose task was deleted are left out.
    QList<VideoTask> batchJobTasks(const QString &keyPrefix) const;

    // Another process (the app, or yuanjing) may write the same database: picks up what it changed and
    // announces it through taskChanged/taskRemoved. Cheap when nothing changed (PRAGMA data_version), and
    // otherwise reads only the rows written since the last check (the task_changes log), whatever the
    // size of the history.
    void checkForOutsideChanges();
    void watchOutsideChanges(int intervalMs);

    // Where a task's own files live (prepared images, downloads in progress).
    QString filesDir(qint64 id) const;

signals:
    void taskChanged(const VideoTask &task);
    void taskRemoved(qint64 id);
    // taskChanged for a change made by another process (also announced through taskChanged).
    void taskChangedOutside(const VideoTask &task);

private:
    qint64 dataVersion() const;
    qint64 lastChange() const;
    void trimChangeLog();
    // The rows written since the log was last read, in the order first written; false when the log no
    // longer holds all of them (trimmed while this process was not looking).
    bool changesSinceLastLook(QList<qint64> *ids, qint64 *last) const;
    QList<qint64> rowsUpdatedSince(qint64 msecs) const;
    void announceOutside(const QList<qint64> &written);
    void remember(const VideoTask &task) { m_known.insert(task.id, task.updatedAt.toMSecsSinceEpoch()); }

    Database *m_db;
    QString m_filesDir;
    // Task row → updated_at, for the rows this process wrote or has announced: a row of the log whose
    // update time is the one known here is this process's own write.
    QHash<qint64, qint64> m_known;
    QSet<qint64> m_removedHere; // deleted by this process, already announced; not yet seen in the log
    qint64 m_dataVersion = -1;
    qint64 m_lastChange = 0; // the task_changes entry read last
    qint64 m_lastLookMs = 0;
    qint64 m_nextTrimMs = 0; // the log is trimmed at the first check, then hourly
    QTimer *m_outsideTimer = nullptr;
};
