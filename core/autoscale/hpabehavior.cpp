#include "core/autoscale/hpabehavior.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::autoscale {

using model::HpaScalingPolicy;
using model::ScalingPolicyType;
using model::SelectPolicy;

namespace {

ScalingRules resolveRules(const std::optional<model::HpaScalingRules> &rules, bool up, const ControllerSettings &s)
{
    ScalingRules r;
    r.tolerance = s.tolerance;
    r.stabilizationWindowSeconds = up ? 0 : static_cast<int>(s.downscaleStabilizationWindow.count() / 1000);
    if (up)
        r.policies = {HpaScalingPolicy{ScalingPolicyType::Pods, 4, 15}, HpaScalingPolicy{ScalingPolicyType::Percent, 100, 15}};
    else
        r.policies = {HpaScalingPolicy{ScalingPolicyType::Percent, 100, 15}};
    if (!rules)
        return r;
    if (rules->stabilizationWindowSeconds)
        r.stabilizationWindowSeconds = *rules->stabilizationWindowSeconds;
    if (rules->selectPolicy)
        r.selectPolicy = *rules->selectPolicy;
    if (!rules->policies.isEmpty())
        r.policies = rules->policies;
    if (rules->tolerance)
        r.tolerance = rules->tolerance->value();
    return r;
}

/// Pods added (or removed) by the events strictly younger than one period.
int changeInPeriod(int periodSeconds, const std::vector<ScaleEvent> &events, std::int64_t nowMs)
{
    const std::int64_t cutoff = nowMs - std::int64_t(periodSeconds) * 1000;
    int change = 0;
    for (const ScaleEvent &e : events)
        if (e.timeMs > cutoff)
            change += e.replicaChange;
    return change;
}

int longestPeriod(const ScalingRules &rules)
{
    int longest = 0;
    for (const HpaScalingPolicy &p : rules.policies)
        longest = std::max(longest, p.periodSeconds);
    return longest;
}

void addEvent(std::vector<ScaleEvent> &events, int change, int longestPeriodSeconds, std::int64_t nowMs)
{
    const std::int64_t cutoff = nowMs - std::int64_t(longestPeriodSeconds) * 1000;
    std::optional<std::size_t> reuse;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].timeMs < cutoff)
            events[i].outdated = true;
        if (events[i].outdated)
            reuse = i;
    }
    const ScaleEvent event{change, nowMs, false};
    if (reuse)
        events[*reuse] = event;
    else
        events.push_back(event);
}

int clampToInt(double v)
{
    if (v >= static_cast<double>(std::numeric_limits<int>::max()))
        return std::numeric_limits<int>::max();
    return static_cast<int>(v);
}

} // namespace

std::optional<ResolvedBehavior> resolveBehavior(const model::HpaSpec &spec, const ControllerSettings &settings)
{
    if (!spec.behavior)
        return std::nullopt;
    return ResolvedBehavior{resolveRules(spec.behavior->scaleUp, true, settings),
                            resolveRules(spec.behavior->scaleDown, false, settings)};
}

int scaleUpLimit(int currentReplicas, const ControllerMemory &memory, const ScalingRules &rules, std::int64_t nowMs)
{
    if (rules.selectPolicy == SelectPolicy::Disabled)
        return currentReplicas;
    const bool pickMin = rules.selectPolicy == SelectPolicy::Min;
    int result = pickMin ? std::numeric_limits<int>::max() : std::numeric_limits<int>::min();
    for (const HpaScalingPolicy &p : rules.policies) {
        const int start = currentReplicas - changeInPeriod(p.periodSeconds, memory.scaleUpEvents, nowMs)
            + changeInPeriod(p.periodSeconds, memory.scaleDownEvents, nowMs);
        const int proposed = p.type == ScalingPolicyType::Pods
            ? start + p.value
            : clampToInt(std::ceil(static_cast<double>(start) * (1.0 + p.value / 100.0)));
        result = pickMin ? std::min(result, proposed) : std::max(result, proposed);
    }
    return result;
}

int scaleDownLimit(int currentReplicas, const ControllerMemory &memory, const ScalingRules &rules, std::int64_t nowMs)
{
    if (rules.selectPolicy == SelectPolicy::Disabled)
        return currentReplicas;
    const bool pickMin = rules.selectPolicy == SelectPolicy::Min; // the smallest change is the highest bound
    int result = pickMin ? std::numeric_limits<int>::min() : std::numeric_limits<int>::max();
    for (const HpaScalingPolicy &p : rules.policies) {
        const int start = currentReplicas - changeInPeriod(p.periodSeconds, memory.scaleUpEvents, nowMs)
            + changeInPeriod(p.periodSeconds, memory.scaleDownEvents, nowMs);
        const int proposed = p.type == ScalingPolicyType::Pods
            ? start - p.value
            : static_cast<int>(static_cast<double>(start) * (1.0 - p.value / 100.0));
        result = pickMin ? std::max(result, proposed) : std::min(result, proposed);
    }
    return result;
}

