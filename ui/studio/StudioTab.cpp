#include "studio/StudioTab.h"
#include "common/Theme.h"

#include "core/AppCore.h"
#include "core/AppSettings.h"
#include "studio/CompareView.h"
#include "studio/ImageSlot.h"
#include "studio/PromptHelper.h"
#include "studio/RecentStrip.h"
#include "studio/StoryPlanDialog.h"
#include "studio/StudioForm.h"
#include "video/ModelCatalog.h"
#include "video/PricingService.h"
#include "video/VideoSubmitter.h"

#include <QButtonGroup>
#include <QJsonObject>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

StudioTab::StudioTab(AppCore *core, QWidget *parent) : QWidget(parent), m_core(core)
{
    // The form in a column of a readable width; beside it, this Studio's recent tasks and a player.
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(Theme::Space::L, Theme::Space::M, Theme::Space::L, Theme::Space::M);
    root->setSpacing(Theme::Space::XL);
    auto *column = new QWidget(this);
    column->setMinimumWidth(460);
    column->setMaximumWidth(720);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Space::S);
    root->addWidget(column, 3);
    m_recent = new RecentStrip(core, this);
    root->addWidget(m_recent, 2);

    // The mode: a segmented control.
    auto *modeRow = new QHBoxLayout;
    modeRow->setSpacing(0);
    m_modes = new QButtonGroup(this);
    m_modes->setExclusive(true);
    const QStringList modes = ModelSpec::modes();
    for (const QString &mode : modes) {
        auto *button = new QPushButton(ModelSpec::modeLabel(mode), column);
        button->setCheckable(true);
        button->setProperty("mode", mode);
        button->setObjectName(QStringLiteral("mode_") + mode);
        button->setProperty("yjSegment", mode == modes.first() ? QStringLiteral("first")
                                         : mode == modes.last() ? QStringLiteral("last")
                                                                : QStringLiteral("middle"));
        Theme::setRole(button, "segment");
        m_modes->addButton(button);
        modeRow->addWidget(button);
    }
    modeRow->addStretch();
    layout->addLayout(modeRow);

    auto *modelRow = new QHBoxLayout;
    m_model = new QComboBox(column);
    m_model->setMinimumContentsLength(30);
    m_model->setAccessibleName(tr("Model"));
    m_price = new QLabel(column);
    m_price->setWordWrap(true);
    Theme::setRole(m_price, "caption");
    modelRow->addWidget(new QLabel(tr("Model:"), column));
    modelRow->addWidget(m_model);
    modelRow->addWidget(m_price, 1);
    layout->addLayout(modelRow);
    m_disabled = new QLabel(column);
    m_disabled->setVisible(false);
    Theme::apply(m_disabled, Theme::Tone::Warning);
    layout->addWidget(m_disabled);

    m_scroll = new QScrollArea(column);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll, 1);
    m_promptHelper = new PromptHelper(core, column);
    layout->addWidget(m_promptHelper);

    auto *actions = new QHBoxLayout;
    m_swap = new QToolButton(this);
    m_swap->setText(tr("Swap first and last frame"));
    m_history = new QToolButton(this);
    m_history->setText(tr("Earlier prompts"));
    m_history->setPopupMode(QToolButton::InstantPopup);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_submit = new QPushButton(tr("Generate video"), this);
    m_submit->setIcon(Theme::iconIn(QStringLiteral("video"), Theme::role(Theme::Role::OnAccent, palette())));
    m_submit->setDefault(true);
    m_submit->setMinimumWidth(200);
    Theme::setRole(m_submit, "primary");
    m_compare = new QPushButton(tr("Compare…"), this);
    m_compare->setToolTip(tr("Send this prompt to 2 to 4 models of this mode and see the results side by side"));
    m_takes = new QSpinBox(this);
    m_takes->setRange(2, 4);
    m_takes->setAccessibleName(tr("Takes"));
    m_variations = new QPushButton(tr("Make variations…"), this);
    m_variations->setToolTip(tr("Several takes of these settings, side by side (each its own seed where the model has one)"));
    actions->addWidget(m_swap);
    actions->addWidget(m_history);
    actions->addWidget(m_compare);
    actions->addWidget(m_takes);
    actions->addWidget(m_variations);
    auto *planStory = new QToolButton(this);
    planStory->setObjectName(QStringLiteral("planStoryboard"));
    planStory->setText(tr("Plan a storyboard…"));
    planStory->setToolTip(tr("A chat model splits a story into shots for this model; you review them before anything is generated."));
    actions->addWidget(planStory);
    connect(planStory, &QToolButton::clicked, this, &StudioTab::planStoryboard);
    actions->addStretch(1);
    for (QAbstractButton *b : std::initializer_list<QAbstractButton *>{m_swap, m_history, m_compare, m_variations, planStory})
        Theme::setRole(b, "toolbar");
    layout->addLayout(actions);
    // The main action, prominent, with what it will cost; what happened beside it.
    auto *generateRow = new QHBoxLayout;
    generateRow->addWidget(m_status, 1);
    generateRow->addWidget(m_submit);
    layout->addLayout(generateRow);

    connect(m_recent, &RecentStrip::reuseRequested, this, &StudioTab::loadTask);

    connect(m_modes, &QButtonGroup::buttonClicked, this,
            [this](QAbstractButton *b) { setMode(b->property("mode").toString()); });
    connect(m_model, &QComboBox::currentIndexChanged, this, &StudioTab::onModelChanged);
    connect(m_swap, &QToolButton::clicked, this, [this] {
        if (m_form)
            m_form->swapFrames();
    });
    connect(m_history, &QToolButton::pressed, this, &StudioTab::showHistory);
    connect(m_submit, &QPushButton::clicked, this, &StudioTab::submit);
    connect(m_compare, &QPushButton::clicked, this, [this] { openCompare(); });
    connect(m_variations, &QPushButton::clicked, this, [this] { openVariations(m_takes->value()); });
    connect(m_status, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("account"))
            emit balanceHelpRequested();
        else
            QDesktopServices::openUrl(QUrl(link));
    });
    connect(core->pricing(), &PricingService::priceKnown, this, [this](const QString &model, const QString &text) {
        if (m_form && m_form->spec().model == model)
            m_price->setText(text);
    });
    connect(core->costs(), &CostEstimator::estimateChanged, this, [this](const QString &model) {
        if (m_form && m_form->spec().model == model)
            refreshCost(true);
    });
    connect(core->tasks(), &TaskStore::taskChanged, this, &StudioTab::onTaskChanged);

    VideoSubmitter *submitter = core->videoSubmitter();
    connect(submitter, &VideoSubmitter::busyChanged, this, &StudioTab::updateSubmit);
    connect(submitter, &VideoSubmitter::refused, this, [this](const QMap<QString, QString> &fields, const QString &error) {
        if (m_form)
            m_form->showProblems(fields);
        showStatus(error.isEmpty() ? tr("Some fields need attention.") : error, true);
    });
    connect(submitter, &VideoSubmitter::submitted, this, [this](const VideoTask &task) {
        m_lastTask = task.id;
        m_lastEstimate = m_estimate;
        showStatus(tr("Submitted: task %1. It is on its way in Recent videos, beside the form.").arg(task.taskId), false);
        emit taskSubmitted(task);
    });
    connect(submitter, &VideoSubmitter::rejected, this, &StudioTab::onRejected);
    connect(submitter, &VideoSubmitter::uncertain, this, [this](const VideoTask &, const ApiError &error) {
        showStatus(tr("No clear answer from the platform (%1): the task may or may not have been created. It is kept "
                      "as “unknown”; check on the platform before submitting again.")
                       .arg(error.title()),
                   true);
    });

    const QString lastMode = core->settings()->uiValue(QStringLiteral("studio/mode"), QStringLiteral("t2v")).toString();
    setMode(ModelSpec::modes().contains(lastMode) ? lastMode : QStringLiteral("t2v"));
}

