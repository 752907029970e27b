// The simulator speaks the protocol: tasks progress, both reply shapes, files with Range, models.
#include "TestSupport.h"
#include "api/PlatformClient.h"
#include "simulator/PlatformSimulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestSimulator : public QObject
{
    Q_OBJECT
    PlatformSimulator *m_sim = nullptr;
    PlatformClient *m_client = nullptr;

    QJsonObject post(const QString &path, const QJsonObject &body, const QUrlQuery &query = {})
    {
        ApiCall *c = m_client->postJson(path, body, query);
        QSignalSpy ok(c, &ApiCall::succeeded);
        QSignalSpy done(c, &ApiCall::finished);
        if (!done.wait(5000) || ok.isEmpty())
            return {};
        return ok.first().first().value<QJsonDocument>().object();
    }

    // Sends raw bytes to the simulator and returns everything it answers until it closes.
    QByteArray raw(const QByteArray &bytes)
    {
        QTcpSocket socket;
        socket.connectToHost(m_sim->baseUrl().host(), quint16(m_sim->baseUrl().port()));
        if (!socket.waitForConnected(5000))
            return "not connected";
        socket.write(bytes);
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        QByteArray answer;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
        if (!closed.wait(5000))
            return "still open: " + answer;
        return answer + socket.readAll();
    }

private slots:
    void init()
    {
        m_sim = new PlatformSimulator(this);
        m_client = new PlatformClient(this);
        QVERIFY(TestSupport::connect(m_sim, m_client, QStringLiteral("demo-key")));
    }
    void cleanup()
    {
        delete m_client;
        delete m_sim;
    }

    // Hostile requests to the simulator's port: answered at once with the right status and closed,
    // without reading (or keeping) what the request says is still to come.
    void hostileRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        const QByteArray head = "POST /llmage/video HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-key\r\n";
        QTest::newRow("huge Content-Length") << head + "Content-Length: 99999999999\r\n\r\n" << QByteArray("413");
        QTest::newRow("Content-Length overflows") << head + "Content-Length: 99999999999999999999999\r\n\r\n{}" << QByteArray("400");
        QTest::newRow("negative Content-Length") << head + "Content-Length: -5\r\n\r\n{}" << QByteArray("400");
        QTest::newRow("Content-Length not a number") << head + "Content-Length: 2x\r\n\r\n{}" << QByteArray("400");
        QTest::newRow("two Content-Lengths") << head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" << QByteArray("400");
        QByteArray many = head;
        for (int i = 0; i < 200; ++i)
            many += "X-H" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many headers") << many + "Content-Length: 2\r\n\r\n{}" << QByteArray("431");
        QTest::newRow("over-long header line") << head + "X-Long: " + QByteArray(20000, 'a') + "\r\nContent-Length: 2\r\n\r\n{}"
                                               << QByteArray("431");
        QTest::newRow("over-long request line") << "GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\n\r\n" << QByteArray("414");
        QTest::newRow("endless line") << "GET /" + QByteArray(100000, 'a') << QByteArray("414");
        QTest::newRow("garbage request line") << QByteArray("\x16\x03\x01\x02\x01\x01\xfc\x03\x03\r\n\r\n") << QByteArray("400");
        QTest::newRow("chunked body") << head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" << QByteArray("501");
    }
    void hostileRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        const QByteArray answer = raw(request);
        QVERIFY2(answer.startsWith("HTTP/1.1 " + status + ' '), answer.left(200).constData());
        QCOMPARE(m_sim->requestCount(QStringLiteral("/llmage/video")), 0);
    }

    // A body over the limit is still answered 413, as the platform's proxy does, and not kept.
    void largeBodyIsReadAndAnswered413()
    {
        m_sim->config().maxBodyBytes = 1000;
        const QByteArray body(5000, 'x');
        const QByteArray answer = raw("POST /llmage/video HTTP/1.1\r\nAuthorization: Bearer demo-key\r\nContent-Length: 5000\r\n\r\n" + body);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
    }

    void listensOnLoopbackOnly()
    {
        QCOMPARE(m_sim->baseUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_sim->baseUrl().port() > 0);
    }

    void taskLifecycle_data()
    {
        QTest::addColumn<bool>("wrapped");
        QTest::newRow("flat") << false;
        QTest::newRow("wrapped") << true;
    }
    void taskLifecycle()
    {
        QFETCH(bool, wrapped);
        m_sim->config().taskStepMs = 100;
        m_sim->config().wrappedTaskReplies = wrapped;
        const QJsonObject submit = post(QStringLiteral("/llmage/video"),
                                        {{QStringLiteral("llmid"), QStringLiteral("r0ill7L0s6PtBS8mkmg-7")},
                                         {QStringLiteral("prompt"), QStringLiteral("a cat")},
                                         {QStringLiteral("duration"), 4},
                                         {QStringLiteral("resolution"), QStringLiteral("720p")}});
        const QString id = submit.value(QLatin1String("taskid")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(submit.value(QLatin1String("status")).toString(), QStringLiteral("created"));
        QStringList seen;
        QJsonObject task;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     QUrlQuery q;
                                     q.addQueryItem(QStringLiteral("taskid"), id);
                                     QJsonObject reply = post(QStringLiteral("/llmage/tasks"), {{QStringLiteral("taskid"), id}}, q);
                                     if (wrapped) {
                                         if (reply.value(QLatin1String("status")).toString() != QLatin1String("ok"))
                                             return false;
                                         reply = reply.value(QLatin1String("data")).toObject();
                                     }
                                     task = reply;
                                     const QString s = reply.value(QLatin1String("status")).toString();
                                     if (!seen.contains(s))
                                         seen << s;
                                     return s == QLatin1String("SUCCEEDED");
                                 }()),
                                 5000);
        QVERIFY(seen.contains(QStringLiteral("SUCCEEDED")));
        QCOMPARE(task.value(QLatin1String("usage")).toObject().value(QLatin1String("credits")).toInt(), 8);
        QVERIFY(task.value(QLatin1String("video")).toString().startsWith(m_sim->baseUrl().toString()));
    }

    void unknownTask()
    {
        const QJsonObject reply = post(QStringLiteral("/llmage/tasks"), {{QStringLiteral("taskid"), QStringLiteral("42")}});
        QCOMPARE(reply.value(QLatin1String("status")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(reply.value(QLatin1String("error")).toString(), QStringLiteral("taskid=42 not exist"));
    }

    void disabledModelFailsInBand()
    {
        ApiCall *c = m_client->postJson(QStringLiteral("/llmage/video"),
                                        {{QStringLiteral("llmid"), QStringLiteral("YjjGgxO_Xma8PWsMjJvps")},
                                         {QStringLiteral("prompt"), QStringLiteral("x")}});
        QSignalSpy done(c, &ApiCall::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().first().value<ApiError>().kind(), ApiError::Kind::Upstream);
    }

    void fileWithRange()
    {
        QNetworkRequest full(QUrl(m_sim->baseUrl().toString() + QStringLiteral("/idfile?path=/tmp/1/video.mp4")));
        QNetworkReply *a = m_client->networkManager()->get(full);
        QSignalSpy aDone(a, &QNetworkReply::finished);
        QVERIFY(aDone.wait(5000));
        const QByteArray all = a->readAll();
        QVERIFY(all.size() > 10000);
        QNetworkRequest part = full;
        part.setRawHeader("Range", "bytes=100-");
        QNetworkReply *b = m_client->networkManager()->get(part);
        QSignalSpy bDone(b, &QNetworkReply::finished);
        QVERIFY(bDone.wait(5000));
        QCOMPARE(b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 206);
        QCOMPARE(b->readAll(), all.mid(100));
        a->deleteLater();
        b->deleteLater();
    }

    void models()
    {
        ApiCall *c = m_client->get(QStringLiteral("/llmage/v1/models"));
        QSignalSpy ok(c, &ApiCall::succeeded);
        QVERIFY(ok.wait(5000));
        const QJsonObject o = ok.first().first().value<QJsonDocument>().object();
        QCOMPARE(o.value(QLatin1String("object")).toString(), QStringLiteral("list"));
        QVERIFY(o.value(QLatin1String("data")).toArray().size() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
