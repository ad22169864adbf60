#pragma once

#include "core/cost/catalog.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

/// Cost over time: replicas per tier over time -> nodes per region -> purchase mix -> USD, with
/// every figure traceable to a catalog row. Pure and synchronous.
namespace headroom::cost {

/// Replicas of one tier over time, from either the capacity plan (one sample per day) or an
/// autoscaling simulation (one sample per tick). Sample i holds from hours[i] until hours[i+1];
/// the last one for `lastStepHours` (0 = the previous step, or 1 h for a single sample).
/// `replicas` are totals over all regions; hours are from the horizon start (>= 0, increasing).
struct ReplicaSeries {
    QString tierId;
    std::vector<double> hours;
    std::vector<double> replicas;
    double lastStepHours = 0;
};

/// A series from fixed-step ticks, e.g. an autoscaling simulation's readyReplicas per tick: tick i
/// holds from startHours + i x stepSeconds / 3600 for one step. Runs of equal counts are merged,
/// which is exact because a sample holds until the next one. Empty when stepSeconds <= 0.
ReplicaSeries replicaSeriesFromTicks(const QString &tierId, double stepSeconds, const std::vector<int> &replicas,
                                     double startHours = 0);

/// A quantity sampled like ReplicaSeries (users, bytes).
struct SampledSeries {
    std::vector<double> hours;
    std::vector<double> values;
    double lastStepHours = 0;
};

/// How one tier's pods become nodes. Pods per node = floor(min(node vCPU x 1000 / pod CPU,
/// node memory / pod memory)).
struct TierNodes {
    QString tierId;
    QString nodeType;           ///< a catalog instance type or a plan resource tier ("Standard")
    double nodeVcpu = 0;
    double nodeMemoryBytes = 0;
    double podCpuMillicores = 0;
    double podMemoryBytes = 0;
    bool spotTolerant = false;
    int podsPerNode() const;
};

/// A region and its share of all traffic (0..1; the shares of a CostInput sum to 1).
struct RegionShare {
    QString id;
    double share = 0;
};

/// Everything costed, independent of where the replica counts came from.
struct CostInput {
    QString provider;              ///< preferred catalog provider ("aws")
    QList<TierNodes> tiers;
    QList<RegionShare> regions;
    std::vector<ReplicaSeries> replicas; ///< one per tier id in `tiers`
    SampledSeries concurrentUsers; ///< optional; enables cost per user and per request
    double activeToConcurrentRatio = 10;
    double requestsPerUserPerSecond = 0;
    SampledSeries storageBytes;    ///< optional, priced with the catalog's `storage` row
    SampledSeries cacheBytes;      ///< optional, priced with the catalog's `cache` row
    QDate startDate;               ///< day 0 of the horizon (for dates in output)
};

/// The purchase mix. Spot: round(spotRatio x nodes) of a spot-tolerant tier's nodes run on spot, bought with a
/// haircut: ceil(spot nodes / (1 - spotInterruptionRate)) so that capacity survives the expected
/// share of reclaimed nodes (the scenario's monthly reclaim rate read as the share missing at any
/// time: conservative). Reservations: when `reservedTerm` is set, each (tier, region) reserves the
/// time-weighted `reservedPercentile` quantile of its non-spot node count (0 = the minimum over the
/// horizon, the baseline always needed) and pays for it every hour; the rest is on-demand.
struct CostOptions {
    double spotRatio = 0;              ///< 0..1
    double spotInterruptionRate = 0;   ///< 0..<1, expected fraction of spot capacity missing
    std::optional<PurchaseOption> reservedTerm; ///< Reserved1y/3y or SavingsPlan1y/3y
    double reservedPercentile = 0;     ///< 0..1, time-weighted
    QStringList reservedTiers;         ///< tiers that may reserve; empty = all
    QMap<QString, double> tierSpotRatio; ///< per-tier override of spotRatio
};

/// One output row: a day, tier, region and purchase option (or a storage/cache line).
struct CostLine {
    int day = 0;
    QString tierId;           ///< a tier id, or "storage" / "cache"
    QString regionId;
    PurchaseOption option = PurchaseOption::OnDemand;
    QString instanceType;
    QString rowId;            ///< catalog row id
    double unitHours = 0;     ///< node-hours (GB-hours for storage/cache)
    double hours = 0;         ///< hours of the day covered
    double hourlyPrice = 0;   ///< USD per node-hour (per GB-hour for storage/cache)
    double costUsd = 0;
    QString priceSource;
    QString priceDate;
    bool perGb = false;       ///< storage/cache line
    double units() const { return hours > 0 ? unitHours / hours : 0; } ///< average nodes (or GB)
};

/// A reservation the mix holds, with its economics over the horizon.
struct Reservation {
    QString tierId;
    QString regionId;
    QString rowId;
    PurchaseOption term = PurchaseOption::Reserved1y;
    int nodes = 0;
    double onDemandHourly = 0;
    double reservedHourly = 0;
    double utilization = 0;       ///< used reserved node-hours / paid reserved node-hours
    double breakEvenMonths = 0;   ///< term months x reserved / on-demand: use needed to pay off
    double monthlySavingUsd = 0;  ///< vs buying the used hours on demand (negative = loss)
};

struct CostBreakdown {
    QDate startDate;
    int days = 0;
    double horizonHours = 0;
    std::vector<CostLine> lines;          ///< by day, then tier, region, option
    std::vector<double> dailyCost;        ///< USD per day
    std::vector<double> dailyActiveUsers; ///< monthly active users (concurrent x ratio), day average
    std::vector<double> dailyRequests;    ///< requests served per day
    QMap<QString, double> byTier, byRegion, byOption; ///< USD over the horizon
    double totalUsd = 0;
    double spotNodeHours = 0, nodeHours = 0;
    std::vector<Reservation> reservations;
    QStringList notes;                    ///< assumptions and fallbacks, for the summary

    double monthlyCost() const { return horizonHours > 0 ? totalUsd / horizonHours * 730.0 : 0; }
    double averageDailyCost() const { return horizonHours > 0 ? totalUsd / horizonHours * 24.0 : 0; }
    /// Cost per active user per month of day `d` (daily cost x 730/24 / active users); 0 without users.
    double costPerUserMonth(int d) const;
    /// Over the horizon: monthly cost / average active users.
    double costPerUserMonth() const;
    double costPerMillionRequests() const;
};

/// Resolves each tier's and region's catalog row and computes the bill. Fails (with the tier
/// named) when a node type is not in the catalog or a pod does not fit on its node.
model::Result<CostBreakdown> computeCost(const CostInput &input, const PricingCatalog &catalog,
                                         const CostOptions &options);

/// The CSV of headroom-cli cost: date, tier, region, purchase_option, instance_type, nodes
/// (average over the day; GB for storage/cache), hourly_price_usd (per node- or GB-hour),
/// cost_usd, price_source, price_date, unit ("node" or "GB").
QByteArray costCsv(const CostBreakdown &breakdown);

/// Time-weighted percentile (0..1) of a step series with durations; 0 = minimum.
double weightedPercentile(std::vector<std::pair<double, double>> valueAndWeight, double q);

} // namespace headroom::cost
