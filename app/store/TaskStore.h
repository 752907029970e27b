#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>

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

    qint64 add(VideoTask &task);
    bool update(const VideoTask &task);
    // Forgets the task (and its prepared pictures); downloaded videos stay unless asked to go too.
    bool remove(qint64 id, bool deleteDownloads);
    VideoTask task(qint64 id) const;
    QList<VideoTask> tasks() const;
    // The latest distinct prompts used in a mode, newest first.
    QStringList promptHistory(const QString &mode, int limit = 30) const;
    // Where a task's own files live (prepared images, downloads in progress).
    QString filesDir(qint64 id) const;

signals:
    void taskChanged(const VideoTask &task);
    void taskRemoved(qint64 id);

private:
    Database *m_db;
    QString m_filesDir;
};
