// One intent (ratio, resolution, duration, seed) sent to every built-in model through the roles of its
// schema: the body each model would get, and every adjustment the mapping had to make, said.
#include "TestSupport.h"
#include "video/IntentMapper.h"
#include "video/ModelCatalog.h"
#include "video/RequestBuilder.h"

#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

VideoIntent intent(const QString &ratio, int resolution, int duration)
{
    VideoIntent i;
    i.prompt = QStringLiteral("a cat");
    i.ratio = ratio;
    i.resolution = resolution;
    i.duration = duration;
    return i;
}

// "setting>key=sent" per adjustment, "setting>-" when the model has no field for it.
QStringList adjustments(const MappedIntent &m)
{
    QStringList list;
    for (const IntentAdjustment &a : m.adjustments)
        list << (a.key.isEmpty() ? a.setting + QStringLiteral(">-")
                                 : QStringLiteral("%1>%2=%3").arg(a.setting, a.key, a.sent));
    return list;
}

const char *const SeedanceT2v = "CrEMkFQfRCmbmopZsCqLj";
const char *const SeedanceI2v = "7RTOJD6K8A7RXCMG4GnQ9";
const char *const SeedanceR2v = "VooAIOtJdawpZjusWEzrh";
const char *const Seedance2 = "YjjGgxO_Xma8PWsMjJvps";
const char *const ViduT2v = "r0ill7L0s6PtBS8mkmg-7";
const char *const ViduI2v = "FK_h7FLYnosv2TkMN4ATC";
const char *const WanT2v = "u9HZyfDoqU6uKI6M1BTks";
const char *const WanI2v = "x4HksKp9mXR1Yv60mw6Py";
} // namespace

