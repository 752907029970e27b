#include "simulator/PlatformSimulator.h"

#include "core/Log.h"
#include "simulator/DemoContent.h"
#include "media/Media.h"
#include "video/ModelCatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QSaveFile>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

namespace {
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &message)
{
    return json({{QStringLiteral("error"), message}});
}

QString randomId(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    QString id;
    for (int i = 0; i < length; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return id;
}

bool promptAsks(const QJsonObject &body, const char *tag)
{
    return body.value(QLatin1String("prompt")).toString().contains(QLatin1String(tag));
}
} // namespace

PlatformSimulator::PlatformSimulator(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &PlatformSimulator::onNewConnection);
}

PlatformSimulator::~PlatformSimulator()
{
    stop();
}

bool PlatformSimulator::start(quint16 port)
{
    if (m_server.isListening())
        return true;
    const bool ok = m_server.listen(QHostAddress::LocalHost, port);
    if (!ok)
        qCWarning(lcSim) << "simulator could not listen:" << m_server.errorString();
    return ok;
}

void PlatformSimulator::setStateFile(const QString &path)
{
    m_stateFile = path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    loadState();
}

void PlatformSimulator::loadState()
{
    // The app and yuanjing in demo mode each run a simulator on the same state file, as two clients of
    // one platform: what the other made is read in (never overwriting what this one knows).
    if (m_stateFile.isEmpty())
        return;
    QFile file(m_stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray tasks = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &v : tasks) {
        const QJsonObject o = v.toObject();
        Task t;
        t.id = o.value(QLatin1String("id")).toString();
        t.llmid = o.value(QLatin1String("llmid")).toString();
        t.request = o.value(QLatin1String("request")).toObject();
        t.createdMs = qint64(o.value(QLatin1String("created")).toDouble());
        t.fail = o.value(QLatin1String("fail")).toBool();
        t.stuck = o.value(QLatin1String("stuck")).toBool();
        t.staleLink = o.value(QLatin1String("stale_link")).toBool();
        if (t.id.isEmpty() || m_tasks.contains(t.id))
            continue;
        m_tasks.insert(t.id, t);
        m_nextTaskId = qMax<quint64>(m_nextTaskId, t.id.toULongLong() + 1);
    }
}

void PlatformSimulator::saveState()
{
    if (m_stateFile.isEmpty())
        return;
    loadState();
    QJsonArray tasks;
    for (const Task &t : m_tasks) {
        // Pictures are not kept: a task's state needs only its settings.
        QJsonObject request = t.request;
        for (const QString &key : request.keys())
            if (key.startsWith(QLatin1String("image_file")))
                request.remove(key);
        tasks.append(QJsonObject{{QStringLiteral("id"), t.id},
                                 {QStringLiteral("llmid"), t.llmid},
                                 {QStringLiteral("request"), request},
                                 {QStringLiteral("created"), double(t.createdMs)},
                                 {QStringLiteral("fail"), t.fail},
                                 {QStringLiteral("stuck"), t.stuck},
                                 {QStringLiteral("stale_link"), t.staleLink}});
    }
    QSaveFile file(m_stateFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(tasks).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

void PlatformSimulator::stop()
{
    m_server.close();
}

QUrl PlatformSimulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

int PlatformSimulator::requestCount(const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&](const Recorded &r) { return r.path == path; }));
}

void PlatformSimulator::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_config.maxBodyBytes, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { handle(connection, request); });
    }
}

void PlatformSimulator::handle(HttpConnection *connection, const HttpRequest &request)
{
    m_requests.append({request.method, request.path, request.query, request.headers.value("authorization"),
                       request.headers.value("range"), request.body});
    emit requestReceived(request.path);
    if (m_config.closeWithoutAnswer) {
        connection->reset();
        return;
    }
    if (m_config.answerDelayMs > 0) {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(m_config.answerDelayMs, this, [this, guard, request] {
            if (guard)
                answer(guard, request);
        });
        return;
    }
    answer(connection, request);
}

