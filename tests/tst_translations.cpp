// Every user-visible string has a translation in both languages, and the .ts files are up to date.
#include "TestSupport.h"

#include <QProcess>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {
struct Messages
{
    QSet<QString> sources;        // "context|source"
    QStringList untranslated;
};

Messages read(const QString &path)
{
    Messages out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context, source;
    bool translated = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                translated = !unfinished && !text.trimmed().isEmpty();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.sources.insert(context + QLatin1Char('|') + source);
            if (!translated)
                out.untranslated << context + QLatin1Char('|') + source;
            translated = false;
        }
    }
    return out;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everyStringTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zh_CN") << QStringLiteral(YJ_SOURCE_DIR "/translations/yuanjing_zh_CN.ts");
        QTest::newRow("en") << QStringLiteral(YJ_SOURCE_DIR "/translations/yuanjing_en.ts");
    }
    void everyStringTranslated()
    {
        QFETCH(QString, file);
        const Messages m = read(file);
        QVERIFY(m.sources.size() > 100);
        QVERIFY2(m.untranslated.isEmpty(), qPrintable(m.untranslated.join(QLatin1Char('\n'))));
    }

    void tsFilesMatchTheSources()
    {
        // A tr() string added to the code but not to the .ts files has no translation.
        const QString lupdate = QStringLiteral(YJ_LUPDATE);
        if (!QFile::exists(lupdate))
            QSKIP("lupdate is not installed");
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(YJ_SOURCE_DIR));
        p.start(lupdate, {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("ui"),
                          QStringLiteral("-ts"), fresh});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QSet<QString> inCode = read(fresh).sources;
        const QSet<QString> committed = read(QStringLiteral(YJ_SOURCE_DIR "/translations/yuanjing_zh_CN.ts")).sources;
        QStringList missing = (inCode - committed).values();
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("run scripts/update-translations.sh: ") + missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