class TestIntentMapper : public QObject
{
    Q_OBJECT
private slots:
    void everyBuiltInModel_data()
    {
        QTest::addColumn<QString>("llmid");
        QTest::addColumn<VideoIntent>("asked");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QStringList>("adjusted");

        const VideoIntent portrait = intent(QStringLiteral("9:16"), 720, 5);
        const VideoIntent wide = intent(QStringLiteral("21:9"), 1080, 20);
        const VideoIntent square = intent(QStringLiteral("1:1"), 480, 3);
        const VideoIntent ratioOnly = intent(QStringLiteral("9:16"), 0, 0);

        for (const char *id : {SeedanceT2v, SeedanceI2v, SeedanceR2v}) {
            const QString llmid = QString::fromLatin1(id);
            QTest::addRow("%s 9:16 720p 5s", id)
                << llmid << portrait
                << object("{\"prompt\":\"a cat\",\"radio\":\"9:16\",\"resolution\":\"720p\",\"duration\":5}")
                << QStringList();
            QTest::addRow("%s 21:9 1080p 20s", id)
                << llmid << wide
                << object(
                       "{\"prompt\":\"a cat\",\"radio\":\"21:9\",\"resolution\":\"1080p\",\"duration\":12}")
                << QStringList{QStringLiteral("duration>duration=12 s")};
            QTest::addRow("%s 1:1 480p 3s", id)
                << llmid << square
                << object("{\"prompt\":\"a cat\",\"radio\":\"1:1\",\"resolution\":\"480p\",\"duration\":4}")
                << QStringList{QStringLiteral("duration>duration=4 s")};
        }
        // Seedance 2.0 has a prompt and nothing else: every setting is said to be left out.
        QTest::addRow("seedance 2.0 9:16 720p 5s")
            << QString::fromLatin1(Seedance2) << portrait << object("{\"prompt\":\"a cat\"}")
            << QStringList{QStringLiteral("ratio>-"), QStringLiteral("resolution>-"),
                           QStringLiteral("duration>-")};

        for (const char *id : {ViduT2v, ViduI2v}) {
            const QString llmid = QString::fromLatin1(id);
            const bool i2v = llmid == QLatin1String(ViduI2v);
            auto body = [i2v](const char *json) {
                QJsonObject o = object(json);
                o.insert(QStringLiteral("off_peak"), QStringLiteral("N"));
                if (i2v)
                    o.insert(QStringLiteral("model"), QStringLiteral("viduq3-pro"));
                return o;
            };
            QTest::addRow("%s 9:16 720p 5s", id)
                << llmid << portrait
                << body("{\"prompt\":\"a cat\",\"ratio\":\"9:16\",\"resolution\":\"720p\",\"duration\":5}")
                << QStringList();
            // No 21:9: the nearest shape is 16:9; 16 s at most.
            QTest::addRow("%s 21:9 1080p 20s", id)
                << llmid << wide
                << body("{\"prompt\":\"a cat\",\"ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":16}")
                << QStringList{QStringLiteral("ratio>ratio=16:9"), QStringLiteral("duration>duration=16 s")};
            QTest::addRow("%s 1:1 480p 3s", id)
                << llmid << square
                << body("{\"prompt\":\"a cat\",\"ratio\":\"1:1\",\"resolution\":\"540p\",\"duration\":3}")
                << QStringList{QStringLiteral("resolution>resolution=540p")};
            QTest::addRow("%s 9:16 only", id)
                << llmid << ratioOnly
                << body("{\"prompt\":\"a cat\",\"ratio\":\"9:16\",\"resolution\":\"1080p\",\"duration\":10}")
                << QStringList();
        }

        // Wan's size carries ratio and resolution at once.
        for (const char *id : {WanT2v, WanI2v}) {
            const QString llmid = QString::fromLatin1(id);
            QTest::addRow("%s 9:16 720p 5s", id)
                << llmid << portrait << object("{\"prompt\":\"a cat\",\"size\":\"720*1280\",\"duration\":5}")
                << QStringList();
            QTest::addRow("%s 21:9 1080p 20s", id)
                << llmid << wide << object("{\"prompt\":\"a cat\",\"size\":\"1920*1080\",\"duration\":15}")
                << QStringList{QStringLiteral("ratio>size=16:9"), QStringLiteral("duration>duration=15 s")};
            QTest::addRow("%s 1:1 480p 3s", id)
                << llmid << square << object("{\"prompt\":\"a cat\",\"size\":\"624*624\",\"duration\":5}")
                << QStringList{QStringLiteral("resolution>size=624p"),
                               QStringLiteral("duration>duration=5 s")};
            // The resolution left open stays the default's (1080).
            QTest::addRow("%s 9:16 only", id)
                << llmid << ratioOnly
                << object("{\"prompt\":\"a cat\",\"size\":\"1080*1920\",\"duration\":15}") << QStringList();
            // 16:9 at 480p is Wan's 832*480 (a shape within 3 %): no adjustment to tell.
            QTest::addRow("%s 16:9 480p", id)
                << llmid << intent(QStringLiteral("16:9"), 480, 0)
                << object("{\"prompt\":\"a cat\",\"size\":\"832*480\",\"duration\":15}") << QStringList();
        }
    }
    void everyBuiltInModel()
    {
        QFETCH(QString, llmid);
        QFETCH(VideoIntent, asked);
        QFETCH(QJsonObject, body);
        QFETCH(QStringList, adjusted);
        ModelCatalog catalog;
        catalog.load(QString());
        const ModelSpec *spec = catalog.model(llmid);
        QVERIFY(spec);
        const MappedIntent mapped = IntentMapper::map(*spec, asked);
        QCOMPARE(adjustments(mapped), adjusted);
        for (const IntentAdjustment &a : mapped.adjustments)
            QVERIFY(!a.message().isEmpty());
        // Pictures (the image-to-video models need them) given as links, by role: sent as given.
        QMap<QString, PreparedImage> images;
        for (const FieldSpec *f : spec->imageFields()) {
            const QString link = QStringLiteral("https://example.com/%1.jpg").arg(f->key);
            QCOMPARE(IntentMapper::imageField(*spec, f->role, spec->fieldsWithRole(f->role).indexOf(f)),
                     f->key);
            images.insert(f->key, ImagePreparer::fromUrl(QUrl(link)));
            body.insert(f->key, link);
        }
        const RequestBuilder::Result built = RequestBuilder::build(*spec, mapped.values, images, 1 << 20);
        QVERIFY2(built.ok(),
                 qPrintable(built.error + QStringList(built.fieldErrors.values()).join(QLatin1Char(' '))));
        body.insert(QStringLiteral("llmid"), llmid);
        QCOMPARE(built.body, body);
    }