void PlatformSimulator::answer(HttpConnection *connection, const HttpRequest &request)
{
    const QString path = request.path;
    if (path == QLatin1String("/idfile")) {
        handleFile(connection, request); // result URLs carry no key
        return;
    }
    if (m_config.redirectApiTo.isValid()) {
        QUrl to = m_config.redirectApiTo;
        to.setPath(path);
        to.setQuery(request.query);
        connection->respond(307, {}, "text/plain", {{"Location", to.toEncoded()}});
        emit requestHandled(path, 307);
        return;
    }
    if (!checkAuth(connection, request))
        return;
    if (m_config.forcedStatus) {
        connection->respond(m_config.forcedStatus, m_config.forcedBody, m_config.forcedContentType);
        emit requestHandled(path, m_config.forcedStatus);
        return;
    }
    if (request.bodyTooLarge) {
        connection->respond(413, "<html><head><title>413 Request Entity Too Large</title></head>"
                                 "<body><center><h1>413 Request Entity Too Large</h1></center></body></html>",
                            "text/html");
        emit requestHandled(path, 413);
        return;
    }
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (path == QLatin1String("/llmage/t2t")) {
        handleChat(connection, body);
    } else if (path == QLatin1String("/llmage/video")) {
        handleVideo(connection, body);
    } else if (path == QLatin1String("/llmage/tasks")) {
        handleTask(connection, request);
    } else if (path == QLatin1String("/llmage/v1/models")) {
        handleModels(connection);
    } else if (path == QLatin1String("/llmage/v1/pricing")) {
        handlePricing(connection, request);
    } else {
        connection->respond(404, errorBody(QStringLiteral("Not Found")));
        emit requestHandled(path, 404);
    }
}

bool PlatformSimulator::checkAuth(HttpConnection *connection, const HttpRequest &request)
{
    const QByteArray auth = request.headers.value("authorization");
    bool ok = auth.startsWith("Bearer ") && auth.size() > 7;
    if (!m_config.requiredKey.isEmpty())
        ok = auth == "Bearer " + m_config.requiredKey.toUtf8();
    if (ok)
        return true;
    if (m_config.authPlainText)
        connection->respond(m_config.authStatus, "Forbidden: invalid credentials", "text/plain");
    else
        connection->respond(m_config.authStatus, errorBody(QStringLiteral("Invalid API Key")));
    emit requestHandled(request.path, m_config.authStatus);
    return false;
}

