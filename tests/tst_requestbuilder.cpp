// Golden request bodies for every model, exact to the byte; the request size limit.
#include "TestSupport.h"
#include "video/ModelCatalog.h"
#include "video/RequestBuilder.h"

#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

class TestRequestBuilder : public QObject
{
    Q_OBJECT
    ModelCatalog m_catalog;

    static QMap<QString, PreparedImage> links(const ModelSpec &spec)
    {
        QMap<QString, PreparedImage> images;
        for (const FieldSpec *f : spec.imageFields())
            images.insert(f->key, ImagePreparer::fromUrl(QUrl(QStringLiteral("https://example.com/%1.jpg").arg(f->key))));
        return images;
    }
    static QImage noise(int w, int h)
    {
        QImage image(w, h, QImage::Format_RGB32);
        auto *rng = QRandomGenerator::global();
        for (int y = 0; y < h; ++y) {
            QRgb *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < w; ++x)
                line[x] = rng->generate() | 0xff000000;
        }
        return image;
    }

private slots:
    void initTestCase() { m_catalog.load(QString()); }

    void golden_data()
    {
        QTest::addColumn<QString>("llmid");
        QTest::addColumn<QVariantMap>("changes");
        QTest::addColumn<QByteArray>("expected");
        const QVariantMap none;
        QTest::newRow("seedance t2v") << "CrEMkFQfRCmbmopZsCqLj" << none
            << QByteArray("{\"duration\":12,\"llmid\":\"CrEMkFQfRCmbmopZsCqLj\",\"prompt\":\"一只猫\",\"resolution\":\"1080p\"}");
        QTest::newRow("seedance t2v, ratio set") << "CrEMkFQfRCmbmopZsCqLj"
            << QVariantMap{{QStringLiteral("radio"), QStringLiteral("9:16")}, {QStringLiteral("duration"), QStringLiteral("5")}}
            << QByteArray("{\"duration\":5,\"llmid\":\"CrEMkFQfRCmbmopZsCqLj\",\"prompt\":\"一只猫\",\"radio\":\"9:16\",\"resolution\":\"1080p\"}");
        QTest::newRow("wan t2v") << "u9HZyfDoqU6uKI6M1BTks" << none
            << QByteArray("{\"duration\":15,\"llmid\":\"u9HZyfDoqU6uKI6M1BTks\",\"prompt\":\"一只猫\",\"size\":\"1920*1080\"}");
        QTest::newRow("wan t2v, negative prompt") << "u9HZyfDoqU6uKI6M1BTks"
            << QVariantMap{{QStringLiteral("negative_prompt"), QStringLiteral("模糊")}, {QStringLiteral("size"), QStringLiteral("720*1280")}}
            << QByteArray("{\"duration\":15,\"llmid\":\"u9HZyfDoqU6uKI6M1BTks\",\"negative_prompt\":\"模糊\",\"prompt\":\"一只猫\",\"size\":\"720*1280\"}");
        QTest::newRow("vidu t2v") << "r0ill7L0s6PtBS8mkmg-7" << QVariantMap{{QStringLiteral("off_peak"), QStringLiteral("Y")}}
            << QByteArray("{\"duration\":10,\"llmid\":\"r0ill7L0s6PtBS8mkmg-7\",\"off_peak\":\"Y\",\"prompt\":\"一只猫\",\"ratio\":\"16:9\",\"resolution\":\"1080p\"}");
        QTest::newRow("seedance 2.0") << "YjjGgxO_Xma8PWsMjJvps" << none
            << QByteArray("{\"llmid\":\"YjjGgxO_Xma8PWsMjJvps\",\"prompt\":\"一只猫\"}");
        QTest::newRow("seedance i2v") << "7RTOJD6K8A7RXCMG4GnQ9" << none
            << QByteArray("{\"duration\":12,\"image_file1\":\"https://example.com/image_file1.jpg\",\"image_file2\":\"https://example.com/image_file2.jpg\",\"llmid\":\"7RTOJD6K8A7RXCMG4GnQ9\",\"prompt\":\"一只猫\",\"resolution\":\"1080p\"}");
        QTest::newRow("vidu i2v") << "FK_h7FLYnosv2TkMN4ATC" << QVariantMap{{QStringLiteral("model"), QStringLiteral("viduq2-turbo")}}
            << QByteArray("{\"duration\":10,\"image_file1\":\"https://example.com/image_file1.jpg\",\"image_file2\":\"https://example.com/image_file2.jpg\",\"llmid\":\"FK_h7FLYnosv2TkMN4ATC\",\"model\":\"viduq2-turbo\",\"off_peak\":\"N\",\"prompt\":\"一只猫\",\"ratio\":\"16:9\",\"resolution\":\"1080p\"}");
        QTest::newRow("wan i2v") << "x4HksKp9mXR1Yv60mw6Py" << none
            << QByteArray("{\"duration\":15,\"image_file1\":\"https://example.com/image_file1.jpg\",\"image_file2\":\"https://example.com/image_file2.jpg\",\"llmid\":\"x4HksKp9mXR1Yv60mw6Py\",\"prompt\":\"一只猫\",\"size\":\"1920*1080\"}");
        QTest::newRow("seedance r2v") << "VooAIOtJdawpZjusWEzrh" << QVariantMap{{QStringLiteral("radio"), QStringLiteral("21:9")}}
            << QByteArray("{\"duration\":12,\"image_file1\":\"https://example.com/image_file1.jpg\",\"image_file2\":\"https://example.com/image_file2.jpg\",\"image_file3\":\"https://example.com/image_file3.jpg\",\"llmid\":\"VooAIOtJdawpZjusWEzrh\",\"prompt\":\"一只猫\",\"radio\":\"21:9\",\"resolution\":\"1080p\"}");
    }
    void golden()
    {
        QFETCH(QString, llmid);
        QFETCH(QVariantMap, changes);
        QFETCH(QByteArray, expected);
        const ModelSpec *spec = m_catalog.model(llmid);
        QVERIFY(spec);
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), QStringLiteral("  一只猫 "));
        for (auto it = changes.cbegin(); it != changes.cend(); ++it)
            values.insert(it.key(), it.value());
        const RequestBuilder::Result r = RequestBuilder::build(*spec, values, links(*spec), 1024 * 1024);
        QVERIFY2(r.ok(), qPrintable(r.error + QStringList(r.fieldErrors.values()).join(QLatin1Char(';'))));
        QCOMPARE(QJsonDocument(r.body).toJson(QJsonDocument::Compact), expected);
    }

    void unknownKeysAreNeverSent()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("u9HZyfDoqU6uKI6M1BTks"));
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), QStringLiteral("x"));
        values.insert(QStringLiteral("ratio"), QStringLiteral("16:9")); // Vidu's, not Wan's
        const RequestBuilder::Result r = RequestBuilder::build(*spec, values, {}, 1024 * 1024);
        QVERIFY(!r.body.contains(QLatin1String("ratio")));
    }

    void invalidValuesAreRefusedPerField()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("FK_h7FLYnosv2TkMN4ATC"));
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("duration"), QStringLiteral("40"));
        const RequestBuilder::Result r = RequestBuilder::build(*spec, values, {}, 1024 * 1024);
        QVERIFY(!r.ok());
        QVERIFY(r.fieldErrors.contains(QStringLiteral("prompt")));
        QVERIFY(r.fieldErrors.contains(QStringLiteral("duration")));
        QVERIFY(r.fieldErrors.contains(QStringLiteral("image_file1")));
        QVERIFY(r.fieldErrors.contains(QStringLiteral("image_file2")));
        QVERIFY(!r.fieldErrors.contains(QStringLiteral("ratio")));
    }

    void localImagesBecomeDataUris()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("VooAIOtJdawpZjusWEzrh"));
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), QStringLiteral("x"));
        QImage image(64, 32, QImage::Format_RGB32);
        image.fill(Qt::blue);
        const RequestBuilder::Result r =
            RequestBuilder::build(*spec, values, {{QStringLiteral("image_file1"), ImagePreparer::fromImage(image, QStringLiteral("t"))}}, 1024 * 1024);
        QVERIFY(r.ok());
        const QString uri = r.body.value(QLatin1String("image_file1")).toString();
        QVERIFY(uri.startsWith(QLatin1String("data:image/jpeg;base64,")));
        const QImage back = QImage::fromData(QByteArray::fromBase64(uri.mid(uri.indexOf(QLatin1Char(',')) + 1).toLatin1()));
        QCOMPARE(back.size(), QSize(64, 32));
        QVERIFY(!r.body.contains(QLatin1String("image_file2")));
    }

    void imagesShrinkToFitTheLimit()
    {
        const ModelSpec *spec = m_catalog.model(QStringLiteral("x4HksKp9mXR1Yv60mw6Py"));
        QVariantMap values = spec->defaults();
        values.insert(QStringLiteral("prompt"), QStringLiteral("x"));
        // Noise compresses badly: two such 1600-px pictures are several MB as JPEG.
        const PreparedImage big = ImagePreparer::fromImage(noise(1600, 1200), QStringLiteral("noise"));
        QVERIFY(big.requestBytes() > 1024 * 1024);
        const QMap<QString, PreparedImage> images{{QStringLiteral("image_file1"), big}, {QStringLiteral("image_file2"), big}};
        const RequestBuilder::Result r = RequestBuilder::build(*spec, values, images, 1024 * 1024);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.bytes <= 1024 * 1024);
        QCOMPARE(QJsonDocument(r.body).toJson(QJsonDocument::Compact).size(), r.bytes);
        QVERIFY(r.images.value(QStringLiteral("image_file1")).size.width() < 1600);

        const RequestBuilder::Result tooSmall = RequestBuilder::build(*spec, values, images, 20 * 1024);
        QVERIFY(!tooSmall.ok());
        QVERIFY(tooSmall.error.contains(QLatin1String("20 KiB")));
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
