#include "ui/backgroundwork.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <thread>

#if defined(Q_OS_LINUX)
#include <cerrno>
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
    // Some of its tasks mostly wait (a connection test on the network, an analysis on the thread
    // of its low-priority rest): a few more threads than cores keep one from queueing behind them.
    pool->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
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
    // Relative to the thread's nice value: a console started with `nice` stays below it.
    const auto tid = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        setpriority(PRIO_PROCESS, tid, std::min(current + 10, 19));
#endif
}

void runAtLowPriority(const std::function<void()> &work)
{
    std::thread worker([&work] {
        lowerThreadPriority();
        work();
    });
    worker.join();
}

void releaseInBackground(std::shared_ptr<const void> object, QThreadPool *pool)
{
    if (!object)
        return;
    pool->start([object = std::move(object)]() mutable { object.reset(); });
}

} // namespace headroom::ui
