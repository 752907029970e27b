#include "cli/CliApp.h"

#include "api/PlatformClient.h"
#include "api/StreamDecoder.h"
#include "chat/AnswerAssembler.h"
#include "chat/ChatModelCatalog.h"
#include "chat/ChatSession.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "store/Database.h"
#include "store/TaskStore.h"
#include "store/UsageLedger.h"
#include "tasks/ResultDownloader.h"
#include "tasks/TaskPoller.h"
#include "video/ModelCatalog.h"
#include "video/RequestBuilder.h"
#include "video/VideoSubmitter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <cstdio>

namespace {
const QStringList ValueOptions{QStringLiteral("-m"), QStringLiteral("--model"), QStringLiteral("-s"), QStringLiteral("--system"),
                               QStringLiteral("--llmid"), QStringLiteral("--set"), QStringLiteral("--image"), QStringLiteral("--status"),
                               QStringLiteral("--concurrency"), QStringLiteral("--max-credits"), QStringLiteral("--taskid"),
                               QStringLiteral("--chat-model"), QStringLiteral("--variant"), QStringLiteral("--shots"), QStringLiteral("-o"), QStringLiteral("--output")};

// What each command accepts. Anything else is a usage error before anything is sent: a misspelt option
// must never be ignored on a command that bills.
struct CommandOptions
{
    QStringList flags;
    QStringList values;
};
const QHash<QString, CommandOptions> &commandOptions()
{
    static const QHash<QString, CommandOptions> table{
        {QStringLiteral("chat"),
         {{QStringLiteral("--no-stream"), QStringLiteral("--reasoning"), QStringLiteral("--usage")},
          {QStringLiteral("-m"), QStringLiteral("--model"), QStringLiteral("-s"), QStringLiteral("--system")}}},
        {QStringLiteral("models"), {{QStringLiteral("--video")}, {}}},
        {QStringLiteral("video"),
         {{QStringLiteral("--wait")}, {QStringLiteral("--llmid"), QStringLiteral("--set"), QStringLiteral("--image")}}},
        {QStringLiteral("task"), {{QStringLiteral("--check"), QStringLiteral("--wait")}, {QStringLiteral("--taskid")}}},
        {QStringLiteral("tasks"), {{}, {QStringLiteral("--status")}}},
        {QStringLiteral("batch"), {{}, {QStringLiteral("--concurrency"), QStringLiteral("--max-credits")}}},
        {QStringLiteral("help"), {{}, {}}},
        // Subcommands have rows of their own ("COMMAND SUBCOMMAND"), looked up before the command's.
        {QStringLiteral("prompt improve"),
         {{}, {QStringLiteral("--llmid"), QStringLiteral("--chat-model"), QStringLiteral("--variant")}}},
        {QStringLiteral("storyboard plan"),
         {{}, {QStringLiteral("--llmid"), QStringLiteral("--chat-model"), QStringLiteral("--shots"), QStringLiteral("-o"), QStringLiteral("--output")}}},
    };
    return table;
}

// Where a followed task stands, from its row alone: the same answer whichever process polls and downloads.
enum class Outcome { Pending, Downloaded, Failed, Unknown, NotDownloaded };
Outcome outcomeOf(const VideoTask &t)
{
    switch (t.state) {
    case VideoTask::State::Failed:
    case VideoTask::State::Rejected: return Outcome::Failed;
    case VideoTask::State::Unknown: return Outcome::Unknown;
    case VideoTask::State::Succeeded:
        // The cover too (one that cannot be fetched is dropped): a run that ends leaves no .part behind.
        if (!t.videoPath.isEmpty() && QFile::exists(t.videoPath)
            && (t.coverUrl.isEmpty() || (!t.coverPath.isEmpty() && QFile::exists(t.coverPath))))
            return Outcome::Downloaded;
        return t.errorCode == QLatin1String("expired") ? Outcome::NotDownloaded : Outcome::Pending;
    default: return Outcome::Pending;
    }
}

QString stateName(const VideoTask &t)
{
    return VideoTask::stateName(t.state);
}

QJsonObject taskJson(const VideoTask &t)
{
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("taskid"), t.taskId},
            {QStringLiteral("state"), stateName(t)},
            {QStringLiteral("llmid"), t.llmid},
            {QStringLiteral("model"), t.modelName},
            {QStringLiteral("mode"), t.mode},
            {QStringLiteral("prompt"), t.prompt},
            {QStringLiteral("created"), t.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("error"), t.error},
            {QStringLiteral("video_path"), t.videoPath},
            {QStringLiteral("video_url"), t.videoUrl},
            {QStringLiteral("usage"), t.usage}};
}
} // namespace

CliApp::CliApp(AppCore *core, QStringList args, bool json, QObject *parent)
    : QObject(parent), m_core(core), m_args(std::move(args)), m_json(json), m_out(stdout), m_err(stderr)
{
}

