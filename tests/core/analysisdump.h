#pragma once

// Every field of an analysis as text, stage by stage, so tests can require two analyses to be
// identical field for field (the result types have no equality operators). Doubles are written
// with 17 significant digits: equal text means bit-identical values (NaN equals NaN here).
#include "core/analysis/scenarioanalysis.h"

#include <QDate>
#include <QString>

#include <chrono>
#include <optional>
#include <type_traits>
#include <vector>

namespace headroom::testing {

class AnalysisDump {
public:
    QString text;

    static QString plan(const analysis::ScenarioAnalysis &a) { return of(a.plan); }
    static QString cost(const analysis::ScenarioAnalysis &a)
    {
        AnalysisDump d;
        d.all(a.cost, a.savings, a.thresholds);
        return d.text;
    }
    static QString topology(const analysis::ScenarioAnalysis &a) { return of(a.topology); }
    static QString outcome(const analysis::TrafficOutcome &o) { return of(o); }
    /// Everything but the reuse flags.
    static QString whole(const analysis::ScenarioAnalysis &a)
    {
        AnalysisDump d;
        d.all(a.scenarioName, a.options.startDate, a.options.planDays, a.options.simulationDuration, a.options.step,
              a.options.traffic, a.options.policy, a.options.spotRatio, a.options.evaluateAlerts, a.options.topology,
              a.plan, a.cost, a.savings, a.thresholds, a.traffic, a.topology, a.warnings, a.cancelled,
              a.inputs.costWarnings, a.inputs.topologyWarnings);
        return d.text;
    }
    template <class T> static QString of(const T &value)
    {
        AnalysisDump d;
        d.put(value);
        return d.text;
    }

private:
    template <class... A> void all(const A &...a) { (put(a), ...); }
    void open() { text.append(u'{'); }
    void close() { text.append(u"} "); }

    void put(bool v) { text.append(v ? u"true " : u"false "); }
    void put(int v) { text.append(QString::number(v)).append(u' '); }
    void put(long v) { text.append(QString::number(v)).append(u' '); }
    void put(long long v) { text.append(QString::number(v)).append(u' '); }
    void put(unsigned long long v) { text.append(QString::number(v)).append(u' '); }
    void put(double v) { text.append(QString::number(v, 'g', 17)).append(u' '); }
    void put(const QString &v) { text.append(u'"').append(v).append(u"\" "); }
    void put(const QByteArray &v) { put(QString::fromUtf8(v.toHex())); }
    void put(const QDate &v) { put(v.toString(Qt::ISODate)); }
    template <class E>
        requires std::is_enum_v<E>
    void put(E v) { put(static_cast<long long>(v)); }
    template <class R, class P> void put(std::chrono::duration<R, P> v) { put(static_cast<long long>(v.count())); }
    template <class T> void put(const std::optional<T> &v)
    {
        if (v)
            put(*v);
        else
            text.append(u"none ");
    }
    template <class T> void put(const std::vector<T> &v)
    {
        text.append(u'[');
        for (const T &x : v)
            put(x);
        text.append(u"] ");
    }
    template <class T> void put(const autoscale::TickSeries<T> &v) { put(v.toVector()); }
    template <class T> void put(const QList<T> &v)
    {
        text.append(u'[');
        for (const T &x : v)
            put(x);
        text.append(u"] ");
    }
    template <class K, class V> void put(const QMap<K, V> &v)
    {
        text.append(u'<');
        for (auto it = v.cbegin(); it != v.cend(); ++it)
            all(it.key(), it.value());
        text.append(u"> ");
    }
    template <class A, class B> void put(const std::pair<A, B> &v) { all(v.first, v.second); }

