// The cost before sending: the platform's price when it answers, else the median of this user's own
// past runs of the same model and settings (how many said), else unknown; and when to ask first.
#include "TestSupport.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "tasks/TaskPoller.h"
#include "video/CostEstimator.h"
#include "video/ModelCatalog.h"
#include "video/PricingService.h"
#include "video/VideoSubmitter.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QString Vidu = QStringLiteral("r0ill7L0s6PtBS8mkmg-7");
}

class TestCostEstimator : public QObject
{
    Q_OBJECT
    TestSupport::TaskWorld *m_world = nullptr;
    ModelCatalog m_catalog;

    QVariantMap vidu(const QString &resolution, int duration, const QString &prompt = QStringLiteral("a cat"))
    {
        QVariantMap v = m_catalog.model(Vidu)->defaults();
        v.insert(QStringLiteral("prompt"), prompt);
        v.insert(QStringLiteral("resolution"), resolution);
        v.insert(QStringLiteral("duration"), QString::number(duration));
        return v;
    }
    // One real run through the simulator: submitted, followed to success, its usage recorded.
    bool run(VideoSubmitter *submitter, TaskPoller *poller, const QVariantMap &values)
    {
        QSignalSpy submitted(submitter, &VideoSubmitter::submitted);
        QSignalSpy succeeded(poller, &TaskPoller::taskSucceeded);
        if (!submitter->submit(*m_catalog.model(Vidu), values, {}, 1 << 20) || !submitted.wait(10000))
            return false;
        poller->watch(submitted.first().first().value<VideoTask>());
        return succeeded.wait(10000);
    }

private slots:
    void initTestCase() { m_catalog.load(QString()); }
    void init()
    {
        m_world = new TestSupport::TaskWorld;
        QVERIFY(m_world->start(QStringLiteral("sk-cost-0001")));
        m_world->sim.config().taskStepMs = 30;
        m_world->sim.config().pricingAvailable = false;
    }
    void cleanup() { delete m_world; }

    // One place words the cost of several (a comparison, a storyboard's Generate all).
    void totalOfSeveral()
    {
        CostEstimate known, other, priced, unknown;
        known.source = CostEstimate::Source::History;
        known.credits = 20;
        other.source = CostEstimate::Source::History;
        other.credits = 28;
        priced.source = CostEstimate::Source::Pricing;
        priced.pricingText = QStringLiteral("1080p 4 credits a second");
        QCOMPARE(CostEstimate::totalShortText({}), QString());
        QCOMPARE(CostEstimate::totalShortText({known, other}), QStringLiteral("≈ 48 credits"));
        QCOMPARE(CostEstimate::totalShortText({priced, priced}), QStringLiteral("priced by the platform"));
        QCOMPARE(CostEstimate::totalShortText({priced, unknown}), QStringLiteral("cost unknown"));
        QCOMPARE(CostEstimate::totalShortText({known, priced, unknown}), QStringLiteral("≈ 20 credits + 2 not known in credits"));
    }

    void estimateFromHistoryAfterRuns()
    {
        VideoSubmitter submitter(&m_world->client, &m_world->store);
        TaskPoller poller(&m_world->client, &m_world->store);
        PollPolicy fast;
        fast.firstDelayMs = 20;
        fast.maxIntervalMs = 80;
        fast.maxPerSecond = 200;
        poller.setPolicy(fast);
        CostEstimator costs(&m_world->store, nullptr);
        const ModelSpec &spec = *m_catalog.model(Vidu);

        QCOMPARE(costs.estimate(spec, vidu(QStringLiteral("720p"), 5)).source, CostEstimate::Source::Unknown);
        QCOMPARE(costs.estimate(spec, vidu(QStringLiteral("720p"), 5)).text(),
                 QStringLiteral("cost unknown"));

        // The simulator's tariff: 2 credits a second at 720p, 4 at 1080p.
        QVERIFY(run(&submitter, &poller, vidu(QStringLiteral("720p"), 5, QStringLiteral("one"))));
        QVERIFY(run(&submitter, &poller, vidu(QStringLiteral("720p"), 5, QStringLiteral("two"))));
        QVERIFY(run(&submitter, &poller, vidu(QStringLiteral("1080p"), 5)));

        // Another prompt, the same settings: 10 credits, from 2 runs.
        CostEstimate e =
            costs.estimate(spec, vidu(QStringLiteral("720p"), 5, QStringLiteral("something else")));
        QCOMPARE(e.source, CostEstimate::Source::History);
        QCOMPARE(e.credits, 10.0);
        QCOMPARE(e.runs, 2);
        QVERIFY2(e.text().contains(QLatin1String("10")) && e.text().contains(QLatin1String("of 2 run")),
                 qPrintable(e.text()));
        e = costs.estimate(spec, vidu(QStringLiteral("1080p"), 5));
        QCOMPARE(e.credits, 20.0);
        QCOMPARE(e.runs, 1);
        // Settings never run: unknown, never a guess from other settings.
        QCOMPARE(costs.estimate(spec, vidu(QStringLiteral("540p"), 5)).source, CostEstimate::Source::Unknown);
        QCOMPARE(costs.estimate(spec, vidu(QStringLiteral("720p"), 6)).source, CostEstimate::Source::Unknown);
    }

