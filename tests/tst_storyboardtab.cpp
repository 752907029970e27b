// The Storyboard tab as a user drives it: a board's shots edited and kept, reordered by drag, chained,
// generated, a take chosen, the film joined and played, all against the simulator.
#include "TestSupport.h"
#include "library/VideoPlayer.h"
#include "media/Media.h"
#include "store/BoardStore.h"
#include "storyboard/BoardModel.h"
#include "storyboard/StoryboardController.h"
#include "storyboard/StoryboardTab.h"
#include "studio/ImageSlot.h"
#include "studio/PromptHelper.h"
#include "studio/StoryPlanDialog.h"
#include "video/ModelCatalog.h"
#include "studio/StudioForm.h"
#include "tasks/LibraryModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QJsonArray>
#include <QTableWidget>
#include <QTest>
#include <QApplication>
#include <QTimer>
#include <QMessageBox>
#include <QToolButton>

namespace {
const QString T2V = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
const QString I2V = QStringLiteral("7RTOJD6K8A7RXCMG4GnQ9");

using TestSupport::shotOf;
} // namespace

class TestStoryboardTab : public QObject
{
    Q_OBJECT

    TestSupport::Sandbox *m_box = nullptr;
    AppCore *m_core = nullptr;

    qint64 makeBoard(const QList<BoardShot> &shots, const QString &title = QStringLiteral("Fox"))
    {
        Board b;
        b.title = title;
        b.shots = shots;
        return m_core->boards()->importBoard(b);
    }
    QPlainTextEdit *promptEdit(StoryboardTab &tab)
    {
        return tab.form() ? qobject_cast<QPlainTextEdit *>(tab.form()->editor(QStringLiteral("prompt"))) : nullptr;
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_core = TestSupport::startDemoCore(*m_box);
        QVERIFY(m_core);
    }
    void cleanup()
    {
        delete m_core;
        delete m_box;
        m_core = nullptr;
        m_box = nullptr;
    }

    // No board yet: the editor is the empty state alone, and its one action can be pressed (the shot's
    // controls, greyed out around it, were all there was before).
    void noBoardShowsTheEmptyStateAndItsAction()
    {
        StoryboardTab tab(m_core);
        tab.resize(1200, 800);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QCOMPARE(tab.currentBoard(), 0);
        QCOMPARE(tab.shotTitle()->text(), QStringLiteral("Make a board to begin"));
        QPushButton *start = nullptr;
        for (QPushButton *b : tab.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("New board") &&
                b->property("yjRole").toString() == QLatin1String("primary"))
                start = b;
        QVERIFY(start);
        QVERIFY(start->isVisible());
        QVERIFY(start->isEnabled());
        QVERIFY(!tab.chainBox()->isVisible());
        QVERIFY(!tab.useTakeButton()->isVisible());
    }

    void whatIsTypedIsKept()
    {
        const qint64 board = makeBoard({shotOf(T2V, QStringLiteral("a fox")), shotOf(I2V, QStringLiteral("it runs"), true)});
        const qint64 first = m_core->boards()->board(board).shots.at(0).id;
        {
            StoryboardTab tab(m_core);
            tab.show();
            QCOMPARE(tab.currentBoard(), board);
            QCOMPARE(tab.currentShot(), first);
            QPlainTextEdit *prompt = promptEdit(tab);
            QVERIFY(prompt);
            QCOMPARE(prompt->toPlainText(), QStringLiteral("a fox"));
            prompt->selectAll();
            prompt->insertPlainText(QStringLiteral("一只狐狸在雪地里")); // as an input method commits it
            // Written shortly after typing, without any button.
            QTRY_COMPARE(m_core->boards()->shot(first).prompt(), QStringLiteral("一只狐狸在雪地里"));
            QTest::keyClicks(prompt, QStringLiteral(" wakes"));
            // Closed at once: what was typed last is kept too.
        }
        QCOMPARE(m_core->boards()->shot(first).prompt(), QStringLiteral("一只狐狸在雪地里 wakes"));
        StoryboardTab again(m_core);
        QCOMPARE(promptEdit(again)->toPlainText(), QStringLiteral("一只狐狸在雪地里 wakes"));
        QCOMPARE(again.shotView()->model()->rowCount(), 2);
    }

