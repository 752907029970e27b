#pragma once

#include "store/TaskStore.h"
#include "tasks/TaskReply.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

class PlatformClient;

// How often tasks are asked about. The platform checks its vendors every 10-30 s, so asking more often
// than every ~5 s gains nothing.
struct PollPolicy
{
    int firstDelayMs = 5000;   // after submission (or on start)
    int maxIntervalMs = 30000; // the interval grows to this
    double growth = 1.5;       // per check
    double jitter = 0.2;       // ± this fraction, so that many tasks do not ask together
    double maxPerSecond = 5.0; // all tasks together (200 tasks: each asked about every ~40 s)
    int maxInFlight = 4;
    // A FAILED (or UNKNOWN) reply is final only when this many replies in a row say so; "taskid … not
    // exist" (which the platform also says just after a submission) needs notExistRepeats.
    int failureRepeats = 2;
    int notExistRepeats = 3;
    int confirmDelayMs = 5000; // how soon to ask again to confirm a failure
};

// One scheduler for every unfinished video task: asks /llmage/tasks with back-off and jitter under a
// global rate cap, records what the platform says (TaskReply reads it), and never marks a task failed
// because of the network (a timeout, a 5xx or an unreadable reply just means "ask again later") or
// because of one failure reply (the platform says "not exist" just after a submission, and after hiccups).
// A task past its maximum age (VideoTask::deadline) is no longer asked about: it becomes "unknown —
// check on the platform", never failed, and can be checked again.
class TaskPoller : public QObject
{
    Q_OBJECT
public:
    TaskPoller(PlatformClient *client, TaskStore *store, QObject *parent = nullptr);

    // Applies at once: tasks already waiting are asked no later than the new first delay.
    void setPolicy(const PollPolicy &policy);
    const PollPolicy &policy() const { return m_policy; }

    // Picks up every unfinished task in the store (app start). Tasks that were being submitted when the
    // process sending them stopped have no task id: they become "unknown" (check the platform). Those
    // whose session is still live (another process is sending them) are left alone.
    void resumeAll(const std::function<bool(const QString &session)> &sessionIsLive = {});
    void watch(const VideoTask &task);
    void unwatch(qint64 id);
    // Asks again soon (a user's "check now").
    void checkSoon(qint64 id);
    // A user's "check again" on an unknown, failed or expired task: asks the platform anew, with a new
    // maximum age from now. False when there is nothing to ask about (no platform task id).
    bool checkAgain(qint64 id);
    // Gives an unknown task (its submission's answer was lost) the platform task id the user found, and
    // follows it.
    bool setPlatformTaskId(qint64 id, const QString &taskId);
    // A finished task's result links stopped working: ask for fresh ones (taskSucceeded again).
    void refreshLinks(qint64 id);
    bool isWatching(qint64 id) const { return m_entries.contains(id); }
    int watchedCount() const { return int(m_entries.size()); }
    qint64 requestsSent() const { return m_requests; }

signals:
    void taskUpdated(const VideoTask &task);
    void taskSucceeded(const VideoTask &task);
    void taskFailed(const VideoTask &task);
    // The task is past its maximum age, or the platform itself says UNKNOWN: check on the platform.
    void taskUnknown(const VideoTask &task);
    // Fresh links were asked for and the platform gave none: the result is gone.
    void linksUnavailable(const VideoTask &task);
    void watchedCountChanged(int count);

private:
    struct Entry
    {
        qint64 id = 0;
        QString taskId;
        qint64 dueMs = 0;
        int intervalMs = 0;
        bool inFlight = false;
        int failures = 0;       // failure replies in a row
        bool refresh = false;   // asking for fresh result links of a finished task
    };

    void schedule();
    void onTimer();
    void poll(Entry &entry);
    void onReply(qint64 id, const QJsonObject &reply);
    void retryLater(qint64 id);
    bool pastDeadline(VideoTask &task);
    void finishFailed(VideoTask &task, const TaskReply &reply);
    qint64 withJitter(int ms) const;

    PlatformClient *m_client;
    TaskStore *m_store;
    PollPolicy m_policy;
    QHash<qint64, Entry> m_entries;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_tokens = 1;
    qint64 m_tokensAtMs = 0;
    int m_inFlight = 0;
    qint64 m_requests = 0;
};
