#pragma once

#include "core/autoscale/hpabehavior.h"
#include "core/autoscale/hpatypes.h"

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
    void add(int replicas, std::int64_t timeMs);

    /// The proposal bounded by the recommendations inside the windows at `nowMs`: `up` is the lowest
    /// of the proposal and the scale-up window, `down` the highest of the proposal and the
    /// scale-down window (both the proposal itself when a window holds nothing).
    struct Extremes {
        int up = 0;
        int down = 0;
    };
    Extremes extremes(int proposal, std::int64_t nowMs);

private:
    /// A monotonic queue: values strictly increase (min queue) or decrease (max queue) from the front,
    /// so the front is the extreme of the entries still inside the window.
    class Queue {
    public:
        Queue(std::int64_t windowMs, bool keepsMax) : m_windowMs(windowMs), m_keepsMax(keepsMax) {}
        void add(int replicas, std::int64_t timeMs);
        /// The extreme of `proposal` and the entries with time > cutoff (entries at or before it expire).
        int extreme(int proposal, std::int64_t cutoffMs);
        std::int64_t windowMs() const { return m_windowMs; }

    private:
        std::vector<Recommendation> m_entries; ///< live entries are [m_head, size)
        std::size_t m_head = 0;
        std::int64_t m_windowMs;
        bool m_keepsMax;
    };

    Queue m_up{0, false};
    Queue m_down{0, true};
    bool m_legacy = false;
};

} // namespace headroom::autoscale
