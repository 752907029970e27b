#pragma once

#include "library/VideoPlayer.h"

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoWidget;

// Plays a finished video: the local file, or the platform's link while the download is not done.
// Play/pause, seek bar with times, volume and mute, loop, full screen. A missing codec says which
// packages to install. Built into the yuanjing-player module, loaded on the first Play.
class PlayerWidget : public VideoPlayer
{
    Q_OBJECT
public:
    explicit PlayerWidget(QWidget *parent = nullptr);
    ~PlayerWidget() override;

    void setSource(const QUrl &url) override;
    QUrl source() const override;
    void play() override;
    void stop() override;
    bool hasStarted() const override;
    qint64 positionMs() const override;
    QString errorText() const override;
    void pause() override;
    void seek(qint64 ms) override;
    qint64 position() const override;
    qint64 duration() const override;
    void setPreview(bool on) override;
    QMediaPlayer *player() const { return m_player; }
    QLabel *errorLabel() const { return m_error; }
    QToolButton *playButton() const { return m_play; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTimes();
    void toggleFullScreen();

    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    QVideoWidget *m_video;
    QToolButton *m_play;
    QSlider *m_seek;
    QLabel *m_time;
    QToolButton *m_mute;
    QSlider *m_volume;
    QToolButton *m_loop;
    QToolButton *m_full;
    QLabel *m_error;
};
