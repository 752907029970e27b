#include "video/ImagePreparer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QScopeGuard>
#include <QtEndian>
#include <QtConcurrent>

namespace {
PreparedImage failure(PreparedImage::Source source, const QString &origin, const QString &error)
{
    PreparedImage p;
    p.source = source;
    p.origin = origin;
    p.error = error;
    return p;
}

QSize boundedSize(QSize size, int maxSide)
{
    if (size.width() > maxSide || size.height() > maxSide)
        size.scale(maxSide, maxSide, Qt::KeepAspectRatio);
    return size;
}

void encodeInto(PreparedImage &p, const QImage &image, int quality)
{
    QBuffer buffer(&p.encoded);
    buffer.open(QIODevice::WriteOnly);
    p.encoded.clear();
    if (image.hasAlphaChannel()) {
        QImageWriter writer(&buffer, "png");
        writer.setCompression(9);
        writer.write(image);
        p.mimeType = QStringLiteral("image/png");
    } else {
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(quality);
        writer.setOptimizedWrite(true);
        writer.write(image.convertToFormat(QImage::Format_RGB32));
        p.mimeType = QStringLiteral("image/jpeg");
    }
    p.size = image.size();
}

PreparedImage finish(PreparedImage p, QImage image, int maxSide)
{
    p.originalSize = image.size();
    if (image.width() > maxSide || image.height() > maxSide)
        image = image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // Transparent pixels stay PNG; a picture that only has an unused alpha channel becomes JPEG.
    if (image.hasAlphaChannel()) {
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        bool opaque = true;
        for (int y = 0; y < argb.height() && opaque; ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
            for (int x = 0; x < argb.width(); ++x) {
                if (qAlpha(line[x]) != 255) {
                    opaque = false;
                    break;
                }
            }
        }
        if (opaque)
            image = argb.convertToFormat(QImage::Format_RGB32);
    }
    encodeInto(p, image, 90);
    p.image = image;
    p.thumbnail = image.scaled(320, 320, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return p;
}

// A PNG whose chunks claim more bytes than the file holds is damaged. It is refused before libpng sees
// it: libpng allocates a chunk's claimed length before reading it (an 89-byte file with an eXIf chunk
// of 4 GB asked for 1.5 GB; found by fuzz/image_preparer), and the image reader's allocation limit
// only covers the picture itself. Other formats pass unchecked.
QString damaged()
{
    return QCoreApplication::translate("ImagePreparer", "The picture is damaged (a part of it claims more bytes than the file holds).");
}

bool pngChunksFit(QIODevice *device)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    const qint64 start = device->pos();
    const qint64 size = device->size();
    const auto restore = qScopeGuard([&] { device->seek(start); });
    if (device->peek(8) != signature)
        return true;
    qint64 at = start + 8;
    while (at + 12 <= size) {
        if (!device->seek(at))
            return false;
        const QByteArray head = device->read(8);
        if (head.size() != 8)
            return false;
        const quint32 length = qFromBigEndian<quint32>(head.constData());
        if (length > 0x7fffffffu || at + 12 + qint64(length) > size) // PNG's own limit is 2^31 - 1
            return false;
        if (head.mid(4, 4) == "IEND")
            return true;
        at += 12 + qint64(length);
    }
    return false; // no IEND: cut short
}

PreparedImage decode(QImageReader &reader, PreparedImage::Source source, const QString &origin, qint64 bytes, int maxSide)
{
    reader.setAutoTransform(true); // EXIF orientation
    // Always a scaled size, so the decoder may decode smaller (JPEG does) and never hands back more than
    // twice maxSide. Memory stays under the allocation limit set once at start-up
    // (Hardening::applyProcessLimits): this function runs on worker threads and must not change it.
    const QSize raw = reader.size();
    if (raw.isValid())
        reader.setScaledSize(boundedSize(raw, maxSide * 2));
    QImage image = reader.read();
    if (image.isNull()) {
        const qint64 limitBytes = qint64(QImageReader::allocationLimit()) * 1024 * 1024;
        if (raw.isValid() && limitBytes > 0 && qint64(raw.width()) * raw.height() * 4 > limitBytes)
            return failure(source, origin,
                           QCoreApplication::translate("ImagePreparer", "The picture is too large to read (%1 × %2 pixels; at most about %3 megapixels).")
                               .arg(raw.width())
                               .arg(raw.height())
                               .arg(limitBytes / 4 / 1000000));
        return failure(source, origin,
                       reader.error() == QImageReader::UnsupportedFormatError
                           ? QCoreApplication::translate("ImagePreparer", "This is not a picture the app can read (%1).").arg(reader.errorString())
                           : QCoreApplication::translate("ImagePreparer", "The picture cannot be read: %1").arg(reader.errorString()));
    }
    PreparedImage p;
    p.source = source;
    p.origin = origin;
    p.originalBytes = bytes;
    p = finish(p, image, maxSide);
    // The pixel size the user knows is the original's (oriented), not the decoder's reduced one.
    if (raw.isValid() && reader.scaledSize().isValid()) {
        const bool rotated = image.width() > image.height() ? raw.width() < raw.height() : raw.width() > raw.height();
        p.originalSize = rotated ? raw.transposed() : raw;
    }
    return p;
}
} // namespace

