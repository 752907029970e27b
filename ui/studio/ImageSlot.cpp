#include "studio/ImageSlot.h"

#include "media/Media.h"
#include "common/Theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QImageReader>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>
#include <QFileInfo>

namespace {
QUrl linkIn(const QMimeData *data)
{
    QString text;
    if (data->hasUrls() && !data->urls().isEmpty())
        return data->urls().first();
    if (data->hasText())
        text = data->text().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() ? url : QUrl();
}

bool hasRawImage(const QMimeData *data)
{
    for (const QString &format : data->formats())
        if (format.startsWith(QLatin1String("image/")))
            return true;
    return false;
}
} // namespace

ImageSlot::ImageSlot(const QString &title, bool required, QWidget *parent)
    : QFrame(parent), m_title(title), m_required(required), m_watcher(new QFutureWatcher<PreparedImage>(this))
{
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(220, 170);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(title);
    setToolTip(tr("Drop a picture or a link here, paste one (Ctrl+V), or click to choose a file."));

    m_preview = new QLabel(this);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumHeight(110);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setAlignment(Qt::AlignCenter);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setCursor(Qt::ArrowCursor);
    m_clear->setAccessibleName(tr("Clear %1").arg(title));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_info);
    layout->addWidget(m_clear, 0, Qt::AlignCenter);

    connect(m_clear, &QPushButton::clicked, this, &ImageSlot::clear);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ImageSlot::onPrepared);
    refresh();
}

void ImageSlot::setImage(const PreparedImage &image)
{
    if (m_loading) {
        m_watcher->disconnect(this); // a newer picture replaces the one being prepared
        m_watcher->cancel();
        connect(m_watcher, &QFutureWatcherBase::finished, this, &ImageSlot::onPrepared);
        m_loading = false;
    }
    m_image = image;
    refresh();
    emit changed();
}

void ImageSlot::clear()
{
    setImage(PreparedImage());
}

QString ImageSlot::errorText() const
{
    return m_image.error;
}

void ImageSlot::startPreparing(const QFuture<PreparedImage> &future, const QString &origin)
{
    m_image = PreparedImage();
    m_image.origin = origin;
    m_loading = true;
    m_watcher->setFuture(future);
    refresh();
    emit changed();
}

void ImageSlot::onPrepared()
{
    if (!m_loading || m_watcher->isCanceled() || m_watcher->future().resultCount() == 0)
        return;
    m_loading = false;
    setImage(m_watcher->result());
}

void ImageSlot::loadFile(const QString &path)
{
    startPreparing(ImagePreparer::fromFileAsync(path), path);
}

bool ImageSlot::takeMimeData(const QMimeData *data)
{
    if (!data)
        return false;
    // A video's frame (a Library card): that exact frame, decoded by the media engine on its thread.
    QString video;
    media::FramePosition where = media::FramePosition::First;
    double seconds = 0;
    if (FrameMime::read(data, &video, &where, &seconds)) {
        if (!m_frameJob)
            m_frameJob = new MediaJob(this);
        if (m_frameJob->isRunning())
            return false;
        m_frameJob->disconnect(this);
        const QString origin = where == media::FramePosition::Last
            ? tr("last frame of %1").arg(QFileInfo(video).fileName())
            : tr("frame of %1").arg(QFileInfo(video).fileName());
        connect(m_frameJob, &MediaJob::finished, this, [this, origin](bool ok) {
            if (ok) {
                startPreparing(ImagePreparer::fromImageAsync(m_frameJob->image(), origin), origin);
                return;
            }
            m_loading = false;
            m_image = PreparedImage();
            m_image.origin = origin;
            m_image.error = m_frameJob->errorText();
            refresh();
            emit changed();
        });
        m_image = PreparedImage();
        m_image.origin = origin;
        m_loading = true;
        refresh();
        emit changed();
        m_frameJob->startFrame(video, where, seconds);
        return true;
    }
    // A picture itself (a browser's drag, a screenshot in the clipboard) wins over its link.
    if (data->hasImage()) {
        const QImage image = qvariant_cast<QImage>(data->imageData());
        if (!image.isNull()) {
            startPreparing(ImagePreparer::fromImageAsync(image, tr("pasted picture")), tr("pasted picture"));
            return true;
        }
    }
    if (hasRawImage(data)) {
        for (const QString &format : data->formats()) {
            if (format.startsWith(QLatin1String("image/"))) {
                startPreparing(ImagePreparer::fromDataAsync(data->data(format), tr("dropped picture")), tr("dropped picture"));
                return true;
            }
        }
    }
    const QUrl url = linkIn(data);
    if (url.isLocalFile()) {
        loadFile(url.toLocalFile());
        return true;
    }
    if (url.isValid()) {
        setImage(ImagePreparer::fromUrl(url));
        return true;
    }
    return false;
}

void ImageSlot::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasImage() || hasRawImage(data) || linkIn(data).isValid() || data->hasFormat(QString::fromLatin1(FrameMime::Type)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ImageSlot::dropEvent(QDropEvent *event)
{
    if (takeMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ImageSlot::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        if (!takeMimeData(QApplication::clipboard()->mimeData()))
            setImage([&] {
                PreparedImage p;
                p.source = PreparedImage::Source::Data;
                p.error = tr("The clipboard holds no picture and no link to one.");
                return p;
            }());
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        clear();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Space) {
        choose();
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

void ImageSlot::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    if (event->button() == Qt::LeftButton)
        choose();
}

void ImageSlot::choose()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a picture for %1").arg(m_title), QString(),
                                                      tr("Pictures (%1)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty())
        loadFile(path);
}

void ImageSlot::refresh()
{
    m_clear->setVisible(hasImage() || isLoading());
    if (isLoading()) {
        m_preview->setPixmap({});
        m_preview->setText(tr("Preparing…"));
        m_info->setText(QFileInfo(m_image.origin).fileName());
        m_info->setStyleSheet({});
        return;
    }
    if (!hasImage()) {
        m_preview->setPixmap({});
        m_preview->setText(QStringLiteral("<b>%1</b>%2").arg(m_title, m_required ? QStringLiteral(" *") : QString()));
        m_info->setText(tr("Drop a picture here, paste (Ctrl+V) or click to choose"));
        m_info->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
        return;
    }
    if (!m_image.error.isEmpty()) {
        m_preview->setPixmap({});
        m_preview->setText(QStringLiteral("<b>%1</b>").arg(m_title));
        m_info->setText(m_image.error);
        Theme::apply(m_info, Theme::Tone::Error);
        return;
    }
    Theme::apply(m_info, Theme::Tone::Plain);
    if (m_image.source == PreparedImage::Source::Url) {
        m_preview->setPixmap({});
        m_preview->setText(tr("Link"));
        m_info->setText(m_image.url.toString());
        return;
    }
    const QPixmap pixmap = QPixmap::fromImage(m_image.thumbnail);
    m_preview->setPixmap(pixmap.scaled(m_preview->width() - 8, 120, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    const QLocale locale;
    m_info->setText(tr("%1 × %2 px · %3").arg(m_image.originalSize.width()).arg(m_image.originalSize.height())
                        .arg(locale.formattedDataSize(m_image.originalBytes)));
    m_info->setToolTip(tr("Sent as %1 × %2 px %3, %4").arg(m_image.size.width()).arg(m_image.size.height())
                           .arg(m_image.mimeType, locale.formattedDataSize(m_image.encoded.size())));
}