void StudioTab::setMode(const QString &mode)
{
    m_mode = mode;
    for (QAbstractButton *b : m_modes->buttons())
        b->setChecked(b->property("mode").toString() == mode);
    m_core->settings()->setUiValue(QStringLiteral("studio/mode"), mode);
    fillModels();
}

void StudioTab::fillModels()
{
    const QSignalBlocker block(m_model);
    m_model->clear();
    auto *items = qobject_cast<QStandardItemModel *>(m_model->model());
    for (const ModelSpec &spec : m_core->videoModels()->models(m_mode)) {
        QString text = spec.vendorLabel.text() + QStringLiteral(" · ") + spec.label.text();
        if (!spec.enabled)
            text += QStringLiteral(" (%1)").arg(spec.disabledReason.text());
        m_model->addItem(text, spec.llmid);
        if (!spec.enabled && items)
            items->item(m_model->count() - 1)->setEnabled(false);
    }
    const QString last = m_core->settings()->uiValue(QStringLiteral("studio/model_") + m_mode).toString();
    const int index = m_model->findData(last);
    m_model->setCurrentIndex(index >= 0 ? index : 0);
    onModelChanged();
}

bool StudioTab::selectModel(const QString &llmid)
{
    const ModelSpec *spec = m_core->videoModels()->model(llmid);
    if (!spec)
        return false;
    if (spec->mode != m_mode)
        setMode(spec->mode);
    const int index = m_model->findData(llmid);
    if (index < 0)
        return false;
    m_model->setCurrentIndex(index);
    return true;
}

