#include "core/AppSettings.h"

#include "core/Hardening.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>

namespace {
const char *KeyBaseUrl = "platform/baseUrl";
const char *KeyLanguage = "ui/language";
const char *KeyDownloadFolder = "library/folder";
const char *KeyRequestLimit = "video/requestSizeLimitKiB";
const char *KeyConfirmCost = "video/confirmCostAbove";
const char *KeyHistoryTurns = "chat/historyTurns";
const char *KeyStreaming = "chat/streaming";
const char *KeyCustomModels = "chat/customModels";
const char *KeyLastModel = "chat/lastModel";
const char *KeyPromptHelperModel = "chat/promptHelperModel";
} // namespace

AppSettings::AppSettings(const QString &configDir, QObject *parent)
    : QObject(parent), m_configDir(configDir),
      m_settings(QDir(configDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
{
    Hardening::makePrivateDir(configDir); // settings and the key's fallback file: owner-only
}

QString AppSettings::filePath() const
{
    return m_settings.fileName();
}

void AppSettings::sync()
{
    m_settings.sync();
}

QUrl AppSettings::baseUrl() const
{
    const QString stored = m_settings.value(QLatin1String(KeyBaseUrl)).toString();
    QUrl url;
    if (stored.isEmpty() || !validateBaseUrl(stored, &url).isEmpty())
        return defaultBaseUrl();
    return url;
}

bool AppSettings::setBaseUrl(const QString &text, QString *error)
{
    QUrl url;
    const QString problem = validateBaseUrl(text, &url);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return false;
    if (url == baseUrl())
        return true;
    m_settings.setValue(QLatin1String(KeyBaseUrl), url.toString());
    m_settings.sync();
    emit baseUrlChanged(url);
    emit changed();
    return true;
}

QString AppSettings::language() const
{
    const QString lang = m_settings.value(QLatin1String(KeyLanguage), QStringLiteral("system")).toString();
    return (lang == QLatin1String("zh_CN") || lang == QLatin1String("en")) ? lang : QStringLiteral("system");
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(QLatin1String(KeyLanguage), language);
    m_settings.sync();
    emit changed();
}

QString AppSettings::downloadFolder() const
{
    const QString stored = m_settings.value(QLatin1String(KeyDownloadFolder)).toString();
    if (!stored.isEmpty())
        return stored;
    QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (videos.isEmpty())
        videos = QDir::home().filePath(QStringLiteral("Videos"));
    return QDir(videos).filePath(QStringLiteral("Yuanjing Studio"));
}

bool AppSettings::setDownloadFolder(const QString &path, QString *error)
{
    const QString problem = validateDownloadFolder(path);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return false;
    m_settings.setValue(QLatin1String(KeyDownloadFolder), QDir::cleanPath(path));
    m_settings.sync();
    emit changed();
    return true;
}

int AppSettings::confirmCostAbove() const
{
    return qBound(0, m_settings.value(QLatin1String(KeyConfirmCost), 0).toInt(), 1000000);
}

void AppSettings::setConfirmCostAbove(int credits)
{
    m_settings.setValue(QLatin1String(KeyConfirmCost), qBound(0, credits, 1000000));
    emit changed();
}

int AppSettings::requestSizeLimitKiB() const
{
    return qBound(64, m_settings.value(QLatin1String(KeyRequestLimit), 1024).toInt(), 64 * 1024);
}

void AppSettings::setRequestSizeLimitKiB(int kib)
{
    m_settings.setValue(QLatin1String(KeyRequestLimit), qBound(64, kib, 64 * 1024));
    emit changed();
}

int AppSettings::chatHistoryTurns() const
{
    return qBound(0, m_settings.value(QLatin1String(KeyHistoryTurns), 10).toInt(), 100);
}

void AppSettings::setChatHistoryTurns(int turns)
{
    m_settings.setValue(QLatin1String(KeyHistoryTurns), qBound(0, turns, 100));
    emit changed();
}

bool AppSettings::chatStreaming() const
{
    return m_settings.value(QLatin1String(KeyStreaming), true).toBool();
}

void AppSettings::setChatStreaming(bool streaming)
{
    m_settings.setValue(QLatin1String(KeyStreaming), streaming);
    emit changed();
}

QStringList AppSettings::customChatModels() const
{
    return m_settings.value(QLatin1String(KeyCustomModels)).toStringList();
}

void AppSettings::setCustomChatModels(const QStringList &models)
{
    m_settings.setValue(QLatin1String(KeyCustomModels), models);
    emit changed();
}

QString AppSettings::lastChatModel() const
{
    return m_settings.value(QLatin1String(KeyLastModel), QStringLiteral("qwen3-max")).toString();
}

void AppSettings::setLastChatModel(const QString &model)
{
    m_settings.setValue(QLatin1String(KeyLastModel), model);
}

QString AppSettings::promptHelperModel() const
{
    const QString model = m_settings.value(QLatin1String(KeyPromptHelperModel)).toString().trimmed();
    return model.isEmpty() ? lastChatModel() : model;
}

void AppSettings::setPromptHelperModel(const QString &model)
{
    m_settings.setValue(QLatin1String(KeyPromptHelperModel), model.trimmed());
    emit changed();
}

QVariant AppSettings::uiValue(const QString &key, const QVariant &fallback) const
{
    return m_settings.value(QStringLiteral("window/") + key, fallback);
}

void AppSettings::setUiValue(const QString &key, const QVariant &value)
{
    m_settings.setValue(QStringLiteral("window/") + key, value);
}

bool AppSettings::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString AppSettings::validateBaseUrl(const QString &text, QUrl *normalized)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("AppSettings", "Enter the platform address, for example https://opencomputing.ai.");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.scheme().isEmpty())
        return QCoreApplication::translate("AppSettings", "“%1” is not a valid web address. Use the form https://opencomputing.ai.").arg(trimmed);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QCoreApplication::translate("AppSettings", "The address must start with https://.");
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return QCoreApplication::translate("AppSettings", "The address must use https:// so that your API key is never sent unencrypted "
                 "(plain http is only allowed for this computer, e.g. http://127.0.0.1).");
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return QCoreApplication::translate("AppSettings", "The address must not contain a query, a fragment or a user name.");
    if (normalized) {
        QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
        if (clean.path() == QLatin1String("/"))
            clean.setPath(QString());
        clean.setScheme(scheme);
        *normalized = clean;
    }
    return {};
}

QString AppSettings::validateApiKey(const QString &key)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("AppSettings", "Paste your API key first.");
    for (const QChar c : trimmed) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e)
            return QCoreApplication::translate("AppSettings", "The API key contains spaces or characters that an API key never has. "
                     "Copy it again with the platform's “复制apikey” button.");
    }
    if (trimmed.size() < 8)
        return QCoreApplication::translate("AppSettings", "This API key is too short to be valid.");
    return {};
}

QString AppSettings::validateDownloadFolder(const QString &path)
{
    if (path.trimmed().isEmpty())
        return QCoreApplication::translate("AppSettings", "Choose a folder for downloaded videos.");
    const QFileInfo info(path);
    if (!info.isAbsolute())
        return QCoreApplication::translate("AppSettings", "Use a full path for the download folder.");
    if (info.exists() && !info.isDir())
        return QCoreApplication::translate("AppSettings", "“%1” is a file, not a folder.").arg(path);
    if (!info.exists() && !QDir().mkpath(path))
        return QCoreApplication::translate("AppSettings", "The folder “%1” cannot be created.").arg(path);
    if (!QFileInfo(path).isWritable())
        return QCoreApplication::translate("AppSettings", "The folder “%1” is not writable.").arg(path);
    return {};
}
