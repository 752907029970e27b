#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// What the simulated models say: deterministic, so that tests and the Account tab can check figures.
namespace DemoContent {
QString answerFor(const QString &prompt, const QString &model);
// Prompt help and storyboard planning (recognised by their instructions): a plausible improved prompt,
// or a plausible JSON shot list; an empty string for any other request.
QString promptHelpAnswerFor(const QString &prompt, const QString &sysPrompt);
QString reasoningFor(const QString &prompt);
// Splits text into the pieces a model would stream (never inside a surrogate pair).
QStringList tokenize(const QString &text, int charsPerPiece);
int promptTokens(const QString &prompt, const QString &sysPrompt);
QStringList chatModels();
// The vendor usage object a finished task reports, by llmid.
QJsonObject videoUsage(const QString &llmid, const QJsonObject &request);
bool isKnownVideoModel(const QString &llmid);
bool isEnabledVideoModel(const QString &llmid);
QString pricingText(const QString &model);
} // namespace DemoContent