QString CliApp::helpText()
{
    return tr("Usage: yuanjing [--demo] [--base-url URL] [--json] COMMAND [options]\n"
              "\n"
              "Commands:\n"
              "  chat [-m MODEL] [-s SYSTEM] [--no-stream] [--reasoning] [--usage] PROMPT\n"
              "        Ask a model; the answer is written to stdout as it arrives (the prompt may come on stdin).\n"
              "        --reasoning writes the model's thinking to stderr; --usage the tokens used, at the end.\n"
              "  models [--video]\n"
              "        Chat models from the platform, or video models with their fields, types, choices and defaults.\n"
              "  video --llmid ID --set KEY=VALUE... [--image FIELD=PATH_OR_URL...] [--wait]\n"
              "        Submit a video task, checked against the model's schema first; prints the task id. With\n"
              "        --wait, follows it and downloads the result, printing the file's path.\n"
              "  task ID            One task from the store (local id or the platform's task id).\n"
              "  tasks [--status S] The tasks in the store (S: submitting, queued, running, succeeded, failed,\n"
              "                     rejected, unknown).\n"
              "  batch FILE.jsonl [--concurrency N] [--max-credits C]\n"
              "        One video job a line: {\"llmid\": ..., \"set\": {...}, \"images\": {...}}. At most N tasks run at\n"
              "        once (default 2); no new job starts once C credits are spent. Running it again skips the jobs\n"
              "        already submitted. A summary at the end.\n"
              "\n"
              "Options: --json (machine-readable output), --demo (the built-in simulator), --base-url URL,\n"
              "--help, --version. Environment: YUANJING_API_KEY, YUANJING_BASE_URL. The settings, key, task store\n"
              "and library folder are the app's.\n"
              "\n"
              "Exit codes: 0 ok, 1 other failure, 2 usage error, 3 key missing or rejected, 4 balance too low,\n"
              "5 bad request (a field or value), 6 network or platform trouble, 7 a video task failed.\n")
        + promptHelpText();
}

int CliApp::exitFor(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::None: return Ok;
    case ApiError::Kind::Auth: return Auth;
    case ApiError::Kind::InsufficientBalance: return Balance;
    case ApiError::Kind::BadRequest:
    case ApiError::Kind::TooLarge:
    case ApiError::Kind::Upstream: return BadRequest;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Server:
    case ApiError::Kind::InvalidResponse:
    case ApiError::Kind::NotFound: return Network;
    case ApiError::Kind::Canceled: return Failure;
    }
    return Failure;
}

int CliApp::exitForAnswer(AnswerAssembler::Reason reason, const ApiError &transport)
{
    switch (reason) {
    case AnswerAssembler::Reason::None: return Ok;
    case AnswerAssembler::Reason::ErrorLine: return BadRequest;
    case AnswerAssembler::Reason::StreamClosed:
    case AnswerAssembler::Reason::NoFinalChunk:
    case AnswerAssembler::Reason::Cut:
    case AnswerAssembler::Reason::TimedOut: return Network;
    case AnswerAssembler::Reason::RequestFailed: return transport.isError() ? exitFor(transport) : Failure;
    default: return Failure;
    }
}

QString CliApp::option(const QString &name, const QString &fallback) const
{
    const QStringList all = options(name);
    return all.isEmpty() ? fallback : all.last();
}

QStringList CliApp::options(const QString &name) const
{
    QStringList values;
    for (int i = 1; i < m_args.size(); ++i) {
        if (m_args.at(i) == name && i + 1 < m_args.size())
            values << m_args.at(i + 1);
        else if (m_args.at(i).startsWith(name + QLatin1Char('=')))
            values << m_args.at(i).mid(name.size() + 1);
    }
    return values;
}

bool CliApp::flag(const QString &name) const
{
    return m_args.contains(name);
}

QStringList CliApp::positional() const
{
    QStringList list;
    for (int i = 1; i < m_args.size(); ++i) {
        const QString &a = m_args.at(i);
        if (ValueOptions.contains(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1String("-")) && a != QLatin1String("-"))
            continue;
        list << a;
    }
    return list;
}

void CliApp::done(int code)
{
    if (m_done)
        return; // one outcome a run, however many signals tell of it
    m_done = true;
    m_out.flush();
    m_err.flush();
    QTimer::singleShot(0, this, [this, code] { emit finished(code); });
}

void CliApp::fail(int code, const QString &message)
{
    if (m_done)
        return;
    if (m_json)
        printJson({{QStringLiteral("error"), message}, {QStringLiteral("exit_code"), code}});
    else
        m_err << QStringLiteral("yuanjing: ") << message << Qt::endl;
    done(code);
}

void CliApp::printJson(const QJsonObject &o)
{
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    m_out.flush();
}

