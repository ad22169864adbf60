#pragma once

#include "core/autoscale/hpatypes.h"
#include "core/autoscale/simulatorseries.h"
#include "core/autoscale/traffic.h"
#include "core/model/scenario.h"

#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

/// The time-stepped what-if simulator: per tier, an autoscaler syncing over a demand series, pods
/// that need a start-up time, nodes that take time to provision, metrics that lag.
///
/// Model (all per tier, ticks of `SimulationOptions::step`):
/// - Demand = scenario baseline x traffic multiplier x workload.demandShare. Web/api: concurrent users x
///   requestsPerUserPerSecond requests/s; processing: users x jobsPerUserPerSecond jobs/s. CPU used =
///   units x cpuMillicoresPerUnit, the unit being concurrent users for `users` tiers, requests/s or jobs/s
///   otherwise. Memory used = memoryPerReplica per ready pod (load-independent).
/// - Service: ready x concurrencyPerReplica workers, each serving one unit per serviceTime (M/M/c).
///   Work beyond capacity queues; web/api shed what would wait past p95Slo (dropped), processing
///   keeps its queue and counts jobs arriving while the wait exceeds p95Slo as late.
/// - Autoscaler: the tier's HPA (tier.hpa, else hpaSpecForTier) syncs every simulation.syncPeriod on
///   metrics simulation.metricsDelay old, with the controller's rules (tolerance, unready pods on
///   scale-up, stabilization, behavior policies or the legacy limits). The processing tier scales on
///   the External queue_depth metric as KEDA would. `--policy custom` replaces it with the plan's
///   CustomAutoScaler rules.
/// - Pods: new pods are Pending until a node slot is free, then start for tier.podStartupTime.
///   Nodes: the tier's resourceTier; pods per node = min(cpu / requests.cpu, memory / requests.memory);
///   a node is provisioned simulation.nodeProvisioningDelay after pods went Pending, up to
///   simulation.maxNodes in total across tiers; nodes idle for 10 minutes are removed.
/// - Region loss: demand stays global (the lost region's traffic moves to the others); the region's
///   share of every tier's pods and nodes disappears at the outage start and the Deployment recreates
///   the pods, which then need nodes and start-up time like any new pod.
namespace headroom::autoscale {

enum class ScalingPolicyKind { Hpa, Custom };

struct SimulationOptions {
    std::chrono::milliseconds step{15'000};
    std::int64_t startMs = 1'767'571'200'000; ///< 2026-01-05T00:00:00Z, a Monday
    ScalingPolicyKind policy = ScalingPolicyKind::Hpa;
    ControllerSettings controller;            ///< tolerance is taken from scenario.spec.simulation
};

/// A tier's per-tick series (read like const vectors; runs of equal values are stored once).
struct TierTimeline {
    QString tierId;
    TickSeries<double> demand;            ///< per tick: arrivals per second (req/s or jobs/s) reaching the tier
    TickSeries<int> desiredReplicas, readyReplicas, pendingReplicas, nodes;
    TickSeries<double> cpuUtilization;    ///< percent of requested CPU, averaged over ready pods
    TickSeries<double> memoryUtilization; ///< percent of requested memory
    TickSeries<double> queueDepth;        ///< waiting work
    TickSeries<double> p95LatencyMs;      ///< M/M/c estimate from the tier's service time
    TickSeries<double> droppedPerSecond;  ///< work shed or late
    TickSeries<int> neededReplicas;       ///< replicas the autoscaler's targets call for at this demand (min..max)
};

struct TierSummary {
    QString tierId;
    std::optional<double> spikeAbsorbedAfterSeconds; ///< from the first traffic event until ready >= needed
    double minutesOverSlo = 0;
    int peakReplicas = 0;
    int peakNodes = 0;
    int peakNeededReplicas = 0;
    std::optional<double> eventAtSeconds;            ///< start of the first spike, retry storm or region loss
};

struct SimulationResult {
    std::int64_t startMs = 0;
    std::int64_t stepMs = 15000;
    int ticks = 0;
    std::vector<TierTimeline> tiers; ///< scenario order
    std::vector<TierSummary> summaries;
};

/// Runs the simulation; `progress(done, total)` is called every few thousand ticks and may return
/// false to cancel (the result then holds the ticks simulated so far).
SimulationResult simulate(const model::Scenario &scenario, const TrafficSpec &traffic,
                          std::chrono::milliseconds duration, const SimulationOptions &options,
                          const std::function<bool(int, int)> &progress = {});

} // namespace headroom::autoscale
