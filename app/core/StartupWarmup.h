#pragma once

#include <QSemaphore>
#include <QThread>

#include <functional>

// Prepares, on the second core, what the first window will need and the main thread would otherwise
// wait for: fontconfig's configuration (several milliseconds, the longest single step of a Qt start),
// Qt's font list, the SQLite driver plugin and whatever applicationReady() is handed. The main thread
// meanwhile builds the application, the core and the window; whichever side gets to a step first does
// it, the other finds it done (each is thread-safe and cached process-wide). The threads run at idle
// priority: they use the second core, never the main thread's.
class StartupWarmup
{
public:
    // Starts at once (before the application object: fontconfig does not need it).
    StartupWarmup();
    // Joins the threads: they may still be reading fonts when a very short run ends.
    ~StartupWarmup();
    // The application object exists: the steps that need it may run, then `more` (thread-safe work
    // of the caller's, such as decoding the window's pictures).
    void applicationReady(const std::function<void()> &more = {});
    // Waits for it to end (before the program ends without unwinding, as QCommandLineParser does).
    void finish();

private:
    QSemaphore m_ready;
    bool m_released = false;
    QThread *m_fonts = nullptr;
    QThread *m_sql = nullptr;
};
