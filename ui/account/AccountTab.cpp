#include "account/AccountTab.h"
#include "common/Theme.h"

#include "account/AccountStatus.h"
#include "account/CredentialStore.h"
#include "account/UsageChart.h"
#include "core/AppCore.h"
#include "core/Log.h"
#include "store/UsageLedger.h"
#include "video/PricingService.h"

#include <QEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

AccountTab::AccountTab(AppCore *core, QWidget *parent) : QWidget(parent), m_core(core)
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);

    auto *keyBox = new QGroupBox(tr("API key"), content);
    Theme::setRole(keyBox, "group");
    auto *keyLayout = new QVBoxLayout(keyBox);
    m_keyState = new QLabel(keyBox);
    m_keyState->setWordWrap(true);
    m_keyInfo = new QLabel(keyBox);
    m_keyInfo->setWordWrap(true);
    auto *keyButtons = new QHBoxLayout;
    auto *check = new QPushButton(tr("Check now"), keyBox);
    auto *replace = new QPushButton(tr("Replace…"), keyBox);
    auto *remove = new QPushButton(tr("Remove"), keyBox);
    keyButtons->addWidget(check);
    keyButtons->addWidget(replace);
    keyButtons->addWidget(remove);
    keyButtons->addStretch();
    keyLayout->addWidget(m_keyState);
    keyLayout->addWidget(m_keyInfo);
    keyLayout->addLayout(keyButtons);

    auto *balanceBox = new QGroupBox(tr("Balance"), content);
    Theme::setRole(balanceBox, "group");
    auto *balanceLayout = new QVBoxLayout(balanceBox);
    m_balance = new QLabel(balanceBox);
    m_balance->setWordWrap(true);
    auto *steps = new QLabel(tr("The platform shows the balance only on its website: sign in, open the user menu (top "
                                "right) → 财务. To top up: user menu → 充值, choose Alipay (支付宝), enter the amount and "
                                "submit; the balance updates about a minute later."),
                             balanceBox);
    steps->setWordWrap(true);
    auto *balanceButtons = new QHBoxLayout;
    auto *openBalance = new QPushButton(tr("Open the balance page"), balanceBox);
    auto *openTopUp = new QPushButton(tr("Top up…"), balanceBox);
    m_clearBalance = new QPushButton(tr("I have topped up"), balanceBox);
    m_clearBalance->setToolTip(tr("Clear the warning; the next call that goes through clears it too."));
    balanceButtons->addWidget(openBalance);
    balanceButtons->addWidget(openTopUp);
    balanceButtons->addWidget(m_clearBalance);
    balanceButtons->addStretch();
    balanceLayout->addWidget(m_balance);
    balanceLayout->addWidget(steps);
    balanceLayout->addLayout(balanceButtons);

    auto *usageBox = new QGroupBox(tr("Usage"), content);
    Theme::setRole(usageBox, "group");
    auto *usageLayout = new QVBoxLayout(usageBox);
    auto *usageTop = new QHBoxLayout;
    m_period = new QComboBox(usageBox);
    m_period->addItem(tr("Per day"), int(UsageSummary::Period::Day));
    m_period->addItem(tr("Per week"), int(UsageSummary::Period::Week));
    m_period->addItem(tr("Per month"), int(UsageSummary::Period::Month));
    m_period->setAccessibleName(tr("Period"));
    auto *exportButton = new QPushButton(tr("Export CSV…"), usageBox);
    usageTop->addWidget(m_period);
    usageTop->addStretch();
    usageTop->addWidget(exportButton);
    m_totals = new QLabel(usageBox);
    m_totals->setWordWrap(true);
    m_chart = new UsageChart(usageBox);
    connect(m_chart, &UsageChart::startRequested, this, &AccountTab::chatRequested);
    m_models = new QTableWidget(0, 6, usageBox);
    m_models->setHorizontalHeaderLabels({tr("Model"), tr("Calls"), tr("Tokens (prompt / completion / cached)"), tr("Total tokens"),
                                         tr("Credits"), tr("Price")});
    m_models->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_models->horizontalHeader()->setStretchLastSection(true);
    m_models->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_models->setAccessibleName(tr("Usage per model"));
    m_calls = new QTableWidget(0, 5, usageBox);
    m_calls->setHorizontalHeaderLabels({tr("Time"), tr("Kind"), tr("Model"), tr("Tokens"), tr("Credits")});
    m_calls->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_calls->horizontalHeader()->setStretchLastSection(true);
    m_calls->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_calls->setMinimumHeight(160);
    m_calls->setAccessibleName(tr("Calls"));
    usageLayout->addLayout(usageTop);
    usageLayout->addWidget(m_totals);
    usageLayout->addWidget(m_chart);
    usageLayout->addWidget(new QLabel(tr("Per model"), usageBox));
    usageLayout->addWidget(m_models);
    usageLayout->addWidget(new QLabel(tr("Calls, newest first"), usageBox));
    usageLayout->addWidget(m_calls);

    layout->addWidget(keyBox);
    layout->addWidget(balanceBox);
    layout->addWidget(usageBox, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    AccountStatus *account = core->account();
    connect(check, &QPushButton::clicked, account, &AccountStatus::checkKey);
    connect(replace, &QPushButton::clicked, this, &AccountTab::settingsRequested);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Remove API key"), tr("Remove the stored API key from this computer?")) == QMessageBox::Yes)
            m_core->credentials()->remove();
    });
    connect(openBalance, &QPushButton::clicked, this, [] { QDesktopServices::openUrl(QUrl(AccountStatus::balancePageUrl())); });
    connect(openTopUp, &QPushButton::clicked, this, [] { QDesktopServices::openUrl(QUrl(AccountStatus::balancePageUrl())); });
    connect(m_clearBalance, &QPushButton::clicked, account, &AccountStatus::clearBalanceWarning);
    connect(account, &AccountStatus::keyStateChanged, this, &AccountTab::updateKey);
    connect(account, &AccountStatus::balanceChanged, this, &AccountTab::updateBalance);
    connect(core->credentials(), &CredentialStore::keyChanged, this, &AccountTab::updateKey);
    connect(core->ledger(), &UsageLedger::recorded, this, &AccountTab::refresh);
    connect(core->pricing(), &PricingService::priceKnown, this, &AccountTab::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &AccountTab::refresh);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export usage"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/yuanjing-usage.csv"),
            tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportCsv(path))
            QMessageBox::warning(this, tr("Export usage"), tr("Could not write %1.").arg(path));
    });
    updateKey();
    updateBalance();
    refresh();
}

void AccountTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Each time the tab opens: a free call tells whether the key still works.
    m_core->account()->checkKey();
}

void AccountTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The coloured states are rich text made with the palette of the moment: made again for a new one.
    if (event->type() == QEvent::PaletteChange) {
        updateKey();
        updateBalance();
    }
}

void AccountTab::updateKey()
{
    AccountStatus *account = m_core->account();
    const auto state = account->keyState();
    const Theme::Tone tone = state == AccountStatus::KeyState::Valid         ? Theme::Tone::Success
                             : state == AccountStatus::KeyState::Rejected    ? Theme::Tone::Error
                             : state == AccountStatus::KeyState::Unreachable ? Theme::Tone::Warning
                                                                             : Theme::Tone::Plain;
    m_keyState->setText(QStringLiteral("<b>%1</b>").arg(Theme::colored(tone, account->keyStateText().toHtmlEscaped())));
    m_keyState->setToolTip(account->keyDetail());
    CredentialStore *store = m_core->credentials();
    QString info = store->hasKey() ? tr("Key: %1").arg(Redaction::mask(store->apiKey())) : tr("No key is stored.");
    if (m_core->isDemo())
        info += QLatin1Char(' ') + tr("(Demo mode: the built-in simulator is used and no key is sent.)");
    if (store->hasKey())
        info += QLatin1Char('\n') + store->storageDescription();
    m_keyInfo->setText(info);
}

void AccountTab::updateBalance()
{
    AccountStatus *account = m_core->account();
    if (account->balanceInsufficient()) {
        const QString text = tr("Insufficient since %1%2. Calls that cost money are refused until you top up.")
                                 .arg(QLocale().toString(account->insufficientSince(), QLocale::ShortFormat),
                                      account->insufficientModel().isEmpty() ? QString()
                                                                             : tr(" (for %1)").arg(account->insufficientModel()));
        m_balance->setText(QStringLiteral("<b>%1</b>").arg(Theme::colored(Theme::Tone::Error, text.toHtmlEscaped())));
    } else {
        m_balance->setText(tr("No balance problem reported by the platform."));
    }
    m_clearBalance->setEnabled(account->balanceInsufficient());
}