QString CliApp::checkOptions() const
{
    QString command = m_args.value(0);
    auto it = commandOptions().constFind(command + QLatin1Char(' ') + m_args.value(1));
    if (it != commandOptions().cend())
        command += QLatin1Char(' ') + m_args.value(1);
    else
        it = commandOptions().constFind(command);
    if (it == commandOptions().cend())
        return {};
    for (int i = 1; i < m_args.size(); ++i) {
        const QString &a = m_args.at(i);
        if (!a.startsWith(QLatin1Char('-')) || a == QLatin1String("-"))
            continue;
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (it->values.contains(name)) {
            if (!a.contains(QLatin1Char('=')) && ++i >= m_args.size())
                return tr("%1 needs a value").arg(name);
            continue;
        }
        if (it->flags.contains(a))
            continue;
        return tr("unknown option “%1” for %2 (see yuanjing --help); nothing was sent").arg(a, command);
    }
    return {};
}

void CliApp::start()
{
    const QString command = m_args.value(0);
    if (const QString problem = checkOptions(); !problem.isEmpty()) {
        fail(Usage, problem);
        return;
    }
    if (command == QLatin1String("chat"))
        chat();
    else if (command == QLatin1String("models"))
        models();
    else if (command == QLatin1String("video"))
        video();
    else if (command == QLatin1String("task"))
        task();
    else if (command == QLatin1String("tasks"))
        tasks();
    else if (command == QLatin1String("batch"))
        batch();
    else if (command == QLatin1String("prompt") && m_args.value(1) == QLatin1String("improve"))
        promptImprove();
    else if (command == QLatin1String("storyboard") && m_args.value(1) == QLatin1String("plan"))
        storyboardPlan();
    else if (command.isEmpty() || command == QLatin1String("help")) {
        m_out << helpText();
        done(command.isEmpty() ? Usage : Ok);
    } else {
        fail(Usage, tr("unknown command “%1” (see yuanjing --help)").arg(command));
    }
}

void CliApp::chat()
{
    QString prompt = positional().join(QLatin1Char(' ')).trimmed();
    if (prompt.isEmpty() || prompt == QLatin1String("-")) {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        prompt = QString::fromUtf8(in.readAll()).trimmed();
    }
    if (prompt.isEmpty()) {
        fail(Usage, tr("no prompt: give it as an argument or on stdin"));
        return;
    }
    if (!m_core->client()->hasApiKey()) {
        fail(Auth, tr("no API key: set YUANJING_API_KEY, save one in the app, or use --demo"));
        return;
    }
    // What a call costs is recorded in the database: without it, nothing is sent.
    if (!m_core->database()->isOpen()) {
        fail(Failure, m_core->startError());
        return;
    }
    Conversation conversation;
    conversation.model = option(QStringLiteral("-m"), option(QStringLiteral("--model"), m_core->settings()->lastChatModel()));
    conversation.sysPrompt = option(QStringLiteral("-s"), option(QStringLiteral("--system")));
    const bool stream = !flag(QStringLiteral("--no-stream"));
    const bool showReasoning = flag(QStringLiteral("--reasoning"));
    const QJsonObject body = ChatSession::buildRequest(conversation, {}, prompt, 0, stream);

    // The answer is assembled, and its ending decided, by the same class as the app's.
    struct State
    {
        StreamDecoder decoder;
        AnswerAssembler assembler;
        ChatMessage answer;
    };
    auto state = std::make_shared<State>();
    state->assembler.reset(stream);
    state->answer.role = ChatMessage::Role::Assistant;
    state->answer.model = conversation.model;
    state->answer.createdAt = QDateTime::currentDateTime();
    const auto apply = [this, state, showReasoning](const QList<StreamEvent> &events) {
        for (const StreamEvent &e : events) {
            if (e.type == StreamEvent::Type::Text && !m_json) {
                m_out << e.text;
                m_out.flush();
            } else if (e.type == StreamEvent::Type::Reasoning && showReasoning && !m_json) {
                m_err << e.text;
                m_err.flush();
            }
        }
        state->assembler.apply(state->answer, events, state->decoder.status());
    };
    const auto finish = [this, state](const ApiError &error) {
        ChatMessage &answer = state->answer;
        state->assembler.finish(answer, error);
        if (!m_json && !answer.content.isEmpty() && !answer.content.endsWith(QLatin1Char('\n')))
            m_out << Qt::endl;
        AnswerAssembler::recordUsage(m_core->ledger(), answer,
                                     QStringLiteral("cli-%1").arg(QDateTime::currentMSecsSinceEpoch()));
        const bool complete = answer.state == ChatMessage::State::Done;
        if (m_json)
            printJson({{QStringLiteral("model"), answer.model},
                       {QStringLiteral("text"), answer.content},
                       {QStringLiteral("reasoning"), answer.reasoning},
                       {QStringLiteral("usage"), answer.usage.toJson()},
                       {QStringLiteral("llmusageid"), answer.llmUsageId},
                       {QStringLiteral("state"), ChatMessage::stateName(answer.state)},
                       {QStringLiteral("reason"), AnswerAssembler::reasonCode(state->assembler.reason())},
                       {QStringLiteral("error"), answer.error}});
        if (flag(QStringLiteral("--usage")) && answer.usage.valid && !m_json)
            m_err << tr("usage: %1 prompt, %2 completion, %3 cached, %4 total tokens")
                         .arg(answer.usage.promptTokens)
                         .arg(answer.usage.completionTokens)
                         .arg(answer.usage.cachedTokens)
                         .arg(answer.usage.totalTokens)
                  << Qt::endl;
        if (complete) {
            done(Ok);
            return;
        }
        // Every other ending is a failure of the command, with its reason where a script's user looks.
        m_err << QStringLiteral("yuanjing: ")
              << (answer.error.isEmpty() ? tr("the answer was stopped") : answer.error) << Qt::endl;
        done(exitForAnswer(state->assembler.reason(), error));
    };
    if (stream) {
        StreamCall *call = m_core->client()->postStream(QStringLiteral("/llmage/t2t"), body);
        connect(call, &StreamCall::bytesArrived, this, [state, apply](const QByteArray &bytes) { apply(state->decoder.feed(bytes)); });
        connect(call, &StreamCall::finished, this, [state, apply, finish](const ApiError &error) {
            apply(state->decoder.finish());
            finish(error);
        });
    } else {
        ApiCall *call = m_core->client()->postJson(QStringLiteral("/llmage/t2t"), body);
        connect(call, &ApiCall::succeeded, this, [state, apply](const QJsonDocument &doc) {
            apply(state->decoder.decodeComplete(doc.toJson(QJsonDocument::Compact)));
        });
        connect(call, &ApiCall::finished, this, finish);
    }
}

