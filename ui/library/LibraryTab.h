#pragma once

#include "store/TaskStore.h"

#include <QImage>
#include <QJsonObject>
#include <QPersistentModelIndex>
#include <QWidget>

class AppCore;
class MediaJob;
class CoverDelegate;
class LibraryFilterModel;
class Thumbnails;
class VideoPlayer;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QToolButton;
class CompareView;
class QGridLayout;
class QTimer;

// The Library: every video task as a grid of covers with its state, filters and a search; the selected
// one in detail, with the player and the actions (open, show in folder, copy prompt, run again, delete,
// stop watching).
class LibraryTab : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryTab(AppCore *core, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    LibraryFilterModel *filter() const { return m_filter; }
    // Made on first use: starting the media back end (GStreamer) costs time and memory at start-up.
    // Made on the first Play; nullptr if the player module cannot be loaded (the slot says why).
    VideoPlayer *player();
    QLabel *details() const { return m_details; }
    QLabel *poster() const { return m_poster; } // the selected video's cover, until the first Play
    QWidget *noSelection() const { return m_noSelection; }
    QWidget *actions() const { return m_actions; }
    qint64 currentTaskId() const { return m_current; }
    void selectTask(qint64 id);
    // The actions, callable from tests and shortcuts.
    void playCurrent();
    void copyPrompt();
    void deleteCurrent(bool askFirst = true, bool deleteFile = false);
    void stopWatching();
    void giveTaskId();
    void placeButtons();
    // Takes the frame shown at the player's position (the first when it has not played) for a new
    // Studio task, in the field of `role` (first_frame, last_frame, reference); frameChosen follows.
    void useFrame(const QString &role);
    // The video's very last frame as the first frame of an image-to-video task.
    void continueFromLastFrame();
    QPushButton *useFrameButton() const { return m_useFrame; }
    QPushButton *continueButton() const { return m_continue; }
    // What went wrong taking a frame (empty when nothing did).
    QLabel *frameStatus() const { return m_frameStatus; }
    // The star of the selected task, and the filter that shows starred tasks only.
    QPushButton *favouriteButton() const { return m_star; }
    QToolButton *favouritesFilter() const { return m_favourites; }
    // The takes of the selected task's comparison side by side again (a window of its own).
    QPushButton *sideBySideButton() const { return m_sideBySide; }
    CompareView *showComparison();
    // The muted preview that plays on a card under the pointer (made on the first hover that lasts);
    // nullptr before.
    VideoPlayer *preview() const { return m_preview; }
    // Starts the preview of this row of the grid at once, as a lasting hover does (tests).
    bool previewRow(int row);

    // A task's usage (the platform's JSON) in words.
    static QString usageInWords(const QJsonObject &usage);

signals:
    void rerunRequested(const VideoTask &task);
    // The empty Library's one action.
    void studioRequested();
    void frameChosen(const QImage &frame, const QString &role, const QString &origin);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void stopPreview();
    void onCurrentChanged();
    void showDetails(const VideoTask &task);
    void fitPoster();
    void refreshModels();
    void takeFrame(int where, double seconds, const QString &role);

    AppCore *m_core;
    LibraryFilterModel *m_filter;
    CoverDelegate *m_delegate;
    QLineEdit *m_search;
    QComboBox *m_state;
    QComboBox *m_mode;
    QComboBox *m_model;
    QListView *m_view;
    VideoPlayer *m_player = nullptr;
    bool m_playerMissing = false;
    QWidget *m_playerSlot;
    QLabel *m_poster;
    QString m_posterPath; // the selected video's cover, shown until the first Play
    Thumbnails *m_posters;
    VideoPlayer *m_preview = nullptr;
    QTimer *m_previewTimer;
    QPersistentModelIndex m_hovered;
    QWidget *m_empty;
    QWidget *m_noSelection; // in the player's place while no video is selected
    QWidget *m_actions;     // the buttons, shown with a selected video
    QLabel *m_details;
    QPushButton *m_play;
    QPushButton *m_open;
    QPushButton *m_folder;
    QPushButton *m_copy;
    QPushButton *m_rerun;
    QPushButton *m_delete;
    QPushButton *m_stop;
    QPushButton *m_checkAgain = nullptr;
    QGridLayout *m_buttonGrid = nullptr;
    QList<QPushButton *> m_buttons;
    QPushButton *m_giveTaskId = nullptr;
    QPushButton *m_retry;
    QPushButton *m_useFrame;
    QPushButton *m_continue;
    QLabel *m_frameStatus;
    MediaJob *m_frameJob = nullptr;
    QPushButton *m_star;
    QPushButton *m_sideBySide;
    QToolButton *m_favourites;
    qint64 m_current = 0;
};
