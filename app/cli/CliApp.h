#pragma once

#include "api/ApiError.h"
#include "video/ImagePreparer.h"
#include "video/ModelSchema.h"
#include "chat/AnswerAssembler.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <functional>

class AppCore;

// The `yuanjing` command line: the same core as the app (settings, key, task store, library folder),
// one command a run. Runs inside the event loop and quits it with the exit code when done.
class CliApp : public QObject
{
    Q_OBJECT
public:
    enum Exit {
        Ok = 0,
        Failure = 1,       // anything else
        Usage = 2,         // wrong command line
        Auth = 3,          // key missing or rejected
        Balance = 4,       // 429
        BadRequest = 5,    // a wrong field or value, refused before or by the platform
        Network = 6,       // the platform could not be reached or answered badly
        TaskFailed = 7,    // the platform reports the video failed
    };

    CliApp(AppCore *core, QStringList args, bool json, QObject *parent = nullptr);
    void start();
    static int exitFor(const ApiError &error);
    // How a chat answer that did not end done ends the command (the reason on stderr is the caller's).
    static int exitForAnswer(AnswerAssembler::Reason reason, const ApiError &transport);
    static QString helpText();
    static QString promptHelpText(); // the prompt help commands' part of it

signals:
    void finished(int code);

private:
    void chat();
    void models();
    void video();
    void task();
    void tasks();
    void batch();
    void frame();
    void join();
    void storyboard();
    // storyboard list / storyboard export ID: the app's boards, as board files.
    void storyboardExport();
    void compare();
    // app/cli/CliPromptCommands.cpp: prompt help and storyboard planning through a chat model.
    void promptImprove();
    void storyboardPlan();
    void askChatModel(const QString &sysPrompt, const QString &prompt, const QString &chatModel,
                      std::function<void(const QString &answer)> onDone);
    void waitFor(qint64 id);
    void dryRun(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images);
    QString checkOptions() const;
    QString textArgument(int skip) const;
    bool requireKey();
    void done(int code);
    void fail(int code, const QString &message);
    void printJson(const QJsonObject &o);
    QString option(const QString &name, const QString &fallback = {}) const;
    QStringList options(const QString &name) const;
    bool flag(const QString &name) const;
    QStringList positional() const;

    AppCore *m_core;
    QStringList m_args;
    bool m_json;
    QTextStream m_out;
    QTextStream m_err;
    bool m_done = false;
};
