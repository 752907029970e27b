#include "settings/SettingsDialog.h"
#include "common/Theme.h"

#include "account/CredentialStore.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "core/Log.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    Theme::apply(label, Theme::Tone::Error);
    label->setVisible(false);
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}
} // namespace

SettingsDialog::SettingsDialog(AppCore *core, QWidget *parent) : QDialog(parent), m_core(core)
{
    setWindowTitle(tr("Settings"));
    AppSettings *s = core->settings();
    auto *form = new QFormLayout;

    m_baseUrl = new QLineEdit(s->baseUrl().toString(), this);
    m_baseUrl->setAccessibleName(tr("Platform address"));
    m_baseUrlError = errorLabel(this);
    form->addRow(tr("Platform address:"), m_baseUrl);
    form->addRow(QString(), m_baseUrlError);
    if (core->baseUrlOverridden() || core->isDemo()) {
        auto *note = new QLabel(core->isDemo() ? tr("Demo mode is on: this run talks to the built-in simulator.")
                                               : tr("This run uses an address given on the command line or in YUANJING_BASE_URL."),
                                this);
        note->setWordWrap(true);
        form->addRow(QString(), note);
    }

    m_key = new QLineEdit(this);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("API key"));
    m_key->setClearButtonEnabled(true);
    auto *removeKey = new QPushButton(tr("Remove key"), this);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(removeKey);
    m_keyError = errorLabel(this);
    m_keyState = new QLabel(this);
    m_keyState->setWordWrap(true);
    form->addRow(tr("API key:"), keyRow);
    form->addRow(QString(), m_keyError);
    form->addRow(QString(), m_keyState);

    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(s->language())));
    m_language->setAccessibleName(tr("Interface language"));
    form->addRow(tr("Interface language:"), m_language);

    m_appearance = new QComboBox(this);
    m_appearance->addItem(tr("As the system"), QStringLiteral("system"));
    m_appearance->addItem(tr("Light"), QStringLiteral("light"));
    m_appearance->addItem(tr("Dark"), QStringLiteral("dark"));
    m_appearance->setCurrentIndex(
        qMax(0, m_appearance->findData(s->uiValue(QStringLiteral("appearance"), QStringLiteral("system")))));
    m_appearance->setAccessibleName(tr("Appearance"));
    form->addRow(tr("Appearance:"), m_appearance);

    m_folder = new QLineEdit(s->downloadFolder(), this);
    m_folder->setAccessibleName(tr("Download folder"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_folderError = errorLabel(this);
    form->addRow(tr("Download folder:"), folderRow);
    form->addRow(QString(), m_folderError);

    m_turns = new QSpinBox(this);
    m_turns->setRange(0, 100);
    m_turns->setValue(s->chatHistoryTurns());
    m_turns->setToolTip(tr("How many earlier exchanges are sent with each question as context."));
    form->addRow(tr("Chat context (exchanges):"), m_turns);
    m_streaming = new QCheckBox(tr("Show answers as they are written (streaming)"), this);
    m_streaming->setChecked(s->chatStreaming());
    form->addRow(QString(), m_streaming);
    m_promptHelper = new QLineEdit(s->promptHelperModel(), this);
    m_promptHelper->setObjectName(QStringLiteral("promptHelperModel"));
    m_promptHelper->setPlaceholderText(s->lastChatModel());
    m_promptHelper->setToolTip(tr("The chat model that improves video prompts and plans storyboards; empty: the chat's model."));
    form->addRow(tr("Prompt help model:"), m_promptHelper);
    m_requestLimit = new QSpinBox(this);
    m_requestLimit->setRange(64, 64 * 1024);
    m_requestLimit->setSuffix(tr(" KiB"));
    m_requestLimit->setValue(s->requestSizeLimitKiB());
    m_requestLimit->setToolTip(tr("Video requests with images are kept under this size; the platform may refuse larger ones."));
    form->addRow(tr("Video request size limit:"), m_requestLimit);
    m_confirmCost = new QSpinBox(this);
    m_confirmCost->setRange(0, 1000000);
    m_confirmCost->setSuffix(tr(" credits"));
    m_confirmCost->setSpecialValueText(tr("Never ask"));
    m_confirmCost->setValue(s->confirmCostAbove());
    m_confirmCost->setToolTip(tr("Before sending a video expected to cost more than this, the app asks (0: never)."));
    form->addRow(tr("Ask before videos costing over:"), m_confirmCost);

    m_keepInTray = new QCheckBox(tr("Keep running in the tray while videos are in progress"), this);
    m_keepInTray->setChecked(s->uiValue(QStringLiteral("keepInTray"), false).toBool());
    m_keepInTray->setToolTip(tr("Closing the window then hides it; the app follows and downloads your videos and tells you when they are ready."));
    form->addRow(QString(), m_keepInTray);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());

    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Download folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(removeKey, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Remove API key"),
                                  tr("Remove the stored API key from this computer?")) != QMessageBox::Yes)
            return;
        m_core->credentials()->remove();
        updateKeyState();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(core->credentials(), &CredentialStore::keyChanged, this, &SettingsDialog::updateKeyState);
    updateKeyState();
}

void SettingsDialog::updateKeyState()
{
    CredentialStore *store = m_core->credentials();
    m_key->setPlaceholderText(store->hasKey() ? tr("Stored: %1 (type a new key to replace it)").arg(Redaction::mask(store->apiKey()))
                                              : tr("Paste your API key"));
    m_keyState->setText(store->storageDescription());
}

bool SettingsDialog::apply()
{
    AppSettings *s = m_core->settings();
    const QString urlProblem = AppSettings::validateBaseUrl(m_baseUrl->text());
    const QString newKey = m_key->text().trimmed();
    const QString keyProblem = newKey.isEmpty() ? QString() : AppSettings::validateApiKey(newKey);
    const QString folderProblem = AppSettings::validateDownloadFolder(m_folder->text());
    showError(m_baseUrlError, urlProblem);
    showError(m_keyError, keyProblem);
    showError(m_folderError, folderProblem);
    if (!urlProblem.isEmpty() || !keyProblem.isEmpty() || !folderProblem.isEmpty())
        return false;

    s->setBaseUrl(m_baseUrl->text());
    s->setDownloadFolder(m_folder->text());
    s->setChatHistoryTurns(m_turns->value());
    s->setChatStreaming(m_streaming->isChecked());
    // Saved only when changed: until then it follows the chat's model.
    if (m_promptHelper->text().trimmed() != s->promptHelperModel())
        s->setPromptHelperModel(m_promptHelper->text());
    s->setRequestSizeLimitKiB(m_requestLimit->value());
    s->setConfirmCostAbove(m_confirmCost->value());
    s->setUiValue(QStringLiteral("keepInTray"), m_keepInTray->isChecked());
    const QString appearance = m_appearance->currentData().toString();
    if (appearance != s->uiValue(QStringLiteral("appearance"), QStringLiteral("system")).toString()) {
        s->setUiValue(QStringLiteral("appearance"), appearance);
        Theme::applyAppearance(appearance);
    }
    const QString language = m_language->currentData().toString();
    if (language != s->language()) {
        s->setLanguage(language);
        emit languageChanged();
    }
    s->sync();
    if (!newKey.isEmpty()) {
        m_core->credentials()->save(newKey);
        m_key->clear();
    }
    return true;
}
