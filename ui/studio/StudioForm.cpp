#include "studio/StudioForm.h"
#include "common/Theme.h"

#include "studio/ImageSlot.h"
#include "video/RequestBuilder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

StudioForm::StudioForm(const ModelSpec &spec, QWidget *parent) : QWidget(parent), m_spec(spec)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, Theme::Space::S, 0);
    outer->setSpacing(Theme::Space::M);
    // Three groups, each a card: what to show (the prompts), the pictures, the settings.
    const auto section = [this](const QString &title, QLayout *content) {
        auto *card = new QFrame(this);
        Theme::setRole(card, "card");
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(Theme::Space::M, Theme::Space::S, Theme::Space::M, Theme::Space::M);
        v->setSpacing(Theme::Space::S);
        auto *label = new QLabel(title, card);
        Theme::setRole(label, "section");
        v->addWidget(label);
        v->addLayout(content);
        return card;
    };
    auto *prompts = new QFormLayout;
    prompts->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    prompts->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setHorizontalSpacing(Theme::Space::L);
    auto *slotsRow = new QGridLayout;
    slotsRow->setHorizontalSpacing(Theme::Space::M);
    int slotColumn = 0;

    for (const FieldSpec &f : spec.fields) {
        const QString title = f.label.text() + (f.required ? QStringLiteral(" *") : QString());
        auto *error = new QLabel(this);
        error->setWordWrap(true);
        Theme::apply(error, Theme::Tone::Error);
        error->setVisible(false);
        m_errors.insert(f.key, error);

        if (f.type == FieldSpec::Type::Image) {
            auto *slot = new ImageSlot(f.label.text(), f.required, this);
            slot->setObjectName(f.key);
            slot->setToolTip(f.help.text() + QLatin1Char('\n') + slot->toolTip());
            m_slots.insert(f.key, slot);
            slotsRow->addWidget(slot, 0, slotColumn);
            slotsRow->addWidget(error, 1, slotColumn);
            ++slotColumn;
            connect(slot, &ImageSlot::changed, this, [this, key = f.key] { touch(key); });
            continue;
        }

        QWidget *editor = nullptr;
        switch (f.type) {
        case FieldSpec::Type::Text: {
            auto *e = new QLineEdit(this);
            if (f.maxLength > 0)
                e->setMaxLength(f.maxLength);
            connect(e, &QLineEdit::textChanged, this, [this, key = f.key] { touch(key); });
            editor = e;
            break;
        }
        case FieldSpec::Type::LongText: {
            auto *e = new QPlainTextEdit(this);
            e->setTabChangesFocus(true);
            e->setMinimumHeight(f.key == QLatin1String("prompt") ? 110 : 60);
            e->setPlaceholderText(f.help.text());
            connect(e, &QPlainTextEdit::textChanged, this, [this, key = f.key] { touch(key); });
            editor = e;
            break;
        }
        case FieldSpec::Type::Choice: {
            auto *e = new QComboBox(this);
            if (!f.required && !f.defaultValue.isValid())
                e->addItem(tr("(platform default)"), QString());
            for (const QString &c : f.choices)
                e->addItem(c, c);
            if (f.defaultValue.isValid())
                e->setCurrentIndex(e->findData(f.defaultValue.toString()));
            connect(e, &QComboBox::currentIndexChanged, this, &StudioForm::revalidate);
            editor = e;
            break;
        }
        case FieldSpec::Type::Integer: {
            if (!f.choices.isEmpty()) {
                auto *e = new QComboBox(this);
                for (const QString &c : f.choices)
                    e->addItem(f.unit == QLatin1String("s") ? tr("%1 s").arg(c) : c, c);
                if (f.defaultValue.isValid())
                    e->setCurrentIndex(e->findData(f.defaultValue.toString()));
                connect(e, &QComboBox::currentIndexChanged, this, &StudioForm::revalidate);
                editor = e;
            } else {
                auto *e = new QSpinBox(this);
                e->setRange(f.minimum, f.maximum);
                if (f.unit == QLatin1String("s"))
                    e->setSuffix(tr(" s"));
                e->setValue(f.defaultValue.isValid() ? f.defaultValue.toInt() : f.minimum);
                connect(e, &QSpinBox::valueChanged, this, &StudioForm::revalidate);
                editor = e;
            }
            break;
        }
        case FieldSpec::Type::Switch: {
            auto *e = new QCheckBox(f.help.text(), this);
            e->setChecked(f.defaultValue.toString() == f.onValue);
            connect(e, &QCheckBox::toggled, this, &StudioForm::revalidate);
            editor = e;
            break;
        }
        case FieldSpec::Type::Image:
            break;
        }
        editor->setObjectName(f.key);
        editor->setToolTip(f.help.text());
        editor->setAccessibleName(f.label.text());
        editor->setWhatsThis(f.help.text());
        m_editors.insert(f.key, editor);
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(editor);
        column->addWidget(error);
        const bool isPrompt = f.key == QLatin1String("prompt") || f.role == QLatin1String("prompt") ||
                              f.role == QLatin1String("negative_prompt");
        (isPrompt ? prompts : form)->addRow(title + QLatin1Char(':'), column);
    }
    if (prompts->rowCount() > 0)
        outer->addWidget(section(tr("Prompt"), prompts));
    if (slotColumn > 0) {
        slotsRow->setColumnStretch(slotColumn, 1);
        outer->addWidget(section(tr("Frames"), slotsRow));
    }
    if (form->rowCount() > 0)
        outer->addWidget(section(tr("Settings"), form));
    outer->addStretch();
    revalidate();
}

