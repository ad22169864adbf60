#include "core/autoscale/simulatortier.h"

#include "core/autoscale/hpacontroller.h"
#include "core/autoscale/hpamanifest.h"
#include "core/autoscale/queueing.h"

#include <algorithm>
#include <cmath>

namespace headroom::autoscale::sim {

using namespace model;

namespace {

constexpr std::int64_t NodeIdleBeforeRemovalMs = 600'000; // cluster-autoscaler scale-down-unneeded-time

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

double Sample::*sampleField(Source s)
{
    switch (s) {
    case Source::Cpu: return &Sample::cpuMilli;
    case Source::Memory: return &Sample::memBytes;
    case Source::Arrivals: return &Sample::arrivals;
    case Source::Queue: return &Sample::queue;
    case Source::Wait: return &Sample::waitSeconds;
    case Source::Latency: return &Sample::p95Ms;
    case Source::None: break;
    }
    return nullptr;
}

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

/// mmcP95Seconds() for a tier serving at 99.9 % of its capacity, where it depends on the ready pod
/// count alone: computed once per count (a saturated tier would otherwise recompute it at every
/// change of its size).
double saturatedP95(TierSim &t, double served, int servers)
{
    const auto ready = static_cast<std::size_t>(t.ready);
    if (ready >= t.saturatedP95.size())
        t.saturatedP95.resize(ready + 1, std::numeric_limits<double>::quiet_NaN());
    double &p95 = t.saturatedP95[ready];
    if (std::isnan(p95))
        p95 = mmcP95Seconds(served, t.service, servers);
    return p95;
}

/// Serves one tick: queue dynamics, utilization, latency; writes the tick's sample to `s`.
Served serve(TierSim &t, double units, double arrivals, double dt, Sample &s)
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
            t.p95Queueing = servers <= 0 ? 1e9
                : served == capacity * 0.999 ? saturatedP95(t, served, servers)
                                             : mmcP95Seconds(served, t.service, servers);
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
    s.cpuPercent = t.ready > 0 ? s.cpuMilli * 100 / (t.ready * double(tier.requests.cpuMillicores)) : 0;
    return {dropped, s.cpuPercent, t.ready > 0 ? t.memoryUtilization : 0, 0};
}

} // namespace

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
        MetricPlan p;
        p.type = m.type;
        p.targetType = m.target.type;
        p.source = sourceFor(m);
        if (m.target.type == MetricTargetType::Utilization)
            p.target = m.target.averageUtilization.value_or(80);
        else if (m.target.type == MetricTargetType::AverageValue && m.target.averageValue)
            p.target = m.target.averageValue->value();
        else if (m.target.value)
            p.target = m.target.value->value();
        if (p.source == Source::Cpu && p.targetType != MetricTargetType::Utilization)
            p.target *= 1000; // cores -> millicores
        p.perPod = m.type == MetricSourceType::Resource || m.type == MetricSourceType::ContainerResource
            || m.type == MetricSourceType::Pods;
        if (p.targetType == MetricTargetType::Utilization)
            p.request = p.source == Source::Cpu ? tier.requests.cpuMillicores : tier.requests.memoryBytes;
        t.plans.push_back(p);
    }
    for (const MetricPlan &p : t.plans) {
        if (p.source == Source::Cpu && p.targetType == MetricTargetType::Utilization && p.target > 0)
            t.cpuPerReplicaAtTarget = tier.requests.cpuMillicores * p.target / 100.0;
        else if (p.source == Source::Arrivals && p.type == MetricSourceType::Pods && p.target > 0)
            t.arrivalsPerReplicaTarget = p.target;
    }
    t.specMinReplicas = t.spec.minReplicas.value_or(1);
    t.specMaxReplicas = t.spec.maxReplicas;
    t.legacyKeepsCurrent = settings.scaleUpLimitFactor >= 1.0;
    // a metric without a simulated value is a failed fetch at every sync: only its count matters
    t.metricCount = t.plans.size();
    std::erase_if(t.plans, [](const MetricPlan &p) { return p.source == Source::None || p.target <= 0; });
    for (MetricPlan &p : t.plans)
        p.field = sampleField(p.source);
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

namespace {

/// neededAt(), inline in advanceTier().
inline int neededAtTick(TierSim &t, double m)
{
    const auto at = [&t](double x) { return neededReplicas(t, t.unitsPerMultiplier * x, t.arrivalsPerMultiplier * x); };
    return t.neededMonotone ? t.neededMemo(m, at) : at(m);
}

} // namespace

int neededAt(TierSim &t, double m)
{
    return neededAtTick(t, m);
}

Served advanceTier(TierSim &t, const Tick &tick, int &clusterNodes, Sample &s)
{
    if (tick.regionLost) { // the region's pods and nodes are gone; the Deployment recreates the pods
        const int killed = static_cast<int>(std::round((t.ready + t.startingCount) * tick.lostFraction));
        const int deadNodes = static_cast<int>(std::round(t.nodes * tick.lostFraction));
        removePods(t, t.pending + killed);
        t.pending = t.replicas - t.ready - t.startingCount;
        t.nodes -= deadNodes;
        clusterNodes -= deadNodes;
    }
    if (t.pending > 0 || t.startingCount > 0)
        advancePods(t, tick.nowMs, t.tier->podStartupTime);
    const int nodesBefore = t.nodes;
    advanceNodes(t, tick.nowMs, tick.nodeProvisioningDelayMs, clusterNodes, tick.maxNodes);
    if (t.pending > 0 && t.nodes != nodesBefore)
        advancePods(t, tick.nowMs, t.tier->podStartupTime);
    const double m = tick.multiplier;
    Served served = serve(t, t.unitsPerMultiplier * m, t.arrivalsPerMultiplier * m, tick.dt, s);
    served.neededReplicas = neededAtTick(t, m);
    return served;
}

void scaleTo(TierSim &t, int desired, std::int64_t nowMs)
{
    if (desired > t.replicas) {
        t.pending += desired - t.replicas;
        t.lastUpMs = nowMs;
    } else if (desired < t.replicas) {
        removePods(t, t.replicas - desired);
        t.lastDownMs = nowMs;
    }
    if (desired != t.replicas)
        advancePods(t, nowMs, t.tier->podStartupTime);
    t.replicas = desired;
}

} // namespace headroom::autoscale::sim
