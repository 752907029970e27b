#include "storyboard/StoryboardController.h"

#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "media/Media.h"
#include "store/BoardStore.h"
#include "store/TaskStore.h"
#include "video/CostEstimator.h"
#include "video/ModelCatalog.h"
#include "video/RequestBuilder.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>

StoryboardController::StoryboardController(AppCore *core, QObject *parent)
    : QObject(parent),
      m_core(core),
      m_runner(new StoryboardRunner(core->videoSubmitter(), core->tasks(), core->downloader(), this))
{
    connect(m_runner, &StoryboardRunner::shotChanged, this, &StoryboardController::runChanged);
    connect(m_runner, &StoryboardRunner::finished, this, [this] {
        int made = 0;
        QStringList notMade;
        for (const RunShot &s : m_runner->shots()) {
            if (s.state == RunShot::State::Done)
                ++made;
            else
                notMade << tr("shot %1: %2").arg(s.number).arg(s.why.isEmpty() ? tr("not made") : s.why);
        }
        const int total = int(m_runner->shots().size());
        QString summary;
        if (total == 1 && made == 1)
            summary = tr("Shot %1: the new take is ready.").arg(m_runner->shots().constFirst().number);
        else if (total == 1)
            summary = notMade.constFirst();
        else
            summary = tr("%1 of %2 shots made.").arg(made).arg(total);
        if (total > 1 && !notMade.isEmpty())
            summary += QLatin1Char(' ') + notMade.join(QStringLiteral("; "));
        emit runChanged();
        emit runFinished(summary, made == total);
    });
}

bool StoryboardController::prepare(const Board &board, int index, RunShot *run, QString *why) const
{
    const BoardShot &shot = board.shots.at(index);
    const int number = index + 1;
    const ModelSpec *spec = m_core->videoModels()->model(shot.llmid);
    if (!spec || !spec->enabled) {
        *why = tr("Shot %1: choose a model (“%2” is not available).").arg(number).arg(shot.llmid);
        return false;
    }
    run->number = number;
    run->batch = QStringLiteral("board:%1").arg(board.id);
    run->key = BoardStore::newTakeKey(shot.id);
    run->spec = *spec;
    run->values = shot.values;
    run->sources = shot.images;
    run->firstKey = firstFrameKey(*spec);
    QMap<QString, PreparedImage> placeholders;
    if (shot.chained) {
        if (index == 0) {
            *why = tr("Shot 1 cannot continue from a previous shot: it is the first.");
            return false;
        }
        if (run->firstKey.isEmpty()) {
            *why = tr("Shot %1 continues from the previous shot, but %2 has no first frame: choose an image-to-video model.")
                       .arg(number)
                       .arg(spec->label.text());
            return false;
        }
        // The previous shot's last frame goes there, whatever the shot held before it was chained.
        run->sources.remove(run->firstKey);
        run->chainNumber = index;
        placeholders.insert(run->firstKey, ImagePreparer::fromUrl(QUrl(QStringLiteral("https://placeholder.invalid/x.jpg"))));
    }
    for (auto it = run->sources.cbegin(); it != run->sources.cend(); ++it) {
        if (!it->startsWith(QLatin1String("http")) && !QFileInfo::exists(*it)) {
            *why = tr("Shot %1: the picture “%2” is no longer there.").arg(number).arg(*it);
            return false;
        }
        placeholders.insert(it.key(), ImagePreparer::fromUrl(QUrl(QStringLiteral("https://placeholder.invalid/x.jpg"))));
    }
    const QMap<QString, QString> problems = RequestBuilder::validate(*spec, run->values, placeholders);
    if (!problems.isEmpty()) {
        const FieldSpec *f = spec->field(problems.firstKey());
        *why = tr("Shot %1: %2 — %3").arg(number).arg(f ? f->label.text() : problems.firstKey(), problems.first());
        return false;
    }
    return true;
}

bool StoryboardController::generateShot(qint64 shotId, QString *why)
{
    if (isRunning()) {
        *why = tr("The board is being generated: wait for it, or stop it.");
        return false;
    }
    const BoardShot shot = m_core->boards()->shot(shotId);
    const Board board = m_core->boards()->board(shot.boardId);
    const int index = int(std::find_if(board.shots.cbegin(), board.shots.cend(), [shotId](const BoardShot &s) { return s.id == shotId; })
                          - board.shots.cbegin());
    if (shot.id == 0 || index >= board.shots.size()) {
        *why = tr("This shot no longer exists.");
        return false;
    }
    RunShot run;
    if (!prepare(board, index, &run, why))
        return false;
    if (shot.chained) {
        const BoardShot &previous = board.shots.at(index - 1);
        const QList<VideoTask> takes = m_core->boards()->takes(previous.id);
        const VideoTask take = filmTake(previous, takes);
        if (!take.id) {
            *why = tr("Shot %1 continues from the last frame of shot %2: make shot %2 first.").arg(index + 1).arg(index);
            return false;
        }
        run.chainVideo = take.videoPath;
    }
    return startRun(board.id, {run}, {shotId});
}

