#include "core/autoscale/recommendationwindow.h"

namespace headroom::autoscale {

RecommendationWindow::RecommendationWindow(const std::optional<ResolvedBehavior> &behavior,
                                           const ControllerSettings &settings)
    : m_legacy(!behavior)
{
    if (behavior) {
        m_up = Queue(std::int64_t(behavior->scaleUp.stabilizationWindowSeconds) * 1000, false);
        m_down = Queue(std::int64_t(behavior->scaleDown.stabilizationWindowSeconds) * 1000, true);
    } else {
        // the legacy scan keeps a recommendation exactly one window old: widen the exclusive bound by 1 ms
        m_down = Queue(settings.downscaleStabilizationWindow.count() + 1, true);
    }
}

void RecommendationWindow::Queue::grow()
{
    std::vector<Recommendation> wider(m_entries.size() * 2);
    std::size_t n = 0;
    for (std::size_t i = m_head; i != m_tail; ++i)
        wider[n++] = at(i);
    m_entries = std::move(wider);
    m_mask = m_entries.size() - 1;
    m_head = 0;
    m_tail = n;
}

Normalized normalizeReplicas(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings,
                             ControllerMemory &memory, RecommendationWindow &window, int currentReplicas,
                             int proposal, int minReplicas, int maxReplicas, std::int64_t nowMs)
{
    const WindowExtremes extremes = window.extremes(proposal, nowMs);
    window.add(proposal, nowMs);
    return limitReplicas(behavior, settings, memory, currentReplicas, proposal, extremes, minReplicas, maxReplicas,
                         nowMs);
}

} // namespace headroom::autoscale
