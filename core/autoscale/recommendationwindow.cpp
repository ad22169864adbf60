#include "core/autoscale/recommendationwindow.h"

#include <algorithm>

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

void RecommendationWindow::add(int replicas, std::int64_t timeMs)
{
    if (!m_legacy)
        m_up.add(replicas, timeMs);
    m_down.add(replicas, timeMs);
}

RecommendationWindow::Extremes RecommendationWindow::extremes(int proposal, std::int64_t nowMs)
{
    Extremes e;
    e.up = m_legacy ? proposal : m_up.extreme(proposal, nowMs - m_up.windowMs());
    e.down = m_down.extreme(proposal, nowMs - m_down.windowMs());
    return e;
}

void RecommendationWindow::Queue::add(int replicas, std::int64_t timeMs)
{
    // an older entry that is not more extreme than the new one can never be the extreme again
    while (m_entries.size() > m_head
           && (m_keepsMax ? m_entries.back().replicas <= replicas : m_entries.back().replicas >= replicas))
        m_entries.pop_back();
    if (m_head == m_entries.size()) {
        m_entries.clear();
        m_head = 0;
    } else if (m_head >= 64 && m_head * 2 >= m_entries.size()) {
        m_entries.erase(m_entries.begin(), m_entries.begin() + std::ptrdiff_t(m_head));
        m_head = 0;
    }
    m_entries.push_back(Recommendation{replicas, timeMs});
}

int RecommendationWindow::Queue::extreme(int proposal, std::int64_t cutoffMs)
{
    while (m_head < m_entries.size() && m_entries[m_head].timeMs <= cutoffMs)
        ++m_head;
    if (m_head == m_entries.size())
        return proposal;
    const int front = m_entries[m_head].replicas;
    return m_keepsMax ? std::max(proposal, front) : std::min(proposal, front);
}

} // namespace headroom::autoscale