namespace {

/// The rate limits of `b` and min/max applied to a stabilized recommendation.
Normalized limitWithBehavior(const ResolvedBehavior &b, const ControllerMemory &memory, int current, int proposal,
                             WindowExtremes window, int minReplicas, int maxReplicas,
                             std::int64_t nowMs)
{
    Normalized n;
    n.stabilized = std::min(std::max(current, window.up), window.down);
    if (n.stabilized != proposal)
        n.limitedBy = DecidedBy::StabilizationWindow;

    n.desired = n.stabilized;
    // at maxReplicas (minReplicas) the rate limits cannot bind, only the bound: skip the event scan
    if (n.stabilized > current) {
        const int limit = current >= maxReplicas ? current
                                                 : std::max(scaleUpLimit(current, memory, b.scaleUp, nowMs), current);
        const bool policyBinds = maxReplicas > limit;
        const int allowed = policyBinds ? limit : maxReplicas;
        if (n.stabilized > allowed) {
            n.desired = allowed;
            n.limit = allowed;
            n.limitedBy = !policyBinds ? DecidedBy::MaxReplicas
                : b.scaleUp.selectPolicy == model::SelectPolicy::Disabled ? DecidedBy::ScalingDisabled
                                                                          : DecidedBy::ScaleUpPolicy;
        }
    } else if (n.stabilized < current) {
        const int limit = current <= minReplicas
            ? current : std::min(scaleDownLimit(current, memory, b.scaleDown, nowMs), current);
        const bool policyBinds = minReplicas < limit;
        const int allowed = policyBinds ? limit : minReplicas;
        if (n.stabilized < allowed) {
            n.desired = allowed;
            n.limit = allowed;
            n.limitedBy = !policyBinds ? DecidedBy::MinReplicas
                : b.scaleDown.selectPolicy == model::SelectPolicy::Disabled ? DecidedBy::ScalingDisabled
                                                                            : DecidedBy::ScaleDownPolicy;
        }
    }
    return n;
}

/// The legacy limits (no behavior) and min/max applied to a stabilized recommendation.
Normalized limitLegacy(const ControllerSettings &s, int current, int proposal, int stabilized, int minReplicas,
                       int maxReplicas)
{
    Normalized n;
    n.stabilized = stabilized;
    if (n.stabilized != proposal)
        n.limitedBy = DecidedBy::StabilizationWindow;

    const int upLimit = clampToInt(std::max(s.scaleUpLimitFactor * current, double(s.scaleUpLimitMinimum)));
    const bool limitBinds = maxReplicas > upLimit;
    const int maximum = limitBinds ? upLimit : maxReplicas;
    n.desired = n.stabilized;
    if (n.stabilized < minReplicas) {
        n.desired = n.limit = minReplicas;
        n.limitedBy = DecidedBy::MinReplicas;
    } else if (n.stabilized > maximum) {
        n.desired = n.limit = maximum;
        n.limitedBy = limitBinds ? DecidedBy::LegacyScaleUpLimit : DecidedBy::MaxReplicas;
    }
    return n;
}

/// Scans the remembered recommendations for the window extremes and records the proposal, reusing
/// the slot of the last recommendation that is out of every window.
WindowExtremes scanWindow(std::vector<Recommendation> &recs, const std::optional<ResolvedBehavior> &b,
                                          const ControllerSettings &s, int proposal, std::int64_t nowMs)
{
    WindowExtremes e{proposal, proposal};
    std::optional<std::size_t> old;
    if (b) {
        const std::int64_t upCutoff = nowMs - std::int64_t(b->scaleUp.stabilizationWindowSeconds) * 1000;
        const std::int64_t downCutoff = nowMs - std::int64_t(b->scaleDown.stabilizationWindowSeconds) * 1000;
        for (std::size_t i = 0; i < recs.size(); ++i) {
            if (recs[i].timeMs > upCutoff)
                e.up = std::min(e.up, recs[i].replicas);
            if (recs[i].timeMs > downCutoff)
                e.down = std::max(e.down, recs[i].replicas);
            if (recs[i].timeMs < upCutoff && recs[i].timeMs < downCutoff)
                old = i;
        }
    } else {
        const std::int64_t cutoff = nowMs - s.downscaleStabilizationWindow.count();
        for (std::size_t i = 0; i < recs.size(); ++i) {
            if (recs[i].timeMs < cutoff)
                old = i;
            else
                e.down = std::max(e.down, recs[i].replicas);
        }
    }
    if (old)
        recs[*old] = Recommendation{proposal, nowMs};
    else
        recs.push_back(Recommendation{proposal, nowMs});
    return e;
}

} // namespace

Normalized normalizeReplicas(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings,
                             ControllerMemory &memory, int currentReplicas, int proposal, int minReplicas,
                             int maxReplicas, std::int64_t nowMs)
{
    if (!memory.recommendations)
        memory.recommendations.emplace();
    const auto window = scanWindow(*memory.recommendations, behavior, settings, proposal, nowMs);
    return limitReplicas(behavior, settings, memory, currentReplicas, proposal, window, minReplicas, maxReplicas, nowMs);
}

Normalized limitReplicas(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings,
                         const ControllerMemory &memory, int currentReplicas, int proposal, WindowExtremes window,
                         int minReplicas, int maxReplicas, std::int64_t nowMs)
{
    if (behavior)
        return limitWithBehavior(*behavior, memory, currentReplicas, proposal, window, minReplicas, maxReplicas, nowMs);
    return limitLegacy(settings, currentReplicas, proposal, window.down, minReplicas, maxReplicas);
}

void storeScaleEvent(const std::optional<ResolvedBehavior> &behavior, ControllerMemory &memory, int previous,
                     int desired, std::int64_t nowMs)
{
    if (!behavior || desired == previous)
        return;
    if (desired > previous)
        addEvent(memory.scaleUpEvents, desired - previous, longestPeriod(behavior->scaleUp), nowMs);
    else
        addEvent(memory.scaleDownEvents, previous - desired, longestPeriod(behavior->scaleDown), nowMs);
}

} // namespace headroom::autoscale
