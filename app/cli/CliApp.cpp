#include "cli/CliApp.h"

#include "api/PlatformClient.h"
#include "api/StreamDecoder.h"
#include "chat/AnswerAssembler.h"
#include "chat/ChatModelCatalog.h"
#include "chat/ChatSession.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "media/Media.h"
#include "store/BoardStore.h"
#include "store/Database.h"
#include "storyboard/Board.h"
#include "storyboard/StoryboardRunner.h"
#include "store/TaskStore.h"
#include "store/UsageLedger.h"
#include "tasks/ResultDownloader.h"
#include "tasks/TaskPoller.h"
#include "video/ComparisonRunner.h"
#include "video/CostEstimator.h"
#include "video/IntentMapper.h"
#include "video/ModelCatalog.h"
#include "video/RequestBuilder.h"
#include "video/VideoSubmitter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QImageWriter>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <memory>

namespace {
const QStringList ValueOptions{QStringLiteral("-m"), QStringLiteral("--model"), QStringLiteral("-s"), QStringLiteral("--system"),
                               QStringLiteral("--llmid"), QStringLiteral("--set"), QStringLiteral("--image"), QStringLiteral("--status"),
                               QStringLiteral("--concurrency"), QStringLiteral("--max-credits"), QStringLiteral("--taskid"),
                               QStringLiteral("-o"), QStringLiteral("--at"), QStringLiteral("--size"), QStringLiteral("--fps"),
                               QStringLiteral("--ratio"), QStringLiteral("--resolution"), QStringLiteral("--duration"),
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
         {{QStringLiteral("--wait"), QStringLiteral("--dry-run")}, {QStringLiteral("--llmid"), QStringLiteral("--set"), QStringLiteral("--image")}}},
        {QStringLiteral("task"), {{QStringLiteral("--check"), QStringLiteral("--wait")}, {QStringLiteral("--taskid")}}},
        {QStringLiteral("tasks"), {{}, {QStringLiteral("--status")}}},
        {QStringLiteral("batch"), {{}, {QStringLiteral("--concurrency"), QStringLiteral("--max-credits")}}},
        {QStringLiteral("frame"), {{QStringLiteral("--first"), QStringLiteral("--last")}, {QStringLiteral("--at"), QStringLiteral("-o")}}},
        {QStringLiteral("join"), {{}, {QStringLiteral("-o"), QStringLiteral("--size"), QStringLiteral("--fps")}}},
        {QStringLiteral("storyboard"), {{}, {QStringLiteral("-o"), QStringLiteral("--concurrency"), QStringLiteral("--max-credits")}}},
        {QStringLiteral("compare"),
         {{QStringLiteral("--wait"), QStringLiteral("--dry-run")},
          {QStringLiteral("--llmid"), QStringLiteral("--set"), QStringLiteral("--image"), QStringLiteral("--ratio"), QStringLiteral("--resolution"),
           QStringLiteral("--duration")}}},
        {QStringLiteral("help"), {{}, {}}},
        // Subcommands have rows of their own ("COMMAND SUBCOMMAND"), looked up before the command's.
        {QStringLiteral("prompt improve"),
         {{}, {QStringLiteral("--llmid"), QStringLiteral("--chat-model"), QStringLiteral("--variant")}}},
        {QStringLiteral("storyboard plan"),
         {{}, {QStringLiteral("--llmid"), QStringLiteral("--chat-model"), QStringLiteral("--shots"), QStringLiteral("-o"), QStringLiteral("--output")}}},
    };
    return table;
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
              "  video --llmid ID --set KEY=VALUE... [--image FIELD=PATH_OR_URL...] [--wait] [--dry-run]\n"
              "        Submit a video task, checked against the model's schema first; prints the task id. With\n"
              "        --wait, follows it and downloads the result, printing the file's path. With --dry-run,\n"
              "        prints the body that would be sent (pictures summarized) and the expected cost, and sends nothing.\n"
              "  compare --llmid A --llmid B [--llmid C] [--llmid D] [--ratio R] [--resolution P] [--duration S]\n"
              "          --set prompt=... [--set negative_prompt=...] [--set seed=N] [--image ROLE=PATH_OR_URL...]\n"
              "          [--wait] [--dry-run]\n"
              "        One prompt and one set of settings to 2-4 models of the same mode, each its own task; each model\n"
              "        gets the nearest values it allows (said on stderr). ROLE: first_frame, last_frame, reference.\n"
              "        One model refusing does not stop the others. With --wait, follows them all to their files.\n"
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
        + tr("\n"
             "Media commands (no platform call, nothing billed):\n"
             "  frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png\n"
             "        Writes one exact frame of a video as a picture (default: the first).\n"
             "  join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]\n"
             "        Joins clips into one MP4 (H.264, AAC): copied when every clip matches, otherwise scaled,\n"
             "        padded and re-encoded to one size and frame rate (default: the first clip's).\n")
        + tr("  storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]\n"
             "        Makes a storyboard's shots (docs/STORYBOARD.md): a shot with \"continue\": true starts on the\n"
             "        previous shot's last frame. Running it again sends no shot twice. Then joins the shots into one\n"
             "        film (default: BOARD.mp4 beside the board).\n")
        + tr("  storyboard list | storyboard export ID [-o BOARD.json] | storyboard import BOARD.json\n"
             "        The app's storyboards; writes one as a board file (to standard output without -o), or adds\n"
             "        a board file to the app's Storyboard tab.\n")
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

