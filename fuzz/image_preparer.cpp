// The picture preparer (app/video/ImagePreparer): any bytes as a picture, in every format Qt reads
// here. Either a clear error, or a picture no larger than asked, whatever the header claims; memory is
// bounded by the allocation limit set as the mains set it (Fuzz::init).
#include "FuzzSupport.h"
#include "video/ImagePreparer.h"

YJ_FUZZ_INIT(image_preparer)
{
    Fuzz::init();
    return 0;
}

YJ_FUZZ_TARGET(image_preparer)
{
    constexpr int MaxSide = 256; // small, so a run spends its time in the decoders rather than scaling
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const PreparedImage p = ImagePreparer::fromData(bytes, QStringLiteral("fuzz"), MaxSide);
    if (!p.isValid()) {
        if (p.error.isEmpty())
            Fuzz::fail("a refused picture without a message");
        return 0;
    }
    if (p.size.width() > MaxSide || p.size.height() > MaxSide || p.size.isEmpty())
        Fuzz::fail("a prepared picture larger than asked");
    if (p.encoded.isEmpty() || p.requestBytes() <= 0)
        Fuzz::fail("a prepared picture with nothing to send");
    const PreparedImage smaller = ImagePreparer::reencoded(p, MaxSide / 2, 60);
    if (smaller.size.width() > MaxSide / 2 || smaller.size.height() > MaxSide / 2)
        Fuzz::fail("a re-encoded picture larger than asked");
    return 0;
}
