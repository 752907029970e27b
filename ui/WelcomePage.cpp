#include "WelcomePage.h"
#include "common/Theme.h"

#include "account/CredentialStore.h"
#include "api/PlatformClient.h"
#include "core/AppCore.h"
#include "core/AppSettings.h"

#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(AppCore *core, QWidget *parent) : QWidget(parent), m_core(core)
{
    auto *outer = new QVBoxLayout(this);
    auto *box = new QWidget(this);
    // A fixed width lets the wrapped rich-text labels report their real height.
    box->setFixedWidth(640);
    auto *layout = new QVBoxLayout(box);

    auto *icon = new QLabel(box);
    icon->setPixmap(Theme::icon(QStringLiteral("yuanjing")).pixmap(72, 72));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Welcome to Yuanjing Studio"), box);
    Theme::setRole(title, "heading");
    title->setAlignment(Qt::AlignCenter);
    auto *intro = new QLabel(tr("Chat with LLMs and make videos with Seedance, Wan and Vidu on the 元境 platform. "
                                "To start, paste your API key."), box);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);

    // Numbered lines rather than <ol>: QLabel measures lists too short when wrapping.
    auto *steps = new QLabel(tr("<b>How to get a key:</b><br>"
                                "1. Sign in at <a href=\"https://opencomputing.ai\">opencomputing.ai</a>.<br>"
                                "2. Open the menu 元境平台 (top left) → 下位系统接口 → 下位系统.<br>"
                                "3. Click 创建APIKEY, fill in the form and submit.<br>"
                                "4. Click 复制apikey and paste the key below."), box);
    steps->setWordWrap(true);
    steps->setOpenExternalLinks(true);
    steps->setTextFormat(Qt::RichText);
    steps->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Lines mixing Latin and CJK text come out taller than QLabel's estimate: leave room for that.
    steps->setMinimumHeight(steps->heightForWidth(600) + 2 * steps->fontMetrics().lineSpacing());

    m_key = new QLineEdit(box);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste your API key"));
    m_key->setAccessibleName(tr("API key"));
    m_key->setClearButtonEnabled(true);
    m_continue = new QPushButton(tr("Save key and start"), box);
    m_continue->setDefault(true);
    Theme::setRole(m_continue, "primary");
    m_error = new QLabel(box);
    m_error->setWordWrap(true);
    Theme::apply(m_error, Theme::Tone::Error);
    m_error->setVisible(false);
    m_storage = new QLabel(box);
    m_storage->setWordWrap(true);
    m_storage->setVisible(false);

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_continue);

    auto *demoText = new QLabel(tr("No key yet? Try everything with the built-in simulator: nothing is sent to "
                                   "the platform and nothing is billed."), box);
    demoText->setWordWrap(true);
    m_demo = new QPushButton(tr("Try demo mode"), box);
    Theme::setRole(m_demo, "toolbar");

    // Two cards: the key, and the demo for those without one.
    const auto card = [box](std::initializer_list<QWidget *> widgets, QLayout *row = nullptr) {
        auto *frame = new QFrame(box);
        Theme::setRole(frame, "card");
        auto *v = new QVBoxLayout(frame);
        v->setContentsMargins(Theme::Space::L, Theme::Space::M, Theme::Space::L, Theme::Space::M);
        v->setSpacing(Theme::Space::S);
        for (QWidget *w : widgets)
            v->addWidget(w);
        if (row)
            v->addLayout(row);
        return frame;
    };
    layout->setSpacing(Theme::Space::M);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(Theme::Space::S);
    QFrame *keyCard = card({steps}, keyRow);
    keyCard->layout()->addWidget(m_error);
    keyCard->layout()->addWidget(m_storage);
    layout->addWidget(keyCard);
    auto *demoRow = new QHBoxLayout;
    demoRow->addWidget(demoText, 1);
    demoRow->addWidget(m_demo);
    layout->addWidget(card({}, demoRow));

    outer->addStretch();
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch();

    connect(m_continue, &QPushButton::clicked, this, &WelcomePage::submit);
    connect(m_key, &QLineEdit::returnPressed, this, &WelcomePage::submit);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
}

void WelcomePage::setBusy(bool busy)
{
    m_continue->setEnabled(!busy);
    m_key->setEnabled(!busy);
}

void WelcomePage::submit()
{
    const QString problem = AppSettings::validateApiKey(m_key->text());
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    setBusy(true);
    CredentialStore *store = m_core->credentials();
    connect(store, &CredentialStore::saved, this, [this, store](bool ok, const QString &error) {
        setBusy(false);
        if (!ok) {
            m_error->setText(tr("The key could not be stored: %1").arg(error));
            m_error->setVisible(true);
            return;
        }
        m_key->clear();
        if (store->storage() == CredentialStore::Storage::File) {
            m_storage->setText(store->storageDescription());
            m_storage->setVisible(true);
        }
        emit keyAccepted();
    }, Qt::SingleShotConnection);
    store->save(m_key->text());
}