QString CliApp::textArgument(int skip) const
{
    // The words after the command, or stdin when there are none (or "-").
    QString text = positional().mid(skip).join(QLatin1Char(' ')).trimmed();
    if (text.isEmpty() || text == QLatin1String("-")) {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        text = QString::fromUtf8(in.readAll()).trimmed();
    }
    return text;
}

bool CliApp::requireKey()
{
    if (m_core->client()->hasApiKey())
        return true;
    fail(Auth, tr("no API key: set YUANJING_API_KEY, save one in the app, or use --demo"));
    return false;
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
    else if (command == QLatin1String("frame"))
        frame();
    else if (command == QLatin1String("join"))
        join();
    else if (command == QLatin1String("storyboard"))
        storyboard();
    else if (command == QLatin1String("compare"))
        compare();
    else if (command.isEmpty() || command == QLatin1String("help")) {
        m_out << helpText();
        done(command.isEmpty() ? Usage : Ok);
    } else {
        fail(Usage, tr("unknown command “%1” (see yuanjing --help)").arg(command));
    }
}

void CliApp::chat()
{
    const QString prompt = textArgument(0);
    if (prompt.isEmpty()) {
        fail(Usage, tr("no prompt: give it as an argument or on stdin"));
        return;
    }
    if (!requireKey())
        return;
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
    if (flag(QStringLiteral("--dry-run"))) {
        dryRun(*spec, values, images);
        return;
    }
    if (!requireKey())
        return;
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

void CliApp::dryRun(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images)
{
    // Nothing billable leaves: the body is built here and printed; only the platform's price list (a free
    // read) is asked, and only with a key.
    const RequestBuilder::Result built = RequestBuilder::build(spec, values, images, qint64(m_core->settings()->requestSizeLimitKiB()) * 1024);
    if (!built.ok()) {
        QStringList lines;
        for (auto it = built.fieldErrors.cbegin(); it != built.fieldErrors.cend(); ++it)
            lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
        if (!built.error.isEmpty())
            lines << built.error;
        fail(BadRequest, lines.join(QStringLiteral("; ")));
        return;
    }
    auto *costs = new CostEstimator(m_core->tasks(), m_core->client()->hasApiKey() ? m_core->pricing() : nullptr, this);
    const QJsonObject body = RequestBuilder::summarized(built);
    const qint64 bytes = built.bytes;
    const auto print = [this, costs, spec, values, body, bytes] {
        const CostEstimate cost = costs->estimate(spec, values);
        if (m_json) {
            printJson({{QStringLiteral("dry_run"), true},
                       {QStringLiteral("path"), QStringLiteral("/llmage/video")},
                       {QStringLiteral("body"), body},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("cost"), cost.toJson()}});
        } else {
            m_out << tr("Would send to /llmage/video (%1 bytes; nothing was sent):").arg(bytes) << Qt::endl
                  << QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented))
                  << tr("Expected cost: %1").arg(cost.text()) << Qt::endl;
        }
        done(Ok);
    };
    costs->estimate(spec, values); // asks the platform's price the first time
    if (costs->isSettled(spec)) {
        print();
        return;
    }
    connect(costs, &CostEstimator::estimateChanged, this, [this, costs, spec, print](const QString &model) {
        if (model == spec.model && !m_done)
            print();
    });
}

