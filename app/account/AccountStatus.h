#pragma once

#include <QDateTime>
#include <QObject>

class PlatformClient;
class AppSettings;
class CredentialStore;

// What the app knows of the account, honestly: whether the key works (checked with a call that costs
// nothing), and the last thing the platform said about the balance (there is no balance API: a 429
// anywhere means "too low", a later billed call that goes through means it is fine again).
class AccountStatus : public QObject
{
    Q_OBJECT
public:
    enum class KeyState { Unknown, Checking, Valid, Rejected, Unreachable, NoKey };
    Q_ENUM(KeyState)

    AccountStatus(PlatformClient *client, CredentialStore *credentials, AppSettings *settings, QObject *parent = nullptr);

    // GET /llmage/v1/models: free, and it needs the key.
    void checkKey();
    KeyState keyState() const { return m_keyState; }
    QString keyStateText() const;
    QString keyDetail() const { return m_keyDetail; }

    bool balanceInsufficient() const { return m_insufficientSince.isValid(); }
    QDateTime insufficientSince() const { return m_insufficientSince; }
    QString insufficientModel() const { return m_insufficientModel; }
    // After a top-up: the user says the warning no longer applies.
    void clearBalanceWarning();

    static QString balancePageUrl() { return QStringLiteral("https://opencomputing.ai"); }

signals:
    void keyStateChanged(KeyState state);
    void balanceChanged(bool insufficient);

private:
    void setKeyState(KeyState state, const QString &detail = {});
    void onInsufficient(const QString &message, const QString &model);

    PlatformClient *m_client;
    CredentialStore *m_credentials;
    AppSettings *m_settings;
    KeyState m_keyState = KeyState::Unknown;
    QString m_keyDetail;
    QDateTime m_insufficientSince;
    QString m_insufficientModel;
};
