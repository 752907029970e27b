#include "video/ModelSchema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace {
// Field keys name the picture files of a task (<key>.jpg) and the request's fields: ASCII letters,
// digits and "_" only, so "../x" or "a/b" can never leave the task's folder.
constexpr int MaxKeyLength = 64;

bool isSafeKey(const QString &key)
{
    if (key.isEmpty() || key.size() > MaxKeyLength)
        return false;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'))
            return false;
    }
    return true;
}

bool uiIsChinese()
{
    return QLocale().language() == QLocale::Chinese;
}
} // namespace

QString LocalizedText::text() const
{
    if (uiIsChinese())
        return zh.isEmpty() ? en : zh;
    return en.isEmpty() ? zh : en;
}

LocalizedText LocalizedText::fromJson(const QJsonValue &value)
{
    LocalizedText t;
    if (value.isString()) {
        t.zh = t.en = value.toString();
    } else {
        const QJsonObject o = value.toObject();
        t.zh = o.value(QLatin1String("zh_CN")).toString();
        t.en = o.value(QLatin1String("en")).toString();
    }
    return t;
}

QString FieldSpec::typeName(Type type)
{
    switch (type) {
    case Type::Text: return QStringLiteral("text");
    case Type::LongText: return QStringLiteral("longtext");
    case Type::Choice: return QStringLiteral("choice");
    case Type::Integer: return QStringLiteral("integer");
    case Type::Switch: return QStringLiteral("switch");
    case Type::Image: return QStringLiteral("image");
    }
    return {};
}

QStringList FieldSpec::roles()
{
    return {QStringLiteral("prompt"),     QStringLiteral("negative_prompt"), QStringLiteral("aspect_ratio"),
            QStringLiteral("resolution"), QStringLiteral("size"),            QStringLiteral("duration"),
            QStringLiteral("seed"),       QStringLiteral("first_frame"),     QStringLiteral("last_frame"),
            QStringLiteral("reference")};
}

bool FieldSpec::roleFits(const QString &role, Type type)
{
    if (role == QLatin1String("prompt") || role == QLatin1String("negative_prompt"))
        return type == Type::Text || type == Type::LongText;
    if (role == QLatin1String("aspect_ratio") || role == QLatin1String("resolution") || role == QLatin1String("size"))
        return type == Type::Choice;
    if (role == QLatin1String("duration") || role == QLatin1String("seed"))
        return type == Type::Integer;
    if (role == QLatin1String("first_frame") || role == QLatin1String("last_frame") || role == QLatin1String("reference"))
        return type == Type::Image;
    return false;
}

QString FieldSpec::validate(const QVariant &value) const
{
    const bool unset = !value.isValid() || (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty());
    if (unset)
        return required ? QCoreApplication::translate("ModelSchema", "%1 is required.").arg(label.text()) : QString();
    switch (type) {
    case Type::Text:
    case Type::LongText:
        if (maxLength > 0 && value.toString().size() > maxLength)
            return QCoreApplication::translate("ModelSchema", "%1 is too long (%2 of at most %3 characters).")
                .arg(label.text())
                .arg(value.toString().size())
                .arg(maxLength);
        return {};
    case Type::Choice:
        if (!choices.contains(value.toString()))
            return QCoreApplication::translate("ModelSchema", "“%1” is not a choice for %2 (one of: %3).")
                .arg(value.toString(), label.text(), choices.join(QStringLiteral(", ")));
        return {};
    case Type::Integer: {
        bool ok = false;
        const int n = value.toString().toInt(&ok);
        if (!ok)
            return QCoreApplication::translate("ModelSchema", "%1 must be a whole number.").arg(label.text());
        if (!choices.isEmpty() && !choices.contains(QString::number(n)))
            return QCoreApplication::translate("ModelSchema", "%1 must be one of: %2.").arg(label.text(), choices.join(QStringLiteral(", ")));
        if (hasRange && (n < minimum || n > maximum))
            return QCoreApplication::translate("ModelSchema", "%1 must be between %2 and %3.").arg(label.text()).arg(minimum).arg(maximum);
        return {};
    }
    case Type::Switch:
        if (value.toString() != onValue && value.toString() != offValue)
            return QCoreApplication::translate("ModelSchema", "%1 must be %2 or %3.").arg(label.text(), onValue, offValue);
        return {};
    case Type::Image:
        return {};
    }
    return {};
}

