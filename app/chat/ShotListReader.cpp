#include "chat/ShotListReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace {
// The code fences of a Markdown answer, in order (an unclosed last fence runs to the end).
QStringList fencedBlocks(const QString &text)
{
    QStringList blocks;
    static const QRegularExpression fence(QStringLiteral("(?:^|\\n)[ \\t]*(```|~~~)[^\\n]*\\n"));
    int from = 0;
    while (true) {
        const QRegularExpressionMatch open = fence.match(text, from);
        if (!open.hasMatch())
            break;
        const int start = int(open.capturedEnd());
        const int close = int(text.indexOf(QLatin1String("\n") + open.captured(1), start - 1));
        if (close < 0) {
            blocks << text.mid(start);
            break;
        }
        blocks << text.mid(start, close - start + 1);
        from = close + 1 + int(open.captured(1).size());
    }
    return blocks;
}

// The text from `start` (a '[' or '{') to the bracket that closes it, strings respected; to the end
// when it never closes (the parser then says what is wrong).
QString balancedFrom(const QString &text, int start)
{
    int depth = 0;
    bool inString = false;
    for (int i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        else if (c == QLatin1Char('[') || c == QLatin1Char('{'))
            ++depth;
        else if ((c == QLatin1Char(']') || c == QLatin1Char('}')) && --depth == 0)
            return text.mid(start, i - start + 1);
    }
    return text.mid(start);
}

// Commas before a closing bracket (outside strings) are what models most often get wrong.
QString withoutTrailingCommas(const QString &json)
{
    QString out;
    out.reserve(json.size());
    bool inString = false;
    for (int i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < json.size())
                out += json.at(++i);
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        if (c == QLatin1Char(',')) {
            int j = i + 1;
            while (j < json.size() && json.at(j).isSpace())
                ++j;
            if (j < json.size() && (json.at(j) == QLatin1Char(']') || json.at(j) == QLatin1Char('}')))
                continue;
        }
        out += c;
    }
    return out;
}

bool looksLikeJson(const QString &text)
{
    return text.contains(QLatin1Char('{')) || text.contains(QLatin1Char('['));
}

// A leading number in "5", "5s", "5 秒", "1280*720" (1280): how models write numbers in text.
bool leadingNumber(const QString &text, double *value)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(-?\\d+(?:\\.\\d+)?)"));
    const QRegularExpressionMatch m = number.match(text);
    if (!m.hasMatch())
        return false;
    *value = m.captured(1).toDouble();
    return true;
}

QString valueText(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isString())
        return v.toString();
    return {};
}

// The allowed string nearest to `value`: the same ignoring case, else the numerically closest (sizes,
// ratios, seconds), else the field's default or first choice.
QString nearestChoice(const QString &value, const QStringList &choices, const QString &fallback)
{
    for (const QString &c : choices)
        if (c.compare(value.trimmed(), Qt::CaseInsensitive) == 0)
            return c;
    double wanted = 0;
    if (leadingNumber(value, &wanted)) {
        QString best;
        double bestDistance = std::numeric_limits<double>::max();
        for (const QString &c : choices) {
            double n = 0;
            if (leadingNumber(c, &n) && std::abs(n - wanted) < bestDistance) {
                bestDistance = std::abs(n - wanted);
                best = c;
            }
        }
        if (!best.isEmpty())
            return best;
    }
    return choices.contains(fallback) ? fallback : choices.value(0);
}

QVariantMap shotFromJson(const QJsonValue &item)
{
    QVariantMap raw;
    if (item.isString()) {
        raw.insert(QStringLiteral("prompt"), item.toString());
    } else {
        const QJsonObject o = item.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            raw.insert(it.key(), it->isObject() || it->isArray() ? QVariant() : QVariant(valueText(*it)));
    }
    return raw;
}

