#include "video/RequestBuilder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

namespace RequestBuilder {

QMap<QString, QString> validate(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images)
{
    QMap<QString, QString> errors;
    for (const FieldSpec &f : spec.fields) {
        if (f.type == FieldSpec::Type::Image) {
            const auto it = images.constFind(f.key);
            if (it == images.constEnd() || it->source == PreparedImage::Source::None) {
                if (f.required)
                    errors.insert(f.key, QCoreApplication::translate("RequestBuilder", "%1 is required.").arg(f.label.text()));
            } else if (!it->isValid()) {
                errors.insert(f.key, it->error);
            }
            continue;
        }
        const QString problem = f.validate(values.value(f.key));
        if (!problem.isEmpty())
            errors.insert(f.key, problem);
    }
    return errors;
}

static QJsonObject assemble(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images)
{
    QJsonObject body{{QStringLiteral("llmid"), spec.llmid}};
    for (const FieldSpec &f : spec.fields) {
        if (f.type == FieldSpec::Type::Image) {
            const auto it = images.constFind(f.key);
            if (it != images.constEnd() && it->isValid())
                body.insert(f.key, it->requestValue());
            continue;
        }
        const QVariant value = values.value(f.key);
        if (!value.isValid() || value.toString().trimmed().isEmpty())
            continue;
        body.insert(f.key, f.toJson(f.type == FieldSpec::Type::Integer ? value : QVariant(value.toString().trimmed())));
    }
    return body;
}

static qint64 sizeOf(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact).size();
}

Result build(const ModelSpec &spec, const QVariantMap &values, const QMap<QString, PreparedImage> &images, qint64 limitBytes)
{
    Result r;
    r.fieldErrors = validate(spec, values, images);
    if (!r.fieldErrors.isEmpty())
        return r;
    r.images = images;
    r.body = assemble(spec, values, r.images);
    r.bytes = sizeOf(r.body);
    // Too big: local pictures get smaller, step by step, all together, until the body fits.
    static const QList<QPair<int, int>> steps{{2048, 80}, {1600, 80}, {1280, 75}, {1024, 75}, {768, 70}, {512, 65}, {384, 60}};
    for (const auto &[side, quality] : steps) {
        if (r.bytes <= limitBytes)
            break;
        for (auto it = r.images.begin(); it != r.images.end(); ++it)
            if (it->source != PreparedImage::Source::Url && it->isValid())
                *it = ImagePreparer::reencoded(images.value(it.key()), side, quality);
        r.body = assemble(spec, values, r.images);
        r.bytes = sizeOf(r.body);
    }
    if (r.bytes > limitBytes)
        r.error = QCoreApplication::translate("RequestBuilder",
                                              "The request would be %1 KiB, above the limit of %2 KiB, even with the pictures made "
                                              "small. Use fewer pictures or links to them, or raise the limit in Settings.")
                      .arg(r.bytes / 1024)
                      .arg(limitBytes / 1024);
    return r;
}

} // namespace RequestBuilder

QJsonObject RequestBuilder::summarized(const Result &result)
{
    QJsonObject body = result.body;
    for (auto it = result.images.cbegin(); it != result.images.cend(); ++it) {
        if (it->source == PreparedImage::Source::Url || !body.contains(it.key()))
            continue;
        body.insert(it.key(), QStringLiteral("<%1 %2x%3, %4 bytes, from %5>")
                                  .arg(it->mimeType)
                                  .arg(it->size.width())
                                  .arg(it->size.height())
                                  .arg(it->encoded.size())
                                  .arg(QFileInfo(it->origin).fileName()));
    }
    return body;
}
