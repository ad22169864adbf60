#pragma once

#include "core/capacity/growthmodel.h"
#include "core/capacity/usl.h"
#include "core/model/diagnostic.h"
#include "core/model/scenario.h"

#include <QDate>
#include <QString>

#include <vector>

/// Required capacity per tier and per day: the plan's CapacityPlanner, grown by the growth model.
///
/// For day d (0 = startDate) users(d) comes from GrowthModel (compound by default, as the plan's
/// calculatePredictedUsers). A tier's demand is in its capacity metric, scaled by workload.demandShare:
///   users:    users(d)
///   requests: users(d) x requestsPerUserPerSecond                      (req/s)
///   jobs:     users(d) x jobsPerUserPerSecond x serviceTime[s]          (jobs in flight, Little's law)
/// Its design load is demand x peakMultiplier x (1 + capacityBuffer/100). Sizing then follows tier.sizing:
///   CapacityUnits: required = ceil(design load / capacityPerReplica)  (users/1000, req/500, jobs/50)
///   Queueing:      every replica is an M/M/c queue with c = concurrencyPerReplica servers and service time
///                  workload.serviceTime, load-balanced evenly; required = the smallest replica count whose
///                  response-time P95 at the design arrival rate (req/s for users and requests tiers, jobs/s
///                  for jobs tiers) is <= tier.p95Slo.
/// Data tier, as the plan's calculateRequiredCapacity (no peak multiplier or buffer, rounded up):
///   databaseConnections = ceil(users x requestsPerUserPerSecond x dbQueriesPerRequest / queriesPerConnection)
///   cacheBytes          = users x cachePerUser,   rounded up to whole GB (1e9 bytes)
///   storageBytes        = users x storagePerUser, rounded up to whole TB (1e12 bytes)
namespace headroom::capacity {

struct TierPlan {
    QString tierId;
    /// Per day: the tier's demand in its capacity metric (users, req/s, jobs in flight) at the day's
    /// concurrent-user level, before peakMultiplier and capacityBuffer.
    std::vector<double> demand;
    std::vector<int> requiredReplicas; ///< per day: what the demand needs (peak multiplier + buffer applied), unclamped
    std::vector<int> plannedReplicas;  ///< per day: requiredReplicas clamped to the tier's [minReplicas, maxReplicas]
    model::SizingMethod sizing = model::SizingMethod::CapacityUnits; ///< the method actually used
    std::vector<double> p95ResponseSeconds; ///< Queueing only: P95 at the design load with plannedReplicas (NaN if unstable)
};

struct CapacityPlan {
    QDate startDate;
    int days = 0;
    std::vector<double> users;   ///< concurrent users per day
    std::vector<TierPlan> tiers; ///< in scenario order
    std::vector<double> databaseConnections, cacheBytes, storageBytes; ///< per day
    GrowthMode growthMode = GrowthMode::Compound;
    /// Warnings about the plan (e.g. a Queueing tier without a usable SLO, sized by capacity units).
    model::Diagnostics warnings;

    const TierPlan *tier(QStringView id) const;
    QDate date(int day) const { return startDate.addDays(day); }
};

struct PlanOptions {
    GrowthMode growthMode = GrowthMode::Compound;
    double trendMultiplier = 1.0; ///< the plan's TrendAnalysis.multiplier (compound mode only)
};

/// The plan for `days` days (clamped to 0..36500) from startDate. Pure and fast (~microseconds per day).
CapacityPlan planCapacity(const model::Scenario &scenario, int days, QDate startDate);
CapacityPlan planCapacity(const model::Scenario &scenario, int days, QDate startDate, const PlanOptions &options);

/// A stretch of days on which a tier's maxReplicas is below what the demand requires.
struct Shortfall {
    QString tierId;
    int firstDay = 0;
    int lastDay = 0;
    int maxReplicas = 0;
    int peakRequired = 0; ///< the largest requiredReplicas in the stretch
};
/// Every stretch where plannedReplicas < requiredReplicas, per tier in plan order.
std::vector<Shortfall> shortfalls(const CapacityPlan &plan);

/// The first day a tier's planned replica count exceeds the USL peak N* of a fit whose N is replicas
/// (beyond N*, adding replicas lowers throughput); -1 if never.
int firstDayPastUslPeak(const TierPlan &tier, const UslFit &fit);

/// The plan as CSV: date,day,users, per tier <id>_demand,<id>_required,<id>_planned, then
/// db_connections,cache_gb,storage_tb (GB = 1e9 bytes, TB = 1e12 bytes).
QByteArray planToCsv(const CapacityPlan &plan);

} // namespace headroom::capacity
