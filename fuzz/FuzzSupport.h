#pragma once
// What the fuzz targets share: a Qt application object made once, quiet logging, and a way to cut
// the input into chunks that the input itself chooses (so the fuzzer explores every split).

#include "core/Hardening.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Each target's entry points. Built with YJ_FUZZ_REPLAY (tests/tst_fuzzregressions), the same code
// becomes plain functions that the normal test build replays on the corpus and the saved crashes.
#ifdef YJ_FUZZ_REPLAY
#define YJ_FUZZ_INIT(name) int yjFuzzInit_##name()
#define YJ_FUZZ_TARGET(name) int yjFuzz_##name(const uint8_t *data, size_t size)
#else
#define YJ_FUZZ_INIT(name) extern "C" int LLVMFuzzerInitialize(int *, char ***)
#define YJ_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
#endif

namespace Fuzz {

inline void init()
{
    if (QCoreApplication::instance()) { // replayed inside a test: its application, its logging
        Hardening::applyProcessLimits();
        return;
    }
    static int argc = 1;
    static char name[] = "yuanjing-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = nullptr;
    if (app)
        return;
    // Qt's warnings about bad input are expected by the thousand: dropped, so the run stays fast.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            abort();
        }
    });
    app = new QCoreApplication(argc, argv);
    Hardening::applyProcessLimits(); // as both mains do
}

// Stops the run, with a message libFuzzer keeps beside the crash input.
[[noreturn]] inline void fail(const char *what)
{
    fprintf(stderr, "fuzz invariant broken: %s\n", what);
    abort();
}

// The first two bytes seed the chunk sizes (1..64 bytes); the rest is the payload.
struct Split
{
    QByteArray payload;
    QList<QByteArrayView> chunks;
};

inline Split split(const uint8_t *data, size_t size)
{
    Split s;
    if (size < 2) {
        s.payload = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    } else {
        s.payload = QByteArray(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    }
    uint32_t state = size >= 2 ? (uint32_t(data[0]) << 8 | data[1]) : 1;
    qsizetype at = 0;
    while (at < s.payload.size()) {
        state = state * 1103515245u + 12345u;
        const qsizetype len = qMin<qsizetype>(1 + (state >> 16) % 64, s.payload.size() - at);
        s.chunks.append(QByteArrayView(s.payload).sliced(at, len));
        at += len;
    }
    return s;
}

} // namespace Fuzz
