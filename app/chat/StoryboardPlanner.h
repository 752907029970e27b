#pragma once

#include "video/ModelSchema.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

// Asking a chat model for a storyboard, and what becomes of its shots: the request's wording (shots asked
// for as JSON, with the model's fields) and the board file that `yuanjing storyboard run` takes. Reading the
// answer is ShotListReader's job.
namespace StoryboardPlanner {
constexpr int MaxShots = 12;
// The system prompt: the frame (English, what chat models follow best), the model's fields and guide.
QString instructions(const ModelSpec &spec, int shots);
// The user's story with the number of shots asked for.
QString request(const QString &story, int shots);
// {"title": …, "shots": [{"llmid": …, "set": {"prompt": …, …}, "continue": true}, …]}: values as the
// request carries them (numbers for integers); each shot after the first continues the one before.
QJsonObject board(const QString &title, const ModelSpec &spec, const QList<QVariantMap> &shots);
// The title the answer gave ("title" of its JSON object), else the story's first line.
QString titleFor(const QString &answer, const QString &story);
} // namespace StoryboardPlanner
