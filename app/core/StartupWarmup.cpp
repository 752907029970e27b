#include "core/StartupWarmup.h"

#include <QFontDatabase>
#include <QSqlDatabase>

#ifdef Q_OS_UNIX
#include <dlfcn.h>
#endif

namespace {
// fontconfig comes with Qt Gui on Linux; looked up rather than linked, so that a build without its
// headers (or a platform without it) simply skips this step.
void initFontconfig()
{
#ifdef Q_OS_UNIX
    using FcInitFn = int (*)();
    if (auto init = reinterpret_cast<FcInitFn>(dlsym(RTLD_DEFAULT, "FcInit")))
        init();
#endif
}
} // namespace

StartupWarmup::StartupWarmup()
{
    m_fonts = QThread::create([this] {
        initFontconfig();
        m_ready.acquire();
        if (!m_cancelled.loadAcquire())
            QFontDatabase::families();
    });
    m_fonts->setObjectName(QStringLiteral("warm-up: fonts"));
    m_fonts->start(QThread::NormalPriority);
}

StartupWarmup::~StartupWarmup()
{
    finish();
    delete m_fonts;
    delete m_sql;
}

void StartupWarmup::finish()
{
    m_cancelled.storeRelease(1);
    if (!m_released) {
        m_ready.release(); // the application never came
        m_released = true;
    }
    for (QThread *thread : {m_fonts, m_sql}) {
        if (!thread)
            continue;
        if (thread->isRunning())
            thread->setPriority(QThread::NormalPriority);
        thread->wait();
    }
}

void StartupWarmup::waitForFonts()
{
    if (!m_fonts || !m_released)
        return; // without the application object the thread would never end: nothing to wait for
    m_fonts->wait();
}

void StartupWarmup::applicationReady(const std::function<void()> &more)
{
    m_ready.release();
    m_released = true;
    // The database opens a few milliseconds from now, while fontconfig is still being read: the driver
    // is loaded beside both. Only its library is loaded here; the connection itself is made, and used,
    // on the thread that owns the database.
    m_sql = QThread::create([this, more] {
        if (m_cancelled.loadAcquire())
            return;
        const QString name = QStringLiteral("yuanjing-warmup");
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QSqlDatabase::removeDatabase(name);
        if (more)
            more();
    });
    m_sql->setObjectName(QStringLiteral("warm-up: SQLite driver"));
    m_sql->start(QThread::IdlePriority);
}
