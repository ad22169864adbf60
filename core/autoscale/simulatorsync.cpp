#include "core/autoscale/simulatorsync.h"

#include "core/autoscale/hpabehavior.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::autoscale::sim {

using namespace model;

namespace {

/// The per-pod value the controller compares with the target before truncation: sum / (pods x
/// request) in percent for Utilization targets, else the per-pod average in milli-units.
double perPodQuotient(const MetricPlan &p, double value, double divisor)
{
    return p.utilization() ? value * 100 / divisor : value / divisor * 1000;
}

/// The per-pod value truncated as the controller does (an integer percent, or whole milli-units).
double truncatedPerPod(const MetricPlan &p, double value, double divisor)
{
    return std::floor(perPodQuotient(p, value, divisor));
}

int ceilToInt(double v)
{
    const double c = std::ceil(v);
    if (c >= static_cast<double>(std::numeric_limits<int>::max()))
        return std::numeric_limits<int>::max();
    return static_cast<int>(c);
}

/// uniformReplicas() on the truncated per-pod value `perPod` of `value`.
int perPodReplicas(const TierSim &t, const MetricPlan &p, double value, double perPod, int withMetrics, int unready)
{
    const bool utilization = p.utilization();
    const double ratio = utilization ? perPod / p.target : perPod / 1000 / p.target;
    if (unready == 0 || ratio <= 1.0) // uniformReplicas() when no unready pod is counted
        return t.tolerances.isWithin(ratio) ? t.replicas : ceilToInt(ratio * withMetrics);
    const double correctedPerPod = truncatedPerPod(p, value, p.divisor(withMetrics + unready));
    const double corrected = utilization ? correctedPerPod / p.target : correctedPerPod / 1000 / p.target;
    return ReplicaCalculator::uniformReplicas(t.replicas, ratio, corrected, withMetrics, unready, t.tolerances);
}

/// Per-pod metrics (ReplicaCalculator's rules for a uniform fleet): `withMetrics` pods report
/// `value` in total (the sample `x`'s), `unready` pods count only on a scale-up, as using nothing.
int perPodProposal(const TierSim &t, MetricPlan &p, const Sample &x, double value, int withMetrics, int unready)
{
    // CPU utilization over the sample's ready pods is the quotient serve() computed for the tick, in
    // the same operations (cpuMilli x 100 / (ready x request)): no second division
    const double quotient = p.source == Source::Cpu && p.utilization() && withMetrics == x.ready
        ? x.cpuPercent
        : perPodQuotient(p, value, p.divisor(withMetrics));
    if (unready != 0) // the corrected value is read as well
        return perPodReplicas(t, p, value, std::floor(quotient), withMetrics, unready);
    // the rules read the truncated value only: it moves far less often than the sample. The quotient
    // truncates to the remembered value exactly when it lies in [truncated, truncated + 1)
    ProposalMemo &memo = p.memo;
    if (quotient >= memo.truncated && quotient < memo.truncated + 1 && t.replicas == memo.truncatedCurrent
        && withMetrics == memo.truncatedPods)
        return memo.truncatedReplicas;
    const double perPod = std::floor(quotient);
    memo.truncated = perPod;
    memo.truncatedCurrent = t.replicas;
    memo.truncatedPods = withMetrics;
    memo.truncatedReplicas = perPodReplicas(t, p, value, perPod, withMetrics, 0);
    return memo.truncatedReplicas;
}

/// One metric's proposal from a lagged sample, following the controller's per-type rules, in
/// `replicas`; false when no pod reports it (a failed fetch). The proposal is kept in `p.memo` with its
/// inputs: memory and queue metrics rarely change between syncs. (Not an optional<int>: its copy reads
/// the value and the flag as one word right after they were stored apart, which stalls the pipeline.)
bool proposeMetric(const TierSim &t, MetricPlan &p, const Sample &x, int totalPods, int &replicas)
{
    const double value = x.*p.field;
    int podsA = t.ready; // the pod counts the rule reads
    int podsB = 0;
    if (p.perPod) {
        // CPU samples of pods that became ready after the sample are unready; other metrics only
        // lack samples of Pending pods, and running-but-starting pods report ~0
        podsA = p.source == Source::Cpu ? std::min(x.ready, totalPods)
                                        : std::min(totalPods - t.pending, x.ready + t.startingCount);
        if (podsA <= 0)
            return false;
        podsB = std::max(0, totalPods - podsA);
        // no memo on the sample here: with every pod reporting, perPodProposal() keeps one on the
        // truncated value, which hits whenever a memo on the sample would (a sample that changes at
        // every tick mostly truncates alike); with unready pods (a scale-up starting) it computes anew
        replicas = perPodProposal(t, p, x, value, podsA, podsB);
        return true;
    }
    if (p.targetType == MetricTargetType::AverageValue)
        podsA = totalPods;
    ProposalMemo &memo = p.memo;
    if (value == memo.value && t.replicas == memo.current && podsA == memo.podsA && podsB == memo.podsB) {
        replicas = memo.replicas;
        return memo.reported;
    }
    memo.value = value;
    memo.current = t.replicas;
    memo.podsA = podsA;
    memo.podsB = podsB;
    memo.reported = true;
    if (p.targetType == MetricTargetType::AverageValue) { // per-pod total (Object / External)
        if (totalPods <= 0) {
            memo.reported = false;
            memo.replicas = 0;
        } else {
            const double ratio = value / (p.target * totalPods);
            memo.replicas = t.tolerances.isWithin(ratio) ? totalPods
                                                         : static_cast<int>(std::ceil(value / p.target - 1e-9));
        }
    } else {
        const double ratio = value / p.target;
        memo.replicas = t.replicas == 0      ? static_cast<int>(std::ceil(ratio))
            : t.tolerances.isWithin(ratio) ? t.replicas
                                           : static_cast<int>(std::ceil(ratio * t.ready));
    }
    replicas = memo.replicas;
    return memo.reported;
}

/// The controller's decision on the metric proposals (decideReplicas() with the stabilization window
/// in `t.window`), without its explanation: a sync that keeps the size, by far the most common,
/// returns as soon as the window shows that nothing limits it.
int decide(TierSim &t, int proposal, std::size_t invalid, const ControllerSettings &settings, std::int64_t nowMs)
{
    const int current = t.replicas;
    if (current == 0 && t.specMinReplicas != 0)
        return 0; // scaling disabled
    int desired = current;
    if (current > t.specMaxReplicas) {
        desired = t.specMaxReplicas;
    } else if (current < t.specMinReplicas) {
        desired = t.specMinReplicas;
    } else if (invalid >= t.metricCount || (invalid > 0 && proposal < current)) {
        return current; // no usable metric
    } else {
        // a proposal beyond the bound the size sits at keeps the size whatever the window holds (the
        // window only moves the stabilized value further out): record it without asking the window.
        // Held at max, the size itself is recorded: every later decision reads the window's values only
        // through min(value, maxReplicas) (the size never exceeds maxReplicas on this path; min and max
        // commute with that clamp, and values at or past maxReplicas are capped alike by the rate limits
        // and min/max), so a proposal >= maxReplicas and maxReplicas itself decide alike.
        const bool heldAtMax = proposal >= current && current >= t.specMaxReplicas
            && (t.behavior || t.legacyKeepsCurrent);
        const bool heldAtMin = t.behavior && proposal <= current && current <= t.specMinReplicas;
        if (heldAtMax || heldAtMin) {
            t.window->add(heldAtMax ? current : proposal, nowMs);
            return current;
        }
        const WindowExtremes extremes = t.window->extremes(proposal, nowMs);
        t.window->add(proposal, nowMs);
        // the size stays when the stabilized value is the current size (no rate limit or bound can
        // change that), or lies beyond the bound the current size already sits at
        const int stabilized = t.behavior ? std::min(std::max(current, extremes.up), extremes.down) : extremes.down;
        const bool stays = stabilized == current
            || (stabilized > current ? current >= t.specMaxReplicas : current <= t.specMinReplicas);
        if (stays && (t.behavior || t.legacyKeepsCurrent))
            return current;
        desired = limitReplicas(t.behavior, settings, t.memory, current, proposal, extremes, t.specMinReplicas,
                                t.specMaxReplicas, nowMs)
                      .desired;
    }
    if (desired != current)
        storeScaleEvent(t.behavior, t.memory, current, desired, nowMs);
    return desired;
}

/// The plan's CustomAutoScaler: scale when cpu > 70 %, memory > 80 %, p95 > 2 s or queue > 100, to
/// max(ceil(total cpu % / 60), ceil(total memory % / 75), ceil(requests per second / 100)); scale
/// down to that size when no threshold is hit, each direction after its cooldown.
int customPolicy(const TierSim &t, const Sample &x, std::int64_t nowMs)
{
    const Tier &tier = *t.tier;
    const int ready = std::max(1, x.ready);
    const double cpu = x.cpuMilli * 100 / (ready * double(tier.requests.cpuMillicores));
    const double mem = x.memBytes * 100 / (ready * tier.requests.memoryBytes);
    const bool scale = cpu > 70 || mem > 80 || x.p95Ms > 2000 || x.queue > 100;
    const double target = std::max({std::ceil(cpu * ready / 60), std::ceil(mem * ready / 75), std::ceil(x.arrivals / 100)});
    const int wanted = std::clamp(static_cast<int>(std::min(target, 1e9)), t.minReplicas, t.maxReplicas);
    const auto up = tier.autoscaling.scaleUpCooldown.value_or(Milliseconds(0)).count();
    const auto down = tier.autoscaling.scaleDownCooldown.value_or(Milliseconds(300'000)).count();
    if (scale && wanted > t.replicas && nowMs - t.lastUpMs >= up)
        return wanted;
    if (!scale && wanted < t.replicas && nowMs - t.lastDownMs >= down && nowMs - t.lastUpMs >= down)
        return wanted;
    return t.replicas;
}

} // namespace

int syncReplicas(TierSim &t, const Sample &seen, std::int64_t nowMs, ScalingPolicyKind policy,
                 const ControllerSettings &settings)
{
    if (policy == ScalingPolicyKind::Custom)
        return customPolicy(t, seen, nowMs);
    const int totalPods = t.ready + t.startingCount + t.pending;
    // At maxReplicas, one metric proposing at least the current size decides the sync: the highest
    // proposal wins, so decide() takes its held-at-max path whatever the other metrics say. That path
    // only records the size in the window (see heldAtMax in decide()): the other metrics are skipped.
    const int current = t.replicas;
    const bool mayHoldAtMax = current == t.specMaxReplicas && current >= t.specMinReplicas
        && (current != 0 || t.specMinReplicas == 0) && (t.behavior || t.legacyKeepsCurrent);
    int proposal = 0;
    std::size_t invalid = t.metricCount - t.plans.size();
    for (MetricPlan &plan : t.plans) {
        int r = 0;
        if (!proposeMetric(t, plan, seen, totalPods, r)) {
            ++invalid;
            continue;
        }
        if (mayHoldAtMax && r >= current) {
            t.window->add(current, nowMs);
            return current;
        }
        if (proposal == 0 || r > proposal) // the highest proposal wins, as decideReplicas() picks it
            proposal = r;
    }
    return decide(t, proposal, invalid, settings, nowMs);
}

} // namespace headroom::autoscale::sim
