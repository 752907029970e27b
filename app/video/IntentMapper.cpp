#include "video/IntentMapper.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace {

// Ratios this close (in log space, ~3 %) are the same shape: Wan's 832*480 is its 16:9 at 480p.
constexpr double SameShape = 0.03;

bool parseSize(const QString &text, int *width, int *height)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+)[*x]([0-9]+)$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    *width = m.captured(1).toInt();
    *height = m.captured(2).toInt();
    return *width > 0 && *height > 0;
}

double shapeDistance(double a, double b)
{
    return std::abs(std::log(a) - std::log(b));
}

QString ratioText(int width, int height)
{
    int a = width, b = height;
    while (b) {
        const int t = a % b;
        a = b;
        b = t;
    }
    return QStringLiteral("%1:%2").arg(width / a).arg(height / a);
}

// The allowed integer nearest to wanted (ties: the smaller), from a fixed list or a range.
int nearestInteger(const FieldSpec &f, int wanted)
{
    if (!f.choices.isEmpty()) {
        int best = f.choices.first().toInt();
        for (const QString &c : f.choices) {
            const int n = c.toInt();
            if (std::abs(n - wanted) < std::abs(best - wanted) ||
                (std::abs(n - wanted) == std::abs(best - wanted) && n < best))
                best = n;
        }
        return best;
    }
    return f.hasRange ? qBound(f.minimum, wanted, f.maximum) : wanted;
}

void note(MappedIntent *out, const QString &setting, const QString &asked, const FieldSpec *f,
          const QString &sent)
{
    out->adjustments.append({setting, asked, f ? f->key : QString(), sent});
}

} // namespace

int VideoIntent::parseResolution(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{3,4})[pP]?$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

bool VideoIntent::parseRatio(const QString &text, double *widthOverHeight)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]+(?:\\.[0-9]+)?):([0-9]+(?:\\.[0-9]+)?)$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    const double w = m.captured(1).toDouble(), h = m.captured(2).toDouble();
    if (w <= 0 || h <= 0)
        return false;
    *widthOverHeight = w / h;
    return true;
}

QString IntentAdjustment::message() const
{
    if (key.isEmpty())
        return QCoreApplication::translate("IntentMapper",
                                           "%1: %2 asked, but this model has no such setting (not sent)")
            .arg(setting, asked);
    return QCoreApplication::translate("IntentMapper",
                                       "%1: %2 asked, %3 sent as %4 (the nearest this model allows)")
        .arg(setting, asked, sent, key);
}

