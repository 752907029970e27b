#include "account/SecretBackend.h"

#include "core/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#ifdef YUANJING_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace {
const char *ServiceName = "Yuanjing Studio";

// Emit after the caller has connected: a backend that answers at once still answers asynchronously.
template<typename F>
void later(QObject *context, F &&f)
{
    QTimer::singleShot(0, context, std::forward<F>(f));
}
} // namespace

#ifdef YUANJING_HAVE_KEYCHAIN
namespace {
class QtKeychainBackend : public SecretBackend
{
public:
    using SecretBackend::SecretBackend;
    QString name() const override { return QStringLiteral("keychain"); }

    static Result resultOf(QKeychain::Error error)
    {
        switch (error) {
        case QKeychain::NoError: return Result::Ok;
        case QKeychain::EntryNotFound: return Result::NotFound;
        default: return Result::Unavailable;
        }
    }

    void read(const QString &account) override
    {
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(ServiceName), this);
        job->setAutoDelete(true);
        job->setKey(account);
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            emit readFinished(resultOf(job->error()), job->textData(), job->errorString());
        });
        job->start();
    }
    void write(const QString &account, const QString &secret) override
    {
        auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(ServiceName), this);
        job->setAutoDelete(true);
        job->setKey(account);
        job->setTextData(secret);
        connect(job, &QKeychain::Job::finished, this,
                [this, job] { emit writeFinished(resultOf(job->error()), job->errorString()); });
        job->start();
    }
    void remove(const QString &account) override
    {
        auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(ServiceName), this);
        job->setAutoDelete(true);
        job->setKey(account);
        connect(job, &QKeychain::Job::finished, this,
                [this, job] { emit removeFinished(resultOf(job->error()), job->errorString()); });
        job->start();
    }
};
} // namespace

SecretBackend *KeychainBackend::create(QObject *parent)
{
    return new QtKeychainBackend(parent);
}
#else
SecretBackend *KeychainBackend::create(QObject *)
{
    return nullptr;
}
#endif

FileSecretBackend::FileSecretBackend(QString path, QObject *parent) : SecretBackend(parent), m_path(std::move(path))
{
}

SecretBackend::Result FileSecretBackend::readNow(QString *secret, QString *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return Result::NotFound;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return Result::Unavailable;
    }
    *secret = QString::fromUtf8(file.readAll()).trimmed();
    return secret->isEmpty() ? Result::NotFound : Result::Ok;
}

SecretBackend::Result FileSecretBackend::writeNow(const QString &secret, QString *error) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return Result::Unavailable;
    }
    // Owner read/write only, set before the secret is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(secret.toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return Result::Unavailable;
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Result::Ok;
}

void FileSecretBackend::read(const QString &)
{
    QString secret, error;
    const Result result = readNow(&secret, &error);
    later(this, [this, result, secret, error] { emit readFinished(result, secret, error); });
}

void FileSecretBackend::write(const QString &, const QString &secret)
{
    QString error;
    const Result result = writeNow(secret, &error);
    later(this, [this, result, error] { emit writeFinished(result, error); });
}

void FileSecretBackend::remove(const QString &)
{
    const bool existed = QFile::exists(m_path);
    QFile::remove(m_path);
    later(this, [this, existed] { emit removeFinished(existed ? Result::Ok : Result::NotFound, {}); });
}

MemorySecretBackend::MemorySecretBackend(bool available, QObject *parent)
    : SecretBackend(parent), m_available(available)
{
}

void MemorySecretBackend::read(const QString &)
{
    later(this, [this] {
        if (!m_available)
            emit readFinished(Result::Unavailable, {}, QStringLiteral("no keychain"));
        else
            emit readFinished(m_secret.isEmpty() ? Result::NotFound : Result::Ok, m_secret, {});
    });
}

void MemorySecretBackend::write(const QString &, const QString &secret)
{
    later(this, [this, secret] {
        if (!m_available) {
            emit writeFinished(Result::Unavailable, QStringLiteral("no keychain"));
            return;
        }
        m_secret = secret;
        emit writeFinished(Result::Ok, {});
    });
}

void MemorySecretBackend::remove(const QString &)
{
    later(this, [this] {
        if (!m_available) {
            emit removeFinished(Result::Unavailable, QStringLiteral("no keychain"));
            return;
        }
        m_secret.clear();
        emit removeFinished(Result::Ok, {});
    });
}