void PlatformSimulator::handleChat(HttpConnection *connection, const QJsonObject &body)
{
    const QString prompt = body.value(QLatin1String("prompt")).toString();
    if (prompt.isEmpty() && !body.value(QLatin1String("messages")).isArray()) {
        connection->respond(400, errorBody(QStringLiteral("Missing required parameter: prompt")));
        emit requestHandled(QStringLiteral("/llmage/t2t"), 400);
        return;
    }
    if (m_config.insufficientBalance || promptAsks(body, "[sim:429]")) {
        connection->respond(429, errorBody(QStringLiteral("Insufficient balance")));
        emit requestHandled(QStringLiteral("/llmage/t2t"), 429);
        return;
    }
    if (promptAsks(body, "[sim:400]")) {
        connection->respond(400, errorBody(QStringLiteral("Unknown model: ") + body.value(QLatin1String("model")).toString()));
        emit requestHandled(QStringLiteral("/llmage/t2t"), 400);
        return;
    }
    if (promptAsks(body, "[sim:500]")) {
        connection->respond(502, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                                 "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", "text/html");
        emit requestHandled(QStringLiteral("/llmage/t2t"), 502);
        return;
    }

    const QString model = body.value(QLatin1String("model")).toString(QStringLiteral("qwen3-max"));
    const QString sysPrompt = body.value(QLatin1String("sys_prompt")).toString();
    QString answer = m_config.replyText;
    if (answer.isEmpty())
        answer = DemoContent::promptHelpAnswerFor(prompt, sysPrompt);
    if (answer.isEmpty())
        answer = DemoContent::answerFor(prompt, model);
    if (promptAsks(body, "[sim:long]"))
        answer = QStringList(40, answer).join(QStringLiteral("\n\n")); // paragraphs, not run-on text
    QString reasoning = m_config.reasoningText.isEmpty() ? DemoContent::reasoningFor(prompt) : m_config.reasoningText;
    if (reasoning == QLatin1String("-"))
        reasoning.clear();
    const QString usageId = randomId(21);
    const QString chatId = QStringLiteral("chatcmpl-") + randomId(24);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const QStringList textPieces = DemoContent::tokenize(answer, m_config.charsPerToken);
    const QStringList thinkPieces = DemoContent::tokenize(reasoning, m_config.charsPerToken);
    const QJsonObject usage{{QStringLiteral("prompt_tokens"), DemoContent::promptTokens(prompt, sysPrompt)},
                            {QStringLiteral("completion_tokens"), int(textPieces.size() + thinkPieces.size())},
                            {QStringLiteral("total_tokens"), DemoContent::promptTokens(prompt, sysPrompt)
                                                                 + int(textPieces.size() + thinkPieces.size())},
                            {QStringLiteral("prompt_tokens_details"), QJsonObject{{QStringLiteral("cached_tokens"), 0}}}};
    ++m_chatBilled;

    const auto chunk = [chatId, created, model, usageId](const QJsonValue &content, const QJsonValue &reasoningContent,
                                                         bool first, const QString &finishReason = QString()) {
        QJsonObject delta{{QStringLiteral("content"), content},
                          {QStringLiteral("role"), first ? QJsonValue(QStringLiteral("assistant")) : QJsonValue()}};
        if (!reasoningContent.isNull())
            delta.insert(QStringLiteral("reasoning_content"), reasoningContent);
        QJsonObject choice{{QStringLiteral("delta"), delta}, {QStringLiteral("index"), 0}};
        if (!finishReason.isEmpty())
            choice.insert(QStringLiteral("finish_reason"), finishReason);
        return QJsonObject{{QStringLiteral("id"), chatId},
                           {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                           {QStringLiteral("created"), created},
                           {QStringLiteral("choices"), QJsonArray{choice}},
                           {QStringLiteral("model"), model},
                           {QStringLiteral("reasoning_content"), reasoningContent},
                           {QStringLiteral("content"), content},
                           {QStringLiteral("finish"), QStringLiteral("0")},
                           {QStringLiteral("llmusageid"), usageId}};
    };

    if (!body.value(QLatin1String("stream")).toBool(false)) {
        const QJsonObject reply{
            {QStringLiteral("id"), chatId},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("created"), created},
            {QStringLiteral("choices"),
             QJsonArray{QJsonObject{{QStringLiteral("finish_reason"), QStringLiteral("stop")},
                                    {QStringLiteral("index"), 0},
                                    {QStringLiteral("message"), QJsonObject{{QStringLiteral("content"), answer},
                                                                            {QStringLiteral("role"), QStringLiteral("assistant")}}}}}},
            {QStringLiteral("model"), model},
            {QStringLiteral("reasoning_content"), reasoning.isEmpty() ? QJsonValue() : QJsonValue(reasoning)},
            {QStringLiteral("content"), answer},
            {QStringLiteral("finish"), QStringLiteral("1")},
            {QStringLiteral("usage"), usage},
            {QStringLiteral("llmusageid"), usageId}};
        const int delay = m_config.tokenDelayMs > 0 ? qMin(1500, m_config.tokenDelayMs * 10) : 0;
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(delay, this, [this, guard, reply] {
            if (guard)
                guard->respond(200, json(reply));
            emit requestHandled(QStringLiteral("/llmage/t2t"), 200);
        });
        return;
    }

    // The events of a streamed answer, in order: the first (role only), the thinking, the text, the one
    // with finish_reason, and the last one with the usage.
    const int total = 1 + int(thinkPieces.size() + textPieces.size()) + 2;
    const QJsonObject last{{QStringLiteral("id"), chatId}, {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                           {QStringLiteral("created"), created}, {QStringLiteral("choices"), QJsonArray()},
                           {QStringLiteral("model"), model}, {QStringLiteral("finish"), QStringLiteral("1")},
                           {QStringLiteral("usage"), usage}, {QStringLiteral("llmusageid"), usageId}};
    const auto event = [=](int i) {
        if (i == 0)
            return chunk(QString(), QJsonValue(), true);
        if (i <= thinkPieces.size())
            return chunk(QString(), thinkPieces.at(i - 1), false);
        if (i <= thinkPieces.size() + textPieces.size())
            return chunk(textPieces.at(i - 1 - int(thinkPieces.size())), QJsonValue(), false);
        if (i == total - 2)
            return chunk(QString(), QJsonValue(), false, QStringLiteral("stop"));
        return last;
    };
    const bool sse = m_config.framing == SimulatorConfig::Framing::Sse;
    const QByteArray eol = m_config.lineEnding;
    const QByteArray prefix = m_config.sseWithoutSpace ? "data:" : "data: ";
    const auto frame = [sse, eol, prefix](const QJsonObject &o) { return sse ? prefix + json(o) + eol + eol : json(o) + eol; };
    const QByteArray done = sse && m_config.sendDone ? "data: [DONE]" + eol + eol : QByteArray();
    connection->beginStream(sse ? "text/event-stream; charset=utf-8" : "text/html; charset=utf-8");

    // As fast as loopback allows, the way a model server streams: events are made and written a batch
    // at a time, so the first ones leave while the rest are still being produced.
    const bool plain = m_config.tokenDelayMs <= 0 && m_config.splitBytes <= 0 && m_config.resetAfterEvents < 0
                       && m_config.errorAfterEvents < 0 && m_config.endAfterEvents < 0 && !promptAsks(body, "[sim:cut]")
                       && !promptAsks(body, "[sim:error]") && !promptAsks(body, "[sim:repr]")
                       && !promptAsks(body, "[sim:early]");
    if (plain) {
        auto index = std::make_shared<int>(0);
        auto *timer = new QTimer(connection);
        timer->setInterval(0);
        QPointer<HttpConnection> guard(connection);
        connect(timer, &QTimer::timeout, this, [=] {
            if (!guard || !guard->isOpen()) {
                timer->stop();
                return;
            }
            QByteArray batch;
            for (int n = 0; n < 250 && *index < total; ++n, ++(*index))
                batch += frame(event(*index));
            if (!batch.isEmpty())
                guard->write(batch);
            if (*index >= total) {
                timer->stop();
                if (!done.isEmpty())
                    guard->write(done);
                guard->close();
                emit requestHandled(QStringLiteral("/llmage/t2t"), 200);
            }
        });
        timer->start();
        return;
    }

    QList<QJsonObject> objects;
    for (int i = 0; i < total; ++i)
        objects.append(event(i));

    int errorAfter = m_config.errorAfterEvents;
    const bool repr = m_config.errorAsRepr || promptAsks(body, "[sim:repr]");
    if (promptAsks(body, "[sim:error]") || promptAsks(body, "[sim:repr]"))
        errorAfter = qMax(2, int(objects.size()) / 3);
    int endAfter = m_config.endAfterEvents;
    if (promptAsks(body, "[sim:early]"))
        endAfter = qMax(2, int(objects.size()) / 2);
    QByteArray errorLine;
    if (errorAfter >= 0 && errorAfter < objects.size()) {
        objects = objects.mid(0, errorAfter);
        // One server version writes the line with Python's repr (and without the usage id).
        errorLine = repr ? QByteArray("{'error': 'ERROR:upstream request failed', 'status': 'FAILED'}")
                         : json(QJsonObject{{QStringLiteral("error"), QStringLiteral("ERROR:upstream request failed")},
                                            {QStringLiteral("status"), QStringLiteral("FAILED")},
                                            {QStringLiteral("llmusageid"), usageId}});
    }
    const bool endsEarly = endAfter >= 0 && endAfter < objects.size();
    if (endsEarly)
        objects = objects.mid(0, endAfter);

    QList<QByteArray> events;
    events.reserve(objects.size() + 2);
    for (const QJsonObject &o : std::as_const(objects))
        events.append(frame(o));
    if (!errorLine.isEmpty())
        events.append(sse ? prefix + errorLine + eol + eol : errorLine + eol);
    if (!done.isEmpty() && !endsEarly)
        events.append(done);

    int resetAfter = m_config.resetAfterEvents;
    if (promptAsks(body, "[sim:cut]"))
        resetAfter = qMax(2, int(events.size()) / 2);

    streamChat(connection, events, resetAfter);
}

void PlatformSimulator::streamChat(HttpConnection *connection, const QList<QByteArray> &events, int resetAfter)
{
    // Re-cut the byte stream where the test asks, so that lines and UTF-8 characters split across reads.
    QList<QByteArray> pieces;
    if (m_config.splitBytes > 0) {
        const QByteArray all = events.join();
        for (qsizetype i = 0; i < all.size(); i += m_config.splitBytes)
            pieces.append(all.mid(i, m_config.splitBytes));
        if (resetAfter >= 0) {
            qsizetype bytes = 0;
            for (int i = 0; i < resetAfter && i < events.size(); ++i)
                bytes += events.at(i).size();
            resetAfter = int((bytes + m_config.splitBytes - 1) / m_config.splitBytes);
        }
    } else {
        pieces = events;
    }

    if (m_config.tokenDelayMs <= 0) {
        for (int i = 0; i < pieces.size(); ++i) {
            if (i == resetAfter) {
                connection->reset();
                emit requestHandled(QStringLiteral("/llmage/t2t"), 200);
                return;
            }
            connection->write(pieces.at(i));
        }
        connection->close();
        emit requestHandled(QStringLiteral("/llmage/t2t"), 200);
        return;
    }

    auto *timer = new QTimer(connection);
    timer->setInterval(m_config.tokenDelayMs);
    auto index = std::make_shared<int>(0);
    QPointer<HttpConnection> guard(connection);
    connect(timer, &QTimer::timeout, this, [this, guard, timer, pieces, index, resetAfter] {
        if (!guard || !guard->isOpen()) {
            timer->stop();
            return;
        }
        if (*index == resetAfter) {
            timer->stop();
            guard->reset();
            emit requestHandled(QStringLiteral("/llmage/t2t"), 200);
            return;
        }
        if (*index >= pieces.size()) {
            timer->stop();
            guard->close();
            emit requestHandled(QStringLiteral("/llmage/t2t"), 200);
            return;
        }
        guard->write(pieces.at((*index)++));
    });
    timer->start();
}

void PlatformSimulator::handleVideo(HttpConnection *connection, const QJsonObject &body)
{
    const QString llmid = body.value(QLatin1String("llmid")).toString();
    const auto reject = [&](int status, const QString &message) {
        connection->respond(status, errorBody(message));
        emit requestHandled(QStringLiteral("/llmage/video"), status);
    };
    if (m_config.insufficientBalance || promptAsks(body, "[sim:429]") || m_config.refuseVideoFor.contains(llmid)) {
        if (m_config.insufficientFundsAs400)
            return reject(400, QStringLiteral("InsufficientFunds"));
        return reject(429, QStringLiteral("Insufficient balance"));
    }
    if (llmid.isEmpty())
        return reject(400, QStringLiteral("Missing required parameter: llmid"));
    if (!DemoContent::isKnownVideoModel(llmid))
        return reject(400, QStringLiteral("Unknown llmid: ") + llmid);
    if (!DemoContent::isEnabledVideoModel(llmid)) {
        connection->respond(200, errorObject(QStringLiteral("ERROR:model not enabled (未开通)")));
        emit requestHandled(QStringLiteral("/llmage/video"), 200);
        return;
    }
    if (body.value(QLatin1String("prompt")).toString().trimmed().isEmpty())
        return reject(400, QStringLiteral("Missing required parameter: prompt"));
    if (promptAsks(body, "[sim:400]"))
        return reject(400, QStringLiteral("Invalid parameter: duration"));

    loadState(); // another demo process may have made tasks: never hand out their ids
    Task task;
    task.id = QString::number(m_nextTaskId++);
    task.llmid = llmid;
    task.request = body;
    task.createdMs = QDateTime::currentMSecsSinceEpoch();
    task.fail = m_config.failTasks || promptAsks(body, "[sim:fail]") || m_config.failTasksFor.contains(llmid);
    task.stuck = promptAsks(body, "[sim:stuck]");
    task.flaky = promptAsks(body, "[sim:flaky]");
    task.staleLink = promptAsks(body, "[sim:stale]");
    makeClipFromFirstFrame(task);
    m_tasks.insert(task.id, task);
    saveState();
    // The real server checks the balance and calls the vendor before it answers: the task exists (and is
    // billed) while the client is still waiting.
    const QByteArray reply = json({{QStringLiteral("taskid"), task.id}, {QStringLiteral("status"), QStringLiteral("created")}});
    const int delay = promptAsks(body, "[sim:slow]") ? 5000 : m_config.submitDelayMs;
    if (delay > 0) {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(delay, this, [this, guard, reply] {
            if (!guard)
                return;
            guard->respond(200, reply);
            emit requestHandled(QStringLiteral("/llmage/video"), 200);
        });
        return;
    }
    connection->respond(200, reply);
    emit requestHandled(QStringLiteral("/llmage/video"), 200);
}

QByteArray PlatformSimulator::errorObject(const QString &message) const
{
    if (m_config.reprErrors) {
        QString quoted = message;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
        return QStringLiteral("{'error': '%1', 'status': 'FAILED'}").arg(quoted).toUtf8();
    }
    return json({{QStringLiteral("error"), message}, {QStringLiteral("status"), QStringLiteral("FAILED")}});
}

QJsonObject PlatformSimulator::taskObject(Task &task)
{
    const qint64 step = qMax(1, m_config.taskStepMs);
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - task.createdMs;
    QJsonObject o{{QStringLiteral("taskid"), task.id}};
    if (task.polls++ < m_config.transientTaskFailures + (task.flaky ? 1 : 0)) {
        o.insert(QStringLiteral("status"), QStringLiteral("FAILED"));
        o.insert(QStringLiteral("error"), QStringLiteral("taskid=%1 not exist").arg(task.id));
        return o;
    }
    if (m_config.tasksNeverFinish || task.stuck) {
        o.insert(QStringLiteral("status"), QStringLiteral("RUNNING"));
        return o;
    }
    if (elapsed < step) {
        o.insert(QStringLiteral("status"), QStringLiteral("CREATED"));
    } else if (elapsed < 2 * step) {
        o.insert(QStringLiteral("status"), QStringLiteral("PENDING"));
    } else if (elapsed < 3 * step || task.clipPending) {
        o.insert(QStringLiteral("status"), QStringLiteral("RUNNING"));
    } else if (task.fail) {
        o.insert(QStringLiteral("status"), QStringLiteral("FAILED"));
        o.insert(QStringLiteral("error"), QStringLiteral("content moderation rejected the prompt (simulated)"));
    } else {
        const QString base = baseUrl().toString();
        o.insert(QStringLiteral("status"), QStringLiteral("SUCCEEDED"));
        o.insert(QStringLiteral("usage"), DemoContent::videoUsage(task.llmid, task.request));
        // Each answer hands out a fresh link (the platform's links are temporary).
        const int generation = ++task.linkGeneration;
        o.insert(QStringLiteral("image"), base + QStringLiteral("/idfile?path=/tmp/%1/cover.jpeg&g=%2").arg(task.id).arg(generation));
        o.insert(QStringLiteral("video"), base + QStringLiteral("/idfile?path=/tmp/%1/video.mp4&g=%2").arg(task.id).arg(generation));
    }
    return o;
}

void PlatformSimulator::handleTask(HttpConnection *connection, const HttpRequest &request)
{
    QString id = request.query.queryItemValue(QStringLiteral("taskid"));
    if (id.isEmpty())
        id = QJsonDocument::fromJson(request.body).object().value(QLatin1String("taskid")).toString();
    QJsonObject o;
    if (id.isEmpty()) {
        connection->respond(200, json({{QStringLiteral("status"), QStringLiteral("error")},
                                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("message"), QStringLiteral("taskid required")}}}}));
        emit requestHandled(QStringLiteral("/llmage/tasks"), 200);
        return;
    }
    if (!m_tasks.contains(id))
        loadState(); // made by another demo process on the same platform
    if (!m_tasks.contains(id)) {
        o = {{QStringLiteral("taskid"), id},
             {QStringLiteral("status"), QStringLiteral("FAILED")},
             {QStringLiteral("error"), QStringLiteral("taskid=%1 not exist").arg(id)}};
    } else {
        o = taskObject(m_tasks[id]);
    }
    SimulatorConfig::TaskReplyShape shape = m_config.taskReplyShape;
    if (m_config.wrappedTaskReplies && shape == SimulatorConfig::TaskReplyShape::Flat)
        shape = SimulatorConfig::TaskReplyShape::Data;
    switch (shape) {
    case SimulatorConfig::TaskReplyShape::Flat: break;
    case SimulatorConfig::TaskReplyShape::Data:
        o = {{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("data"), o}};
        break;
    case SimulatorConfig::TaskReplyShape::Response:
    case SimulatorConfig::TaskReplyShape::Resposne:
        o = {{QStringLiteral("status"), QStringLiteral("ok")},
             {QStringLiteral("data"), QJsonObject{{shape == SimulatorConfig::TaskReplyShape::Response ? QStringLiteral("response")
                                                                                                    : QStringLiteral("resposne"),
                                                   o}}}};
        break;
    }
    connection->respond(200, json(o));
    emit requestHandled(QStringLiteral("/llmage/tasks"), 200);
}

