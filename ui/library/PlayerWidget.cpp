#include "library/PlayerWidget.h"
#include "common/Theme.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaPlayer>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace {
QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

PlayerWidget::PlayerWidget(QWidget *parent)
    : VideoPlayer(parent), m_player(new QMediaPlayer(this)), m_audio(new QAudioOutput(this)), m_video(new QVideoWidget(this))
{
    m_player->setAudioOutput(m_audio);
    m_player->setVideoOutput(m_video);
    m_video->setMinimumHeight(200);
    m_video->installEventFilter(this);
    m_video->setAccessibleName(tr("Video"));

    m_play = new QToolButton(this);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setAccessibleName(tr("Play"));
    m_play->setToolTip(tr("Play / pause (Space)"));
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setAccessibleName(tr("Position"));
    m_seek->setMinimumWidth(80);
    m_time = new QLabel(QStringLiteral("0:00 / 0:00"), this);
    m_mute = new QToolButton(this);
    m_mute->setCheckable(true);
    m_mute->setIcon(style()->standardIcon(QStyle::SP_MediaVolume));
    m_mute->setAccessibleName(tr("Mute"));
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setMaximumWidth(90);
    m_volume->setMinimumWidth(56); // a slider squeezed to a dot cannot be grabbed
    m_volume->setAccessibleName(tr("Volume"));
    m_loop = new QToolButton(this);
    m_loop->setText(tr("Loop"));
    m_loop->setCheckable(true);
    m_full = new QToolButton(this);
    m_full->setText(tr("Full screen"));
    m_full->setToolTip(tr("Full screen (double-click the video; Esc leaves)"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    Theme::apply(m_error, Theme::Tone::Error);
    m_error->setVisible(false);
    m_audio->setVolume(0.8f);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_seek, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_mute);
    controls->addWidget(m_volume);
    controls->addWidget(m_loop);
    controls->addWidget(m_full);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_video, 1);
    layout->addLayout(controls);
    layout->addWidget(m_error);

    connect(m_play, &QToolButton::clicked, this, [this] {
        if (m_player->playbackState() == QMediaPlayer::PlayingState)
            m_player->pause();
        else
            m_player->play();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        const bool playing = state == QMediaPlayer::PlayingState;
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 d) {
        m_seek->setRange(0, int(d));
        updateTimes();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 p) {
        if (!m_seek->isSliderDown())
            m_seek->setValue(int(p));
        updateTimes();
    });
    connect(m_seek, &QSlider::sliderMoved, m_player, [this](int v) { m_player->setPosition(v); });
    connect(m_seek, &QSlider::sliderReleased, this, [this] { m_player->setPosition(m_seek->value()); });
    connect(m_volume, &QSlider::valueChanged, this, [this](int v) { m_audio->setVolume(v / 100.0f); });
    connect(m_mute, &QToolButton::toggled, this, [this](bool muted) {
        m_audio->setMuted(muted);
        m_mute->setIcon(style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    });
    connect(m_loop, &QToolButton::toggled, this,
            [this](bool loop) { m_player->setLoops(loop ? QMediaPlayer::Infinite : QMediaPlayer::Once); });
    connect(m_full, &QToolButton::clicked, this, &PlayerWidget::toggleFullScreen);
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error error, const QString &text) {
        QString message = tr("Cannot play this video: %1").arg(text);
        if (error == QMediaPlayer::FormatError)
            message += QLatin1Char(' ') + tr("A codec is missing. On Debian or Ubuntu install: "
                                             "sudo apt install gstreamer1.0-plugins-good gstreamer1.0-libav");
        m_error->setText(message);
        m_error->setVisible(true);
    });
}

PlayerWidget::~PlayerWidget()
{
    m_player->stop();
}

void PlayerWidget::setSource(const QUrl &url)
{
    m_error->setVisible(false);
    m_player->stop();
    m_player->setSource(url);
}

QUrl PlayerWidget::source() const
{
    return m_player->source();
}

void PlayerWidget::play()
{
    m_player->play();
}

void PlayerWidget::setPreview(bool on)
{
    m_audio->setMuted(on || m_mute->isChecked());
    m_player->setLoops(on || m_loop->isChecked() ? QMediaPlayer::Infinite : QMediaPlayer::Once);
    m_video->setMinimumHeight(on ? 0 : 200);
    for (QWidget *w : std::initializer_list<QWidget *>{m_play, m_seek, m_time, m_mute, m_volume, m_loop, m_full})
        w->setVisible(!on);
}

void PlayerWidget::stop()
{
    m_player->stop();
}

bool PlayerWidget::hasStarted() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState
           || m_player->mediaStatus() == QMediaPlayer::BufferedMedia || m_player->mediaStatus() == QMediaPlayer::EndOfMedia;
}

QString PlayerWidget::errorText() const
{
    return m_error->isVisibleTo(const_cast<PlayerWidget *>(this)) ? m_error->text() : QString();
}

void PlayerWidget::pause()
{
    m_player->pause();
}

void PlayerWidget::seek(qint64 ms)
{
    m_player->setPosition(ms);
}

qint64 PlayerWidget::position() const
{
    return m_player->position();
}

qint64 PlayerWidget::duration() const
{
    return m_player->duration();
}

void PlayerWidget::updateTimes()
{
    m_time->setText(clock(m_player->position()) + QStringLiteral(" / ") + clock(m_player->duration()));
}

void PlayerWidget::toggleFullScreen()
{
    m_video->setFullScreen(!m_video->isFullScreen());
}

bool PlayerWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_video) {
        if (event->type() == QEvent::MouseButtonDblClick) {
            toggleFullScreen();
            return true;
        }
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Escape && m_video->isFullScreen()) {
                m_video->setFullScreen(false);
                return true;
            }
            if (key->key() == Qt::Key_Space) {
                m_play->click();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

qint64 PlayerWidget::positionMs() const
{
    return m_player->position();
}
