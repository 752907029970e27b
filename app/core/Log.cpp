#include "core/Log.h"

#include <QMutex>
#include <QStringList>

Q_LOGGING_CATEGORY(lcApi, "yuanjing.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "yuanjing.simulator", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "yuanjing.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChat, "yuanjing.chat", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccount, "yuanjing.account", QtInfoMsg)

namespace {
QMutex g_mutex;
QStringList g_secrets;
QtMessageHandler g_previous = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = Redaction::apply(message);
    if (g_previous)
        g_previous(type, context, clean);
}
} // namespace

namespace Redaction {

void addSecret(const QString &secret)
{
    // Very short strings would mask ordinary words; real keys are long.
    if (secret.size() < 6)
        return;
    QMutexLocker lock(&g_mutex);
    if (!g_secrets.contains(secret))
        g_secrets.append(secret);
}

void clearSecrets()
{
    QMutexLocker lock(&g_mutex);
    g_secrets.clear();
}

QString apply(QString text)
{
    QMutexLocker lock(&g_mutex);
    for (const QString &secret : std::as_const(g_secrets))
        text.replace(secret, QStringLiteral("[REDACTED]"));
    return text;
}

QString mask(const QString &secret)
{
    if (secret.isEmpty())
        return {};
    if (secret.size() <= 8)
        return QString(secret.size(), QChar(0x2022));
    return secret.left(4) + QString(qMin(12, int(secret.size()) - 6), QChar(0x2022)) + secret.right(2);
}

void installRedactingMessageHandler()
{
    g_previous = qInstallMessageHandler(redactingHandler);
}

} // namespace Redaction
