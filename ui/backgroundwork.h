#pragma once

#include <functional>
#include <memory>

class QThreadPool;

namespace headroom::ui {

/// The pool for the console's own long work: analyses, variant comparisons, connection tests.
///
/// Never QThreadPool::globalInstance(): Qt's raster engine splits every fill taller than about
/// a hundred scan lines across the global pool and waits for the pieces, so a global pool busy
/// with an analysis (or blocked on a network answer) would stall each paint until it finishes.
/// A child of the application, created on first use; call it from the GUI thread.
QThreadPool *backgroundPool();

/// Lowers the calling thread's scheduling priority for good, so that it yields a core to the GUI
/// thread and to Qt's paint helpers; threads it starts afterwards inherit the lower priority.
/// Only for threads that do nothing else: a priority once lowered cannot be raised again.
void lowerThreadPriority();

/// Runs `work` on a thread of its own at a lowered priority (lowerThreadPriority) and waits for
/// it: for work nobody waits for while a frame is drawn (the rest of an analysis after the
/// preview the views draw). Work that a frame waits for keeps the default priority, so that a
/// busy desktop does not starve it.
void runAtLowPriority(const std::function<void()> &work);

/// Drops `object` on `pool`: a large result built on a worker (an analysis, the text form of a
/// scenario) is then freed there rather than in the middle of a paint, where the allocator would
/// also wait for the lock of the worker's memory arena. The object must be safe to destroy on
/// any thread; a null pointer costs nothing.
void releaseInBackground(std::shared_ptr<const void> object, QThreadPool *pool = backgroundPool());

} // namespace headroom::ui
