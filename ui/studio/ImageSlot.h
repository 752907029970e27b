#pragma once

#include "video/ImagePreparer.h"

#include <QFrame>
#include <QFutureWatcher>

class MediaJob;
class QLabel;
class QMimeData;
class QPushButton;

// One picture of a video request (first frame, last frame, a reference). Takes a file dropped from the
// file manager, a picture or a picture's link dropped from a browser, Ctrl+V (a screenshot), or a click
// to choose a file. Pictures are prepared on a worker thread; the slot shows a thumbnail, the pixel and
// file size, or what is wrong.
class ImageSlot : public QFrame
{
    Q_OBJECT
public:
    ImageSlot(const QString &title, bool required, QWidget *parent = nullptr);

    const PreparedImage &image() const { return m_image; }
    void setImage(const PreparedImage &image);
    // True from a drop until its picture is prepared (the watcher alone says "done" before it has told us).
    bool isLoading() const { return m_loading; }
    bool hasImage() const { return m_image.source != PreparedImage::Source::None; }
    void clear();
    QString errorText() const;
    // Accepts what a drop or a paste carries; returns false when there is no picture in it.
    bool takeMimeData(const QMimeData *data);
    void loadFile(const QString &path);

signals:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void startPreparing(const QFuture<PreparedImage> &future, const QString &origin);
    void onPrepared();
    void refresh();
    void choose();

    QString m_title;
    bool m_required;
    PreparedImage m_image;
    QFutureWatcher<PreparedImage> *m_watcher;
    QLabel *m_preview;
    QLabel *m_info;
    QPushButton *m_clear;
    bool m_loading = false;
    MediaJob *m_frameJob = nullptr; // a dropped video frame being decoded
};
