// Chat benchmarks (BENCHMARKS.md):
//  stream  A 1 MB answer in 20,000 chunks from the simulator, as fast as loopback allows. Time until the
//          app has it fully displayed, beside a bare QNetworkReply reader of the same stream, in one run;
//          and the longest stall of the UI thread's event loop meanwhile.
//  open    Opening a conversation of 2,000 messages in the Chat tab.
//  tail    An answer whose open tail never closes (one long code block, one huge paragraph).
#include "BenchSupport.h"
#include "api/PlatformClient.h"
#include "chat/ChatSession.h"
#include "chat/ChatTab.h"
#include "chat/ChatView.h"
#include "core/AppCore.h"
#include "simulator/PlatformSimulator.h"
#include "store/ConversationStore.h"

#include <QApplication>
#include <sys/resource.h>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include "store/Database.h"
#include <QSqlDatabase>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

namespace {
QTextStream out(stdout);

double threadCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// Measures the longest gap between ticks of a 1 ms timer on the UI thread.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.nsecsElapsed();
            m_worst = qMax(m_worst, gap);
            m_clock.restart();
        });
    }
    void start() { m_worst = 0; m_clock.start(); m_timer.start(); }
    double stop() { m_timer.stop(); return m_worst / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

QString makeAnswer(qsizetype bytes)
{
    // Markdown as models write it: headings, paragraphs mixing Chinese and Latin text, lists, code.
    const QString paragraph = QStringLiteral(
        "这是一段用于基准测试的中文段落,包含 **粗体**、`代码` 和 English words mixed in, so that line "
        "breaking and font fallback are exercised as in real answers. 元境平台的回答通常很长。\n\n");
    const QString list = QStringLiteral("- 第一项 item one\n- 第二项 item two\n- 第三项 item three\n\n");
    const QString code = QStringLiteral("```cpp\nint main() { return 0; }\n```\n\n");
    QString text;
    qsizetype size = 0;
    for (int i = 0; size < bytes; ++i) {
        QString piece = (i % 7 == 3) ? list : (i % 11 == 5) ? code : paragraph;
        if (i % 10 == 0)
            piece.prepend(QStringLiteral("## 第 %1 节\n\n").arg(i / 10 + 1));
        size += piece.toUtf8().size();
        text += piece;
    }
    return text;
}

struct ThreadedSimulator
{
    QThread thread;
    PlatformSimulator *sim = nullptr;
    QUrl url;
    void start(const SimulatorConfig &config)
    {
        QSemaphore ready;
        QObject::connect(&thread, &QThread::started, [&] {
            sim = new PlatformSimulator;
            sim->setConfig(config);
            sim->start();
            url = sim->baseUrl();
            ready.release();
        });
        thread.start();
        ready.acquire();
    }
    ~ThreadedSimulator()
    {
        QMetaObject::invokeMethod(sim, [this] { delete sim; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

void benchStream(int runs)
{
    const QString answer = makeAnswer(1024 * 1024);
    SimulatorConfig config;
    config.tokenDelayMs = 0;
    config.reasoningText = QStringLiteral("-");
    config.replyText = answer;
    config.charsPerToken = int((answer.size() + 19999) / 20000);
    ThreadedSimulator server;
    server.start(config);
    out << "answer: " << answer.toUtf8().size() << " bytes, " << (answer.size() + config.charsPerToken - 1) / config.charsPerToken
        << " chunks of " << config.charsPerToken << " chars\n";

    QTemporaryDir dir;
    LaunchOptions options = BenchSupport::optionsIn(dir);
    options.baseUrlOverride = server.url.toString();
    options.apiKeyOverride = QStringLiteral("bench-key-000");
    AppCore core(options);
    BenchSupport::start(core);
    ChatTab tab(&core);
    tab.resize(1100, 800);
    tab.show();
    QCoreApplication::processEvents();

    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("qwen3-max")},
                           {QStringLiteral("prompt"), QStringLiteral("bench")},
                           {QStringLiteral("stream"), true}};
    QNetworkAccessManager nam;
    for (int run = 0; run < runs; ++run) {
        // Bare reader.
        StallMeter bareStall;
        QElapsedTimer t;
        qint64 bytes = 0;
        bareStall.start();
        t.start();
        QNetworkRequest request(QUrl(server.url.toString() + QStringLiteral("/llmage/t2t")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer bench-key-000");
        QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::readyRead, [&] { bytes += reply->readAll().size(); });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const double bareMs = t.nsecsElapsed() / 1e6;
        const double bareStallMs = bareStall.stop();
        reply->deleteLater();

        // The app: composer → session → decoder → view, until the answer is fully displayed.
        tab.newConversation();
        StallMeter appStall;
        bool done = false;
        QMetaObject::Connection c = QObject::connect(core.chat(), &ChatSession::messageFinished, [&] { done = true; });
        appStall.start();
        const double cpu0 = threadCpuMs();
        t.restart();
        core.chat()->send(tab.currentConversationId(), QStringLiteral("bench"));
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        tab.view()->viewport()->repaint(); // the last state drawn, as the user sees it
        const double appMs = t.nsecsElapsed() / 1e6;
        const double appStallMs = appStall.stop();
        const double appCpuMs = threadCpuMs() - cpu0;
        QObject::disconnect(c);
        const ChatMessage m = core.chat()->activeMessage();
        out << QStringLiteral("stream run %1: bare reader %2 ms (%3 bytes, stall %4 ms) | app %5 ms (ratio %6, stall %7 ms, %8 chars, state %9, UI thread CPU %10 ms)\n")
                   .arg(run + 1)
                   .arg(bareMs, 0, 'f', 1)
                   .arg(bytes)
                   .arg(bareStallMs, 0, 'f', 1)
                   .arg(appMs, 0, 'f', 1)
                   .arg(appMs / bareMs, 0, 'f', 2)
                   .arg(appStallMs, 0, 'f', 1)
                   .arg(m.content.size())
                   .arg(ChatMessage::stateName(m.state))
                   .arg(appCpuMs, 0, 'f', 0);
        out.flush();
    }
}

void benchOpen(int runs)
{
    QTemporaryDir dir;
    AppCore core(BenchSupport::optionsIn(dir, true));
    BenchSupport::start(core);
    const QString answer = makeAnswer(1500);
    const qint64 id = core.conversations()->createConversation(QStringLiteral("long"), QStringLiteral("qwen3-max"));
    core.database()->db().transaction();
    for (int i = 0; i < 2000; ++i) {
        ChatMessage m;
        m.conversationId = id;
        m.role = i % 2 ? ChatMessage::Role::Assistant : ChatMessage::Role::User;
        m.content = i % 2 ? answer : QStringLiteral("Question number %1?").arg(i);
        m.model = QStringLiteral("qwen3-max");
        core.conversations()->addMessage(m);
    }
    core.database()->db().commit();
    ChatTab tab(&core);
    tab.resize(1100, 800);
    tab.show();
    const qint64 other = tab.newConversation();
    QCoreApplication::processEvents();
    for (int run = 0; run < runs; ++run) {
        tab.selectConversation(other);
        QCoreApplication::processEvents();
        QElapsedTimer t;
        t.start();
        tab.selectConversation(id);
        tab.repaint(); // include laying out and painting the visible part
        const double ms = t.nsecsElapsed() / 1e6;
        out << QStringLiteral("open run %1: 2,000 messages (%2 shown) in %3 ms\n")
                   .arg(run + 1)
                   .arg(tab.view()->shownMessageCount())
                   .arg(ms, 0, 'f', 1);
        out.flush();
    }
    // Scrolling: the time to scroll through everything shown, a page at a time.
    QScrollBar *bar = tab.view()->verticalScrollBar();
    // How close the heights of text not laid out yet were guessed: the scroll bar's range as opened,
    // and once every page has been on screen.
    const int estimated = bar->maximum();
    for (int v = 0; v <= bar->maximum(); v += bar->pageStep())
        bar->setValue(v);
    out << QStringLiteral("estimate: height as opened %1 px, once all laid out %2 px (%3 %)\n")
               .arg(estimated)
               .arg(bar->maximum())
               .arg(100.0 * (estimated - bar->maximum()) / bar->maximum(), 0, 'f', 1);
    tab.selectConversation(other);
    tab.selectConversation(id);
    QElapsedTimer t;
    t.start();
    int pages = 0;
    double worst = 0;
    for (int v = bar->maximum(); v > 0; v -= bar->pageStep(), ++pages) {
        QElapsedTimer page;
        page.start();
        bar->setValue(v);
        tab.view()->viewport()->repaint();
        worst = qMax(worst, page.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("scroll: %1 pages, worst page %2 ms, mean %3 ms\n")
               .arg(pages)
               .arg(worst, 0, 'f', 1)
               .arg(t.nsecsElapsed() / 1e6 / qMax(1, pages), 0, 'f', 1);
    // Resizing: every block's height is estimated again for the new width, those on screen laid out.
    double worstResize = 0;
    for (int run = 0; run < 10; ++run) {
        QElapsedTimer resize;
        resize.start();
        tab.resize(run % 2 ? 1100 : 900, 800);
        QCoreApplication::sendPostedEvents();
        tab.repaint();
        worstResize = qMax(worstResize, resize.nsecsElapsed() / 1e6);
    }
    out << QStringLiteral("resize: worst of 10 resizes of the window %1 ms\n").arg(worstResize, 0, 'f', 1);
}
// The open tail of an answer is made again on every update. How that costs when the tail never closes:
// an answer that is one long code block still being written, or one paragraph without a line break.
void benchTail()
{
    for (const bool code : {true, false}) {
        ChatView view;
        view.resize(1000, 700);
        view.show();
        ChatMessage m;
        m.id = 1;
        m.role = ChatMessage::Role::Assistant;
        m.state = ChatMessage::State::Streaming;
        m.model = QStringLiteral("qwen3-max");
        m.createdAt = QDateTime::currentDateTime();
        view.appendMessage(m);
        const QString piece = code ? QStringLiteral("    x = compute(x) + 1  # 注释\n")
                                   : QStringLiteral("这是一个没有换行的很长的段落 with words, ");
        m.content = code ? QStringLiteral("```python\n") : QString();
        double worst = 0;
        double sum = 0;
        int updates = 0;
        while (m.content.size() < 200000) {
            for (int k = 0; k < 4; ++k) // about a frame's worth of a fast model
                m.content += piece;
            QElapsedTimer t;
            t.start();
            view.updateStreaming(m);
            view.viewport()->repaint();
            const double ms = t.nsecsElapsed() / 1e6;
            worst = qMax(worst, ms);
            sum += ms;
            ++updates;
        }
        out << QStringLiteral("tail: %1 of %2 characters: worst update %3 ms, mean %4 ms (%5 updates)\n")
                   .arg(code ? QStringLiteral("one open code block") : QStringLiteral("one paragraph, no line break"))
                   .arg(m.content.size())
                   .arg(worst, 0, 'f', 1)
                   .arg(sum / updates, 0, 'f', 2)
                   .arg(updates);
        out.flush();
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("all");
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 3;
    if (what == QLatin1String("stream") || what == QLatin1String("all"))
        benchStream(runs);
    if (what == QLatin1String("open") || what == QLatin1String("all"))
        benchOpen(runs);
    if (what == QLatin1String("tail") || what == QLatin1String("all"))
        benchTail();
    return 0;
}