MappedIntent IntentMapper::map(const ModelSpec &spec, const VideoIntent &intent, const QVariantMap &base)
{
    MappedIntent out;
    out.values = base.isEmpty() ? spec.defaults() : base;

    if (!intent.prompt.isEmpty()) {
        if (const FieldSpec *f = spec.fieldWithRole(QStringLiteral("prompt")))
            out.values.insert(f->key, intent.prompt);
        else
            out.values.insert(QStringLiteral("prompt"), intent.prompt); // every schema has a "prompt" field
    }
    if (!intent.negativePrompt.isEmpty()) {
        if (const FieldSpec *f = spec.fieldWithRole(QStringLiteral("negative_prompt")))
            out.values.insert(f->key, intent.negativePrompt);
        else
            note(&out, QStringLiteral("negative_prompt"), intent.negativePrompt.left(40), nullptr, {});
    }

    double wantedShape = 0;
    const bool hasRatio = !intent.ratio.isEmpty() && VideoIntent::parseRatio(intent.ratio, &wantedShape);
    const QString resolutionText =
        intent.resolution > 0 ? QStringLiteral("%1p").arg(intent.resolution) : QString();

    const FieldSpec *size = spec.fieldWithRole(QStringLiteral("size"));
    const FieldSpec *ratioField = spec.fieldWithRole(QStringLiteral("aspect_ratio"));
    const FieldSpec *resolutionField = spec.fieldWithRole(QStringLiteral("resolution"));

    if (size && (hasRatio || intent.resolution > 0)) {
        // Width*height carries both: what the intent leaves open comes from the value it starts with.
        int w = 0, h = 0;
        const bool current = parseSize(out.values.value(size->key).toString(), &w, &h);
        const double shape = hasRatio ? wantedShape : (current ? double(w) / h : 16.0 / 9.0);
        const int shortSide = intent.resolution > 0 ? intent.resolution : (current ? qMin(w, h) : 1080);
        double bestShape = std::numeric_limits<double>::max();
        for (const QString &c : size->choices)
            if (parseSize(c, &w, &h))
                bestShape = qMin(bestShape, shapeDistance(double(w) / h, shape));
        QString best;
        int bestGap = std::numeric_limits<int>::max();
        for (const QString &c : size->choices) {
            if (!parseSize(c, &w, &h) || shapeDistance(double(w) / h, shape) > bestShape + SameShape)
                continue;
            const int gap = std::abs(qMin(w, h) - shortSide);
            if (gap < bestGap) {
                bestGap = gap;
                best = c;
            }
        }
        if (!best.isEmpty()) {
            out.values.insert(size->key, best);
            parseSize(best, &w, &h);
            if (hasRatio && shapeDistance(double(w) / h, wantedShape) > SameShape)
                note(&out, QStringLiteral("ratio"), intent.ratio, size, ratioText(w, h));
            if (intent.resolution > 0 && qMin(w, h) != intent.resolution)
                note(&out, QStringLiteral("resolution"), resolutionText, size,
                     QStringLiteral("%1p").arg(qMin(w, h)));
        }
    } else {
        if (hasRatio) {
            if (!ratioField) {
                note(&out, QStringLiteral("ratio"), intent.ratio, nullptr, {});
            } else {
                QString best;
                double bestDistance = std::numeric_limits<double>::max();
                for (const QString &c : ratioField->choices) {
                    double shape = 0;
                    if (VideoIntent::parseRatio(c, &shape) &&
                        shapeDistance(shape, wantedShape) < bestDistance - 1e-9) {
                        bestDistance = shapeDistance(shape, wantedShape);
                        best = c;
                    }
                }
                if (!best.isEmpty()) {
                    out.values.insert(ratioField->key, best);
                    if (bestDistance > 1e-6)
                        note(&out, QStringLiteral("ratio"), intent.ratio, ratioField, best);
                }
            }
        } else if (!intent.ratio.isEmpty()) {
            // Not a ratio (a model's own word such as "adaptive"): sent as is where the model allows it.
            if (ratioField && ratioField->choices.contains(intent.ratio))
                out.values.insert(ratioField->key, intent.ratio);
            else
                note(&out, QStringLiteral("ratio"), intent.ratio, ratioField, {});
        }
        if (intent.resolution > 0) {
            if (!resolutionField) {
                note(&out, QStringLiteral("resolution"), resolutionText, nullptr, {});
            } else {
                QString best;
                int bestGap = std::numeric_limits<int>::max();
                for (const QString &c : resolutionField->choices) {
                    const int p = VideoIntent::parseResolution(c);
                    // Ties go to the larger: asking for more rarely means wanting less.
                    if (p > 0 && (std::abs(p - intent.resolution) < bestGap ||
                                  (std::abs(p - intent.resolution) == bestGap &&
                                   p > VideoIntent::parseResolution(best)))) {
                        bestGap = std::abs(p - intent.resolution);
                        best = c;
                    }
                }
                if (!best.isEmpty()) {
                    out.values.insert(resolutionField->key, best);
                    if (bestGap != 0)
                        note(&out, QStringLiteral("resolution"), resolutionText, resolutionField, best);
                }
            }
        }
    }

    if (intent.duration > 0) {
        const QString asked = QStringLiteral("%1 s").arg(intent.duration);
        if (const FieldSpec *f = spec.fieldWithRole(QStringLiteral("duration"))) {
            const int n = nearestInteger(*f, intent.duration);
            out.values.insert(f->key, QString::number(n));
            if (n != intent.duration)
                note(&out, QStringLiteral("duration"), asked, f, QStringLiteral("%1 s").arg(n));
        } else {
            note(&out, QStringLiteral("duration"), asked, nullptr, {});
        }
    }

    if (intent.hasSeed) {
        const QString asked = QString::number(intent.seed);
        if (const FieldSpec *f = spec.fieldWithRole(QStringLiteral("seed"))) {
            const qint64 n =
                f->hasRange ? qBound(qint64(f->minimum), intent.seed, qint64(f->maximum)) : intent.seed;
            out.values.insert(f->key, QString::number(n));
            if (n != intent.seed)
                note(&out, QStringLiteral("seed"), asked, f, QString::number(n));
        } else {
            note(&out, QStringLiteral("seed"), asked, nullptr, {});
        }
    }
    return out;
}

QString IntentMapper::imageField(const ModelSpec &spec, const QString &role, int index)
{
    const QList<const FieldSpec *> fields = spec.fieldsWithRole(role);
    return index >= 0 && index < fields.size() ? fields.at(index)->key : QString();
}
