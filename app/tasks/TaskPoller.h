#pragma once

#include "store/TaskStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

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
};

// One scheduler for every unfinished video task: asks /llmage/tasks with back-off and jitter under a
// global rate cap, records what the platform says, and never marks a task failed because of the network
// (a timeout, a 5xx or an unreadable reply just means "ask again later").
class TaskPoller : public QObject
{
    Q_OBJECT
public:
    TaskPoller(PlatformClient *client, TaskStore *store, QObject *parent = nullptr);

    // Applies at once: tasks already waiting are asked no later than the new first delay.
    void setPolicy(const PollPolicy &policy);
    const PollPolicy &policy() const { return m_policy; }

    // Picks up every unfinished task in the store (app start). Tasks that were being submitted when the
    // app stopped have no task id: they become "unknown" (check the platform).
    void resumeAll();
    void watch(const VideoTask &task);
    void unwatch(qint64 id);
    // Asks again soon (a user's "check now").
    void checkSoon(qint64 id);
    bool isWatching(qint64 id) const { return m_entries.contains(id); }
    int watchedCount() const { return int(m_entries.size()); }
    qint64 requestsSent() const { return m_requests; }

signals:
    void taskUpdated(const VideoTask &task);
    void taskSucceeded(const VideoTask &task);
    void taskFailed(const VideoTask &task);
    void watchedCountChanged(int count);

private:
    struct Entry
    {
        qint64 id = 0;
        QString taskId;
        qint64 dueMs = 0;
        int intervalMs = 0;
        bool inFlight = false;
    };

    void schedule();
    void onTimer();
    void poll(Entry &entry);
    void onReply(qint64 id, const QJsonObject &reply);
    void retryLater(qint64 id);
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
