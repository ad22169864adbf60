#pragma once

#include "core/autoscale/hpabehavior.h"
#include "core/autoscale/hpatypes.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace headroom::autoscale {

/// The controller's stabilization window over past recommendations, kept as running extremes
/// instead of a list that every sync scans: the lowest recommendation inside the scale-up window and
/// the highest inside the scale-down window, each in amortized O(1) per sync (monotonic queues).
///
/// It answers what normalizeReplicas() computes from `ControllerMemory::recommendations`, with the
/// same window boundaries: with a behavior a recommendation exactly one window old is out; on the
/// legacy path (no behavior) it is still in. Precondition: recommendations are added in
/// non-decreasing time order (ms since the epoch), as a controller syncing over time adds them.
class RecommendationWindow {
public:
    /// The windows of `behavior` (scale-up and scale-down stabilization), or of the legacy path
    /// (settings.downscaleStabilizationWindow, scale-down only) when there is no behavior.
    RecommendationWindow(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings);

    /// Records a recommendation made at `timeMs`.
    ///
    /// A run of recommendations of one value is recorded in the queues once, with the run's latest
    /// time, when the run ends (a size held from sync to sync costs a compare and a store). Exact: adds
    /// never expire entries (only extremes() does), and the queues' add() of the value their newest
    /// entry holds just moves that entry's time; so add(v, t1) then add(v, t2) leaves the same entries
    /// as add(v, t2) alone, whatever the queues held before.
    void add(int replicas, std::int64_t timeMs)
    {
        if (m_deferred && replicas == m_deferredReplicas) {
            m_deferredMs = timeMs;
            return;
        }
        flush();
        m_deferred = true;
        m_deferredReplicas = replicas;
        m_deferredMs = timeMs;
    }

    /// The proposal bounded by the recommendations inside the windows at `nowMs` (see WindowExtremes;
    /// on the legacy path `up` is the proposal).
    ///
    /// The run not yet in the queues counts as the newest entry: a queue's extreme is that of every
    /// entry added and not expired, whichever entries it dropped as never extreme again, and the run
    /// is newer than them all (expiring entries first is what adding it first would leave too).
    WindowExtremes extremes(int proposal, std::int64_t nowMs)
    {
        WindowExtremes e{m_legacy ? proposal : m_up.extreme(proposal, nowMs), m_down.extreme(proposal, nowMs)};
        if (m_deferred) {
            if (!m_legacy && m_up.inside(m_deferredMs, nowMs))
                e.up = std::min(e.up, m_deferredReplicas);
            if (m_down.inside(m_deferredMs, nowMs))
                e.down = std::max(e.down, m_deferredReplicas);
        }
        return e;
    }

private:
    /// A monotonic queue in a ring buffer: values strictly increase (min queue) or decrease (max
    /// queue) from the front, so the front is the extreme of the entries still inside the window.
    /// The hot operations are inline: the simulator calls them every sync.
    class Queue {
    public:
        Queue(std::int64_t windowMs, bool keepsMax) : m_windowMs(windowMs), m_keepsMax(keepsMax) {}
        void add(int replicas, std::int64_t timeMs)
        {
            // the same value as the newest entry (a size held from sync to sync): the loop below would
            // drop just that entry (the one before it is more extreme) and add this one
            if (m_tail != m_head && at(m_tail - 1).replicas == replicas) {
                at(m_tail - 1).timeMs = timeMs;
                return;
            }
            // an older entry that is not more extreme than the new one can never be the extreme again
            while (m_tail != m_head && !moreExtreme(at(m_tail - 1).replicas, replicas))
                --m_tail;
            if (m_tail - m_head == m_entries.size())
                grow();
            at(m_tail++) = Recommendation{replicas, timeMs};
        }
        /// Whether an entry of `timeMs` is inside the window at `nowMs`.
        bool inside(std::int64_t timeMs, std::int64_t nowMs) const { return timeMs > nowMs - m_windowMs; }
        /// The extreme of `proposal` and the entries younger than the window at `nowMs` (older ones expire).
        int extreme(int proposal, std::int64_t nowMs)
        {
            const std::int64_t cutoff = nowMs - m_windowMs;
            while (m_head != m_tail && at(m_head).timeMs <= cutoff)
                ++m_head;
            if (m_head == m_tail)
                return proposal;
            const int front = at(m_head).replicas;
            return moreExtreme(front, proposal) ? front : proposal;
        }

    private:
        bool moreExtreme(int a, int b) const { return m_keepsMax ? a > b : a < b; }
        Recommendation &at(std::size_t i) { return m_entries.data()[i & m_mask]; }
        void grow();

        std::vector<Recommendation> m_entries = std::vector<Recommendation>(16); ///< power-of-two ring
        std::size_t m_mask = 15; ///< m_entries.size() - 1, kept apart: the size is a subtraction and a shift
        std::size_t m_head = 0; ///< live entries are [m_head, m_tail), indices modulo the ring size
        std::size_t m_tail = 0;
        std::int64_t m_windowMs;
        bool m_keepsMax;
    };

    /// Records the deferred run of equal recommendations in the queues.
    void flush()
    {
        if (!m_deferred)
            return;
        m_deferred = false;
        if (!m_legacy)
            m_up.add(m_deferredReplicas, m_deferredMs);
        m_down.add(m_deferredReplicas, m_deferredMs);
    }

    Queue m_up{0, false};
    Queue m_down{0, true};
    bool m_legacy = false;
    bool m_deferred = false;      ///< a run of equal recommendations is not in the queues yet
    int m_deferredReplicas = 0;   ///< its value
    std::int64_t m_deferredMs = 0; ///< its latest time
};

/// normalizeReplicas() with the stabilization window kept in `window` (recording the proposal there)
/// instead of `memory.recommendations`, which it leaves untouched; `memory` supplies the scale events.
/// Same result as the list form for syncs in non-decreasing time order; amortized O(1) per sync.
Normalized normalizeReplicas(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings,
                             ControllerMemory &memory, RecommendationWindow &window, int currentReplicas,
                             int proposal, int minReplicas, int maxReplicas, std::int64_t nowMs);

} // namespace headroom::autoscale