bool StoryboardController::generateAll(qint64 boardId, QString *why)
{
    if (isRunning()) {
        *why = tr("The board is being generated already.");
        return false;
    }
    const Board board = m_core->boards()->board(boardId);
    if (board.shots.isEmpty()) {
        *why = tr("The board has no shots yet: add one.");
        return false;
    }
    QList<RunShot> shots;
    QList<qint64> ids;
    int toSend = 0;
    for (int i = 0; i < board.shots.size(); ++i) {
        const BoardShot &shot = board.shots.at(i);
        const QList<VideoTask> takes = m_core->boards()->takes(shot.id);
        RunShot run;
        run.number = i + 1;
        if (const VideoTask take = filmTake(shot, takes); take.id) {
            run.follow = take.id; // made: the run only reads its video
        } else {
            // A take on its way is followed, never sent again; so is an uncertain one, which holds back its
            // chain until the user checks it or makes a new take of the shot.
            for (auto it = takes.crbegin(); it != takes.crend() && run.follow == 0; ++it) {
                const TakeOutcome outcome = takeOutcome(*it);
                if (outcome == TakeOutcome::Pending || outcome == TakeOutcome::Unknown)
                    run.follow = it->id;
            }
        }
        if (run.follow == 0) {
            if (!prepare(board, i, &run, why))
                return false;
            ++toSend;
        }
        if (shot.chained && i > 0) {
            run.chainFrom = i - 1;
            run.chainNumber = i;
        }
        shots.append(run);
        ids.append(shot.id);
    }
    if (toSend == 0 && std::all_of(shots.cbegin(), shots.cend(), [this](const RunShot &s) {
            return takeOutcome(m_core->tasks()->task(s.follow)) == TakeOutcome::Downloaded;
        })) {
        *why = tr("Every shot has a take already: generate a shot again to make another take.");
        return false;
    }
    return startRun(boardId, shots, ids);
}

bool StoryboardController::startRun(qint64 boardId, const QList<RunShot> &shots, const QList<qint64> &shotIds)
{
    m_board = boardId;
    m_runShots = shotIds;
    m_runner->setConcurrency(2);
    m_runner->setRequestLimit(qint64(m_core->settings()->requestSizeLimitKiB()) * 1024);
    m_runner->start(shots);
    emit runChanged();
    return true;
}

void StoryboardController::stop()
{
    m_runner->stop();
}

QList<int> StoryboardController::unsentShots() const
{
    QList<int> numbers;
    if (!isRunning())
        return numbers;
    for (const RunShot &s : m_runner->shots())
        if (s.state == RunShot::State::Waiting || s.state == RunShot::State::Preparing)
            numbers << s.number;
    return numbers;
}

QString StoryboardController::runText(qint64 shotId) const
{
    const int index = int(m_runShots.indexOf(shotId));
    if (!isRunning() || index < 0 || index >= m_runner->shots().size())
        return {};
    const RunShot &s = m_runner->shots().at(index);
    switch (s.state) {
    case RunShot::State::Waiting:
        return s.chainFrom >= 0 ? tr("waits for shot %1").arg(s.chainNumber) : tr("waits its turn");
    case RunShot::State::Preparing: return tr("taking the last frame of shot %1").arg(s.chainNumber);
    case RunShot::State::Submitting: return tr("sending");
    case RunShot::State::Running: return tr("generating");
    case RunShot::State::Done: return tr("made");
    case RunShot::State::Failed: return tr("failed: %1").arg(s.why);
    case RunShot::State::Blocked: return s.why;
    case RunShot::State::Uncertain: return s.why;
    }
    return {};
}

QString StoryboardController::costOfShot(qint64 shotId) const
{
    const BoardShot shot = m_core->boards()->shot(shotId);
    const ModelSpec *spec = m_core->videoModels()->model(shot.llmid);
    return spec ? m_core->costs()->estimate(*spec, shot.values).shortText() : QString();
}