// "1. …", "1) …", "Shot 1: …", "镜头1:…", "**1.** …": one shot per number; lines that follow belong to it
// until a blank line.
QList<QVariantMap> numberedShots(const QString &text)
{
    static const QRegularExpression item(
        QStringLiteral("^\\s*(?:[-*]\\s*)?(?:\\*\\*)?(?:(?:shot|scene|镜头|分镜)\\s*)?(\\d{1,2})\\s*(?:[.)、:"
                       "：]|\\*\\*)+\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    QList<QVariantMap> shots;
    QString current;
    bool open = false;
    const auto flush = [&] {
        QString prompt = current;
        prompt.remove(QStringLiteral("**"));
        prompt = prompt.simplified();
        if (open && !prompt.isEmpty())
            shots.append({{QStringLiteral("prompt"), prompt}});
        current.clear();
        open = false;
    };
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = item.match(line);
        if (m.hasMatch()) {
            flush();
            current = m.captured(2);
            open = true;
        } else if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1String("```"))) {
            if (open && !current.trimmed().isEmpty())
                flush();
        } else if (open) {
            current += QLatin1Char(' ') + line.trimmed();
        }
    }
    flush();
    return shots;
}
} // namespace

QByteArray ShotListReader::extractJson(const QString &answer)
{
    QStringList candidates = fencedBlocks(answer);
    candidates << answer;
    for (const QString &candidate : candidates) {
        // Prose may hold a bracket of its own before the list: each opening bracket is tried in turn.
        for (int i = 0; i < candidate.size(); ++i) {
            const QChar c = candidate.at(i);
            if (c != QLatin1Char('[') && c != QLatin1Char('{'))
                continue;
            const QString part = balancedFrom(candidate, i);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(withoutTrailingCommas(part).toUtf8(), &error);
            if (error.error == QJsonParseError::NoError && (doc.isArray() || doc.isObject()))
                return doc.toJson(QJsonDocument::Compact);
            // A broken list is broken as a whole: no shot is picked out of its inside.
            i += int(part.size()) - 1;
        }
    }
    return {};
}

QVariantMap ShotListReader::fitToModel(const QVariantMap &raw, const ModelSpec &spec, int number,
                                       QStringList *notes)
{
    QVariantMap values;
    const QString modelName = spec.label.text();
    for (auto it = raw.constBegin(); it != raw.constEnd(); ++it) {
        const QString key = it.key();
        const QString value = it->toString().trimmed();
        const FieldSpec *f = spec.field(key);
        if (!f) {
            notes->append(
                tr("Shot %1: %2 has no field “%3”; it was left out.").arg(number).arg(modelName, key));
            continue;
        }
        if (f->type == FieldSpec::Type::Image) {
            notes->append(tr("Shot %1: pictures are not taken from the answer (%2 was left out).")
                              .arg(number)
                              .arg(f->label.text()));
            continue;
        }
        if (!it->isValid() || value.isEmpty())
            continue;
        const QString fallback = f->defaultValue.toString();
        QString fitted = value;
        switch (f->type) {
        case FieldSpec::Type::Text:
        case FieldSpec::Type::LongText:
            if (f->maxLength > 0 && value.size() > f->maxLength) {
                fitted = value.left(f->maxLength);
                notes->append(tr("Shot %1: %2 was cut to %3 characters.")
                                  .arg(number)
                                  .arg(f->label.text())
                                  .arg(f->maxLength));
                values.insert(key, fitted);
                continue;
            }
            break;
        case FieldSpec::Type::Choice:
            if (!f->choices.contains(value))
                fitted = nearestChoice(value, f->choices, fallback);
            break;
        case FieldSpec::Type::Integer: {
            double n = 0;
            if (!leadingNumber(value, &n)) {
                fitted = fallback.isEmpty()
                             ? (f->choices.isEmpty() ? QString::number(f->minimum) : f->choices.first())
                             : fallback;
            } else if (!f->choices.isEmpty()) {
                fitted = nearestChoice(QString::number(qRound(n)), f->choices, fallback);
            } else {
                int whole = qRound(n);
                if (f->hasRange)
                    whole = qBound(f->minimum, whole, f->maximum);
                fitted = QString::number(whole);
            }
            break;
        }
        case FieldSpec::Type::Switch: {
            static const QStringList yes{QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                         QStringLiteral("1"), QStringLiteral("y")};
            static const QStringList no{QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                        QStringLiteral("0"), QStringLiteral("n")};
            if (value == f->onValue || value == f->offValue)
                break;
            if (yes.contains(value.toLower()))
                fitted = f->onValue;
            else if (no.contains(value.toLower()))
                fitted = f->offValue;
            else
                fitted = fallback.isEmpty() ? f->offValue : fallback;
            // Saying "true" for a switch is not a mistake worth a note: it is what the model meant.
            if (yes.contains(value.toLower()) || no.contains(value.toLower())) {
                values.insert(key, fitted);
                continue;
            }
            break;
        }
        case FieldSpec::Type::Image:
            break;
        }
        bool changed = fitted != value;
        double asked = 0;
        if (f->type == FieldSpec::Type::Integer && leadingNumber(value, &asked))
            changed = asked != fitted.toDouble(); // "5s" and 5.0 are the 5 the model meant
        if (changed)
            notes->append(tr("Shot %1: %2 “%3” is not allowed for %4; “%5” instead.")
                              .arg(number)
                              .arg(f->label.text(), value, modelName, fitted));
        values.insert(key, fitted);
    }
    return values;
}

