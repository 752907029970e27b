// The Account tab and what stands behind it: key states, the balance warning, the ledger's totals,
// CSV export, prices present and absent.
#include "TestSupport.h"
#include "account/AccountStatus.h"
#include "account/AccountTab.h"
#include "account/UsageChart.h"
#include "account/UsageSummary.h"
#include "api/StreamDecoder.h"
#include "core/AppCore.h"
#include "store/UsageLedger.h"
#include "tasks/TaskPoller.h"
#include "video/ModelCatalog.h"
#include "video/VideoSubmitter.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>

class TestAccount : public QObject
{
    Q_OBJECT
    TestSupport::Sandbox *m_box = nullptr;
    PlatformSimulator *m_sim = nullptr;

    LaunchOptions options(const QString &key = QStringLiteral("sk-account-0001")) const
    {
        LaunchOptions o = m_box->options();
        o.baseUrlOverride = m_sim->baseUrl().toString();
        o.apiKeyOverride = key;
        return o;
    }
    static bool start(AppCore &core)
    {
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        return started.count() == 1 || started.wait(5000);
    }
    static AccountStatus::KeyState check(AppCore &core)
    {
        QSignalSpy changed(core.account(), &AccountStatus::keyStateChanged);
        core.account()->checkKey();
        while (core.account()->keyState() == AccountStatus::KeyState::Checking)
            if (!changed.wait(10000))
                break;
        return core.account()->keyState();
    }

private slots:
    void init()
    {
        m_box = new TestSupport::Sandbox;
        m_sim = new PlatformSimulator;
        QVERIFY(m_sim->start());
    }
    void cleanup()
    {
        delete m_sim;
        delete m_box;
    }

