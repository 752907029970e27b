// The simulator's request parser (app/simulator/HttpRequestParser): any bytes in any split. The result
// must not depend on the split, and memory stays within the limits (a body over maxBodyBytes is not kept).
#include "FuzzSupport.h"
#include "simulator/HttpRequestParser.h"

namespace {
HttpRequestParser::Limits limits()
{
    // Small limits, so the fuzzer reaches each of them with short inputs.
    HttpRequestParser::Limits l;
    l.maxBodyBytes = 64;
    l.maxDiscardBytes = 256;
    l.maxLineBytes = 128;
    l.maxHeaderBytes = 1024;
    l.maxHeaders = 8;
    return l;
}

QByteArray outcome(const HttpRequestParser &p)
{
    const HttpRequest &r = p.request();
    QByteArray out = QByteArray::number(int(p.state()));
    if (p.state() == HttpRequestParser::State::Failed)
        return out + ' ' + QByteArray::number(p.errorStatus()) + ' ' + p.errorReason();
    out += ' ' + r.method + ' ' + r.path.toUtf8() + '?' + r.query.toString().toUtf8() + ' ' +
           QByteArray::number(r.bodyTooLarge) + '\n';
    for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
        out += it.key() + ':' + it.value() + '\n';
    return out + r.body;
}
} // namespace

YJ_FUZZ_INIT(http_request)
{
    Fuzz::init();
    return 0;
}

YJ_FUZZ_TARGET(http_request)
{
    const Fuzz::Split s = Fuzz::split(data, size);
    HttpRequestParser whole(limits());
    whole.feed(s.payload);
    HttpRequestParser pieces(limits());
    for (const QByteArrayView chunk : s.chunks)
        pieces.feed(chunk);
    if (outcome(whole) != outcome(pieces)) {
        fprintf(stderr, "whole:  %s\npieces: %s\n", outcome(whole).toPercentEncoding(" /:?=\n").constData(),
                outcome(pieces).toPercentEncoding(" /:?=\n").constData());
        Fuzz::fail("a split request parses differently from the whole");
    }
    if (whole.request().body.size() > limits().maxBodyBytes)
        Fuzz::fail("a body over the limit was kept");
    if (whole.state() == HttpRequestParser::State::Failed &&
        !(whole.errorStatus() >= 400 && whole.errorStatus() < 600 && !whole.errorReason().isEmpty()))
        Fuzz::fail("a failure without a status");
    if (whole.state() == HttpRequestParser::State::Complete &&
        (whole.request().method.isEmpty() || !whole.request().path.startsWith(u'/')))
        Fuzz::fail("a request without method or path");
    return 0;
}
