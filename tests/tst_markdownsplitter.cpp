#include "TestSupport.h"
#include "chat/MarkdownSplitter.h"

#include <QTest>

class TestMarkdownSplitter : public QObject
{
    Q_OBJECT
private slots:
    void splitsCodeFences()
    {
        const auto segments = MarkdownSplitter::split(QStringLiteral("intro\n\n```python\nprint(1)\n\nx = 2\n```\nafter"));
        QCOMPARE(segments.size(), 3);
        QCOMPARE(segments.at(0).kind, MarkdownSegment::Kind::Text);
        QCOMPARE(segments.at(1).kind, MarkdownSegment::Kind::Code);
        QCOMPARE(segments.at(1).language, QStringLiteral("python"));
        QCOMPARE(segments.at(1).text, QStringLiteral("print(1)\n\nx = 2"));
        QCOMPARE(segments.at(2).text, QStringLiteral("after"));
    }

    void unclosedFenceIsCode()
    {
        const auto segments = MarkdownSplitter::split(QStringLiteral("```\nabc"));
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments.at(0).kind, MarkdownSegment::Kind::Code);
        QCOMPARE(segments.at(0).text, QStringLiteral("abc"));
    }

    void boundaryGrowsOnlyAtParagraphs()
    {
        StreamingMarkdownBoundary b;
        QString text = QStringLiteral("# Title\n");
        QCOMPARE(b.update(text), 0);
        text += QStringLiteral("\nPara one");
        QCOMPARE(b.update(text), qsizetype(9));
        text += QStringLiteral(" continues\n\n```\ncode\n\nmore code\n");
        const qsizetype afterPara = b.update(text);
        QCOMPARE(text.left(afterPara), QStringLiteral("# Title\n\nPara one continues\n\n"));
        text += QStringLiteral("```\n");
        QCOMPARE(b.update(text), text.size());
    }

    void boundaryIsIncrementalAtEverySplit()
    {
        const QString full = QStringLiteral("a\n\nb\n```\nc\n\nd\n```\ne\n\nf");
        StreamingMarkdownBoundary whole;
        const qsizetype expected = whole.update(full);
        for (int split = 0; split <= full.size(); ++split) {
            StreamingMarkdownBoundary b;
            b.update(full.left(split));
            QCOMPARE(b.update(full), expected);
        }
    }

    void longParagraphIsCutAtLineBreaks()
    {
        StreamingMarkdownBoundary b;
        QString text;
        for (int i = 0; i < 100; ++i)
            text += QString(40, QLatin1Char('x')) + QLatin1Char('\n');
        QVERIFY(b.update(text) > 0);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownSplitter)
#include "tst_markdownsplitter.moc"