    void put(const model::Diagnostic &v)
    {
        open();
        all(v.severity, v.where.file, v.where.line, v.where.column, v.fieldPath, v.message);
        close();
    }
    void put(const model::SuccessMetric &v)
    {
        open();
        all(v.id, v.name, v.category, v.indicator, v.comparison, v.target, v.unit);
        close();
    }
    // capacity
    void put(const capacity::TierPlan &v)
    {
        open();
        all(v.tierId, v.demand, v.requiredReplicas, v.plannedReplicas, v.sizing, v.p95ResponseSeconds);
        close();
    }
    void put(const capacity::CapacityPlan &v)
    {
        open();
        all(v.startDate, v.days, v.users, v.tiers, v.databaseConnections, v.cacheBytes, v.storageBytes, v.growthMode,
            v.warnings);
        close();
    }
    // cost
    void put(const cost::CostLine &v)
    {
        open();
        all(v.day, v.tierId, v.regionId, v.option, v.instanceType, v.rowId, v.unitHours, v.hours, v.hourlyPrice,
            v.costUsd, v.priceSource, v.priceDate, v.perGb);
        close();
    }
    void put(const cost::Reservation &v)
    {
        open();
        all(v.tierId, v.regionId, v.rowId, v.term, v.nodes, v.onDemandHourly, v.reservedHourly, v.utilization,
            v.breakEvenMonths, v.monthlySavingUsd);
        close();
    }
    void put(const cost::CostBreakdown &v)
    {
        open();
        all(v.startDate, v.days, v.horizonHours, v.lines, v.dailyCost, v.dailyActiveUsers, v.dailyRequests, v.byTier,
            v.byRegion, v.byOption, v.totalUsd, v.spotNodeHours, v.nodeHours, v.reservations, v.notes);
        close();
    }
    void put(const cost::SavingsItem &v)
    {
        open();
        all(v.type, v.tierId, v.monthlySavingUsd, v.risk, v.implementation, v.inputs);
        close();
    }
    void put(const cost::CostOptions &v)
    {
        open();
        all(v.spotRatio, v.spotInterruptionRate, v.reservedTerm, v.reservedPercentile, v.reservedTiers, v.tierSpotRatio);
        close();
    }
    void put(const cost::SavingsPlan &v)
    {
        open();
        all(v.items, v.totalMonthlySavingUsd, v.currentMonthlyUsd, v.optimizedOptions, v.optimizedMonthlyUsd, v.notes);
        close();
    }
    void put(const cost::ThresholdCrossing &v)
    {
        open();
        all(v.name, v.limit, v.firstDay, v.valueOnFirstDay, v.maxValue);
        close();
    }
    void put(const cost::ThresholdReport &v)
    {
        open();
        all(v.warning, v.critical, v.costPerUser);
        close();
    }
    // simulation, alerts, success metrics
    void put(const autoscale::TierTimeline &v)
    {
        open();
        all(v.tierId, v.demand, v.desiredReplicas, v.readyReplicas, v.pendingReplicas, v.nodes, v.cpuUtilization,
            v.memoryUtilization, v.queueDepth, v.p95LatencyMs, v.droppedPerSecond, v.neededReplicas);
        close();
    }
    void put(const autoscale::TierSummary &v)
    {
        open();
        all(v.tierId, v.spikeAbsorbedAfterSeconds, v.minutesOverSlo, v.peakReplicas, v.peakNodes, v.peakNeededReplicas,
            v.eventAtSeconds);
        close();
    }
    void put(const autoscale::SimulationResult &v)
    {
        open();
        all(v.startMs, v.stepMs, v.ticks, v.tiers, v.summaries);
        close();
    }
    void put(const alerting::Sample &v) { all(v.t, v.v); }
    void put(const alerting::Series &v)
    {
        open();
        all(v.labels, v.samples);
        close();
    }
    void put(const alerting::AlertPeriod &v)
    {
        open();
        all(v.alert, v.labels, v.state, v.startMs, v.endMs, v.maxValue, v.annotations);
        close();
    }
    void put(const alerting::RuleEvaluation &v)
    {
        open();
        all(v.periods, v.warnings, v.startMs, v.endMs, v.evaluations, v.alertSeries.series());
        close();
    }
    void put(const alerting::SloResult &v)
    {
        open();
        all(v.metric, v.verdict, v.value, v.minutesInBreach, v.worstWindowStartMs, v.worstWindowEndMs,
            v.worstWindowValue, v.errorBudgetUsedPercent, v.note);
        close();
    }
    void put(const analysis::OutcomeFigures &v)
    {
        open();
        all(v.peakReplicas, v.peakNodes, v.peakP95Ms, v.minutesOverSlo, v.spikeAbsorbedSeconds, v.spikeNeverAbsorbed,
            v.monthlyCostUsd, v.costPerUserMonth, v.firingAlerts, v.slosPassed, v.slosFailed);
        close();
    }
    void put(const analysis::TrafficOutcome &v)
    {
        open();
        all(v.name, v.description, v.spec, v.simulation, v.dailyCostUsd, v.alerts, v.slos, v.figures, v.measuredSlos);
        close();
    }
    // topology
    void put(const topology::RegionShare &v) { all(v.groupId, v.regionId, v.groupShare, v.regionShare); }
    void put(const topology::RegionHierarchy &v)
    {
        open();
        all(v.regions, v.warnings);
        close();
    }
    void put(const topology::TierRegionImpact &v)
    {
        open();
        all(v.tier, v.region, v.demandBefore, v.demandAfter, v.maxReplicas, v.runningReplicas, v.capacity,
            v.usableCapacity, v.excess, v.excessPercent, v.exceededBefore, v.exceedsUsable, v.exceedsCapacity,
            v.transientOverload, v.overloadDuration);
        close();
    }
    void put(const topology::RegionLoss &v)
    {
        open();
        all(v.before, v.globalShareAfter, v.impacts, v.detection, v.scaleUpLag, v.overflowingTiers, v.summary,
            v.warnings);
        close();
    }
    void put(const topology::CacheLevelLoad &v)
    {
        open();
        all(v.level, v.type, v.copies, v.capacityObjects, v.arrivingPerSecond, v.hitRatio, v.missesPerSecond,
            v.characteristicSeconds, v.ttlBound, v.fixedHitRatio);
        close();
    }
    void put(const topology::CacheHierarchyLoad &v)
    {
        open();
        all(v.levels, v.requestsPerSecond, v.originPerSecond, v.databaseQueriesPerSecond);
        close();
    }
    void put(const topology::PrimaryLoad &v)
    {
        open();
        all(v.id, v.replicas, v.writesPerSecond, v.writeUtilisation, v.readsPerSecond, v.readCapacity,
            v.readUtilisation, v.serverConnectionsNeeded, v.serverConnections, v.replicationLagMs, v.lagWithinBudget);
        close();
    }
    void put(const topology::DatabaseLoad &v)
    {
        open();
        all(v.queriesPerSecond, v.writesPerSecond, v.readsPerSecond, v.primaries, v.clientConnections,
            v.maxClientConnections, v.clientLimitExceeded, v.serverLimitExceeded, v.poolSaturated,
            v.writeCeilingMultiple, v.writeCeilingUsers, v.shardsNeededForWrites, v.findings);
        close();
    }
    void put(const topology::ClusterLayout &v)
    {
        open();
        for (int m = 0; m < v.masterCount(); ++m) {
            all(v.master(m).id, v.master(m).replicas);
            for (const topology::SlotRange &r : v.ranges(m))
                all(r.first, r.last);
        }
        put(v.unassignedSlots());
        close();
    }
    void put(const topology::ShardMemory &v)
    {
        open();
        all(v.master, v.slotCount, v.keys, v.usedBytes, v.maxMemoryBytes);
        close();
    }
    void put(const topology::MasterFailure &v)
    {
        open();
        all(v.master, v.slotCount, v.slotFraction, v.promoted, v.majorityAvailable, v.replicasLeft, v.outageMin,
            v.outageMax, v.capacityDuring, v.capacityAfter, v.clusterDown, v.explanation);
        close();
    }
    void put(const topology::SentinelAssessment &v)
    {
        open();
        all(v.sentinels, v.quorum, v.majority, v.votesNeeded, v.reachable, v.canDetect, v.canFailover,
            v.toleratedFailures, v.warnings);
        close();
    }
    void put(const topology::ShardMove &v)
    {
        open();
        all(v.method, v.from, v.to, v.movedFraction, v.minimalFraction, v.imbalanceBefore, v.imbalanceAfter, v.exact,
            v.sampledKeys);
        close();
    }
    void put(const topology::TopologyAnalysis &v)
    {
        open();
        all(v.regions, v.regionLoss, v.caches, v.database, v.writeCeilingMonth, v.redisLayout, v.redisMemory,
            v.redisMasterFailure, v.sentinels, v.addShard, v.warnings);
        close();
    }
};

} // namespace headroom::testing