bool StudioTab::loadTask(const VideoTask &task)
{
    if (!selectModel(task.llmid) || !m_form)
        return false;
    QVariantMap values;
    for (auto it = task.params.constBegin(); it != task.params.constEnd(); ++it)
        values.insert(it.key(), it->isDouble() ? QString::number(it->toInt()) : it->toString());
    values.insert(QStringLiteral("prompt"), task.prompt);
    m_form->setValues(values);
    for (auto it = task.images.constBegin(); it != task.images.constEnd(); ++it) {
        const QJsonObject o = it->toObject();
        if (o.contains(QLatin1String("url"))) {
            m_form->setImage(it.key(), ImagePreparer::fromUrl(QUrl(o.value(QLatin1String("url")).toString())));
        } else if (ImageSlot *slot = m_form->imageSlot(it.key())) {
            slot->loadFile(o.value(QLatin1String("file")).toString());
        }
    }
    showStatus(tr("Settings of an earlier task loaded: check them, then generate."), false);
    return true;
}

bool StudioTab::useFrame(const QImage &frame, const QString &role, const QString &origin)
{
    auto keyFor = [&role](const ModelSpec &spec) {
        for (const FieldSpec &f : spec.fields)
            if (f.type == FieldSpec::Type::Image && f.role == role)
                return f.key;
        return QString();
    };
    QString key = m_form ? keyFor(m_form->spec()) : QString();
    if (key.isEmpty()) {
        // Image-to-video first for frames, reference-to-video for a reference; enabled models first.
        QStringList modes{role == QLatin1String("reference") ? QStringLiteral("r2v") : QStringLiteral("i2v")};
        for (const QString &m : ModelSpec::modes())
            if (!modes.contains(m))
                modes << m;
        QString llmid;
        for (int pass = 0; pass < 2 && llmid.isEmpty(); ++pass)
            for (const QString &m : std::as_const(modes)) {
                for (const ModelSpec &spec : m_core->videoModels()->models(m))
                    if ((pass == 1 || spec.enabled) && !keyFor(spec).isEmpty()) {
                        llmid = spec.llmid;
                        break;
                    }
                if (!llmid.isEmpty())
                    break;
            }
        if (llmid.isEmpty() || !selectModel(llmid) || !m_form) {
            showStatus(tr("No video model takes such a picture."), true);
            return false;
        }
        key = keyFor(m_form->spec());
    }
    m_form->setImage(key, ImagePreparer::fromImage(frame, origin));
    showStatus(tr("A frame of “%1” is in place: write the prompt, then generate.").arg(origin.toHtmlEscaped()), false);
    return true;
}

