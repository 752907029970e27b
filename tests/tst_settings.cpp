#include "TestSupport.h"
#include "core/AppSettings.h"
#include "core/LaunchOptions.h"

#include <QSignalSpy>
#include <QTest>

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void baseUrlValidation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("default") << "https://opencomputing.ai" << true << "https://opencomputing.ai";
        QTest::newRow("trailing slash") << "https://opencomputing.ai/" << true << "https://opencomputing.ai";
        QTest::newRow("spaces") << "  https://example.com/api  " << true << "https://example.com/api";
        QTest::newRow("upper scheme") << "HTTPS://example.com" << true << "https://example.com";
        QTest::newRow("loopback http") << "http://127.0.0.1:8080" << true << "http://127.0.0.1:8080";
        QTest::newRow("localhost http") << "http://localhost:9000" << true << "http://localhost:9000";
        QTest::newRow("ipv6 loopback") << "http://[::1]:9000" << true << "http://[::1]:9000";
        QTest::newRow("plain http remote") << "http://opencomputing.ai" << false << "";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("no scheme") << "opencomputing.ai" << false << "";
        QTest::newRow("ftp") << "ftp://opencomputing.ai" << false << "";
        QTest::newRow("garbage") << "https://" << false << "";
        QTest::newRow("spaces inside") << "https://open computing.ai" << false << "";
        QTest::newRow("query") << "https://opencomputing.ai/?x=1" << false << "";
        QTest::newRow("user info") << "https://me:pw@opencomputing.ai" << false << "";
    }
    void baseUrlValidation()
    {
        QFETCH(QString, input);
        QFETCH(bool, ok);
        QFETCH(QString, normalized);
        QUrl url;
        const QString error = AppSettings::validateBaseUrl(input, &url);
        QCOMPARE(error.isEmpty(), ok);
        if (ok)
            QCOMPARE(url.toString(), normalized);
    }

    void badUrlNeverReplacesSavedOne()
    {
        QTemporaryDir dir;
        {
            AppSettings s(dir.path());
            QVERIFY(s.setBaseUrl(QStringLiteral("https://example.com")));
            QSignalSpy changed(&s, &AppSettings::baseUrlChanged);
            QString error;
            QVERIFY(!s.setBaseUrl(QStringLiteral("http://evil.example.com"), &error));
            QVERIFY(!error.isEmpty());
            QCOMPARE(changed.count(), 0);
        }
        AppSettings reopened(dir.path());
        QCOMPARE(reopened.baseUrl().toString(), QStringLiteral("https://example.com"));
    }

    void corruptStoredUrlFallsBackToDefault()
    {
        QTemporaryDir dir;
        {
            QSettings raw(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            raw.setValue(QStringLiteral("platform/baseUrl"), QStringLiteral("not a url"));
        }
        AppSettings s(dir.path());
        QCOMPARE(s.baseUrl(), AppSettings::defaultBaseUrl());
    }

    void apiKeyValidation()
    {
        QVERIFY(!AppSettings::validateApiKey(QString()).isEmpty());
        QVERIFY(!AppSettings::validateApiKey(QStringLiteral("   ")).isEmpty());
        QVERIFY(!AppSettings::validateApiKey(QStringLiteral("short")).isEmpty());
        QVERIFY(!AppSettings::validateApiKey(QStringLiteral("sk-abc def-123")).isEmpty());
        QVERIFY(!AppSettings::validateApiKey(QStringLiteral("密钥密钥密钥密钥密钥")).isEmpty());
        QVERIFY(AppSettings::validateApiKey(QStringLiteral(" sk-AbCdEf0123456789 ")).isEmpty());
    }

    void downloadFolderValidation()
    {
        QTemporaryDir dir;
        QVERIFY(AppSettings::validateDownloadFolder(dir.filePath(QStringLiteral("new/sub"))).isEmpty());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("new/sub"))).isDir());
        QVERIFY(!AppSettings::validateDownloadFolder(QStringLiteral("relative/path")).isEmpty());
        QVERIFY(!AppSettings::validateDownloadFolder(QString()).isEmpty());
        QFile file(dir.filePath(QStringLiteral("afile")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!AppSettings::validateDownloadFolder(file.fileName()).isEmpty());
    }

    void settingsPersist()
    {
        QTemporaryDir dir;
        {
            AppSettings s(dir.path());
            s.setLanguage(QStringLiteral("zh_CN"));
            s.setChatHistoryTurns(3);
            s.setChatStreaming(false);
            s.setRequestSizeLimitKiB(2048);
            QCOMPARE(s.confirmCostAbove(), 0); // never ask, until the user sets a threshold
            s.setConfirmCostAbove(150);
            s.sync();
        }
        AppSettings s(dir.path());
        QCOMPARE(s.confirmCostAbove(), 150);
        QCOMPARE(s.language(), QStringLiteral("zh_CN"));
        QCOMPARE(s.chatHistoryTurns(), 3);
        QCOMPARE(s.chatStreaming(), false);
        QCOMPARE(s.requestSizeLimitKiB(), 2048);
    }

    void promptHelperModelFollowsTheChatUntilSet()
    {
        QTemporaryDir dir;
        {
            AppSettings s(dir.path());
            QCOMPARE(s.promptHelperModel(), s.lastChatModel());
            s.setLastChatModel(QStringLiteral("deepseek-v3"));
            QCOMPARE(s.promptHelperModel(), QStringLiteral("deepseek-v3"));
            s.setPromptHelperModel(QStringLiteral(" qwen3-max "));
            s.sync();
        }
        AppSettings s(dir.path());
        QCOMPARE(s.promptHelperModel(), QStringLiteral("qwen3-max"));
        s.setPromptHelperModel(QString());
        QCOMPARE(s.promptHelperModel(), QStringLiteral("deepseek-v3"));
    }

    void environmentOverrides()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("YUANJING_API_KEY"), QStringLiteral("sk-env-key-1"));
        env.insert(QStringLiteral("YUANJING_BASE_URL"), QStringLiteral("http://example.com"));
        LaunchOptions o = LaunchOptions::fromEnvironment(env);
        QCOMPARE(o.apiKeyOverride, QStringLiteral("sk-env-key-1"));
        QVERIFY(!o.validate());
        QVERIFY(!o.error.isEmpty());
        QVERIFY(o.baseUrlOverride.isEmpty());
        env.insert(QStringLiteral("YUANJING_BASE_URL"), QStringLiteral("https://example.com"));
        LaunchOptions good = LaunchOptions::fromEnvironment(env);
        QVERIFY(good.validate());
        QCOMPARE(good.baseUrlOverride, QStringLiteral("https://example.com"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
