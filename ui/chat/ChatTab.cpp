#include "chat/ChatTab.h"
#include "chat/PromptImprover.h"
#include "chat/TitleDelegate.h"
#include "common/Theme.h"

#include "chat/ChatModelCatalog.h"
#include "chat/ChatSession.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/ConversationExporter.h"
#include "chat/ConversationListModel.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "store/ConversationStore.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

ChatTab::ChatTab(AppCore *core, QWidget *parent) : QWidget(parent), m_core(core)
{
    m_listModel = new ConversationListModel(core->conversations(), this);

    // The panes go into the splitter while still empty: it measures what it is given, and measuring
    // the filled panes here (polishing and sizing every widget) would be done again when shown.
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("chatSplitter"));
    auto *left = new QWidget(splitter);
    auto *right = new QWidget(splitter);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 700});

    // Left: search, new, list.
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *newButton = new QPushButton(tr("New chat"), left);
    Theme::setIcon(newButton, QStringLiteral("add"));
    newButton->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    m_search = new QLineEdit(left);
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search conversations"));
    m_list = new QListView(left);
    m_list->setModel(m_listModel);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One line a conversation: the list is laid out without measuring each of thousands of rows.
    m_list->setUniformItemSizes(true);
    m_list->setItemDelegate(new TitleDelegate(m_list));
    // Titles are what the user asked, mostly Chinese: set as the conversation is (and the rows keep
    // one height, whichever script the first title is in).
    m_list->setFont(Theme::contentFont(m_list->font()));
    leftLayout->addWidget(newButton);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);

    // Right: header, conversation, notice, composer.
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(Theme::Space::S, 0, 0, 0);
    rightLayout->setSpacing(Theme::Space::S);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(right);
    Theme::setRole(m_title, "title");
    m_model = new QComboBox(right);
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(16);
    m_model->setToolTip(tr("The model for this conversation. Type a name to use a model that is not listed."));
    m_model->setAccessibleName(tr("Model"));
    m_sysPrompt = new QToolButton(right);
    m_sysPrompt->setText(tr("System prompt…"));
    m_sysPrompt->setAccessibleName(tr("System prompt"));
    m_export = new QToolButton(right);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("As Markdown…"), this, [this] { exportConversation(QStringLiteral("md")); });
    exportMenu->addAction(tr("As JSON…"), this, [this] { exportConversation(QStringLiteral("json")); });
    m_export->setMenu(exportMenu);
    Theme::setRole(m_sysPrompt, "toolbar");
    Theme::setRole(m_export, "toolbar");
    header->addWidget(m_title, 1);
    header->addWidget(m_sysPrompt);
    header->addWidget(m_export);

    m_view = new ChatView(right);
    m_notice = new QLabel(right);
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::RichText);
    m_notice->setOpenExternalLinks(false);
    m_notice->setVisible(false);
    Theme::apply(m_notice, Theme::Tone::Notice, QStringLiteral("padding: 6px; border-radius: 4px;"));
    m_editing = new QLabel(tr("Editing a message: sending adds the new text as a version beside the old one. Esc cancels."), right);
    m_editing->setVisible(false);

    // The composer: one card, the text above a row with the model and Send/Stop together.
    auto *composerCard = new QFrame(right);
    Theme::setRole(composerCard, "card");
    auto *composerLayout = new QVBoxLayout(composerCard);
    composerLayout->setContentsMargins(Theme::Space::S, Theme::Space::S, Theme::Space::S, Theme::Space::S);
    composerLayout->setSpacing(Theme::Space::XS);
    m_composer = new Composer(composerCard);
    m_composer->setFrameShape(QFrame::NoFrame);
    auto *composerRow = new QHBoxLayout;
    composerRow->setSpacing(Theme::Space::S);
    auto *modelLabel = new QLabel(tr("Model:"), composerCard);
    Theme::setRole(modelLabel, "caption");
    m_model->setParent(composerCard);
    m_send = new QPushButton(composerCard);
    m_send->setMinimumWidth(96);
    Theme::setRole(m_send, "primary");
    composerRow->addWidget(modelLabel);
    composerRow->addWidget(m_model);
    composerRow->addStretch(1);
    composerRow->addWidget(m_send);
    composerLayout->addWidget(m_composer, 1);
    composerLayout->addLayout(composerRow);

    rightLayout->addLayout(header);
    rightLayout->addWidget(m_view, 1);
    rightLayout->addWidget(m_notice);
    rightLayout->addWidget(m_editing);
    rightLayout->addWidget(composerCard);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(400);
    connect(m_draftTimer, &QTimer::timeout, this, &ChatTab::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, m_draftTimer, qOverload<>(&QTimer::start));

    connect(newButton, &QPushButton::clicked, this, [this] { newConversation(); });
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, [this] { newConversation(); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const qint64 keep = m_conversationId;
        m_listModel->setFilter(text);
        const int row = m_listModel->rowOf(keep);
        if (row >= 0)
            m_list->setCurrentIndex(m_listModel->index(row));
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ChatTab::onCurrentRowChanged);
    connect(m_listModel, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_listModel->rowOf(m_conversationId);
        if (row >= 0)
            m_list->selectionModel()->setCurrentIndex(m_listModel->index(row), QItemSelectionModel::ClearAndSelect);
    });
    connect(m_list, &QListView::customContextMenuRequested, this, &ChatTab::showListMenu);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        renameConversation(index.data(ConversationListModel::IdRole).toLongLong());
    });
    connect(m_sysPrompt, &QToolButton::clicked, this, &ChatTab::editSystemPrompt);
    connect(m_model, &QComboBox::currentTextChanged, this, [this](const QString &model) {
        if (m_conversationId == 0 || model.trimmed().isEmpty())
            return;
        m_core->conversations()->setConversationModel(m_conversationId, model.trimmed());
        m_core->settings()->setLastChatModel(model.trimmed());
    });
    connect(m_composer, &Composer::sendRequested, this, &ChatTab::send);
    connect(m_composer, &Composer::stopRequested, this, [this] {
        // Esc stops the answer of the conversation on screen only, never one arriving elsewhere.
        if (m_core->chat()->isBusy() && m_core->chat()->activeConversationId() == m_conversationId) {
            m_core->chat()->stop();
        } else if (m_editingMessageId) {
            m_editingMessageId = 0;
            m_editing->setVisible(false);
            m_composer->clear();
        }
    });
    connect(m_send, &QPushButton::clicked, this, &ChatTab::sendOrStop);
    connect(m_notice, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("account"))
            emit balanceHelpRequested();
        else
            QDesktopServices::openUrl(QUrl(link));
    });

    ChatSession *session = core->chat();
    connect(session, &ChatSession::messageAdded, this, [this](const ChatMessage &m) {
        if (m.conversationId == m_conversationId)
            m_view->appendMessage(m);
    });
    connect(session, &ChatSession::activeMessageChanged, this, [this](const ChatMessage &m) {
        if (m.conversationId == m_conversationId)
            m_view->updateStreaming(m);
    });
    connect(session, &ChatSession::messageFinished, this, [this](const ChatMessage &m) {
        if (m.conversationId == m_conversationId)
            m_view->finishMessage(m);
        if (m.errorCode == QLatin1String("insufficient_balance"))
            showNotice(tr("Your balance is too low for this model. <a href=\"account\">See the Account tab</a> or "
                          "<a href=\"https://opencomputing.ai\">top up on the platform</a> (user menu → 充值)."));
    });
    connect(session, &ChatSession::pathChanged, this, [this](qint64 conversationId) {
        if (conversationId == m_conversationId)
            showMessages();
    });
    connect(session, &ChatSession::busyChanged, this, &ChatTab::onBusyChanged);
    connect(session, &ChatSession::sendRefused, this, &ChatTab::showNotice);
    connect(m_view, &ChatView::messageAction, this, &ChatTab::onMessageAction);
    connect(core->chatModels(), &ChatModelCatalog::modelsChanged, this, &ChatTab::reloadModels);

    reloadModels();
    onBusyChanged(session->isBusy());
    // Not before the window is up: the built-in list serves until the platform answers.
    QTimer::singleShot(300, core->chatModels(), &ChatModelCatalog::refresh);

    openAtStart();
}

