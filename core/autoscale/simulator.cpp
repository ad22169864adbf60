#include "core/autoscale/simulator.h"

#include "core/autoscale/hpacontroller.h"
#include "core/autoscale/hpamanifest.h"
#include "core/autoscale/monotonememo.h"
#include "core/autoscale/queueing.h"
#include "core/autoscale/recommendationwindow.h"
#include "core/autoscale/replicacalculator.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

namespace headroom::autoscale {

using namespace model;

namespace {

constexpr std::int64_t NodeIdleBeforeRemovalMs = 600'000; // cluster-autoscaler scale-down-unneeded-time

/// What the metrics pipeline saw at one tick.
struct Sample {
    int ready = 0;
    double cpuMilli = 0;   ///< total over ready pods
    double memBytes = 0;   ///< total over ready pods
    double arrivals = 0;   ///< per second
    double queue = 0;
    double waitSeconds = 0;
    double p95Ms = 0;
};

/// Which simulated quantity feeds an HPA metric.
enum class Source { Cpu, Memory, Arrivals, Queue, Wait, Latency, None };

struct MetricPlan {
    MetricSourceType type = MetricSourceType::Resource;
    MetricTargetType targetType = MetricTargetType::Utilization;
    Source source = Source::None;
    double target = 0; ///< percent for Utilization, otherwise the value (units of the source)
};

/// What a metric's last proposal was computed from, so that an unchanged input skips the work:
/// equal inputs give an equal proposal. Per-pod metrics key on the truncated per-pod value (integer
/// percent or milli-units), which moves far less often than the sample; the truncation itself is
/// memoized along the sample (monotone in it for a fixed pod count).
struct ProposalState {
    struct Inputs {
        double value = 0;   ///< the sample (Object/External) or the truncated per-pod value (per-pod metrics)
        double corrected = 0;
        int withMetrics = 0, unready = 0, current = 0, totalPods = 0, ready = 0;
        bool operator==(const Inputs &) const = default;
    };
    Inputs computedFrom;
    bool computed = false;
    MonotoneMemo<double> perPod, perPodCorrected; ///< truncated per-pod value over the sample
    double perPodDivisor = 0, correctedDivisor = 0; ///< the pod count (x request) the memos divide by
};

Source sourceFor(const MetricSpec &m)
{
    if (m.type == MetricSourceType::Resource || m.type == MetricSourceType::ContainerResource)
        return m.resourceName == u"cpu" ? Source::Cpu : m.resourceName == u"memory" ? Source::Memory : Source::None;
    const QString n = m.metric.name.toLower();
    if (n.contains(u"queue") || n.contains(u"backlog") || n.contains(u"lag"))
        return Source::Queue;
    if (n.contains(u"wait"))
        return Source::Wait;
    if (n.contains(u"latency") || n.contains(u"response_time"))
        return Source::Latency;
    if (n.contains(u"request") || n.contains(u"rps") || n.contains(u"qps") || n.contains(u"jobs"))
        return Source::Arrivals;
    return Source::None;
}

struct TierSim {
    const Tier *tier = nullptr;
    HpaSpec spec;
    std::optional<ResolvedBehavior> behavior;
    Tolerances tolerances;
    ControllerMemory memory;      ///< scale events; the recommendations live in `window`
    std::optional<RecommendationWindow> window;
    std::vector<MetricPlan> plans;
    std::vector<MetricResult> results;
    std::vector<ProposalState> proposalStates; ///< what results[j] was computed from
    int minReplicas = 1;
    int maxReplicas = 1;
    double unitsPerMultiplier = 0;    ///< capacity-metric units at multiplier 1
    double arrivalsPerMultiplier = 0; ///< arrivals per second at multiplier 1
    int podsPerNode = 1;
    double nodeCpuMilli = 1e12; ///< what one pod can burst to at most
    double service = 0.05;
    double memoryUtilization = 0; ///< percent of requested memory of a ready pod (load-independent)
    double serviceRate = 20; ///< per worker, 1/service
    int concurrency = 1;
    double sloSeconds = 0;
    bool boundedQueue = true;
    // state
    int replicas = 0; ///< the Deployment's spec.replicas
    int ready = 0;
    int pending = 0;
    std::deque<std::pair<std::int64_t, int>> starting; ///< (ready time, pods)
    int startingCount = 0;
    int nodes = 0;
    std::vector<std::int64_t> provisioning; ///< node ready times
    std::int64_t idleSinceMs = -1;
    int nodesNeededFor = -1; ///< the scheduled pod count nodesNeeded was computed for
    int nodesNeeded = 0;
    double queue = 0;
    std::vector<Sample> ring;
    std::int64_t lastUpMs = std::numeric_limits<std::int64_t>::min() / 2;
    std::int64_t lastDownMs = std::numeric_limits<std::int64_t>::min() / 2;
    int p95Servers = -1;
    double p95Arrivals = 0;
    double p95Queueing = 0;
    double cpuPerReplicaAtTarget = 0; ///< millicores a replica may use at the CPU Utilization target
    double arrivalsPerReplicaTarget = 0; ///< Pods metric target on arrivals per replica
    bool neededMonotone = false; ///< neededReplicas() never falls as the multiplier grows: it may be memoized
    MonotoneMemo<int> neededMemo;
};

double baseUnits(const Scenario &s, const Tier &t)
{
    const DemandProfile &d = s.spec.demand;
    switch (t.workload.capacityMetric) {
    case CapacityMetric::Users: return d.concurrentUsers;
    case CapacityMetric::Requests: return d.concurrentUsers * d.requestsPerUserPerSecond;
    case CapacityMetric::Jobs: return d.concurrentUsers * d.jobsPerUserPerSecond;
    }
    return 0;
}

double baseArrivals(const Scenario &s, const Tier &t)
{
    const DemandProfile &d = s.spec.demand;
    return t.workload.capacityMetric == CapacityMetric::Jobs || t.kind == TierKind::Processing
        ? d.concurrentUsers * d.jobsPerUserPerSecond
        : d.concurrentUsers * d.requestsPerUserPerSecond;
}

TierSim makeTier(const Scenario &scenario, const Tier &tier, const ControllerSettings &settings)
{
    TierSim t;
    t.tier = &tier;
    t.spec = hpaSpecForTier(scenario, tier);
    t.behavior = resolveBehavior(t.spec, settings);
    t.tolerances = t.behavior ? Tolerances{t.behavior->scaleDown.tolerance, t.behavior->scaleUp.tolerance}
                              : Tolerances{settings.tolerance, settings.tolerance};
    t.window.emplace(t.behavior, settings);
    for (const MetricSpec &m : effectiveMetrics(t.spec)) {
        MetricPlan p{m.type, m.target.type, sourceFor(m), 0};
        if (m.target.type == MetricTargetType::Utilization)
            p.target = m.target.averageUtilization.value_or(80);
        else if (m.target.type == MetricTargetType::AverageValue && m.target.averageValue)
            p.target = m.target.averageValue->value();
        else if (m.target.value)
            p.target = m.target.value->value();
        if (p.source == Source::Cpu && p.targetType != MetricTargetType::Utilization)
            p.target *= 1000; // cores -> millicores
        t.plans.push_back(p);
    }
    t.results.resize(t.plans.size());
    t.proposalStates.resize(t.plans.size());
    for (const MetricPlan &p : t.plans) {
        if (p.source == Source::Cpu && p.targetType == MetricTargetType::Utilization && p.target > 0)
            t.cpuPerReplicaAtTarget = tier.requests.cpuMillicores * p.target / 100.0;
        else if (p.source == Source::Arrivals && p.type == MetricSourceType::Pods && p.target > 0)
            t.arrivalsPerReplicaTarget = p.target;
    }
    t.minReplicas = std::max(0, t.spec.minReplicas.value_or(1));
    t.maxReplicas = std::max(t.spec.maxReplicas, t.minReplicas); // the API server rejects min > max
    const double share = tier.workload.demandShare;
    t.unitsPerMultiplier = baseUnits(scenario, tier) * share;
    t.arrivalsPerMultiplier = baseArrivals(scenario, tier) * share;
    t.service = std::max(1e-6, tier.workload.serviceTime.count() / 1000.0);
    t.serviceRate = 1.0 / t.service;
    t.memoryUtilization = tier.workload.memoryBytesPerReplica * 100 / tier.requests.memoryBytes;
    t.concurrency = std::max(1, tier.workload.concurrencyPerReplica);
    t.sloSeconds = tier.p95Slo ? tier.p95Slo->count() / 1000.0 : 10 * t.service;
    t.boundedQueue = tier.kind != TierKind::Processing;
    t.podsPerNode = 1;
    if (const ResourceTier *node = scenario.resourceTier(tier.resourceTier)) {
        const int byCpu = static_cast<int>(node->cpu * 1000 / std::max(1, tier.requests.cpuMillicores));
        const int byMem = static_cast<int>(node->memoryBytes / std::max(1.0, tier.requests.memoryBytes));
        t.podsPerNode = std::max(1, std::min(byCpu, byMem));
        t.nodeCpuMilli = node->cpu * 1000;
    }
    // with finite non-negative factors every step of neededReplicas() is monotone in the multiplier
    const auto factor = [](double v) { return v >= 0 && v <= 1e100; };
    t.neededMonotone = factor(t.unitsPerMultiplier) && factor(t.arrivalsPerMultiplier) && factor(t.service)
        && factor(tier.workload.cpuMillicoresPerUnit) && factor(t.cpuPerReplicaAtTarget)
        && factor(t.arrivalsPerReplicaTarget);
    return t;
}

/// Replicas the autoscaler's own targets call for at this demand, within min..max.
int neededReplicas(const TierSim &t, double units, double arrivals)
{
    double need = std::ceil(arrivals * t.service / t.concurrency); // enough workers to keep up
    if (t.cpuPerReplicaAtTarget > 0)
        need = std::max(need, std::ceil(units * t.tier->workload.cpuMillicoresPerUnit / t.cpuPerReplicaAtTarget - 1e-9));
    if (t.arrivalsPerReplicaTarget > 0)
        need = std::max(need, std::ceil(arrivals / t.arrivalsPerReplicaTarget - 1e-9));
    return std::clamp(static_cast<int>(std::min(need, 1e9)), t.minReplicas, t.maxReplicas);
}

/// neededReplicas() at traffic multiplier `m`.
int neededAt(TierSim &t, double m)
{
    const auto at = [&t](double x) { return neededReplicas(t, t.unitsPerMultiplier * x, t.arrivalsPerMultiplier * x); };
    return t.neededMonotone ? t.neededMemo(m, at) : at(m);
}

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

void removePods(TierSim &t, int count)
{
    const int fromPending = std::min(count, t.pending);
    t.pending -= fromPending;
    count -= fromPending;
    while (count > 0 && !t.starting.empty()) { // the newest starting pods go first
        auto &[at, n] = t.starting.back();
        const int k = std::min(count, n);
        n -= k;
        t.startingCount -= k;
        count -= k;
        if (n == 0)
            t.starting.pop_back();
    }
    const int fromReady = std::min(count, t.ready);
    t.ready -= fromReady;
}

void advancePods(TierSim &t, std::int64_t now, Milliseconds startup)
{
    while (!t.starting.empty() && t.starting.front().first <= now) {
        t.ready += t.starting.front().second;
        t.startingCount -= t.starting.front().second;
        t.starting.pop_front();
    }
    const int scheduled = t.ready + t.startingCount;
    const int free = std::max(0, t.nodes * t.podsPerNode - scheduled);
    const int place = std::min(free, t.pending);
    if (place > 0) {
        t.pending -= place;
        t.starting.emplace_back(now + startup.count(), place);
        t.startingCount += place;
    }
}

void advanceNodes(TierSim &t, std::int64_t now, std::int64_t delay, int &clusterNodes, int maxNodes)
{
    if (!t.provisioning.empty()) {
        auto ready = std::remove_if(t.provisioning.begin(), t.provisioning.end(), [&](std::int64_t at) {
            if (at > now)
                return false;
            ++t.nodes;
            return true;
        });
        t.provisioning.erase(ready, t.provisioning.end());
    }
    if (t.pending > 0) { // without Pending pods no node is missing
        const int missing = (t.pending + t.podsPerNode - 1) / t.podsPerNode - int(t.provisioning.size());
        for (int i = 0; i < missing && clusterNodes < maxNodes; ++i, ++clusterNodes)
            t.provisioning.push_back(now + delay);
        t.idleSinceMs = -1;
        return;
    }
    const int scheduled = t.ready + t.startingCount;
    if (scheduled != t.nodesNeededFor) {
        t.nodesNeededFor = scheduled;
        t.nodesNeeded = (scheduled + t.podsPerNode - 1) / t.podsPerNode;
    }
    const int needed = t.nodesNeeded;
    if (t.nodes > needed) {
        if (t.idleSinceMs < 0)
            t.idleSinceMs = now;
        else if (now - t.idleSinceMs >= NodeIdleBeforeRemovalMs) {
            clusterNodes -= t.nodes - needed;
            t.nodes = needed;
            t.idleSinceMs = -1;
        }
    } else {
        t.idleSinceMs = -1;
    }
}

/// Reserves the timeline for `ticks`; the simulation appends one value per tick to every series, so
/// a cancelled run holds exactly the ticks simulated.
void reserve(TierTimeline &tl, int ticks)
{
    const auto n = static_cast<std::size_t>(ticks);
    for (auto *v : {&tl.demand, &tl.cpuUtilization, &tl.memoryUtilization, &tl.queueDepth, &tl.p95LatencyMs,
                    &tl.droppedPerSecond})
        v->reserve(n);
    for (auto *v : {&tl.desiredReplicas, &tl.readyReplicas, &tl.pendingReplicas, &tl.nodes, &tl.neededReplicas})
        v->reserve(n);
}

std::optional<double> firstEventSeconds(const TrafficSpec &traffic)
{
    std::optional<double> at;
    for (const TrafficFactor &f : traffic.factors)
        if (f.kind == TrafficFactor::Kind::Spike || f.kind == TrafficFactor::Kind::RetryStorm
            || f.kind == TrafficFactor::Kind::RegionLoss)
            at = at ? std::min(*at, f.atSeconds) : f.atSeconds;
    return at;
}

/// Serves one tick: queue dynamics, utilization, latency; writes the tick's sample to `s` (in place:
/// a copy of a freshly written struct stalls on store forwarding).
void serve(TierSim &t, double units, double arrivals, double dt, TierTimeline &tl, Sample &s)
{
    const Tier &tier = *t.tier;
    const int servers = t.ready * t.concurrency;
    const double capacity = servers * t.serviceRate;
    t.queue = std::max(0.0, t.queue + (arrivals - capacity) * dt);
    double dropped = 0;
    if (t.boundedQueue) {
        const double limit = capacity * t.sloSeconds;
        if (t.queue > limit) {
            dropped = (t.queue - limit) / dt;
            t.queue = limit;
        }
    }
    const double backlogWait = capacity > 0 ? (t.queue > 0 ? t.queue / capacity : 0.0)
                                            : (t.queue > 0 || arrivals > 0 ? 1e9 : 0);
    double p95 = t.service;
    if (arrivals > 0) {
        const double served = std::min(arrivals, capacity * 0.999);
        if (servers != t.p95Servers || std::abs(served - t.p95Arrivals) > 1e-3 * t.p95Arrivals) {
            // the M/M/c estimate moves slowly with demand: recomputed when it changes by 0.1 % or more
            t.p95Servers = servers;
            t.p95Arrivals = served;
            t.p95Queueing = servers > 0 ? mmcP95Seconds(served, t.service, servers) : 1e9;
        }
        p95 = t.p95Queueing + backlogWait;
    }
    if (!t.boundedQueue && backlogWait > t.sloSeconds)
        dropped = arrivals; // every job arriving now will be late
    // capacity >= arrivals gives a quotient >= 1: the division only matters when capacity falls short
    const double servedShare = arrivals > capacity ? std::min(1.0, capacity / arrivals) : 1.0;
    const double cpuMilli = std::min(units * tier.workload.cpuMillicoresPerUnit * servedShare, t.ready * t.nodeCpuMilli);
    s.ready = t.ready;
    s.cpuMilli = t.ready > 0 ? cpuMilli : 0;
    s.memBytes = t.ready * tier.workload.memoryBytesPerReplica;
    s.arrivals = arrivals;
    // a job queue (KEDA) counts the jobs in the system; a request queue only the waiting requests
    s.queue = t.boundedQueue ? t.queue : t.queue + std::min(arrivals * t.service, double(servers));
    s.waitSeconds = backlogWait;
    s.p95Ms = std::min(p95, 1e9) * 1000;
    tl.demand.push_back(arrivals);
    tl.cpuUtilization.push_back(t.ready > 0 ? s.cpuMilli * 100 / (t.ready * double(tier.requests.cpuMillicores)) : 0);
    tl.memoryUtilization.push_back(t.ready > 0 ? t.memoryUtilization : 0);
    tl.queueDepth.push_back(t.queue);
    tl.p95LatencyMs.push_back(s.p95Ms);
    tl.droppedPerSecond.push_back(dropped);
}

} // namespace

SimulationResult simulate(const Scenario &scenario, const TrafficSpec &traffic, std::chrono::milliseconds duration,
                          const SimulationOptions &options, const std::function<bool(int, int)> &progress)
{
    SimulationResult result;
    const std::int64_t stepMs = std::max<std::int64_t>(1, options.step.count());
    result.startMs = options.startMs;
    result.stepMs = stepMs;
    const int ticks = static_cast<int>(std::max<std::int64_t>(0, duration.count() / stepMs));
    const SimulationSettings &sim = scenario.spec.simulation;
    ControllerSettings settings = options.controller;
    settings.tolerance = sim.tolerance;
    const int syncEvery = static_cast<int>(std::max<std::int64_t>(1, sim.syncPeriod.count() / stepMs));
    const int lag = static_cast<int>(std::max<std::int64_t>(0, sim.metricsDelay.count() / stepMs));
    const double dt = stepMs / 1000.0;
    const auto event = firstEventSeconds(traffic);

    std::vector<TierSim> tiers;
    int clusterNodes = 0;
    const double m0 = traffic.multiplier(0, options.startMs);
    for (const Tier &tier : scenario.spec.tiers) {
        TierSim t = makeTier(scenario, tier, settings);
        t.replicas = neededReplicas(t, t.unitsPerMultiplier * m0, t.arrivalsPerMultiplier * m0);
        t.ready = t.replicas;
        t.window->add(t.replicas, options.startMs);
        t.nodes = (t.replicas + t.podsPerNode - 1) / t.podsPerNode;
        clusterNodes += t.nodes;
        t.ring.assign(static_cast<std::size_t>(lag + 1), Sample{});
        tiers.push_back(std::move(t));
        TierTimeline tl;
        tl.tierId = tier.id;
        reserve(tl, ticks);
        result.tiers.push_back(std::move(tl));
    }

    double lostBefore = 0;
    const std::vector<double> multipliers = traffic.series(options.startMs, dt, ticks);
    std::size_t ringPos = 0;
    int syncCountdown = 0;
    for (int i = 0; i < ticks; ++i) {
        const double tSec = i * dt;
        const std::int64_t now = options.startMs + i * stepMs;
        const double m = multipliers[static_cast<std::size_t>(i)];
        const bool syncDue = syncCountdown == 0;
        syncCountdown = syncDue ? syncEvery - 1 : syncCountdown - 1;
        const double lost = traffic.lostShare(tSec);
        for (std::size_t k = 0; k < tiers.size(); ++k) {
            TierSim &t = tiers[k];
            TierTimeline &tl = result.tiers[k];
            if (lost > lostBefore) { // the region's pods and nodes are gone; the Deployment recreates the pods
                const double frac = (lost - lostBefore) / (1 - lostBefore);
                const int killed = static_cast<int>(std::round((t.ready + t.startingCount) * frac));
                const int deadNodes = static_cast<int>(std::round(t.nodes * frac));
                removePods(t, t.pending + killed);
                t.pending = t.replicas - t.ready - t.startingCount;
                t.nodes -= deadNodes;
                clusterNodes -= deadNodes;
            }
            if (t.pending > 0 || t.startingCount > 0)
                advancePods(t, now, t.tier->podStartupTime);
            const int nodesBefore = t.nodes;
            advanceNodes(t, now, sim.nodeProvisioningDelay.count(), clusterNodes, sim.maxNodes);
            if (t.pending > 0 && t.nodes != nodesBefore)
                advancePods(t, now, t.tier->podStartupTime);
            const double units = t.unitsPerMultiplier * m;
            const double arrivals = t.arrivalsPerMultiplier * m;
            Sample &s = t.ring[ringPos];
            serve(t, units, arrivals, dt, tl, s);
            if (syncDue) {
                const Sample &seen = t.ring[ringPos + 1 == t.ring.size() ? 0 : ringPos + 1]; // `lag` ticks old
                const int totalPods = t.ready + t.startingCount + t.pending;
                int desired = t.replicas;
                if (options.policy == ScalingPolicyKind::Custom) {
                    desired = customPolicy(t, i >= lag ? seen : s, now);
                } else {
                    for (std::size_t j = 0; j < t.plans.size(); ++j)
                        proposeMetric(t, t.plans[j], i >= lag ? seen : s, totalPods, t.results[j], t.proposalStates[j]);
                    desired = decideReplicas(t.spec, t.behavior, settings, t.memory, t.replicas, t.results, now, &*t.window)
                                  .desired;
                }
                if (desired > t.replicas) {
                    t.pending += desired - t.replicas;
                    t.lastUpMs = now;
                } else if (desired < t.replicas) {
                    removePods(t, t.replicas - desired);
                    t.lastDownMs = now;
                }
                if (desired != t.replicas)
                    advancePods(t, now, t.tier->podStartupTime);
                t.replicas = desired;
            }
            tl.desiredReplicas.push_back(t.replicas);
            tl.readyReplicas.push_back(t.ready);
            tl.pendingReplicas.push_back(t.pending);
            tl.nodes.push_back(t.nodes);
            tl.neededReplicas.push_back(neededAt(t, m));
        }
        lostBefore = lost;
        ringPos = ringPos + 1 == static_cast<std::size_t>(lag + 1) ? 0 : ringPos + 1;
        if (progress && (i & 4095) == 4095 && !progress(i + 1, ticks)) {
            result.ticks = i + 1;
            break;
        }
        result.ticks = i + 1;
    }

    for (std::size_t k = 0; k < tiers.size(); ++k) {
        const TierSim &t = tiers[k];
        const TierTimeline &tl = result.tiers[k];
        TierSummary s;
        s.tierId = tl.tierId;
        s.eventAtSeconds = event;
        const double slo = t.sloSeconds * 1000;
        std::optional<double> deficitStart;
        bool sawDeficit = false;
        bool decided = false;
        int neededInDeficit = 0;
        for (int i = 0; i < result.ticks; ++i) {
            const auto idx = static_cast<std::size_t>(i);
            if (tl.p95LatencyMs[idx] > slo || tl.droppedPerSecond[idx] > 0)
                s.minutesOverSlo += dt / 60.0;
            s.peakReplicas = std::max(s.peakReplicas, tl.desiredReplicas[idx]);
            s.peakNodes = std::max(s.peakNodes, tl.nodes[idx]);
            s.peakNeededReplicas = std::max(s.peakNeededReplicas, tl.neededReplicas[idx]);
            const double tSec = i * dt;
            if (event && tSec >= *event && !decided) {
                const bool deficit = tl.readyReplicas[idx] < tl.neededReplicas[idx];
                if (deficit) {
                    if (!deficitStart)
                        deficitStart = tSec;
                    sawDeficit = true;
                    neededInDeficit = std::max(neededInDeficit, tl.neededReplicas[idx]);
                } else if (deficitStart) {
                    // caught up only if the tier reached the need, not if the need fell back to it
                    if (tl.readyReplicas[idx] >= neededInDeficit)
                        s.spikeAbsorbedAfterSeconds = tSec - *event;
                    decided = true;
                }
            }
        }
        if (event && !sawDeficit && result.ticks > 0 && *event < result.ticks * dt)
            s.spikeAbsorbedAfterSeconds = 0;
        result.summaries.push_back(s);
    }
    return result;
}

} // namespace headroom::autoscale
