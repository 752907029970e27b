#pragma once

#include "store/TaskStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

class PlatformClient;
class QFile;
class QLockFile;
class QNetworkReply;
class QTimer;

// Brings a finished task's video and cover to the library folder: safe file names, written to a
// ".part" file and renamed when complete, resumed with HTTP Range after an interruption, retried with
// back-off. Only http/https links are followed; a link the platform no longer serves is "expired".
class ResultDownloader : public QObject
{
    Q_OBJECT
public:
    ResultDownloader(PlatformClient *client, TaskStore *store, QObject *parent = nullptr);
    ~ResultDownloader() override;

    void setFolder(const QString &folder) { m_folder = folder; }
    QString folder() const { return m_folder; }
    // Delays before retries: first, then doubling up to max, for at most maxAttempts tries.
    void setRetryPolicy(int firstDelayMs, int maxDelayMs, int maxAttempts);

    void download(const VideoTask &task);
    // Stops and forgets a task's download (the task was deleted); its .part file goes with the task.
    void cancel(qint64 id);
    // Fresh links were asked for after a 403/404/410 and the platform has none: the result is gone.
    void markExpired(const VideoTask &task);
    // How many times fresh links are asked for before a result is called expired.
    void setMaxLinkRefreshes(int n) { m_maxRefreshes = n; }
    // Every finished task whose files are missing (app start).
    void resumeAll();
    bool isDownloading(qint64 id) const { return m_jobs.contains(id) || m_queue.contains(id); }
    // At most this many downloads run at once; the rest wait their turn.
    static constexpr int MaxParallel = 3;

    // "20261125-2130_wan2.6-t2v_a-red-panda_936759404378734592": nothing from the server can make a
    // path of it (no separators, no "..", no control characters).
    static QString safeBaseName(const VideoTask &task);

signals:
    void progress(qint64 id, qint64 received, qint64 total);
    void downloaded(const VideoTask &task);
    void downloadFailed(const VideoTask &task, const QString &message);
    // The platform refused a result link (403/404/410): fresh links are needed (TaskPoller::refreshLinks);
    // download() again once they come.
    void linkExpired(const VideoTask &task);

private:
    struct Job
    {
        qint64 id = 0;
        bool cover = false;      // the video first, then the cover
        QString url;
        QString finalPath;
        QString partPath;
        QFile *file = nullptr;
        QLockFile *lock = nullptr; // the .part file has one writer, whatever other process looks at it
        QPointer<QNetworkReply> reply;
        qint64 offset = 0;       // bytes already in the .part file when the request started
        qint64 expectedTotal = -1; // the whole file's size, as the server announced it
        int attempts = 0;
        bool writeError = false;
        bool started = false;
        QString error;
    };

    void start(qint64 id);
    void onReadyRead(qint64 id);
    void onFinished(qint64 id);
    void next(Job &job);
    void fail(qint64 id, const QString &message, const QString &code, bool retry);
    void complete(qint64 id);
    void startQueued();
    void drop(qint64 id);

    PlatformClient *m_client;
    TaskStore *m_store;
    QString m_folder;
    QHash<qint64, Job> m_jobs;
    QList<qint64> m_queue;
    int m_firstDelayMs = 2000;
    int m_maxDelayMs = 60000;
    int m_maxAttempts = 8;
    int m_maxRefreshes = 3;
    QHash<qint64, int> m_refreshes; // fresh links asked for, per task
};