    void keyStates()
    {
        m_sim->config().requiredKey = QStringLiteral("sk-account-0001");
        {
            AppCore core(options());
            QVERIFY(start(core));
            QCOMPARE(check(core), AccountStatus::KeyState::Valid);
        }
        {
            AppCore core(options(QStringLiteral("sk-wrong-key-00")));
            QVERIFY(start(core));
            QCOMPARE(check(core), AccountStatus::KeyState::Rejected);
            QVERIFY(!core.account()->keyDetail().isEmpty());
        }
        {
            m_sim->config().authStatus = 403;
            m_sim->config().authPlainText = true;
            AppCore core(options(QStringLiteral("sk-wrong-key-00")));
            QVERIFY(start(core));
            QCOMPARE(check(core), AccountStatus::KeyState::Rejected);
        }
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            LaunchOptions o = options();
            o.baseUrlOverride = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
            probe.close();
            AppCore core(o);
            QVERIFY(start(core));
            QCOMPARE(check(core), AccountStatus::KeyState::Unreachable);
        }
        {
            LaunchOptions o = m_box->options();
            o.baseUrlOverride = m_sim->baseUrl().toString();
            AppCore core(o);
            QVERIFY(start(core));
            QCOMPARE(check(core), AccountStatus::KeyState::NoKey);
        }
    }

    void balanceWarningFromA429AndClearedBySuccess()
    {
        AppCore core(options());
        QVERIFY(start(core));
        m_sim->config().insufficientBalance = true;
        QSignalSpy balance(core.account(), &AccountStatus::balanceChanged);
        const ModelSpec *spec = core.videoModels()->model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), QStringLiteral("x"));
        core.videoSubmitter()->submit(*spec, values, {}, 1024 * 1024);
        QVERIFY(balance.wait(5000));
        QVERIFY(core.account()->balanceInsufficient());
        QCOMPARE(core.account()->insufficientModel(), QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        AccountTab tab(&core);
        QVERIFY(tab.balanceLabel()->text().contains(QLatin1String("r0ill7L0s6PtBS8mkmg-7")));
        QVERIFY(tab.clearBalanceButton()->isEnabled());
        // Survives a restart...
        {
            AppCore again(options());
            QVERIFY(start(again));
            QVERIFY(again.account()->balanceInsufficient());
        }
        // ...and a billed call that goes through clears it.
        m_sim->config().insufficientBalance = false;
        QTRY_VERIFY(!core.videoSubmitter()->isBusy());
        core.videoSubmitter()->submit(*spec, values, {}, 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT(!core.account()->balanceInsufficient(), 5000);
        QVERIFY(!tab.clearBalanceButton()->isEnabled());
        // The user can clear it by hand too.
        m_sim->config().insufficientBalance = true;
        QTRY_VERIFY(!core.videoSubmitter()->isBusy());
        core.videoSubmitter()->submit(*spec, values, {}, 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT(core.account()->balanceInsufficient(), 5000);
        QTest::mouseClick(tab.clearBalanceButton(), Qt::LeftButton);
        QVERIFY(!core.account()->balanceInsufficient());
    }

    void ledgerFromTheCapturedStream()
    {
        AppCore core(options());
        QVERIFY(start(core));
        StreamDecoder decoder;
        TokenUsage usage;
        for (const StreamEvent &e : decoder.feed(TestSupport::fixture(QStringLiteral("t2t-stream.sse"))))
            if (e.type == StreamEvent::Type::Usage)
                usage = e.usage;
        LedgerEntry e;
        e.kind = QStringLiteral("chat");
        e.ref = decoder.llmUsageId();
        e.model = decoder.model();
        e.usage = usage;
        e.createdAt = QDateTime(QDate(2026, 11, 24), QTime(10, 0));
        QVERIFY(core.ledger()->record(e));
        e.ref = QStringLiteral("second");
        e.createdAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0));
        QVERIFY(core.ledger()->record(e));
        const QList<LedgerEntry> all = core.ledger()->entries();
        const auto days = UsageSummary::byPeriod(all, UsageSummary::Period::Day);
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.value(QDate(2026, 11, 24)).totalTokens, 70);
        QCOMPARE(days.value(QDate(2026, 11, 24)).promptTokens, 10);
        QCOMPARE(days.value(QDate(2026, 11, 24)).completionTokens, 60);
        const auto weeks = UsageSummary::byPeriod(all, UsageSummary::Period::Week);
        QCOMPARE(weeks.size(), 1);
        QCOMPARE(weeks.first().calls, 2);
        QCOMPARE(UsageSummary::byModel(all).value(QStringLiteral("qwen3-max")).totalTokens, 140);
    }

    void ledgerFromSimulatedTasksMatchesTheSimulator()
    {
        AppCore core(options());
        QVERIFY(start(core));
        PollPolicy fast;
        fast.firstDelayMs = 20;
        fast.maxIntervalMs = 60;
        fast.maxPerSecond = 100;
        core.poller()->setPolicy(fast);
        m_sim->config().taskStepMs = 30;
        const ModelSpec *vidu = core.videoModels()->model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        QSignalSpy succeeded(core.poller(), &TaskPoller::taskSucceeded);
        for (const auto &[duration, resolution] : QList<QPair<QString, QString>>{{QStringLiteral("4"), QStringLiteral("720p")},
                                                                                 {QStringLiteral("5"), QStringLiteral("1080p")}}) {
            QVariantMap values = vidu->defaults();
            values.insert(QStringLiteral("prompt"), QStringLiteral("x"));
            values.insert(QStringLiteral("duration"), duration);
            values.insert(QStringLiteral("resolution"), resolution);
            QTRY_VERIFY(!core.videoSubmitter()->isBusy());
            core.videoSubmitter()->submit(*vidu, values, {}, 1024 * 1024);
        }
        QTRY_VERIFY_WITH_TIMEOUT(succeeded.count() == 2, 10000);
        const auto models = UsageSummary::byModel(core.ledger()->entries());
        // The simulator's tariff: 720p 2 credits/s, 1080p 4 credits/s → 4*2 + 5*4.
        QCOMPARE(models.value(QStringLiteral("viduq3-pro")).credits, 28.0);
        QCOMPARE(models.value(QStringLiteral("viduq3-pro")).calls, 2);

        AccountTab tab(&core);
        QCOMPARE(tab.modelTable()->rowCount(), 1);
        QCOMPARE(tab.modelTable()->item(0, 4)->text(), QStringLiteral("28"));
        QCOMPARE(tab.callTable()->rowCount(), 2);
        QCOMPARE(tab.chart()->bars().size(), 14);
    }

    void emptyUsageOffersAChat()
    {
        AppCore core(options());
        QVERIFY(start(core));
        AccountTab tab(&core);
        tab.show();
        QVERIFY(tab.chart()->bars().isEmpty());
        QVERIFY(tab.chart()->startButton()->isVisible());
        QSignalSpy chat(&tab, &AccountTab::chatRequested);
        QTest::mouseClick(tab.chart()->startButton(), Qt::LeftButton);
        QCOMPARE(chat.size(), 1);
    }

    void csvExport()
    {
        AppCore core(options());
        QVERIFY(start(core));
        LedgerEntry e;
        e.kind = QStringLiteral("video");
        e.ref = QStringLiteral("936759404378734592");
        e.model = QStringLiteral("viduq3-pro");
        e.credits = 10;
        e.details = QJsonObject{{QStringLiteral("action"), QStringLiteral("t2v")}, {QStringLiteral("credits"), 10}};
        e.createdAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        core.ledger()->record(e);
        AccountTab tab(&core);
        const QString path = m_box->dir.filePath(QStringLiteral("usage.csv"));
        QVERIFY(tab.exportCsv(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.at(0), QByteArray("time,kind,ref,model,prompt_tokens,completion_tokens,cached_tokens,total_tokens,credits,details"));
        QVERIFY(lines.at(1).startsWith("2026-11-25T"));
        QVERIFY(lines.at(1).contains(",video,936759404378734592,viduq3-pro,0,0,0,0,10,"));
        QVERIFY(lines.at(1).contains("\"{\"\"action\"\":\"\"t2v\"\",\"\"credits\"\":10}\""));
        QVERIFY(!f.fileName().isEmpty());
        f.seek(0);
        QVERIFY(!f.readAll().contains("sk-account-0001"));
    }

    void pricingPresentAndAbsent()
    {
        AppCore core(options());
        QVERIFY(start(core));
        LedgerEntry e;
        e.kind = QStringLiteral("chat");
        e.ref = QStringLiteral("a");
        e.model = QStringLiteral("qwen3-max");
        e.usage = TokenUsage{1, 2, 3, 0, true};
        core.ledger()->record(e);
        AccountTab tab(&core);
        QTRY_VERIFY(!tab.modelTable()->item(0, 5)->text().isEmpty());

        m_sim->config().pricingAvailable = false;
        AppCore other(options());
        QVERIFY(start(other));
        other.ledger()->record(e);
        AccountTab without(&other);
        QTRY_VERIFY(m_sim->requestCount(QStringLiteral("/llmage/v1/pricing")) >= 2);
        QVERIFY(without.modelTable()->item(0, 5)->text().isEmpty());
        QCOMPARE(without.modelTable()->item(0, 3)->text(), QStringLiteral("3"));
    }
};

QTEST_MAIN(TestAccount)
#include "tst_account.moc"