    void theMedianOfSucceededRuns()
    {
        const ModelSpec &spec = *m_catalog.model(Vidu);
        const QJsonObject params = CostEstimator::pricedSettings(spec, vidu(QStringLiteral("720p"), 5));
        const auto add = [&](VideoTask::State state, double credits) {
            VideoTask t;
            t.mode = spec.mode;
            t.llmid = spec.llmid;
            t.modelName = spec.model;
            t.params = params;
            t.createdAt = QDateTime::currentDateTime();
            t.state = state;
            t.usage = QJsonObject{{QStringLiteral("credits"), credits}};
            m_world->store.add(t);
        };
        add(VideoTask::State::Succeeded, 10);
        add(VideoTask::State::Succeeded, 40);
        add(VideoTask::State::Succeeded, 30);
        add(VideoTask::State::Succeeded, 12);
        add(VideoTask::State::Failed, 1000); // not a run that was paid for
        CostEstimator costs(&m_world->store, nullptr);
        const CostEstimate e = costs.estimate(spec, vidu(QStringLiteral("720p"), 5));
        QCOMPARE(e.runs, 4);
        QCOMPARE(e.credits, 21.0);
    }

    void thePlatformsPriceFirst()
    {
        m_world->sim.config().pricingAvailable = true;
        PricingService pricing(&m_world->client);
        CostEstimator costs(&m_world->store, &pricing);
        QSignalSpy changed(&costs, &CostEstimator::estimateChanged);
        const ModelSpec &spec = *m_catalog.model(Vidu);
        QCOMPARE(costs.estimate(spec, vidu(QStringLiteral("720p"), 5)).source, CostEstimate::Source::Unknown);
        QVERIFY(changed.wait(5000));
        const CostEstimate e = costs.estimate(spec, vidu(QStringLiteral("720p"), 5));
        QCOMPARE(e.source, CostEstimate::Source::Pricing);
        QVERIFY(!e.pricingText.isEmpty());
        QCOMPARE(e.text(), e.pricingText);
        QCOMPARE(e.toJson().value(QLatin1String("source")).toString(), QStringLiteral("pricing"));
    }

    void asksAboveTheThreshold_data()
    {
        QTest::addColumn<double>("credits");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("ask");
        QTest::newRow("above") << 50.0 << 40.0 << true;
        QTest::newRow("at") << 40.0 << 40.0 << false;
        QTest::newRow("below") << 10.0 << 40.0 << false;
        QTest::newRow("no threshold") << 500.0 << 0.0 << false;
        QTest::newRow("unknown cost") << -1.0 << 40.0 << false;
    }
    void asksAboveTheThreshold()
    {
        QFETCH(double, credits);
        QFETCH(double, threshold);
        QFETCH(bool, ask);
        CostEstimate e;
        e.credits = credits;
        e.source = credits >= 0 ? CostEstimate::Source::History : CostEstimate::Source::Unknown;
        QCOMPARE(CostEstimator::needsConfirmation(e, threshold), ask);
    }
};

QTEST_GUILESS_MAIN(TestCostEstimator)
#include "tst_costestimator.moc"
