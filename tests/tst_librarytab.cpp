// The Library as a user meets it: a task from submission to a played file, a restart in the middle,
// filters, run again, delete.
#include "MainWindow.h"
#include "TestSupport.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "library/LibraryTab.h"
#include "library/VideoPlayer.h"
#include "media/Media.h"
#include "store/TaskStore.h"
#include "studio/CompareView.h"
#include "studio/StudioForm.h"
#include "video/ComparisonRunner.h"
#include "video/IntentMapper.h"
#include "studio/StudioTab.h"
#include "tasks/LibraryModel.h"
#include "tasks/ResultDownloader.h"
#include "tasks/TaskPoller.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

class TestLibraryTab : public QObject
{
    Q_OBJECT
    TestSupport::Sandbox *m_box = nullptr;
    PlatformSimulator *m_sim = nullptr; // outlives the cores: a restart talks to the same platform

    LaunchOptions options() const
    {
        LaunchOptions o = m_box->options();
        o.baseUrlOverride = m_sim->baseUrl().toString();
        o.apiKeyOverride = QStringLiteral("sk-library-0001");
        return o;
    }
    static void fast(AppCore &core)
    {
        PollPolicy p;
        p.firstDelayMs = 20;
        p.maxIntervalMs = 100;
        p.maxPerSecond = 100;
        core.poller()->setPolicy(p);
        core.downloader()->setRetryPolicy(20, 100, 3);
    }
    static bool start(AppCore &core)
    {
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        return started.count() == 1 || started.wait(5000);
    }
    static VideoTask submit(AppCore &core, const QString &llmid, const QString &prompt)
    {
        const ModelSpec *spec = core.videoModels()->model(llmid);
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), prompt);
        QSignalSpy submitted(core.videoSubmitter(), &VideoSubmitter::submitted);
        core.videoSubmitter()->submit(*spec, values, {}, 1024 * 1024);
        if (!submitted.wait(5000))
            return {};
        return submitted.first().first().value<VideoTask>();
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_sim = new PlatformSimulator;
        QVERIFY(m_sim->start());
        m_sim->config().taskStepMs = 50;
        QVERIFY(QDir().mkpath(m_box->dir.filePath(QStringLiteral("Videos"))));
    }
    void cleanup()
    {
        delete m_sim;
        delete m_box;
    }

    // A star kept in the store (a poll's older copy of the task does not take it away, nor does a
    // restart), and a filter that shows starred videos only.
    void favouriteKeptAndFiltered()
    {
        qint64 starred = 0;
        {
            AppCore core(options());
            QVERIFY(start(core));
            LibraryTab tab(&core);
            tab.show();
            const VideoTask one = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("one"));
            const VideoTask two = submit(core, QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("two"));
            QVERIFY(one.id && two.id);
            QTRY_COMPARE(tab.filter()->rowCount(), 2);
            tab.selectTask(one.id);
            QVERIFY(!tab.favouriteButton()->isChecked());
            tab.favouriteButton()->click();
            QVERIFY(core.tasks()->task(one.id).favourite);
            QTRY_VERIFY(tab.favouriteButton()->text().startsWith(QStringLiteral("★")));
            VideoTask stale = one; // as a poll holds it, from before the star
            stale.platformStatus = QStringLiteral("RUNNING");
            QVERIFY(core.tasks()->update(stale));
            QVERIFY(core.tasks()->task(one.id).favourite);
            // What the update announced is the stored star too: the Library still shows it.
            const int row = core.library()->rowOf(one.id);
            QVERIFY(core.library()->data(core.library()->index(row), LibraryModel::FavouriteRole).toBool());
            QVERIFY(tab.favouriteButton()->isChecked());
            tab.favouritesFilter()->click();
            QCOMPARE(tab.filter()->rowCount(), 1);
            QCOMPARE(tab.filter()->index(0, 0).data(LibraryModel::IdRole).toLongLong(), one.id);
            starred = one.id;
        }
        AppCore again(options());
        QVERIFY(start(again));
        QVERIFY(again.tasks()->task(starred).favourite);
    }

    // Nothing selected: the player's place says what it is for and no greyed-out buttons stand under it;
    // selecting a video brings the buttons without moving the splitter.
    void nothingSelectedShowsNoButtons()
    {
        AppCore core(options());
        QVERIFY(start(core));
        LibraryTab tab(&core);
        tab.resize(1100, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        // No video at all: the grid's empty state alone, the detail pane hidden; the splitter's state
        // saved so (as the window saves it at quit) brings the pane back once there are videos.
        QWidget *pane = tab.actions()->parentWidget();
        QVERIFY(!pane->isVisible());
        const QByteArray savedEmpty =
            tab.findChild<QSplitter *>(QStringLiteral("librarySplitter"))->saveState();
        const VideoTask t =
            submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("a lighthouse"));
        QTRY_COMPARE(tab.filter()->rowCount(), 1);
        QVERIFY(tab.noSelection()->isVisible());
        QVERIFY(!tab.actions()->isVisible());
        QVERIFY(!tab.poster()->isVisible());
        const int width = tab.actions()->parentWidget()->width();
        tab.selectTask(t.id);
        QVERIFY(!tab.noSelection()->isVisible());
        QVERIFY(tab.actions()->isVisible());
        QVERIFY(tab.poster()->isVisible());
        QCoreApplication::processEvents(); // the layout settles
        QCOMPARE(tab.actions()->parentWidget()->width(), width);

        LibraryTab again(&core);
        again.resize(1100, 700);
        again.findChild<QSplitter *>(QStringLiteral("librarySplitter"))->restoreState(savedEmpty);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.actions()->parentWidget()->isVisible());
        QVERIFY(again.actions()->parentWidget()->width() >= width);
    }

    // A task made in a comparison opens its comparison's takes side by side again.
    void comparisonSideBySideAgain()
    {
        AppCore core(options());
        QVERIFY(start(core));
        LibraryTab tab(&core);
        tab.show();
        const VideoTask alone = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("alone"));
        ComparisonRunner runner(core.videoSubmitter());
        VideoIntent intent;
        intent.prompt = QStringLiteral("together");
        const QList<ModelSpec> specs{*core.videoModels()->model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7")),
                                     *core.videoModels()->model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"))};
        QSignalSpy finished(&runner, &ComparisonRunner::finished);
        QVERIFY(runner.start(ComparisonRunner::entriesFor(specs, intent, {}), 1 << 20));
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(tab.filter()->rowCount(), 3);
        tab.selectTask(alone.id);
        QVERIFY(tab.sideBySideButton()->isHidden());
        tab.selectTask(runner.entries().first().taskRow);
        QVERIFY(!tab.sideBySideButton()->isHidden());
        CompareView *view = tab.showComparison();
        QVERIFY(view);
        QCOMPARE(view->tiles().size(), 2);
        QCOMPARE(view->tiles().at(1)->task().llmid, QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        QSignalSpy rerun(&tab, &LibraryTab::rerunRequested);
        view->tiles().at(1)->useButton()->click();
        QCOMPARE(rerun.size(), 1);
        view->close();
    }

    void fromSubmissionToAPlayedFile()
    {
        AppCore core(options());
        QVERIFY(start(core));
        core.settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        fast(core);
        MainWindow window(&core);
        window.show();
        QCOMPARE(window.tabs()->count(), 5);
        LibraryTab *library = window.libraryTab();

        const VideoTask task = submit(core, QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("lanterns on water"));
        QVERIFY(task.id);
        QTRY_VERIFY(window.runningLabel()->isVisible());
        QCOMPARE(library->view()->model()->rowCount(), 1);
        QSignalSpy downloaded(core.downloader(), &ResultDownloader::downloaded);
        QVERIFY(downloaded.wait(10000));
        const VideoTask done = core.tasks()->task(task.id);
        QCOMPARE(done.state, VideoTask::State::Succeeded);
        QVERIFY(QFile::exists(done.videoPath));
        QVERIFY(QFile::exists(done.coverPath));
        QVERIFY(done.videoPath.startsWith(m_box->dir.filePath(QStringLiteral("Videos"))));
        QTRY_VERIFY(!window.runningLabel()->isVisible());
        QCOMPARE(library->view()->model()->index(0, 0).data(LibraryModel::StatusTextRole).toString(),
                 LibraryModel::tr("Done"));

        library->selectTask(task.id);
        QVERIFY(library->details()->text().contains(QLatin1String("lanterns on water")));
        // Its cover, read off the UI thread, stands where the player will be.
        QTRY_VERIFY(!library->poster()->pixmap().isNull());
        // Readable details: the settings by their form's names, the usage in words, no raw JSON.
        QVERIFY2(!library->details()->text().contains(QLatin1String("{\"")), qPrintable(library->details()->text()));
        QVERIFY2(library->details()->text().contains(LibraryTab::tr("%1 credits").arg(done.usage.value(QLatin1String("credits")).toDouble())),
                 qPrintable(library->details()->text()));
        // A card under the pointer plays its video there, muted, before any Play: the module loads then.
        QVERIFY(!library->preview());
        QVERIFY(library->previewRow(0));
        QVERIFY(library->preview());
        QVERIFY(!library->preview()->isHidden());
        QCOMPARE(library->preview()->source(), QUrl::fromLocalFile(done.videoPath));
        QVERIFY(library->view()->visualRect(library->view()->model()->index(0, 0)).contains(library->preview()->geometry()));
        QEvent leaveEvent(QEvent::Leave);
        QCoreApplication::sendEvent(library->view()->viewport(), &leaveEvent);
        QVERIFY(library->preview()->isHidden());
        library->playCurrent();
        QCOMPARE(library->player()->source(), QUrl::fromLocalFile(done.videoPath));
        // Played, or a clear message naming what to install where GStreamer lacks the codec.
        QTRY_VERIFY_WITH_TIMEOUT(library->player()->hasStarted() || !library->player()->errorText().isEmpty(), 10000);
        if (!library->player()->errorText().isEmpty())
            QVERIFY(library->player()->errorText().contains(QLatin1String("gstreamer")));
        library->player()->stop();

        // The usage landed in the ledger.
        QCOMPARE(core.poller()->watchedCount(), 0);
    }

    void restartInTheMiddleResumesAndCompletes()
    {
        m_sim->config().taskStepMs = 400;
        qint64 id = 0;
        {
            AppCore first(options());
            QVERIFY(start(first));
            first.settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
            id = submit(first, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("restart me")).id;
            QVERIFY(id);
            QCOMPARE(first.poller()->watchedCount(), 1);
        } // the app quits while the video is being made
        AppCore second(options());
        QVERIFY(start(second));
        fast(second);
        QCOMPARE(second.poller()->watchedCount(), 1);
        QSignalSpy downloaded(second.downloader(), &ResultDownloader::downloaded);
        QVERIFY(downloaded.wait(10000));
        const VideoTask done = second.tasks()->task(id);
        QCOMPARE(done.state, VideoTask::State::Succeeded);
        QVERIFY(QFile::exists(done.videoPath));
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 1);
    }

    void demoModeRestartKeepsTasks()
    {
        LaunchOptions o = m_box->options();
        o.demo = true;
        qint64 id = 0;
        {
            AppCore first(o);
            QVERIFY(start(first));
            first.simulator()->config().taskStepMs = 300;
            id = submit(first, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("demo restart")).id;
            QVERIFY(id);
        }
        AppCore second(o);
        QVERIFY(start(second));
        second.settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        second.simulator()->config().taskStepMs = 300;
        fast(second);
        QSignalSpy downloaded(second.downloader(), &ResultDownloader::downloaded);
        QVERIFY(downloaded.wait(10000));
        QCOMPARE(second.tasks()->task(id).state, VideoTask::State::Succeeded);
        QVERIFY(QFile::exists(second.tasks()->task(id).videoPath));
    }

    void filtersAndSearch()
    {
        AppCore core(options());
        QVERIFY(start(core));
        fast(core);
        LibraryTab tab(&core);
        for (const auto &[llmid, prompt] : QList<QPair<QString, QString>>{{QStringLiteral("u9HZyfDoqU6uKI6M1BTks"), QStringLiteral("wan one")},
                                                                          {QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("vidu two")},
                                                                          {QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("[sim:fail] vidu three")}})
            QVERIFY(submit(core, llmid, prompt).id);
        QAbstractItemModel *shown = tab.view()->model();
        QCOMPARE(shown->rowCount(), 3);
        tab.filter()->setSearch(QStringLiteral("VIDU"));
        QCOMPARE(shown->rowCount(), 2);
        tab.filter()->setSearch(QString());
        tab.filter()->setModel(QStringLiteral("wan2.6-t2v"));
        QCOMPARE(shown->rowCount(), 1);
        tab.filter()->setModel(QString());
        tab.filter()->setMode(QStringLiteral("i2v"));
        QCOMPARE(shown->rowCount(), 0);
        tab.filter()->setMode(QString());
        tab.filter()->setStateFilter(LibraryFilterModel::StateFilter::Waiting);
        QCOMPARE(shown->rowCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(core.poller()->watchedCount() == 0, 10000);
        tab.filter()->setStateFilter(LibraryFilterModel::StateFilter::Failed);
        QCOMPARE(shown->rowCount(), 1);
        tab.filter()->setStateFilter(LibraryFilterModel::StateFilter::Done);
        QCOMPARE(shown->rowCount(), 2);
    }

    void runAgainFillsTheStudio()
    {
        AppCore core(options());
        QVERIFY(start(core));
        MainWindow window(&core);
        const VideoTask task = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("same again"));
        window.libraryTab()->selectTask(task.id);
        emit window.libraryTab()->rerunRequested(core.tasks()->task(task.id));
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::StudioTabIndex));
        StudioForm *form = window.studioTab()->form();
        QCOMPARE(form->spec().llmid, task.llmid);
        QCOMPARE(form->values().value(QStringLiteral("prompt")).toString(), QStringLiteral("same again"));
        QCOMPARE(form->values().value(QStringLiteral("duration")).toString(), QStringLiteral("10"));
    }

    void framesOfAFinishedVideoStartANewTask()
    {
        AppCore core(options());
        QVERIFY(start(core));
        core.settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        fast(core);
        MainWindow window(&core);
        QSignalSpy downloaded(core.downloader(), &ResultDownloader::downloaded);
        const VideoTask task = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("to be continued"));
        QVERIFY(downloaded.wait(10000));
        const QString video = core.tasks()->task(task.id).videoPath;
        LibraryTab *library = window.libraryTab();
        library->selectTask(task.id);
        QVERIFY(library->continueButton()->isEnabled());
        QVERIFY(library->useFrameButton()->isEnabled());

        // Continue: image-to-video, the video's very last frame in the first-frame slot.
        std::unique_ptr<media::Engine> engine = MediaModule::createEngine();
        QVERIFY(engine);
        QImage last, first;
        QVERIFY(engine->frame(video, media::FramePosition::Last, 0, &last).ok());
        QVERIFY(engine->frame(video, media::FramePosition::First, 0, &first).ok());
        QSignalSpy chosen(library, &LibraryTab::frameChosen);
        library->continueButton()->click();
        QVERIFY(chosen.wait(10000));
        QCOMPARE(chosen.first().at(0).value<QImage>(), last);
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::StudioTabIndex));
        StudioTab *studio = window.studioTab();
        QCOMPARE(studio->mode(), QStringLiteral("i2v"));
        QString firstKey;
        for (const FieldSpec &f : studio->form()->spec().fields)
            if (f.role == QLatin1String("first_frame"))
                firstKey = f.key;
        QVERIFY(!firstKey.isEmpty());
        const PreparedImage placed = studio->form()->images().value(firstKey);
        QVERIFY(placed.isValid());
        QCOMPARE(placed.image, last);

        // Use this frame, unplayed: the first frame, here as a reference.
        chosen.clear();
        window.tabs()->setCurrentIndex(MainWindow::LibraryTabIndex);
        library->useFrame(QStringLiteral("reference"));
        QVERIFY(chosen.wait(10000));
        QCOMPARE(chosen.first().at(0).value<QImage>(), first);
        QCOMPARE(studio->mode(), QStringLiteral("r2v"));

        // A video that is no longer a video: said under the buttons, the Studio untouched.
        QFile::resize(video, 100);
        chosen.clear();
        library->continueFromLastFrame();
        QTRY_VERIFY(!library->frameStatus()->isHidden());
        QVERIFY(library->frameStatus()->text().contains(QFileInfo(video).fileName()));
        QVERIFY(chosen.isEmpty());
    }

    void deleteKeepsOrRemovesTheFile()
    {
        AppCore core(options());
        QVERIFY(start(core));
        core.settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        fast(core);
        LibraryTab tab(&core);
        QSignalSpy downloaded(core.downloader(), &ResultDownloader::downloaded);
        const VideoTask a = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("keep file"));
        QVERIFY(downloaded.wait(10000));
        const VideoTask b = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("drop file"));
        QVERIFY(downloaded.wait(10000));
        const QString fileA = core.tasks()->task(a.id).videoPath;
        const QString fileB = core.tasks()->task(b.id).videoPath;
        tab.selectTask(a.id);
        tab.deleteCurrent(false, false);
        tab.selectTask(b.id);
        tab.deleteCurrent(false, true);
        QCOMPARE(tab.view()->model()->rowCount(), 0);
        QVERIFY(QFile::exists(fileA));
        QVERIFY(!QFile::exists(fileB));
    }

    void anUnknownTaskIsCheckedAgainFromTheLibrary()
    {
        // A task the platform kept RUNNING past its maximum age: unknown, with Check again.
        m_sim->config().tasksNeverFinish = true;
        AppCore core(options());
        QVERIFY(start(core));
        core.settings()->setDownloadFolder(m_box->dir.filePath(QStringLiteral("Videos")));
        fast(core);
        LibraryTab tab(&core);
        tab.show();
        VideoTask task = submit(core, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"), QStringLiteral("stuck"));
        QVERIFY(task.id);
        task = core.tasks()->task(task.id);
        task.deadline = QDateTime::currentDateTime().addMSecs(-1);
        QVERIFY(core.tasks()->update(task));
        QSignalSpy unknown(core.poller(), &TaskPoller::taskUnknown);
        QVERIFY(unknown.wait(5000));
        tab.selectTask(task.id);
        QPushButton *check = nullptr;
        for (QPushButton *b : tab.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Check again"))
                check = b;
        QVERIFY(check);
        QTRY_VERIFY(check->isVisible());
        m_sim->config().tasksNeverFinish = false;
        QSignalSpy downloaded(core.downloader(), &ResultDownloader::downloaded);
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(downloaded.wait(10000));
        QVERIFY(QFile::exists(core.tasks()->task(task.id).videoPath));
        QVERIFY(!check->isVisible());
    }
};

QTEST_MAIN(TestLibraryTab)
#include "tst_librarytab.moc"
