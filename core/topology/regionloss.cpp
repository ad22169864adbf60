#include "core/topology/regions.h"

#include "core/model/csv.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace headroom::topology {

namespace {

const model::LoadBalancingStrategy *strategyFor(const model::Scenario &scenario, model::BalancerLevel level)
{
    for (const model::LoadBalancingStrategy &s : scenario.spec.loadBalancing) {
        if (s.tier == level)
            return &s;
    }
    return nullptr;
}

double groupShareOf(const RegionHierarchy &h, const QString &group)
{
    for (const RegionShare &r : h.regions) {
        if (r.groupId == group)
            return r.groupShare;
    }
    return 0;
}

// Spreads `amount` of global share over the surviving regions of `group` by their region shares.
// Returns false when the group has no survivor.
bool spreadInGroup(const RegionHierarchy &h, const QSet<QString> &lost, const QString &group, double amount,
                   QList<double> &after)
{
    double survivingShare = 0;
    for (const RegionShare &r : h.regions) {
        if (r.groupId == group && !lost.contains(r.regionId))
            survivingShare += r.regionShare;
    }
    if (survivingShare <= 0)
        return false;
    for (qsizetype i = 0; i < h.regions.size(); ++i) {
        const RegionShare &r = h.regions[i];
        if (r.groupId == group && !lost.contains(r.regionId))
            after[i] += amount * r.regionShare / survivingShare;
    }
    return true;
}

TierRegionImpact impactOf(const model::Scenario &scenario, const model::Tier &tier, const RegionShare &region,
                          double shareAfter, const RegionLossOptions &options, Milliseconds overloadWindow,
                          Milliseconds scaleUpLag)
{
    const double buffer = std::clamp(scenario.spec.capacityPlanner.capacityBuffer, 0.0, 99.0) / 100;
    const double perReplica = tier.workload.capacityPerReplica;
    const double total = tierDemand(scenario, tier) * options.demandMultiplier;
    TierRegionImpact t;
    t.tier = tier.id;
    t.region = region.regionId;
    t.demandBefore = total * region.globalShare();
    t.demandAfter = total * shareAfter;
    t.maxReplicas = tier.autoscaling.maxReplicas * region.globalShare();
    t.capacity = t.maxReplicas * perReplica;
    t.usableCapacity = t.capacity * (1 - buffer);
    t.runningReplicas = perReplica > 0
        ? std::min(t.maxReplicas, std::ceil(t.demandBefore / (perReplica * (1 - buffer))))
        : 0;
    t.exceededBefore = t.demandBefore > t.usableCapacity;
    t.exceedsUsable = t.demandAfter > t.usableCapacity;
    t.exceedsCapacity = t.demandAfter > t.capacity;
    t.excess = std::max(0.0, t.demandAfter - t.usableCapacity);
    t.excessPercent = t.usableCapacity > 0 ? t.excess / t.usableCapacity * 100 : (t.excess > 0 ? INFINITY : 0);
    t.transientOverload = !t.exceedsUsable && t.demandAfter > t.runningReplicas * perReplica;
    if (t.exceedsUsable)
        t.overloadDuration = overloadWindow;
    else if (t.transientOverload)
        t.overloadDuration = std::min(scaleUpLag, overloadWindow);
    return t;
}

QString describe(const TierRegionImpact &t, Milliseconds duration)
{
    QString text = QStringLiteral("%1 in %2: demand %3 over usable capacity %4 (+%5%, %6) for %7")
                       .arg(t.tier, t.region, model::csvNumber(std::round(t.demandAfter * 10) / 10),
                            model::csvNumber(std::round(t.usableCapacity * 10) / 10),
                            model::csvNumber(std::round(t.excessPercent * 10) / 10),
                            t.exceedsCapacity ? QStringLiteral("over raw capacity") : QStringLiteral("inside the buffer"),
                            model::formatDuration(duration));
    if (t.exceededBefore)
        text.append(QStringLiteral("; already over before the loss (demand %1)")
                        .arg(model::csvNumber(std::round(t.demandBefore * 10) / 10)));
    return text;
}

} // namespace

