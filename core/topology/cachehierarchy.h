#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QList>

#include <chrono>
#include <optional>
#include <vector>

/// Hit ratios of a multi-level cache from capacity, TTL and a Zipf working set, the load each
/// level passes on to the next and to the database, and the ramp of a cold cache.
///
/// Model (documented assumptions):
/// - Working set: `objects` equally sized objects with Zipf popularity, rank r requested with
///   probability r^-s / H(N, s), requests independent (the independent reference model).
///   Ranks are grouped in buckets (single ranks up to 1000, then 2 % geometric steps).
/// - LRU (and TTL/no-eviction policies): Che's characteristic-time approximation. The cache of
///   C objects has a time T_C with sum_i (1 - exp(-rate_i T_C)) = C, and object i hits with
///   1 - exp(-rate_i T_C). When the TTL is shorter than T_C the TTL binds and an object written
///   on a miss and expiring TTL later hits with x / (1 + x), x = rate_i TTL.
/// - FIFO and random eviction: the same T_C with the FIFO/RANDOM form x / (1 + x), x = rate_i T_C.
/// - LFU: perfect LFU keeps the C objects with the highest arriving rates (TTL as above).
/// - Misses of one level feed the next with per-object rates rate_i (1 - h_i).
/// - Copies: a browser cache is private per concurrent user; CDN and in-memory levels are
///   `replicationFactor` separate caches, each seeing 1/copies of the requests; Redis replicas
///   hold the same data, so a Redis level is one logical cache.
/// - A level with an explicit hitRatio uses it for every object.
namespace headroom::topology {

using Milliseconds = std::chrono::milliseconds;

struct WorkingSet {
    double objects = 1e6;          ///< distinct cacheable objects N
    double zipfExponent = 0.8;     ///< s; web object popularity is typically 0.6..1.0
    double objectBytes = 16'384;   ///< bytes per object, turns capacities into object counts
    double requestsPerSecond = 0;  ///< object requests arriving at the first level
    double concurrentUsers = 1;    ///< copies of a browser level
};

struct CacheLevelLoad {
    int level = 0;
    model::CacheType type = model::CacheType::Memory;
    int copies = 1;
    double capacityObjects = 0;       ///< per copy
    double arrivingPerSecond = 0;
    double hitRatio = 0;              ///< 0..1 of the requests arriving here
    double missesPerSecond = 0;       ///< passed to the next level
    double characteristicSeconds = 0; ///< T_C per copy; infinite when everything fits
    bool ttlBound = false;
    bool fixedHitRatio = false;
};

struct CacheHierarchyLoad {
    QList<CacheLevelLoad> levels;
    double requestsPerSecond = 0;
    double originPerSecond = 0;        ///< requests that miss every level
    double databaseQueriesPerSecond = 0; ///< origin x dbQueriesPerRequest
    double overallHitRatio() const { return requestsPerSecond > 0 ? 1 - originPerSecond / requestsPerSecond : 0; }
};

/// Levels are taken in ascending `level` order.
model::Result<CacheHierarchyLoad> analyseCaches(const QList<model::CacheLevel> &levels, const WorkingSet &workingSet,
                                                double dbQueriesPerRequest);

/// What estimateDatabaseQueries carries from one call to the next; start with a default one.
struct CacheSweepState {
    std::vector<double> characteristicSeconds; ///< per level, the last solve: the next one starts there
    double zipfExponent = -1;
    struct Mass {
        double first = 0, last = 0, mass = 0; ///< Zipf mass of the ranks first..last
    };
    std::vector<Mass> masses;                  ///< per bucket, the same for any number of objects but the last
};

/// analyseCaches' database queries per second with each level's characteristic time solved by
/// Newton's method from the previous call's (in `state`) instead of the exact bisection: agrees with
/// analyseCaches to about 1e-12 relative, for searches that evaluate many nearby working sets.
/// nullopt when a discrete outcome could differ from analyseCaches' (a TTL within 1e-9 of a
/// characteristic time) or the working set is invalid; then use analyseCaches.
std::optional<double> estimateDatabaseQueries(const QList<model::CacheLevel> &levels, const WorkingSet &workingSet,
                                              double dbQueriesPerRequest, CacheSweepState &state);

/// The scenario's working set: objects = concurrentUsers x cachePerUser / objectBytes, requests
/// = concurrentUsers x requestsPerUserPerSecond.
WorkingSet scenarioWorkingSet(const model::Scenario &scenario, double objectBytes = 16'384, double zipfExponent = 0.8);
model::Result<CacheHierarchyLoad> scenarioCaches(const model::Scenario &scenario, double objectBytes = 16'384,
                                                 double zipfExponent = 0.8);

struct ColdCachePoint {
    double seconds = 0;
    double hitRatio = 0;                 ///< of the cold level
    double databaseQueriesPerSecond = 0;
};

struct ColdCacheRamp {
    QList<ColdCachePoint> points;
    double steadyDatabaseQps = 0;
    double peakDatabaseQps = 0;          ///< right after the flush
    double secondsToRecover = 0;         ///< until database load is within 10 % of steady
};

/// Level `coldLevel` (its `level` number) starts empty at t = 0 (a deploy or failover), the
/// others stay warm. An object is cached at t when it was requested in (0, t]: its hit
/// probability is min(steady h_i, 1 - exp(-rate_i t)); levels below recompute their steady
/// state from the larger miss stream.
model::Result<ColdCacheRamp> coldCacheRamp(const QList<model::CacheLevel> &levels, const WorkingSet &workingSet,
                                           double dbQueriesPerRequest, int coldLevel, Milliseconds horizon,
                                           Milliseconds step);

} // namespace headroom::topology
