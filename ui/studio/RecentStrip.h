#pragma once

#include "store/TaskStore.h"

#include <QWidget>

class AppCore;
class CoverDelegate;
class QLabel;
class QListView;
class QModelIndex;
class QStackedWidget;
class QTimer;
class QToolButton;
class VideoPlayer;

// Beside the Studio's form: its latest tasks as cards (cover or progress, state, elapsed time), live
// from the Library's model, and a player. A click on a finished one plays it here; the cover's icon
// (or the context menu) puts its settings back in the form. So a video is made and watched without
// leaving the tab.
class RecentStrip : public QWidget
{
    Q_OBJECT
public:
    static constexpr int Shown = 12;

    explicit RecentStrip(AppCore *core, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    // Made on the first Play (the module loads then); nullptr before, or when it cannot be loaded.
    VideoPlayer *player() const { return m_player; }
    // Plays the task of this row of the strip; false when it has nothing to play yet.
    bool playRow(int row);

signals:
    void reuseRequested(const VideoTask &task);

private:
    void updateEmpty();
    void showMenu(const QPoint &pos);

    AppCore *m_core;
    QListView *m_view;
    CoverDelegate *m_delegate;
    QStackedWidget *m_pages;
    QWidget *m_playerBox;
    QLabel *m_playing;
    QToolButton *m_closePlayer;
    QWidget *m_playerSlot;
    VideoPlayer *m_player = nullptr;
    QTimer *m_tick;
    bool m_reused = false;
};
