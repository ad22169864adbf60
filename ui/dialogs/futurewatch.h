#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace headroom::ui {

/// Calls `handler(result)` in `context`'s thread once `future` has finished, unless `context` was
/// destroyed before: the watcher is its child and goes with it. Qt 6.4's QFuture::then(context, …)
/// must not outlive its context (it asserts, or uses a dangling pointer), which a cancelled job or a
/// closed dialog waiting on a worker thread or the keychain would do.
template <typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, handler = std::move(handler)]() mutable {
        watcher->deleteLater();
        handler(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace headroom::ui
