#pragma once

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QUrl>

// An image made ready for a request: a local picture decoded (orientation applied), scaled to a
// sensible size and re-encoded (JPEG, or PNG where it has transparency); or a link sent as it is.
struct PreparedImage
{
    enum class Source { None, File, Data, Url };
    Source source = Source::None;
    QString origin;        // the file path or link, for display
    QUrl url;              // Source::Url
    QByteArray encoded;    // the bytes sent (base64 in a data: URI)
    QString mimeType;      // image/jpeg or image/png
    QSize originalSize;    // pixels, as decoded and oriented
    QSize size;            // pixels, as sent
    qint64 originalBytes = 0;
    QImage image;          // the decoded picture, kept to re-encode smaller when the request is too big
    QImage thumbnail;
    QString error;         // translated; the slot shows it

    bool isValid() const { return error.isEmpty() && (source == Source::Url || !encoded.isEmpty()); }
    // What goes into the request: a data URI or the link.
    QString requestValue() const;
    qint64 requestBytes() const;
};
Q_DECLARE_METATYPE(PreparedImage)

namespace ImagePreparer {
constexpr int DefaultMaxSide = 2048;
constexpr qint64 MaxFileBytes = 200LL * 1024 * 1024;

PreparedImage fromFile(const QString &path, int maxSide = DefaultMaxSide);
PreparedImage fromData(const QByteArray &data, const QString &origin, int maxSide = DefaultMaxSide);
PreparedImage fromImage(const QImage &image, const QString &origin, int maxSide = DefaultMaxSide);
// http/https links only; anything else is refused with a message.
PreparedImage fromUrl(const QUrl &url);
// A picture as batch jobs and boards name it: an http(s) link, else a file.
PreparedImage fromSource(const QString &source, int maxSide = DefaultMaxSide);
// The same picture encoded again, at most maxSide pixels and the given JPEG quality.
PreparedImage reencoded(const PreparedImage &image, int maxSide, int quality);

// The same, on a worker thread: the UI thread never decodes a picture.
QFuture<PreparedImage> fromFileAsync(const QString &path, int maxSide = DefaultMaxSide);
QFuture<PreparedImage> fromDataAsync(const QByteArray &data, const QString &origin, int maxSide = DefaultMaxSide);
QFuture<PreparedImage> fromImageAsync(const QImage &image, const QString &origin, int maxSide = DefaultMaxSide);
} // namespace ImagePreparer
