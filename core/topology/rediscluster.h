#pragma once

#include "core/model/scenario.h"
#include "core/topology/clusterlayout.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

/// Scenario-level Redis questions: memory per shard, a master failure, Sentinel's rules.
namespace headroom::topology {

using Milliseconds = std::chrono::milliseconds;

/// A family of keys with the same size. Without a hash tag its keys spread over the slots
/// uniformly (CRC16 of distinct keys is close to uniform); with a tag they all share one slot.
struct KeyGroup {
    QString name;
    double keys = 0;
    double keyBytes = 24;
    double valueBytes = 1024;
    QByteArray hashTag; ///< non-empty: every key is "...{tag}..." and lands in keySlot(tag)
};

/// Per-key bookkeeping of Redis on 64-bit jemalloc beyond the key and value bytes: the dict
/// entry (24 B), the value object header (16 B), the key's sds header and allocator rounding.
/// An estimate (assumption), meant to be calibrated with MEMORY USAGE on real keys.
inline constexpr double kRedisPerKeyOverheadBytes = 64;

struct ShardMemory {
    int master = 0;
    int slotCount = 0;
    double keys = 0;
    double usedBytes = 0;     ///< keys x (key + value + overhead)
    double maxMemoryBytes = 0; ///< maxmemory of the shard; 0 = unlimited
    double utilisation() const { return maxMemoryBytes > 0 ? usedBytes / maxMemoryBytes : 0; }
    bool overflows() const { return maxMemoryBytes > 0 && usedBytes > maxMemoryBytes; }
};

/// Memory per master. Untagged groups split by the master's share of slots; tagged groups go
/// whole to the owner of the tag's slot. Replicas hold the same bytes as their master.
QList<ShardMemory> memoryPerShard(const ClusterLayout &layout, const QList<KeyGroup> &groups,
                                  double maxMemoryPerShardBytes, double perKeyOverheadBytes = kRedisPerKeyOverheadBytes);

/// The scenario's cache working set (concurrent users x cachePerUser) as one key group of
/// objects of `valueBytes` each.
KeyGroup scenarioKeyGroup(const model::Scenario &scenario, double valueBytes = 4096);
/// The scenario's cluster: redisCluster.shards masters, replicasPerShard replicas each, laid
/// out like `redis-cli --cluster create`.
ClusterLayout scenarioClusterLayout(const model::Scenario &scenario);

/// Cluster failure detection and replica election timing (Redis Cluster specification).
struct FailoverSettings {
    Milliseconds nodeTimeout{15'000};     ///< cluster-node-timeout (Redis default 15 s)
    Milliseconds failPropagation{1'000};  ///< PFAIL -> FAIL once a majority of masters agree (gossip)
};

/// What happens when one master dies.
struct MasterFailure {
    int master = 0;
    int slotCount = 0;
    double slotFraction = 0;       ///< share of the keyspace without a master meanwhile
    bool promoted = false;         ///< a replica takes over
    bool majorityAvailable = true; ///< a majority of masters survive to vote
    int replicasLeft = 0;          ///< replicas of the shard after promotion
    /// Unavailability of the shard's slots: node timeout + FAIL propagation + the elected
    /// replica's delay of 500 ms + random 0..500 ms + rank x 1 s; the winner is the rank-0 replica
    /// (best replication offset), so the range is detect + 0.5 s .. detect + 1 s.
    Milliseconds outageMin{0};
    Milliseconds outageMax{0};
    double capacityDuring = 0;     ///< share of master write capacity serving during the outage
    double capacityAfter = 0;      ///< after promotion (1 when promoted, else as during)
    bool clusterDown = false;      ///< cluster-require-full-coverage yes: all writes fail meanwhile
    QString explanation;
};

MasterFailure failMaster(const ClusterLayout &layout, int master, const FailoverSettings &settings = {});

/// Redis Sentinel: `quorum` sentinels must agree the master is down (ODOWN) to start a
/// failover, and the sentinel running it must be elected by max(quorum, majority) sentinels,
/// majority = sentinels / 2 + 1 of all known sentinels.
struct SentinelAssessment {
    int sentinels = 0;
    int quorum = 0;
    int majority = 0;
    int votesNeeded = 0;          ///< max(quorum, majority)
    int reachable = 0;            ///< sentinels - down
    bool canDetect = false;       ///< reachable >= quorum
    bool canFailover = false;     ///< reachable >= votesNeeded
    int toleratedFailures = 0;    ///< sentinels that may be lost with failover still possible
    QStringList warnings;
};

model::Result<SentinelAssessment> assessSentinels(int sentinels, int quorum, int sentinelsDown = 0);
/// From scenario.spec.redisCluster (quorum defaults to the majority when absent).
model::Result<SentinelAssessment> scenarioSentinels(const model::Scenario &scenario, int sentinelsDown = 0);

} // namespace headroom::topology
