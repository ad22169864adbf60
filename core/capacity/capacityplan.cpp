#include "core/capacity/capacityplan.h"

#include "core/capacity/erlangc.h"
#include "core/capacity/monotonesearch.h"
#include "core/model/csv.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::capacity {

namespace {

constexpr double p95 = 0.95;
constexpr int replicaCeiling = 1'000'000'000;

/// ceil() that ignores floating-point dust: 179.99999999999997 and 180.00000000000003 are both 180.
int ceilCount(double x)
{
    if (!(x > 0))
        return 0;
    const double r = std::round(x);
    const double c = std::abs(x - r) <= 1e-9 * std::max(1.0, r) ? r : std::ceil(x);
    return static_cast<int>(std::min(c, double(replicaCeiling)));
}

double ceilTo(double x, double unit)
{
    return ceilCount(x / unit) * unit;
}

double seconds(model::Milliseconds ms)
{
    return ms.count() / 1000.0;
}

/// Demand in the tier's capacity metric for `users`, before peak and buffer.
double tierDemand(const model::Tier &t, const model::DemandProfile &d, double users)
{
    const double share = t.workload.demandShare;
    switch (t.workload.capacityMetric) {
    case model::CapacityMetric::Users:
        return users * share;
    case model::CapacityMetric::Requests:
        return users * d.requestsPerUserPerSecond * share;
    case model::CapacityMetric::Jobs:
        return users * d.jobsPerUserPerSecond * share * seconds(t.workload.serviceTime);
    }
    return 0;
}

/// Arrivals per second reaching the tier for `users`, before peak and buffer.
double tierArrivalRate(const model::Tier &t, const model::DemandProfile &d, double users)
{
    const double perUser = t.workload.capacityMetric == model::CapacityMetric::Jobs ? d.jobsPerUserPerSecond
                                                                                    : d.requestsPerUserPerSecond;
    return users * perUser * t.workload.demandShare;
}

/// Why the tier cannot be sized by queueing, or an empty string when it can.
QString queueingProblem(const model::Tier &t)
{
    if (!t.p95Slo || t.p95Slo->count() <= 0)
        return QStringLiteral("queueing sizing needs p95Slo > 0");
    if (t.workload.serviceTime.count() <= 0)
        return QStringLiteral("queueing sizing needs workload.serviceTime > 0");
    if (t.workload.concurrencyPerReplica < 1)
        return QStringLiteral("queueing sizing needs workload.concurrencyPerReplica >= 1");
    const double serviceP95 = -std::log(1 - p95) * seconds(t.workload.serviceTime);
    if (serviceP95 >= seconds(*t.p95Slo))
        return QStringLiteral("P95 SLO %1 s is unreachable: exponential service with mean %2 s alone has a P95 of "
                              "%3 s")
            .arg(seconds(*t.p95Slo))
            .arg(seconds(t.workload.serviceTime))
            .arg(serviceP95, 0, 'f', 3);
    return {};
}

/// The smallest replica count R whose per-replica M/M/c queue (arrival rate / R) meets P95 <= slo,
/// searched from `hint` (the previous day's answer).
int queueingReplicas(double arrivalRate, double serviceRate, int servers, double slo, int hint)
{
    const int lower = std::max(1, ceilCount(arrivalRate / (servers * serviceRate)));
    const auto r = smallestMeeting(lower, replicaCeiling, hint, [&](int replicas) {
        const MmcQueue q{arrivalRate / replicas, serviceRate, servers};
        return q.isStable() && responseTimeSurvival(q, slo) <= 1 - p95;
    });
    return r.value_or(replicaCeiling);
}

double queueP95(double arrivalRate, double serviceRate, int servers, int replicas)
{
    const MmcQueue q{arrivalRate / std::max(1, replicas), serviceRate, servers};
    const auto p = responseTimePercentile(q, p95);
    return p ? p.value() : std::numeric_limits<double>::quiet_NaN();
}

TierPlan planTier(const model::Scenario &s, qsizetype index, const std::vector<double> &users,
                  model::Diagnostics &warnings)
{
    const model::Tier &t = s.spec.tiers[index];
    const model::CapacityPlannerSettings &cp = s.spec.capacityPlanner;
    const double design = cp.peakMultiplier * (1.0 + cp.capacityBuffer / 100.0);
    TierPlan plan;
    plan.tierId = t.id;
    plan.sizing = t.sizing;
    if (t.sizing == model::SizingMethod::Queueing) {
        if (const QString problem = queueingProblem(t); !problem.isEmpty()) {
            plan.sizing = model::SizingMethod::CapacityUnits;
            warnings << model::Diagnostic{model::Severity::Warning, {},
                                          QStringLiteral("spec.tiers[%1].sizing").arg(index),
                                          problem + QStringLiteral("; tier '%1' sized by capacity units").arg(t.id)};
        }
    }
    const size_t n = users.size();
    plan.demand.resize(n);
    plan.requiredReplicas.resize(n);
    plan.plannedReplicas.resize(n);
    const int minR = t.autoscaling.minReplicas;
    const int maxR = std::max(t.autoscaling.maxReplicas, minR);
    const double serviceRate = t.workload.serviceTime.count() > 0 ? 1.0 / seconds(t.workload.serviceTime) : 0;
    for (size_t d = 0; d < n; ++d) {
        plan.demand[d] = tierDemand(t, s.spec.demand, users[d]);
        int required = 0;
        if (plan.sizing == model::SizingMethod::Queueing) {
            const double rate = tierArrivalRate(t, s.spec.demand, users[d]) * design;
            required = queueingReplicas(rate, serviceRate, t.workload.concurrencyPerReplica, seconds(*t.p95Slo),
                                        d > 0 ? plan.requiredReplicas[d - 1] : 1);
        } else if (t.workload.capacityPerReplica > 0) {
            required = ceilCount(plan.demand[d] * design / t.workload.capacityPerReplica);
        }
        plan.requiredReplicas[d] = required;
        plan.plannedReplicas[d] = std::clamp(required, minR, maxR);
    }
    if (plan.sizing == model::SizingMethod::Queueing) {
        plan.p95ResponseSeconds.resize(n);
        for (size_t d = 0; d < n; ++d) {
            const double rate = tierArrivalRate(t, s.spec.demand, users[d]) * design;
            plan.p95ResponseSeconds[d] =
                queueP95(rate, serviceRate, t.workload.concurrencyPerReplica, plan.plannedReplicas[d]);
        }
    }
    return plan;
}

} // namespace

