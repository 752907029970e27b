// The main window and the welcome flow, offscreen.
#include "MainWindow.h"
#include "chat/ChatTab.h"
#include "studio/StudioForm.h"
#include "studio/StudioTab.h"
#include "studio/StoryPlanDialog.h"
#include "store/BoardStore.h"
#include "storyboard/StoryboardTab.h"

#include <QTableWidget>
#include "TestSupport.h"
#include "WelcomePage.h"
#include "account/CredentialStore.h"
#include "api/PlatformClient.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "media/Media.h"
#include "settings/SettingsDialog.h"
#include "simulator/PlatformSimulator.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QMenuBar>
#include <QMenu>
#include <QAction>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

    static void startCore(AppCore &core)
    {
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QVERIFY(started.count() == 1 || started.wait(5000));
    }

private slots:
    void welcomeWithoutKey()
    {
        TestSupport::Sandbox box;
        AppCore core(box.options());
        startCore(core);
        MainWindow w(&core);
        w.show();
        QVERIFY(w.isShowingWelcome());
        WelcomePage *page = w.welcomePage();

        // Empty and malformed keys are refused where the user is looking.
        QTest::mouseClick(page->continueButton(), Qt::LeftButton);
        QVERIFY(page->errorLabel()->isVisible());
        QVERIFY(!page->errorLabel()->text().isEmpty());
        page->keyEdit()->setText(QStringLiteral("has a space 123"));
        QTest::mouseClick(page->continueButton(), Qt::LeftButton);
        QVERIFY(page->errorLabel()->isVisible());
        QVERIFY(w.isShowingWelcome());

        page->keyEdit()->setText(QStringLiteral("sk-welcome-0123456789"));
        QTest::mouseClick(page->continueButton(), Qt::LeftButton);
        QTRY_VERIFY(!w.isShowingWelcome());
        QCOMPARE(core.credentials()->apiKey(), QStringLiteral("sk-welcome-0123456789"));
        // No keychain in tests: the file fallback, and the UI says so.
        QCOMPARE(core.credentials()->storage(), CredentialStore::Storage::File);
        QCOMPARE(w.tabs()->count(), 5);
        QVERIFY(w.endpointLabel()->text().contains(QLatin1String("opencomputing.ai")));
    }

    void demoFromWelcome()
    {
        TestSupport::Sandbox box;
        AppCore core(box.options());
        startCore(core);
        MainWindow w(&core);
        w.show();
        QVERIFY(w.isShowingWelcome());
        QTest::mouseClick(w.welcomePage()->demoButton(), Qt::LeftButton);
        QVERIFY(!w.isShowingWelcome());
        QVERIFY(core.isDemo());
        QVERIFY(core.simulator()->isRunning());
        QCOMPARE(core.client()->baseUrl(), core.simulator()->baseUrl());
        QVERIFY(w.endpointLabel()->text().contains(core.simulator()->baseUrl().authority()));
    }

    // The menu actions the shortcuts help lists have a key on any desktop (some define no
    // "Preferences" or "Full screen" key of their own, and offscreen defines none at all).
    void menuActionsHaveKeys()
    {
        TestSupport::Sandbox box;
        AppCore core(box.options());
        startCore(core);
        MainWindow w(&core);
        QStringList keyless;
        int found = 0;
        for (QAction *action : w.menuBar()->actions()) {
            if (!action->menu())
                continue;
            for (QAction *item : action->menu()->actions()) {
                const bool listed = item->text() == MainWindow::tr("&Settings…") || item->text() == MainWindow::tr("&Quit")
                                    || item->text() == MainWindow::tr("&Full screen")
                                    || item->text() == MainWindow::tr("&Keyboard shortcuts");
                found += listed;
                if (listed && item->shortcut().isEmpty())
                    keyless << item->text();
            }
        }
        QCOMPARE(found, 4);
        QVERIFY2(keyless.isEmpty(), qPrintable(keyless.join(QLatin1String(", "))));
    }

    void keyFromEnvironmentSkipsWelcome()
    {
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.apiKeyOverride = QStringLiteral("sk-env-000111222");
        o.baseUrlOverride = QStringLiteral("https://staging.example.com");
        AppCore core(o);
        startCore(core);
        MainWindow w(&core);
        QVERIFY(!w.isShowingWelcome());
        QCOMPARE(core.client()->baseUrl().toString(), QStringLiteral("https://staging.example.com"));
        QVERIFY(w.endpointLabel()->text().contains(QLatin1String("staging.example.com")));
    }

    void startUpLeavesTheMediaModuleUnloaded()
    {
        // FFmpeg's libraries load with the first frame or join, never with the window or its tabs.
        // (No test in this file takes a frame: the module would stay loaded for the process.)
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.demo = true;
        AppCore core(o);
        startCore(core);
        MainWindow w(&core);
        w.show();
        for (int i = 0; i < w.tabs()->count(); ++i)
            w.tabs()->setCurrentIndex(i);
        QVERIFY(!MediaModule::isLoaded());
    }

    void badBaseUrlOverrideIsReported()
    {
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.baseUrlOverride = QStringLiteral("http://plain.example.com");
        AppCore core(o);
        QVERIFY(!core.options().error.isEmpty());
        QCOMPARE(core.effectiveBaseUrl(), AppSettings::defaultBaseUrl());
    }

    void settingsRefuseBadInputAndKeepSavedValues()
    {
        TestSupport::Sandbox box;
        AppCore core(box.options());
        startCore(core);
        QVERIFY(core.settings()->setBaseUrl(QStringLiteral("https://good.example.com")));
        SettingsDialog dialog(&core);
        dialog.baseUrlEdit()->setText(QStringLiteral("http://bad.example.com"));
        dialog.keyEdit()->setText(QStringLiteral("bad key"));
        dialog.folderEdit()->setText(QStringLiteral("relative"));
        QVERIFY(!dialog.apply());
        QVERIFY(!dialog.baseUrlError()->isHidden());
        QVERIFY(!dialog.keyError()->isHidden());
        QVERIFY(!dialog.folderError()->isHidden());
        QCOMPARE(core.settings()->baseUrl().toString(), QStringLiteral("https://good.example.com"));

        dialog.baseUrlEdit()->setText(QStringLiteral("https://better.example.com/"));
        dialog.keyEdit()->setText(QStringLiteral("sk-settings-12345"));
        dialog.folderEdit()->setText(box.dir.filePath(QStringLiteral("videos")));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("en")));
        QCOMPARE(dialog.promptHelperEdit()->text(), core.settings()->lastChatModel());
        dialog.promptHelperEdit()->setText(QStringLiteral("deepseek-v3"));
        QSignalSpy saved(core.credentials(), &CredentialStore::saved);
        QVERIFY(dialog.apply());
        QVERIFY(saved.wait());
        QCOMPARE(core.settings()->baseUrl().toString(), QStringLiteral("https://better.example.com"));
        QCOMPARE(core.client()->baseUrl().toString(), QStringLiteral("https://better.example.com"));
        QCOMPARE(core.credentials()->apiKey(), QStringLiteral("sk-settings-12345"));
        QCOMPARE(core.settings()->language(), QStringLiteral("en"));
        QCOMPARE(core.settings()->promptHelperModel(), QStringLiteral("deepseek-v3"));
    }

    // The chat's Send to Studio opens the Studio with the text as the prompt, in the mode and model last used.
    void sendToStudioOpensTheStudio()
    {
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.demo = true;
        AppCore core(o);
        startCore(core);
        core.settings()->setUiValue(QStringLiteral("studio/mode"), QStringLiteral("t2v"));
        core.settings()->setUiValue(QStringLiteral("studio/model_t2v"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        MainWindow w(&core);
        w.show();
        w.tabs()->setCurrentIndex(MainWindow::ChatTabIndex);
        emit w.chatTab()->sendToStudioRequested(QStringLiteral("A fox in the snow, low tracking shot."));
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::StudioTabIndex));
        QCOMPARE(w.studioTab()->mode(), QStringLiteral("t2v"));
        QCOMPARE(w.studioTab()->form()->spec().llmid, QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QCOMPARE(w.studioTab()->form()->values().value(QStringLiteral("prompt")).toString(),
                 QStringLiteral("A fox in the snow, low tracking shot."));

        // Send to storyboard: the shots open for review in the Studio.
        w.tabs()->setCurrentIndex(MainWindow::ChatTabIndex);
        emit w.chatTab()->sendToStoryboardRequested(QStringLiteral("[\"dawn\", \"noon\", \"dusk\"]"));
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::StudioTabIndex));
        auto *review = w.studioTab()->findChild<StoryPlanDialog *>();
        QVERIFY(review);
        QCOMPARE(review->shotsTable()->rowCount(), 3);
        // Opened as a storyboard: a board of three shots in the Storyboard tab, nothing generated.
        QTest::mouseClick(review->openButton(), Qt::LeftButton);
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::StoryboardTabIndex));
        QCOMPARE(core.boards()->boards().size(), 1);
        QCOMPARE(core.boards()->boards().first().shots, 3);
        QCOMPARE(w.storyboardTab()->currentBoard(), core.boards()->boards().first().id);
        QCOMPARE(core.simulator()->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    void balanceBannerAppearsAndClears()
    {
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.demo = true;
        AppCore core(o);
        startCore(core);
        MainWindow w(&core);
        w.show();
        core.simulator()->config().insufficientBalance = true;
        core.client()->postJson(QStringLiteral("/llmage/video"),
                                {{QStringLiteral("llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7")},
                                 {QStringLiteral("prompt"), QStringLiteral("x")}});
        QTRY_VERIFY(w.banner()->isVisible());
        QVERIFY(w.banner()->text().contains(QLatin1String("opencomputing.ai")));
        // A free call does not say anything about the balance...
        core.simulator()->config().insufficientBalance = false;
        ApiCall *models = core.client()->get(QStringLiteral("/llmage/v1/models"));
        QSignalSpy modelsDone(models, &ApiCall::finished);
        QVERIFY(modelsDone.wait());
        QVERIFY(w.banner()->isVisible());
        // ...a billed call that goes through does.
        core.client()->postJson(QStringLiteral("/llmage/video"),
                                {{QStringLiteral("llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7")},
                                 {QStringLiteral("prompt"), QStringLiteral("x")}});
        QTRY_VERIFY(!w.banner()->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
