#include "account/CredentialStore.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

CredentialStore::CredentialStore(SecretBackend *keychain, const QString &fallbackFile, QObject *parent)
    : QObject(parent), m_keychain(keychain), m_file(new FileSecretBackend(fallbackFile, this)),
      m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    if (!m_keychain)
        m_keychainAvailable = false;
    else
        m_keychain->setParent(this);

    // A keychain that does not answer in time counts as absent; its late answer is then ignored.
    connect(m_timeout, &QTimer::timeout, this, [this] {
        qCWarning(lcAccount) << "keychain did not answer in time; using the fallback file";
        m_keychainAvailable = false;
        const Pending pending = m_pending;
        m_pending = Pending::None;
        if (pending == Pending::Load) {
            QString key, error;
            finishLoad(m_file->readNow(&key, &error) == SecretBackend::Result::Ok ? key : QString(), Storage::File);
        } else if (pending == Pending::Save) {
            saveToFile(m_pendingKey);
        } else if (pending == Pending::Remove) {
            m_busy = false;
            emit removed();
        }
    });

    if (m_keychain) {
        connect(m_keychain, &SecretBackend::readFinished, this,
                [this](SecretBackend::Result result, const QString &secret, const QString &error) {
                    if (m_pending != Pending::Load)
                        return;
                    m_pending = Pending::None;
                    m_timeout->stop();
                    if (result == SecretBackend::Result::Ok) {
                        finishLoad(secret, Storage::Keychain);
                        return;
                    }
                    if (result == SecretBackend::Result::Unavailable) {
                        qCInfo(lcAccount) << "no keychain:" << error;
                        m_keychainAvailable = false;
                    }
                    // Not in the keychain: a key saved earlier while no keychain answered may be in the file.
                    QString key, fileError;
                    const bool inFile = m_file->readNow(&key, &fileError) == SecretBackend::Result::Ok;
                    finishLoad(inFile ? key : QString(), inFile ? Storage::File : Storage::None);
                });
        connect(m_keychain, &SecretBackend::writeFinished, this,
                [this](SecretBackend::Result result, const QString &error) {
                    if (m_pending != Pending::Save)
                        return;
                    m_pending = Pending::None;
                    m_timeout->stop();
                    if (result == SecretBackend::Result::Ok) {
                        m_file->remove(accountName()); // no stale copy left behind
                        m_key = m_pendingKey;
                        m_storage = Storage::Keychain;
                        m_keychainAvailable = true;
                        m_busy = false;
                        emit saved(true, {});
                        emit keyChanged();
                        return;
                    }
                    qCInfo(lcAccount) << "keychain refused the key:" << error;
                    m_keychainAvailable = false;
                    saveToFile(m_pendingKey);
                });
        connect(m_keychain, &SecretBackend::removeFinished, this, [this](SecretBackend::Result, const QString &) {
            if (m_pending != Pending::Remove)
                return;
            m_pending = Pending::None;
            m_timeout->stop();
            m_busy = false;
            emit removed();
        });
    }
}

void CredentialStore::startTimeout()
{
    m_timeout->start(m_timeoutMs);
}

void CredentialStore::load()
{
    m_busy = true;
    if (!m_override.isEmpty()) {
        QTimer::singleShot(0, this, [this] { finishLoad(m_override, Storage::Environment); });
        return;
    }
    if (m_keychain && m_keychainAvailable) {
        m_pending = Pending::Load;
        startTimeout();
        m_keychain->read(accountName());
        return;
    }
    QTimer::singleShot(0, this, [this] {
        QString key, error;
        const bool inFile = m_file->readNow(&key, &error) == SecretBackend::Result::Ok;
        finishLoad(inFile ? key : QString(), inFile ? Storage::File : Storage::None);
    });
}

void CredentialStore::finishLoad(const QString &key, Storage storage)
{
    m_key = key.trimmed();
    m_storage = m_key.isEmpty() ? Storage::None : storage;
    Redaction::addSecret(m_key);
    m_busy = false;
    qCInfo(lcAccount) << "API key" << (m_key.isEmpty() ? "absent" : "loaded") << "storage:" << int(m_storage);
    // Listeners of keyChanged (the client) are ready before anyone who waits for loaded() starts work.
    emit keyChanged();
    emit loaded();
}

void CredentialStore::save(const QString &rawKey)
{
    const QString key = rawKey.trimmed();
    Redaction::addSecret(key);
    m_busy = true;
    m_pendingKey = key;
    if (m_keychain && m_keychainAvailable) {
        m_pending = Pending::Save;
        startTimeout();
        m_keychain->write(accountName(), key);
        return;
    }
    QTimer::singleShot(0, this, [this, key] { saveToFile(key); });
}

void CredentialStore::saveToFile(const QString &key)
{
    QString error;
    const bool ok = m_file->writeNow(key, &error) == SecretBackend::Result::Ok;
    m_busy = false;
    if (ok) {
        m_key = key;
        m_storage = Storage::File;
        emit saved(true, {});
        emit keyChanged();
    } else {
        emit saved(false, tr("Could not write %1: %2").arg(m_file->path(), error));
    }
}

void CredentialStore::remove()
{
    m_key.clear();
    m_storage = Storage::None;
    m_file->remove(accountName());
    if (m_keychain && m_keychainAvailable) {
        m_busy = true;
        m_pending = Pending::Remove;
        startTimeout();
        m_keychain->remove(accountName());
    } else {
        QTimer::singleShot(0, this, [this] { emit removed(); });
    }
    emit keyChanged();
}

void CredentialStore::setOverride(const QString &key)
{
    m_override = key.trimmed();
    Redaction::addSecret(m_override);
}

QString CredentialStore::storageDescription() const
{
    switch (m_storage) {
    case Storage::None:
        return tr("No API key is stored.");
    case Storage::Keychain:
        return tr("The API key is kept in the system keychain.");
    case Storage::File:
        return tr("No system keychain is available: the API key is kept in %1, readable only by you.")
            .arg(QDir::toNativeSeparators(m_file->path()));
    case Storage::Environment:
        return tr("The API key comes from YUANJING_API_KEY for this run and is not stored.");
    }
    return {};
}
