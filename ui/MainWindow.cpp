#include "MainWindow.h"
#include "common/Theme.h"

#include "WelcomePage.h"
#include "account/AccountStatus.h"
#include "account/CredentialStore.h"
#include "api/PlatformClient.h"
#include "chat/ChatTab.h"
#include "common/PlaceholderPage.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "settings/SettingsDialog.h"
#include "studio/StudioTab.h"
#include "library/LibraryTab.h"
#include "storyboard/StoryboardTab.h"
#include "account/AccountTab.h"
#include "tasks/LibraryModel.h"
#include "tasks/TaskPoller.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSplitter>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(AppCore *core, QWidget *parent) : QMainWindow(parent), m_core(core)
{
    setWindowTitle(tr("Yuanjing Studio"));
    setWindowIcon(Theme::icon(QStringLiteral("yuanjing")));
    m_stack = new QStackedWidget(this);
    m_main = new QWidget(m_stack);
    auto *mainLayout = new QVBoxLayout(m_main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(m_main);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setVisible(false);
    Theme::apply(m_banner, Theme::Tone::Notice, QStringLiteral("padding: 8px;"));
    mainLayout->addWidget(m_banner);
    m_stack->addWidget(m_main);
    setCentralWidget(m_stack);

    m_running = new QLabel(this);
    m_running->setVisible(false);
    statusBar()->addPermanentWidget(m_running);
    m_endpoint = new QLabel(this);
    m_endpoint->setAccessibleName(tr("Platform"));
    statusBar()->addPermanentWidget(m_endpoint);

    buildMenus();
    connect(core, &AppCore::endpointChanged, this, &MainWindow::updateEndpoint);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("settings"))
            openSettings();
        else if (link == QLatin1String("account") && m_tabs)
            m_tabs->setCurrentIndex(AccountTabIndex);
        else if (link == QLatin1String("dismiss"))
            m_banner->setVisible(false);
        else
            QDesktopServices::openUrl(QUrl(link));
    });
    connect(core->account(), &AccountStatus::balanceChanged, this, [this](bool insufficient) {
        if (!insufficient) {
            if (m_banner->property("kind").toString() == QLatin1String("balance"))
                m_banner->setVisible(false);
            return;
        }
        m_banner->setProperty("kind", QStringLiteral("balance"));
        showBanner(tr("<b>Insufficient balance.</b> The platform refused a call because the balance is too low. "
                      "<a href=\"https://opencomputing.ai\">Top up on the platform</a> (user menu → 充值), "
                      "<a href=\"account\">see the Account tab</a>, or <a href=\"dismiss\">dismiss</a>."));
    });
    connect(core->client(), &PlatformClient::keyRejected, this, [this] {
        m_banner->setProperty("kind", QStringLiteral("key"));
        showBanner(tr("<b>The platform rejected the API key.</b> <a href=\"settings\">Open Settings</a> to "
                      "replace it, or <a href=\"dismiss\">dismiss</a>."));
    });
    connect(core->client(), &PlatformClient::callSucceeded, this, [this] {
        // A call that went through shows the key is fine again.
        if (m_banner->property("kind").toString() == QLatin1String("key"))
            m_banner->setVisible(false);
    });

    updateEndpoint();
    if (core->needsWelcome())
        showWelcome();
    else
        showTabs();
    if (!core->options().error.isEmpty())
        statusBar()->showMessage(core->options().error, 15000);
    if (!core->startError().isEmpty())
        statusBar()->showMessage(core->startError(), 15000);

    const QByteArray geometry = core->settings()->uiValue(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1180, 760);
}

