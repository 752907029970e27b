// Pictures made ready off the UI thread: orientation, scaling, format, and every kind of bad input.
#include "TestSupport.h"
#include "core/Hardening.h"
#include "video/ImagePreparer.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QImageWriter>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class TestImagePreparer : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeJpeg(const QString &name, QSize size, QImageIOHandler::Transformation t = QImageIOHandler::TransformationNone)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::red);
        // The top-left quarter green, so that orientation can be checked.
        for (int y = 0; y < size.height() / 2; ++y)
            for (int x = 0; x < size.width() / 2; ++x)
                image.setPixel(x, y, qRgb(0, 255, 0));
        const QString path = m_dir.filePath(name);
        QImageWriter writer(path, "jpeg");
        writer.setTransformation(t);
        writer.write(image);
        return path;
    }

private slots:
    void initTestCase()
    {
        // As both mains do at start-up.
        Hardening::applyProcessLimits();
    }

    // A crafted picture (here a real PNG of 9000 × 9000 one-bit pixels, 10 KB on disk) would need 324 MiB
    // once decoded: refused with a clear message, and preparing pictures never moves the global limit.
    void hugePicturesAreRefusedWithinTheLimit()
    {
        QCOMPARE(QImageReader::allocationLimit(), Hardening::ImageAllocationLimitMiB);
        const PreparedImage small = ImagePreparer::fromFile(writeJpeg(QStringLiteral("small.jpg"), QSize(64, 64)));
        QVERIFY(small.isValid());
        QCOMPARE(QImageReader::allocationLimit(), Hardening::ImageAllocationLimitMiB);
        const PreparedImage p = ImagePreparer::fromFile(QStringLiteral(YJ_FIXTURES_DIR "/huge-9000x9000.png"));
        QVERIFY(!p.isValid());
        QVERIFY2(p.error.contains(QStringLiteral("too large")), qPrintable(p.error));
        QVERIFY(p.error.contains(QStringLiteral("9000")));
        QCOMPARE(QImageReader::allocationLimit(), Hardening::ImageAllocationLimitMiB);
    }

    void exifOrientationIsApplied()
    {
        const QString path = writeJpeg(QStringLiteral("rotated.jpg"), QSize(400, 200), QImageIOHandler::TransformationRotate90);
        const PreparedImage p = ImagePreparer::fromFile(path);
        QVERIFY2(p.isValid(), qPrintable(p.error));
        QCOMPARE(p.originalSize, QSize(200, 400));
        QCOMPARE(p.size, QSize(200, 400));
        QCOMPARE(p.mimeType, QStringLiteral("image/jpeg"));
        // Rotated 90° clockwise: the green quarter moved to the top right.
        const QImage sent = QImage::fromData(p.encoded);
        QVERIFY(qGreen(sent.pixel(150, 50)) > 200);
        QVERIFY(qRed(sent.pixel(50, 300)) > 200);
    }

    void largePicturesAreScaled()
    {
        const QString path = writeJpeg(QStringLiteral("big.jpg"), QSize(6000, 4000));
        const PreparedImage p = ImagePreparer::fromFile(path);
        QVERIFY(p.isValid());
        QCOMPARE(p.originalSize, QSize(6000, 4000));
        QVERIFY(p.size.width() <= ImagePreparer::DefaultMaxSide && p.size.height() <= ImagePreparer::DefaultMaxSide);
        QVERIFY(qAbs(p.size.width() * 2 - p.size.height() * 3) <= 3);
        QVERIFY(!p.thumbnail.isNull());
    }

    void transparencyStaysPng()
    {
        QImage image(100, 100, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        const PreparedImage p = ImagePreparer::fromImage(image, QStringLiteral("clip"));
        QCOMPARE(p.mimeType, QStringLiteral("image/png"));
        QImage opaque(100, 100, QImage::Format_ARGB32);
        opaque.fill(Qt::white);
        QCOMPARE(ImagePreparer::fromImage(opaque, QStringLiteral("clip")).mimeType, QStringLiteral("image/jpeg"));
    }

    void anyReadableFormat()
    {
        QImage image(50, 40, QImage::Format_RGB32);
        image.fill(Qt::yellow);
        for (const char *format : {"png", "bmp", "ppm"}) {
            const QString path = m_dir.filePath(QStringLiteral("pic.") + QLatin1String(format));
            QVERIFY(image.save(path, format));
            const PreparedImage p = ImagePreparer::fromFile(path);
            QVERIFY2(p.isValid(), format);
            QCOMPARE(p.originalSize, QSize(50, 40));
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "png");
        QVERIFY(ImagePreparer::fromData(png, QStringLiteral("drop")).isValid());
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("missing") << "missing";
        QTest::newRow("empty") << "empty";
        QTest::newRow("not an image") << "text";
        QTest::newRow("truncated jpeg") << "truncated";
        QTest::newRow("huge file") << "huge";
    }
    void badInput()
    {
        QFETCH(QString, kind);
        const QString path = m_dir.filePath(kind + QStringLiteral(".jpg"));
        if (kind == QLatin1String("empty")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not a picture at all, just some words");
        } else if (kind == QLatin1String("truncated")) {
            QFile full(writeJpeg(QStringLiteral("whole.jpg"), QSize(300, 300)));
            QVERIFY(full.open(QIODevice::ReadOnly));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(full.read(60));
        } else if (kind == QLatin1String("huge")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(ImagePreparer::MaxFileBytes + 1)); // sparse: costs no disk
        }
        const PreparedImage p = ImagePreparer::fromFile(path);
        QVERIFY(!p.isValid());
        QVERIFY(!p.error.isEmpty());
    }

    // Found by fuzz/image_preparer: 89 bytes of PNG whose eXIf chunk claims 4 GiB made libpng allocate
    // 1.5 GB before reading it. A chunk longer than the file is refused first, from a file or from memory;
    // a whole PNG still reads.
    void pngChunkLongerThanTheFileIsRefused()
    {
        QFile crash(QStringLiteral(YJ_FUZZ_DIR "/regressions/image_preparer/png-exif-chunk-claims-4-gib"));
        QVERIFY(crash.open(QIODevice::ReadOnly));
        const QByteArray bytes = crash.readAll();
        const PreparedImage fromMemory = ImagePreparer::fromData(bytes, QStringLiteral("crash.png"));
        QVERIFY(!fromMemory.isValid());
        QVERIFY2(fromMemory.error.contains(QStringLiteral("damaged")), qPrintable(fromMemory.error));
        const QString path = m_dir.filePath(QStringLiteral("crash.png"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const PreparedImage fromFile = ImagePreparer::fromFile(path);
        QVERIFY(!fromFile.isValid());
        QVERIFY2(fromFile.error.contains(QStringLiteral("damaged")), qPrintable(fromFile.error));

        QImage image(40, 30, QImage::Format_ARGB32);
        image.fill(qRgba(10, 20, 30, 128));
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(image.save(&buffer, "png"));
        QVERIFY(ImagePreparer::fromData(png, QStringLiteral("fine.png")).isValid());
        QVERIFY(!ImagePreparer::fromData(png.left(png.size() - 20), QStringLiteral("cut.png")).isValid()); // IEND cut off
    }

    void linksMustBeHttp()
    {
        QVERIFY(ImagePreparer::fromUrl(QUrl(QStringLiteral("https://example.com/a.png"))).isValid());
        QVERIFY(!ImagePreparer::fromUrl(QUrl(QStringLiteral("ftp://example.com/a.png"))).isValid());
        QVERIFY(!ImagePreparer::fromUrl(QUrl(QStringLiteral("javascript:alert(1)"))).isValid());
        QVERIFY(!ImagePreparer::fromUrl(QUrl(QStringLiteral("file:///etc/passwd"))).isValid());
    }

    void preparedOnAWorkerThread()
    {
        const QString path = writeJpeg(QStringLiteral("async.jpg"), QSize(3000, 2000));
        QFutureWatcher<PreparedImage> watcher;
        QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(ImagePreparer::fromFileAsync(path));
        QVERIFY(done.wait(10000));
        QVERIFY(watcher.result().isValid());
    }
};

QTEST_GUILESS_MAIN(TestImagePreparer)
#include "tst_imagepreparer.moc"