void AccountTab::refresh()
{
    const QList<LedgerEntry> entries = m_core->ledger()->entries();
    const auto period = UsageSummary::Period(m_period->currentData().toInt());
    const QDate today = QDate::currentDate();
    const QLocale locale;
    const auto describe = [&](const UsageSummary::Totals &t) {
        return tr("%n call(s), %1 tokens, %2 credits", nullptr, t.calls)
            .arg(locale.toString(t.totalTokens))
            .arg(locale.toString(t.credits, 'g', 10));
    };
    QList<LedgerEntry> todayEntries, weekEntries, monthEntries;
    for (const LedgerEntry &e : entries) {
        const QDate d = e.createdAt.toLocalTime().date();
        if (d == today)
            todayEntries << e;
        if (UsageSummary::periodStart(d, UsageSummary::Period::Week) == UsageSummary::periodStart(today, UsageSummary::Period::Week))
            weekEntries << e;
        if (UsageSummary::periodStart(d, UsageSummary::Period::Month) == UsageSummary::periodStart(today, UsageSummary::Period::Month))
            monthEntries << e;
    }
    m_totals->setText(tr("Today: %1\nThis week: %2\nThis month: %3\nAll recorded: %4")
                          .arg(describe(UsageSummary::total(todayEntries)), describe(UsageSummary::total(weekEntries)),
                               describe(UsageSummary::total(monthEntries)), describe(UsageSummary::total(entries))));

    // The chart: the last periods, tokens for chat and credits for video shown as one figure each.
    const QMap<QDate, UsageSummary::Totals> periods = UsageSummary::byPeriod(entries, period);
    QList<UsageChart::Bar> bars;
    const int count = period == UsageSummary::Period::Day ? 14 : period == UsageSummary::Period::Week ? 8 : 6;
    QDate start = UsageSummary::periodStart(today, period);
    for (int i = count - 1; i >= 0; --i) {
        const QDate d = period == UsageSummary::Period::Day    ? start.addDays(-i)
                        : period == UsageSummary::Period::Week ? start.addDays(-7 * i)
                                                               : start.addMonths(-i);
        const UsageSummary::Totals t = periods.value(d);
        bars.append({period == UsageSummary::Period::Month ? locale.toString(d, QStringLiteral("yyyy-MM")) : locale.toString(d, QStringLiteral("MM-dd")),
                     double(t.totalTokens)});
    }
    // Nothing used yet: the chart's empty state (what it will show, and Start a chat), not a row of zeros.
    if (entries.isEmpty())
        bars.clear();
    m_chart->setBars(bars, tr("Tokens"));

    const QMap<QString, UsageSummary::Totals> models = UsageSummary::byModel(entries);
    m_models->setRowCount(int(models.size()));
    int row = 0;
    for (auto it = models.cbegin(); it != models.cend(); ++it, ++row) {
        const UsageSummary::Totals &t = it.value();
        const QStringList cells{it.key(), QString::number(t.calls),
                                QStringLiteral("%1 / %2 / %3").arg(t.promptTokens).arg(t.completionTokens).arg(t.cachedTokens),
                                QString::number(t.totalTokens), locale.toString(t.credits, 'g', 10),
                                m_core->pricing()->priceText(it.key())};
        for (int c = 0; c < cells.size(); ++c)
            m_models->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }

    const int shown = int(qMin<qsizetype>(entries.size(), 500));
    m_calls->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const LedgerEntry &e = entries.at(entries.size() - 1 - i);
        const QStringList cells{locale.toString(e.createdAt.toLocalTime(), QLocale::ShortFormat),
                                e.kind == QLatin1String("video") ? tr("Video") : tr("Chat"), e.model,
                                e.kind == QLatin1String("video") ? QString() : QString::number(e.usage.totalTokens),
                                e.credits > 0 ? locale.toString(e.credits, 'g', 10) : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_calls->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
}

bool AccountTab::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(UsageSummary::toCsv(m_core->ledger()->entries()));
    return file.commit();
}