    // The table above holds every model the app ships with.
    void tableCoversTheCatalog()
    {
        ModelCatalog catalog;
        catalog.load(QString());
        const QStringList covered{QString::fromLatin1(SeedanceT2v), QString::fromLatin1(SeedanceI2v),
                                  QString::fromLatin1(SeedanceR2v), QString::fromLatin1(Seedance2),
                                  QString::fromLatin1(ViduT2v),     QString::fromLatin1(ViduI2v),
                                  QString::fromLatin1(WanT2v),      QString::fromLatin1(WanI2v)};
        for (const ModelSpec &spec : catalog.models())
            QVERIFY2(covered.contains(spec.llmid), qPrintable(spec.llmid));
    }

    // Seeds and negative prompts go where a schema says, within its range; pictures by role.
    void seedNegativePromptAndPictures()
    {
        const QByteArray json =
            "{\"schema\":1,\"llmid\":\"S1\",\"mode\":\"i2v\",\"vendor\":\"acme\",\"model\":\"acme\","
            "\"label\":\"A\","
            "\"fields\":[{\"key\":\"prompt\",\"role\":\"prompt\",\"type\":\"longtext\",\"label\":\"P\"},"
            "{\"key\":\"neg\",\"role\":\"negative_prompt\",\"type\":\"text\",\"label\":\"N\"},"
            "{\"key\":\"rnd\",\"role\":\"seed\",\"type\":\"integer\",\"min\":0,\"max\":1000,\"label\":\"S\"},"
            "{\"key\":\"start\",\"role\":\"first_frame\",\"type\":\"image\",\"label\":\"F\"},"
            "{\"key\":\"ref_a\",\"role\":\"reference\",\"type\":\"image\",\"label\":\"R1\"},"
            "{\"key\":\"ref_b\",\"role\":\"reference\",\"type\":\"image\",\"label\":\"R2\"}]}";
        ModelSpec spec;
        QString error;
        QVERIFY2(ModelSpec::fromJson(json, QStringLiteral("s.json"), &spec, &error), qPrintable(error));
        VideoIntent i;
        i.prompt = QStringLiteral("p");
        i.negativePrompt = QStringLiteral("blur");
        i.hasSeed = true;
        i.seed = 42;
        MappedIntent m = IntentMapper::map(spec, i);
        QCOMPARE(m.values.value(QStringLiteral("neg")).toString(), QStringLiteral("blur"));
        QCOMPARE(m.values.value(QStringLiteral("rnd")).toString(), QStringLiteral("42"));
        QVERIFY(m.adjustments.isEmpty());
        i.seed = 5000;
        m = IntentMapper::map(spec, i);
        QCOMPARE(m.values.value(QStringLiteral("rnd")).toString(), QStringLiteral("1000"));
        QCOMPARE(adjustments(m), QStringList{QStringLiteral("seed>rnd=1000")});
        QCOMPARE(IntentMapper::imageField(spec, QStringLiteral("first_frame")), QStringLiteral("start"));
        QCOMPARE(IntentMapper::imageField(spec, QStringLiteral("reference"), 1), QStringLiteral("ref_b"));
        QVERIFY(IntentMapper::imageField(spec, QStringLiteral("last_frame")).isEmpty());

        // A model without a seed or a negative prompt says it leaves them out.
        ModelCatalog catalog;
        catalog.load(QString());
        m = IntentMapper::map(*catalog.model(QString::fromLatin1(ViduT2v)), i);
        QCOMPARE(adjustments(m),
                 (QStringList{QStringLiteral("negative_prompt>-"), QStringLiteral("seed>-")}));
    }

    void parsesTheCommonWords()
    {
        QCOMPARE(VideoIntent::parseResolution(QStringLiteral("720p")), 720);
        QCOMPARE(VideoIntent::parseResolution(QStringLiteral("1080")), 1080);
        QCOMPARE(VideoIntent::parseResolution(QStringLiteral("hd")), 0);
        double shape = 0;
        QVERIFY(VideoIntent::parseRatio(QStringLiteral("9:16"), &shape));
        QCOMPARE(shape, 9.0 / 16.0);
        QVERIFY(!VideoIntent::parseRatio(QStringLiteral("adaptive"), &shape));
    }
};

QTEST_GUILESS_MAIN(TestIntentMapper)
#include "tst_intentmapper.moc"
