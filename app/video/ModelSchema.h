#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

// One video model as its schema file describes it (docs/MODEL-SCHEMA.md). The schema is the one
// source for the form, its validation and the request: a new model is a JSON file, not code.
struct LocalizedText
{
    QString zh;
    QString en;
    // The text for the current UI language (falls back to the other one).
    QString text() const;
    static LocalizedText fromJson(const QJsonValue &value);
};

struct FieldSpec
{
    enum class Type { Text, LongText, Choice, Integer, Switch, Image };
    QString key; // exactly as the API spells it ("radio" stays "radio")
    Type type = Type::Text;
    bool required = false;
    LocalizedText label;
    LocalizedText help;
    QVariant defaultValue;   // invalid when there is none
    QStringList choices;     // Choice; Integer with a fixed set (as strings)
    int minimum = 0;         // Integer range (when no choices)
    int maximum = 0;
    bool hasRange = false;
    int maxLength = 0;       // Text/LongText, 0 = no limit
    QString onValue = QStringLiteral("Y"); // Switch
    QString offValue = QStringLiteral("N");
    // What the field means, so one intent (9:16, 720p, 5 s) can be sent to any model (IntentMapper):
    // prompt, negative_prompt, aspect_ratio, resolution, size (width*height: ratio and resolution in one),
    // duration, seed; images: first_frame, last_frame, reference. Empty: no common meaning.
    QString role;
    QString unit;

    static QString typeName(Type type);
    // The roles a field may have, and which types each allows.
    static QStringList roles();
    static bool roleFits(const QString &role, Type type);
    // Checks one value; returns a translated message, or empty when fine. value may be invalid (unset).
    QString validate(const QVariant &value) const;
    // The value as the request carries it (number for integers, string otherwise).
    QJsonValue toJson(const QVariant &value) const;
};

struct ModelSpec
{
    QString llmid;
    QString mode; // t2v, i2v, r2v
    QString vendor;
    LocalizedText vendorLabel;
    QString model;
    LocalizedText label;
    bool enabled = true;
    LocalizedText disabledReason;
    // How this model reads prompts, for the chat model that rewrites one (prompt help); may be empty.
    LocalizedText promptGuide;
    QList<FieldSpec> fields;
    QString sourceFile;
    // How long the platform may take before a task is "unknown, check on the platform" (its checker can
    // stop after a restart): 24 h, more when a field's value says so (Vidu off-peak: 48 h).
    int taskMaxAgeHours = 24;
    QHash<QString, QHash<QString, int>> taskMaxAgeWhen; // field key → value → hours
    int taskMaxAgeHoursFor(const QJsonObject &params) const;

    const FieldSpec *field(const QString &key) const;
    QList<const FieldSpec *> imageFields() const;
    // The field with this role (the first one), or nullptr; fieldsWithRole for every one (references).
    const FieldSpec *fieldWithRole(const QString &role) const;
    QList<const FieldSpec *> fieldsWithRole(const QString &role) const;
    QVariantMap defaults() const;
    static QStringList modes() { return {QStringLiteral("t2v"), QStringLiteral("i2v"), QStringLiteral("r2v")}; }
    static QString modeLabel(const QString &mode);

    // Parses and validates one schema document. On error returns false and says what is wrong, naming
    // the file, the model and the field.
    static bool fromJson(const QByteArray &json, const QString &fileName, ModelSpec *out, QString *error);
};

Q_DECLARE_METATYPE(ModelSpec)