const TierPlan *CapacityPlan::tier(QStringView id) const
{
    const auto it = std::find_if(tiers.begin(), tiers.end(), [id](const TierPlan &t) { return t.tierId == id; });
    return it == tiers.end() ? nullptr : &*it;
}

CapacityPlan planCapacity(const model::Scenario &scenario, int days, QDate startDate)
{
    return planCapacity(scenario, days, startDate, PlanOptions{});
}

CapacityPlan planCapacity(const model::Scenario &scenario, int days, QDate startDate, const PlanOptions &options)
{
    const model::ScenarioSpec &spec = scenario.spec;
    CapacityPlan plan;
    plan.startDate = startDate;
    plan.days = std::clamp(days, 0, 36'500);
    plan.growthMode = options.growthMode;
    const GrowthModel growth = GrowthModel::fromScenario(scenario, options.trendMultiplier);
    const auto n = static_cast<size_t>(plan.days);
    plan.users.resize(n);
    plan.databaseConnections.resize(n);
    plan.cacheBytes.resize(n);
    plan.storageBytes.resize(n);
    const double queriesPerConnection = spec.capacityPlanner.queriesPerConnection;
    for (size_t d = 0; d < n; ++d) {
        const double users = growth.users(static_cast<double>(d), options.growthMode);
        plan.users[d] = users;
        const double queries = users * spec.demand.requestsPerUserPerSecond * spec.demand.dbQueriesPerRequest;
        plan.databaseConnections[d] = queriesPerConnection > 0 ? ceilCount(queries / queriesPerConnection) : 0;
        plan.cacheBytes[d] = ceilTo(users * spec.demand.cacheBytesPerUser, 1e9);
        plan.storageBytes[d] = ceilTo(users * spec.demand.storageBytesPerUser, 1e12);
    }
    plan.tiers.reserve(static_cast<size_t>(spec.tiers.size()));
    for (qsizetype i = 0; i < spec.tiers.size(); ++i)
        plan.tiers.push_back(planTier(scenario, i, plan.users, plan.warnings));
    return plan;
}

std::vector<Shortfall> shortfalls(const CapacityPlan &plan)
{
    std::vector<Shortfall> out;
    for (const TierPlan &t : plan.tiers) {
        std::optional<Shortfall> open;
        for (size_t d = 0; d < t.requiredReplicas.size(); ++d) {
            const bool shortDay = t.plannedReplicas[d] < t.requiredReplicas[d];
            if (shortDay && !open)
                open = Shortfall{t.tierId, int(d), int(d), t.plannedReplicas[d], t.requiredReplicas[d]};
            if (shortDay) {
                open->lastDay = int(d);
                open->peakRequired = std::max(open->peakRequired, t.requiredReplicas[d]);
            } else if (open) {
                out.push_back(*open);
                open.reset();
            }
        }
        if (open)
            out.push_back(*open);
    }
    return out;
}

int firstDayPastUslPeak(const TierPlan &tier, const UslFit &fit)
{
    const double peak = fit.peakN();
    for (size_t d = 0; d < tier.plannedReplicas.size(); ++d) {
        if (tier.plannedReplicas[d] > peak)
            return int(d);
    }
    return -1;
}

QByteArray planToCsv(const CapacityPlan &plan)
{
    model::CsvTable table;
    table.header << QStringLiteral("date") << QStringLiteral("day") << QStringLiteral("users");
    for (const TierPlan &t : plan.tiers)
        table.header << t.tierId + QStringLiteral("_demand") << t.tierId + QStringLiteral("_required")
                     << t.tierId + QStringLiteral("_planned");
    table.header << QStringLiteral("db_connections") << QStringLiteral("cache_gb") << QStringLiteral("storage_tb");
    for (int d = 0; d < plan.days; ++d) {
        const auto i = static_cast<size_t>(d);
        QStringList row{plan.date(d).toString(Qt::ISODate), QString::number(d), model::csvFixed(plan.users[i], 2)};
        for (const TierPlan &t : plan.tiers)
            row << model::csvFixed(t.demand[i], 3) << QString::number(t.requiredReplicas[i])
                << QString::number(t.plannedReplicas[i]);
        row << model::csvNumber(plan.databaseConnections[i]) << model::csvNumber(plan.cacheBytes[i] / 1e9)
            << model::csvNumber(plan.storageBytes[i] / 1e12);
        table.rows << row;
    }
    return table.toCsv();
}

} // namespace headroom::capacity