void PlatformSimulator::handleFile(HttpConnection *connection, const HttpRequest &request)
{
    const QString path = request.query.queryItemValue(QStringLiteral("path"));
    QString resource;
    QByteArray type;
    if (path.endsWith(QLatin1String(".mp4"))) {
        resource = QStringLiteral(":/demo/demo.mp4");
        type = "video/mp4";
    } else if (path.endsWith(QLatin1String(".jpeg")) || path.endsWith(QLatin1String(".jpg"))) {
        resource = QStringLiteral(":/demo/cover.jpg");
        type = "image/jpeg";
    }
    if (m_config.resultsAsHtml) {
        connection->respond(200, "<!DOCTYPE html><html><body>Please sign in</body></html>", "text/html; charset=utf-8");
        emit requestHandled(request.path, 200);
        return;
    }
    const Task *owner = m_tasks.contains(path.section(QLatin1Char('/'), 2, 2)) ? &m_tasks[path.section(QLatin1Char('/'), 2, 2)] : nullptr;
    const int stale = qMax(m_config.staleLinkGenerations, owner && owner->staleLink ? 1 : 0);
    if (stale > 0 && request.query.queryItemValue(QStringLiteral("g")).toInt() <= stale) {
        connection->respond(403, "<html><body>link expired</body></html>", "text/html");
        emit requestHandled(request.path, 403);
        return;
    }
    QFile file(resource);
    if (m_config.expiredResults || resource.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        connection->respond(404, "<html><body>file expired</body></html>", "text/html");
        emit requestHandled(request.path, 404);
        return;
    }
    const QString taskId = path.section(QLatin1Char('/'), -2, -2);
    const QByteArray data = type == "video/mp4" && m_clips.contains(taskId) ? m_clips.value(taskId) : file.readAll();
    static const QRegularExpression rangeRe(QStringLiteral("^bytes=(\\d+)-(\\d*)$"));
    const auto match = rangeRe.match(QString::fromLatin1(request.headers.value("range")));
    if (m_config.supportRange && match.hasMatch()) {
        const qint64 from = match.captured(1).toLongLong();
        const qint64 to = match.captured(2).isEmpty() ? data.size() - 1 : qMin<qint64>(match.captured(2).toLongLong(), data.size() - 1);
        if (from >= data.size() || from > to) {
            connection->respond(416, {}, type, {{"Content-Range", "bytes */" + QByteArray::number(data.size())}});
            emit requestHandled(request.path, 416);
            return;
        }
        connection->respond(206, data.mid(from, to - from + 1), type,
                            {{"Content-Range", "bytes " + QByteArray::number(from) + '-' + QByteArray::number(to) + '/'
                                                   + QByteArray::number(data.size())},
                             {"Accept-Ranges", "bytes"}});
        emit requestHandled(request.path, 206);
        return;
    }
    if (m_config.cutFilesAfterBytes >= 0) {
        // Headers promising the whole file, part of it, then the connection drops.
        const int cut = m_config.cutFilesAfterBytes;
        m_config.cutFilesAfterBytes = -1;
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + QByteArray::number(data.size())
                          + "\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n";
        connection->socket()->write(head + data.left(cut));
        // A clean close after a short body: the bytes sent all arrive, then the transfer is cut.
        connection->close();
        emit requestHandled(request.path, 200);
        return;
    }
    connection->respond(200, data, type, {{"Accept-Ranges", m_config.supportRange ? "bytes" : "none"}});
    emit requestHandled(request.path, 200);
}