model::Result<RegionLoss> regionLoss(const model::Scenario &scenario, const RegionLossOptions &options)
{
    const RegionHierarchy h = regionHierarchy(scenario);
    if (h.regions.isEmpty())
        return model::makeError(QStringLiteral("the scenario has no regions"), QStringLiteral("spec.regions.groups"));
    QSet<QString> lost;
    for (const QString &id : options.lostRegions) {
        if (h.indexOf(id) < 0) {
            QStringList known;
            for (const RegionShare &r : h.regions)
                known << r.regionId;
            return model::makeError(QStringLiteral("unknown region '%1'; known: %2").arg(id, known.join(u", ")),
                                    QStringLiteral("spec.regions"));
        }
        lost.insert(id);
    }
    RegionLoss result;
    result.before = h.regions;
    result.warnings = h.warnings;
    QList<double> after;
    for (const RegionShare &r : h.regions)
        after << (lost.contains(r.regionId) ? 0.0 : r.globalShare());

    // Regional balancers first: a lost region's share goes to its siblings.
    QStringList groups;
    for (const RegionShare &r : h.regions) {
        if (!groups.contains(r.groupId))
            groups << r.groupId;
    }
    double orphaned = 0;
    bool partial = false;
    QSet<QString> deadGroups;
    for (const QString &g : groups) {
        double lostShare = 0;
        for (const RegionShare &r : h.regions)
            lostShare += r.groupId == g && lost.contains(r.regionId) ? r.globalShare() : 0;
        if (lostShare <= 0)
            continue;
        if (spreadInGroup(h, lost, g, lostShare, after)) {
            partial = true;
        } else {
            orphaned += groupShareOf(h, g);
            deadGroups.insert(g);
        }
    }
    // The global balancer spreads whole lost groups over the surviving groups by group share.
    if (orphaned > 0) {
        double survivingGroups = 0;
        for (const QString &g : groups) {
            if (!deadGroups.contains(g))
                survivingGroups += groupShareOf(h, g);
        }
        if (survivingGroups <= 0)
            return model::makeError(QStringLiteral("every region is lost; no traffic can be served"),
                                    QStringLiteral("spec.regions"));
        for (const QString &g : groups) {
            if (deadGroups.contains(g))
                continue;
            spreadInGroup(h, lost, g, orphaned * groupShareOf(h, g) / survivingGroups, after);
        }
    }
    result.globalShareAfter = after;

    const auto *regional = strategyFor(scenario, model::BalancerLevel::Regional);
    const auto *global = strategyFor(scenario, model::BalancerLevel::Global);
    if (partial && regional)
        result.detection = std::max(result.detection, healthCheckTiming(*regional, options.drain).failoverMax());
    if (orphaned > 0 && global)
        result.detection = std::max(result.detection, healthCheckTiming(*global, options.drain).failoverMax());
    const Milliseconds window = std::max(Milliseconds(0), options.duration - result.detection);
    const model::SimulationSettings &sim = scenario.spec.simulation;

    for (const model::Tier &tier : scenario.spec.tiers) {
        const Milliseconds lag = sim.syncPeriod + sim.metricsDelay + sim.nodeProvisioningDelay + tier.podStartupTime;
        result.scaleUpLag = std::max(result.scaleUpLag, lag);
        for (qsizetype i = 0; i < h.regions.size(); ++i) {
            if (lost.contains(h.regions[i].regionId))
                continue;
            const TierRegionImpact t = impactOf(scenario, tier, h.regions[i], after[i], options, window, lag);
            if (t.exceedsUsable) {
                if (!result.overflowingTiers.contains(t.tier))
                    result.overflowingTiers << t.tier;
                result.summary << describe(t, t.overloadDuration);
            }
            result.impacts << t;
        }
    }
    return result;
}

} // namespace headroom::topology
