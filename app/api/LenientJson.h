#pragma once

#include <QByteArrayView>
#include <QJsonObject>

// Reads an object the platform wrote either as JSON or, as one of its server versions does for error
// objects, as a Python dict repr: {'error': 'ERROR:…', 'status': 'FAILED'} (single or double quotes,
// True/False/None, nested dicts and lists). The one place that knows this second spelling, so the chat
// stream, submission replies and task replies all read it alike.
namespace LenientJson {
// The object, or an empty one with *ok = false when the bytes are neither form (or not an object).
QJsonObject object(QByteArrayView bytes, bool *ok = nullptr);
// Only the Python repr form; exposed for tests and the fuzzer.
QJsonObject pythonDict(QByteArrayView bytes, bool *ok = nullptr);
} // namespace LenientJson
