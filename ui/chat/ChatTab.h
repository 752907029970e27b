#pragma once

#include <QWidget>

class AppCore;
class ChatView;
class Composer;
class ConversationListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QToolButton;
class QTimer;
struct ChatMessage;

// The Chat tab: conversations on the left, the selected one on the right.
class ChatTab : public QWidget
{
    Q_OBJECT
public:
    explicit ChatTab(AppCore *core, QWidget *parent = nullptr);

    qint64 currentConversationId() const { return m_conversationId; }
    void selectConversation(qint64 id);
    qint64 newConversation();
    ChatView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    QPushButton *sendButton() const { return m_send; }
    QComboBox *modelBox() const { return m_model; }
    QLineEdit *searchBox() const { return m_search; }
    QListView *conversationList() const { return m_list; }
    QLabel *noticeLabel() const { return m_notice; }
    // Saves the draft being typed (also done as the user types).
    void saveDraft();
    void exportConversation(const QString &format, const QString &path = {});
    // Quitting: while an answer arrives, asks; on yes, saves it as stopped. False: stay.
    bool confirmQuit();

signals:
    void balanceHelpRequested();
    // "Send to Studio" on an answer, a code block or a selection: this text as the video prompt.
    void sendToStudioRequested(const QString &prompt);
    // "Send to storyboard" on an answer that holds a shot list: one shot per item, reviewed first.
    void sendToStoryboardRequested(const QString &answer);

private:
    void openAtStart();
    void sendOrStop();
    void send();
    void onMessageAction(const QString &action, qint64 messageId, int extra);
    void onBusyChanged(bool busy);
    void showNotice(const QString &text);
    void reloadModels();
    void editSystemPrompt();
    void showListMenu(const QPoint &pos);
    void renameConversation(qint64 id);
    void deleteConversation(qint64 id);
    void onCurrentRowChanged();
    void showMessages();

    AppCore *m_core;
    ConversationListModel *m_listModel;
    QLineEdit *m_search;
    QListView *m_list;
    QLabel *m_title;
    QComboBox *m_model;
    QToolButton *m_sysPrompt;
    QToolButton *m_export;
    ChatView *m_view;
    QLabel *m_notice;
    QLabel *m_editing;
    Composer *m_composer;
    QPushButton *m_send;
    QTimer *m_draftTimer;
    qint64 m_conversationId = 0;
    qint64 m_editingMessageId = 0;
};
