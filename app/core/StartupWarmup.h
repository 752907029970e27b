#pragma once

#include <QAtomicInt>
#include <QSemaphore>
#include <QThread>

#include <functional>

// Prepares, on the second core, what the first window will need and the main thread would otherwise
// wait for: fontconfig's configuration (several milliseconds, the longest single step of a Qt start),
// Qt's font list, the SQLite driver plugin and whatever applicationReady() is handed. The main thread
// meanwhile builds the application and the core. Qt's font list and the driver are made once, under
// Qt's locks, by whichever side comes first. fontconfig's configuration is not: a thread that asks for
// it while another is still reading it reads it all again itself (the loser of the race throws its
// copy away). So the main thread does not touch fonts before waitForFonts(). The fonts' thread runs at
// normal priority, since the main thread waits for it; the others at idle priority: they use the second
// core, never the main thread's.
class StartupWarmup
{
public:
    // Starts at once (before the application object: fontconfig does not need it).
    StartupWarmup();
    // Joins the threads (finish()).
    ~StartupWarmup();
    // The application object exists: the steps that need it may run, then `more` (thread-safe work
    // of the caller's, such as decoding the window's pictures).
    void applicationReady(const std::function<void()> &more = {});
    // Waits for fontconfig and Qt's font list to be ready: to be called once the application object
    // exists and before the main thread's first use of a font. Waiting for what the fonts' thread has
    // left to do costs less than reading fontconfig's configuration a second time beside it.
    void waitForFonts();
    // Asks for nothing more and waits for what is under way to end, at normal priority (a busy machine
    // would otherwise hold the quit up). Called while the application object still exists: what the
    // threads do with it must be over before it goes (a very short run ends while they still work).
    void finish();

private:
    QSemaphore m_ready;
    QAtomicInt m_cancelled = 0;
    bool m_released = false;
    QThread *m_fonts = nullptr;
    QThread *m_sql = nullptr;
};