QList<QVariantMap> ShotListReader::rawShots(const QString &answer)
{
    QList<QVariantMap> raw;
    const QByteArray json = extractJson(answer);
    if (!json.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QJsonArray items;
        if (doc.isArray())
            items = doc.array();
        else if (doc.object().value(QLatin1String("shots")).isArray())
            items = doc.object().value(QLatin1String("shots")).toArray();
        else if (doc.object().contains(QLatin1String("prompt")))
            items.append(doc.object());
        for (const QJsonValue &item : items)
            if (item.isObject() || item.isString())
                raw.append(shotFromJson(item));
    }
    if (raw.isEmpty())
        raw = numberedShots(answer);
    return raw;
}

bool ShotListReader::holdsShotList(const QString &answer)
{
    if (answer.size() > ShotListMaxChars)
        return false;
    // Any answer may number its points: a numbered list counts only when the answer speaks of shots.
    static const QRegularExpression shotWords(QStringLiteral("shot|scene|storyboard|镜头|分镜|场景"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (extractJson(answer).isEmpty() && !answer.contains(shotWords))
        return false;
    int withPrompt = 0;
    for (const QVariantMap &shot : rawShots(answer))
        withPrompt += !shot.value(QStringLiteral("prompt")).toString().trimmed().isEmpty();
    return withPrompt >= 2;
}

ShotListReader::Result ShotListReader::read(const QString &answer, const ModelSpec &spec, int expectedShots)
{
    Result result;
    if (answer.trimmed().isEmpty()) {
        result.error = tr("The answer is empty: no shots to read.");
        return result;
    }
    const QList<QVariantMap> raw = rawShots(answer);
    if (raw.isEmpty()) {
        result.error = looksLikeJson(answer)
                           ? tr("The answer's shot list could not be read (its JSON is broken or holds no "
                                "shots). Nothing was changed; ask again.")
                           : tr("The answer holds no shot list (neither JSON nor a numbered list). Nothing "
                                "was changed; ask again.");
        return result;
    }
    int number = 0;
    for (const QVariantMap &shot : raw) {
        ++number;
        QVariantMap fitted = fitToModel(shot, spec, number, &result.notes);
        if (fitted.value(QStringLiteral("prompt")).toString().trimmed().isEmpty()) {
            result.notes.append(tr("Shot %1 has no prompt; it was left out.").arg(number));
            continue;
        }
        result.shots.append(fitted);
    }
    if (result.shots.isEmpty()) {
        result.error = tr("None of the answer's shots has a prompt. Nothing was changed; ask again.");
        return result;
    }
    if (expectedShots > 0 && result.shots.size() > expectedShots) {
        result.notes.append(tr("The answer has %1 shots; the first %2 were kept.")
                                .arg(result.shots.size())
                                .arg(expectedShots));
        result.shots = result.shots.mid(0, expectedShots);
    } else if (expectedShots > 0 && result.shots.size() < expectedShots) {
        result.notes.append(
            tr("The answer has %1 of the %2 shots asked for.").arg(result.shots.size()).arg(expectedShots));
    }
    return result;
}
