#pragma once

#include "media/Media.h"
#include "storyboard/StoryboardRunner.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class AppCore;

// The app's storyboard actions over the stores: generate one shot (a new take) or all the shots not yet
// made, stop, and join the chosen takes into a film that appears in the Library. It decides which shots a
// run sends and which it only follows (a take on its way is never sent again, an uncertain one holds its
// chain back), checks every shot before anything is sent, and runs them through StoryboardRunner.
class StoryboardController : public QObject
{
    Q_OBJECT
public:
    explicit StoryboardController(AppCore *core, QObject *parent = nullptr);

    // A new take of the shot. False, with a translated reason, when nothing was sent.
    bool generateShot(qint64 shotId, QString *why);
    // Every shot without a take on disk: those with a take on its way are followed, the others sent
    // (chained ones once the shot before is made). False, with a reason, when nothing was started.
    bool generateAll(qint64 boardId, QString *why);
    void stop();
    bool isRunning() const { return m_runner->isRunning(); }
    qint64 runningBoard() const { return isRunning() ? m_board : 0; }
    // The numbers of the shots the current run has yet to send (quitting now would leave them unsent).
    QList<int> unsentShots() const;
    // Where a shot of the current run stands, in words (empty when no run holds it).
    QString runText(qint64 shotId) const;
    // What the shots Generate all would send are expected to cost, in words.
    QString costOfAll(qint64 boardId) const;
    QString costOfShot(qint64 shotId) const;

    // Joins every shot's chosen take (or its first take on disk) into one MP4 in the data folder.
    bool joinFilm(qint64 boardId, const media::JoinOptions &options, QString *why);
    void cancelJoin();
    bool isJoining() const { return m_join != nullptr; }

signals:
    void runChanged();
    // The run ended: a translated summary (what was made, what not and why).
    void runFinished(const QString &summary, bool allMade);
    void joinProgressed(double fraction);
    void filmJoined(const VideoTask &film);
    void joinFailed(const QString &why);

private:
    // The shot as a run sends it; false with a reason (naming the shot) when it cannot be sent.
    bool prepare(const Board &board, int index, RunShot *shot, QString *why) const;
    bool startRun(qint64 boardId, const QList<RunShot> &shots, const QList<qint64> &shotIds);
    void finishJoin(const QString &film, const QList<qint64> &takes, const Board &board, const media::JoinReport &report,
                    const QDateTime &started);

    AppCore *m_core;
    StoryboardRunner *m_runner;
    qint64 m_board = 0;
    QList<qint64> m_runShots; // the board shot of each run shot
    QPointer<MediaJob> m_join;
};