bool StudioTab::usePrompt(const QString &prompt)
{
    if (!m_form)
        return false;
    m_form->setValues({{QStringLiteral("prompt"), prompt}});
    showStatus(tr("Prompt from the chat: check it and the settings, then generate."), false);
    return true;
}

StoryPlanDialog *StudioTab::planStoryboard()
{
    if (!m_form)
        return nullptr;
    auto *dialog = new StoryPlanDialog(m_core, m_form->spec(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StoryPlanDialog::boardAccepted, this, &StudioTab::boardPlanned);
    dialog->open();
    return dialog;
}

StoryPlanDialog *StudioTab::reviewShots(const QString &answer)
{
    if (!m_form)
        return nullptr;
    auto *dialog = new StoryPlanDialog(m_core, m_form->spec(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StoryPlanDialog::boardAccepted, this, &StudioTab::boardPlanned);
    dialog->showAnswer(answer);
    dialog->open();
    return dialog;
}

void StudioTab::onModelChanged()
{
    const QString llmid = m_model->currentData().toString();
    const ModelSpec *spec = m_core->videoModels()->model(llmid);
    // Values that still apply carry over to the next model: the prompt above all.
    QVariantMap values;
    QMap<QString, PreparedImage> images;
    if (m_form) {
        values = m_form->values();
        images = m_form->images();
    }
    m_form = nullptr;
    m_promptHelper->setForm(nullptr);
    if (!spec) {
        m_scroll->setWidget(new QLabel(tr("No model for this mode."), m_scroll));
        updateSubmit();
        return;
    }
    m_core->settings()->setUiValue(QStringLiteral("studio/model_") + m_mode, llmid);
    m_form = new StudioForm(*spec, m_scroll);
    m_form->setValues(values);
    for (auto it = images.cbegin(); it != images.cend(); ++it)
        if (m_form->imageSlot(it.key()))
            m_form->setImage(it.key(), it.value());
    m_scroll->setWidget(m_form); // deletes the previous form
    connect(m_form, &StudioForm::changed, this, &StudioTab::updateSubmit);
    m_promptHelper->setForm(m_form);
    m_disabled->setText(tr("This model is shown but not yet enabled on the platform (%1).").arg(spec->disabledReason.text()));
    m_disabled->setVisible(!spec->enabled);
    m_price->setText(m_core->pricing()->priceText(spec->model));
    m_swap->setVisible(m_form->canSwapFrames());
    m_status->clear();
    updateSubmit();
}

void StudioTab::updateSubmit()
{
    const bool busy = m_core->videoSubmitter()->isBusy();
    const bool ok = m_form && m_form->spec().enabled && m_form->isValid();
    m_submit->setEnabled(ok && !busy);
    m_variations->setEnabled(ok);
    m_compare->setEnabled(m_form != nullptr);
    refreshCost(false);
    m_submit->setText(busy ? tr("Submitting…") : tr("Generate video · %1").arg(m_estimate.shortText()));
    m_submit->setToolTip((ok ? tr("Send this task to the platform (it may be billed).") : tr("Fill in the required fields first."))
                         + QLatin1Char('\n') + tr("Expected cost: %1").arg(m_estimate.text()));
}

CompareView *StudioTab::openCompare()
{
    if (!m_form)
        return nullptr;
    auto *view = new CompareView(m_core, m_mode, this);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setPrompt(m_form->values().value(QStringLiteral("prompt")).toString());
    // The pictures go by what they are (first frame, reference…), whatever each model calls them.
    QList<QPair<QString, PreparedImage>> pictures;
    const QMap<QString, PreparedImage> images = m_form->images();
    for (const FieldSpec *f : m_form->spec().imageFields())
        if (images.contains(f->key) && !f->role.isEmpty())
            pictures.append({f->role, images.value(f->key)});
    view->setPictures(pictures);
    view->checkModels({m_form->spec().llmid});
    connect(view, &CompareView::useSettingsRequested, this, [this](const VideoTask &task) {
        loadTask(task);
        window()->activateWindow();
    });
    view->resize(1000, 760);
    view->show();
    return view;
}

CompareView *StudioTab::openVariations(int takes)
{
    if (!m_form || !m_form->isValid())
        return nullptr;
    CompareView *view = openCompare();
    view->setVariations(m_form->spec(), m_form->values(), m_form->images(), takes);
    return view;
}

void StudioTab::refreshCost(bool force)
{
    if (!m_form) {
        m_estimate = {};
        m_costKey.clear();
        return;
    }
    // The estimate reads the task store: only when the model or a priced setting changed, not per key.
    const QVariantMap values = m_form->values();
    const QString key = m_form->spec().llmid
        + QString::fromUtf8(QJsonDocument(CostEstimator::pricedSettings(m_form->spec(), values)).toJson(QJsonDocument::Compact));
    if (!force && key == m_costKey)
        return;
    m_costKey = key;
    m_estimate = m_core->costs()->estimate(m_form->spec(), values);
    if (force)
        updateSubmit();
}

bool StudioTab::confirmCost()
{
    const int threshold = m_core->settings()->confirmCostAbove();
    if (!CostEstimator::needsConfirmation(m_estimate, threshold))
        return true;
    QMessageBox box(QMessageBox::Question, tr("Expensive video"),
                    tr("This video is expected to cost %1, more than the %2 credits you asked to be warned about. Send it?")
                        .arg(m_estimate.text())
                        .arg(threshold),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmCost"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void StudioTab::onTaskChanged(const VideoTask &task)
{
    if (task.state == VideoTask::State::Succeeded && m_form && task.llmid == m_form->spec().llmid)
        refreshCost(true); // one more run in the history
    if (task.id != m_lastTask || m_lastTask == 0 || task.state != VideoTask::State::Succeeded
        || !task.usage.contains(QLatin1String("credits")))
        return;
    m_lastTask = 0;
    showStatus(tr("Task %1 is done: it cost %2 credits (expected: %3).")
                   .arg(task.taskId)
                   .arg(task.usage.value(QLatin1String("credits")).toDouble())
                   .arg(m_lastEstimate.text()),
               false);
}

void StudioTab::submit()
{
    if (!m_form || !m_submit->isEnabled())
        return;
    refreshCost(true);
    if (!confirmCost()) {
        showStatus(tr("Not sent."), false);
        return;
    }
    showStatus(tr("Preparing the request…"), false);
    m_core->videoSubmitter()->submit(m_form->spec(), m_form->values(), m_form->images(),
                                     qint64(m_core->settings()->requestSizeLimitKiB()) * 1024);
}

void StudioTab::onRejected(const VideoTask &, const ApiError &error)
{
    if (error.kind() == ApiError::Kind::InsufficientBalance) {
        showStatus(tr("Your balance is too low for this model. <a href=\"https://opencomputing.ai\">Top up on the "
                      "platform</a> (user menu → 充值) or <a href=\"account\">see the Account tab</a>."),
                   true);
        return;
    }
    if (error.kind() == ApiError::Kind::BadRequest && m_form) {
        // Point at the field the server names, when it names one.
        for (const FieldSpec &f : m_form->spec().fields) {
            if (error.serverMessage().contains(f.key)) {
                m_form->showProblems({{f.key, error.serverMessage()}});
                break;
            }
        }
    }
    showStatus(error.message(), true);
}

void StudioTab::showStatus(const QString &html, bool error)
{
    m_status->setText(html);
    Theme::apply(m_status, error ? Theme::Tone::Error : Theme::Tone::Plain);
}

void StudioTab::showHistory()
{
    auto *menu = new QMenu(m_history);
    const QStringList prompts = m_core->tasks()->promptHistory(m_mode);
    if (prompts.isEmpty())
        menu->addAction(tr("No earlier prompts in this mode"))->setEnabled(false);
    for (const QString &p : prompts) {
        QString shown = p.simplified();
        if (shown.size() > 80)
            shown = shown.left(80) + QStringLiteral("…");
        menu->addAction(shown, this, [this, p] {
            if (m_form)
                m_form->setValues({{QStringLiteral("prompt"), p}});
        });
    }
    m_history->setMenu(menu);
    m_history->showMenu();
    m_history->setMenu(nullptr);
    menu->deleteLater();
}