void PlatformSimulator::handleModels(HttpConnection *connection)
{
    if (!m_config.modelsAvailable) {
        connection->respond(404, errorBody(QStringLiteral("Not Found")));
        emit requestHandled(QStringLiteral("/llmage/v1/models"), 404);
        return;
    }
    QJsonArray data;
    for (const QString &id : DemoContent::chatModels())
        data.append(QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("owned_by"), QStringLiteral("opencomputing")}});
    connection->respond(200, json({{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}}));
    emit requestHandled(QStringLiteral("/llmage/v1/models"), 200);
}

void PlatformSimulator::handlePricing(HttpConnection *connection, const HttpRequest &request)
{
    if (!m_config.pricingAvailable) {
        connection->respond(404, errorBody(QStringLiteral("Not Found")));
        emit requestHandled(QStringLiteral("/llmage/v1/pricing"), 404);
        return;
    }
    const QString model = request.query.queryItemValue(QStringLiteral("model"));
    connection->respond(200, json({{QStringLiteral("status"), QStringLiteral("ok")},
                                   {QStringLiteral("data"), QJsonObject{{QStringLiteral("model"), model},
                                                                        {QStringLiteral("display_text"), DemoContent::pricingText(model)}}}}));
    emit requestHandled(QStringLiteral("/llmage/v1/pricing"), 200);
}