namespace {
// The platform's own keys for an action, or a common one where the platform has none (a desktop without
// a "Preferences" or "Full screen" key would otherwise leave the action without any).
QList<QKeySequence> withFallback(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    return keys.isEmpty() ? QList<QKeySequence>{fallback} : keys;
}
} // namespace

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcuts(withFallback(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    m_settingsAction = settings;
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcuts(withFallback(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    m_quitAction = quit;

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fullScreen = view->addAction(tr("&Full screen"), this, [this] {
        if (isFullScreen())
            showNormal();
        else
            showFullScreen();
    });
    fullScreen->setShortcuts(withFallback(QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)));
    m_fullScreenAction = fullScreen;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addAction(tr("Open the platform website"), this,
                    [] { QDesktopServices::openUrl(QUrl(QStringLiteral("https://opencomputing.ai"))); });
    help->addAction(tr("&About Yuanjing Studio"), this, [this] {
        QMessageBox::about(this, tr("About Yuanjing Studio"),
                           tr("<h3>Yuanjing Studio %1</h3><p>A native desktop client for the 元境 platform: "
                              "streamed chat and video generation.</p><p>Licensed under the MIT licence.</p>"
                              "<p><a href=\"https://opencomputing.ai\">opencomputing.ai</a></p>")
                               .arg(QStringLiteral(YUANJING_VERSION)));
    });
}

void MainWindow::buildTabs()
{
    m_tabs = new QTabWidget(m_main);
    m_tabs->setDocumentMode(true);
    Theme::setRole(m_tabs->tabBar(), "tabs");
    // Each page gets its content when first shown: the window appears sooner.
    const QList<QPair<QString, QString>> pages{{tr("Chat"), QStringLiteral("chat")},
                                               {tr("Video Studio"), QStringLiteral("video")},
                                               {tr("Storyboard"), QStringLiteral("storyboard")},
                                               {tr("Library"), QStringLiteral("library")},
                                               {tr("Account"), QStringLiteral("account")}};
    for (const auto &[title, icon] : pages) {
        auto *page = new QWidget(m_tabs);
        auto *layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 0, 0, 0);
        m_pages.append(page);
        Theme::setTabIcon(m_tabs, m_tabs->addTab(page, title), icon);
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *shortcut = new QAction(this);
        shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(shortcut, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        addAction(shortcut);
    }
    m_main->layout()->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::ensureTab);
    connect(m_core->library(), &LibraryModel::unfinishedCountChanged, this, &MainWindow::updateRunning);
    connect(m_core->poller(), &TaskPoller::taskSucceeded, this,
            [this](const VideoTask &t) { notify(tr("Video ready"), t.prompt.left(80)); });
    connect(m_core->poller(), &TaskPoller::taskFailed, this,
            [this](const VideoTask &t) { notify(tr("Video failed"), t.error.left(120)); });
    updateRunning(m_core->library()->unfinishedCount());
    const int tab = qBound(0, m_core->settings()->uiValue(QStringLiteral("tab"), 0).toInt(), m_tabs->count() - 1);
    m_tabs->setCurrentIndex(tab);
    ensureTab(tab);
}

void MainWindow::ensureTab(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    QWidget *page = m_pages.at(index);
    switch (index) {
    case ChatTabIndex:
        if (!m_chat) {
            m_chat = new ChatTab(m_core, page);
            page->layout()->addWidget(m_chat);
            restoreSplitters(m_chat);
            connect(m_chat, &ChatTab::balanceHelpRequested, this, [this] { m_tabs->setCurrentIndex(AccountTabIndex); });
            connect(m_chat, &ChatTab::sendToStudioRequested, this, [this](const QString &prompt) {
                studioTab()->usePrompt(prompt);
                m_tabs->setCurrentIndex(StudioTabIndex);
            });
            connect(m_chat, &ChatTab::sendToStoryboardRequested, this, [this](const QString &answer) {
                // Reviewed first (the Studio's model fits the shots), then opened as a board.
                m_tabs->setCurrentIndex(StudioTabIndex);
                studioTab()->reviewShots(answer);
            });
        }
        break;
    case StudioTabIndex:
        if (!m_studio) {
            m_studio = new StudioTab(m_core, page);
            page->layout()->addWidget(m_studio);
            connect(m_studio, &StudioTab::balanceHelpRequested, this, [this] { m_tabs->setCurrentIndex(AccountTabIndex); });
            connect(m_studio, &StudioTab::boardPlanned, this, [this](const QJsonObject &board) {
                QString why;
                if (storyboardTab()->importBoard(board, QDir::homePath(), &why))
                    m_tabs->setCurrentIndex(StoryboardTabIndex);
                else
                    QMessageBox::warning(this, tr("Storyboard"), why);
            });
        }
        break;
    case StoryboardTabIndex:
        if (!m_storyboard) {
            m_storyboard = new StoryboardTab(m_core, page);
            page->layout()->addWidget(m_storyboard);
            restoreSplitters(m_storyboard);
            connect(m_storyboard, &StoryboardTab::showInLibraryRequested, this, [this](qint64 id) {
                libraryTab()->selectTask(id);
                m_tabs->setCurrentIndex(LibraryTabIndex);
            });
            connect(m_storyboard, &StoryboardTab::planRequested, this, [this] {
                // The Studio plans with its model: the board is reviewed there, then opened here.
                m_tabs->setCurrentIndex(StudioTabIndex);
                studioTab()->planStoryboard();
            });
        }
        break;
    case LibraryTabIndex:
        if (!m_library) {
            m_library = new LibraryTab(m_core, page);
            page->layout()->addWidget(m_library);
            restoreSplitters(m_library);
            connect(m_library, &LibraryTab::studioRequested, this, [this] { m_tabs->setCurrentIndex(StudioTabIndex); });
            connect(m_library, &LibraryTab::rerunRequested, this, [this](const VideoTask &task) {
                studioTab()->loadTask(task);
                m_tabs->setCurrentIndex(StudioTabIndex);
            });
            connect(m_library, &LibraryTab::frameChosen, this,
                    [this](const QImage &frame, const QString &role, const QString &origin) {
                        // The Studio either holds the frame or says why not.
                        studioTab()->useFrame(frame, role, origin);
                        m_tabs->setCurrentIndex(StudioTabIndex);
                    });
        }
        break;
    case AccountTabIndex:
        if (!m_account) {
            m_account = new AccountTab(m_core, page);
            page->layout()->addWidget(m_account);
            connect(m_account, &AccountTab::settingsRequested, this, &MainWindow::openSettings);
            connect(m_account, &AccountTab::chatRequested, this, [this] { m_tabs->setCurrentIndex(ChatTabIndex); });
        }
        break;
    default:
        break;
    }
}

ChatTab *MainWindow::chatTab()
{
    ensureTab(ChatTabIndex);
    return m_chat;
}

StoryboardTab *MainWindow::storyboardTab()
{
    ensureTab(StoryboardTabIndex);
    return m_storyboard;
}

StudioTab *MainWindow::studioTab()
{
    ensureTab(StudioTabIndex);
    return m_studio;
}

AccountTab *MainWindow::accountTab()
{
    ensureTab(AccountTabIndex);
    return m_account;
}

LibraryTab *MainWindow::libraryTab()
{
    ensureTab(LibraryTabIndex);
    return m_library;
}

void MainWindow::updateRunning(int count)
{
    m_running->setText(count > 0 ? tr("%n video(s) in progress", nullptr, count) : QString());
    m_running->setVisible(count > 0);
}

void MainWindow::notify(const QString &title, const QString &text)
{
    // Only when the user is looking elsewhere: the Library shows it otherwise.
    if (isActiveWindow())
        return;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        ensureTray();
        m_tray->show();
        m_tray->showMessage(title, text, windowIcon(), 8000);
    }
    QApplication::alert(this);
}

