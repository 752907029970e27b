// A user's schema file (app/video/ModelSchema, docs/MODEL-SCHEMA.md), then the request builder on the
// schema it loads. A schema that loads must have safe keys, defaults that validate, and a body built
// from its defaults plus a prompt that carries only the schema's own keys and llmid.
#include "FuzzSupport.h"
#include "video/ModelSchema.h"
#include "video/RequestBuilder.h"

YJ_FUZZ_INIT(model_schema)
{
    Fuzz::init();
    return 0;
}

YJ_FUZZ_TARGET(model_schema)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    ModelSpec spec;
    QString error;
    if (!ModelSpec::fromJson(json, QStringLiteral("fuzz.json"), &spec, &error)) {
        if (error.isEmpty())
            Fuzz::fail("a refused schema without a message");
        return 0;
    }
    for (const FieldSpec &f : spec.fields) {
        if (f.key.isEmpty() || f.key.contains(u'/') || f.key.contains(u'.') || f.key.contains(u'\\'))
            Fuzz::fail("a loaded schema with an unsafe key");
        if (f.defaultValue.isValid() && !f.validate(f.defaultValue).isEmpty())
            Fuzz::fail("a loaded schema whose default does not validate");
        // Every kind of value the form can hand over.
        for (const QVariant &v :
             {QVariant(), QVariant(QString()), QVariant(QStringLiteral("-2147483649")),
              QVariant(QStringLiteral("Y")), QVariant(f.choices.value(0)), QVariant(QString(70000, u'x'))})
            (void)f.validate(v);
        (void)f.toJson(f.defaultValue);
        (void)f.label.text();
    }
    QVariantMap values = spec.defaults();
    values.insert(QStringLiteral("prompt"), QStringLiteral("a fox at dawn"));
    const RequestBuilder::Result result = RequestBuilder::build(spec, values, {}, 1024 * 1024);
    if (result.ok()) {
        for (auto it = result.body.constBegin(); it != result.body.constEnd(); ++it)
            if (it.key() != QLatin1String("llmid") && !spec.field(it.key()))
                Fuzz::fail("a request key the schema does not have");
        if (result.body.value(QLatin1String("llmid")).toString() != spec.llmid)
            Fuzz::fail("a request without the schema's llmid");
    }
    return 0;
}
