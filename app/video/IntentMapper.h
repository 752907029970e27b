#pragma once

#include "video/ModelSchema.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

// One set of settings meant for any model (9:16, 720p, 5 s, a seed), turned into a model's own fields
// through their roles in its schema (docs/MODEL-SCHEMA.md): the schema decides, never the vendor's name.
// A value the model does not allow becomes the nearest one it does, and the adjustment is said.
struct VideoIntent
{
    QString prompt;
    QString negativePrompt;
    QString ratio;      // "9:16" (empty: the model's own default)
    int resolution = 0; // the short side in pixels, 720 for "720p" (0: the model's default)
    int duration = 0;   // seconds (0: the model's default)
    bool hasSeed = false;
    qint64 seed = 0;

    // "720p", "720", "1080P" → the short side; 0 when it is none of those.
    static int parseResolution(const QString &text);
    // "9:16" → true and the two sides; "keep_ratio", "adaptive" → false.
    static bool parseRatio(const QString &text, double *widthOverHeight);
};
Q_DECLARE_METATYPE(VideoIntent)

struct IntentAdjustment
{
    QString setting;         // "ratio", "resolution", "duration", "seed", "negative_prompt"
    QString asked;           // as the intent said it ("9:16", "720p", "20 s")
    QString key;             // the model's field that carries it (empty: the model has none)
    QString sent;            // what goes out instead (empty: nothing)
    QString message() const; // translated: "duration: 20 s asked, 16 sent (the nearest this model allows)"
};

struct MappedIntent
{
    QVariantMap values; // the model's defaults with the intent laid over them
    QList<IntentAdjustment> adjustments;
};

namespace IntentMapper {

// base: values to start from (the model's defaults when empty).
MappedIntent map(const ModelSpec &spec, const VideoIntent &intent, const QVariantMap &base = {});

// The image fields for pictures given by role ("first_frame", "last_frame", "reference"): references fill
// the model's reference fields in order. The key of the index-th field with this role, or empty.
QString imageField(const ModelSpec &spec, const QString &role, int index = 0);

} // namespace IntentMapper
