#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"
#include "core/topology/cachehierarchy.h"
#include "core/topology/clusterlayout.h"
#include "core/topology/databasetopology.h"
#include "core/topology/rediscluster.h"
#include "core/topology/regions.h"
#include "core/topology/sharding.h"

#include <QStringList>

#include <optional>

/// One call that runs every topology model on a scenario, for the capacity and simulation
/// engines and the UI. Pure: the same scenario and options give the same result.
namespace headroom::topology {

struct TopologyOptions {
    double cacheObjectBytes = 16'384;  ///< size of one cached object (assumption)
    double zipfExponent = 0.8;         ///< popularity skew of the working set (assumption)
    double redisValueBytes = 4096;     ///< size of one Redis value (assumption)
    std::int64_t shardSampleKeys = 100'000;
    QStringList lostRegions;           ///< non-empty: run the region-loss what-if
    Milliseconds regionLossDuration{7'200'000};
    double demandMultiplier = 1;       ///< applied to the region-loss demand
};

struct TopologyAnalysis {
    RegionHierarchy regions;
    std::optional<RegionLoss> regionLoss;
    CacheHierarchyLoad caches;
    /// Fed with the queries that miss every cache level. Its write ceiling is found by growing
    /// the users with the cache hierarchy re-evaluated at each size (the working set and the
    /// request rate both scale with users), not by scaling today's database load linearly.
    DatabaseLoad database;
    std::optional<double> writeCeilingMonth; ///< plan month at which users reach the write ceiling
    ClusterLayout redisLayout;
    QList<ShardMemory> redisMemory;
    MasterFailure redisMasterFailure;       ///< the first master lost
    std::optional<SentinelAssessment> sentinels; ///< when the scenario has sentinels
    std::optional<ShardMove> addShard;      ///< database sharding n -> n + 1
    model::Diagnostics warnings;
};

model::Result<TopologyAnalysis> analyseTopology(const model::Scenario &scenario, const TopologyOptions &options = {});

/// The plan month at which concurrent users reach `users`, growing exponentially from
/// fromUsers to toUsers inside each growth phase; nothing when the phases never get there.
std::optional<double> monthForUsers(const model::Scenario &scenario, double users);

} // namespace headroom::topology
