#pragma once

#include "video/ImagePreparer.h"
#include "video/ModelSchema.h"

#include <QJsonObject>
#include <QMap>
#include <QVariantMap>

// The /llmage/video body, from a model's schema and the user's values alone: llmid plus the model's
// own keys, exactly as the API spells them; integers as JSON numbers, everything else as strings;
// images as data: URIs or links. The only place that knows the wire format of a video request.
namespace RequestBuilder {

struct Result
{
    QJsonObject body;
    QMap<QString, QString> fieldErrors; // key → translated message
    QString error;                      // a problem with the request as a whole (size)
    QMap<QString, PreparedImage> images; // the images as finally encoded (maybe smaller)
    qint64 bytes = 0;
    bool ok() const { return fieldErrors.isEmpty() && error.isEmpty(); }
};

// Checks every field; unset optional fields are left out.
QMap<QString, QString> validate(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images);

// Builds the body and keeps it under limitBytes, re-encoding local images smaller if needed (slow for
// big pictures: call it off the UI thread). error says so when even the smallest images do not fit.
Result build(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images, qint64 limitBytes);

// The body for people to read (a dry run, a tile's "settings sent"): each picture sent as data is named
// and measured instead of its base64; links stay as they are.
QJsonObject summarized(const Result &result);

} // namespace RequestBuilder
