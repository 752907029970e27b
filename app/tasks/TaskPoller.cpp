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

void TaskPoller::resumeAll(const std::function<bool(const QString &)> &sessionIsLive)
{
    for (VideoTask task : m_store->tasksInStates({VideoTask::State::Submitting, VideoTask::State::Queued, VideoTask::State::Running})) {
        if (task.state == VideoTask::State::Submitting) {
            if (sessionIsLive && !task.session.isEmpty() && sessionIsLive(task.session))
                continue; // another process is sending it right now: its answer is still to come
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

bool TaskPoller::checkAgain(qint64 id)
{
    VideoTask task = m_store->task(id);
    if (task.id == 0 || task.taskId.isEmpty())
        return false;
    // As long again as it was first given: a task re-checked after its maximum age gets a new one.
    const qint64 age = task.deadline.isValid() ? qMax<qint64>(3600000, task.createdAt.msecsTo(task.deadline))
                                               : qint64(24) * 3600 * 1000;
    task.deadline = QDateTime::currentDateTime().addMSecs(age);
    if (task.state != VideoTask::State::Succeeded) {
        task.state = VideoTask::State::Queued;
        task.error.clear();
        task.errorCode.clear();
    }
    if (!m_store->update(task))
        return false;
    emit taskUpdated(task);
    watch(task);
    if (task.state == VideoTask::State::Succeeded)
        m_entries[id].refresh = true;
    checkSoon(id);
    return true;
}

bool TaskPoller::setPlatformTaskId(qint64 id, const QString &taskId)
{
    VideoTask task = m_store->task(id);
    const QString trimmed = taskId.trimmed();
    if (task.id == 0 || trimmed.isEmpty() || task.state != VideoTask::State::Unknown)
        return false;
    task.taskId = trimmed;
    if (!m_store->update(task))
        return false;
    return checkAgain(id);
}

void TaskPoller::refreshLinks(qint64 id)
{
    const VideoTask task = m_store->task(id);
    if (task.id == 0 || task.taskId.isEmpty())
        return;
    watch(task);
    m_entries[id].refresh = true;
    checkSoon(id);
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
        VideoTask task = m_store->task(e->id);
        if (task.id == 0) {
            unwatch(e->id);
            return; // the entries changed: the next turn picks up the rest
        }
        if (!e->refresh && pastDeadline(task))
            return;
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

bool TaskPoller::pastDeadline(VideoTask &task)
{
    if (!task.deadline.isValid() || QDateTime::currentDateTime() < task.deadline)
        return false;
    // The platform starts its checker once, at submission: after a restart of the platform a task can stay
    // RUNNING for ever. Past its maximum age it is not failed (it may still arrive), it is unknown.
    unwatch(task.id);
    task.state = VideoTask::State::Unknown;
    task.errorCode = QStringLiteral("max_age");
    task.error = tr("No result within %n hour(s) of submission. The platform may have lost track of it: check on the "
                    "platform, or check again.", nullptr, int(task.createdAt.secsTo(task.deadline) / 3600));
    m_store->update(task);
    emit taskUpdated(task);
    emit taskUnknown(task);
    return true;
}

void TaskPoller::finishFailed(VideoTask &task, const TaskReply &reply)
{
    if (reply.kind == TaskReply::Kind::Unknown) {
        task.state = VideoTask::State::Unknown;
        task.errorCode = QStringLiteral("platform_unknown");
        task.error = reply.error.isEmpty() ? tr("The platform no longer knows the state of this task: check on the platform.")
                                           : reply.error;
    } else {
        task.state = VideoTask::State::Failed;
        task.errorCode = QStringLiteral("failed");
        task.error = reply.saysNotExist() ? tr("The platform does not know this task id (it said so %n time(s) in a row): %1",
                                               nullptr, m_policy.notExistRepeats)
                                                .arg(reply.error)
                     : reply.error.isEmpty() ? tr("The platform reports that the task failed.")
                                             : reply.error;
    }
    // No longer followed before anyone hears of the new state (the Library shows what it can do then).
    unwatch(task.id);
    m_store->update(task);
    emit taskUpdated(task);
    if (task.state == VideoTask::State::Unknown)
        emit taskUnknown(task);
    else
        emit taskFailed(task);
}

void TaskPoller::onReply(qint64 id, const QJsonObject &replyObject)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return; // no longer watched
    VideoTask task = m_store->task(id);
    if (task.id == 0) {
        unwatch(id);
        return;
    }
    const TaskReply reply = TaskReply::parse(replyObject);
    const bool refresh = it->refresh;
    if (reply.kind == TaskReply::Kind::Unreadable) {
        retryLater(id);
        return;
    }
    if (reply.kind == TaskReply::Kind::Failed || reply.kind == TaskReply::Kind::Unknown) {
        if (!reply.namesTask(task.taskId)) {
            retryLater(id); // not an answer about this task
            return;
        }
        if (refresh) {
            // The video was made; the platform just has no links for it any more.
            it->refresh = false;
            unwatch(id);
            emit linksUnavailable(task);
            return;
        }
        const int needed = reply.saysNotExist() ? m_policy.notExistRepeats : m_policy.failureRepeats;
        if (++it->failures < needed) {
            // Said once: perhaps the platform has not stored the task yet, or lost it for a moment. Ask again.
            task.platformStatus = reply.status;
            m_store->update(task);
            it->intervalMs = m_policy.firstDelayMs;
            it->dueMs = m_clock.elapsed() + withJitter(m_policy.confirmDelayMs);
            qCInfo(lcApi) << "task reported" << reply.status << "once; asking again to be sure:" << task.taskId;
            return;
        }
        finishFailed(task, reply);
        return;
    }
    it->failures = 0;
    task.platformStatus = reply.status;
    if (reply.kind == TaskReply::Kind::Succeeded) {
        const QUrl videoUrl(reply.videoUrl);
        const QString scheme = videoUrl.scheme().toLower();
        task.usage = reply.usage.isEmpty() ? task.usage : reply.usage;
        task.coverUrl = reply.coverUrl;
        if (reply.videoUrl.isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            // Done, but no link we may follow: say so, and keep asking in case it appears.
            if (task.state != VideoTask::State::Succeeded)
                task.state = VideoTask::State::Running;
            task.errorCode = QStringLiteral("no_video");
            task.error = reply.videoUrl.isEmpty()
                             ? tr("The platform reports the video as finished but gave no link to it yet.")
                             : tr("The platform gave a video link the app does not follow (%1).").arg(reply.videoUrl.left(80));
            task.videoUrl.clear();
            m_store->update(task);
            emit taskUpdated(task);
            retryLater(id);
            return;
        }
        task.state = VideoTask::State::Succeeded;
        if (!task.succeededAt.isValid())
            task.succeededAt = QDateTime::currentDateTime();
        task.videoUrl = reply.videoUrl;
        task.error.clear();
        task.errorCode.clear();
        unwatch(id);
        m_store->update(task);
        emit taskUpdated(task);
        emit taskSucceeded(task);
        return;
    }
    if (refresh && task.state == VideoTask::State::Succeeded) {
        retryLater(id); // the platform says it is still running: odd, but ask again later
        return;
    }
    task.state = reply.kind == TaskReply::Kind::Queued ? VideoTask::State::Queued : VideoTask::State::Running;
    task.error.clear();
    task.errorCode.clear();
    m_store->update(task);
    emit taskUpdated(task);
    retryLater(id);
}
