#pragma once

#include "video/ModelSchema.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// What a chat model answered when asked for shots, read into shots that fit one video model. The one
// reader of shot lists (storyboard planning, Send to storyboard, `yuanjing storyboard plan`).
//
// Models rarely answer with bare JSON: the list comes inside a ``` fence, after a sentence, with a
// trailing comma. Accepted: a JSON array of shots, or an object with a "shots" array, each shot an object
// with "prompt" (or a bare string) and any of the model's fields; when there is no JSON, a numbered list
// of shots in plain text. Every value is checked against the model's schema: a value outside the allowed
// ones becomes the nearest allowed one, a field the model lacks is dropped, each with a note, so the user
// reviews what was changed before anything is generated.
class ShotListReader
{
    Q_DECLARE_TR_FUNCTIONS(ShotListReader)
public:
    struct Result
    {
        // Each shot's values as the Studio form holds them (strings), "prompt" always set.
        QList<QVariantMap> shots;
        QStringList notes; // translated: what was changed or dropped, one sentence each
        QString error;     // translated; set when no shot could be read
        bool ok() const { return error.isEmpty() && !shots.isEmpty(); }
    };

    // expectedShots > 0: more shots are cut to that many, fewer are kept, each with a note.
    static Result read(const QString &answer, const ModelSpec &spec, int expectedShots = 0);

    // Whether the answer holds a list of at least two shots (JSON or numbered) worth a "Send to storyboard".
    // Answers longer than ShotListMaxChars are not looked into: a board of a dozen shots is a few
    // thousand characters, and reading a long answer through cost the chat ~130 ms a megabyte on the UI
    // thread as the answer ended (BENCHMARKS.md, chat streaming).
    static constexpr qsizetype ShotListMaxChars = 40000;
    static bool holdsShotList(const QString &answer);
    // The JSON text the answer holds (fences, prose and trailing commas taken away), or empty.
    static QByteArray extractJson(const QString &answer);
    // One shot's values checked against the schema (notes say what changed; number is 1-based).
    static QVariantMap fitToModel(const QVariantMap &raw, const ModelSpec &spec, int number,
                                  QStringList *notes);

private:
    // The shots as the answer gives them, before any schema: JSON first, else a numbered list.
    static QList<QVariantMap> rawShots(const QString &answer);
};