void PlatformSimulator::makeClipFromFirstFrame(Task &task)
{
    if (!m_config.clipsFromFirstFrames)
        return;
    // Which field is the first frame is the schema's word (its role), not a vendor's name.
    static ModelCatalog *catalog = [] {
        auto *c = new ModelCatalog;
        c->load({});
        return c;
    }();
    const ModelSpec *spec = catalog->model(task.llmid);
    if (!spec)
        return;
    QString value;
    for (const FieldSpec &f : spec->fields)
        if (f.type == FieldSpec::Type::Image && f.role == QLatin1String("first_frame"))
            value = task.request.value(f.key).toString();
    const int comma = value.indexOf(QLatin1Char(','));
    if (!value.startsWith(QLatin1String("data:image")) || comma < 0)
        return;
    const QImage picture = QImage::fromData(QByteArray::fromBase64(value.mid(comma + 1).toLatin1()));
    if (picture.isNull())
        return;
    task.clipPending = true;
    const QString id = task.id;
    const QString file = QDir::temp().filePath(QStringLiteral("yuanjing-sim-%1-%2.mp4").arg(QCoreApplication::applicationPid()).arg(id));
    auto *job = new MediaJob(this);
    connect(job, &MediaJob::finished, this, [this, job, id, file](bool ok) {
        job->deleteLater();
        QFile clip(file);
        if (ok && clip.open(QIODevice::ReadOnly))
            m_clips.insert(id, clip.readAll());
        clip.close();
        QFile::remove(file);
        if (m_tasks.contains(id))
            m_tasks[id].clipPending = false; // the shared demo clip when it could not be made
    });
    job->start([picture, file](media::Engine &engine, const media::Progress &progress) {
        // Four seconds at 24 fps, 480x270 like the demo clip: a slow zoom into the picture, with a tone.
        const QSize size(480, 270);
        const QImage base = picture.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)
                                .copy(QRect(QPoint(0, 0), size))
                                .convertToFormat(QImage::Format_RGB32);
        media::ClipSpec spec;
        spec.size = size;
        spec.fps = 24;
        spec.frames = 96;
        spec.audio = true;
        spec.frame = [base, size](int n) {
            const double zoom = 1.0 - 0.2 * n / 95.0;
            const QSize crop(qRound(size.width() * zoom), qRound(size.height() * zoom));
            const QRect r(QPoint((size.width() - crop.width()) / 2, (size.height() - crop.height()) / 2), crop);
            return base.copy(r).scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        };
        return engine.writeClip(file, spec, progress);
    });
}
