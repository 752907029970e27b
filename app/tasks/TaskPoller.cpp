#include "tasks/TaskPoller.h"

#include "api/PlatformClient.h"
#include "core/Log.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

TaskPoller::TaskPoller(PlatformClient *client, TaskStore *store, QObject *parent)
    : QObject(parent), m_client(client), m_store(store)
{
    m_timer.setSingleShot(true);
    // A coarse timer: waking up a few ms late costs nothing and lets the system batch wake-ups.
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TaskPoller::onTimer);
    m_clock.start();
}

void TaskPoller::setPolicy(const PollPolicy &policy)
{
    m_policy = policy;
    const qint64 now = m_clock.elapsed();
    for (Entry &e : m_entries) {
        e.intervalMs = qMin(e.intervalMs, policy.firstDelayMs);
        e.dueMs = qMin(e.dueMs, now + policy.firstDelayMs);
    }
    schedule();
}

qint64 TaskPoller::withJitter(int ms) const
{
    const double spread = (QRandomGenerator::global()->generateDouble() * 2 - 1) * m_policy.jitter;
    return qMax<qint64>(1, qint64(ms * (1 + spread)));
}

void TaskPoller::resumeAll()
{
    for (VideoTask task : m_store->tasks()) {
        if (task.state == VideoTask::State::Submitting) {
            // The app stopped between writing the task and hearing back: the platform may have it.
            task.state = VideoTask::State::Unknown;
            task.errorCode = QStringLiteral("interrupted");
            task.error = tr("The app stopped before the platform answered this submission. It may or may not have been "
                            "created: check on the platform before submitting it again.");
            m_store->update(task);
            emit taskUpdated(task);
            continue;
        }
        if ((task.state == VideoTask::State::Queued || task.state == VideoTask::State::Running) && !task.taskId.isEmpty())
            watch(task);
    }
}

void TaskPoller::watch(const VideoTask &task)
{
    if (task.taskId.isEmpty())
        return;
    Entry e;
    e.id = task.id;
    e.taskId = task.taskId;
    e.intervalMs = m_policy.firstDelayMs;
    e.dueMs = m_clock.elapsed() + withJitter(m_policy.firstDelayMs);
    const bool added = !m_entries.contains(task.id);
    if (!added)
        e.inFlight = m_entries.value(task.id).inFlight;
    m_entries.insert(task.id, e);
    if (added)
        emit watchedCountChanged(watchedCount());
    schedule();
}

void TaskPoller::unwatch(qint64 id)
{
    if (m_entries.remove(id)) {
        emit watchedCountChanged(watchedCount());
        schedule();
    }
}

void TaskPoller::checkSoon(qint64 id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->dueMs = m_clock.elapsed();
    it->intervalMs = m_policy.firstDelayMs;
    schedule();
}

void TaskPoller::schedule()
{
    // Nothing to do, or all slots busy: a finishing request calls schedule() again.
    if (m_entries.isEmpty() || m_inFlight >= m_policy.maxInFlight) {
        m_timer.stop();
        return;
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Entry &e : std::as_const(m_entries))
        if (!e.inFlight)
            next = qMin(next, e.dueMs);
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_clock.elapsed();
    // Never sooner than the rate cap allows.
    const double refill = m_tokens + (now - m_tokensAtMs) * m_policy.maxPerSecond / 1000.0;
    if (refill < 1)
        next = qMax(next, now + qint64((1 - refill) * 1000.0 / m_policy.maxPerSecond) + 1);
    m_timer.start(int(qBound<qint64>(0, next - now, qint64(24) * 3600 * 1000)));
}

void TaskPoller::onTimer()
{
    const qint64 now = m_clock.elapsed();
    m_tokens = qMin(1.0, m_tokens + (now - m_tokensAtMs) * m_policy.maxPerSecond / 1000.0);
    m_tokensAtMs = now;
    QList<Entry *> due;
    for (Entry &e : m_entries)
        if (!e.inFlight && e.dueMs <= now)
            due.append(&e);
    std::sort(due.begin(), due.end(), [](const Entry *a, const Entry *b) { return a->dueMs < b->dueMs; });
    for (Entry *e : due) {
        if (m_tokens < 1 || m_inFlight >= m_policy.maxInFlight)
            break;
        m_tokens -= 1;
        poll(*e);
    }
    schedule();
}

