#pragma once

#include "simulator/HttpConnection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrl>

// How the simulator behaves. Tests change it between calls; demo mode uses the defaults.
struct SimulatorConfig
{
    enum class Framing { Sse, Ndjson };

    // Auth: empty accepts any key (demo); otherwise "Bearer <requiredKey>" exactly, else authStatus.
    QString requiredKey;
    int authStatus = 401;
    bool authPlainText = false; // a 403 proxy page says "Forbidden" in plain text

    bool insufficientBalance = false;   // every billed call answers 429
    qint64 maxBodyBytes = 1024 * 1024;  // larger bodies answer 413

    // Force one answer for every call: status and body (e.g. 502 with an HTML page).
    int forcedStatus = 0;
    QByteArray forcedBody;
    QByteArray forcedContentType = "application/json";
    int answerDelayMs = 0;      // before anything is written (timeouts)
    bool closeWithoutAnswer = false; // accept, read, then reset (connection lost after sending)

    // Chat streaming.
    Framing framing = Framing::Sse;
    bool sseWithoutSpace = false; // "data:{...}"
    QByteArray lineEnding = "\n";
    bool sendDone = true;
    int tokenDelayMs = 25;     // between streamed events
    int splitBytes = 0;        // > 0: re-cut the byte stream into pieces of this size
    int charsPerToken = 3;
    QString replyText;         // overrides the demo answer
    QString reasoningText;     // overrides the demo reasoning; "-" for none
    int resetAfterEvents = -1; // drop the connection after this many events
    int errorAfterEvents = -1; // an in-band {"error":..., "status":"FAILED"} line after this many events
    bool errorAsRepr = false;  // that line as a Python dict repr: {'error': 'ERROR:...', 'status': 'FAILED'}
    int endAfterEvents = -1;   // end the stream cleanly after this many events: no final chunk, no [DONE]

    // Video tasks: CREATED → PENDING → RUNNING → SUCCEEDED, each step taskStepMs long.
    int taskStepMs = 1500;
    bool wrappedTaskReplies = false; // {"status":"ok","data":{...}}
    // Every shape the server writes task replies in; Data is wrappedTaskReplies.
    enum class TaskReplyShape { Flat, Data, Response, Resposne };
    TaskReplyShape taskReplyShape = TaskReplyShape::Flat;
    int transientTaskFailures = 0; // each task first answers this many polls with FAILED "taskid … not exist"
    bool tasksNeverFinish = false;  // RUNNING for ever (the platform's checker died with a restart)
    // An image-to-video task answers with a clip that starts on its first-frame picture (a slow zoom made
    // with the media module), so that a chained storyboard visibly continues from shot to shot.
    bool clipsFromFirstFrames = true;
    int submitDelayMs = 0;          // /llmage/video: the task is made (and billed) at once, the reply comes after this
    bool reprErrors = false;        // error objects written as a Python dict repr
    bool insufficientFundsAs400 = false; // an older server's low balance: 400 "InsufficientFunds"
    int staleLinkGenerations = 0;   // the first N result links given for each task answer 403
    QUrl redirectApiTo;             // API calls answer 307 to this origin (a key must never follow)
    bool failTasks = false;
    // One model among several: its submissions answer 429, or its tasks fail midway (the others run).
    QSet<QString> refuseVideoFor;
    QSet<QString> failTasksFor;
    bool expiredResults = false; // result files answer 404
    bool resultsAsHtml = false;
    int cutFilesAfterBytes = -1; // the next result file download drops after this many bytes (once)  // result files answer 200 with a login page (a proxy in the way)
    bool supportRange = true;

    bool modelsAvailable = true;
    bool pricingAvailable = true;
};

// A small HTTP/1.1 server on 127.0.0.1 that speaks the platform's protocol (PLATFORM-API.md), quirks
// included: SSE or NDJSON streams, the text twice per chunk, in-band errors, both task reply shapes.
// It backs the demo mode and every test; no other fake of the platform exists.
//
// In demo mode a prompt can ask for trouble: "[sim:429]", "[sim:400]", "[sim:500]", "[sim:cut]",
// "[sim:error]", "[sim:repr]" (the error line as a Python dict),
// "[sim:early]" (a clean end before the final chunk), "[sim:fail]" (a failing video task), "[sim:long]" (a long answer).
class PlatformSimulator : public QObject
{
    Q_OBJECT
public:
    struct Recorded
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray authorization;
        QByteArray range;
        QByteArray body;
    };

    explicit PlatformSimulator(QObject *parent = nullptr);
    ~PlatformSimulator() override;

    bool start(quint16 port = 0);
    // Demo mode: tasks survive a restart of the app (as they would on the real platform).
    void setStateFile(const QString &path);
    void stop();
    bool isRunning() const { return m_server.isListening(); }
    QUrl baseUrl() const;

    SimulatorConfig &config() { return m_config; }
    void setConfig(const SimulatorConfig &config) { m_config = config; }

    const QList<Recorded> &requests() const { return m_requests; }
    int requestCount(const QString &path) const;
    void clearRequests() { m_requests.clear(); }
    // Billed calls answered so far: chat usage and video usage, as the platform would charge them.
    int chatCallsBilled() const { return m_chatBilled; }

signals:
    void requestHandled(const QString &path, int status);
    // A request arrived (before it is answered).
    void requestReceived(const QString &path);

private:
    struct Task
    {
        QString id;
        QString llmid;
        QJsonObject request;
        qint64 createdMs = 0; // wall clock: the state file outlives the process
        bool fail = false;
        int polls = 0;          // status requests answered
        int linkGeneration = 0; // result links handed out
        // Demo prompts that ask for the platform's real ways, per task (saved with it).
        bool stuck = false;     // [sim:stuck]: RUNNING for ever
        bool flaky = false;     // [sim:flaky]: "not exist" on the first poll
        bool staleLink = false; // [sim:stale]: the first result link answers 403
        bool clipPending = false; // its demo clip is being made: it stays RUNNING until then
    };
    void makeClipFromFirstFrame(Task &task);

    void onNewConnection();
    void handle(HttpConnection *connection, const HttpRequest &request);
    void answer(HttpConnection *connection, const HttpRequest &request);
    bool checkAuth(HttpConnection *connection, const HttpRequest &request);
    void handleChat(HttpConnection *connection, const QJsonObject &body);
    void streamChat(HttpConnection *connection, const QList<QByteArray> &events, int resetAfter);
    void handleVideo(HttpConnection *connection, const QJsonObject &body);
    void handleTask(HttpConnection *connection, const HttpRequest &request);
    void handleFile(HttpConnection *connection, const HttpRequest &request);
    void handleModels(HttpConnection *connection);
    void handlePricing(HttpConnection *connection, const HttpRequest &request);
    QJsonObject taskObject(Task &task);
    QByteArray errorObject(const QString &message) const;
    void saveState();
    void loadState();

    QTcpServer m_server;
    SimulatorConfig m_config;
    QList<Recorded> m_requests;
    QHash<QString, Task> m_tasks;
    QHash<QString, QByteArray> m_clips; // task id → the clip made from its first frame
    quint64 m_nextTaskId = 936759404378734592ULL;
    int m_chatBilled = 0;
    QString m_stateFile;
};
