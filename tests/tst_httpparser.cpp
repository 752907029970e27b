// The simulator's request parser alone: any split of the bytes gives the same request, and every limit holds.
#include "TestSupport.h"
#include "simulator/HttpRequestParser.h"

#include <QTest>

class TestHttpParser : public QObject
{
    Q_OBJECT
private slots:
    void anySplitGivesTheSameRequest()
    {
        const QByteArray bytes =
            "\r\nPOST /llmage/tasks?taskid=42&x=%E4%B8%AD HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Authorization:   Bearer k  \r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 7\r\n\r\n{\"a\":1}trailing";
        for (int step = 1; step <= bytes.size(); ++step) {
            HttpRequestParser parser;
            HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
            for (int i = 0; i < bytes.size(); i += step)
                state = parser.feed(QByteArrayView(bytes).sliced(i, qMin<qsizetype>(step, bytes.size() - i)));
            QCOMPARE(state, HttpRequestParser::State::Complete);
            const HttpRequest &r = parser.request();
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path, QStringLiteral("/llmage/tasks"));
            QCOMPARE(r.query.queryItemValue(QStringLiteral("taskid")), QStringLiteral("42"));
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer k"));
            QCOMPARE(r.headers.value("x-a"), QByteArray("1, 2"));
            QCOMPARE(r.body, QByteArray("{\"a\":1}"));
            QVERIFY(!r.bodyTooLarge);
        }
    }

    // Found by fuzz/http_request: "GET //odels" was read as host "odels" with an empty path.
    void targetIsAlwaysAPath_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("path");
        QTest::newRow("double slash") << QByteArray("//odels") << "//odels";
        QTest::newRow("double slash and more") << QByteArray("//h/llmage/video") << "//h/llmage/video";
        QTest::newRow("query only") << QByteArray("/?a=1") << "/";
        QTest::newRow("at sign") << QByteArray("/@x/y") << "/@x/y";
    }
    void targetIsAlwaysAPath()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, path);
        HttpRequestParser parser;
        QCOMPARE(parser.feed("GET " + target + " HTTP/1.1\r\n\r\n"), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().path, path);
    }
    void theFuzzersInput()
    {
        QFile crash(QStringLiteral(YJ_FUZZ_DIR "/regressions/http_request/double-slash-target"));
        QVERIFY(crash.open(QIODevice::ReadOnly));
        HttpRequestParser parser;
        // The fuzzer's first two bytes choose its split: the request is what follows.
        QCOMPARE(parser.feed(crash.readAll().mid(2)), HttpRequestParser::State::Complete);
        QCOMPARE(parser.request().method, QByteArray("GET"));
        QCOMPARE(parser.request().path, QStringLiteral("//odels"));
    }

    // Found by fuzz/http_request: a long request line after many empty lines broke the line limit and
    // the head limit in the same bytes; fed whole it was 414, in pieces 431. The first limit reached in
    // the stream decides.
    void theFirstLimitReachedDecides()
    {
        HttpRequestParser::Limits limits;
        limits.maxLineBytes = 128;
        limits.maxHeaderBytes = 1024;
        const QByteArray bytes = QByteArray(1000, '\n') + "GET /" + QByteArray(200, 'a') + " HTTP/1.1\r\n\r\n";
        for (int step : {1, 7, 24, 64, 1000, 5000}) {
            HttpRequestParser parser(limits);
            for (int i = 0; i < bytes.size() && parser.state() == HttpRequestParser::State::NeedMore; i += step)
                parser.feed(QByteArrayView(bytes).sliced(i, qMin<qsizetype>(step, bytes.size() - i)));
            QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
            QCOMPARE(parser.errorStatus(), 431); // the head limit comes 24 bytes into the line, before its own
        }
        const QByteArray longLine = QByteArray(10, '\n') + "GET /" + QByteArray(200, 'a') + " HTTP/1.1\r\n\r\n";
        for (int step : {1, 7, 5000}) {
            HttpRequestParser parser(limits);
            for (int i = 0; i < longLine.size() && parser.state() == HttpRequestParser::State::NeedMore; i += step)
                parser.feed(QByteArrayView(longLine).sliced(i, qMin<qsizetype>(step, longLine.size() - i)));
            QCOMPARE(parser.errorStatus(), 414);
        }
    }

    void bodyOverTheLimitIsDroppedNotKept()
    {
        HttpRequestParser::Limits limits;
        limits.maxBodyBytes = 10;
        HttpRequestParser parser(limits);
        QCOMPARE(parser.feed("PUT /x HTTP/1.1\r\nContent-Length: 1000\r\n\r\n"),
                 HttpRequestParser::State::NeedMore);
        QCOMPARE(parser.feed(QByteArray(999, 'b')), HttpRequestParser::State::NeedMore);
        QCOMPARE(parser.feed("b"), HttpRequestParser::State::Complete);
        QVERIFY(parser.request().bodyTooLarge);
        QVERIFY(parser.request().body.isEmpty());
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("not a path") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
        QTest::newRow("folded line") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("head too large")
            << QByteArray("GET / HTTP/1.1\r\n") + QByteArray(90, 'x').append(":1\r\n").repeated(800) << 431;
        QTest::newRow("huge length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 100000000000\r\n\r\n")
                                     << 413;
        QTest::newRow("length with sign")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\nx") << 400;
        QTest::newRow("length list") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\nx") << 400;
        QTest::newRow("empty length") << QByteArray("POST / HTTP/1.1\r\nContent-Length:\r\n\r\n") << 400;
    }
    void limits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        HttpRequestParser parser;
        QCOMPARE(parser.feed(bytes), HttpRequestParser::State::Failed);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorReason().isEmpty());
        // Nothing more is taken once it has failed.
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), HttpRequestParser::State::Failed);
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
