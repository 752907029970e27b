#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcChat)
Q_DECLARE_LOGGING_CATEGORY(lcAccount)

// The API key must never reach a log line. Every secret the app learns is registered here, and the
// message handler installed by installRedactingMessageHandler() masks it in every message, whatever
// category or code path produced it.
namespace Redaction {
void addSecret(const QString &secret);
void clearSecrets();
QString apply(QString text);
// Masks a key for display: the first 4 and last 2 characters survive, the rest become dots.
QString mask(const QString &secret);
void installRedactingMessageHandler();
} // namespace Redaction
