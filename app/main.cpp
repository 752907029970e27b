// yuanjing-studio: the desktop app.
#include "MainWindow.h"
#include "common/Theme.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "core/Hardening.h"
#include "core/Log.h"
#include "core/StartupProbe.h"
#include "core/StartupWarmup.h"
#include "core/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QScopeGuard>
#include <QTimer>
#include "store/Database.h"



int main(int argc, char *argv[])
{
    StartupProbe::mark("main");
    StartupWarmup warmup; // before the application object: fontconfig does not need it
    QApplication app(argc, argv);
    // However main ends, the warm-up ends before the application object it uses goes.
    const auto finishWarmup = qScopeGuard([&warmup] { warmup.finish(); });
    Hardening::applyProcessLimits(); // before any picture is read, on any thread
    warmup.applicationReady([hiDpi = app.devicePixelRatio() > 1.0] { Theme::predecodeIcons(hiDpi); });
    StartupProbe::mark("application");
    QCoreApplication::setApplicationName(QStringLiteral("yuanjing-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(YUANJING_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("元境 Studio"));
    QGuiApplication::setDesktopFileName(QStringLiteral("ai.opencomputing.YuanjingStudio"));
    Redaction::installRedactingMessageHandler();

    LaunchOptions options = LaunchOptions::fromEnvironment();
    QString desktopFamily; // as last seen (Theme::applyTextFont)
    {
        // The language comes before any translated text, parser help included.
        AppSettings settings(options.resolvedConfigDir());
        Translations::install(&app, settings.language());
        // The desktop's dark preference as last seen: asking it now would hold the window up.
        Theme::setDesktopPrefersDark(settings.uiValue(QStringLiteral("desktopDark"), false).toBool());
        Theme::applyAppearance(settings.uiValue(QStringLiteral("appearance"), QStringLiteral("system")).toString());
        desktopFamily = settings.uiValue(QStringLiteral("desktopFontFamily")).toString();
    }

    StartupProbe::mark("language and appearance");
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Yuanjing Studio: chat with LLMs and generate videos on the 元境 platform.\n"
                "Environment: YUANJING_API_KEY (a key for this run), YUANJING_BASE_URL (a platform address for this run)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Run against the built-in platform simulator: no key, no network, nothing billed."));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
                                     QCoreApplication::translate("main", "Talk to the platform at <url> for this run."),
                                     QStringLiteral("url"));
    parser.addOption(demo);
    parser.addOption(baseUrl);
    // Help, the version and a mistyped option end the program inside process(), without unwinding:
    // the warm-up is joined first.
    if (!parser.parse(QCoreApplication::arguments()) || parser.isSet(QStringLiteral("help")) ||
        parser.isSet(QStringLiteral("help-all")) || parser.isSet(QStringLiteral("version")))
        warmup.finish();
    parser.process(app);
    Theme::followDesktopScheme([dir = options.resolvedConfigDir()](bool dark) {
        AppSettings(dir).setUiValue(QStringLiteral("desktopDark"), dark);
    });

    options.demo = parser.isSet(demo);
    if (parser.isSet(baseUrl))
        options.baseUrlOverride = parser.value(baseUrl);

    AppCore core(options);
    MainWindow *window = nullptr;
    QObject::connect(&core, &AppCore::started, &app, [&] {
        StartupProbe::mark("core started");
        warmup.waitForFonts(); // the first font the main thread uses
        StartupProbe::mark("fonts ready");
        const QString usedFamily = Theme::applyTextFont(desktopFamily);
        if (desktopFamily.isEmpty()) // found now, on the first start
            AppSettings(options.resolvedConfigDir()).setUiValue(QStringLiteral("desktopFontFamily"), usedFamily);
        window = new MainWindow(&core);
        StartupProbe::mark("window built");
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        window->show();
        // The layouts that showing the window asked for are settled before its first frame is drawn, so
        // that the first frame is the final one (otherwise the whole window is painted twice at start).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        StartupProbe::mark("shown");
        StartupProbe::reportWhenIdle(window);
        // The desktop's font as it is now, once the window is up: applied, and kept for the next start,
        // if it changed since the last one.
        QTimer::singleShot(1000, window, [dir = options.resolvedConfigDir(), usedFamily] {
            const QString now = Theme::desktopFontFamily();
            if (now == usedFamily)
                return;
            AppSettings(dir).setUiValue(QStringLiteral("desktopFontFamily"), now);
            Theme::applyTextFont(now);
        });
    });
    core.start();
    // Without its database the app could neither keep answers nor know what was paid for: it stops
    // here, saying why, rather than run on and lose what the user does.
    if (!core.database()->isOpen()) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Yuanjing Studio cannot start"),
                              QCoreApplication::translate("main", "%1\n\nNothing was changed. Free some disk space, check "
                                                                  "the folder's permissions, or move the file aside, "
                                                                  "then start the app again.")
                                  .arg(core.startError()));
        return 1;
    }
    const int code = app.exec();
    delete window;
    return code;
}
