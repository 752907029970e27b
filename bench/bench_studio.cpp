// Video Studio benchmark (BENCHMARKS.md): dropping a 50-megapixel JPEG on a picture slot. Measures the
// time until the slot is ready and the longest stall of the UI thread's event loop meanwhile.
#include "BenchSupport.h"
#include "core/AppCore.h"
#include "studio/ImageSlot.h"
#include "studio/StudioForm.h"
#include "studio/StudioTab.h"

#include <QApplication>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QImageWriter>
#include <QMimeData>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 3;
    QTemporaryDir dir;

    // A photo-like 50 MP picture: gradients and noise, saved as a quality-90 JPEG.
    const QSize size(8660, 5774);
    QImage photo(size, QImage::Format_RGB32);
    {
        QPainter p(&photo);
        QLinearGradient g(0, 0, size.width(), size.height());
        g.setColorAt(0, QColor(30, 90, 160));
        g.setColorAt(1, QColor(230, 180, 90));
        p.fillRect(photo.rect(), g);
    }
    auto *rng = QRandomGenerator::global();
    for (int y = 0; y < size.height(); ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(photo.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int n = int(rng->bounded(24)) - 12;
            line[x] = qRgb(qBound(0, qRed(line[x]) + n, 255), qBound(0, qGreen(line[x]) + n, 255), qBound(0, qBlue(line[x]) + n, 255));
        }
    }
    const QString path = dir.filePath(QStringLiteral("photo-50mp.jpg"));
    QImageWriter writer(path, "jpeg");
    writer.setQuality(90);
    writer.write(photo);
    photo = QImage();
    out << "picture: " << size.width() << "x" << size.height() << " (" << size.width() * qint64(size.height()) / 1000000
        << " MP), " << QFileInfo(path).size() / (1024 * 1024) << " MiB JPEG\n";

    AppCore core(BenchSupport::optionsIn(dir, true));
    BenchSupport::start(core);
    StudioTab tab(&core);
    tab.resize(1100, 800);
    tab.show();
    tab.selectModel(QStringLiteral("x4HksKp9mXR1Yv60mw6Py"));
    QCoreApplication::processEvents();

    for (int run = 0; run < runs; ++run) {
        ImageSlot *slot = tab.form()->imageSlot(QStringLiteral("image_file1"));
        slot->clear();
        QCoreApplication::processEvents();
        qint64 worst = 0;
        QElapsedTimer tick;
        QTimer meter;
        meter.setInterval(1);
        meter.setTimerType(Qt::PreciseTimer);
        QObject::connect(&meter, &QTimer::timeout, [&] {
            worst = qMax(worst, tick.nsecsElapsed());
            tick.restart();
        });
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        const QPoint pos = slot->rect().center();
        QElapsedTimer clock;
        tick.start();
        meter.start();
        clock.start();
        QDragEnterEvent enter(pos, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(slot, &enter);
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(slot, &drop);
        const double dropMs = clock.nsecsElapsed() / 1e6;
        while (slot->isLoading())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        slot->repaint();
        const double readyMs = clock.nsecsElapsed() / 1e6;
        meter.stop();
        worst = qMax(worst, qint64(dropMs * 1e6));
        out << QStringLiteral("run %1: drop handled in %2 ms, slot ready in %3 ms (%4, sent as %5x%6), longest UI stall %7 ms\n")
                   .arg(run + 1)
                   .arg(dropMs, 0, 'f', 1)
                   .arg(readyMs, 0, 'f', 0)
                   .arg(slot->image().isValid() ? QStringLiteral("valid") : slot->errorText())
                   .arg(slot->image().size.width())
                   .arg(slot->image().size.height())
                   .arg(worst / 1e6, 0, 'f', 1);
        out.flush();
    }
    return 0;
}