void CliApp::models()
{
    if (flag(QStringLiteral("--video"))) {
        QJsonArray list;
        for (const ModelSpec &m : m_core->videoModels()->models()) {
            QJsonArray fields;
            if (!m_json)
                m_out << QStringLiteral("%1  %2  %3 / %4%5\n")
                             .arg(m.llmid, m.mode, m.vendor, m.model, m.enabled ? QString() : QStringLiteral("  (%1)").arg(m.disabledReason.text()));
            for (const FieldSpec &f : m.fields) {
                QJsonObject fo{{QStringLiteral("key"), f.key},
                               {QStringLiteral("type"), FieldSpec::typeName(f.type)},
                               {QStringLiteral("required"), f.required}};
                if (f.defaultValue.isValid())
                    fo.insert(QStringLiteral("default"), f.toJson(f.defaultValue));
                if (!f.choices.isEmpty())
                    fo.insert(QStringLiteral("choices"), QJsonArray::fromStringList(f.choices));
                if (f.hasRange) {
                    fo.insert(QStringLiteral("min"), f.minimum);
                    fo.insert(QStringLiteral("max"), f.maximum);
                }
                fields.append(fo);
                if (!m_json) {
                    QString line = QStringLiteral("    %1 (%2%3)").arg(f.key, FieldSpec::typeName(f.type), f.required ? tr(", required") : QString());
                    if (f.defaultValue.isValid())
                        line += tr(" default %1").arg(f.defaultValue.toString());
                    if (!f.choices.isEmpty())
                        line += tr(" one of: %1").arg(f.choices.join(QLatin1Char(' ')));
                    if (f.hasRange)
                        line += tr(" %1-%2").arg(f.minimum).arg(f.maximum);
                    m_out << line << QLatin1Char('\n');
                }
            }
            list.append(QJsonObject{{QStringLiteral("llmid"), m.llmid}, {QStringLiteral("mode"), m.mode},
                                    {QStringLiteral("vendor"), m.vendor}, {QStringLiteral("model"), m.model},
                                    {QStringLiteral("enabled"), m.enabled}, {QStringLiteral("fields"), fields}});
        }
        for (const QString &e : m_core->videoModels()->errors())
            m_err << tr("schema not loaded: %1").arg(e) << Qt::endl;
        if (m_json)
            printJson({{QStringLiteral("models"), list}});
        done(Ok);
        return;
    }
    ApiCall *call = m_core->client()->get(QStringLiteral("/llmage/v1/models"));
    auto fromPlatform = std::make_shared<QStringList>();
    connect(call, &ApiCall::succeeded, this, [fromPlatform](const QJsonDocument &doc) {
        for (const QJsonValue &v : doc.object().value(QLatin1String("data")).toArray())
            if (const QString id = v.toObject().value(QLatin1String("id")).toString(); !id.isEmpty())
                fromPlatform->append(id);
    });
    connect(call, &ApiCall::finished, this, [this, fromPlatform](const ApiError &error) {
        QStringList models = fromPlatform->isEmpty() ? ChatModelCatalog::builtInModels() : *fromPlatform;
        for (const QString &custom : m_core->settings()->customChatModels())
            if (!models.contains(custom))
                models.append(custom);
        if (error.isError() && !m_json)
            m_err << tr("the platform's model list is not available (%1); showing the built-in list").arg(error.title()) << Qt::endl;
        if (m_json)
            printJson({{QStringLiteral("models"), QJsonArray::fromStringList(models)},
                       {QStringLiteral("from_platform"), !fromPlatform->isEmpty()}});
        else
            for (const QString &m : models)
                m_out << m << QLatin1Char('\n');
        done(error.kind() == ApiError::Kind::Auth ? Auth : Ok);
    });
}

