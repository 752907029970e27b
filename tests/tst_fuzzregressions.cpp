// The fuzz targets (fuzz/, FUZZING.md) replayed in the normal build: every seed of their corpora and
// every input that once crashed one (fuzz/regressions/<target>/) goes through the same code and the
// same checks again. A target's own check that fails aborts with its message.
#include "TestSupport.h"

#include <QDirIterator>
#include <QTest>

#define YJ_DECLARE(name)                                                                                     \
    int yjFuzzInit_##name();                                                                                 \
    int yjFuzz_##name(const uint8_t *data, size_t size);
YJ_DECLARE(stream_decoder)
YJ_DECLARE(api_reply)
YJ_DECLARE(model_schema)
YJ_DECLARE(http_request)
YJ_DECLARE(image_preparer)

namespace {
using Entry = int (*)(const uint8_t *, size_t);
struct Target
{
    const char *name;
    int (*init)();
    Entry run;
};
const Target targets[] = {
    {"stream_decoder", yjFuzzInit_stream_decoder, yjFuzz_stream_decoder},
    {"api_reply", yjFuzzInit_api_reply, yjFuzz_api_reply},
    {"model_schema", yjFuzzInit_model_schema, yjFuzz_model_schema},
    {"http_request", yjFuzzInit_http_request, yjFuzz_http_request},
    {"image_preparer", yjFuzzInit_image_preparer, yjFuzz_image_preparer},
};
} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    void replay_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("file");
        int rows = 0;
        for (int t = 0; t < int(std::size(targets)); ++t) {
            for (const char *kind : {"corpus", "regressions"}) {
                QDirIterator it(QStringLiteral(YJ_FUZZ_DIR "/%1/%2")
                                    .arg(QLatin1String(kind), QLatin1String(targets[t].name)),
                                QDir::Files);
                while (it.hasNext()) {
                    const QString file = it.next();
                    QTest::newRow(qPrintable(
                        QStringLiteral("%1/%2/%3")
                            .arg(QLatin1String(kind), QLatin1String(targets[t].name), it.fileName())))
                        << t << file;
                    ++rows;
                }
            }
        }
        QVERIFY(rows > 30);
    }
    void replay()
    {
        QFETCH(int, target);
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        targets[target].init();
        QCOMPARE(
            targets[target].run(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())),
            0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
