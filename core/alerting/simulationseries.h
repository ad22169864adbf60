#pragma once

#include "core/alerting/seriesstore.h"
#include "core/alerting/sloreport.h"

#include <algorithm>
#include <optional>
#include <vector>

/// Exposes an autoscaling simulation's timelines as Prometheus-style series, so that the team's own
/// alert rules and the SLO report run over them. Written against the simulation result contract
/// (`startMs`, `stepMs`, `ticks`, `tiers[]` of per-tick vectors: demand, desiredReplicas, readyReplicas,
/// pendingReplicas, nodes, cpuUtilization, memoryUtilization, queueDepth, p95LatencyMs,
/// droppedPerSecond) as a template, so this module does not link the simulator.
namespace headroom::alerting {

struct SimulationSeriesOptions {
    SeriesNameMap names;                         ///< canonical -> name used by the rules
    QString tierLabel = QStringLiteral("tier");
    Labels extraLabels;                          ///< added to every series, e.g. {region="eu-west-1"}
    /// Utilisation values are fractions (0..1) in the simulation and percent in the plan's rules
    /// (`avg(cpu_utilization) > 80`); they are multiplied by this factor.
    double utilizationScale = 100;
    std::vector<double> dailyCostUsd;            ///< per tick, from the cost model (optional)
    std::optional<double> costThresholdUsd;      ///< the budget the cost rule compares against
    std::vector<double> dbConnectionUtilization; ///< per tick, 0..1 (optional)
};

/// Maps a simulation result to series: per tier cpu_utilization, memory_utilization,
/// response_time_p95_ms, queue_depth, replicas (ready), desired_replicas, pending_replicas, nodes,
/// requests_per_second (demand) and error_rate (dropped / demand); without a tier label
/// daily_cost_usd, cost_threshold_usd and db_connection_utilization when given.
template <typename SimulationResult>
SeriesStore seriesFromSimulation(const SimulationResult &result, const SimulationSeriesOptions &o = {})
{
    SeriesStore store;
    auto labelsFor = [&o](const QString &canonical, const QString &tier) {
        Labels l = o.extraLabels;
        l.insert(QStringLiteral("__name__"), mappedName(o.names, canonical));
        if (!tier.isEmpty())
            l.insert(o.tierLabel, tier);
        return l;
    };
    auto put = [&](const QString &canonical, const QString &tier, const auto &values, double scale) {
        const size_t n = std::min<size_t>(values.size(), size_t(std::max(result.ticks, 0)));
        Series series{labelsFor(canonical, tier), {}};
        series.samples.reserve(n);
        for (size_t i = 0; i < n; ++i)
            series.samples.push_back({result.startMs + qint64(i) * result.stepMs, double(values[i]) * scale});
        store.addSeries(std::move(series));
    };
    for (const auto &tier : result.tiers) {
        put(QStringLiteral("cpu_utilization"), tier.tierId, tier.cpuUtilization, o.utilizationScale);
        put(QStringLiteral("memory_utilization"), tier.tierId, tier.memoryUtilization, o.utilizationScale);
        put(QStringLiteral("response_time_p95_ms"), tier.tierId, tier.p95LatencyMs, 1);
        put(QStringLiteral("queue_depth"), tier.tierId, tier.queueDepth, 1);
        put(QStringLiteral("replicas"), tier.tierId, tier.readyReplicas, 1);
        put(QStringLiteral("desired_replicas"), tier.tierId, tier.desiredReplicas, 1);
        put(QStringLiteral("pending_replicas"), tier.tierId, tier.pendingReplicas, 1);
        put(QStringLiteral("nodes"), tier.tierId, tier.nodes, 1);
        put(QStringLiteral("requests_per_second"), tier.tierId, tier.demand, 1);
        std::vector<double> errorRate;
        const size_t n = std::min(tier.demand.size(), tier.droppedPerSecond.size());
        for (size_t i = 0; i < n; ++i)
            errorRate.push_back(tier.demand[i] > 0 ? std::clamp(tier.droppedPerSecond[i] / tier.demand[i], 0.0, 1.0) : 0.0);
        put(QStringLiteral("error_rate"), tier.tierId, errorRate, 1);
    }
    put(QStringLiteral("daily_cost_usd"), QString(), o.dailyCostUsd, 1);
    put(QStringLiteral("db_connection_utilization"), QString(), o.dbConnectionUtilization, 1);
    if (o.costThresholdUsd) {
        const std::vector<double> threshold(size_t(std::max(result.ticks, 0)), *o.costThresholdUsd);
        put(QStringLiteral("cost_threshold_usd"), QString(), threshold, 1);
    }
    return store;
}

} // namespace headroom::alerting
