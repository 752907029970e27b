// yuanjing: the command line, on the same core as the app.
#include "cli/CliApp.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "core/Hardening.h"
#include "core/Log.h"
#include "core/Translations.h"
#include "tasks/TaskPoller.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Hardening::applyProcessLimits(); // before any picture is read, on this thread
    // The app's name: the same settings, key, database and library folder.
    QCoreApplication::setApplicationName(QStringLiteral("yuanjing-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(YUANJING_VERSION));
    Redaction::installRedactingMessageHandler();
    // stdout and stderr belong to the command's output: the app's progress notes stay quiet.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("yuanjing.*.info=false\nqt.*.warning=false"));

    LaunchOptions options = LaunchOptions::fromEnvironment();
    {
        AppSettings settings(options.resolvedConfigDir());
        Translations::install(&app, settings.language());
    }

    QStringList args = QCoreApplication::arguments().mid(1);
    bool json = false;
    QStringList rest;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--demo")) {
            options.demo = true;
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--base-url") && i + 1 < args.size()) {
            options.baseUrlOverride = args.at(++i);
        } else if (a.startsWith(QLatin1String("--base-url="))) {
            options.baseUrlOverride = a.mid(11);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            QTextStream(stdout) << CliApp::helpText();
            return 0;
        } else if (a == QLatin1String("--version")) {
            QTextStream(stdout) << "yuanjing " << YUANJING_VERSION << Qt::endl;
            return 0;
        } else {
            rest << a;
        }
    }
    if (!options.validate()) {
        QTextStream(stderr) << "yuanjing: " << options.error << Qt::endl;
        return CliApp::Usage;
    }

    AppCore core(options);
    CliApp cli(&core, rest, json);
    QObject::connect(&cli, &CliApp::finished, &app, [](int code) { QCoreApplication::exit(code); });
    QObject::connect(&core, &AppCore::started, &cli, [&] {
        // How soon a followed task is first asked about (default 5 s): tests and the impatient set it lower.
        if (const int first = qEnvironmentVariableIntValue("YUANJING_POLL_FIRST_MS"); first > 0) {
            PollPolicy policy = core.poller()->policy();
            policy.firstDelayMs = first;
            policy.maxIntervalMs = qMax(first, qMin(policy.maxIntervalMs, first * 6));
            core.poller()->setPolicy(policy);
        }
        cli.start();
    });
    core.start();
    return app.exec();
}
