#pragma once

#include <QObject>
#include <QString>

// Where a secret can be kept. Asynchronous, because the OS keychain is.
class SecretBackend : public QObject
{
    Q_OBJECT
public:
    enum class Result { Ok, NotFound, Unavailable };

    using QObject::QObject;
    virtual QString name() const = 0;
    virtual void read(const QString &account) = 0;
    virtual void write(const QString &account, const QString &secret) = 0;
    virtual void remove(const QString &account) = 0;

signals:
    void readFinished(SecretBackend::Result result, const QString &secret, const QString &error);
    void writeFinished(SecretBackend::Result result, const QString &error);
    void removeFinished(SecretBackend::Result result, const QString &error);
};

// The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) through QtKeychain.
// Built only where QtKeychain is found; create() returns nullptr otherwise.
namespace KeychainBackend {
SecretBackend *create(QObject *parent);
}

// A file readable only by the user: the fallback where no keychain answers (servers, CI).
class FileSecretBackend : public SecretBackend
{
    Q_OBJECT
public:
    explicit FileSecretBackend(QString path, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("file"); }
    QString path() const { return m_path; }
    void read(const QString &account) override;
    void write(const QString &account, const QString &secret) override;
    void remove(const QString &account) override;

    // Synchronous forms, for the command line and for reading at start-up.
    Result readNow(QString *secret, QString *error) const;
    Result writeNow(const QString &secret, QString *error) const;

private:
    QString m_path;
};

// In memory: for tests, can pretend to be an unavailable keychain.
class MemorySecretBackend : public SecretBackend
{
    Q_OBJECT
public:
    explicit MemorySecretBackend(bool available, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("memory"); }
    void setAvailable(bool available) { m_available = available; }
    QString stored() const { return m_secret; }
    void read(const QString &account) override;
    void write(const QString &account, const QString &secret) override;
    void remove(const QString &account) override;

private:
    bool m_available;
    QString m_secret;
};
