#include "ui/backgroundwork.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace headroom::ui {

namespace {

QThreadPool *makeBackgroundPool()
{
    // a child of the application, whose end waits for the running tasks (as for the global pool)
    auto *pool = new QThreadPool(QCoreApplication::instance());
    pool->setObjectName(QStringLiteral("headroom background"));
    pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    pool->setThreadPriority(QThread::LowPriority); // effective on Windows and macOS; Linux: see below
    return pool;
}

} // namespace

QThreadPool *backgroundPool()
{
    static QPointer<QThreadPool> pool;
    if (!pool)
        pool = makeBackgroundPool();
    return pool;
}

void lowerThreadPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#if defined(Q_OS_LINUX)
    // QThread::LowPriority maps to nothing under SCHED_OTHER; a nice value is per thread on Linux
    // and inherited by the threads this one starts (the analysis's own helper threads).
    setpriority(PRIO_PROCESS, id_t(gettid()), 10);
#endif
}

void releaseInBackground(std::shared_ptr<const void> object, QThreadPool *pool)
{
    if (!object)
        return;
    pool->start([object = std::move(object)]() mutable {
        lowerThreadPriority();
        object.reset();
    });
}

} // namespace headroom::ui
