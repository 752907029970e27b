// Storyboards in the core: boards kept in the database, the board file format, and the app's runs
// (StoryboardController over StoryboardRunner) against the simulator: chained frames, takes, resume
// without sending twice, and the joined film in the Library.
#include "TestSupport.h"
#include "media/Media.h"
#include "store/BoardStore.h"
#include "storyboard/BoardModel.h"
#include "storyboard/StoryboardController.h"
#include "tasks/LibraryModel.h"
#include "video/ModelCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QTest>

namespace {
const QString T2V = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
const QString I2V = QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9");

using TestSupport::sentPicture;
using TestSupport::shotOf;

qint64 grayDistance(const QImage &a, const QImage &b)
{
    qint64 d = 0, n = 0;
    for (int y = 0; y < a.height() && y < b.height(); y += 7)
        for (int x = 0; x < a.width() && x < b.width(); x += 7, ++n)
            d += qAbs(qGray(a.pixel(x, y)) - qGray(b.pixel(x, y)));
    return n ? d / n : 1 << 20;
}

QList<QByteArray> videoBodies(PlatformSimulator *sim)
{
    QList<QByteArray> bodies;
    for (const PlatformSimulator::Recorded &r : sim->requests())
        if (r.path == QLatin1String("/llmage/video"))
            bodies << r.body;
    return bodies;
}
} // namespace

class TestStoryboard : public QObject
{
    Q_OBJECT

private slots:
    void boardsKeepTheirShotsInOrder()
    {
        TestSupport::Sandbox box;
        qint64 board = 0, a = 0, b = 0, c = 0;
        {
            std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
            QVERIFY(core);
            BoardStore *boards = core->boards();
            QSignalSpy changed(boards, &BoardStore::boardChanged);
            board = boards->createBoard(QStringLiteral("狐狸回家"));
            QVERIFY(board > 0);
            a = boards->addShot(board, shotOf(T2V, QStringLiteral("one")));
            b = boards->addShot(board, shotOf(I2V, QStringLiteral("two"), true));
            c = boards->addShot(board, shotOf(T2V, QStringLiteral("three")), 0); // at the front
            QVERIFY(a && b && c);
            QCOMPARE(changed.size(), 3);
            QList<qint64> order;
            for (const BoardShot &s : boards->board(board).shots)
                order << s.id;
            QCOMPARE(order, (QList<qint64>{c, a, b}));
            QVERIFY(boards->moveShot(c, 2));
            const qint64 copy = boards->duplicateShot(a);
            QVERIFY(copy);
            QVERIFY(boards->removeShot(b));
            BoardShot edited = boards->shot(a);
            edited.values.insert(QStringLiteral("prompt"), QStringLiteral("one, edited"));
            edited.images.insert(QStringLiteral("image_file2"), QStringLiteral("/pictures/end.jpg"));
            QVERIFY(boards->updateShot(edited));
            QVERIFY(boards->renameBoard(board, QStringLiteral("回家")));
            // A shot that is gone cannot be written, and says so.
            BoardShot gone = edited;
            gone.id = b;
            QVERIFY(!boards->updateShot(gone));
            QVERIFY(!boards->moveShot(b, 0));
        }
        // After a restart: the same board, order, values and pictures.
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        const Board again = core->boards()->board(board);
        QCOMPARE(again.title, QStringLiteral("回家"));
        QCOMPARE(again.shots.size(), 3);
        QCOMPARE(again.shots.at(0).id, a);
        QCOMPARE(again.shots.at(0).prompt(), QStringLiteral("one, edited"));
        QCOMPARE(again.shots.at(0).images.value(QStringLiteral("image_file2")), QStringLiteral("/pictures/end.jpg"));
        QCOMPARE(again.shots.at(1).prompt(), QStringLiteral("one")); // the copy, right after it
        QCOMPARE(again.shots.at(2).id, c);
        for (int i = 0; i < again.shots.size(); ++i)
            QCOMPARE(again.shots.at(i).position, i);
        QCOMPARE(core->boards()->boards().size(), 1);
        QCOMPARE(core->boards()->boards().first().shots, 3);
        QVERIFY(core->boards()->removeBoard(board));
        QCOMPARE(core->boards()->board(board).id, 0);
        QCOMPARE(core->boards()->shot(a).id, 0);
    }