    void shotsAreAddedDuplicatedDeletedAndDraggedIntoOrder()
    {
        const qint64 board = makeBoard({shotOf(T2V, QStringLiteral("one")), shotOf(T2V, QStringLiteral("two")), shotOf(T2V, QStringLiteral("three"))});
        StoryboardTab tab(m_core);
        tab.resize(1200, 800);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QListView *view = tab.shotView();
        // Shot "one" dragged below "three".
        std::unique_ptr<QMimeData> data(tab.model()->mimeData({tab.model()->index(0)}));
        const QRect last = view->visualRect(tab.model()->index(2));
        const QPoint below(last.center().x(), last.bottom() - 2);
        QDragEnterEvent enter(below, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(below, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(below), Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &drop);
        QTRY_COMPARE(m_core->boards()->board(board).shots.at(2).prompt(), QStringLiteral("one"));
        QCOMPARE(m_core->boards()->board(board).shots.size(), 3);
        // The shot being edited moved with it: its editor says its new number.
        QCOMPARE(promptEdit(tab)->toPlainText(), QStringLiteral("one"));
        QCOMPARE(tab.shotTitle()->text(), QStringLiteral("Shot 3"));
        QCOMPARE(tab.model()->index(0).data(BoardModel::PromptRole).toString(), QStringLiteral("two"));

        // The move buttons do the same from the keyboard.
        tab.selectShot(m_core->boards()->board(board).shots.at(2).id);
        const QList<QToolButton *> tools = tab.findChildren<QToolButton *>();
        QToolButton *up = nullptr;
        for (QToolButton *b : tools)
            if (b->accessibleName() == QLatin1String("Move shot up"))
                up = b;
        QVERIFY(up);
        QTest::mouseClick(up, Qt::LeftButton);
        QCOMPARE(m_core->boards()->board(board).shots.at(1).prompt(), QStringLiteral("one"));
        QCOMPARE(tab.model()->index(tab.shotView()->currentIndex().row()).data(BoardModel::PromptRole).toString(), QStringLiteral("one"));

        // Add puts a new shot after the current one, continuing it where its model can.
        QPushButton *add = nullptr, *duplicate = nullptr, *remove = nullptr;
        for (QPushButton *b : tab.findChildren<QPushButton *>()) {
            if (b->text() == QLatin1String("Add shot"))
                add = b;
            else if (b->text() == QLatin1String("Duplicate"))
                duplicate = b;
            else if (b->text() == QLatin1String("Delete"))
                remove = b;
        }
        QVERIFY(add && duplicate && remove);
        QTest::mouseClick(duplicate, Qt::LeftButton);
        QCOMPARE(m_core->boards()->board(board).shots.size(), 4);
        QCOMPARE(m_core->boards()->board(board).shots.at(2).prompt(), QStringLiteral("one"));
        QCOMPARE(tab.shotView()->currentIndex().row(), 2);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(m_core->boards()->board(board).shots.size(), 3);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(m_core->boards()->board(board).shots.size(), 4);
        QVERIFY(promptEdit(tab));
        QVERIFY(promptEdit(tab)->toPlainText().isEmpty());
    }

    void aChainedShotTakesItsFirstFrameFromTheShotBefore()
    {
        makeBoard({shotOf(T2V, QStringLiteral("one")), shotOf(I2V, QStringLiteral("two"))});
        StoryboardTab tab(m_core);
        tab.show();
        // The first shot cannot continue; a text-to-video model cannot either.
        QVERIFY(!tab.chainBox()->isEnabled());
        tab.selectShot(tab.model()->index(1).data(BoardModel::ShotIdRole).toLongLong());
        QVERIFY(tab.chainBox()->isEnabled());
        ImageSlot *firstSlot = tab.form()->imageSlot(QStringLiteral("image_file1"));
        QVERIFY(firstSlot);
        QVERIFY(firstSlot->isEnabled());
        tab.chainBox()->setChecked(true);
        QVERIFY(tab.model()->index(1).data(BoardModel::ChainedRole).toBool());
        firstSlot = tab.form()->imageSlot(QStringLiteral("image_file1"));
        QVERIFY(!firstSlot->isEnabled());
        QVERIFY(firstSlot->toolTip().contains(QLatin1String("shot 1")));
        // A frame from the Library goes into a free slot of the shot, kept as a file.
        QImage frame(64, 36, QImage::Format_RGB32);
        frame.fill(Qt::darkCyan);
        QVERIFY(!tab.useFrame(frame, QStringLiteral("first_frame"), QStringLiteral("a frame"))); // filled by the chain
        QVERIFY(tab.useFrame(frame, QStringLiteral("last_frame"), QStringLiteral("a frame")));
        const QString stored = m_core->boards()->shot(tab.currentShot()).images.value(QStringLiteral("image_file2"));
        QVERIFY2(QFile::exists(stored), qPrintable(stored));
        // Moved to the front, a chained shot says it cannot continue, and can be unset.
        QVERIFY(m_core->boards()->moveShot(tab.currentShot(), 0));
        QCOMPARE(tab.shotTitle()->text(), QStringLiteral("Shot 1"));
        QVERIFY(tab.model()->index(0).data(BoardModel::ProblemRole).toBool());
        QVERIFY(tab.model()->index(0).data(BoardModel::StatusRole).toString().contains(QLatin1String("first shot")));
        QVERIFY(tab.chainBox()->isChecked());
        QVERIFY(tab.chainBox()->isEnabled());
        tab.chainBox()->setChecked(false);
        QVERIFY(!m_core->boards()->shot(tab.currentShot()).chained);
        QVERIFY(!tab.chainBox()->isEnabled());
    }

    void aVideoDroppedOnASlotGivesItsExactFrame()
    {
        // A clip whose frames are red, then green at the end: the last frame is green.
        const QString clip = m_box->dir.filePath(QStringLiteral("clip.mp4"));
        media::ClipSpec spec;
        spec.size = QSize(160, 90);
        spec.frames = 20;
        spec.frame = [](int n) {
            QImage image(160, 90, QImage::Format_RGB32);
            image.fill(n < 19 ? Qt::red : Qt::green);
            return image;
        };
        QVERIFY(MediaJob::runNow([&](media::Engine &engine, const media::Progress &progress) {
                    return engine.writeClip(clip, spec, progress);
                }).ok());
        makeBoard({shotOf(I2V, QStringLiteral("from a frame"))});
        StoryboardTab tab(m_core);
        tab.show();
        ImageSlot *slot = tab.form()->imageSlot(QStringLiteral("image_file1"));
        QVERIFY(slot);
        QMimeData data;
        FrameMime::write(&data, clip, media::FramePosition::Last, 0);
        data.setUrls({QUrl::fromLocalFile(clip)}); // as the Library's drag carries it, for other applications
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(slot, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(slot, &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY_WITH_TIMEOUT(slot->hasImage() && !slot->isLoading(), 20000);
        QVERIFY2(slot->errorText().isEmpty(), qPrintable(slot->errorText()));
        const QImage got = slot->image().image;
        QCOMPARE(got.size(), QSize(160, 90));
        const QColor centre = got.pixelColor(80, 45);
        QVERIFY2(centre.green() > 180 && centre.red() < 80, qPrintable(centre.name()));
        // Kept with the shot as a picture file of its own.
        QTRY_VERIFY(QFile::exists(m_core->boards()->shot(tab.currentShot()).images.value(QStringLiteral("image_file1"))));
        // A file that is not a video says so in the slot.
        QFile text(m_box->dir.filePath(QStringLiteral("notes.mp4")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a video");
        text.close();
        QMimeData bad;
        FrameMime::write(&bad, text.fileName(), media::FramePosition::Last, 0);
        QVERIFY(slot->takeMimeData(&bad));
        QTRY_VERIFY_WITH_TIMEOUT(!slot->isLoading(), 20000);
        QVERIFY(!slot->errorText().isEmpty());
    }

    void aBoardIsGeneratedATakeChosenAndTheFilmJoinedAndPlayed()
    {
        const qint64 board = makeBoard({shotOf(T2V, QStringLiteral("a fox wakes")), shotOf(I2V, QStringLiteral("it trots on"), true),
                                        shotOf(I2V, QStringLiteral("it reaches home"), true)});
        const Board b = m_core->boards()->board(board);
        StoryboardTab tab(m_core);
        tab.resize(1300, 900);
        tab.show();
        QVERIFY(tab.generateAllButton()->isEnabled());
        QVERIFY(tab.generateAllButton()->text().contains(QLatin1String("Generate all")));
        QVERIFY(!tab.stopButton()->isEnabled());
        QTest::mouseClick(tab.generateAllButton(), Qt::LeftButton);
        QVERIFY(tab.stopButton()->isEnabled());
        QVERIFY(!tab.generateAllButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!tab.controller()->isRunning(), 90000);
        QVERIFY2(tab.statusLabel()->text().contains(QLatin1String("3 of 3")), qPrintable(tab.statusLabel()->text()));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 3);

        // Shot 2 again, then its second take chosen.
        tab.selectShot(b.shots.at(1).id);
        QCOMPARE(tab.takesList()->count(), 1);
        QTest::mouseClick(tab.generateShotButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.controller()->isRunning(), 60000);
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 4);
        QTRY_COMPARE(tab.takesList()->count(), 2);
        // The takes' covers, read off the UI thread, come into the list once read.
        const qint64 firstTake = tab.takesList()->item(0)->data(Qt::UserRole).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_core->tasks()->task(firstTake).coverPath), 20000);
        m_core->tasks()->update(m_core->tasks()->task(firstTake)); // the list hears of it as the app does
        QTRY_VERIFY(!tab.takesList()->item(0)->icon().isNull());
        tab.takesList()->setCurrentRow(1);
        QVERIFY(tab.useTakeButton()->isEnabled());
        QTest::mouseClick(tab.useTakeButton(), Qt::LeftButton);
        const QList<VideoTask> takes = m_core->boards()->takes(b.shots.at(1).id);
        QCOMPARE(m_core->boards()->shot(b.shots.at(1).id).chosenTask, takes.at(1).id);
        QVERIFY(tab.takesList()->item(1)->text().contains(QLatin1String("in the film")));

        // Joined with a progress bar, shown in the Library, played here.
        QTest::mouseClick(tab.joinButton(), Qt::LeftButton);
        QVERIFY(tab.joinProgress()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(tab.lastFilm() > 0, 60000);
        QVERIFY(!tab.joinProgress()->isVisible());
        const VideoTask film = m_core->tasks()->task(tab.lastFilm());
        QCOMPARE(film.mode, QStringLiteral("film"));
        QVERIFY(QFile::exists(film.videoPath));
        QCOMPARE(film.params.value(QLatin1String("takes")).toArray().at(1).toInteger(), takes.at(1).id);
        QVERIFY(m_core->library()->rowOf(film.id) >= 0);
        QVERIFY(tab.playFilmButton()->isVisible());
        QTest::mouseClick(tab.playFilmButton(), Qt::LeftButton);
        QVERIFY(tab.player());
        QCOMPARE(tab.player()->source(), QUrl::fromLocalFile(film.videoPath));
        QTRY_VERIFY_WITH_TIMEOUT(tab.player()->hasStarted() || !tab.player()->errorText().isEmpty(), 20000);
        QVERIFY2(tab.player()->errorText().isEmpty(), qPrintable(tab.player()->errorText()));
    }

    // Issue 17's flow in the app: a one-line idea planned by the chat model, opened as a board, one
    // shot's prompt improved and edited, and the board run.
    void aPlannedBoardIsImprovedAndRun()
    {
        m_core->simulator()->config().tokenDelayMs = 1;
        const ModelSpec *vidu = m_core->videoModels()->model(T2V);
        QVERIFY(vidu);
        StoryPlanDialog dialog(m_core, *vidu);
        dialog.storyEdit()->setPlainText(QStringLiteral("A fox finds its way home through the snow"));
        QVERIFY(dialog.plan());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.openButton()->isEnabled(), 15000);
        dialog.shotsTable()->item(1, 0)->setText(QStringLiteral("The fox crosses a frozen river."));
        QSignalSpy accepted(&dialog, &StoryPlanDialog::boardAccepted);
        QTest::mouseClick(dialog.openButton(), Qt::LeftButton);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 0); // nothing generated yet

        StoryboardTab tab(m_core);
        tab.show();
        QString why;
        const qint64 board = tab.importBoard(accepted.first().at(0).toJsonObject(), QDir::homePath(), &why);
        QVERIFY2(board > 0, qPrintable(why));
        QCOMPARE(tab.currentBoard(), board);
        const Board b = m_core->boards()->board(board);
        QCOMPARE(b.shots.size(), 4);
        QCOMPARE(b.shots.at(1).prompt(), QStringLiteral("The fox crosses a frozen river."));

        // Shot 2's prompt improved, edited, accepted: kept with the shot.
        tab.selectShot(b.shots.at(1).id);
        PromptHelper *helper = tab.promptHelper();
        QVERIFY(helper->improve(PromptImprover::Variant::Improve));
        QTRY_VERIFY_WITH_TIMEOUT(helper->acceptButton()->isEnabled(), 15000);
        const QString edited = helper->suggestion()->toPlainText() + QStringLiteral(" At dusk.");
        helper->suggestion()->setPlainText(edited);
        helper->acceptButton()->click();
        QTRY_COMPARE(m_core->boards()->shot(b.shots.at(1).id).prompt(), edited);

        QTest::mouseClick(tab.generateAllButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.controller()->isRunning(), 90000);
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 4);
        bool sentEdited = false;
        for (const PlatformSimulator::Recorded &r : m_core->simulator()->requests())
            sentEdited = sentEdited || (r.path == QLatin1String("/llmage/video") && r.body.contains("At dusk."));
        QVERIFY(sentEdited);
    }

    void quittingWithShotsStillToSendAsksFirst()
    {
        const qint64 board = makeBoard({shotOf(T2V, QStringLiteral("a fox waits [sim:stuck]")), shotOf(I2V, QStringLiteral("it runs"), true)});
        const qint64 first = m_core->boards()->board(board).shots.at(0).id;
        StoryboardTab tab(m_core);
        tab.show();
        QVERIFY(tab.confirmQuit()); // nothing running: no question
        QTest::mouseClick(tab.generateAllButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_core->boards()->takes(first).isEmpty() && !m_core->boards()->takes(first).first().taskId.isEmpty(), 20000);
        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (box && box->objectName() == QLatin1String("quitDuringStoryboard"))
                    box->button(button)->click();
            });
        };
        answer(QMessageBox::No);
        QVERIFY(!tab.confirmQuit());
        QVERIFY(tab.controller()->isRunning());
        QCOMPARE(tab.controller()->unsentShots(), QList<int>{2});
        answer(QMessageBox::Yes);
        QVERIFY(tab.confirmQuit());
        QTRY_VERIFY(!tab.controller()->isRunning());
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 1);
    }

    void aShotThatCannotBeSentSaysWhyWhereTheUserLooks()
    {
        makeBoard({shotOf(T2V, QString())});
        StoryboardTab tab(m_core);
        tab.show();
        QTest::mouseClick(tab.generateAllButton(), Qt::LeftButton);
        QVERIFY2(tab.statusLabel()->text().contains(QLatin1String("Shot 1")), qPrintable(tab.statusLabel()->text()));
        QTest::mouseClick(tab.joinButton(), Qt::LeftButton);
        QVERIFY2(tab.statusLabel()->text().contains(QLatin1String("no take")), qPrintable(tab.statusLabel()->text()));
        QCOMPARE(m_core->simulator()->requestCount(QStringLiteral("/llmage/video")), 0);
    }
};

QTEST_MAIN(TestStoryboardTab)
#include "tst_storyboardtab.moc"