void MainWindow::ensureTray()
{
    if (m_tray)
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setToolTip(tr("Yuanjing Studio"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Yuanjing Studio"), this, [this] {
        showNormal();
        activateWindow();
    });
    menu->addAction(tr("Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    m_tray->setContextMenu(menu);
    const auto bringBack = [this] {
        showNormal();
        activateWindow();
        if (m_tabs)
            m_tabs->setCurrentIndex(LibraryTabIndex);
    };
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, bringBack);
    connect(m_tray, &QSystemTrayIcon::activated, this, bringBack);
}

void MainWindow::restoreSplitters(QWidget *root)
{
    for (QSplitter *splitter : root->findChildren<QSplitter *>()) {
        const QByteArray state = m_core->settings()->uiValue(QStringLiteral("splitter/") + splitter->objectName()).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
}

void MainWindow::showTabs()
{
    if (!m_tabs)
        buildTabs();
    m_stack->setCurrentWidget(m_main);
    updateEndpoint();
}

bool MainWindow::isShowingWelcome() const
{
    return m_welcome && m_stack->currentWidget() == m_welcome;
}

void MainWindow::showWelcome()
{
    // Built only when needed: most starts go straight to the tabs.
    if (!m_welcome) {
        m_welcome = new WelcomePage(m_core, m_stack);
        m_stack->addWidget(m_welcome);
        connect(m_welcome, &WelcomePage::keyAccepted, this, &MainWindow::showTabs);
        connect(m_welcome, &WelcomePage::demoRequested, this, [this] {
            if (m_core->enableDemo())
                showTabs();
            else
                QMessageBox::warning(this, tr("Demo mode"), m_core->startError());
        });
    }
    m_stack->setCurrentWidget(m_welcome);
}

void MainWindow::showBanner(const QString &html)
{
    m_banner->setText(html);
    m_banner->setVisible(true);
}

void MainWindow::updateEndpoint()
{
    m_endpoint->setText(m_core->endpointDescription());
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_core, this);
    connect(&dialog, &SettingsDialog::languageChanged, this, [this] {
        statusBar()->showMessage(tr("The new language applies after a restart."), 10000);
    });
    dialog.exec();
}

void MainWindow::showShortcuts()
{
    const QList<QPair<QString, QString>> rows{
        {QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText), tr("New chat")},
        {tr("Enter"), tr("Send the message")},
        {tr("Shift+Enter"), tr("New line in the message")},
        {tr("Esc"), tr("Stop the answer (or leave full-screen video)")},
        {tr("Tab / Shift+Tab, Enter"), tr("In the conversation: go from link to link (Copy, Edit, Regenerate…), follow one")},
        {QKeySequence(QKeySequence::SelectAll).toString(QKeySequence::NativeText) + QStringLiteral(", ")
             + QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText),
         tr("In the conversation: select everything, copy the selection")},
        {tr("Home / End"), tr("In the conversation: go to the first or the latest message")},
        {QStringLiteral("Ctrl+1 … Ctrl+4"), tr("Chat, Video Studio, Library, Account")},
        {QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText), tr("Paste a picture into the selected slot")},
        {tr("Space"), tr("Play or pause the video")},
        {tr("Double-click the video"), tr("Full-screen video")},
        {m_fullScreenAction->shortcut().toString(QKeySequence::NativeText), tr("Full-screen window")},
        {m_settingsAction->shortcut().toString(QKeySequence::NativeText), tr("Settings")},
        {m_quitAction->shortcut().toString(QKeySequence::NativeText), tr("Quit")}};
    QString html = QStringLiteral("<table cellspacing=\"6\">");
    for (const auto &[keys, what] : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    html += QStringLiteral("</table>");
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"), html, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Videos still being made: keep following them from the tray, if the user asked for that.
    if (!m_quitting && m_core->settings()->uiValue(QStringLiteral("keepInTray"), false).toBool()
        && m_core->library()->unfinishedCount() > 0 && QSystemTrayIcon::isSystemTrayAvailable()) {
        ensureTray();
        m_tray->show();
        m_tray->showMessage(tr("Yuanjing Studio keeps running"),
                            tr("%n video(s) still in progress. The app tells you when they are ready.", nullptr,
                               m_core->library()->unfinishedCount()),
                            windowIcon(), 5000);
        hide();
        event->ignore();
        return;
    }
    // An answer still arriving: ask, then keep its text as stopped.
    if (m_chat && !m_chat->confirmQuit()) {
        m_quitting = false;
        event->ignore();
        return;
    }
    // Shots still to be sent, or a film being joined: ask; the board's last edit is written either way.
    if (m_storyboard && !m_storyboard->confirmQuit()) {
        m_quitting = false;
        event->ignore();
        return;
    }
    for (QSplitter *splitter : findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            m_core->settings()->setUiValue(QStringLiteral("splitter/") + splitter->objectName(), splitter->saveState());
    if (m_chat)
        m_chat->saveDraft();
    m_core->settings()->setUiValue(QStringLiteral("geometry"), saveGeometry());
    if (m_tabs)
        m_core->settings()->setUiValue(QStringLiteral("tab"), m_tabs->currentIndex());
    m_core->settings()->sync();
    event->accept();
}
