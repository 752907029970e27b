#pragma once

#include <QStringList>
#include <QUrl>
#include <QWidget>

// The video player as the library sees it. The player itself (PlayerWidget) lives in a module of its
// own, yuanjing-player, loaded on the first Play: Qt Multimedia brings some twenty libraries
// (PulseAudio, audio codecs) whose loading cost a quarter of the app's start-up when it was linked in.
class VideoPlayer : public QWidget
{
public:
    using QWidget::QWidget;

    virtual void setSource(const QUrl &url) = 0;
    virtual QUrl source() const = 0;
    virtual void play() = 0;
    virtual void stop() = 0;
    // Playing, or loaded and ready to (tests and accessibility ask).
    virtual bool hasStarted() const = 0;
    // Where playback stands (or was paused), in milliseconds.
    virtual qint64 positionMs() const = 0;
    // What went wrong, as shown under the video; empty when nothing did.
    virtual QString errorText() const = 0;
    // For players kept in step (the Compare grid): pause, seek, and where the video is (ms).
    virtual void pause() {}
    virtual void seek(qint64 ms) { Q_UNUSED(ms) }
    virtual qint64 position() const { return 0; }
    virtual qint64 duration() const { return 0; }
    // A silent, looping preview without controls (the Library's cover under the pointer).
    virtual void setPreview(bool on) { Q_UNUSED(on) }

    // Loads the module and makes a player. nullptr, with the reason in whyNot, if the module is
    // missing or broken (a damaged installation).
    static VideoPlayer *create(QWidget *parent, QString *whyNot = nullptr);
    // The same, looking for the module in these folders only.
    static VideoPlayer *createFrom(const QStringList &folders, QWidget *parent, QString *whyNot);
    // Where the module is looked for: beside the program, where the package installs it, and one
    // folder up (the build tree's tests and benchmarks).
    static QStringList moduleFolders();
};

// What the module exports: a C function that makes the player.
using CreateVideoPlayer = VideoPlayer *(*)(QWidget *parent);
#define YJ_CREATE_PLAYER_SYMBOL "yuanjing_create_player"
