#pragma once

#include <QObject>
#include <QSettings>
#include <QUrl>

// The user's settings, shared by the app and the command line (one INI file in the config folder).
// Validation lives here too, so every front end refuses the same bad values with the same words.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    explicit AppSettings(const QString &configDir, QObject *parent = nullptr);

    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://opencomputing.ai")); }

    QUrl baseUrl() const;
    // Returns false (and leaves the stored value alone) when the URL is not acceptable.
    bool setBaseUrl(const QString &text, QString *error = nullptr);

    // "system", "zh_CN" or "en".
    QString language() const;
    void setLanguage(const QString &language);

    QString downloadFolder() const;
    bool setDownloadFolder(const QString &path, QString *error = nullptr);

    int requestSizeLimitKiB() const;
    void setRequestSizeLimitKiB(int kib);

    // Ask before sending a video expected to cost more credits than this (0: never ask).
    int confirmCostAbove() const;
    void setConfirmCostAbove(int credits);

    int chatHistoryTurns() const;
    void setChatHistoryTurns(int turns);
    bool chatStreaming() const;
    void setChatStreaming(bool streaming);
    QStringList customChatModels() const;
    void setCustomChatModels(const QStringList &models);
    QString lastChatModel() const;
    void setLastChatModel(const QString &model);
    // The chat model that rewrites video prompts and plans storyboards; empty: the chat's last model.
    QString promptHelperModel() const;
    void setPromptHelperModel(const QString &model);

    QVariant uiValue(const QString &key, const QVariant &fallback = {}) const;
    void setUiValue(const QString &key, const QVariant &value);

    QString configDir() const { return m_configDir; }
    QString filePath() const;
    void sync();

    // Translated error, or empty when fine. https is required except for loopback (the simulator).
    static QString validateBaseUrl(const QString &text, QUrl *normalized = nullptr);
    static QString validateApiKey(const QString &key);
    static QString validateDownloadFolder(const QString &path);
    static bool isLoopbackHost(const QString &host);

signals:
    void baseUrlChanged(const QUrl &url);
    void changed();

private:
    QString m_configDir;
    mutable QSettings m_settings;
};