QVariantMap StudioForm::values() const
{
    QVariantMap values;
    for (const FieldSpec &f : m_spec.fields) {
        QWidget *w = m_editors.value(f.key);
        if (!w)
            continue;
        if (auto *e = qobject_cast<QLineEdit *>(w))
            values.insert(f.key, e->text());
        else if (auto *e = qobject_cast<QPlainTextEdit *>(w))
            values.insert(f.key, e->toPlainText());
        else if (auto *e = qobject_cast<QComboBox *>(w))
            values.insert(f.key, e->currentData().toString());
        else if (auto *e = qobject_cast<QSpinBox *>(w))
            values.insert(f.key, QString::number(e->value()));
        else if (auto *e = qobject_cast<QCheckBox *>(w))
            values.insert(f.key, e->isChecked() ? f.onValue : f.offValue);
    }
    return values;
}

void StudioForm::touch(const QString &key)
{
    if (!m_applying)
        m_touched[key] = true;
    revalidate();
}

void StudioForm::setValues(const QVariantMap &values)
{
    // Values carried over from another model are not the user's edits here: no messages for them yet.
    const QScopedValueRollback<bool> applying(m_applying, true);
    for (const FieldSpec &f : m_spec.fields) {
        QWidget *w = m_editors.value(f.key);
        if (!w || !values.contains(f.key))
            continue;
        const QString v = values.value(f.key).toString();
        if (!f.validate(v).isEmpty() && !v.isEmpty())
            continue; // a value the other model allowed but this one does not: keep this model's default
        if (auto *e = qobject_cast<QLineEdit *>(w))
            e->setText(v);
        else if (auto *e = qobject_cast<QPlainTextEdit *>(w))
            e->setPlainText(v);
        else if (auto *e = qobject_cast<QComboBox *>(w)) {
            if (e->findData(v) >= 0)
                e->setCurrentIndex(e->findData(v));
        } else if (auto *e = qobject_cast<QSpinBox *>(w))
            e->setValue(v.toInt());
        else if (auto *e = qobject_cast<QCheckBox *>(w))
            e->setChecked(v == f.onValue);
    }
    revalidate();
}

QMap<QString, PreparedImage> StudioForm::images() const
{
    QMap<QString, PreparedImage> images;
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it)
        if (it.value()->hasImage())
            images.insert(it.key(), it.value()->image());
    return images;
}

void StudioForm::setImage(const QString &key, const PreparedImage &image)
{
    if (ImageSlot *slot = m_slots.value(key))
        slot->setImage(image);
}

bool StudioForm::isPreparing() const
{
    for (ImageSlot *slot : m_slots)
        if (slot->isLoading())
            return true;
    return false;
}

QMap<QString, QString> StudioForm::problems() const
{
    return RequestBuilder::validate(m_spec, values(), images());
}

void StudioForm::revalidate()
{
    const QMap<QString, QString> current = problems();
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        // A field says what is wrong once the user has been there (Submit stays disabled meanwhile).
        const QString text = current.value(it.key());
        const bool show = !text.isEmpty() && m_touched.value(it.key());
        it.value()->setText(text);
        it.value()->setVisible(show);
    }
    emit changed();
}

void StudioForm::showProblems(const QMap<QString, QString> &problems)
{
    for (auto it = problems.cbegin(); it != problems.cend(); ++it) {
        if (QLabel *label = m_errors.value(it.key())) {
            m_touched[it.key()] = true;
            label->setText(it.value());
            label->setVisible(true);
        }
    }
}

QString StudioForm::errorShown(const QString &key) const
{
    QLabel *label = m_errors.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

QPair<QString, QString> StudioForm::frameKeys() const
{
    QPair<QString, QString> keys;
    for (const FieldSpec &f : m_spec.fields) {
        if (f.role == QLatin1String("first_frame"))
            keys.first = f.key;
        else if (f.role == QLatin1String("last_frame"))
            keys.second = f.key;
    }
    return keys;
}

bool StudioForm::canSwapFrames() const
{
    const auto [first, last] = frameKeys();
    return !first.isEmpty() && !last.isEmpty();
}

bool StudioForm::swapFrames()
{
    const auto [first, last] = frameKeys();
    if (first.isEmpty() || last.isEmpty())
        return false;
    const PreparedImage a = m_slots.value(first)->image();
    const PreparedImage b = m_slots.value(last)->image();
    m_slots.value(first)->setImage(b);
    m_slots.value(last)->setImage(a);
    return true;
}