void CliApp::video()
{
    const QString llmid = option(QStringLiteral("--llmid"));
    const ModelSpec *spec = m_core->videoModels()->model(llmid);
    if (!spec) {
        fail(Usage, llmid.isEmpty() ? tr("--llmid is required (see yuanjing models --video)")
                                    : tr("unknown model “%1” (see yuanjing models --video)").arg(llmid));
        return;
    }
    if (!spec->enabled) {
        fail(BadRequest, tr("model %1 is not enabled on the platform (%2)").arg(llmid, spec->disabledReason.text()));
        return;
    }
    QVariantMap values = spec->defaults();
    for (const QString &pair : options(QStringLiteral("--set"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = pair.left(eq);
        const FieldSpec *f = spec->field(key);
        if (eq <= 0 || !f || f->type == FieldSpec::Type::Image) {
            fail(BadRequest, tr("%1 has no field “%2” to set (fields: %3)")
                                 .arg(llmid, key, [&] {
                                     QStringList keys;
                                     for (const FieldSpec &x : spec->fields)
                                         if (x.type != FieldSpec::Type::Image)
                                             keys << x.key;
                                     return keys.join(QStringLiteral(", "));
                                 }()));
            return;
        }
        values.insert(key, pair.mid(eq + 1));
    }
    QMap<QString, PreparedImage> images;
    for (const QString &pair : options(QStringLiteral("--image"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = pair.left(eq);
        const FieldSpec *f = spec->field(key);
        if (eq <= 0 || !f || f->type != FieldSpec::Type::Image) {
            fail(BadRequest, tr("%1 has no picture field “%2”").arg(llmid, key));
            return;
        }
        const QString source = pair.mid(eq + 1);
        images.insert(key, source.startsWith(QLatin1String("http://")) || source.startsWith(QLatin1String("https://"))
                               ? ImagePreparer::fromUrl(QUrl(source))
                               : ImagePreparer::fromFile(source));
    }
    const QMap<QString, QString> problems = RequestBuilder::validate(*spec, values, images);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
        fail(BadRequest, lines.join(QStringLiteral("; ")));
        return;
    }
    if (!m_core->client()->hasApiKey()) {
        fail(Auth, tr("no API key: set YUANJING_API_KEY, save one in the app, or use --demo"));
        return;
    }
    VideoSubmitter *submitter = m_core->videoSubmitter();
    const bool wait = flag(QStringLiteral("--wait"));
    connect(submitter, &VideoSubmitter::refused, this, [this](const QMap<QString, QString> &fields, const QString &error) {
        QStringList lines;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
        if (!error.isEmpty())
            lines << error;
        fail(BadRequest, lines.join(QStringLiteral("; ")));
    });
    connect(submitter, &VideoSubmitter::rejected, this, [this](const VideoTask &, const ApiError &error) { fail(exitFor(error), error.message()); });
    connect(submitter, &VideoSubmitter::uncertain, this, [this](const VideoTask &t, const ApiError &error) {
        fail(Network, tr("no clear answer (%1): task %2 is kept as unknown; check on the platform before submitting again")
                          .arg(error.title())
                          .arg(t.id));
    });
    connect(submitter, &VideoSubmitter::submitted, this, [this, wait](const VideoTask &t) {
        if (m_json && !wait)
            printJson(taskJson(t));
        else if (!m_json)
            m_out << t.taskId << Qt::endl;
        if (!wait) {
            done(Ok);
            return;
        }
        waitFor(t.id);
    });
    submitter->submit(*spec, values, images, qint64(m_core->settings()->requestSizeLimitKiB()) * 1024);
}

void CliApp::waitFor(qint64 id)
{
    // The task's row says where it stands, whether this process or the app polls and downloads it.
    const auto settle = [this, id](const VideoTask &t) {
        if (t.id != id || m_done)
            return;
        switch (outcomeOf(t)) {
        case Outcome::Pending: return;
        case Outcome::Downloaded:
            if (m_json)
                printJson(taskJson(t));
            else
                m_out << t.videoPath << Qt::endl;
            done(Ok);
            return;
        case Outcome::Failed: fail(TaskFailed, tr("the video failed: %1").arg(t.error)); return;
        case Outcome::Unknown:
            fail(Network, tr("task %1 is unknown: %2 (yuanjing task %1 --check asks again)").arg(t.id).arg(t.error));
            return;
        case Outcome::NotDownloaded: fail(Network, t.error); return;
        }
    };
    connect(m_core->tasks(), &TaskStore::taskChanged, this, settle);
    connect(m_core->downloader(), &ResultDownloader::downloadFailed, this, [this, id](const VideoTask &d, const QString &message) {
        if (d.id == id)
            fail(Network, message);
    });
    if (!m_core->isDataOwner() && !m_json)
        m_err << tr("The app is following this task; waiting for its result.") << Qt::endl;
    settle(m_core->tasks()->task(id));
}

void CliApp::task()
{
    const QString id = positional().value(0);
    if (id.isEmpty()) {
        fail(Usage, tr("which task? yuanjing task ID"));
        return;
    }
    VideoTask found;
    for (const VideoTask &t : m_core->tasks()->tasks())
        if (QString::number(t.id) == id || t.taskId == id)
            found = t;
    if (found.id == 0) {
        fail(Failure, tr("no task %1 in the store").arg(id));
        return;
    }
    const auto print = [this](const VideoTask &t) {
        if (m_json) {
            printJson(taskJson(t));
            return;
        }
        m_out << tr("task %1 (platform id %2): %3").arg(t.id).arg(t.taskId, stateName(t)) << Qt::endl;
        m_out << tr("model: %1 (%2), %3").arg(t.modelName, t.llmid, t.mode) << Qt::endl;
        m_out << tr("prompt: %1").arg(t.prompt) << Qt::endl;
        if (!t.error.isEmpty())
            m_out << tr("error: %1").arg(t.error) << Qt::endl;
        if (!t.videoPath.isEmpty())
            m_out << tr("file: %1").arg(t.videoPath) << Qt::endl;
    };
    const QString platformId = option(QStringLiteral("--taskid"));
    const bool check = flag(QStringLiteral("--check")) || !platformId.isEmpty();
    if (!check) {
        print(found);
        done(Ok);
        return;
    }
    // Asking about a task is free: any process may, the owner of the data folder downloads what it finds.
    const bool asked = platformId.isEmpty() ? m_core->poller()->checkAgain(found.id)
                                            : m_core->poller()->setPlatformTaskId(found.id, platformId);
    if (!asked) {
        fail(Usage, platformId.isEmpty() ? tr("task %1 has no platform task id to ask about; give it with --taskid ID").arg(found.id)
                                         : tr("only an unknown task can be given a platform task id"));
        return;
    }
    if (flag(QStringLiteral("--wait"))) {
        waitFor(found.id);
        return;
    }
    // The first change after asking is the platform's answer.
    const qint64 rowId = found.id;
    connect(m_core->tasks(), &TaskStore::taskChanged, this, [this, rowId, print](const VideoTask &t) {
        if (t.id != rowId || m_done)
            return;
        print(t);
        done(Ok);
    });
}

void CliApp::tasks()
{
    const QString status = option(QStringLiteral("--status")).toLower();
    QJsonArray list;
    for (const VideoTask &t : m_core->tasks()->tasks()) {
        if (!status.isEmpty() && stateName(t) != status)
            continue;
        list.append(taskJson(t));
        if (!m_json)
            m_out << QStringLiteral("%1\t%2\t%3\t%4\t%5\n").arg(t.id).arg(stateName(t), t.taskId, t.modelName, t.prompt.simplified().left(60));
    }
    if (m_json)
        printJson({{QStringLiteral("tasks"), list}});
    done(Ok);
}

namespace {
// One job of a batch file: its key (what it is known by across runs), the line it is on now, and what
// it asks for. Lines may be {"llmid", "set": {…}, "images": {…}} or the platform's own body shape
// {"llmid": …, "prompt": …, "duration": 5, "image_file1": "…"}, or both; "id" names a job explicitly.
struct BatchJobSpec
{
    QString key;
    QString legacyKey; // how the previous version's FILE.jsonl.state knew it (content hash + line number)
    QJsonObject spec;
    int line = 0;
};

bool isJobKeyword(const QString &key)
{
    return key == QLatin1String("llmid") || key == QLatin1String("id") || key == QLatin1String("set")
        || key == QLatin1String("images");
}

// The job's values and pictures, from either form; a key the model does not have is an error.
bool jobValues(const ModelSpec &spec, const QJsonObject &job, QVariantMap *values, QMap<QString, QString> *images, QString *error)
{
    *values = spec.defaults();
    QJsonObject fields = job.value(QLatin1String("set")).toObject();
    QJsonObject pictures = job.value(QLatin1String("images")).toObject();
    for (auto it = job.constBegin(); it != job.constEnd(); ++it) {
        if (isJobKeyword(it.key()))
            continue;
        const FieldSpec *f = spec.field(it.key());
        if (f && f->type == FieldSpec::Type::Image)
            pictures.insert(it.key(), it.value());
        else
            fields.insert(it.key(), it.value());
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const FieldSpec *f = spec.field(it.key());
        if (!f || f->type == FieldSpec::Type::Image) {
            *error = CliApp::tr("no field “%1”").arg(it.key());
            return false;
        }
        values->insert(it.key(), it->isDouble() ? QString::number(it->toDouble()) : it->toString());
    }
    for (auto it = pictures.constBegin(); it != pictures.constEnd(); ++it) {
        const FieldSpec *f = spec.field(it.key());
        if (!f || f->type != FieldSpec::Type::Image) {
            *error = CliApp::tr("no picture field “%1”").arg(it.key());
            return false;
        }
        images->insert(it.key(), it->toString());
    }
    return true;
}

PreparedImage imageFrom(const QString &source)
{
    return source.startsWith(QLatin1String("http://")) || source.startsWith(QLatin1String("https://"))
               ? ImagePreparer::fromUrl(QUrl(source))
               : ImagePreparer::fromFile(source);
}
} // namespace

void CliApp::batch()
{
    const QString path = positional().value(0);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        fail(Usage, tr("cannot read the batch file “%1”").arg(path));
        return;
    }
    // A job is known by its content within this file (and how many identical jobs came before it), or by
    // its "id": never by its line number, so a comment or a blank line added above changes nothing.
    const QString batchName = QFileInfo(path).canonicalFilePath();
    const QString batchKey = QString::fromLatin1(QCryptographicHash::hash(batchName.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    QList<BatchJobSpec> jobs;
    QHash<QString, int> occurrences;
    int lineNo = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            fail(Usage, tr("%1 line %2: not a JSON object (%3)").arg(path).arg(lineNo).arg(error.errorString()));
            return;
        }
        const QJsonObject o = doc.object();
        QString content;
        if (o.value(QLatin1String("id")).isString() && !o.value(QLatin1String("id")).toString().isEmpty()) {
            content = QStringLiteral("id:") + o.value(QLatin1String("id")).toString();
            if (occurrences.contains(content)) {
                fail(Usage, tr("%1 line %2: the id “%3” is used twice").arg(path).arg(lineNo).arg(o.value(QLatin1String("id")).toString()));
                return;
            }
        } else {
            // The object's canonical form (keys sorted, no spacing): reformatting a line is not a new job.
            content = QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1).toHex());
        }
        const int n = occurrences[content]++;
        BatchJobSpec job;
        job.key = QStringLiteral("%1:%2#%3").arg(batchKey, content).arg(n);
        job.legacyKey = QString::fromLatin1(QCryptographicHash::hash(line, QCryptographicHash::Sha1).toHex().left(16))
                        + QStringLiteral("-%1").arg(lineNo);
        job.spec = o;
        job.line = lineNo;
        jobs.append(job);
    }
    // Check every job against its schema before anything is sent.
    for (const BatchJobSpec &job : jobs) {
        const ModelSpec *spec = m_core->videoModels()->model(job.spec.value(QLatin1String("llmid")).toString());
        if (!spec || !spec->enabled) {
            fail(BadRequest, tr("%1 line %2: unknown or disabled llmid").arg(path).arg(job.line));
            return;
        }
        QVariantMap values;
        QMap<QString, QString> sources;
        QString error;
        if (!jobValues(*spec, job.spec, &values, &sources, &error)) {
            fail(BadRequest, tr("%1 line %2: %3").arg(path).arg(job.line).arg(error));
            return;
        }
        QMap<QString, PreparedImage> images;
        for (auto it = sources.cbegin(); it != sources.cend(); ++it)
            images.insert(it.key(), ImagePreparer::fromUrl(QUrl(QStringLiteral("https://placeholder.invalid/x.jpg"))));
        const QMap<QString, QString> problems = RequestBuilder::validate(*spec, values, images);
        if (!problems.isEmpty()) {
            fail(BadRequest, tr("%1 line %2: %3").arg(path).arg(job.line).arg(problems.first()));
            return;
        }
    }
    if (!m_core->client()->hasApiKey()) {
        fail(Auth, tr("no API key: set YUANJING_API_KEY, save one in the app, or use --demo"));
        return;
    }

    // What the previous version recorded (FILE.jsonl.state, keyed by line): honoured, never sent again.
    QJsonObject legacy;
    {
        QFile s(path + QStringLiteral(".state"));
        if (s.open(QIODevice::ReadOnly))
            legacy = QJsonDocument::fromJson(s.readAll()).object();
    }
    struct Run
    {
        QList<BatchJobSpec> pending;
        QSet<qint64> running;
        QList<int> uncertain;
        int submitted = 0, skipped = 0, succeeded = 0, failed = 0, refused = 0, unknown = 0;
        double credits = 0;
        bool stopping = false;
    };
    auto run = std::make_shared<Run>();
    for (const BatchJobSpec &job : jobs) {
        qint64 row = m_core->tasks()->batchJobTask(job.key);
        if (row == 0 && legacy.contains(job.legacyKey))
            row = qint64(legacy.value(job.legacyKey).toDouble());
        if (row == 0) {
            run->pending.append(job);
            continue;
        }
        ++run->skipped;
        const VideoTask t = m_core->tasks()->task(row);
        if (t.id == 0) {
            if (!m_json)
                m_err << tr("line %1: already sent (its task was deleted from the store); not sent again").arg(job.line) << Qt::endl;
            continue;
        }
        if (t.state == VideoTask::State::Unknown || t.state == VideoTask::State::Submitting || t.taskId.isEmpty()) {
            // It may have been made (and billed): only the platform can say.
            run->uncertain.append(job.line);
            if (!m_json)
                m_err << tr("line %1: uncertain — sent as task %2, but no answer was recorded; check on the platform "
                            "(yuanjing task %2 --taskid ID once you know its id); not sent again")
                             .arg(job.line)
                             .arg(t.id)
                      << Qt::endl;
            continue;
        }
        if (outcomeOf(t) == Outcome::Pending)
            run->running.insert(t.id); // still being made: wait for it too
    }
    const int concurrency = qMax(1, option(QStringLiteral("--concurrency"), QStringLiteral("2")).toInt());
    const double maxCredits = option(QStringLiteral("--max-credits"), QStringLiteral("-1")).toDouble();

    auto *next = new QTimer(this);
    next->setSingleShot(true);
    next->setInterval(0);
    const auto summary = [this, run] {
        QJsonArray uncertain;
        for (int line : run->uncertain)
            uncertain.append(line);
        const QJsonObject s{{QStringLiteral("submitted"), run->submitted}, {QStringLiteral("skipped"), run->skipped},
                            {QStringLiteral("succeeded"), run->succeeded}, {QStringLiteral("failed"), run->failed},
                            {QStringLiteral("refused"), run->refused}, {QStringLiteral("unknown"), run->unknown},
                            {QStringLiteral("uncertain_lines"), uncertain}, {QStringLiteral("credits"), run->credits},
                            {QStringLiteral("not_started"), int(run->pending.size())}};
        if (m_json)
            printJson(s);
        else
            m_out << tr("batch: %1 submitted, %2 skipped (already sent; %3 of them uncertain), %4 succeeded, %5 failed, "
                        "%6 refused, %7 unknown, %8 not started; %9 credits")
                         .arg(run->submitted)
                         .arg(run->skipped)
                         .arg(run->uncertain.size())
                         .arg(run->succeeded)
                         .arg(run->failed)
                         .arg(run->refused)
                         .arg(run->unknown)
                         .arg(run->pending.size())
                         .arg(run->credits)
                  << Qt::endl;
        done(run->failed + run->refused + run->unknown > 0 ? TaskFailed : Ok);
    };
    connect(next, &QTimer::timeout, this, [this, run, next, concurrency, maxCredits, summary, batchName] {
        VideoSubmitter *submitter = m_core->videoSubmitter();
        if (maxCredits >= 0 && run->credits >= maxCredits)
            run->stopping = true;
        if (!run->stopping && !submitter->isBusy() && run->running.size() < concurrency && !run->pending.isEmpty()) {
            const BatchJobSpec job = run->pending.takeFirst();
            const ModelSpec *spec = m_core->videoModels()->model(job.spec.value(QLatin1String("llmid")).toString());
            QVariantMap values;
            QMap<QString, QString> sources;
            QString error;
            jobValues(*spec, job.spec, &values, &sources, &error);
            QMap<QString, PreparedImage> images;
            for (auto it = sources.cbegin(); it != sources.cend(); ++it)
                images.insert(it.key(), imageFrom(it.value()));
            auto *once = new QObject(this);
            const auto finishOnce = [once] { once->deleteLater(); };
            connect(submitter, &VideoSubmitter::submitted, once, [run, next, finishOnce](const VideoTask &t) {
                ++run->submitted;
                run->running.insert(t.id);
                finishOnce();
                next->start();
            });
            const auto notSent = [run, next, finishOnce] {
                ++run->refused;
                finishOnce();
                next->start();
            };
            connect(submitter, &VideoSubmitter::rejected, once, notSent);
            connect(submitter, &VideoSubmitter::refused, once, notSent);
            connect(submitter, &VideoSubmitter::uncertain, once, [run, job, next, finishOnce](const VideoTask &) {
                // Maybe created: the job is recorded as sent, so a re-run does not send it again.
                ++run->unknown;
                run->uncertain.append(job.line);
                finishOnce();
                next->start();
            });
            if (!m_json)
                m_err << tr("line %1: submitting").arg(job.line) << Qt::endl;
            submitter->submit(*spec, values, images, qint64(m_core->settings()->requestSizeLimitKiB()) * 1024,
                              BatchJob{job.key, batchName, job.line});
            return;
        }
        if (run->running.isEmpty() && (run->pending.isEmpty() || run->stopping) && !submitter->isBusy())
            summary();
    });
    // A job is done when its video is on disk (or cannot be); read from its row, whichever process follows it.
    connect(m_core->tasks(), &TaskStore::taskChanged, this, [run, next](const VideoTask &t) {
        if (!run->running.contains(t.id))
            return;
        switch (outcomeOf(t)) {
        case Outcome::Pending: return;
        case Outcome::Downloaded:
        case Outcome::NotDownloaded: ++run->succeeded; break; // made and paid for; the Library offers it again
        case Outcome::Failed: ++run->failed; break;
        case Outcome::Unknown: ++run->unknown; break;
        }
        run->credits += t.usage.value(QLatin1String("credits")).toDouble();
        run->running.remove(t.id);
        next->start();
    });
    connect(m_core->downloader(), &ResultDownloader::downloadFailed, this, [run, next](const VideoTask &t) {
        if (!run->running.remove(t.id))
            return;
        ++run->succeeded; // made and paid for; the Library offers the download again
        run->credits += t.usage.value(QLatin1String("credits")).toDouble();
        next->start();
    });
    next->start();
}
