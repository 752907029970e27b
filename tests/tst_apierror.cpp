// Every row of PLATFORM-API.md §4, through PlatformClient against the simulator.
#include "TestSupport.h"
#include "api/ApiError.h"
#include "api/PlatformClient.h"
#include "simulator/PlatformSimulator.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class TestApiError : public QObject
{
    Q_OBJECT

    PlatformSimulator *m_sim = nullptr;
    PlatformClient *m_client = nullptr;

    ApiError call(const QString &path = QStringLiteral("/llmage/t2t"),
                  const QJsonObject &body = {{QStringLiteral("model"), QStringLiteral("qwen3-max")},
                                             {QStringLiteral("prompt"), QStringLiteral("hi")},
                                             {QStringLiteral("stream"), false}})
    {
        ApiCall *c = m_client->postJson(path, body);
        QSignalSpy finished(c, &ApiCall::finished);
        if (!finished.wait(10000))
            return ApiError(ApiError::Kind::None, -1, QStringLiteral("no answer"));
        return finished.first().first().value<ApiError>();
    }

private slots:
    void init()
    {
        m_sim = new PlatformSimulator(this);
        m_client = new PlatformClient(this);
        QVERIFY(TestSupport::connect(m_sim, m_client, QStringLiteral("sk-test-123456")));
        m_sim->config().requiredKey = QStringLiteral("sk-test-123456");
    }
    void cleanup()
    {
        delete m_client;
        delete m_sim;
    }

    void success()
    {
        const ApiError e = call();
        QVERIFY2(!e.isError(), qPrintable(e.message()));
        QCOMPARE(m_sim->requests().last().authorization, QByteArray("Bearer sk-test-123456"));
    }

    void wrongKeyJson401()
    {
        m_client->setApiKey(QStringLiteral("sk-wrong-key-000"));
        QSignalSpy rejected(m_client, &PlatformClient::keyRejected);
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::Auth);
        QCOMPARE(e.httpStatus(), 401);
        QCOMPARE(e.serverMessage(), QStringLiteral("Invalid API Key"));
        QVERIFY(!e.message().isEmpty());
        QCOMPARE(rejected.count(), 1);
    }

    void forbiddenPlainText403()
    {
        m_client->setApiKey(QStringLiteral("sk-wrong-key-000"));
        m_sim->config().authStatus = 403;
        m_sim->config().authPlainText = true;
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::Auth);
        QCOMPARE(e.httpStatus(), 403);
        QCOMPARE(e.serverMessage(), QStringLiteral("Forbidden: invalid credentials"));
    }

    void missingPrompt400()
    {
        const ApiError e = call(QStringLiteral("/llmage/video"), {{QStringLiteral("llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks")}});
        QCOMPARE(e.kind(), ApiError::Kind::BadRequest);
        QCOMPARE(e.serverMessage(), QStringLiteral("Missing required parameter: prompt"));
        QVERIFY(e.message().contains(QLatin1String("Missing required parameter: prompt")));
    }

    void insufficientBalance429()
    {
        m_sim->config().insufficientBalance = true;
        QSignalSpy balance(m_client, &PlatformClient::balanceInsufficient);
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::InsufficientBalance);
        QCOMPARE(e.serverMessage(), QStringLiteral("Insufficient balance"));
        QCOMPARE(balance.count(), 1);
    }

    void tooLarge413()
    {
        m_sim->config().maxBodyBytes = 1024;
        const ApiError e = call(QStringLiteral("/llmage/video"),
                                {{QStringLiteral("llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks")},
                                 {QStringLiteral("prompt"), QString(4000, QLatin1Char('x'))}});
        QCOMPARE(e.kind(), ApiError::Kind::TooLarge);
        QCOMPARE(e.httpStatus(), 413);
    }

    void serverError5xxHtml()
    {
        m_sim->config().forcedStatus = 502;
        m_sim->config().forcedBody = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        m_sim->config().forcedContentType = "text/html";
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::Server);
        QCOMPARE(e.httpStatus(), 502);
        QCOMPARE(e.serverMessage(), QStringLiteral("502 Bad Gateway"));
    }

    void htmlBodyWith200()
    {
        m_sim->config().forcedStatus = 200;
        m_sim->config().forcedBody = "<html><body>maintenance</body></html>";
        m_sim->config().forcedContentType = "text/html";
        QCOMPARE(call().kind(), ApiError::Kind::Server);
    }

    void nonJson200()
    {
        m_sim->config().forcedStatus = 200;
        m_sim->config().forcedBody = "this is not json";
        QCOMPARE(call().kind(), ApiError::Kind::InvalidResponse);
    }

    void inBandFailure200()
    {
        m_sim->config().forcedStatus = 200;
        m_sim->config().forcedBody = "{\"error\": \"ERROR:upstream request failed\", \"status\": \"FAILED\"}";
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::Upstream);
        QCOMPARE(e.serverMessage(), QStringLiteral("upstream request failed"));
    }

    void olderServersInsufficientFunds400()
    {
        m_sim->config().insufficientBalance = true;
        m_sim->config().insufficientFundsAs400 = true;
        QSignalSpy low(m_client, &PlatformClient::balanceInsufficient);
        const ApiError e = call(QStringLiteral("/llmage/video"),
                                {{QStringLiteral("llmid"), QStringLiteral("u9HZyfDoqU6uKI6M1BTks")}, {QStringLiteral("prompt"), QStringLiteral("x")}});
        QCOMPARE(e.kind(), ApiError::Kind::InsufficientBalance);
        QCOMPARE(e.httpStatus(), 400);
        QCOMPARE(low.count(), 1);
        // Says why the platform may refuse while the balance seems enough.
        QVERIFY(e.message().contains(QLatin1String("highest")));
    }

    void pythonReprFailure200()
    {
        // One server version writes its error objects as a Python dict repr.
        m_sim->config().reprErrors = true;
        const ApiError e = call(QStringLiteral("/llmage/video"), {{QStringLiteral("llmid"), QStringLiteral("YjjGgxO_Xma8PWsMjJvps")},
                                                                  {QStringLiteral("prompt"), QStringLiteral("x")}});
        QCOMPARE(e.kind(), ApiError::Kind::Upstream);
        QVERIFY2(e.serverMessage().contains(QLatin1String("model not enabled")), qPrintable(e.serverMessage()));
        QVERIFY(!e.mayHaveReachedServer() || e.kind() == ApiError::Kind::Upstream);
    }

    void theKeyFollowsNoRedirectToAnotherOrigin()
    {
        // Another loopback server: a different origin, which must never see the key.
        PlatformSimulator elsewhere;
        QVERIFY(elsewhere.start());
        m_sim->config().redirectApiTo = elsewhere.baseUrl();
        const ApiError e = call();
        QVERIFY(e.isError());
        QCOMPARE(m_sim->requests().size(), 1);
        for (const auto &r : elsewhere.requests())
            QVERIFY2(!r.authorization.contains("sk-test-123456"), "the key went to another origin");
        QVERIFY(elsewhere.requests().isEmpty());
    }

    void timeout()
    {
        m_client->setTimeouts(300, 300);
        m_sim->config().answerDelayMs = 3000;
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::Timeout);
        QVERIFY(e.mayHaveReachedServer());
    }

    void userAbortIsNotTimeout()
    {
        m_sim->config().answerDelayMs = 3000;
        ApiCall *c = m_client->postJson(QStringLiteral("/llmage/t2t"), {{QStringLiteral("prompt"), QStringLiteral("x")}});
        QSignalSpy finished(c, &ApiCall::finished);
        QTRY_COMPARE(m_sim->requests().size(), 1);
        c->abort();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<ApiError>().kind(), ApiError::Kind::Canceled);
    }

    void connectionResetAfterSending()
    {
        m_sim->config().closeWithoutAnswer = true;
        const ApiError e = call();
        QCOMPARE(e.kind(), ApiError::Kind::Network);
        QVERIFY(e.mayHaveReachedServer());
    }

    void unreachableHost()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QCOMPARE(call().kind(), ApiError::Kind::Network);
    }

    void wrappedErrorShape()
    {
        QCOMPARE(ApiError::extractServerMessage("{\"status\":\"error\",\"data\":{\"message\":\"bad taskid\"}}"),
                 QStringLiteral("bad taskid"));
    }

    void fixtureBodies()
    {
        QCOMPARE(ApiError::fromHttpStatus(400, TestSupport::fixture(QStringLiteral("error-400.json"))).serverMessage(),
                 QStringLiteral("Missing required parameter: prompt"));
        QCOMPARE(ApiError::fromHttpStatus(401, TestSupport::fixture(QStringLiteral("error-401.json"))).kind(), ApiError::Kind::Auth);
        QCOMPARE(ApiError::fromHttpStatus(429, TestSupport::fixture(QStringLiteral("error-429.json"))).kind(),
                 ApiError::Kind::InsufficientBalance);
    }

    void everyKindHasTranslatableText()
    {
        for (int k = int(ApiError::Kind::Auth); k <= int(ApiError::Kind::Canceled); ++k) {
            const ApiError e(ApiError::Kind(k), 500);
            QVERIFY(!e.title().isEmpty());
            QVERIFY(!e.message().isEmpty());
            QVERIFY(!e.code().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