void CliApp::waitFor(qint64 id)
{
    // The task's row says where it stands, whether this process or the app polls and downloads it.
    const auto settle = [this, id](const VideoTask &t) {
        if (t.id != id || m_done)
            return;
        switch (takeOutcome(t)) {
        case TakeOutcome::Pending: return;
        case TakeOutcome::Downloaded:
            if (m_json)
                printJson(taskJson(t));
            else
                m_out << t.videoPath << Qt::endl;
            done(Ok);
            return;
        case TakeOutcome::Failed: fail(TaskFailed, tr("the video failed: %1").arg(t.error)); return;
        case TakeOutcome::Unknown:
            fail(Network, tr("task %1 is unknown: %2 (yuanjing task %1 --check asks again)").arg(t.id).arg(t.error));
            return;
        case TakeOutcome::NotDownloaded: fail(Network, t.error); return;
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
        if (!BoardFile::jobValues(*spec, job.spec, &values, &sources, &error)) {
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
    if (!requireKey())
        return;

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
        if (takeOutcome(t) == TakeOutcome::Pending)
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
            BoardFile::jobValues(*spec, job.spec, &values, &sources, &error);
            QMap<QString, PreparedImage> images;
            for (auto it = sources.cbegin(); it != sources.cend(); ++it)
                images.insert(it.key(), ImagePreparer::fromSource(it.value()));
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
        switch (takeOutcome(t)) {
        case TakeOutcome::Pending: return;
        case TakeOutcome::Downloaded:
        case TakeOutcome::NotDownloaded: ++run->succeeded; break; // made and paid for; the Library offers it again
        case TakeOutcome::Failed: ++run->failed; break;
        case TakeOutcome::Unknown: ++run->unknown; break;
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

void CliApp::frame()
{
    const QStringList videos = positional();
    const QString output = option(QStringLiteral("-o"));
    if (videos.size() != 1 || output.isEmpty()) {
        fail(Usage, tr("usage: yuanjing frame VIDEO [--at SECONDS | --first | --last] -o FILE.jpg|png"));
        return;
    }
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix != QLatin1String("jpg") && suffix != QLatin1String("jpeg") && suffix != QLatin1String("png")) {
        fail(Usage, tr("the frame is written as .jpg or .png, not “%1”").arg(output));
        return;
    }
    const bool hasAt = !options(QStringLiteral("--at")).isEmpty();
    if (int(hasAt) + int(flag(QStringLiteral("--first"))) + int(flag(QStringLiteral("--last"))) > 1) {
        fail(Usage, tr("give one of --at, --first and --last"));
        return;
    }
    bool ok = true;
    const double at = hasAt ? option(QStringLiteral("--at")).toDouble(&ok) : 0;
    if (!ok || at < 0) {
        fail(Usage, tr("--at takes a time in seconds, such as 2.5"));
        return;
    }
    const media::FramePosition where = hasAt                            ? media::FramePosition::At
                                       : flag(QStringLiteral("--last")) ? media::FramePosition::Last
                                                                        : media::FramePosition::First;
    auto *job = new MediaJob(this);
    connect(job, &MediaJob::finished, this, [this, job, output](bool succeeded) {
        job->deleteLater();
        if (!succeeded) {
            fail(Failure, job->errorText());
            return;
        }
        // Written whole or not at all: a picture cut short never takes the name.
        QSaveFile file(output);
        QImageWriter writer(&file,
                            QFileInfo(output).suffix().toLower() == QLatin1String("png") ? "png" : "jpg");
        writer.setQuality(92);
        if (!file.open(QIODevice::WriteOnly) || !writer.write(job->image()) || !file.commit()) {
            fail(Failure, tr("“%1” could not be written: %2").arg(output, file.errorString()));
            return;
        }
        if (m_json)
            printJson({{QStringLiteral("output"), QFileInfo(output).absoluteFilePath()},
                       {QStringLiteral("width"), job->image().width()},
                       {QStringLiteral("height"), job->image().height()}});
        else
            m_out << QFileInfo(output).absoluteFilePath() << Qt::endl;
        done(Ok);
    });
    job->startFrame(videos.first(), where, at);
}

void CliApp::join()
{
    const QStringList videos = positional();
    const QString output = option(QStringLiteral("-o"));
    if (videos.isEmpty() || output.isEmpty()) {
        fail(Usage, tr("usage: yuanjing join VIDEO... -o OUT.mp4 [--size WxH] [--fps N]"));
        return;
    }
    media::JoinOptions options;
    if (const QString size = option(QStringLiteral("--size")); !size.isEmpty()) {
        const QStringList parts = size.toLower().split(QLatin1Char('x'));
        bool okW = false, okH = false;
        const int w = parts.value(0).toInt(&okW);
        const int h = parts.value(1).toInt(&okH);
        if (parts.size() != 2 || !okW || !okH || w < 16 || h < 16 || w > 8192 || h > 8192) {
            fail(Usage, tr("--size takes WIDTHxHEIGHT, such as 1280x720 (not “%1”)").arg(size));
            return;
        }
        options.size = QSize(w, h);
    }
    if (const QString fps = option(QStringLiteral("--fps")); !fps.isEmpty()) {
        bool ok = false;
        options.fps = fps.toDouble(&ok);
        if (!ok || options.fps < 1 || options.fps > 120) {
            fail(Usage, tr("--fps takes a frame rate from 1 to 120 (not “%1”)").arg(fps));
            return;
        }
    }
    auto *job = new MediaJob(this);
    connect(job, &MediaJob::finished, this, [this, job, output](bool succeeded) {
        job->deleteLater();
        if (!succeeded) {
            fail(Failure, job->errorText());
            return;
        }
        const media::JoinReport report = job->joinReport();
        if (m_json)
            printJson({{QStringLiteral("output"), QFileInfo(output).absoluteFilePath()},
                       {QStringLiteral("duration"), report.duration},
                       {QStringLiteral("width"), report.size.width()},
                       {QStringLiteral("height"), report.size.height()},
                       {QStringLiteral("fps"), report.fps},
                       {QStringLiteral("audio"), report.hasAudio},
                       {QStringLiteral("stream_copy"), report.streamCopied}});
        else
            m_out << QFileInfo(output).absoluteFilePath() << Qt::endl;
        done(Ok);
    });
    job->startJoin(videos, output, options);
}

void CliApp::storyboard()
{
    const QStringList args = positional();
    if (args.value(0) == QLatin1String("export") || args.value(0) == QLatin1String("list") || args.value(0) == QLatin1String("import")) {
        storyboardExport();
        return;
    }
    if (args.value(0) != QLatin1String("run") || args.size() != 2) {
        fail(Usage, tr("usage: yuanjing storyboard run BOARD.json [--concurrency N] [--max-credits C] [-o FILM.mp4]"));
        return;
    }
    const QString path = args.at(1);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(Usage, tr("cannot read the storyboard “%1”").arg(path));
        return;
    }
    QJsonParseError parseError;
    const QJsonObject board = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    const QJsonArray shotList = board.value(QLatin1String("shots")).toArray();
    if (parseError.error != QJsonParseError::NoError || shotList.isEmpty()) {
        fail(Usage, tr("%1: not a storyboard (a JSON object with a list of \"shots\"; see docs/STORYBOARD.md)").arg(path));
        return;
    }
    const QDir boardDir = QFileInfo(path).absoluteDir();
    const QString boardName = QFileInfo(path).canonicalFilePath();
    const QString boardKey = QStringLiteral("board:")
        + QString::fromLatin1(QCryptographicHash::hash(boardName.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    QString film = option(QStringLiteral("-o"));
    if (film.isEmpty())
        film = boardDir.filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".mp4"));

    QList<RunShot> shots;
    QHash<QString, int> occurrences;
    for (int i = 0; i < shotList.size(); ++i) {
        RunShot shot;
        shot.number = i + 1;
        shot.batch = boardName;
        const QJsonObject o = shotList.at(i).toObject();
        const bool chained = o.value(QLatin1String("continue")).toBool();
        // Known by its content (and how many identical shots came before it) or its "id", as batch jobs
        // are: editing another shot, or the title, never makes this one new.
        QString content = o.value(QLatin1String("id")).toString();
        content = content.isEmpty()
            ? QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1).toHex())
            : QStringLiteral("id:") + content;
        shot.key = QStringLiteral("%1:%2#%3").arg(boardKey, content).arg(occurrences[content]++);
        const ModelSpec *spec = m_core->videoModels()->model(o.value(QLatin1String("llmid")).toString());
        if (!spec || !spec->enabled) {
            fail(BadRequest, tr("%1 shot %2: unknown or disabled llmid").arg(path).arg(shot.number));
            return;
        }
        shot.spec = *spec;
        QString error;
        if (!BoardFile::jobValues(shot.spec, o, &shot.values, &shot.sources, &error)) {
            fail(BadRequest, tr("%1 shot %2: %3").arg(path).arg(shot.number).arg(error));
            return;
        }
        for (auto it = shot.sources.begin(); it != shot.sources.end(); ++it)
            if (!it->startsWith(QLatin1String("http://")) && !it->startsWith(QLatin1String("https://")))
                *it = boardDir.filePath(*it); // pictures are named from the board's folder
        shot.firstKey = firstFrameKey(shot.spec);
        if (chained) {
            if (i == 0) {
                fail(BadRequest, tr("%1 shot 1: the first shot has no previous shot to continue from").arg(path));
                return;
            }
            if (shot.firstKey.isEmpty()) {
                fail(BadRequest, tr("%1 shot %2: %3 has no first-frame field to continue into").arg(path).arg(shot.number).arg(shot.spec.label.text()));
                return;
            }
            if (shot.sources.contains(shot.firstKey)) {
                fail(BadRequest, tr("%1 shot %2: “continue” fills %3 with the previous shot's last frame; do not give it too")
                                     .arg(path).arg(shot.number).arg(shot.firstKey));
                return;
            }
            shot.chainFrom = i - 1;
            shot.chainNumber = i;
        }
        QMap<QString, PreparedImage> placeholders;
        for (auto it = shot.sources.cbegin(); it != shot.sources.cend(); ++it)
            placeholders.insert(it.key(), ImagePreparer::fromUrl(QUrl(QStringLiteral("https://placeholder.invalid/x.jpg"))));
        if (chained)
            placeholders.insert(shot.firstKey, ImagePreparer::fromUrl(QUrl(QStringLiteral("https://placeholder.invalid/x.jpg"))));
        const QMap<QString, QString> problems = RequestBuilder::validate(shot.spec, shot.values, placeholders);
        if (!problems.isEmpty()) {
            fail(BadRequest, tr("%1 shot %2: %3").arg(path).arg(shot.number).arg(problems.first()));
            return;
        }
        shots.append(shot);
    }
    if (!requireKey())
        return;
    // What an earlier run recorded: a shot recorded as sent is never sent again, whatever came of it.
    for (RunShot &shot : shots) {
        shot.follow = m_core->tasks()->batchJobTask(shot.key);
        if (shot.follow != 0 && !m_json)
            m_err << tr("shot %1: already sent (task %2)").arg(shot.number).arg(shot.follow) << Qt::endl;
    }
    auto *runner = new StoryboardRunner(m_core->videoSubmitter(), m_core->tasks(), m_core->downloader(), this);
    runner->setConcurrency(option(QStringLiteral("--concurrency"), QStringLiteral("2")).toInt());
    runner->setMaxCredits(option(QStringLiteral("--max-credits"), QStringLiteral("-1")).toDouble());
    runner->setRequestLimit(qint64(m_core->settings()->requestSizeLimitKiB()) * 1024);
    connect(runner, &StoryboardRunner::shotSubmitting, this, [this, runner](int index) {
        if (!m_json)
            m_err << tr("shot %1: submitting").arg(runner->shots().at(index).number) << Qt::endl;
    });
    connect(runner, &StoryboardRunner::finished, this, [this, runner, film] {
        int made = 0, failed = 0, blocked = 0, uncertain = 0;
        QJsonArray list;
        QStringList takes;
        for (const RunShot &s : runner->shots()) {
            list.append(QJsonObject{{QStringLiteral("shot"), s.number}, {QStringLiteral("task"), s.row},
                                    {QStringLiteral("state"), RunShot::stateName(s.state)},
                                    {QStringLiteral("video"), s.video}, {QStringLiteral("why"), s.why}});
            made += s.state == RunShot::State::Done;
            failed += s.state == RunShot::State::Failed;
            blocked += s.state == RunShot::State::Blocked;
            uncertain += s.state == RunShot::State::Uncertain;
            if (s.state == RunShot::State::Done)
                takes << s.video;
            else if (!m_json)
                m_err << tr("shot %1: %2").arg(s.number).arg(s.why.isEmpty() ? tr("not made") : s.why) << Qt::endl;
        }
        const int submitted = runner->submittedCount();
        const double credits = runner->credits();
        const auto report = [this, list, made, failed, blocked, uncertain, submitted, credits](const QString &filmPath, int code,
                                                                                               const QString &problem) {
            if (m_json)
                printJson({{QStringLiteral("shots"), list}, {QStringLiteral("submitted"), submitted},
                           {QStringLiteral("done"), made}, {QStringLiteral("failed"), failed},
                           {QStringLiteral("blocked"), blocked}, {QStringLiteral("uncertain"), uncertain},
                           {QStringLiteral("credits"), credits}, {QStringLiteral("film"), filmPath},
                           {QStringLiteral("error"), problem}});
            else {
                m_out << tr("storyboard: %1 submitted, %2 of %3 shots made, %4 failed, %5 held back behind a failed shot, "
                            "%6 uncertain; %7 credits")
                             .arg(submitted)
                             .arg(made)
                             .arg(list.size())
                             .arg(failed)
                             .arg(blocked)
                             .arg(uncertain)
                             .arg(credits)
                      << Qt::endl;
                if (!filmPath.isEmpty())
                    m_out << filmPath << Qt::endl;
                if (!problem.isEmpty())
                    m_err << QStringLiteral("yuanjing: ") << problem << Qt::endl;
            }
            done(code);
        };
        if (made != list.size()) {
            report({}, TaskFailed, tr("the film was not joined: not every shot was made"));
            return;
        }
        auto *job = new MediaJob(this);
        connect(job, &MediaJob::finished, this, [job, film, report](bool ok) {
            job->deleteLater();
            if (ok)
                report(QFileInfo(film).absoluteFilePath(), Ok, {});
            else
                report({}, Failure, job->errorText());
        });
        if (!m_json)
            m_err << tr("joining %1 shots into %2").arg(takes.size()).arg(film) << Qt::endl;
        job->startJoin(takes, film, {});
    });
    runner->start(shots);
}

void CliApp::storyboardExport()
{
    const QStringList args = positional();
    BoardStore *boards = m_core->boards();
    if (args.value(0) == QLatin1String("list")) {
        QJsonArray list;
        for (const BoardStore::Summary &b : boards->boards()) {
            list.append(QJsonObject{{QStringLiteral("id"), b.id}, {QStringLiteral("title"), b.title},
                                    {QStringLiteral("shots"), b.shots}, {QStringLiteral("updated"), b.updatedAt.toString(Qt::ISODate)}});
            if (!m_json)
                m_out << b.id << '\t' << b.shots << '\t' << b.title << Qt::endl;
        }
        if (m_json)
            printJson({{QStringLiteral("boards"), list}});
        done(Ok);
        return;
    }
    if (args.value(0) == QLatin1String("import")) {
        QFile file(args.value(1));
        if (args.size() != 2 || !file.open(QIODevice::ReadOnly)) {
            fail(Usage, tr("usage: yuanjing storyboard import BOARD.json (cannot read “%1”)").arg(args.value(1)));
            return;
        }
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        Board board;
        QString why;
        if (!BoardFile::fromJson(o, QFileInfo(file.fileName()).absoluteDir(), *m_core->videoModels(), &board, &why)) {
            fail(BadRequest, tr("%1: %2").arg(args.value(1), why));
            return;
        }
        if (board.title.isEmpty())
            board.title = QFileInfo(file.fileName()).completeBaseName();
        const qint64 id = boards->importBoard(board);
        if (!id) {
            fail(Failure, tr("the board could not be saved in the database"));
            return;
        }
        if (m_json)
            printJson({{QStringLiteral("id"), id}, {QStringLiteral("shots"), int(board.shots.size())}});
        else
            m_out << id << Qt::endl;
        done(Ok);
        return;
    }
    bool ok = false;
    const qint64 id = args.value(1).toLongLong(&ok);
    if (args.size() != 2 || !ok) {
        fail(Usage, tr("usage: yuanjing storyboard export ID [-o BOARD.json] (ids: yuanjing storyboard list)"));
        return;
    }
    const Board board = boards->board(id);
    if (board.id == 0) {
        fail(Usage, tr("no storyboard %1 (see yuanjing storyboard list)").arg(id));
        return;
    }
    const QByteArray text = QJsonDocument(BoardFile::toJson(board)).toJson(QJsonDocument::Indented);
    const QString output = option(QStringLiteral("-o"));
    if (output.isEmpty()) {
        m_out << QString::fromUtf8(text);
        m_out.flush();
        done(Ok);
        return;
    }
    QSaveFile out(output);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit()) {
        fail(Failure, tr("cannot write “%1”: %2").arg(output, out.errorString()));
        return;
    }
    if (m_json)
        printJson({{QStringLiteral("output"), QFileInfo(output).absoluteFilePath()}, {QStringLiteral("shots"), int(board.shots.size())}});
    else
        m_out << QFileInfo(output).absoluteFilePath() << Qt::endl;
    done(Ok);
}

