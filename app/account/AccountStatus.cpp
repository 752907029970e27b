#include "account/AccountStatus.h"

#include "account/CredentialStore.h"
#include "api/PlatformClient.h"
#include "core/AppSettings.h"

AccountStatus::AccountStatus(PlatformClient *client, CredentialStore *credentials, AppSettings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_credentials(credentials), m_settings(settings)
{
    // The balance warning outlives a restart: it is what the platform last said.
    m_insufficientSince = settings->uiValue(QStringLiteral("account/insufficientSince")).toDateTime();
    m_insufficientModel = settings->uiValue(QStringLiteral("account/insufficientModel")).toString();
    connect(client, &PlatformClient::balanceInsufficient, this, &AccountStatus::onInsufficient);
    connect(client, &PlatformClient::callSucceeded, this, [this](const QString &path) {
        // Only a billed call that went through says the balance is fine again.
        if (balanceInsufficient() && (path == QLatin1String("/llmage/t2t") || path == QLatin1String("/llmage/video")))
            clearBalanceWarning();
        if (m_keyState != KeyState::Valid && m_keyState != KeyState::Checking)
            setKeyState(KeyState::Valid);
    });
    connect(client, &PlatformClient::keyRejected, this,
            [this](const ApiError &error) { setKeyState(KeyState::Rejected, error.message()); });
    connect(credentials, &CredentialStore::keyChanged, this, [this] { setKeyState(KeyState::Unknown); });
}

void AccountStatus::checkKey()
{
    if (!m_client->hasApiKey()) {
        setKeyState(KeyState::NoKey);
        return;
    }
    setKeyState(KeyState::Checking);
    ApiCall *call = m_client->get(QStringLiteral("/llmage/v1/models"), {}, ApiCall::Optional);
    connect(call, &ApiCall::finished, this, [this](const ApiError &error) {
        switch (error.kind()) {
        case ApiError::Kind::None:
            setKeyState(KeyState::Valid);
            break;
        case ApiError::Kind::Auth:
            setKeyState(KeyState::Rejected, error.message());
            break;
        case ApiError::Kind::NotFound:
        case ApiError::Kind::BadRequest:
            // An older server without the model list: it answered, so the key got through.
            setKeyState(KeyState::Valid, tr("The platform answered, but it has no model list."));
            break;
        default:
            setKeyState(KeyState::Unreachable, error.message());
            break;
        }
    });
}

QString AccountStatus::keyStateText() const
{
    switch (m_keyState) {
    case KeyState::Unknown: return tr("Not checked yet");
    case KeyState::Checking: return tr("Checking…");
    case KeyState::Valid: return tr("Valid: the platform accepts the key");
    case KeyState::Rejected: return tr("Rejected: the platform does not accept the key");
    case KeyState::Unreachable: return tr("Platform unreachable: the key could not be checked");
    case KeyState::NoKey: return tr("No key");
    }
    return {};
}

void AccountStatus::setKeyState(KeyState state, const QString &detail)
{
    m_keyDetail = detail;
    if (m_keyState == state)
        return;
    m_keyState = state;
    emit keyStateChanged(state);
}

void AccountStatus::onInsufficient(const QString &, const QString &model)
{
    if (!m_insufficientSince.isValid())
        m_insufficientSince = QDateTime::currentDateTime();
    m_insufficientModel = model;
    m_settings->setUiValue(QStringLiteral("account/insufficientSince"), m_insufficientSince);
    m_settings->setUiValue(QStringLiteral("account/insufficientModel"), model);
    emit balanceChanged(true);
}

void AccountStatus::clearBalanceWarning()
{
    if (!m_insufficientSince.isValid())
        return;
    m_insufficientSince = QDateTime();
    m_insufficientModel.clear();
    m_settings->setUiValue(QStringLiteral("account/insufficientSince"), QVariant());
    m_settings->setUiValue(QStringLiteral("account/insufficientModel"), QVariant());
    emit balanceChanged(false);
}
