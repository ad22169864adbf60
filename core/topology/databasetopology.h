#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

/// The relational tier of a scenario: primaries and read replicas, the pooling proxy, the
/// read/write split, replication lag and the analytics copy, and the write ceiling that forces
/// sharding.
namespace headroom::topology {

using Milliseconds = std::chrono::milliseconds;

struct DatabaseOptions {
    /// Queries per second reaching the database; < 0 = users x requests per user x dbQueriesPerRequest
    /// (callers that model caches pass the cache hierarchy's databaseQueriesPerSecond).
    double queriesPerSecond = -1;
    /// Application replicas holding pools; < 0 = the sum of every tier's maxReplicas (worst case).
    double appReplicas = -1;
    /// Distinct (database, user) pairs: PgBouncer keeps one pool of defaultPoolSize per pair and primary.
    int poolsPerPrimary = 1;
    /// Replication delay with idle replicas (network + fsync + replay of one record).
    Milliseconds baseReplicationLag{50};
    /// Share of each analytics source replica's read capacity the warehouse extraction uses.
    double analyticsLoadShare = 0.25;
};

struct PrimaryLoad {
    QString id;
    int replicas = 0;
    double writesPerSecond = 0;
    double writeUtilisation = 0;      ///< writes / writeQueriesPerSecondPerPrimary
    double readsPerSecond = 0;        ///< served by this primary's replicas (by the primary without replicas)
    double readCapacity = 0;          ///< replicas x readQueriesPerSecondPerReplica, minus analytics use
    double readUtilisation = 0;
    double serverConnectionsNeeded = 0; ///< queries / capacityPlanner.queriesPerConnection (the plan's rule)
    double serverConnections = 0;     ///< pools x defaultPoolSize (transaction/statement) or clients (session)
    double replicationLagMs = 0;      ///< base / (1 - write utilisation): replay queues like one server
    bool lagWithinBudget = true;
};

struct DatabaseLoad {
    double queriesPerSecond = 0;
    double writesPerSecond = 0;
    double readsPerSecond = 0;
    QList<PrimaryLoad> primaries;
    double clientConnections = 0;      ///< app replicas x connectionsPerAppReplica
    int maxClientConnections = 0;
    bool clientLimitExceeded = false;
    bool serverLimitExceeded = false;  ///< some primary needs more than maxConnectionsPerPrimary
    bool poolSaturated = false;        ///< some primary needs more server connections than its pools hold
    /// Demand multiple (of the current queries) at which the busiest primary reaches its write
    /// ceiling, and the concurrent users that means: beyond it writes need more shards.
    double writeCeilingMultiple = 0;
    double writeCeilingUsers = 0;
    int shardsNeededForWrites = 0;     ///< ceil(writes / write capacity per primary)
    QStringList findings;              ///< one sentence per problem, the write ceiling last
};

/// The sentence on the write ceiling; analyseDatabase ends its findings with it.
QString writeCeilingFinding(const DatabaseLoad &load);

/// Writes spread evenly over the primaries (one shard each); reads go to the primary's
/// replicas, evenly. Errors: no primaries, or non-positive capacities.
model::Result<DatabaseLoad> analyseDatabase(const model::Scenario &scenario, const DatabaseOptions &options = {});

} // namespace headroom::topology