QJsonValue FieldSpec::toJson(const QVariant &value) const
{
    if (type == Type::Integer)
        return value.toString().toInt();
    return value.toString();
}

const FieldSpec *ModelSpec::field(const QString &key) const
{
    for (const FieldSpec &f : fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

QList<const FieldSpec *> ModelSpec::imageFields() const
{
    QList<const FieldSpec *> list;
    for (const FieldSpec &f : fields)
        if (f.type == FieldSpec::Type::Image)
            list.append(&f);
    return list;
}

const FieldSpec *ModelSpec::fieldWithRole(const QString &role) const
{
    for (const FieldSpec &f : fields)
        if (f.role == role)
            return &f;
    return nullptr;
}

QList<const FieldSpec *> ModelSpec::fieldsWithRole(const QString &role) const
{
    QList<const FieldSpec *> list;
    for (const FieldSpec &f : fields)
        if (f.role == role)
            list.append(&f);
    return list;
}

QVariantMap ModelSpec::defaults() const
{
    QVariantMap values;
    for (const FieldSpec &f : fields)
        if (f.defaultValue.isValid())
            values.insert(f.key, f.defaultValue);
    return values;
}

QString ModelSpec::modeLabel(const QString &mode)
{
    if (mode == QLatin1String("t2v"))
        return QCoreApplication::translate("ModelSchema", "Text to video");
    if (mode == QLatin1String("i2v"))
        return QCoreApplication::translate("ModelSchema", "Image to video (first and last frame)");
    if (mode == QLatin1String("r2v"))
        return QCoreApplication::translate("ModelSchema", "Reference to video");
    if (mode == QLatin1String("film"))
        return QCoreApplication::translate("ModelSchema", "Film joined from a storyboard");
    return mode;
}

bool ModelSpec::fromJson(const QByteArray &json, const QString &fileName, ModelSpec *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QCoreApplication::translate("ModelSchema", "%1: not a JSON object (%2 at byte %3).").arg(fileName, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    const QJsonObject o = doc.object();
    ModelSpec spec;
    spec.sourceFile = fileName;
    spec.llmid = o.value(QLatin1String("llmid")).toString();
    const QString where = spec.llmid.isEmpty() ? fileName : QStringLiteral("%1, model %2").arg(fileName, spec.llmid);
    if (o.value(QLatin1String("schema")).toInt() != 1) {
        *error = QCoreApplication::translate("ModelSchema", "%1: unknown schema version (expected \"schema\": 1).").arg(where);
        return false;
    }
    if (spec.llmid.isEmpty()) {
        *error = QCoreApplication::translate("ModelSchema", "%1: \"llmid\" is missing.").arg(fileName);
        return false;
    }
    spec.mode = o.value(QLatin1String("mode")).toString();
    if (!modes().contains(spec.mode)) {
        *error = QCoreApplication::translate("ModelSchema", "%1: \"mode\" must be t2v, i2v or r2v.").arg(where);
        return false;
    }
    spec.vendor = o.value(QLatin1String("vendor")).toString();
    spec.vendorLabel = LocalizedText::fromJson(o.value(QLatin1String("vendor_label")));
    spec.model = o.value(QLatin1String("model")).toString();
    spec.label = LocalizedText::fromJson(o.value(QLatin1String("label")));
    spec.enabled = o.value(QLatin1String("enabled")).toBool(true);
    spec.disabledReason = LocalizedText::fromJson(o.value(QLatin1String("disabled_reason")));
    const QJsonValue guide = o.value(QLatin1String("prompt_guide"));
    if (!guide.isUndefined()) {
        spec.promptGuide = LocalizedText::fromJson(guide);
        if ((!guide.isString() && !guide.isObject()) || spec.promptGuide.text().isEmpty()) {
            *error = QCoreApplication::translate("ModelSchema", "%1: \"prompt_guide\" must be a text or {\"zh_CN\": …, \"en\": …}.").arg(where);
            return false;
        }
    }
    spec.taskMaxAgeHours = o.value(QLatin1String("task_max_age_hours")).toInt(24);
    if (spec.taskMaxAgeHours < 1 || spec.taskMaxAgeHours > 24 * 30) {
        *error = QCoreApplication::translate("ModelSchema", "%1: \"task_max_age_hours\" must be 1 to 720.").arg(where);
        return false;
    }
    const QJsonObject when = o.value(QLatin1String("task_max_age_hours_when")).toObject();
    for (auto it = when.constBegin(); it != when.constEnd(); ++it) {
        const QJsonObject byValue = it->toObject();
        for (auto v = byValue.constBegin(); v != byValue.constEnd(); ++v)
            spec.taskMaxAgeWhen[it.key()].insert(v.key(), qBound(1, v->toInt(24), 24 * 30));
    }
    if (spec.vendor.isEmpty() || spec.model.isEmpty() || spec.label.text().isEmpty()) {
        *error = QCoreApplication::translate("ModelSchema", "%1: \"vendor\", \"model\" and \"label\" are required.").arg(where);
        return false;
    }
    const QJsonValue fieldsValue = o.value(QLatin1String("fields"));
    if (!fieldsValue.isArray() || fieldsValue.toArray().isEmpty()) {
        *error = QCoreApplication::translate("ModelSchema", "%1: \"fields\" must be a non-empty list.").arg(where);
        return false;
    }
    static const QHash<QString, FieldSpec::Type> types{
        {QStringLiteral("text"), FieldSpec::Type::Text},       {QStringLiteral("longtext"), FieldSpec::Type::LongText},
        {QStringLiteral("choice"), FieldSpec::Type::Choice},   {QStringLiteral("integer"), FieldSpec::Type::Integer},
        {QStringLiteral("switch"), FieldSpec::Type::Switch},   {QStringLiteral("image"), FieldSpec::Type::Image}};
    QSet<QString> keys;
    for (const QJsonValue &v : fieldsValue.toArray()) {
        const QJsonObject fo = v.toObject();
        FieldSpec f;
        f.key = fo.value(QLatin1String("key")).toString();
        const QString fieldWhere = QStringLiteral("%1, field %2").arg(where, f.key.isEmpty() ? QStringLiteral("?") : f.key.left(MaxKeyLength));
        if (f.key.isEmpty() || f.key == QLatin1String("llmid")) {
            *error = QCoreApplication::translate("ModelSchema", "%1: every field needs a \"key\" (and \"llmid\" is not one).").arg(fieldWhere);
            return false;
        }
        if (!isSafeKey(f.key)) {
            *error = QCoreApplication::translate("ModelSchema", "%1: the key “%2” may only hold letters, digits and “_” (at most %3): keys become file names and request fields.")
                         .arg(where, f.key.left(MaxKeyLength))
                         .arg(MaxKeyLength);
            return false;
        }
        if (keys.contains(f.key)) {
            *error = QCoreApplication::translate("ModelSchema", "%1: the key appears twice.").arg(fieldWhere);
            return false;
        }
        keys.insert(f.key);
        const QString typeName = fo.value(QLatin1String("type")).toString();
        if (!types.contains(typeName)) {
            *error = QCoreApplication::translate("ModelSchema", "%1: unknown type \"%2\" (text, longtext, choice, integer, switch or image).").arg(fieldWhere, typeName);
            return false;
        }
        f.type = types.value(typeName);
        f.required = fo.value(QLatin1String("required")).toBool(false);
        f.label = LocalizedText::fromJson(fo.value(QLatin1String("label")));
        f.help = LocalizedText::fromJson(fo.value(QLatin1String("help")));
        if (f.label.text().isEmpty()) {
            *error = QCoreApplication::translate("ModelSchema", "%1: a \"label\" is required.").arg(fieldWhere);
            return false;
        }
        f.maxLength = fo.value(QLatin1String("max_length")).toInt(0);
        f.role = fo.value(QLatin1String("role")).toString();
        f.unit = fo.value(QLatin1String("unit")).toString();
        for (const QJsonValue &c : fo.value(QLatin1String("choices")).toArray())
            f.choices.append(c.isDouble() ? QString::number(c.toInt()) : c.toString());
        if (fo.contains(QLatin1String("min")) || fo.contains(QLatin1String("max"))) {
            f.hasRange = true;
            f.minimum = fo.value(QLatin1String("min")).toInt();
            f.maximum = fo.value(QLatin1String("max")).toInt();
        }
        if (fo.contains(QLatin1String("on")))
            f.onValue = fo.value(QLatin1String("on")).toString();
        if (fo.contains(QLatin1String("off")))
            f.offValue = fo.value(QLatin1String("off")).toString();
        const QJsonValue def = fo.value(QLatin1String("default"));
        if (!def.isUndefined() && !def.isNull())
            f.defaultValue = def.isDouble() ? QVariant(QString::number(def.toInt())) : QVariant(def.toString());

        if (f.type == FieldSpec::Type::Choice && f.choices.isEmpty()) {
            *error = QCoreApplication::translate("ModelSchema", "%1: a choice needs \"choices\".").arg(fieldWhere);
            return false;
        }
        if (f.type == FieldSpec::Type::Integer && f.choices.isEmpty() && !f.hasRange) {
            *error = QCoreApplication::translate("ModelSchema", "%1: an integer needs \"min\" and \"max\" or \"choices\".").arg(fieldWhere);
            return false;
        }
        if (f.hasRange && f.minimum > f.maximum) {
            *error = QCoreApplication::translate("ModelSchema", "%1: \"min\" is larger than \"max\".").arg(fieldWhere);
            return false;
        }
        if (f.type == FieldSpec::Type::Image && f.defaultValue.isValid()) {
            *error = QCoreApplication::translate("ModelSchema", "%1: an image field cannot have a default.").arg(fieldWhere);
            return false;
        }
        if (f.defaultValue.isValid()) {
            const QString problem = f.validate(f.defaultValue);
            if (!problem.isEmpty()) {
                *error = QCoreApplication::translate("ModelSchema", "%1: the default does not fit: %2").arg(fieldWhere, problem);
                return false;
            }
        }
        if (!f.role.isEmpty()) {
            if (!FieldSpec::roles().contains(f.role)) {
                *error = QCoreApplication::translate("ModelSchema", "%1: unknown role \"%2\" (one of: %3).")
                             .arg(fieldWhere, f.role, FieldSpec::roles().join(QStringLiteral(", ")));
                return false;
            }
            if (!FieldSpec::roleFits(f.role, f.type)) {
                *error = QCoreApplication::translate("ModelSchema", "%1: a %2 field cannot have the role \"%3\".")
                             .arg(fieldWhere, FieldSpec::typeName(f.type), f.role);
                return false;
            }
            // One field a meaning (references may be several): the intent must know where it goes.
            if (f.role != QLatin1String("reference") && spec.fieldWithRole(f.role)) {
                *error = QCoreApplication::translate("ModelSchema", "%1: the role \"%2\" appears twice.").arg(fieldWhere, f.role);
                return false;
            }
            if (f.role == QLatin1String("size")) {
                static const QRegularExpression sizePattern(QStringLiteral("^[1-9][0-9]*[*x][1-9][0-9]*$"));
                for (const QString &c : std::as_const(f.choices))
                    if (!sizePattern.match(c).hasMatch()) {
                        *error = QCoreApplication::translate("ModelSchema", "%1: a size must be written width*height (not “%2”).").arg(fieldWhere, c);
                        return false;
                    }
            }
        }
        spec.fields.append(f);
    }
    if (!spec.field(QStringLiteral("prompt"))) {
        *error = QCoreApplication::translate("ModelSchema", "%1: every model needs a \"prompt\" field.").arg(where);
        return false;
    }
    *out = spec;
    return true;
}

int ModelSpec::taskMaxAgeHoursFor(const QJsonObject &params) const
{
    int hours = taskMaxAgeHours;
    for (auto it = taskMaxAgeWhen.cbegin(); it != taskMaxAgeWhen.cend(); ++it) {
        const QJsonValue v = params.value(it.key());
        const QString value = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        if (it->contains(value))
            hours = qMax(hours, it->value(value));
    }
    return hours;
}
