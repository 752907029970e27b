#include "storyboard/StoryboardRunner.h"

#include "api/ApiError.h"
#include "media/Media.h"
#include "store/TaskStore.h"
#include "tasks/ResultDownloader.h"
#include "video/VideoSubmitter.h"

#include <QCoreApplication>
#include <QTimer>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StoryboardRunner", text);
}
} // namespace

QString RunShot::stateName(State state)
{
    static const char *names[] = {"waiting", "preparing", "submitting", "running", "done", "failed", "blocked", "uncertain"};
    return QString::fromLatin1(names[int(state)]);
}

StoryboardRunner::StoryboardRunner(VideoSubmitter *submitter, TaskStore *tasks, ResultDownloader *downloader, QObject *parent)
    : QObject(parent), m_submitter(submitter), m_tasks(tasks), m_downloader(downloader), m_next(new QTimer(this))
{
    m_next->setSingleShot(true);
    m_next->setInterval(0);
    connect(m_next, &QTimer::timeout, this, &StoryboardRunner::schedule);
    connect(m_tasks, &TaskStore::taskChanged, this, &StoryboardRunner::onTaskChanged);
    connect(m_downloader, &ResultDownloader::downloadFailed, this, &StoryboardRunner::onDownloadFailed);
    // Another submission (the Studio's) ending frees the submitter for the next shot.
    connect(m_submitter, &VideoSubmitter::busyChanged, this, [this](bool busy) {
        if (!busy && m_running)
            m_next->start();
    });
}

StoryboardRunner::~StoryboardRunner()
{
    for (const QPointer<MediaJob> &job : std::as_const(m_jobs))
        if (job)
            job->cancel();
}

void StoryboardRunner::follow(RunShot &shot, const VideoTask &t)
{
    if (shot.follow < 0 || t.id == 0) {
        shot.state = RunShot::State::Failed;
        shot.why = tr("already sent, but its task was deleted from the store; not sent again");
        return;
    }
    shot.row = t.id;
    if (t.state == VideoTask::State::Submitting || (t.taskId.isEmpty() && t.state != VideoTask::State::Rejected)) {
        shot.state = RunShot::State::Uncertain;
        shot.why = tr("uncertain — sent as task %1, but no answer was recorded; check on the platform; not sent again").arg(t.id);
        return;
    }
    shot.state = RunShot::State::Running;
    takeFrom(shot, t);
}

bool StoryboardRunner::takeFrom(RunShot &shot, const VideoTask &t)
{
    switch (takeOutcome(t)) {
    case TakeOutcome::Pending: return false;
    case TakeOutcome::Downloaded:
        shot.state = RunShot::State::Done;
        shot.video = t.videoPath;
        break;
    case TakeOutcome::Failed:
    case TakeOutcome::NotDownloaded:
        shot.state = RunShot::State::Failed;
        shot.why = t.error;
        break;
    case TakeOutcome::Unknown:
        shot.state = RunShot::State::Uncertain;
        shot.why = t.error;
        break;
    }
    return true;
}

void StoryboardRunner::start(const QList<RunShot> &shots)
{
    m_shots = shots;
    m_submitted = 0;
    m_credits = 0;
    m_stopping = false;
    m_running = true;
    for (RunShot &s : m_shots)
        if (s.follow != 0 && s.state == RunShot::State::Waiting)
            follow(s, m_tasks->task(s.follow));
    m_next->start();
}

void StoryboardRunner::stop()
{
    m_stopping = true;
    m_next->start();
}

void StoryboardRunner::settle(int index, RunShot::State state, const QString &why)
{
    RunShot &s = m_shots[index];
    s.state = state;
    if (!why.isEmpty() || state == RunShot::State::Done)
        s.why = why;
    emit shotChanged(index);
    m_next->start();
}

