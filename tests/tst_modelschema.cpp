// The model catalog: every llmid of the platform, and each kind of mistake in a schema refused with a
// message that names the file, the model and the field.
#include "TestSupport.h"
#include "video/ModelCatalog.h"

#include <QTest>

namespace {
QByteArray valid()
{
    return "{\"schema\":1,\"llmid\":\"TEST1\",\"mode\":\"t2v\",\"vendor\":\"acme\",\"model\":\"acme-v1\","
           "\"label\":{\"zh_CN\":\"测试\",\"en\":\"Test\"},\"fields\":[{\"key\":\"prompt\",\"type\":\"longtext\","
           "\"required\":true,\"label\":\"Prompt\"},{\"key\":\"duration\",\"type\":\"integer\",\"min\":1,\"max\":5,"
           "\"default\":3,\"label\":\"Duration\"}]}";
}
} // namespace

class TestModelSchema : public QObject
{
    Q_OBJECT
private slots:
    void builtInCatalogHasEveryModel()
    {
        ModelCatalog catalog;
        catalog.load(QString());
        QVERIFY2(catalog.errors().isEmpty(), qPrintable(catalog.errors().join(QLatin1Char('\n'))));
        QCOMPARE(catalog.models().size(), 8);
        QCOMPARE(catalog.models(QStringLiteral("t2v")).size(), 4);
        QCOMPARE(catalog.models(QStringLiteral("i2v")).size(), 3);
        QCOMPARE(catalog.models(QStringLiteral("r2v")).size(), 1);
        for (const char *id : {"CrEMkFQfRCmbmopZsCqLj", "u9HZyfDoqU6uKI6M1BTks", "r0ill7L0s6PtBS8mkmg-7", "YjjGgxO_Xma8PWsMjJvps",
                               "7RTOJD6K8A7RXCMG4GnQ9", "FK_h7FLYnosv2TkMN4ATC", "x4HksKp9mXR1Yv60mw6Py", "VooAIOtJdawpZjusWEzrh"})
            QVERIFY2(catalog.model(QString::fromLatin1(id)), id);
        const ModelSpec *disabled = catalog.model(QStringLiteral("YjjGgxO_Xma8PWsMjJvps"));
        QVERIFY(!disabled->enabled);
        QCOMPARE(disabled->disabledReason.zh, QStringLiteral("未开通"));
        // Disabled models are listed last in their mode.
        QCOMPARE(catalog.models(QStringLiteral("t2v")).last().llmid, QStringLiteral("YjjGgxO_Xma8PWsMjJvps"));
        // Seedance's aspect ratio goes out as "radio", its label says what it is.
        const FieldSpec *radio = catalog.model(QStringLiteral("CrEMkFQfRCmbmopZsCqLj"))->field(QStringLiteral("radio"));
        QVERIFY(radio);
        QCOMPARE(radio->label.en, QStringLiteral("Aspect ratio"));
        QCOMPARE(radio->label.zh, QStringLiteral("画面比例"));
    }