QString PreparedImage::requestValue() const
{
    if (source == Source::Url)
        return url.toString();
    return QStringLiteral("data:%1;base64,").arg(mimeType) + QString::fromLatin1(encoded.toBase64());
}

qint64 PreparedImage::requestBytes() const
{
    if (source == Source::Url)
        return url.toString().toUtf8().size();
    return 5 + mimeType.size() + 8 + (encoded.size() + 2) / 3 * 4;
}

namespace ImagePreparer {

PreparedImage fromFile(const QString &path, int maxSide)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(PreparedImage::Source::File, path, QCoreApplication::translate("ImagePreparer", "The file does not exist."));
    if (!info.isFile() || !info.isReadable())
        return failure(PreparedImage::Source::File, path, QCoreApplication::translate("ImagePreparer", "The file cannot be read."));
    if (info.size() == 0)
        return failure(PreparedImage::Source::File, path, QCoreApplication::translate("ImagePreparer", "The file is empty."));
    if (info.size() > MaxFileBytes)
        return failure(PreparedImage::Source::File, path,
                       QCoreApplication::translate("ImagePreparer", "The file is too large (%1 MB; at most %2 MB).").arg(info.size() / 1000000).arg(MaxFileBytes / 1000000));
    {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && !pngChunksFit(&file))
            return failure(PreparedImage::Source::File, path, damaged());
    }
    QImageReader reader(path);
    return decode(reader, PreparedImage::Source::File, path, info.size(), maxSide);
}

PreparedImage fromData(const QByteArray &data, const QString &origin, int maxSide)
{
    if (data.isEmpty())
        return failure(PreparedImage::Source::Data, origin, QCoreApplication::translate("ImagePreparer", "The picture is empty."));
    if (data.size() > MaxFileBytes)
        return failure(PreparedImage::Source::Data, origin, QCoreApplication::translate("ImagePreparer", "The picture is too large."));
    QByteArray copy = data;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    if (!pngChunksFit(&buffer))
        return failure(PreparedImage::Source::Data, origin, damaged());
    QImageReader reader(&buffer);
    return decode(reader, PreparedImage::Source::Data, origin, data.size(), maxSide);
}

PreparedImage fromImage(const QImage &image, const QString &origin, int maxSide)
{
    if (image.isNull())
        return failure(PreparedImage::Source::Data, origin, QCoreApplication::translate("ImagePreparer", "The picture is empty."));
    PreparedImage p;
    p.source = PreparedImage::Source::Data;
    p.origin = origin;
    p = finish(p, image, maxSide);
    p.originalBytes = p.encoded.size();
    return p;
}

PreparedImage fromUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return failure(PreparedImage::Source::Url, url.toString(), QCoreApplication::translate("ImagePreparer", "Only http and https links to pictures can be used."));
    PreparedImage p;
    p.source = PreparedImage::Source::Url;
    p.origin = url.toString();
    p.url = url;
    return p;
}

PreparedImage reencoded(const PreparedImage &image, int maxSide, int quality)
{
    if (image.source == PreparedImage::Source::Url || image.image.isNull())
        return image;
    PreparedImage p = image;
    QImage scaled = image.image;
    if (scaled.width() > maxSide || scaled.height() > maxSide)
        scaled = scaled.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    encodeInto(p, scaled, quality);
    return p;
}

QFuture<PreparedImage> fromFileAsync(const QString &path, int maxSide)
{
    return QtConcurrent::run([path, maxSide] { return fromFile(path, maxSide); });
}

QFuture<PreparedImage> fromDataAsync(const QByteArray &data, const QString &origin, int maxSide)
{
    return QtConcurrent::run([data, origin, maxSide] { return fromData(data, origin, maxSide); });
}

QFuture<PreparedImage> fromImageAsync(const QImage &image, const QString &origin, int maxSide)
{
    return QtConcurrent::run([image, origin, maxSide] { return fromImage(image, origin, maxSide); });
}

} // namespace ImagePreparer

PreparedImage ImagePreparer::fromSource(const QString &source, int maxSide)
{
    return source.startsWith(QLatin1String("http://")) || source.startsWith(QLatin1String("https://"))
               ? fromUrl(QUrl(source))
               : fromFile(source, maxSide);
}