void TaskPoller::poll(Entry &entry)
{
    entry.inFlight = true;
    ++m_inFlight;
    ++m_requests;
    // The id both ways: the server reads either.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("taskid"), entry.taskId);
    ApiCall *call = m_client->postJson(QStringLiteral("/llmage/tasks"), {{QStringLiteral("taskid"), entry.taskId}}, query);
    call->setInBandErrorsAreFailures(false);
    const qint64 id = entry.id;
    connect(call, &ApiCall::succeeded, this, [this, id](const QJsonDocument &doc) { onReply(id, doc.object()); });
    connect(call, &ApiCall::failed, this, [this, id](const ApiError &error) {
        qCInfo(lcApi) << "task poll failed, will ask again:" << error.code();
        retryLater(id);
    });
    connect(call, &ApiCall::finished, this, [this, id] {
        --m_inFlight;
        auto it = m_entries.find(id);
        if (it != m_entries.end())
            it->inFlight = false;
        schedule();
    });
}

void TaskPoller::retryLater(qint64 id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->intervalMs = qMin(m_policy.maxIntervalMs, int(it->intervalMs * m_policy.growth));
    it->dueMs = m_clock.elapsed() + withJitter(it->intervalMs);
}

void TaskPoller::onReply(qint64 id, const QJsonObject &reply)
{
    if (!m_entries.contains(id))
        return; // no longer watched
    // Flat, or wrapped as {"status":"ok","data":{…}}.
    QJsonObject o = reply;
    if (reply.value(QLatin1String("data")).isObject())
        o = reply.value(QLatin1String("data")).toObject();
    const QString status = o.value(QLatin1String("status")).toString().trimmed().toUpper();
    VideoTask task = m_store->task(id);
    if (task.id == 0) {
        unwatch(id);
        return;
    }
    if (status.isEmpty()) {
        retryLater(id);
        return;
    }
    task.platformStatus = status;
    if (status == QLatin1String("SUCCEEDED")) {
        const QString video = o.value(QLatin1String("video")).toString().trimmed();
        const QUrl videoUrl(video);
        const QString scheme = videoUrl.scheme().toLower();
        task.usage = o.value(QLatin1String("usage")).toObject();
        task.coverUrl = o.value(QLatin1String("image")).toString().trimmed();
        if (video.isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            // Done, but no link we may follow: say so, and keep asking in case it appears.
            task.state = VideoTask::State::Running;
            task.errorCode = QStringLiteral("no_video");
            task.error = video.isEmpty() ? tr("The platform reports the video as finished but gave no link to it yet.")
                                         : tr("The platform gave a video link the app does not follow (%1).").arg(video.left(80));
            task.videoUrl.clear();
            m_store->update(task);
            emit taskUpdated(task);
            retryLater(id);
            return;
        }
        task.state = VideoTask::State::Succeeded;
        task.videoUrl = video;
        task.error.clear();
        task.errorCode.clear();
        m_store->update(task);
        unwatch(id);
        emit taskUpdated(task);
        emit taskSucceeded(task);
        return;
    }
    if (status == QLatin1String("FAILED") || status == QLatin1String("UNKNOWN")) {
        task.state = VideoTask::State::Failed;
        task.errorCode = status.toLower();
        const QString message = o.value(QLatin1String("error")).toString().trimmed();
        task.error = message.isEmpty() ? (status == QLatin1String("UNKNOWN") ? tr("The platform no longer knows this task.")
                                                                            : tr("The platform reports that the task failed."))
                                       : message;
        m_store->update(task);
        unwatch(id);
        emit taskUpdated(task);
        emit taskFailed(task);
        return;
    }
    task.state = (status == QLatin1String("CREATED") || status == QLatin1String("PENDING")) ? VideoTask::State::Queued
                                                                                            : VideoTask::State::Running;
    task.error.clear();
    task.errorCode.clear();
    m_store->update(task);
    emit taskUpdated(task);
    retryLater(id);
}
