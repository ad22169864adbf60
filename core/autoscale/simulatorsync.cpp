#include "core/autoscale/simulatorsync.h"

#include "core/autoscale/hpacontroller.h"

#include <algorithm>
#include <cmath>

namespace headroom::autoscale::sim {

using namespace model;

namespace {


double sourceValue(Source s, const Sample &x)
{
    switch (s) {
    case Source::Cpu: return x.cpuMilli;
    case Source::Memory: return x.memBytes;
    case Source::Arrivals: return x.arrivals;
    case Source::Queue: return x.queue;
    case Source::Wait: return x.waitSeconds;
    case Source::Latency: return x.p95Ms;
    case Source::None: break;
    }
    return 0;
}

/// The per-pod value the controller compares with the target: sum / (pods x request) as an integer
/// percent for Utilization targets, else the per-pod average truncated to milli-units.
double truncatedPerPod(const MetricPlan &p, double value, double divisor)
{
    return p.targetType == MetricTargetType::Utilization ? std::floor(value * 100 / divisor)
                                                         : std::floor(value / divisor * 1000);
}

/// truncatedPerPod() through `memo`, which is valid for one divisor (monotone in the value when the
/// divisor is positive).
double truncatedPerPod(const MetricPlan &p, double value, double divisor, MonotoneMemo<double> &memo,
                       double &memoDivisor)
{
    if (!(divisor > 0 && divisor <= 1e100))
        return truncatedPerPod(p, value, divisor);
    if (divisor != memoDivisor) {
        memo.reset();
        memoDivisor = divisor;
    }
    return memo(value, [&p, divisor](double v) { return truncatedPerPod(p, v, divisor); });
}

/// One metric's proposal from a lagged sample, following the controller's per-type rules.
void proposeMetric(const TierSim &t, const MetricPlan &p, const Sample &x, int totalPods, MetricResult &r,
                   ProposalState &state)
{
    if (p.source == Source::None || p.target <= 0)
        return; // no simulated value for this metric: a failed fetch (`r` stays empty)
    const int current = t.replicas;
    const double value = sourceValue(p.source, x);
    const bool perPod = p.type == MetricSourceType::Resource || p.type == MetricSourceType::ContainerResource
        || p.type == MetricSourceType::Pods;
    ProposalState::Inputs inputs{value, 0, 0, 0, current, totalPods, t.ready};
    if (perPod) {
        // CPU samples of pods that became ready after the sample are unready; other metrics only
        // lack samples of Pending pods, and running-but-starting pods report ~0
        const bool cpu = p.source == Source::Cpu;
        inputs.withMetrics = cpu ? std::min(x.ready, totalPods) : std::min(totalPods - t.pending, x.ready + t.startingCount);
        inputs.unready = std::max(0, totalPods - inputs.withMetrics);
        inputs.totalPods = inputs.ready = 0; // not read by the per-pod rules
        if (inputs.withMetrics > 0) {
            const double request = p.targetType != MetricTargetType::Utilization ? 1.0
                : cpu ? t.tier->requests.cpuMillicores : t.tier->requests.memoryBytes;
            const auto divisor = [&p, request](int pods) {
                return p.targetType == MetricTargetType::Utilization ? pods * request : double(pods);
            };
            inputs.value = truncatedPerPod(p, value, divisor(inputs.withMetrics), state.perPod, state.perPodDivisor);
            inputs.corrected = inputs.unready == 0 ? inputs.value
                : truncatedPerPod(p, value, divisor(inputs.withMetrics + inputs.unready), state.perPodCorrected,
                                  state.correctedDivisor);
        } else {
            inputs.value = 0;
        }
    }
    if (state.computed && state.computedFrom == inputs)
        return; // `r` already holds this proposal
    state.computed = true;
    // member by member: a block copy of `inputs` would stall on the stores that just built it
    state.computedFrom.value = inputs.value;
    state.computedFrom.corrected = inputs.corrected;
    state.computedFrom.withMetrics = inputs.withMetrics;
    state.computedFrom.unready = inputs.unready;
    state.computedFrom.current = inputs.current;
    state.computedFrom.totalPods = inputs.totalPods;
    state.computedFrom.ready = inputs.ready;
    // numeric fields only: the strings stay untouched in the hot loop
    r.replicas.reset();
    r.utilization.reset();
    r.withinTolerance = false;
    if (perPod) {
        if (inputs.withMetrics <= 0)
            return;
        double ratio = inputs.value / p.target;
        double corrected = inputs.corrected / p.target;
        if (p.targetType == MetricTargetType::Utilization) {
            r.utilization = static_cast<int>(inputs.value);
        } else {
            ratio = inputs.value / 1000 / p.target;
            corrected = inputs.corrected / 1000 / p.target;
        }
        r.replicas = ReplicaCalculator::uniformReplicas(current, ratio, corrected, inputs.withMetrics, inputs.unready,
                                                        t.tolerances, &r.withinTolerance);
        return;
    }
    if (p.targetType == MetricTargetType::AverageValue) { // per-pod total (Object / External)
        if (totalPods <= 0)
            return;
        const double ratio = value / (p.target * totalPods);
        r.withinTolerance = t.tolerances.isWithin(ratio);
        r.replicas = r.withinTolerance ? totalPods : static_cast<int>(std::ceil(value / p.target - 1e-9));
        return;
    }
    const double ratio = value / p.target;
    if (current == 0) {
        r.replicas = static_cast<int>(std::ceil(ratio));
        return;
    }
    r.withinTolerance = t.tolerances.isWithin(ratio);
    r.replicas = r.withinTolerance ? current : static_cast<int>(std::ceil(ratio * t.ready));
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
    for (std::size_t j = 0; j < t.plans.size(); ++j)
        proposeMetric(t, t.plans[j], seen, totalPods, t.results[j], t.proposalStates[j]);
    return decideReplicas(t.spec, t.behavior, settings, t.memory, t.replicas, t.results, nowMs, &*t.window).desired;
}

} // namespace headroom::autoscale::sim