    void boardFilesRoundTrip()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        const QJsonObject file{{QStringLiteral("title"), QStringLiteral("Panda")},
                               {QStringLiteral("shots"),
                                QJsonArray{QJsonObject{{QStringLiteral("llmid"), T2V},
                                                       {QStringLiteral("set"), QJsonObject{{QStringLiteral("prompt"), QStringLiteral("wakes")},
                                                                                           {QStringLiteral("duration"), 5}}}},
                                           QJsonObject{{QStringLiteral("llmid"), I2V}, {QStringLiteral("prompt"), QStringLiteral("climbs")},
                                                       {QStringLiteral("image_file2"), QStringLiteral("top.jpg")},
                                                       {QStringLiteral("continue"), true}}}}};
        Board board;
        QString why;
        QVERIFY2(BoardFile::fromJson(file, QDir(QStringLiteral("/boards")), *core->videoModels(), &board, &why), qPrintable(why));
        QCOMPARE(board.title, QStringLiteral("Panda"));
        QCOMPARE(board.shots.size(), 2);
        QCOMPARE(board.shots.at(0).values.value(QStringLiteral("duration")).toString(), QStringLiteral("5"));
        QVERIFY(board.shots.at(1).chained);
        QCOMPARE(board.shots.at(1).prompt(), QStringLiteral("climbs"));
        QCOMPARE(board.shots.at(1).images.value(QStringLiteral("image_file2")), QStringLiteral("/boards/top.jpg"));
        // Written back and read again: the same shots.
        Board back;
        QVERIFY(BoardFile::fromJson(BoardFile::toJson(board), QDir(QStringLiteral("/elsewhere")), *core->videoModels(), &back, &why));
        QCOMPARE(back.shots.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(back.shots.at(i).llmid, board.shots.at(i).llmid);
            QCOMPARE(back.shots.at(i).values, board.shots.at(i).values);
            QCOMPARE(back.shots.at(i).images, board.shots.at(i).images); // absolute paths stay as they are
            QCOMPARE(back.shots.at(i).chained, board.shots.at(i).chained);
        }
        // What cannot be read says which shot and why.
        QVERIFY(!BoardFile::fromJson(QJsonObject{{QStringLiteral("title"), QStringLiteral("x")}}, QDir(), *core->videoModels(), &back, &why));
        QVERIFY(why.contains(QLatin1String("shots")));
        const QJsonObject unknown{{QStringLiteral("shots"), QJsonArray{QJsonObject{{QStringLiteral("llmid"), QStringLiteral("nope")}}}}};
        QVERIFY(!BoardFile::fromJson(unknown, QDir(), *core->videoModels(), &back, &why));
        QVERIFY2(why.contains(QLatin1String("shot 1")) && why.contains(QLatin1String("nope")), qPrintable(why));
        const QJsonObject badField{{QStringLiteral("shots"),
                                    QJsonArray{QJsonObject{{QStringLiteral("llmid"), T2V}, {QStringLiteral("colour"), QStringLiteral("red")}}}}};
        QVERIFY(!BoardFile::fromJson(badField, QDir(), *core->videoModels(), &back, &why));
        QVERIFY2(why.contains(QLatin1String("colour")), qPrintable(why));
    }

    void chainedBoardContinuesTakesAndJoinsAFilm()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        Board plan;
        plan.title = QStringLiteral("Fox");
        plan.shots = {shotOf(T2V, QStringLiteral("a fox wakes")), shotOf(I2V, QStringLiteral("it trots on"), true),
                      shotOf(T2V, QStringLiteral("the forest at night"))};
        const qint64 board = core->boards()->importBoard(plan);
        QVERIFY(board);
        const Board b = core->boards()->board(board);
        StoryboardController controller(core.get());
        QSignalSpy finished(&controller, &StoryboardController::runFinished);
        QString why;
        QVERIFY2(controller.generateAll(board, &why), qPrintable(why));
        QVERIFY(controller.isRunning());
        QString busy;
        QVERIFY(!controller.generateAll(board, &busy)); // one run at a time
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(0).toString()));
        QList<QByteArray> bodies = videoBodies(core->simulator());
        QCOMPARE(bodies.size(), 3);
        QList<VideoTask> takes1 = core->boards()->takes(b.shots.at(0).id);
        QList<VideoTask> takes2 = core->boards()->takes(b.shots.at(1).id);
        QCOMPARE(takes1.size(), 1);
        QCOMPARE(takes2.size(), 1);
        QCOMPARE(core->boards()->takes(b.shots.at(2).id).size(), 1);

        // Shot 2 was sent with shot 1's last frame (not its first) in its first-frame field.
        std::unique_ptr<media::Engine> engine = MediaModule::createEngine();
        QVERIFY(engine);
        QImage last, first;
        QVERIFY(engine->frame(takes1.first().videoPath, media::FramePosition::Last, 0, &last).ok());
        QVERIFY(engine->frame(takes1.first().videoPath, media::FramePosition::First, 0, &first).ok());
        int withFrame = 0;
        for (const QByteArray &body : std::as_const(bodies)) {
            const QImage sent = sentPicture(body, QStringLiteral("image_file1"));
            if (sent.isNull())
                continue;
            ++withFrame;
            QVERIFY(QJsonDocument::fromJson(body).toJson().contains("it trots on"));
            QVERIFY2(grayDistance(sent, last) < grayDistance(sent, first), "the first frame was sent, not the last");
        }
        QCOMPARE(withFrame, 1);

        // Every shot has a take: Generate all sends nothing.
        QVERIFY(!controller.generateAll(board, &why));
        QVERIFY(!why.isEmpty());
        QCOMPARE(videoBodies(core->simulator()).size(), 3);

        // Shot 2 again: a second take, from shot 1's take; the first take is kept.
        QVERIFY2(controller.generateShot(b.shots.at(1).id, &why), qPrintable(why));
        QVERIFY(finished.wait(60000));
        QCOMPARE(videoBodies(core->simulator()).size(), 4);
        QVERIFY(!sentPicture(videoBodies(core->simulator()).last(), QStringLiteral("image_file1")).isNull());
        takes2 = core->boards()->takes(b.shots.at(1).id);
        QCOMPARE(takes2.size(), 2);
        // The first take on disk goes into the film until another is chosen.
        QCOMPARE(filmTake(core->boards()->shot(b.shots.at(1).id), takes2).id, takes2.first().id);
        QVERIFY(core->boards()->chooseTake(b.shots.at(1).id, takes2.last().id));
        QCOMPARE(filmTake(core->boards()->shot(b.shots.at(1).id), takes2).id, takes2.last().id);

        // Joined: one film of the chosen takes, recorded in the Library.
        QSignalSpy joined(&controller, &StoryboardController::filmJoined);
        QSignalSpy failed(&controller, &StoryboardController::joinFailed);
        QSignalSpy progressed(&controller, &StoryboardController::joinProgressed);
        QVERIFY2(controller.joinFilm(board, {}, &why), qPrintable(why));
        QVERIFY(controller.isJoining());
        QTRY_VERIFY_WITH_TIMEOUT(!joined.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        const VideoTask film = joined.first().at(0).value<VideoTask>();
        QVERIFY(film.id > 0);
        QCOMPARE(film.mode, QStringLiteral("film"));
        QCOMPARE(film.prompt, QStringLiteral("Fox"));
        QVERIFY(QFile::exists(film.videoPath));
        QVERIFY(QFile::exists(film.coverPath));
        QVERIFY(!QFile::exists(film.videoPath + QStringLiteral(".part")));
        QCOMPARE(film.params.value(QLatin1String("takes")).toArray().at(1).toInteger(), takes2.last().id);
        QVERIFY(core->library()->rowOf(film.id) >= 0);
        QVERIFY(!progressed.isEmpty());
        media::ClipInfo info;
        QVERIFY(engine->probe(film.videoPath, &info).ok());
        QVERIFY2(qAbs(info.duration - 12.0) < 0.3, QByteArray::number(info.duration));
        QVERIFY(info.hasAudio);
        // A poll or a download never touches the film: it has no task on the platform.
        QCOMPARE(core->tasks()->task(film.id).state, VideoTask::State::Succeeded);
    }

    void aRunStoppedByACrashIsFollowedNotSentAgain()
    {
        TestSupport::Sandbox box;
        qint64 board = 0, shot1 = 0;
        {
            std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
            QVERIFY(core);
            Board plan;
            plan.shots = {shotOf(T2V, QStringLiteral("a fox waits [sim:stuck]")), shotOf(I2V, QStringLiteral("it runs"), true)};
            board = core->boards()->importBoard(plan);
            shot1 = core->boards()->board(board).shots.at(0).id;
            StoryboardController controller(core.get());
            QString why;
            QVERIFY(controller.generateAll(board, &why));
            QTRY_VERIFY_WITH_TIMEOUT(core->boards()->takes(shot1).size() == 1 && !core->boards()->takes(shot1).first().taskId.isEmpty(), 20000);
            QCOMPARE(videoBodies(core->simulator()).size(), 1);
            // The app ends here, shot 1 still being made, shot 2 waiting for it.
        }
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        StoryboardController controller(core.get());
        QSignalSpy finished(&controller, &StoryboardController::runFinished);
        QString why;
        QVERIFY2(controller.generateAll(board, &why), qPrintable(why));
        // Shot 1 is followed (its take is on its way), shot 2 waits for it: nothing is sent.
        QVERIFY(controller.runText(shot1).contains(QLatin1String("generating")));
        const qint64 shot2 = core->boards()->board(board).shots.at(1).id;
        QVERIFY(controller.runText(shot2).contains(QLatin1String("waits")));
        QTRY_VERIFY_WITH_TIMEOUT(core->simulator()->requestCount(QStringLiteral("/llmage/tasks")) > 0, 20000);
        controller.stop();
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().at(1).toBool());
        QCOMPARE(videoBodies(core->simulator()).size(), 0);
        QCOMPARE(core->boards()->takes(shot1).size(), 1);
        QCOMPARE(core->boards()->takes(shot2).size(), 0);
    }

    void anUncertainTakeHoldsItsChainBack()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        Board plan;
        plan.shots = {shotOf(T2V, QStringLiteral("one")), shotOf(I2V, QStringLiteral("two"), true), shotOf(T2V, QStringLiteral("three"))};
        const qint64 board = core->boards()->importBoard(plan);
        const Board b = core->boards()->board(board);
        // Shot 1 was sent and no answer recorded (the app died between the two): it may be billed.
        VideoTask sent;
        sent.mode = QStringLiteral("t2v");
        sent.llmid = T2V;
        sent.prompt = QStringLiteral("one");
        sent.state = VideoTask::State::Unknown;
        sent.error = QStringLiteral("no answer recorded");
        QVERIFY(core->tasks()->add(sent, BoardStore::newTakeKey(b.shots.at(0).id), QStringLiteral("board"), 1));
        StoryboardController controller(core.get());
        QSignalSpy finished(&controller, &StoryboardController::runFinished);
        QString why;
        QVERIFY(controller.generateAll(board, &why));
        QVERIFY(finished.wait(60000));
        const QString summary = finished.first().at(0).toString();
        QVERIFY2(summary.contains(QLatin1String("shot 2")) && summary.contains(QLatin1String("not made")), qPrintable(summary));
        // Only shot 3 (not chained) was sent; shot 1 never again, shot 2 held back.
        const QList<QByteArray> bodies = videoBodies(core->simulator());
        QCOMPARE(bodies.size(), 1);
        QVERIFY(bodies.first().contains("three"));
        QCOMPARE(core->boards()->takes(b.shots.at(0).id).size(), 1);
        QCOMPARE(core->boards()->takes(b.shots.at(1).id).size(), 0);
        // The user may make a new take of shot 1 on purpose.
        QVERIFY2(controller.generateShot(b.shots.at(0).id, &why), qPrintable(why));
        QVERIFY(finished.wait(60000));
        QCOMPARE(core->boards()->takes(b.shots.at(0).id).size(), 2);
    }

    void aFailedOrRefusedShotSaysWhyAndStopsOnlyItsChain()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        Board plan;
        plan.shots = {shotOf(T2V, QStringLiteral("a fox [sim:fail]")), shotOf(I2V, QStringLiteral("it runs"), true),
                      shotOf(T2V, QStringLiteral("refused [sim:400]")), shotOf(T2V, QStringLiteral("the forest at night"))};
        const qint64 board = core->boards()->importBoard(plan);
        const Board b = core->boards()->board(board);
        StoryboardController controller(core.get());
        BoardModel model(core->boards(), core->tasks(), core->videoModels());
        model.setController(&controller);
        model.setBoard(board);
        QSignalSpy finished(&controller, &StoryboardController::runFinished);
        QString why;
        QVERIFY(controller.generateAll(board, &why));
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.first().at(1).toBool());
        const QString summary = finished.first().at(0).toString();
        QVERIFY2(summary.contains(QLatin1String("1 of 4")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("shot 2: not sent: it continues shot 1")), qPrintable(summary));
        // Shots 1, 3 and 4 were sent; shot 2 never.
        const QList<QByteArray> bodies = videoBodies(core->simulator());
        QCOMPARE(bodies.size(), 3);
        for (const QByteArray &body : bodies)
            QVERIFY(!body.contains("it runs"));
        QCOMPARE(core->boards()->takes(b.shots.at(1).id).size(), 0);
        QVERIFY(filmTake(core->boards()->shot(b.shots.at(3).id), core->boards()->takes(b.shots.at(3).id)).id > 0);
        // The cards say why, after the run too.
        QTRY_VERIFY(model.index(0).data(BoardModel::ProblemRole).toBool());
        QVERIFY(model.index(2).data(BoardModel::ProblemRole).toBool());
        QVERIFY2(model.index(2).data(BoardModel::StatusRole).toString().contains(QStringLiteral(" — ")),
                 qPrintable(model.index(2).data(BoardModel::StatusRole).toString()));
        QVERIFY(!model.index(3).data(BoardModel::ProblemRole).toBool());
    }

    void mistakesSendNothing()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        StoryboardController controller(core.get());
        QString why;
        Board plan;
        plan.shots = {shotOf(T2V, QStringLiteral("fine")), shotOf(T2V, QString())};
        qint64 board = core->boards()->importBoard(plan);
        QVERIFY(!controller.generateAll(board, &why));
        QVERIFY2(why.contains(QLatin1String("Shot 2")), qPrintable(why));
        // A chained shot whose model has no first frame, and a first shot that continues.
        plan.shots = {shotOf(T2V, QStringLiteral("one")), shotOf(T2V, QStringLiteral("two"), true)};
        board = core->boards()->importBoard(plan);
        QVERIFY(!controller.generateAll(board, &why));
        QVERIFY2(why.contains(QLatin1String("first frame")), qPrintable(why));
        plan.shots = {shotOf(I2V, QStringLiteral("one"), true)};
        board = core->boards()->importBoard(plan);
        QVERIFY(!controller.generateAll(board, &why));
        QVERIFY2(why.contains(QLatin1String("first")), qPrintable(why));
        // A chained shot alone, before the shot it continues was made.
        plan.shots = {shotOf(T2V, QStringLiteral("one")), shotOf(I2V, QStringLiteral("two"), true)};
        board = core->boards()->importBoard(plan);
        QVERIFY(!controller.generateShot(core->boards()->board(board).shots.at(1).id, &why));
        QVERIFY2(why.contains(QLatin1String("shot 1")), qPrintable(why));
        // A picture that is gone.
        BoardShot missing = shotOf(I2V, QStringLiteral("from a picture"));
        missing.images.insert(QStringLiteral("image_file1"), box.dir.filePath(QStringLiteral("gone.jpg")));
        plan.shots = {missing};
        board = core->boards()->importBoard(plan);
        QVERIFY(!controller.generateAll(board, &why));
        QVERIFY2(why.contains(QLatin1String("gone.jpg")), qPrintable(why));
        // Joining before the shots are made.
        QVERIFY(!controller.joinFilm(board, {}, &why));
        QVERIFY2(why.contains(QLatin1String("Shot 1")), qPrintable(why));
        QCOMPARE(videoBodies(core->simulator()).size(), 0);
        QVERIFY(!controller.isRunning());
    }

    void theModelFollowsTheStoreAndMovesByDrag()
    {
        TestSupport::Sandbox box;
        std::unique_ptr<AppCore> core(TestSupport::startDemoCore(box));
        QVERIFY(core);
        Board plan;
        plan.shots = {shotOf(T2V, QStringLiteral("one")), shotOf(T2V, QStringLiteral("two")), shotOf(T2V, QStringLiteral("three"))};
        const qint64 board = core->boards()->importBoard(plan);
        BoardModel model(core->boards(), core->tasks(), core->videoModels());
        model.setBoard(board);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(BoardModel::StatusRole).toString(), QStringLiteral("not generated yet"));
        // Shot 1 dropped below shot 3.
        std::unique_ptr<QMimeData> data(model.mimeData({model.index(0)}));
        QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
        QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, 3, 0, {}));
        QCOMPARE(model.index(0).data(BoardModel::PromptRole).toString(), QStringLiteral("two"));
        QCOMPARE(model.index(2).data(BoardModel::PromptRole).toString(), QStringLiteral("one"));
        // Shot "one" dropped onto the first row: before it.
        data.reset(model.mimeData({model.index(2)}));
        QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, model.index(0)));
        QCOMPARE(model.index(0).data(BoardModel::PromptRole).toString(), QStringLiteral("one"));
        QCOMPARE(core->boards()->board(board).shots.at(0).prompt(), QStringLiteral("one"));
        // Not a shot: refused.
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QVERIFY(!model.canDropMimeData(&text, Qt::MoveAction, 0, 0, {}));
        // A take appears on its shot as soon as its row is written.
        StoryboardController controller(core.get());
        model.setController(&controller);
        QString why;
        QVERIFY(controller.generateShot(model.index(1).data(BoardModel::ShotIdRole).toLongLong(), &why));
        QTRY_COMPARE_WITH_TIMEOUT(model.index(1).data(BoardModel::TakeCountRole).toInt(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(model.index(1).data(BoardModel::FilmTakeRole).toLongLong() > 0, 60000);
        QTRY_COMPARE(model.index(1).data(BoardModel::StatusRole).toString(), QStringLiteral("take 1 ready"));
        QVERIFY(!model.index(1).data(BoardModel::CoverRole).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoryboard)
#include "tst_storyboard.moc"
