#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

/// The plan's global -> regional -> region hierarchy, how balancers spread load over unequal
/// backends, health-check timing, and the region-loss what-if.
namespace headroom::topology {

using Milliseconds = std::chrono::milliseconds;

/// One region (data centre) and its share of global traffic.
struct RegionShare {
    QString groupId;
    QString regionId;
    double groupShare = 0;  ///< the group's share of global traffic, 0..1
    double regionShare = 0; ///< the region's share of its group, 0..1
    double globalShare() const { return groupShare * regionShare; }
};

/// Regions from spec.regions, shares normalised to 1 per level. Groups or regions whose
/// trafficShare does not add up to 100 get a warning (and are normalised); all-zero shares
/// split evenly.
struct RegionHierarchy {
    QList<RegionShare> regions;
    model::Diagnostics warnings;
    int indexOf(QStringView regionId) const;
};
RegionHierarchy regionHierarchy(const model::Scenario &scenario);

/// A backend behind a balancer: `capacity` in units/s (or users), `weight` for weighted round robin.
struct Backend {
    QString name;
    double capacity = 1;
    double weight = 1;
    bool healthy = true;
};

struct BackendLoad {
    QString name;
    double share = 0;       ///< of the offered load, 0..1
    double load = 0;
    double utilisation = 0; ///< load / capacity
};

struct BalancerSpread {
    QList<BackendLoad> backends;
    double maxUtilisation = 0;
    double imbalance = 1;        ///< max utilisation over the utilisation of a capacity-proportional split
    double remappedClients = 0;  ///< IP hash: share of clients whose backend changed because of unhealthy ones
    double brokenSessions = 0;   ///< with session affinity: sessions that lose their backend
};

/// How `algorithm` spreads `load` over the healthy backends (a steady-state model):
/// round robin and random: equal shares; weighted round robin: shares by weight; least
/// connections: equal in-flight counts, which for M/M/1 backends (N = rho / (1 - rho)) means
/// equal utilisation, i.e. shares by capacity; IP hash: `clients` synthetic client addresses
/// hashed (hashKey) modulo the healthy backends, shares by client count.
BalancerSpread spreadLoad(model::BalancingAlgorithm algorithm, const QList<Backend> &backends, double load,
                          bool sessionAffinity = false, int clients = 10'000);

/// Time to notice a failed backend: the first failing probe comes at most one interval after
/// the failure and each probe waits up to the timeout, so detection takes between
/// (threshold - 1) x interval + timeout and threshold x interval + timeout. Drain: the
/// connection-draining (deregistration) delay in which in-flight requests finish.
struct HealthCheckTiming {
    Milliseconds detectMin{0};
    Milliseconds detectMax{0};
    Milliseconds drain{0};
    Milliseconds failoverMax() const { return detectMax + drain; }
};
HealthCheckTiming healthCheckTiming(const model::LoadBalancingStrategy &strategy, Milliseconds drain = Milliseconds(30'000));

/// A tier's demand in its capacity metric: users (concurrent users), requests (users x
/// requests per user per second) or jobs in flight (users x jobs per user per second x the
/// job's service time), times the tier's demandShare.
double tierDemand(const model::Scenario &scenario, const model::Tier &tier);

struct RegionLossOptions {
    QStringList lostRegions;          ///< region ids
    Milliseconds duration{7'200'000}; ///< how long they stay down
    double demandMultiplier = 1;      ///< e.g. capacityPlanner.peakMultiplier for the peak hour
    Milliseconds drain{30'000};
};

/// One tier in one surviving region. Capacity model: the tier's maxReplicas are deployed
/// across regions in proportion to each region's normal global traffic share (fractional
/// replicas), each serving workload.capacityPerReplica; "usable" keeps the plan's
/// capacityBuffer percent free. Before the loss each region runs the replicas its demand needs
/// with the buffer (rounded up, at most its maximum).
struct TierRegionImpact {
    QString tier;
    QString region;
    double demandBefore = 0;
    double demandAfter = 0;
    double maxReplicas = 0;          ///< fractional share of the tier's maxReplicas
    double runningReplicas = 0;      ///< replicas running when the loss happens
    double capacity = 0;             ///< maxReplicas x capacityPerReplica
    double usableCapacity = 0;       ///< capacity x (1 - buffer)
    double excess = 0;               ///< demandAfter - usableCapacity when positive
    double excessPercent = 0;        ///< excess / usableCapacity x 100
    bool exceededBefore = false;     ///< already over usable capacity without the loss
    bool exceedsUsable = false;      ///< demandAfter > usableCapacity
    bool exceedsCapacity = false;    ///< demandAfter > capacity: requests queue or fail
    bool transientOverload = false;  ///< running replicas too few until the autoscaler catches up
    Milliseconds overloadDuration{0};
};

struct RegionLoss {
    QList<RegionShare> before;
    QList<double> globalShareAfter;  ///< per region of `before`; lost regions get 0
    QList<TierRegionImpact> impacts; ///< surviving regions x tiers
    Milliseconds detection{0};       ///< worst-case detection by the balancer that reroutes
    Milliseconds scaleUpLag{0};      ///< HPA sync + metrics delay + node provisioning + pod start-up
    QStringList overflowingTiers;    ///< tiers with a surviving region over usable capacity
    QStringList summary;             ///< one sentence per overflowing tier and region
    model::Diagnostics warnings;
};

/// Moves the lost regions' traffic to the others. The rule: the regional balancer of a group
/// spreads a lost region's traffic over its surviving siblings in proportion to their shares;
/// when every region of a group is lost, the global balancer spreads the group's traffic over
/// the surviving groups by their group shares. Detection uses the Regional balancer's health
/// checks, or the Global one's when a whole group is lost.
model::Result<RegionLoss> regionLoss(const model::Scenario &scenario, const RegionLossOptions &options);

} // namespace headroom::topology
