#pragma once

#include "media/Media.h"
#include "storyboard/Board.h"
#include "video/ImagePreparer.h"

#include <QObject>
#include <QPointer>

class QTimer;
class ResultDownloader;
class TaskStore;
class VideoSubmitter;

// One shot as a run makes it: what to send, under which batch job key, and where it stands.
struct RunShot
{
    enum class State { Waiting, Preparing, Submitting, Running, Done, Failed, Blocked, Uncertain };

    int number = 0;           // the shot's number in the film, from 1 (for messages)
    QString key;              // the batch job key its take is recorded under
    QString batch;            // the batch (board) it is recorded in
    ModelSpec spec;
    QVariantMap values;
    QMap<QString, QString> sources; // field key → picture file or http(s) link
    int chainFrom = -1;       // a chained shot: the index, in this run, of the shot it continues
    QString chainVideo;       // … or the video it continues (a take made before this run)
    int chainNumber = 0;      // the number of the shot it continues (for messages)
    QString firstKey;         // the first-frame field a chained shot fills
    qint64 follow = 0;        // a take already sent: followed, never sent again (-1: sent, its task deleted)

    State state = State::Waiting;
    qint64 row = 0;           // its task
    QString video;
    QString why;              // translated: why it was not made
    double credits = 0;

    bool isChained() const { return chainFrom >= 0 || !chainVideo.isEmpty(); }
    bool isSettled() const
    {
        return state == State::Done || state == State::Failed || state == State::Blocked || state == State::Uncertain;
    }
    static QString stateName(State state);
};

// Makes a storyboard's shots: unchained shots side by side (at most the concurrency, none once the credit
// cap is spent), a chained shot only once the shot it continues is on disk, with that video's very last
// frame (decoded by the media engine on its thread) in its first-frame field. Each take is recorded with
// its task row before its request leaves (VideoSubmitter, batch job key), so a run stopped anywhere and
// started again sends nothing twice: a shot already sent is followed (`follow`). A shot that fails, is
// refused or is uncertain says why and holds back the shots chained after it, never the others.
// The command line (`yuanjing storyboard run`) and the Storyboard tab both run boards through it.
class StoryboardRunner : public QObject
{
    Q_OBJECT
public:
    StoryboardRunner(VideoSubmitter *submitter, TaskStore *tasks, ResultDownloader *downloader, QObject *parent = nullptr);
    ~StoryboardRunner() override;

    void setConcurrency(int concurrency) { m_concurrency = qMax(1, concurrency); }
    void setMaxCredits(double credits) { m_maxCredits = credits; } // < 0: no cap
    void setRequestLimit(qint64 bytes) { m_limitBytes = bytes; }

    void start(const QList<RunShot> &shots);
    // No shot is sent any more; the run ends once no request is on its way. Takes already sent go on as
    // tasks (the store, the Library and the board follow them).
    void stop();
    bool isRunning() const { return m_running; }
    const QList<RunShot> &shots() const { return m_shots; }
    int submittedCount() const { return m_submitted; }
    double credits() const { return m_credits; }

    // Where a followed take stands, from its task row (follow > 0) or its absence (follow < 0).
    static void follow(RunShot &shot, const VideoTask &task);

signals:
    void shotSubmitting(int index);
    void shotChanged(int index);
    // Every shot settled (made, failed, held back or uncertain).
    void finished();

private:
    // A running shot's take, settled from its task row: false while the take is still being made.
    static bool takeFrom(RunShot &shot, const VideoTask &task);
    void schedule();
    void submit(int index, const QMap<QString, PreparedImage> &images);
    void onTaskChanged(const VideoTask &task);
    void onDownloadFailed(const VideoTask &task, const QString &why);
    void settle(int index, RunShot::State state, const QString &why = {});

    VideoSubmitter *m_submitter;
    TaskStore *m_tasks;
    ResultDownloader *m_downloader;
    QList<RunShot> m_shots;
    QTimer *m_next;
    QList<QPointer<MediaJob>> m_jobs;
    int m_concurrency = 2;
    double m_maxCredits = -1;
    qint64 m_limitBytes = 0;
    int m_submitted = 0;
    double m_credits = 0;
    bool m_running = false;
    bool m_stopping = false;
};
