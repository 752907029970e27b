#include "TestSupport.h"
#include "api/BackgroundStreamDecoder.h"
#include "api/StreamDecoder.h"
#include "chat/AnswerAssembler.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {
struct Result
{
    QString text;
    QString reasoning;
    QStringList errors;
    TokenUsage usage;
    int done = 0;
};

Result collect(const QList<StreamEvent> &events, Result r = {})
{
    for (const StreamEvent &e : events) {
        switch (e.type) {
        case StreamEvent::Type::Text: r.text += e.text; break;
        case StreamEvent::Type::Reasoning: r.reasoning += e.text; break;
        case StreamEvent::Type::Error: r.errors << e.text; break;
        case StreamEvent::Type::Usage: r.usage = e.usage; break;
        case StreamEvent::Type::Done: ++r.done; break;
        }
    }
    return r;
}

// Feeds the bytes split into two at `split` (and, for small inputs, into single bytes).
Result decodeSplit(const QByteArray &bytes, qsizetype split, StreamDecoder *decoder)
{
    Result r = collect(decoder->feed(bytes.left(split)));
    r = collect(decoder->feed(bytes.mid(split)), r);
    return collect(decoder->finish(), r);
}

const QString FixtureText = QStringLiteral(
    "我是通义千问，阿里巴巴集团旗下的超大规模语言模型。我能够回答问题、创作文字，比如写故事、写公文、写邮件、写剧本"
    "、逻辑推理、编程等等，还能表达观点，玩游戏等。如果你有任何问题或需要帮助，欢迎随时告诉我！");
} // namespace

