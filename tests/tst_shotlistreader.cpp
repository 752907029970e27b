// The shot-list reader: what chat models really answer (fenced, after prose, trailing commas, numbered
// lists, broken) read into shots that fit a model's schema, with a note for everything changed.
#include "chat/ShotListReader.h"
#include "video/ModelCatalog.h"

#include <QTest>

namespace {
// Wan 2.6 text-to-video: size and duration (5, 10, 15) are choices.
const ModelSpec &wan()
{
    static ModelSpec spec = [] {
        ModelCatalog catalog;
        catalog.load(QString());
        return *catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
    }();
    return spec;
}
// Vidu: duration is a range (1-16), off_peak a switch, ratio and resolution choices.
const ModelSpec &vidu()
{
    static ModelSpec spec = [] {
        ModelCatalog catalog;
        catalog.load(QString());
        return *catalog.model(QStringLiteral("r0ill7L0s6PtBS8mkmg-7"));
    }();
    return spec;
}
} // namespace

class TestShotListReader : public QObject
{
    Q_OBJECT
private slots:
    void reads_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QStringList>("prompts");
        QTest::newRow("bare array") << QStringLiteral("[{\"prompt\":\"a\"},{\"prompt\":\"b\"}]")
                                    << QStringList{"a", "b"};
        QTest::newRow("object with shots")
            << QStringLiteral(
                   "{\"title\":\"t\",\"shots\":[{\"prompt\":\"a\",\"duration\":5},{\"prompt\":\"b\"}]}")
            << QStringList{"a", "b"};
        QTest::newRow("fenced") << QStringLiteral(
                                       "Here is the plan:\n\n```json\n[\n  {\"prompt\": \"雨夜的街道\"},\n  "
                                       "{\"prompt\": \"霓虹灯下的猫\"}\n]\n```\n\nEnjoy!")
                                << QStringList{"雨夜的街道", "霓虹灯下的猫"};
        QTest::newRow("fence without language")
            << QStringLiteral("```\n{\"shots\": [{\"prompt\": \"a\"}]}\n```") << QStringList{"a"};
        QTest::newRow("prose-wrapped")
            << QStringLiteral("Sure! I planned {two} shots for you: [{\"prompt\":\"a "
                              "[wide]\"},{\"prompt\":\"b\"}] Let me know.")
            << QStringList{"a [wide]", "b"};
        QTest::newRow("trailing commas")
            << QStringLiteral("```json\n{\"shots\": [\n {\"prompt\": \"a, b,\", \"duration\": 5,},\n "
                              "{\"prompt\": \"c\"},\n],}\n```")
            << QStringList{"a, b,", "c"};
        QTest::newRow("strings as shots")
            << QStringLiteral("[\"a\", \"b\", \"c\"]") << QStringList{"a", "b", "c"};
        QTest::newRow("numbered list")
            << QStringLiteral("Four shots:\n\n1. A fox wakes in the snow,\n   camera low.\n2) It "
                              "runs.\n**3.** It jumps.\n4、它回头。\n\nHope this helps.")
            << QStringList{"A fox wakes in the snow, camera low.", "It runs.", "It jumps.", "它回头。"};
        QTest::newRow("shot labels") << QStringLiteral("Shot 1: dawn\nShot 2: noon\n镜头3:黄昏")
                                     << QStringList{"dawn", "noon", "黄昏"};
    }
    void reads()
    {
        QFETCH(QString, answer);
        QFETCH(QStringList, prompts);
        const ShotListReader::Result r = ShotListReader::read(answer, wan());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QStringList got;
        for (const QVariantMap &shot : r.shots)
            got << shot.value(QStringLiteral("prompt")).toString();
        QCOMPARE(got, prompts);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("  \n ") << QStringLiteral("empty");
        QTest::newRow("broken json") << QStringLiteral("```json\n[{\"prompt\": \"a\" \"duration\": }\n```")
                                     << QStringLiteral("broken");
        QTest::newRow("cut off") << QStringLiteral("[{\"prompt\": \"a\"}, {\"prompt\": \"b")
                                 << QStringLiteral("broken");
        QTest::newRow("prose only") << QStringLiteral("I cannot help with that.")
                                    << QStringLiteral("no shot list");
        QTest::newRow("no prompts") << QStringLiteral("[{\"duration\": 5}, {\"prompt\": \"  \"}]")
                                    << QStringLiteral("prompt");
        QTest::newRow("other json") << QStringLiteral("{\"answer\": 42}") << QStringLiteral("broken");
    }
    void refuses()
    {
        QFETCH(QString, answer);
        QFETCH(QString, mentions);
        const ShotListReader::Result r = ShotListReader::read(answer, wan(), 4);
        QVERIFY(!r.ok());
        QVERIFY(r.shots.isEmpty());
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
    }

    void valuesClampedToTheSchema()
    {
        const QString answer =
            QStringLiteral("[{\"prompt\":\"a\",\"duration\":7,\"size\":\"1280x720\",\"camera\":\"dolly\"},"
                           "{\"prompt\":\"b\",\"duration\":\"10s\",\"size\":\"1920*1080\"},"
                           "{\"prompt\":\"c\",\"duration\":60}]");
        const ShotListReader::Result r = ShotListReader::read(answer, wan(), 3);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.shots.size(), 3);
        QCOMPARE(r.shots[0].value("duration").toString(), QStringLiteral("5"));
        QCOMPARE(r.shots[0].value("size").toString(), QStringLiteral("1280*720"));
        QVERIFY(!r.shots[0].contains("camera")); // not a field of the model: dropped
        QCOMPARE(r.shots[1].value("duration").toString(), QStringLiteral("10"));
        QCOMPARE(r.shots[1].value("size").toString(), QStringLiteral("1920*1080"));
        QCOMPARE(r.shots[2].value("duration").toString(), QStringLiteral("15"));
        // One note per change, naming the shot; the accepted values ("10s" is 10) need none.
        QCOMPARE(r.notes.size(), 4);
        QVERIFY(r.notes[0].contains("Shot 1") || r.notes[1].contains("Shot 1"));
        QVERIFY(r.notes.join(' ').contains("camera"));
        QVERIFY(r.notes.join(' ').contains("Shot 3"));

        const ShotListReader::Result v = ShotListReader::read(
            QStringLiteral("{\"shots\":[{\"prompt\":\"a\",\"duration\":30,\"off_peak\":true,\"ratio\":\"16:"
                           "10\",\"image_file1\":\"x.png\"},"
                           "{\"prompt\":\"b\",\"duration\":0,\"resolution\":\"1080P\"}]}"),
            vidu());
        QVERIFY2(v.ok(), qPrintable(v.error));
        QCOMPARE(v.shots[0].value("duration").toString(), QStringLiteral("16"));
        QCOMPARE(v.shots[0].value("off_peak").toString(), QStringLiteral("Y"));
        QCOMPARE(v.shots[0].value("ratio").toString(), QStringLiteral("16:9"));
        QVERIFY(!v.shots[0].contains("image_file1"));
        QCOMPARE(v.shots[1].value("duration").toString(), QStringLiteral("1"));
        QCOMPARE(v.shots[1].value("resolution").toString(), QStringLiteral("1080p"));
    }

    void longPromptCut()
    {
        const QString longPrompt(5000, QLatin1Char('x'));
        const ShotListReader::Result r =
            ShotListReader::read(QStringLiteral("[{\"prompt\":\"%1\"}]").arg(longPrompt), wan());
        QVERIFY(r.ok());
        QCOMPARE(r.shots[0].value("prompt").toString().size(), 4000);
        QCOMPARE(r.notes.size(), 1);
    }

    void knowsAShotList_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("holds");
        QTest::newRow("json list") << QStringLiteral(
                                          "Here:\n```json\n[{\"prompt\":\"a\"},{\"prompt\":\"b\"}]\n```")
                                   << true;
        QTest::newRow("json shots") << QStringLiteral("{\"shots\":[\"a\",\"b\"]}") << true;
        QTest::newRow("one shot") << QStringLiteral("[{\"prompt\":\"a\"}]") << false;
        QTest::newRow("numbered shots") << QStringLiteral("Shots:\n1. dawn\n2. noon") << true;
        QTest::newRow("numbered 镜头") << QStringLiteral("分镜如下:\n1. 清晨\n2. 正午") << true;
        QTest::newRow("numbered points") << QStringLiteral("Two reasons:\n1. speed\n2. cost") << false;
        QTest::newRow("prose") << QStringLiteral("Just a sentence about a shot.") << false;
        QTest::newRow("other json") << QStringLiteral("```json\n{\"a\": 1}\n```") << false;
        // A long answer is not read through (the chat asks as every answer ends), shots or not.
        QTest::newRow("long answer")
            << QStringLiteral("Shots:\n1. dawn\n2. noon\n\n") + QString(ShotListReader::ShotListMaxChars, QLatin1Char('x')) << false;
    }
    void knowsAShotList()
    {
        QFETCH(QString, answer);
        QFETCH(bool, holds);
        QCOMPARE(ShotListReader::holdsShotList(answer), holds);
    }

    void tooManyOrTooFew()
    {
        const QString six = QStringLiteral("[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]");
        ShotListReader::Result r = ShotListReader::read(six, wan(), 4);
        QVERIFY(r.ok());
        QCOMPARE(r.shots.size(), 4);
        QCOMPARE(r.shots.last().value("prompt").toString(), QStringLiteral("4"));
        QCOMPARE(r.notes.size(), 1);
        QVERIFY(r.notes[0].contains("6"));

        r = ShotListReader::read(QStringLiteral("[\"1\",\"2\"]"), wan(), 4);
        QVERIFY(r.ok());
        QCOMPARE(r.shots.size(), 2);
        QCOMPARE(r.notes.size(), 1);
        QVERIFY(r.notes[0].contains("4"));

        r = ShotListReader::read(six, wan());
        QCOMPARE(r.shots.size(), 6);
        QVERIFY(r.notes.isEmpty());
    }
};

QTEST_MAIN(TestShotListReader)
#include "tst_shotlistreader.moc"
