#pragma once

#include <QCache>
#include <QJsonObject>
#include <QPixmap>
#include <QPointer>
#include <QWidget>

class AppCore;
class BoardModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTimer;
class QToolButton;
class StoryboardController;
class PromptHelper;
class StudioForm;
class Thumbnails;
class VideoPlayer;
struct VideoTask;

// The Storyboard tab: the boards, a board's shots as cards in film order (drag to reorder), the chosen
// shot's model and settings (the same schema-driven form as the Studio), whether it continues from the
// previous shot's last frame, its takes (pick the one for the film, play it), and Generate shot /
// Generate all / Join film. Everything is kept in the database as it is typed.
class StoryboardTab : public QWidget
{
    Q_OBJECT
public:
    explicit StoryboardTab(AppCore *core, QWidget *parent = nullptr);
    ~StoryboardTab() override;

    // A board file's object (docs/STORYBOARD.md) as a new board; pictures named from folder. 0 and a
    // translated reason when it cannot be read.
    qint64 importBoard(const QJsonObject &file, const QString &folder, QString *why);
    void showBoard(qint64 id);
    qint64 currentBoard() const;
    qint64 currentShot() const;
    void selectShot(qint64 shotId);
    // A frame from the Library into the current shot (role: first_frame, last_frame or reference).
    bool useFrame(const QImage &frame, const QString &role, const QString &origin);
    // On quit: asks when shots are still to be sent or a film is being joined (false: the user stays);
    // a join is then cancelled, and what the editor holds is written.
    bool confirmQuit();
    // Writes what the editor holds now (it is also written shortly after every change).
    void saveShot();

    QComboBox *boardBox() const { return m_boards; }
    QListView *shotView() const { return m_shots; }
    BoardModel *model() const { return m_model; }
    StoryboardController *controller() const { return m_controller; }
    StudioForm *form() const { return m_form; }
    QComboBox *modelBox() const { return m_modelBox; }
    QCheckBox *chainBox() const { return m_chain; }
    QListWidget *takesList() const { return m_takes; }
    QPushButton *generateShotButton() const { return m_generateShot; }
    QPushButton *generateAllButton() const { return m_generateAll; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *joinButton() const { return m_join; }
    QPushButton *useTakeButton() const { return m_useTake; }
    QPushButton *playFilmButton() const { return m_playFilm; }
    QProgressBar *joinProgress() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *shotTitle() const { return m_shotTitle; }
    PromptHelper *promptHelper() const { return m_promptHelper; }
    VideoPlayer *player() const { return m_player; }
    qint64 lastFilm() const { return m_lastFilm; }

signals:
    void showInLibraryRequested(qint64 taskId);
    void planRequested();

private:
    void fillBoards(qint64 select = 0);
    void onBoardChosen();
    void onShotChosen();
    void buildEditor();
    void updateHeader();
    void refreshTakes();
    void updateActions();
    void showStatus(const QString &text, bool error);
    void addShot();
    void newBoard();
    void renameBoard();
    void deleteBoard();
    void exportBoard();
    void importFile();
    void play(const QString &path);
    QString storedPicture(const QByteArray &bytes, const QString &mimeType);

    AppCore *m_core;
    BoardModel *m_model;
    StoryboardController *m_controller;
    QComboBox *m_boards;
    QToolButton *m_newBoard;
    QToolButton *m_boardMenu;
    QListView *m_shots;
    QPushButton *m_addShot;
    QPushButton *m_duplicateShot;
    QPushButton *m_deleteShot;
    QToolButton *m_up;
    QToolButton *m_down;
    QWidget *m_editor;
    QLabel *m_shotTitle;
    QList<QWidget *> m_shotParts; // the editor's parts that belong to a shot
    QComboBox *m_modelBox;
    QCheckBox *m_chain;
    PromptHelper *m_promptHelper;
    QScrollArea *m_scroll;
    StudioForm *m_form = nullptr;
    QListWidget *m_takes;
    QPushButton *m_useTake;
    QPushButton *m_playTake;
    QPushButton *m_showTake;
    QPushButton *m_generateShot;
    QPushButton *m_generateAll;
    QPushButton *m_stop;
    QComboBox *m_size;
    QComboBox *m_fps;
    QPushButton *m_join;
    QPushButton *m_cancelJoin;
    QPushButton *m_playFilm;
    QProgressBar *m_progress;
    QLabel *m_status;
    QWidget *m_playerBox;
    VideoPlayer *m_player = nullptr;
    QTimer *m_saveTimer;
    qint64 m_editing = 0; // the shot the editor shows
    qint64 m_lastFilm = 0;
    bool m_applying = false;
    Thumbnails *m_takeCovers; // read off the UI thread; the takes' list is refreshed when one is ready
};
