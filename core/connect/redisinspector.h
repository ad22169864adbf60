#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <chrono>
#include <optional>

/// Reads a Redis deployment as it really is: the slot layout, replicas and memory of a Redis
/// Cluster (CLUSTER NODES, CLUSTER SHARDS, INFO memory / replication on every node), or the view of
/// a Sentinel. hiredis is blocking, so every call runs on a worker thread (QtConcurrent); the
/// *Async functions return at once.
namespace headroom::connect {

/// Where and how to connect. The password comes from the SecretStore and is never logged.
struct RedisEndpoint {
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString username;  ///< ACL user; empty = the default user (AUTH password)
    QString password;  ///< empty = no AUTH
    bool tls = false;  ///< hiredis 0.14 (Debian 12) has no TLS: asking for it is a clear error
    std::chrono::milliseconds timeout{5000}; ///< connect and per-command
    int attempts = 2;  ///< connection attempts (with 200 ms, 400 ms ... backoff)

    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
};

/// A parsed RESP reply (types as hiredis reports them).
struct RespValue {
    enum class Type { Nil, String, Status, Error, Integer, Array };
    Type type = Type::Nil;
    QByteArray text;           ///< String, Status, Error
    long long integer = 0;     ///< Integer
    QList<RespValue> elements; ///< Array
};

struct SlotRange {
    int first = 0;
    int last = 0; ///< inclusive
    bool operator==(const SlotRange &) const = default;
};

/// One node as CLUSTER NODES lists it, completed from INFO.
struct RedisNode {
    QString id;
    QString host;
    int port = 0;
    QStringList flags;           ///< myself, master, slave, fail?, fail, ...
    QString masterId;            ///< for replicas; empty for masters
    bool connected = false;      ///< link-state
    QList<SlotRange> slotRanges;      ///< masters only; migrating/importing markers are skipped
    QString health;              ///< from CLUSTER SHARDS: online, failed/fail, loading; empty if unknown
    std::optional<double> usedMemoryBytes;   ///< INFO memory used_memory
    std::optional<double> maxMemoryBytes;    ///< INFO memory maxmemory (0 = unlimited)
    std::optional<qint64> replicationOffset; ///< master_repl_offset / slave_repl_offset
    std::optional<qint64> lagBytes;          ///< replicas: master offset - own offset
    QString linkStatus;                      ///< replicas: master_link_status up/down

    bool isMaster() const { return flags.contains(QStringLiteral("master")); }
    bool isFailed() const { return flags.contains(QStringLiteral("fail")); }
    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
};

struct RedisShard {
    RedisNode master;
    QList<RedisNode> replicas;
    QList<SlotRange> slotRanges;
    int slotCount() const;
};

struct RedisClusterTopology {
    QString clusterState;        ///< CLUSTER INFO cluster_state: ok / fail
    QList<RedisShard> shards;    ///< masters owning slots, by first slot
    QList<RedisNode> otherNodes; ///< slot-less masters, failed nodes, orphan replicas
    int slotsAssigned = 0;
    QStringList warnings;        ///< unreachable nodes, unassigned slots, missing INFO fields
};

/// A Sentinel's view of one monitored master.
struct SentinelMaster {
    QString name;
    QString host;
    int port = 0;
    QStringList flags;
    int quorum = 0;
    int replicas = 0;        ///< num-slaves
    int otherSentinels = 0;  ///< num-other-sentinels
    QList<QMap<QString, QString>> replicaFields; ///< SENTINEL REPLICAS rows, field -> value
};

/// CLUSTER NODES text -> nodes. Malformed lines are errors naming the line.
model::Result<QList<RedisNode>> parseClusterNodes(const QByteArray &text);
/// INFO text -> key -> value (section headers and blank lines skipped).
QMap<QString, QString> parseInfo(const QByteArray &text);
/// CLUSTER SHARDS reply -> node id -> health.
QMap<QString, QString> parseClusterShardsHealth(const RespValue &reply);
/// A flat [field, value, field, value...] array (Sentinel replies) -> map.
QMap<QString, QString> fieldArray(const RespValue &reply);
/// Groups nodes into shards by master and sorts them by first slot.
RedisClusterTopology groupShards(const QList<RedisNode> &nodes);

/// Blocking: connects to `seed`, reads the cluster map, then INFO from every node (each with the
/// seed's credentials). An unreachable non-seed node is a warning, an unreachable seed an error.
model::Result<RedisClusterTopology> inspectRedisCluster(const RedisEndpoint &seed);
/// The same on a thread of `pool` (null: Qt's global pool; the console passes its own, see
/// ui/backgroundwork.h, as Qt's painting waits on the global one).
QFuture<model::Result<RedisClusterTopology>> inspectRedisClusterAsync(const RedisEndpoint &seed,
                                                                      QThreadPool *pool = nullptr);

/// Blocking: SENTINEL MASTERS and SENTINEL REPLICAS of each master.
model::Result<QList<SentinelMaster>> inspectSentinel(const RedisEndpoint &sentinel);
QFuture<model::Result<QList<SentinelMaster>>> inspectSentinelAsync(const RedisEndpoint &sentinel);

/// The scenario's redisCluster block from a live topology (shards, replicas per shard, the
/// largest maxmemory, or used memory when maxmemory is unlimited).
model::RedisCluster toScenarioRedis(const RedisClusterTopology &topology, int sentinels = 0);

} // namespace headroom::connect
