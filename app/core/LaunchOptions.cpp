#include "core/LaunchOptions.h"

#include "core/AppSettings.h"

#include <QCoreApplication>
#include <QStandardPaths>

LaunchOptions LaunchOptions::fromEnvironment(const QProcessEnvironment &env)
{
    LaunchOptions o;
    o.baseUrlOverride = env.value(QStringLiteral("YUANJING_BASE_URL")).trimmed();
    o.apiKeyOverride = env.value(QStringLiteral("YUANJING_API_KEY")).trimmed();
    o.configDir = env.value(QStringLiteral("YUANJING_CONFIG_DIR"));
    o.dataDir = env.value(QStringLiteral("YUANJING_DATA_DIR"));
    o.useKeychain = env.value(QStringLiteral("YUANJING_NO_KEYCHAIN")) != QLatin1String("1");
    return o;
}

bool LaunchOptions::validate()
{
    if (!baseUrlOverride.isEmpty()) {
        const QString problem = AppSettings::validateBaseUrl(baseUrlOverride);
        if (!problem.isEmpty()) {
            error = QCoreApplication::translate("LaunchOptions", "The base URL given for this run is not used: %1")
                        .arg(problem);
            baseUrlOverride.clear();
            return false;
        }
    }
    return true;
}

QString LaunchOptions::resolvedConfigDir() const
{
    return configDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) : configDir;
}

QString LaunchOptions::resolvedDataDir() const
{
    return dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
}
