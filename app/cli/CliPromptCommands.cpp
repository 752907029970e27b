// `yuanjing prompt improve` and `yuanjing storyboard plan`: a chat model writes the shot. Kept apart from
// CliApp.cpp so the commands of each job stay together.
#include "cli/CliApp.h"

#include "api/PlatformClient.h"
#include "chat/ChatRequest.h"
#include "chat/PromptImprover.h"
#include "chat/ShotListReader.h"
#include "chat/StoryboardPlanner.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "store/Database.h"
#include "video/ModelCatalog.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

QString CliApp::promptHelpText()
{
    return tr(
        "\n"
        "Prompt help (a chat model writes the shot; nothing is generated):\n"
        "  prompt improve --llmid ID [--chat-model M] [--variant improve|detail|shorter|en|zh] TEXT\n"
        "        Rewrites a video prompt for the video model ID; the new prompt goes to stdout.\n"
        "  storyboard plan --llmid ID --shots N [--chat-model M] STORY [-o BOARD.json]\n"
        "        Splits a story into N shots (1-12) for the video model ID, checked against its schema, and\n"
        "        writes a board file for `yuanjing storyboard run` (to stdout without -o).\n"
        "  The chat model is M, else the setting chat/promptHelperModel, else the chat's last model.\n");
}

void CliApp::askChatModel(const QString &sysPrompt, const QString &prompt, const QString &chatModel,
                          std::function<void(const QString &answer)> onDone)
{
    if (!requireKey())
        return;
    // What a call costs is recorded in the database: without it, nothing is sent.
    if (!m_core->database()->isOpen()) {
        fail(Failure, m_core->startError());
        return;
    }
    auto *request = new ChatRequest(m_core->client(), m_core->ledger(), this);
    connect(request, &ChatRequest::finished, this, [this, request, onDone](const ChatMessage &answer) {
        if (answer.state == ChatMessage::State::Done) {
            onDone(answer.content);
            return;
        }
        fail(exitForAnswer(request->reason(), request->transportError()),
             answer.error.isEmpty() ? tr("the answer was stopped") : answer.error);
    });
    request->start(chatModel, sysPrompt, prompt);
}

void CliApp::promptImprove()
{
    const QString text = textArgument(1);
    const QString llmid = option(QStringLiteral("--llmid"));
    const ModelSpec *spec = m_core->videoModels()->model(llmid);
    PromptImprover::Variant variant = PromptImprover::Variant::Improve;
    if (llmid.isEmpty()) {
        fail(Usage, tr("--llmid is required (see yuanjing models --video)"));
        return;
    }
    if (!spec) {
        fail(Usage, tr("unknown video model “%1” (see yuanjing models --video)").arg(llmid));
        return;
    }
    if (!PromptImprover::variantFromName(option(QStringLiteral("--variant"), QStringLiteral("improve")),
                                         &variant)) {
        fail(Usage, tr("unknown --variant “%1” (improve, detail, shorter, en or zh)")
                        .arg(option(QStringLiteral("--variant"))));
        return;
    }
    if (text.isEmpty()) {
        fail(Usage, tr("no prompt: give it as an argument or on stdin"));
        return;
    }
    const QString chatModel = option(QStringLiteral("--chat-model"), m_core->settings()->promptHelperModel());
    askChatModel(PromptImprover::instructions(*spec, variant), text, chatModel,
                 [this, text, chatModel](const QString &answer) {
                     const QString improved = PromptImprover::cleaned(answer);
                     if (improved.isEmpty()) {
                         fail(Failure, tr("the model returned an empty answer; your prompt is unchanged"));
                         return;
                     }
                     if (m_json)
                         printJson({{QStringLiteral("prompt"), improved},
                                    {QStringLiteral("original"), text},
                                    {QStringLiteral("chat_model"), chatModel}});
                     else
                         m_out << improved << Qt::endl;
                     done(Ok);
                 });
}

void CliApp::storyboardPlan()
{
    const QString story = textArgument(1);
    const QString llmid = option(QStringLiteral("--llmid"));
    const ModelSpec *spec = m_core->videoModels()->model(llmid);
    bool numberOk = false;
    const int shots = option(QStringLiteral("--shots")).toInt(&numberOk);
    const QString output = option(QStringLiteral("-o"), option(QStringLiteral("--output")));
    if (llmid.isEmpty()) {
        fail(Usage, tr("--llmid is required (see yuanjing models --video)"));
        return;
    }
    if (!spec) {
        fail(Usage, tr("unknown video model “%1” (see yuanjing models --video)").arg(llmid));
        return;
    }
    if (!numberOk || shots < 1 || shots > StoryboardPlanner::MaxShots) {
        fail(Usage, tr("--shots must be a number from 1 to %1").arg(StoryboardPlanner::MaxShots));
        return;
    }
    if (story.isEmpty()) {
        fail(Usage, tr("no story: give it as an argument or on stdin"));
        return;
    }
    const ModelSpec model = *spec;
    const QString chatModel = option(QStringLiteral("--chat-model"), m_core->settings()->promptHelperModel());
    askChatModel(
        StoryboardPlanner::instructions(model, shots), StoryboardPlanner::request(story, shots), chatModel,
        [this, model, story, shots, output](const QString &answer) {
            const ShotListReader::Result read = ShotListReader::read(answer, model, shots);
            if (!read.ok()) {
                fail(Failure, read.error);
                return;
            }
            for (const QString &note : read.notes)
                m_err << tr("note: %1").arg(note) << Qt::endl;
            const QJsonObject board =
                StoryboardPlanner::board(StoryboardPlanner::titleFor(answer, story), model, read.shots);
            const QByteArray bytes = QJsonDocument(board).toJson(QJsonDocument::Indented);
            if (output.isEmpty()) {
                m_out << QString::fromUtf8(bytes);
                done(Ok);
                return;
            }
            QSaveFile file(output);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
                fail(Failure, tr("cannot write %1: %2").arg(output, file.errorString()));
                return;
            }
            if (m_json)
                printJson({{QStringLiteral("board"), QFileInfo(output).absoluteFilePath()},
                           {QStringLiteral("shots"), int(read.shots.size())},
                           {QStringLiteral("notes"), QJsonArray::fromStringList(read.notes)}});
            else
                m_out << tr("%1: %n shot(s) planned; review it, then run it with yuanjing storyboard run.",
                            nullptr, int(read.shots.size()))
                             .arg(output)
                      << Qt::endl;
            done(Ok);
        });
}