    void rejectsMistakes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{oops") << "bad.json";
        QTest::newRow("wrong version") << QByteArray(valid()).replace("\"schema\":1", "\"schema\":2") << "schema";
        QTest::newRow("no llmid") << QByteArray(valid()).replace("\"llmid\":\"TEST1\",", "") << "llmid";
        QTest::newRow("bad mode") << QByteArray(valid()).replace("\"t2v\"", "\"x2v\"") << "TEST1";
        QTest::newRow("unknown type") << QByteArray(valid()).replace("\"longtext\"", "\"essay\"") << "field prompt";
        QTest::newRow("duplicate key") << QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"prompt\"") << "twice";
        QTest::newRow("choice without choices")
            << QByteArray(valid()).replace("\"type\":\"integer\",\"min\":1,\"max\":5,\"default\":3", "\"type\":\"choice\"")
            << "field duration";
        QTest::newRow("integer without range")
            << QByteArray(valid()).replace("\"min\":1,\"max\":5,\"default\":3,", "") << "field duration";
        QTest::newRow("min above max") << QByteArray(valid()).replace("\"min\":1,\"max\":5", "\"min\":9,\"max\":5") << "field duration";
        QTest::newRow("default out of range") << QByteArray(valid()).replace("\"default\":3", "\"default\":30") << "field duration";
        QTest::newRow("no prompt") << QByteArray(valid()).replace("\"key\":\"prompt\"", "\"key\":\"text\"") << "prompt";
        QTest::newRow("key climbs out") << QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"../../evil\"") << "letters, digits";
        QTest::newRow("key with a slash") << QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"a/b\"") << "a/b";
        QTest::newRow("key with a space") << QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"a b\"") << "letters, digits";
        QTest::newRow("key not ascii") << QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"时长\"") << "letters, digits";
        QTest::newRow("key too long") << QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"" + QByteArray(65, 'k') + "\"") << "letters, digits";
        QTest::newRow("no label") << QByteArray(valid()).replace(",\"label\":\"Duration\"", "") << "field duration";
        // A field's meaning (role) must be one the intent mapper knows, fit its type and be said once.
        QTest::newRow("unknown role") << QByteArray(valid()).replace("\"key\":\"duration\",", "\"key\":\"duration\",\"role\":\"length\",")
                                      << "unknown role";
        QTest::newRow("role of another type")
            << QByteArray(valid()).replace("\"key\":\"duration\",", "\"key\":\"duration\",\"role\":\"aspect_ratio\",") << "field duration";
        QTest::newRow("role twice")
            << QByteArray(valid())
                   .replace("\"key\":\"duration\",", "\"key\":\"duration\",\"role\":\"duration\",")
                   .replace("]}", ",{\"key\":\"length\",\"role\":\"duration\",\"type\":\"integer\",\"min\":1,\"max\":5,\"label\":\"L\"}]}")
            << "twice";
        QTest::newRow("size not width*height")
            << QByteArray(valid()).replace("]}", ",{\"key\":\"size\",\"role\":\"size\",\"type\":\"choice\",\"choices\":[\"1280*720\",\"big\"],\"label\":\"S\"}]}")
            << "big";
        QTest::newRow("prompt_guide not a text")
            << QByteArray(valid()).replace("\"fields\":", "\"prompt_guide\":42,\"fields\":") << "prompt_guide";
        QTest::newRow("prompt_guide empty")
            << QByteArray(valid()).replace("\"fields\":", "\"prompt_guide\":{\"zh_CN\":\"\",\"en\":\"\"},\"fields\":") << "prompt_guide";
    }

    void everyModelHasAPromptGuide()
    {
        ModelCatalog catalog;
        catalog.load(QString());
        for (const ModelSpec &m : catalog.models()) {
            QVERIFY2(m.promptGuide.en.size() > 40, qPrintable(m.llmid));
            QVERIFY2(m.promptGuide.zh.size() > 20, qPrintable(m.llmid));
        }
        // Per vendor: Vidu's is not Wan's.
        QVERIFY(catalog.model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"))->promptGuide.en
                != catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"))->promptGuide.en);
        // Optional in a user's file; one text for both languages is fine.
        ModelSpec spec;
        QString error;
        QVERIFY2(ModelSpec::fromJson(valid(), QStringLiteral("ok.json"), &spec, &error), qPrintable(error));
        QVERIFY(spec.promptGuide.text().isEmpty());
        QVERIFY(ModelSpec::fromJson(QByteArray(valid()).replace("\"fields\":", "\"prompt_guide\":\"Short.\",\"fields\":"),
                                    QStringLiteral("ok.json"), &spec, &error));
        QCOMPARE(spec.promptGuide.zh, QStringLiteral("Short."));
    }
    void rejectsMistakes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        ModelSpec spec;
        QString error;
        QVERIFY(!ModelSpec::fromJson(json, QStringLiteral("bad.json"), &spec, &error));
        QVERIFY2(error.contains(QLatin1String("bad.json")), qPrintable(error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void userFolderAddsAndOverrides()
    {
        QTemporaryDir dir;
        QFile added(dir.filePath(QStringLiteral("test.json")));
        QVERIFY(added.open(QIODevice::WriteOnly));
        added.write(valid());
        added.close();
        // An override of a built-in model: Wan text-to-video with a shorter list of durations.
        ModelCatalog builtIn;
        builtIn.load(QString());
        QFile override(dir.filePath(QStringLiteral("wan.json")));
        QVERIFY(override.open(QIODevice::WriteOnly));
        override.write(QByteArray(valid()).replace("TEST1", "u9HZyfDoqU6uKI6M1BTks").replace("acme-v1", "wan-next"));
        override.close();
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("[]");
        broken.close();

        ModelCatalog catalog;
        catalog.load(dir.path());
        QCOMPARE(catalog.models().size(), 9);
        QVERIFY(catalog.model(QStringLiteral("TEST1")));
        QCOMPARE(catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"))->model, QStringLiteral("wan-next"));
        QCOMPARE(catalog.errors().size(), 1);
        QVERIFY(catalog.errors().first().contains(QLatin1String("broken.json")));
    }

    // A user's schema file whose key would climb out of the task's folder is left out, and the catalog
    // says which file and why.
    void userSchemaWithPathInKeyIsRefused()
    {
        QTemporaryDir dir;
        QFile evil(dir.filePath(QStringLiteral("evil.json")));
        QVERIFY(evil.open(QIODevice::WriteOnly));
        evil.write(QByteArray(valid()).replace("\"key\":\"duration\"", "\"key\":\"../../.bashrc\""));
        evil.close();
        ModelCatalog catalog;
        catalog.load(dir.path());
        QVERIFY(!catalog.model(QStringLiteral("TEST1")));
        QCOMPARE(catalog.errors().size(), 1);
        QVERIFY2(catalog.errors().first().contains(QLatin1String("evil.json")), qPrintable(catalog.errors().first()));
        QVERIFY(catalog.errors().first().contains(QLatin1String("../../.bashrc")));
        QVERIFY(catalog.errors().first().contains(QLatin1String("letters, digits")));
    }

    void fieldValidation()
    {
        ModelCatalog catalog;
        catalog.load(QString());
        const ModelSpec *vidu = catalog.model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
        const FieldSpec *duration = vidu->field(QStringLiteral("duration"));
        QVERIFY(duration->validate(QStringLiteral("16")).isEmpty());
        QVERIFY(!duration->validate(QStringLiteral("17")).isEmpty());
        QVERIFY(!duration->validate(QStringLiteral("abc")).isEmpty());
        QCOMPARE(duration->toJson(QStringLiteral("7")), QJsonValue(7));
        const FieldSpec *offPeak = vidu->field(QStringLiteral("off_peak"));
        QVERIFY(offPeak->validate(QStringLiteral("Y")).isEmpty());
        QVERIFY(!offPeak->validate(QStringLiteral("yes")).isEmpty());
        const FieldSpec *prompt = vidu->field(QStringLiteral("prompt"));
        QVERIFY(!prompt->validate(QStringLiteral("   ")).isEmpty());
        const ModelSpec *wan = catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        QVERIFY(!wan->field(QStringLiteral("duration"))->validate(QStringLiteral("7")).isEmpty());
        QVERIFY(!wan->field(QStringLiteral("size"))->validate(QStringLiteral("100*100")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestModelSchema)
#include "tst_modelschema.moc"