void ChatTab::openAtStart()
{
    // As in the chat apps people know, the tab opens on a new conversation with the composer ready;
    // the history is in the list, newest first, one click away (and start-up does not grow with it).
    // The newest conversation is opened instead when it is still empty (no second empty one is
    // made), or when its composer holds a prompt not sent yet: the user was writing there.
    const qint64 newest = m_listModel->rowCount() > 0 ? m_listModel->idAt(0) : 0;
    ConversationStore *store = m_core->conversations();
    if (newest && (store->messageCount(newest) == 0 || !store->conversation(newest).draft.trimmed().isEmpty()))
        selectConversation(newest);
    else
        newConversation();
}

void ChatTab::reloadModels()
{
    const QString current = m_model->currentText();
    const QSignalBlocker block(m_model);
    m_model->clear();
    m_model->addItems(m_core->chatModels()->models());
    m_model->setCurrentText(current.isEmpty() ? m_core->settings()->lastChatModel() : current);
}

qint64 ChatTab::newConversation()
{
    saveDraft();
    const QString model = m_model->currentText().trimmed().isEmpty() ? m_core->settings()->lastChatModel()
                                                                     : m_model->currentText().trimmed();
    const qint64 id = m_core->conversations()->createConversation(QString(), model);
    selectConversation(id);
    m_composer->setFocus();
    return id;
}

