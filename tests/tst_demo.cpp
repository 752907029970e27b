// Demo mode starts, talks to the simulator and shuts down cleanly: in-process and as the real program.
#include "MainWindow.h"
#include "TestSupport.h"
#include "chat/ChatSession.h"
#include "core/AppCore.h"
#include "simulator/PlatformSimulator.h"

#include <QProcess>
#include <QTcpSocket>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

namespace {
// The real program on the sandbox's folders, offscreen, told to report its start-up and quit.
QProcessEnvironment startupProbeEnvironment(const TestSupport::Sandbox &box)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("YUANJING_CONFIG_DIR"), box.dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("YUANJING_DATA_DIR"), box.dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("YUANJING_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("YUANJING_BENCH_T0_NS"), QString::number(QDateTime::currentMSecsSinceEpoch() * 1000000LL));
    return env;
}
} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private slots:
    void inProcess()
    {
        TestSupport::Sandbox box;
        LaunchOptions o = box.options();
        o.demo = true;
        auto *core = new AppCore(o);
        QSignalSpy started(core, &AppCore::started);
        core->start();
        QVERIFY(started.wait(5000));
        QVERIFY(core->isDemo());
        auto *window = new MainWindow(core);
        window->show();
        QVERIFY(!window->isShowingWelcome());
        QCOMPARE(window->tabs()->count(), 5);
        QTRY_VERIFY(core->simulator()->requestCount(QStringLiteral("/llmage/v1/models")) >= 1);
        // The real key, had there been one, never goes to the simulator.
        QCOMPARE(core->simulator()->requests().first().authorization, QByteArray("Bearer demo-key"));
        const QUrl url = core->simulator()->baseUrl();
        delete window;
        delete core;
        // Shut down: nothing listens any more.
        QTcpSocket probe;
        probe.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(!probe.waitForConnected(1000));
    }

    void realProgramStartsAndQuits()
    {
        TestSupport::Sandbox box;
        QProcess app;
        QProcessEnvironment env = startupProbeEnvironment(box);
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(YJ_APP_PATH), {QStringLiteral("--demo")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(app.readAllStandardOutput().contains("startup_ms"));
    }

    // Start-up reads its icons as PNG without asking every image plugin: none of them (nor the SVG
    // module they bring) is loaded before the first window is shown and idle.
    void startUpLoadsNoImagePlugin()
    {
        TestSupport::Sandbox box;
        QProcess app;
        QProcessEnvironment env = startupProbeEnvironment(box);
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(YJ_APP_PATH), {QStringLiteral("--demo")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
        const QByteArray loaded = app.readAllStandardError();
        QVERIFY(loaded.contains("libQt6Widgets")); // the dynamic linker did report
        QVERIFY2(!loaded.contains("plugins/imageformats/"), "an image plugin was loaded at start-up");
        QVERIFY(!loaded.contains("libQt6Svg"));
    }

    void versionOption()
    {
        QProcess app;
        app.start(QStringLiteral(YJ_APP_PATH), {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(app.readAllStandardOutput().contains(YUANJING_VERSION));
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
