// Renders the SVG icons of resources/icons to PNG (1x and @2x), so that the app does not load the SVG
// plugin while it starts. Run by scripts/render-icons.sh after changing an SVG; the PNGs are committed.
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc < 4) {
        QTextStream(stderr) << "usage: render_icons SIZE OUTDIR FILE.svg...\n";
        return 2;
    }
    const int size = QString::fromLocal8Bit(argv[1]).toInt();
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    for (int i = 3; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QSvgRenderer renderer(path);
        if (!renderer.isValid())
            return 1;
        const QString base = outDir + QLatin1Char('/') + path.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0);
        for (int scale : {1, 2}) {
            QImage image(size * scale, size * scale, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            renderer.render(&painter);
            painter.end();
            image.save(base + (scale == 2 ? QStringLiteral("@2x.png") : QStringLiteral(".png")));
        }
    }
    return 0;
}
