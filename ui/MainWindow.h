#pragma once

#include <QMainWindow>

class AppCore;
class ChatTab;
class StudioTab;
class LibraryTab;
class StoryboardTab;
class AccountTab;
class QSystemTrayIcon;
class WelcomePage;
class QLabel;
class QStackedWidget;
class QTabWidget;

// The main window: the welcome page until there is a key (or demo mode), then the four tabs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { ChatTabIndex, StudioTabIndex, StoryboardTabIndex, LibraryTabIndex, AccountTabIndex };

    explicit MainWindow(AppCore *core, QWidget *parent = nullptr);

    bool isShowingWelcome() const;
    QTabWidget *tabs() const { return m_tabs; }
    WelcomePage *welcomePage() const { return m_welcome; }
    // The tabs' contents are made when first shown (or asked for).
    ChatTab *chatTab();
    StudioTab *studioTab();
    LibraryTab *libraryTab();
    StoryboardTab *storyboardTab();
    AccountTab *accountTab();
    QLabel *runningLabel() const { return m_running; }
    QLabel *endpointLabel() const { return m_endpoint; }
    QLabel *banner() const { return m_banner; }
    void showTabs();
    void showWelcome();
    void openSettings();
    void showShortcuts();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildTabs();
    void showBanner(const QString &html);
    void updateEndpoint();
    void updateRunning(int count);
    void ensureTab(int index);
    void ensureTray();
    void restoreSplitters(QWidget *root);
    void notify(const QString &title, const QString &text);

    AppCore *m_core;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome = nullptr;
    QWidget *m_main;
    QTabWidget *m_tabs = nullptr;
    ChatTab *m_chat = nullptr;
    StudioTab *m_studio = nullptr;
    LibraryTab *m_library = nullptr;
    StoryboardTab *m_storyboard = nullptr;
    AccountTab *m_account = nullptr;
    QLabel *m_running = nullptr;
    QList<QWidget *> m_pages;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_quitting = false;
    QLabel *m_banner;
    QLabel *m_endpoint;
    QAction *m_settingsAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_quitAction = nullptr;
};