void CliApp::compare()
{
    // Every problem with the command line is found before anything is sent.
    const QStringList llmids = options(QStringLiteral("--llmid"));
    if (llmids.size() < 2 || llmids.size() > 4) {
        fail(Usage, tr("compare needs 2 to 4 --llmid (see yuanjing models --video)"));
        return;
    }
    QList<ModelSpec> specs;
    for (const QString &llmid : llmids) {
        const ModelSpec *spec = m_core->videoModels()->model(llmid);
        if (!spec) {
            fail(Usage, tr("unknown model “%1” (see yuanjing models --video)").arg(llmid));
            return;
        }
        if (!specs.isEmpty() && spec->mode != specs.first().mode) {
            fail(Usage, tr("%1 is %2 but %3 is %4: compare models of one mode")
                            .arg(specs.first().llmid, ModelSpec::modeLabel(specs.first().mode), llmid, ModelSpec::modeLabel(spec->mode)));
            return;
        }
        specs.append(*spec);
    }
    VideoIntent intent;
    intent.ratio = option(QStringLiteral("--ratio"));
    if (!intent.ratio.isEmpty()) {
        double shape = 0;
        const bool anyAllows = std::any_of(specs.cbegin(), specs.cend(), [&intent](const ModelSpec &spec) {
            const FieldSpec *f = spec.fieldWithRole(QStringLiteral("aspect_ratio"));
            return f && f->choices.contains(intent.ratio);
        });
        if (!VideoIntent::parseRatio(intent.ratio, &shape) && !anyAllows) {
            fail(Usage, tr("--ratio “%1” is not W:H (such as 16:9) nor a ratio any of these models allows").arg(intent.ratio));
            return;
        }
    }
    if (const QString resolution = option(QStringLiteral("--resolution")); !resolution.isEmpty()) {
        intent.resolution = VideoIntent::parseResolution(resolution);
        if (intent.resolution <= 0) {
            fail(Usage, tr("--resolution “%1” is not a resolution such as 720p").arg(resolution));
            return;
        }
    }
    if (const QString duration = option(QStringLiteral("--duration")); !duration.isEmpty()) {
        bool ok = false;
        intent.duration = duration.toInt(&ok);
        if (!ok || intent.duration <= 0) {
            fail(Usage, tr("--duration “%1” is not a number of seconds").arg(duration));
            return;
        }
    }
    for (const QString &pair : options(QStringLiteral("--set"))) {
        const QString key = pair.section(QLatin1Char('='), 0, 0);
        const QString value = pair.section(QLatin1Char('='), 1);
        bool ok = true;
        if (key == QLatin1String("prompt"))
            intent.prompt = value;
        else if (key == QLatin1String("negative_prompt"))
            intent.negativePrompt = value;
        else if (key == QLatin1String("seed") && (intent.seed = value.toLongLong(&ok), ok))
            intent.hasSeed = true;
        else {
            fail(Usage, tr("compare sets prompt, negative_prompt and seed (the rest: --ratio, --resolution, --duration); not “%1”").arg(pair));
            return;
        }
    }
    if (intent.prompt.trimmed().isEmpty()) {
        fail(Usage, tr("compare needs --set prompt=..."));
        return;
    }
    QList<QPair<QString, QString>> pictures; // role → source
    for (const QString &pair : options(QStringLiteral("--image"))) {
        const QString role = pair.section(QLatin1Char('='), 0, 0);
        if (role != QLatin1String("first_frame") && role != QLatin1String("last_frame") && role != QLatin1String("reference")) {
            fail(Usage, tr("--image takes ROLE=PATH_OR_URL with ROLE first_frame, last_frame or reference; not “%1”").arg(pair));
            return;
        }
        pictures.append({role, pair.section(QLatin1Char('='), 1)});
    }
    const bool dryRun = flag(QStringLiteral("--dry-run"));
    if (!dryRun && !requireKey())
        return;

    QHash<QString, PreparedImage> prepared; // each picture read once, whichever models take it
    QList<QPair<QString, PreparedImage>> byRole;
    for (const auto &[role, source] : std::as_const(pictures)) {
        if (!prepared.contains(source))
            prepared.insert(source, ImagePreparer::fromSource(source));
        byRole.append({role, prepared.value(source)});
    }
    QList<ComparisonEntry> entries = ComparisonRunner::entriesFor(specs, intent, byRole);
    if (!m_json)
        for (const ComparisonEntry &e : std::as_const(entries))
            for (const QString &line : e.adjustments)
                m_err << e.spec.llmid << QStringLiteral(": ") << line << Qt::endl;
    const qint64 limit = qint64(m_core->settings()->requestSizeLimitKiB()) * 1024;

    // What became of each model's task, once sent (by row).
    auto tasks = std::make_shared<QHash<qint64, VideoTask>>();
    const auto entryJson = [tasks](const ComparisonEntry &e) {
        QJsonObject o{{QStringLiteral("llmid"), e.spec.llmid}, {QStringLiteral("model"), e.spec.model},
                      {QStringLiteral("adjustments"), QJsonArray::fromStringList(e.adjustments)}};
        const VideoTask t = tasks->value(e.taskRow);
        QString error = e.error;
        if (t.id) {
            o.insert(QStringLiteral("task"), taskJson(t));
            o.insert(QStringLiteral("sent"), t.params);
            if (t.succeededAt.isValid())
                o.insert(QStringLiteral("seconds"), t.createdAt.secsTo(t.succeededAt));
            if (t.usage.contains(QLatin1String("credits")))
                o.insert(QStringLiteral("credits"), t.usage.value(QLatin1String("credits")));
            const TakeOutcome outcome = takeOutcome(t);
            if (error.isEmpty() && outcome == TakeOutcome::Failed)
                error = tr("the video failed: %1").arg(t.error);
            else if (error.isEmpty() && (outcome == TakeOutcome::Unknown || outcome == TakeOutcome::NotDownloaded))
                error = t.error;
        }
        if (!error.isEmpty())
            o.insert(QStringLiteral("error"), error);
        return o;
    };
    if (dryRun) {
        ComparisonRunner::refuseInvalid(&entries);
        QJsonArray list;
        for (const ComparisonEntry &e : std::as_const(entries)) {
            const RequestBuilder::Result built = RequestBuilder::build(e.spec, e.values, e.images, limit);
            const CostEstimate cost = CostEstimator(m_core->tasks(), nullptr).estimate(e.spec, e.values);
            QJsonObject o = entryJson(e);
            o.insert(QStringLiteral("body"), RequestBuilder::summarized(built));
            o.insert(QStringLiteral("cost"), cost.toJson());
            list.append(o);
            if (!m_json)
                m_out << e.spec.llmid << QStringLiteral(" (") << e.spec.label.text() << QStringLiteral("): ")
                      << (e.error.isEmpty() ? tr("expected cost %1").arg(cost.text()) : e.error) << Qt::endl
                      << QString::fromUtf8(QJsonDocument(RequestBuilder::summarized(built)).toJson(QJsonDocument::Indented));
        }
        if (m_json)
            printJson({{QStringLiteral("dry_run"), true}, {QStringLiteral("compare"), list}});
        done(Ok);
        return;
    }

    // Sent one after another through the one submitter (written before sent, never resent); each
    // model's outcome is its own.
    auto *runner = new ComparisonRunner(m_core->videoSubmitter(), this);
    const bool wait = flag(QStringLiteral("--wait"));
    const auto finish = [this, runner, tasks, entryJson] {
        QJsonArray list;
        int worst = Ok;
        bool anySent = false;
        for (const ComparisonEntry &e : runner->entries()) {
            const QJsonObject o = entryJson(e);
            list.append(o);
            const VideoTask t = tasks->value(e.taskRow);
            anySent |= e.state == ComparisonEntry::State::Sent;
            int exit = Ok;
            switch (e.state) {
            case ComparisonEntry::State::Refused: exit = BadRequest; break;
            case ComparisonEntry::State::Rejected: exit = exitFor(e.apiError); break;
            case ComparisonEntry::State::Uncertain: exit = Network; break;
            default:
                if (t.id && takeOutcome(t) == TakeOutcome::Failed)
                    exit = TaskFailed;
                else if (t.id && takeOutcome(t) != TakeOutcome::Downloaded && takeOutcome(t) != TakeOutcome::Pending)
                    exit = Network;
            }
            if (exit != Ok)
                worst = worst == Ok ? exit : TaskFailed;
            if (!m_json) {
                QString line = e.spec.llmid + QStringLiteral(" (") + e.spec.label.text() + QStringLiteral("): ");
                if (o.contains(QLatin1String("error")))
                    line += o.value(QLatin1String("error")).toString();
                else if (!t.videoPath.isEmpty())
                    line += t.videoPath;
                else
                    line += t.taskId;
                if (t.usage.contains(QLatin1String("credits")))
                    line += QLatin1Char(' ') + tr("(%1 credits)").arg(t.usage.value(QLatin1String("credits")).toDouble());
                m_out << line << Qt::endl;
            }
        }
        if (m_json)
            printJson({{QStringLiteral("compare"), list}, {QStringLiteral("comparison"), runner->comparison()}});
        // Some made and some not: the task-failed code; none sent: the first one's own reason.
        done(anySent && worst != Ok ? TaskFailed : worst);
    };
    // Done when every entry is settled: refused, or sent and (with --wait) its file on disk or its end known.
    const auto check = [this, runner, tasks, wait, finish] {
        if (runner->isRunning() || m_done)
            return;
        for (const ComparisonEntry &e : runner->entries())
            if (wait && e.state == ComparisonEntry::State::Sent && takeOutcome(tasks->value(e.taskRow)) == TakeOutcome::Pending)
                return;
        finish();
    };
    connect(runner, &ComparisonRunner::entryChanged, this, [this, runner, tasks](int index) {
        const ComparisonEntry &e = runner->entries().at(index);
        if (e.state == ComparisonEntry::State::Sending && !m_json)
            m_err << tr("%1: submitting").arg(e.spec.llmid) << Qt::endl;
        if (e.taskRow && !tasks->contains(e.taskRow))
            tasks->insert(e.taskRow, m_core->tasks()->task(e.taskRow));
    });
    connect(runner, &ComparisonRunner::finished, this, check);
    // The task rows say where each stands, whichever process polls and downloads them.
    connect(m_core->tasks(), &TaskStore::taskChanged, this, [tasks, check](const VideoTask &t) {
        if (!tasks->contains(t.id))
            return;
        tasks->insert(t.id, t);
        check();
    });
    connect(m_core->downloader(), &ResultDownloader::downloadFailed, this, [tasks, check](const VideoTask &t) {
        if (!tasks->contains(t.id))
            return;
        VideoTask expired = t;
        expired.errorCode = QStringLiteral("expired"); // made and paid for, but not on disk
        tasks->insert(t.id, expired);
        check();
    });
    runner->start(entries, limit);
}