class TestStreamDecoder : public QObject
{
    Q_OBJECT
private slots:
    void fixtureAtEverySplit_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("expectDone");
        QTest::newRow("sse") << QStringLiteral("t2t-stream.sse") << true;
        QTest::newRow("ndjson") << QStringLiteral("t2t-stream.ndjson") << false;
    }
    void fixtureAtEverySplit()
    {
        QFETCH(QString, file);
        QFETCH(bool, expectDone);
        const QByteArray bytes = TestSupport::fixture(file);
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            StreamDecoder decoder;
            const Result r = decodeSplit(bytes, split, &decoder);
            QCOMPARE(r.text, FixtureText);
            QVERIFY(r.reasoning.isEmpty());
            QVERIFY(r.errors.isEmpty());
            QVERIFY(r.usage.valid);
            QCOMPARE(r.usage.promptTokens, 10);
            QCOMPARE(r.usage.completionTokens, 60);
            QCOMPARE(r.usage.totalTokens, 70);
            QCOMPARE(r.usage.cachedTokens, 0);
            QCOMPARE(r.done, expectDone ? 1 : 0);
            QCOMPARE(decoder.llmUsageId(), QStringLiteral("K9_veNBxeqvrFfbGWXs0R"));
            QCOMPARE(decoder.finishReason(), QStringLiteral("stop"));
            QVERIFY(decoder.sawFinalChunk());
        }
    }

    void fixtureByteByByte()
    {
        const QByteArray bytes = TestSupport::fixture(QStringLiteral("t2t-stream.sse"));
        StreamDecoder decoder;
        Result r;
        for (char c : bytes)
            r = collect(decoder.feed(QByteArray(1, c)), r);
        r = collect(decoder.finish(), r);
        QCOMPARE(r.text, FixtureText);
    }

    void errorFixtureAtEverySplit()
    {
        const QByteArray bytes = TestSupport::fixture(QStringLiteral("t2t-stream-error.ndjson"));
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            StreamDecoder decoder;
            const Result r = decodeSplit(bytes, split, &decoder);
            QCOMPARE(r.text, QStringLiteral("我是通义千问，阿里巴巴集团旗下的"));
            QCOMPARE(r.errors, QStringList{QStringLiteral("upstream request failed")});
            QVERIFY(!r.usage.valid);
        }
    }

    // The platform's error line as a Python dict: an error with its message, at every split point; the
    // answer that went before it is kept and is not called finished.
    void reprErrorFixtureAtEverySplit()
    {
        const QByteArray bytes = TestSupport::fixture(QStringLiteral("t2t-stream-repr-error.ndjson"));
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            StreamDecoder decoder;
            const Result r = decodeSplit(bytes, split, &decoder);
            QCOMPARE(r.text, QStringLiteral("我是通义千问，阿里巴巴集团旗下的"));
            QCOMPARE(r.errors, QStringList{QStringLiteral("upstream request failed")});
            QCOMPARE(decoder.skippedLines(), 0);
            QVERIFY(!decoder.sawFinalChunk());
        }
    }

    // A stream that just ends: all its text, no usage, no [DONE], no final chunk, at every split point.
    void endedEarlyFixtureAtEverySplit()
    {
        const QByteArray bytes = TestSupport::fixture(QStringLiteral("t2t-stream-ended-early.sse"));
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            StreamDecoder decoder;
            const Result r = decodeSplit(bytes, split, &decoder);
            QCOMPARE(r.text, QStringLiteral("我是通义千问，阿里巴巴集团旗下的超大规模语言模型。我能够"));
            QVERIFY(r.errors.isEmpty());
            QVERIFY(!r.usage.valid);
            QCOMPARE(r.done, 0);
            QVERIFY(!decoder.sawFinalChunk());
            QVERIFY(decoder.finishReason().isEmpty());
        }
    }

    // How each fixture's answer ended, as the one place that decides it says (app and CLI alike).
    void endingOfEachFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("complete sse") << "t2t-stream.sse" << int(ChatMessage::State::Done) << int(AnswerAssembler::Reason::None) << "";
        QTest::newRow("complete ndjson") << "t2t-stream.ndjson" << int(ChatMessage::State::Done) << int(AnswerAssembler::Reason::None) << "";
        QTest::newRow("ended early") << "t2t-stream-ended-early.sse" << int(ChatMessage::State::Interrupted)
                                     << int(AnswerAssembler::Reason::StreamClosed) << "";
        QTest::newRow("json error") << "t2t-stream-error.ndjson" << int(ChatMessage::State::Interrupted)
                                    << int(AnswerAssembler::Reason::ErrorLine) << "upstream request failed";
        QTest::newRow("repr error") << "t2t-stream-repr-error.ndjson" << int(ChatMessage::State::Interrupted)
                                    << int(AnswerAssembler::Reason::ErrorLine) << "upstream request failed";
    }
    void endingOfEachFixture()
    {
        QFETCH(QString, file);
        QFETCH(int, state);
        QFETCH(int, reason);
        QFETCH(QString, errorContains);
        const QByteArray bytes = TestSupport::fixture(file);
        for (qsizetype split = 0; split <= bytes.size(); split += 7) {
            StreamDecoder decoder;
            AnswerAssembler assembler(true);
            ChatMessage answer;
            // (events first: the status is read after the decoder has seen them)
            QList<StreamEvent> events = decoder.feed(bytes.left(split));
            assembler.apply(answer, events, decoder.status());
            events = decoder.feed(bytes.mid(split));
            assembler.apply(answer, events, decoder.status());
            events = decoder.finish();
            assembler.apply(answer, events, decoder.status());
            assembler.finish(answer, ApiError());
            QCOMPARE(int(answer.state), state);
            QCOMPARE(int(assembler.reason()), reason);
            QVERIFY(!answer.content.isEmpty());
            QCOMPARE(answer.error.isEmpty(), state == int(ChatMessage::State::Done));
            QVERIFY(answer.error.contains(errorContains));
            QCOMPARE(answer.llmUsageId, QStringLiteral("K9_veNBxeqvrFfbGWXs0R"));
        }
    }

    // [DONE] alone does not make an answer complete: without the final chunk it is interrupted.
    void doneWithoutFinalChunkIsNotDone()
    {
        StreamDecoder decoder;
        AnswerAssembler assembler(true);
        ChatMessage answer;
        const QList<StreamEvent> events =
            decoder.feed("data: {\"choices\":[{\"delta\":{\"content\":\"half\"}}]}\n\ndata: [DONE]\n\n");
        assembler.apply(answer, events, decoder.status());
        assembler.finish(answer, ApiError());
        QCOMPARE(answer.state, ChatMessage::State::Interrupted);
        QCOMPARE(assembler.reason(), AnswerAssembler::Reason::NoFinalChunk);
        QCOMPARE(answer.errorCode, QStringLiteral("no_final_chunk"));
    }

    void pythonDictRepr_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << QByteArray("{'error': 'ERROR:boom', 'status': 'FAILED'}") << "boom";
        QTest::newRow("sse prefix") << QByteArray("data: {'error': 'ERROR:boom', 'status': 'FAILED'}") << "boom";
        QTest::newRow("double-quoted with quote") << QByteArray("{'error': \"ERROR:it's gone\", 'status': 'FAILED'}") << "it's gone";
        QTest::newRow("escapes") << QByteArray("{'status': 'FAILED', 'error': 'ERROR:a\\'b\\u4e2d\\x41'}") << "a'b中A";
        QTest::newRow("utf-8") << QByteArray("{'error': 'ERROR:余额不足', 'status': 'FAILED', 'llmusageid': None}") << "余额不足";
    }
    void pythonDictRepr()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, error);
        StreamDecoder decoder;
        const Result r = collect(decoder.feed(line + "\n"));
        QCOMPARE(r.errors, QStringList{error});
        QVERIFY(r.text.isEmpty());
    }

    // Text in single quotes that is not an error line is noise, skipped as before.
    void pythonDictThatIsNotAnErrorIsSkipped()
    {
        StreamDecoder decoder;
        const Result r = collect(decoder.feed("{'content': 'x'}\n{'error': 'ERROR:unterminated\n"));
        QVERIFY(r.errors.isEmpty());
        QVERIFY(r.text.isEmpty());
        QCOMPARE(decoder.skippedLines(), 2);
    }

    void nonStreamedFixture()
    {
        StreamDecoder decoder;
        const Result r = collect(decoder.decodeComplete(TestSupport::fixture(QStringLiteral("t2t-nonstream.json"))));
        QCOMPARE(r.text, QStringLiteral("我是通义千问,阿里巴巴集团旗下的超大规模语言模型。我能够回答问题、创作文字,比如写故事、"
                                        "写公文、写邮件、写剧本、逻辑推理、编程等等,还能表达观点,玩游戏等。如果你有任何问题或"
                                        "需要帮助,欢迎随时告诉我!"));
        QCOMPARE(r.usage.totalTokens, 70);
    }

    void handMadeFramings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<int>("errors");
        const QByteArray a = "{\"choices\":[{\"delta\":{\"content\":\"你好\"}}],\"content\":\"你好\"}";
        const QByteArray b = "{\"choices\":[{\"delta\":{\"content\":\"，世界\"}}],\"content\":\"，世界\"}";
        QTest::newRow("crlf sse") << QByteArray("data: " + a + "\r\n\r\ndata: " + b + "\r\n\r\ndata: [DONE]\r\n\r\n")
                                  << QStringLiteral("你好，世界") << QString() << 0;
        QTest::newRow("cr only") << QByteArray("data: " + a + "\r\rdata: " + b + "\r") << QStringLiteral("你好，世界") << QString() << 0;
        QTest::newRow("no space") << QByteArray("data:" + a + "\n\ndata:" + b + "\n\n") << QStringLiteral("你好，世界") << QString() << 0;
        QTest::newRow("no done, no final newline") << QByteArray("data: " + a + "\n\ndata: " + b)
                                                   << QStringLiteral("你好，世界") << QString() << 0;
        QTest::newRow("ndjson") << QByteArray(a + "\n" + b + "\n") << QStringLiteral("你好，世界") << QString() << 0;
        QTest::newRow("comments and garbage skipped")
            << QByteArray(": keep-alive\nevent: message\nnot json at all\ndata: {broken\ndata: " + a + "\n\n")
            << QStringLiteral("你好") << QString() << 0;
        QTest::newRow("top-level only")
            << QByteArray("data: {\"choices\":[],\"content\":\"A\",\"reasoning_content\":\"R\"}" "\n")
            << QStringLiteral("A") << QStringLiteral("R") << 0;
        QTest::newRow("reasoning in delta and top level counted once")
            << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"\",\"reasoning_content\":\"想\"}}],\"content\":\"\",\"reasoning_content\":\"想\"}" "\n")
            << QString() << QStringLiteral("想") << 0;
        QTest::newRow("error line")
            << QByteArray("data: " + a + "\n\n" + "{\"error\": \"ERROR:quota\", \"status\": \"FAILED\"}" "\n")
            << QStringLiteral("你好") << QString() << 1;
    }
    void handMadeFramings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(QString, reasoning);
        QFETCH(int, errors);
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            StreamDecoder decoder;
            const Result r = decodeSplit(bytes, split, &decoder);
            QCOMPARE(r.text, text);
            QCOMPARE(r.reasoning, reasoning);
            QCOMPARE(r.errors.size(), errors);
        }
    }

    void invalidUtf8KeepsTheRest()
    {
        QByteArray line = "data: {\"choices\":[{\"delta\":{\"content\":\"ok";
        line += "\xff\xfe";
        line += "end\"}}]}" "\n";
        StreamDecoder decoder;
        const Result r = collect(decoder.feed(line));
        QVERIFY(r.text.startsWith(QLatin1String("ok")));
        QVERIFY(r.text.endsWith(QLatin1String("end")));
    }

    void tenMegabyteLine()
    {
        const QByteArray big(10 * 1024 * 1024, 'x');
        QByteArray line = "data: {\"choices\":[{\"delta\":{\"content\":\"" + big + "\"}}]}" "\n";
        StreamDecoder decoder;
        Result r;
        for (qsizetype i = 0; i < line.size(); i += 64 * 1024)
            r = collect(decoder.feed(line.mid(i, 64 * 1024)), r);
        QCOMPARE(r.text.size(), big.size());
    }

    // The decoder reads common chunks with its own scanner and leaves the rest to QJsonDocument. Both
    // must agree: each line is decoded as a stream line (scanner first) and as a complete document
    // (QJsonDocument only), and the results compared.
    void scannerAgreesWithTheFullParser_data()
    {
        QTest::addColumn<QByteArray>("line");
        int i = 0;
        for (const QString &file : {QStringLiteral("t2t-stream.ndjson"), QStringLiteral("t2t-stream-error.ndjson")}) {
            for (const QByteArray &line : TestSupport::fixture(file).split('\n'))
                if (!line.trimmed().isEmpty())
                    QTest::addRow("%s-%d", qPrintable(file), i++) << line;
        }
        const char *made[] = {
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"\\u60f3\",\"content\":null}}],\"content\":\"dup\"}",
            "{\"choices\":[{\"message\":{\"content\":\"m\"}}],\"content\":\"top\"}",
            "{\"choices\":[{\"delta\":{}}],\"content\":\"top\",\"reasoning_content\":\"r\"}",
            "{\"choices\":[{\"delta\":{},\"message\":{\"reasoning_content\":\"mr\"}}],\"content\":\"c\"}",
            "{\"choices\":[],\"content\":\"only top\"}",
            "{\"choices\":[1,{\"delta\":{\"content\":\"x\"}}],\"content\":\"y\"}",
            "{\"choices\":{\"delta\":{\"content\":\"x\"}},\"content\":\"not an array\"}",
            "{\"choices\":[{\"delta\":\"text\"}],\"content\":\"delta not an object\"}",
            "{\"content\":\"a\\u00e9\\ud83d\\ude00\\n\\\"q\\\"\\/\\\\\\t\"}",
            "{\"content\":\"raw \xe4\xb8\xad\xe6\x96\x87 \xc3\xa9\"}",
            "{\"content\":\"lone \\ud83d surrogate\"}",
            "{\"content\":42,\"reasoning_content\":true}",
            "{\"finish\":1,\"content\":\"f\"}",
            "{\"finish\":\"1\"}",
            "{\"finish\":1.0}",
            "{\"finish\":\"0\",\"content\":\"not final\"}",
            "{\"finish\":2}",
            "{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4},\"choices\":[]}",
            "{\"usage\":null,\"content\":\"u\"}",
            "{\"error\":\"boom\",\"status\":\"FAILED\"}",
            "{\"status\":\"running\",\"content\":\"s\"}",
            "{\"model\":\"m1\",\"llmusageid\":\"u1\",\"content\":\"z\",\"extra\":{\"deep\":[1,2,{\"a\":null}]},"
            "\"b\":true,\"c\":-1.5e3}",
            "{\"choices\":[{\"delta\":{\"content\":\"d\"},\"finish_reason\":\"stop\"}]}",
            "{\"c\\u006fntent\":\"escaped key\"}",
            "  {  \"content\"  :  \"spaced\"  }  ",
            "{}",
            "{\"content\":\"unterminated}",
            "{\"content\":\"x\",}",
            "{\"content\":\"x\"} trailing",
            "{\"content\":\"x\" \"y\":1}",
            "{\"content\":\"tab\tinside\"}",
            "[\"not an object\"]",
            "{\"n\":-,\"content\":\"bad number\"}",
            "{\"n\":nul,\"content\":\"bad literal\"}",
        };
        for (const char *line : made)
            QTest::addRow("made-%d", i++) << QByteArray(line);
    }
    void scannerAgreesWithTheFullParser()
    {
        QFETCH(QByteArray, line);
        StreamDecoder streamed;
        const QList<StreamEvent> fast = streamed.feed(line + '\n');
        StreamDecoder whole;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        const QList<StreamEvent> full = doc.isObject() ? whole.decodeComplete(line) : QList<StreamEvent>();
        QCOMPARE(fast.size(), full.size());
        for (qsizetype i = 0; i < fast.size(); ++i) {
            QCOMPARE(int(fast.at(i).type), int(full.at(i).type));
            QCOMPARE(fast.at(i).text, full.at(i).text);
            QCOMPARE(fast.at(i).usage, full.at(i).usage);
        }
        QCOMPARE(streamed.llmUsageId(), whole.llmUsageId());
        QCOMPARE(streamed.model(), whole.model());
        QCOMPARE(streamed.finishReason(), whole.finishReason());
        QCOMPARE(streamed.sawFinalChunk(), whole.sawFinalChunk());
    }

    // On its own thread: the same events, in order, however the bytes were cut; then finished().
    void backgroundDecoderKeepsOrder()
    {
        const QByteArray bytes = TestSupport::fixture(QStringLiteral("t2t-stream.sse"));
        BackgroundStreamDecoder decoder;
        Result r;
        connect(&decoder, &BackgroundStreamDecoder::decoded, this, [&r](const QList<StreamEvent> &events) { r = collect(events, r); });
        StreamDecoder::Status status;
        int finished = 0;
        connect(&decoder, &BackgroundStreamDecoder::finished, this, [&](const StreamDecoder::Status &s) {
            status = s;
            ++finished;
        });
        decoder.reset();
        for (qsizetype i = 0; i < bytes.size(); i += 7)
            decoder.feed(bytes.mid(i, 7));
        decoder.finish();
        QVERIFY(decoder.isFinishing());
        QTRY_COMPARE(finished, 1);
        QVERIFY(!decoder.isFinishing());
        QCOMPARE(r.text, FixtureText);
        QCOMPARE(r.usage.totalTokens, 70);
        QCOMPARE(r.done, 1);
        QCOMPARE(status.llmUsageId, QStringLiteral("K9_veNBxeqvrFfbGWXs0R"));
        QVERIFY(status.sawDone);
        QVERIFY(status.sawFinalChunk);
    }

    // A stream given up on (Stop, then a new question): nothing of it reaches the next one.
    void backgroundDecoderDropsAStreamGivenUpOn()
    {
        BackgroundStreamDecoder decoder;
        Result r;
        connect(&decoder, &BackgroundStreamDecoder::decoded, this, [&r](const QList<StreamEvent> &events) { r = collect(events, r); });
        QSignalSpy finished(&decoder, &BackgroundStreamDecoder::finished);
        decoder.reset();
        decoder.feed("{\"content\":\"OLD\"}\n{\"content\":\"half");
        decoder.reset();
        decoder.feed("{\"content\":\"NEW\"}\n");
        decoder.finish();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(r.text, QStringLiteral("NEW"));
    }

    void oversizedLineIsDroppedNotFatal()
    {
        StreamDecoder decoder;
        QByteArray junk(StreamDecoder::MaxLineBytes + 10, 'y');
        collect(decoder.feed(junk));
        const Result r = collect(decoder.feed(QByteArray("tail\n") + "{\"content\":\"after\"}" "\n"));
        QCOMPARE(r.text, QStringLiteral("after"));
        QVERIFY(decoder.skippedLines() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestStreamDecoder)
#include "tst_streamdecoder.moc"
