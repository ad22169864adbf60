#include "core/topology/topologyanalysis.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

namespace headroom::topology {

std::optional<double> monthForUsers(const model::Scenario &scenario, double users)
{
    for (const model::GrowthPhase &p : scenario.spec.growthPhases) {
        if (users <= p.fromUsers)
            return double(p.startMonth);
        if (!p.endMonth || users > p.toUsers || p.toUsers <= p.fromUsers || p.fromUsers <= 0)
            continue;
        const double months = *p.endMonth - p.startMonth;
        return p.startMonth + months * std::log(users / p.fromUsers) / std::log(p.toUsers / p.fromUsers);
    }
    return std::nullopt;
}

namespace {

// Writes per primary with `users` concurrent users: the working set and the request rate grow
// with users, so the cache hierarchy is evaluated again at that size.
double writesPerPrimary(model::Scenario scenario, const TopologyOptions &options, double users)
{
    scenario.spec.demand.concurrentUsers = users;
    const auto caches = scenarioCaches(scenario, options.cacheObjectBytes, options.zipfExponent);
    const model::DatabaseTopology &db = scenario.spec.database;
    if (!caches || db.primaries.isEmpty())
        return 0;
    return caches->databaseQueriesPerSecond * std::clamp(db.writeFraction, 0.0, 1.0) / double(db.primaries.size());
}

// Whether the busiest primary stays below writeQueriesPerSecondPerPrimary with `users` users. The
// answer is writesPerPrimary's; the estimate (warm-started Newton solves, ~1e-12 relative) answers
// it whenever it is clear of the ceiling by 1e-6 relative, the exact evaluation only otherwise.
class CeilingTest {
public:
    CeilingTest(const model::Scenario &scenario, const TopologyOptions &options)
        : m_scenario(scenario), m_options(options), m_ceiling(scenario.spec.database.writeQueriesPerSecondPerPrimary) {}

    bool below(double users)
    {
        const model::DatabaseTopology &db = m_scenario.spec.database;
        if (!db.primaries.isEmpty()) {
            model::Scenario sized = m_scenario;
            sized.spec.demand.concurrentUsers = users;
            const std::optional<double> queries = estimateDatabaseQueries(
                sized.spec.cacheHierarchy, scenarioWorkingSet(sized, m_options.cacheObjectBytes, m_options.zipfExponent),
                sized.spec.demand.dbQueriesPerRequest, m_warmStart);
            if (queries) {
                const double writes = *queries * std::clamp(db.writeFraction, 0.0, 1.0) / double(db.primaries.size());
                if (std::fabs(writes - m_ceiling) > 1e-6 * std::fabs(m_ceiling))
                    return writes < m_ceiling;
            }
        }
        return writesPerPrimary(m_scenario, m_options, users) < m_ceiling;
    }

private:
    const model::Scenario &m_scenario;
    const TopologyOptions &m_options;
    double m_ceiling;
    CacheSweepState m_warmStart;
};

// Concurrent users at which the busiest primary reaches writeQueriesPerSecondPerPrimary
// (bisection on a log scale up to 10^12 users); infinity when writes never get there.
double usersAtWriteCeiling(const model::Scenario &scenario, const TopologyOptions &options)
{
    CeilingTest test(scenario, options);
    double lo = 1;
    double hi = std::max(2.0, scenario.spec.demand.concurrentUsers);
    while (test.below(hi)) {
        lo = hi;
        hi *= 4;
        if (hi > 1e12)
            return INFINITY;
    }
    for (int i = 0; i < 40 && hi / lo > 1.0001; ++i) {
        const double mid = std::sqrt(lo * hi);
        (test.below(mid) ? lo : hi) = mid;
    }
    return hi;
}

// Everything usersAtWriteCeiling reads. The bisection (~40 cache-hierarchy solves, most of the
// topology stage's time) depends on nothing else, so the what-if levers that change only the
// tiers, the Redis cluster or the regions find its last answer here.
struct CeilingInputs {
    model::DemandProfile demand;
    QList<model::CacheLevel> caches;
    model::DatabaseTopology database;
    double objectBytes = 0, zipfExponent = 0;
    bool operator==(const CeilingInputs &) const = default;
};

double rememberedWriteCeiling(const model::Scenario &scenario, const TopologyOptions &options)
{
    static std::mutex mutex;
    static std::optional<std::pair<CeilingInputs, double>> last; // a pure function's last answer
    CeilingInputs inputs{scenario.spec.demand, scenario.spec.cacheHierarchy, scenario.spec.database,
                         options.cacheObjectBytes, options.zipfExponent};
    {
        const std::lock_guard lock(mutex);
        if (last && last->first == inputs)
            return last->second;
    }
    const double users = usersAtWriteCeiling(scenario, options);
    const std::lock_guard lock(mutex);
    last.emplace(std::move(inputs), users);
    return users;
}

} // namespace

model::Result<TopologyAnalysis> analyseTopology(const model::Scenario &scenario, const TopologyOptions &options)
{
    TopologyAnalysis a;
    a.regions = regionHierarchy(scenario);
    a.warnings = a.regions.warnings;
    if (!options.lostRegions.isEmpty()) {
        RegionLossOptions loss;
        loss.lostRegions = options.lostRegions;
        loss.duration = options.regionLossDuration;
        loss.demandMultiplier = options.demandMultiplier;
        auto result = regionLoss(scenario, loss);
        if (!result)
            return result.errors();
        a.regionLoss = std::move(result).value();
    }
    auto caches = scenarioCaches(scenario, options.cacheObjectBytes, options.zipfExponent);
    if (!caches)
        return caches.errors();
    a.caches = std::move(caches).value();
    DatabaseOptions db;
    db.queriesPerSecond = a.caches.databaseQueriesPerSecond;
    auto database = analyseDatabase(scenario, db);
    if (!database)
        return database.errors();
    a.database = std::move(database).value();
    a.database.writeCeilingUsers = rememberedWriteCeiling(scenario, options);
    a.database.writeCeilingMultiple = a.database.writeCeilingUsers / std::max(1.0, scenario.spec.demand.concurrentUsers);
    a.database.findings.last() = writeCeilingFinding(a.database);
    if (std::isfinite(a.database.writeCeilingUsers))
        a.writeCeilingMonth = monthForUsers(scenario, a.database.writeCeilingUsers);
    a.redisLayout = scenarioClusterLayout(scenario);
    a.redisMemory = memoryPerShard(a.redisLayout, {scenarioKeyGroup(scenario, options.redisValueBytes)},
                                   scenario.spec.redisCluster.maxMemoryPerShardBytes);
    a.redisMasterFailure = failMaster(a.redisLayout, 0);
    if (scenario.spec.redisCluster.sentinels > 0) {
        auto sentinels = scenarioSentinels(scenario);
        if (!sentinels)
            return sentinels.errors();
        a.sentinels = std::move(sentinels).value();
    }
    if (const auto &sharding = scenario.spec.database.sharding) {
        auto move = analyseMove(sharding->hashFunction, std::max(1, sharding->shardCount),
                                std::max(1, sharding->shardCount) + 1, options.shardSampleKeys, sharding->virtualNodes);
        if (!move)
            return move.errors();
        a.addShard = std::move(move).value();
    }
    return a;
}

} // namespace headroom::topology