void ChatTab::selectConversation(qint64 id)
{
    if (id == m_conversationId && id != 0)
        return;
    saveDraft();
    m_conversationId = id;
    const Conversation c = m_core->conversations()->conversation(id);
    m_title->setText(c.shownTitle());
    {
        const QSignalBlocker block(m_model);
        m_model->setCurrentText(c.model);
    }
    {
        const QSignalBlocker block(m_composer);
        m_composer->setPlainText(c.draft);
        m_composer->moveCursor(QTextCursor::End);
    }
    m_editingMessageId = 0;
    m_editing->setVisible(false);
    m_notice->setVisible(false);
    showMessages();
    const int row = m_listModel->rowOf(id);
    if (row >= 0 && m_list->currentIndex().row() != row)
        m_list->setCurrentIndex(m_listModel->index(row));
    onBusyChanged(m_core->chat()->isBusy());
}

void ChatTab::showMessages()
{
    m_view->setMessages(m_core->conversations()->messages(m_conversationId));
    // Keep a streaming answer visible (and growing) when coming back to its conversation.
    if (m_core->chat()->activeConversationId() == m_conversationId)
        m_view->finishMessage(m_core->chat()->activeMessage());
}

bool ChatTab::confirmQuit()
{
    ChatSession *session = m_core->chat();
    if (!session->isBusy())
        return true;
    QMessageBox box(QMessageBox::Question, tr("An answer is still arriving"),
                    tr("Quit anyway? The text received so far is kept, marked as stopped."),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("quitDuringAnswer"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return false;
    session->stopAndSave();
    return true;
}

void ChatTab::onCurrentRowChanged()
{
    const qint64 id = m_list->currentIndex().data(ConversationListModel::IdRole).toLongLong();
    if (id != 0 && id != m_conversationId)
        selectConversation(id);
}

void ChatTab::saveDraft()
{
    if (m_conversationId == 0 || m_editingMessageId != 0)
        return;
    m_core->conversations()->setDraft(m_conversationId, m_composer->toPlainText());
}

void ChatTab::sendOrStop()
{
    if (m_core->chat()->isBusy())
        m_core->chat()->stop();
    else
        send();
}

void ChatTab::send()
{
    const QString text = m_composer->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    if (m_core->chat()->isBusy()) {
        showNotice(tr("An answer is still arriving. Stop it first (Esc)."));
        return;
    }
    if (m_conversationId == 0)
        newConversation();
    m_notice->setVisible(false);
    const Conversation c = m_core->conversations()->conversation(m_conversationId);
    if (c.title.isEmpty() && m_core->conversations()->messageCount(m_conversationId) == 0) {
        m_core->conversations()->renameConversation(m_conversationId, text.simplified().left(30));
        m_title->setText(text.simplified().left(30));
    }
    const QString model = m_model->currentText().trimmed();
    if (!model.isEmpty() && model != c.model)
        m_core->conversations()->setConversationModel(m_conversationId, model);
    // A model name the user typed joins the list for next time.
    if (!model.isEmpty() && !m_core->chatModels()->models().contains(model))
        m_core->chatModels()->addCustomModel(model);
    bool ok;
    if (m_editingMessageId) {
        ok = m_core->chat()->editAndResend(m_conversationId, m_editingMessageId, text);
        m_editingMessageId = 0;
        m_editing->setVisible(false);
    } else {
        ok = m_core->chat()->send(m_conversationId, text);
    }
    if (ok) {
        const QSignalBlocker block(m_composer);
        m_composer->clear();
        m_core->conversations()->setDraft(m_conversationId, {});
    }
}

void ChatTab::onBusyChanged(bool busy)
{
    const bool here = !busy || m_core->chat()->activeConversationId() == m_conversationId;
    m_send->setText(busy && here ? tr("Stop") : tr("Send"));
    // White on the accent: the primary button's icon.
    m_send->setIcon(Theme::iconIn(busy && here ? QStringLiteral("stop") : QStringLiteral("send"),
                                  Theme::role(Theme::Role::OnAccent, palette())));
    m_send->setToolTip(busy && here ? tr("Stop the answer (Esc)") : tr("Send (Enter)"));
    m_send->setAccessibleName(m_send->text());
    m_send->setEnabled(!busy || here);
}

void ChatTab::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ChatTab::onMessageAction(const QString &action, qint64 messageId, int extra)
{
    if (action.startsWith(QLatin1String("openlink:"))) {
        QDesktopServices::openUrl(QUrl(action.mid(9)));
        return;
    }
    if (action == QLatin1String("selectiontostudio")) {
        if (const QString text = m_view->selectedText().trimmed(); !text.isEmpty())
            emit sendToStudioRequested(text);
        return;
    }
    ConversationStore *store = m_core->conversations();
    const ChatMessage m = store->message(messageId);
    if (action == QLatin1String("tostudio")) {
        // An answer that is only a prompt often comes fenced, quoted or labelled: the prompt alone goes.
        if (const QString text = PromptImprover::cleaned(m.content); !text.isEmpty())
            emit sendToStudioRequested(text);
    } else if (action == QLatin1String("tostoryboard")) {
        emit sendToStoryboardRequested(m.content);
    } else if (action == QLatin1String("codetostudio")) {
        if (const QString text = m_view->codeBlock(messageId, extra).trimmed(); !text.isEmpty())
            emit sendToStudioRequested(text);
    } else if (action == QLatin1String("copy")) {
        QGuiApplication::clipboard()->setText(m.content);
    } else if (action == QLatin1String("copycode")) {
        QGuiApplication::clipboard()->setText(m_view->codeBlock(messageId, extra));
    } else if (action == QLatin1String("edit")) {
        if (m_core->chat()->isBusy())
            return;
        m_editingMessageId = messageId;
        m_editing->setVisible(true);
        const QSignalBlocker block(m_composer);
        m_composer->setPlainText(m.content);
        m_composer->setFocus();
    } else if (action == QLatin1String("regenerate") || action == QLatin1String("retry")) {
        // Ask again the question this answer belongs to; this is a new (billed) call the user asked for,
        // and its answer is a new version beside this one, which stays.
        if (m.isAssistant() && m.parentId)
            m_core->chat()->answerAgain(m_conversationId, m.parentId);
    } else if (action == QLatin1String("prevversion") || action == QLatin1String("nextversion")) {
        if (m_core->chat()->activeConversationId() == m_conversationId) {
            showNotice(tr("An answer is still arriving. Stop it before switching versions."));
            return;
        }
        if (store->showVersion(messageId, action == QLatin1String("prevversion") ? -1 : 1))
            showMessages();
    } else if (action == QLatin1String("deleteversion")) {
        // Nothing is deleted unless the user says so, here, for this one version.
        if (m_core->chat()->activeConversationId() == m_conversationId) {
            showNotice(tr("An answer is still arriving. Stop it before deleting a version."));
            return;
        }
        QMessageBox box(QMessageBox::Question, tr("Delete this version?"),
                        m.isAssistant() ? tr("This answer is deleted, with the conversation that followed it in this "
                                             "version. The other versions stay. What it cost stays in the Account tab.")
                                        : tr("This question is deleted, with its answers and the conversation that "
                                             "followed it in this version. The other versions stay."),
                        QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("deleteVersion"));
        QPushButton *remove = box.addButton(tr("Delete version"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == remove && store->deleteVersion(messageId))
            showMessages();
    }
}

void ChatTab::editSystemPrompt()
{
    if (m_conversationId == 0)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("System prompt"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Instructions the model follows for this whole conversation (sent as sys_prompt)."), &dialog));
    auto *edit = new QPlainTextEdit(&dialog);
    edit->setPlainText(m_core->conversations()->conversation(m_conversationId).sysPrompt);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(520, 300);
    if (dialog.exec() == QDialog::Accepted)
        m_core->conversations()->setSystemPrompt(m_conversationId, edit->toPlainText().trimmed());
}

void ChatTab::showListMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 id = index.data(ConversationListModel::IdRole).toLongLong();
    QMenu menu(this);
    menu.addAction(tr("Rename…"), this, [this, id] { renameConversation(id); });
    menu.addAction(tr("Export as Markdown…"), this, [this, id] {
        selectConversation(id);
        exportConversation(QStringLiteral("md"));
    });
    menu.addAction(tr("Export as JSON…"), this, [this, id] {
        selectConversation(id);
        exportConversation(QStringLiteral("json"));
    });
    menu.addSeparator();
    menu.addAction(tr("Delete…"), this, [this, id] { deleteConversation(id); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void ChatTab::renameConversation(qint64 id)
{
    const Conversation c = m_core->conversations()->conversation(id);
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename conversation"), tr("Title:"), QLineEdit::Normal, c.shownTitle(), &ok);
    // The placeholder accepted as it is stays a placeholder (it follows the language).
    if (ok && !title.trimmed().isEmpty() && title.trimmed() != c.shownTitle()) {
        m_core->conversations()->renameConversation(id, title);
        if (id == m_conversationId)
            m_title->setText(title.trimmed());
    }
}

void ChatTab::deleteConversation(qint64 id)
{
    if (m_core->chat()->activeConversationId() == id) {
        showNotice(tr("This conversation is receiving an answer. Stop it before deleting."));
        return;
    }
    const Conversation c = m_core->conversations()->conversation(id);
    if (QMessageBox::question(this, tr("Delete conversation"),
                              tr("Delete “%1” and all its messages? This cannot be undone.").arg(c.shownTitle()))
        != QMessageBox::Yes)
        return;
    m_core->conversations()->deleteConversation(id);
    if (id == m_conversationId) {
        m_conversationId = 0;
        if (m_listModel->rowCount() > 0)
            selectConversation(m_listModel->idAt(0));
        else
            newConversation();
    }
}

void ChatTab::exportConversation(const QString &format, const QString &givenPath)
{
    if (m_conversationId == 0)
        return;
    const Conversation c = m_core->conversations()->conversation(m_conversationId);
    const QList<ChatMessage> messages = m_core->conversations()->messages(m_conversationId);
    QString path = givenPath;
    if (path.isEmpty()) {
        QString safe = c.shownTitle();
        safe.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(this, tr("Export conversation"),
                                            dir + QLatin1Char('/') + safe + QLatin1Char('.') + format,
                                            format == QLatin1String("md") ? tr("Markdown (*.md)") : tr("JSON (*.json)"));
        if (path.isEmpty())
            return;
    }
    QSaveFile file(path);
    // Markdown holds the versions shown; JSON holds every version, each marked whether it is shown.
    const QByteArray data = format == QLatin1String("md")
                                ? ConversationExporter::toMarkdown(c, messages)
                                : ConversationExporter::toJson(c, m_core->conversations()->allMessages(m_conversationId));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        showNotice(tr("Could not save %1: %2").arg(path, file.errorString()));
}