QString StoryboardController::costOfAll(qint64 boardId) const
{
    // What Generate all would send: the shots without a take on disk.
    const Board board = m_core->boards()->board(boardId);
    QList<CostEstimate> estimates;
    for (const BoardShot &shot : board.shots) {
        if (filmTake(shot, m_core->boards()->takes(shot.id)).id)
            continue;
        const ModelSpec *spec = m_core->videoModels()->model(shot.llmid);
        estimates << (spec ? m_core->costs()->estimate(*spec, shot.values) : CostEstimate());
    }
    return CostEstimate::totalShortText(estimates);
}

bool StoryboardController::joinFilm(qint64 boardId, const media::JoinOptions &options, QString *why)
{
    if (m_join) {
        *why = tr("A film is being joined already.");
        return false;
    }
    const Board board = m_core->boards()->board(boardId);
    if (board.shots.isEmpty()) {
        *why = tr("The board has no shots yet.");
        return false;
    }
    QStringList clips;
    QList<qint64> takes;
    for (int i = 0; i < board.shots.size(); ++i) {
        const VideoTask take = filmTake(board.shots.at(i), m_core->boards()->takes(board.shots.at(i).id));
        if (!take.id) {
            *why = tr("Shot %1 has no take on disk yet: generate it first.").arg(i + 1);
            return false;
        }
        clips << take.videoPath;
        takes << take.id;
    }
    QDir films(QDir(m_core->options().resolvedDataDir()).filePath(QStringLiteral("films")));
    if (!films.mkpath(QStringLiteral("."))) {
        *why = tr("Cannot make the folder “%1”.").arg(films.path());
        return false;
    }
    QString name = board.title.isEmpty() ? tr("Storyboard %1").arg(board.id) : board.title;
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]")), QStringLiteral("_"));
    const QString film = films.filePath(QStringLiteral("%1 %2.mp4").arg(name.left(80), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    auto *job = new MediaJob(this);
    m_join = job;
    connect(job, &MediaJob::progressed, this, &StoryboardController::joinProgressed);
    const QDateTime started = QDateTime::currentDateTime();
    connect(job, &MediaJob::finished, this, [this, job, film, takes, board, started](bool ok) {
        job->deleteLater();
        m_join = nullptr;
        if (!ok) {
            emit joinFailed(job->result().kind == media::ErrorKind::Cancelled ? tr("Joining was cancelled; no film was written.")
                                                                                : job->errorText());
            return;
        }
        finishJoin(film, takes, board, job->joinReport(), started);
    });
    job->startJoin(clips, film, options);
    return true;
}

void StoryboardController::cancelJoin()
{
    if (m_join)
        m_join->cancel();
}

void StoryboardController::finishJoin(const QString &film, const QList<qint64> &takes, const Board &board, const media::JoinReport &report,
                                      const QDateTime &started)
{
    VideoTask t;
    t.createdAt = started; // the Library tells how long it took
    t.mode = QStringLiteral("film");
    t.modelName = tr("Film");
    t.prompt = board.title.isEmpty() ? tr("Storyboard %1").arg(board.id) : board.title;
    QJsonArray takeRows;
    for (qint64 id : takes)
        takeRows.append(id);
    t.params = {{QStringLiteral("board"), board.id}, {QStringLiteral("takes"), takeRows},
                {QStringLiteral("width"), report.size.width()}, {QStringLiteral("height"), report.size.height()},
                {QStringLiteral("fps"), report.fps}, {QStringLiteral("duration"), report.duration},
                {QStringLiteral("stream_copy"), report.streamCopied}};
    t.state = VideoTask::State::Succeeded;
    t.succeededAt = QDateTime::currentDateTime();
    t.videoPath = film;
    // Its cover: the film's first frame, taken by the engine too.
    auto *cover = new MediaJob(this);
    connect(cover, &MediaJob::finished, this, [this, cover, t, film](bool ok) mutable {
        cover->deleteLater();
        if (ok) {
            const QString path = QFileInfo(film).path() + QLatin1Char('/') + QFileInfo(film).completeBaseName() + QStringLiteral(".jpg");
            if (cover->image().save(path, "JPG", 85))
                t.coverPath = path;
        }
        if (m_core->tasks()->add(t) == 0) {
            emit joinFailed(tr("The film was written to “%1”, but the Library could not record it.").arg(film));
            return;
        }
        emit filmJoined(t);
    });
    cover->startFrame(film, media::FramePosition::First, 0);
}