void StoryboardRunner::schedule()
{
    if (!m_running)
        return;
    int active = 0;
    bool busy = m_submitter->isBusy();
    for (const RunShot &s : std::as_const(m_shots))
        active += s.state == RunShot::State::Running || s.state == RunShot::State::Preparing || s.state == RunShot::State::Submitting;
    const bool capped = m_maxCredits >= 0 && m_credits >= m_maxCredits;
    for (int i = 0; i < m_shots.size(); ++i) {
        RunShot &shot = m_shots[i];
        if (shot.state != RunShot::State::Waiting)
            continue;
        QString previousVideo = shot.chainVideo;
        if (m_stopping) {
            shot.state = RunShot::State::Blocked;
            shot.why = tr("not sent: the run was stopped");
            emit shotChanged(i);
            continue;
        }
        if (shot.chainFrom >= 0) {
            const RunShot &previous = m_shots.at(shot.chainFrom);
            if (previous.state == RunShot::State::Failed || previous.state == RunShot::State::Blocked
                || previous.state == RunShot::State::Uncertain) {
                // Held back, never sent: its first frame would be a frame that does not exist.
                shot.state = RunShot::State::Blocked;
                shot.why = tr("not sent: it continues shot %1, which was not made").arg(previous.number);
                emit shotChanged(i);
                continue;
            }
            if (previous.state != RunShot::State::Done)
                continue;
            previousVideo = previous.video;
        }
        if (capped) {
            shot.state = RunShot::State::Blocked;
            shot.why = tr("not sent: the credit cap was reached");
            emit shotChanged(i);
            continue;
        }
        if (busy || active >= m_concurrency)
            continue;
        QMap<QString, PreparedImage> images;
        for (auto it = shot.sources.cbegin(); it != shot.sources.cend(); ++it)
            images.insert(it.key(), ImagePreparer::fromSource(it.value()));
        ++active;
        busy = true;
        if (previousVideo.isEmpty()) {
            submit(i, images);
            continue;
        }
        // The previous take's very last frame, decoded on the engine's thread, then submitted.
        shot.state = RunShot::State::Preparing;
        emit shotChanged(i);
        auto *job = new MediaJob(this);
        m_jobs.append(job);
        const int previousNumber = shot.chainNumber;
        connect(job, &MediaJob::finished, this, [this, i, job, images, previousNumber](bool ok) mutable {
            job->deleteLater();
            m_jobs.removeAll(job);
            if (!ok) {
                settle(i, RunShot::State::Failed, job->errorText());
                return;
            }
            if (m_stopping) {
                settle(i, RunShot::State::Blocked, tr("not sent: the run was stopped"));
                return;
            }
            images.insert(m_shots.at(i).firstKey,
                          ImagePreparer::fromImage(job->image(), tr("last frame of shot %1").arg(previousNumber)));
            submit(i, images);
        });
        job->startFrame(previousVideo, media::FramePosition::Last, 0);
    }
    // Once stopped, a take on its way does not hold the run: it goes on as a task, and its shot shows it.
    bool settled = true;
    for (const RunShot &s : std::as_const(m_shots))
        settled = settled && (s.isSettled() || (m_stopping && s.state == RunShot::State::Running));
    if (settled) {
        for (RunShot &s : m_shots)
            if (s.state == RunShot::State::Running)
                s.why = tr("still being made: the take appears on its shot when it is ready");
        m_running = false;
        emit finished();
    }
}

void StoryboardRunner::submit(int index, const QMap<QString, PreparedImage> &images)
{
    RunShot &shot = m_shots[index];
    if (m_submitter->isBusy()) {
        // Another submission (the Studio's) came first: the shot waits for its turn.
        shot.state = RunShot::State::Waiting;
        emit shotChanged(index);
        return;
    }
    shot.state = RunShot::State::Submitting;
    emit shotSubmitting(index);
    emit shotChanged(index);
    // The submitter sends one request at a time: its next answer is this shot's.
    auto *once = new QObject(this);
    connect(m_submitter, &VideoSubmitter::submitted, once, [this, index, once](const VideoTask &t) {
        delete once;
        m_shots[index].row = t.id;
        ++m_submitted;
        settle(index, RunShot::State::Running);
    });
    connect(m_submitter, &VideoSubmitter::rejected, once, [this, index, once](const VideoTask &t, const ApiError &error) {
        delete once;
        m_shots[index].row = t.id;
        settle(index, RunShot::State::Failed, error.message());
    });
    connect(m_submitter, &VideoSubmitter::refused, once, [this, index, once](const QMap<QString, QString> &fields, const QString &why) {
        delete once;
        settle(index, RunShot::State::Failed, why.isEmpty() ? QStringList(fields.values()).join(QLatin1Char(' ')) : why);
    });
    connect(m_submitter, &VideoSubmitter::uncertain, once, [this, index, once](const VideoTask &t, const ApiError &) {
        delete once;
        m_shots[index].row = t.id;
        settle(index, RunShot::State::Uncertain,
               tr("no clear answer: task %1 is kept as unknown; check on the platform").arg(t.id));
    });
    if (!m_submitter->submit(shot.spec, shot.values, images, m_limitBytes, BatchJob{shot.key, shot.batch, shot.number})) {
        delete once;
        shot.state = RunShot::State::Waiting;
        emit shotChanged(index);
    }
}

void StoryboardRunner::onTaskChanged(const VideoTask &t)
{
    for (int i = 0; i < m_shots.size(); ++i) {
        RunShot &s = m_shots[i];
        if (s.row != t.id || s.state != RunShot::State::Running || !takeFrom(s, t))
            continue;
        s.credits = t.usage.value(QLatin1String("credits")).toDouble();
        m_credits += s.credits;
        emit shotChanged(i);
        m_next->start();
    }
}

void StoryboardRunner::onDownloadFailed(const VideoTask &t, const QString &why)
{
    for (int i = 0; i < m_shots.size(); ++i)
        if (m_shots.at(i).row == t.id && m_shots.at(i).state == RunShot::State::Running)
            settle(i, RunShot::State::Failed, why);
}
