#pragma once

#include "account/SecretBackend.h"

#include <QObject>
#include <QPointer>

class QTimer;

// Keeps the API key: in the OS keychain when one answers, else in a file only the user can read
// (and then says so). The key is held in memory only here and in PlatformClient.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Storage { None, Keychain, File, Environment };
    Q_ENUM(Storage)

    // keychain may be nullptr (built without QtKeychain): the file is used then.
    CredentialStore(SecretBackend *keychain, const QString &fallbackFile, QObject *parent = nullptr);

    // Reads the key; emits loaded() once, whatever happens.
    void load();
    // Stores the key; emits saved(). Falls back to the file when the keychain refuses.
    void save(const QString &key);
    // Forgets the key everywhere; emits removed().
    void remove();
    // A key given for this run only (YUANJING_API_KEY): used, never stored.
    void setOverride(const QString &key);

    QString apiKey() const { return m_key; }
    bool hasKey() const { return !m_key.isEmpty(); }
    Storage storage() const { return m_storage; }
    bool keychainAvailable() const { return m_keychainAvailable; }
    QString fallbackPath() const { return m_file->path(); }
    bool isBusy() const { return m_busy; }
    // The keychain gets this long to answer before the file is used instead.
    void setKeychainTimeout(int ms) { m_timeoutMs = ms; }

    // One sentence for the UI about where the key is kept.
    QString storageDescription() const;

    static QString accountName() { return QStringLiteral("api-key"); }

signals:
    void loaded();
    void saved(bool ok, const QString &error);
    void removed();
    void keyChanged();

private:
    void startTimeout();
    void finishLoad(const QString &key, Storage storage);
    void saveToFile(const QString &key);

    QPointer<SecretBackend> m_keychain;
    FileSecretBackend *m_file;
    QTimer *m_timeout;
    QString m_key;
    QString m_override;
    Storage m_storage = Storage::None;
    bool m_keychainAvailable = true;
    bool m_busy = false;
    int m_timeoutMs = 3000;
    enum class Pending { None, Load, Save, Remove } m_pending = Pending::None;
    QString m_pendingKey;
};
