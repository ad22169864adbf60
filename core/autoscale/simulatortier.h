#pragma once

#include "core/autoscale/hpabehavior.h"
#include "core/autoscale/hpatypes.h"
#include "core/autoscale/monotonememo.h"
#include "core/autoscale/recommendationwindow.h"
#include "core/autoscale/replicacalculator.h"
#include "core/model/hpa.h"
#include "core/model/scenario.h"

#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

/// Internal to the simulator (simulator.cpp): one tier's simulated Deployment with its pods, nodes and
/// request queue (simulatortier.cpp), and the autoscaler state its syncs keep (simulatorsync.cpp).
/// Times are ms since the epoch, rates per second.
namespace headroom::autoscale::sim {

/// What the metrics pipeline saw at one tick.
struct Sample {
    int ready = 0;
    double cpuMilli = 0;   ///< total over ready pods
    double cpuPercent = 0; ///< cpuMilli x 100 / (ready x requested millicores); 0 without ready pods
    double memBytes = 0;   ///< total over ready pods
    double arrivals = 0;   ///< per second
    double queue = 0;
    double waitSeconds = 0;
    double p95Ms = 0;
};

/// Which simulated quantity feeds an HPA metric.
enum class Source { Cpu, Memory, Arrivals, Queue, Wait, Latency, None };

/// A metric's last proposal and the inputs it was computed from: equal inputs, equal proposal.
struct ProposalMemo {
    // Object and External metrics: the last sample and pod counts
    double value = std::numeric_limits<double>::quiet_NaN(); ///< the sample (NaN: nothing computed yet)
    int current = 0;
    int podsA = 0, podsB = 0; ///< the pod counts the metric's rule reads
    int replicas = 0;      ///< the proposal, when `reported`
    bool reported = false; ///< false: no pod reported the metric
    /// Per-pod metrics with every pod reporting: the proposal for a truncated per-pod value.
    double truncated = std::numeric_limits<double>::quiet_NaN();
    int truncatedCurrent = 0;
    int truncatedPods = 0;
    int truncatedReplicas = 0;
};

struct MetricPlan {
    model::MetricSourceType type = model::MetricSourceType::Resource;
    model::MetricTargetType targetType = model::MetricTargetType::Utilization;
    Source source = Source::None;
    double target = 0; ///< percent for Utilization, otherwise the value (units of the source)
    bool perPod = false; ///< Resource, ContainerResource or Pods: the value is averaged over the pods
    double request = 1;  ///< Utilization targets: the per-pod request the value is a percentage of
    bool utilization() const { return targetType == model::MetricTargetType::Utilization; }
    /// What the per-pod average divides the sample by for `pods` pods reporting.
    double divisor(int pods) const { return utilization() ? pods * request : double(pods); }
    double Sample::*field = nullptr; ///< the sample value `source` names
    ProposalMemo memo;
};

struct TierSim {
    const model::Tier *tier = nullptr;
    model::HpaSpec spec;
    std::optional<ResolvedBehavior> behavior;
    Tolerances tolerances;
    ControllerMemory memory;      ///< scale events; the recommendations live in `window`
    std::optional<RecommendationWindow> window;
    std::vector<MetricPlan> plans; ///< the metrics the simulation has a value for, in spec order
    std::size_t metricCount = 0;   ///< spec metrics, with those that always fail
    int specMinReplicas = 1; ///< spec.minReplicas as the controller reads it
    int specMaxReplicas = 1;
    bool legacyKeepsCurrent = false; ///< the legacy scale-up limit never falls below the current size
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
    std::vector<double> saturatedP95; ///< by ready pod count: p95 queueing at 99.9 % of capacity (NaN: not yet)
    double cpuPerReplicaAtTarget = 0; ///< millicores a replica may use at the CPU Utilization target
    double arrivalsPerReplicaTarget = 0; ///< Pods metric target on arrivals per replica
    bool neededMonotone = false; ///< neededReplicas() never falls as the multiplier grows: it may be memoized
    MonotoneMemo<int> neededMemo;
};

/// The tier's simulation state at rest: metric plans from its HPA, node packing, service model.
TierSim makeTier(const model::Scenario &scenario, const model::Tier &tier, const ControllerSettings &settings);

/// Replicas the autoscaler's own targets call for at traffic multiplier `m`, within min..max.
int neededAt(TierSim &t, double m);

/// One tick of the simulation clock as every tier sees it.
struct Tick {
    std::int64_t nowMs = 0;
    double multiplier = 1;     ///< traffic multiplier of the scenario baseline
    bool regionLost = false;   ///< a region outage starts now
    double lostFraction = 0;   ///< share of the remaining pods and nodes it takes
    double dt = 15;            ///< seconds
    std::int64_t nodeProvisioningDelayMs = 0;
    int maxNodes = 0;          ///< across all tiers
};

/// What one tick served beyond the sample the metrics pipeline sees.
struct Served {
    double dropped = 0;        ///< per second, shed or late
    double cpuUtilization = 0; ///< percent of requested CPU over ready pods
    double memoryUtilization = 0; ///< percent of requested memory
    int neededReplicas = 0;       ///< neededAt() this tick
};

/// One tick of the tier before the autoscaler syncs: region loss, pods becoming ready or placed,
/// nodes provisioned or removed, then the tick's work served, and the replicas it needs. Writes the
/// tick's sample to `s` (in place: a copy of a freshly written struct stalls on store forwarding).
Served advanceTier(TierSim &t, const Tick &tick, int &clusterNodes, Sample &s);

/// The Deployment's spec.replicas set to `desired` by a sync at `nowMs`: new pods go Pending (and are
/// placed at once where nodes have room), surplus pods are removed.
void scaleTo(TierSim &t, int desired, std::int64_t nowMs);

} // namespace headroom::autoscale::sim
