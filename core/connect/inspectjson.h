#pragma once

#include "core/connect/pginspector.h"
#include "core/connect/redisinspector.h"

#include <QJsonArray>
#include <QJsonObject>

/// JSON views of live data-store topologies, as `headroom-cli inspect` prints them. Memory in
/// bytes, lag in bytes and milliseconds, slot ranges as inclusive [first, last] pairs; a figure the
/// server did not report is left out rather than written as 0. Passwords never appear.
namespace headroom::connect {

/// {clusterState, slotsAssigned, shards: [{slots, slotCount, usedMemoryBytes, maxMemoryBytes,
/// master: node, replicas: [node]}], otherNodes: [node], warnings, scenario: {shards,
/// replicasPerShard, maxMemoryPerShardBytes}}.
QJsonObject redisTopologyToJson(const RedisClusterTopology &topology);
/// [{name, address, flags, quorum, replicas, otherSentinels, replicaDetails: [{field: value}]}].
QJsonArray sentinelToJson(const QList<SentinelMaster> &masters);
/// {primaries: [server + standbys: [server]], orphanStandbys, pgbouncer: {address, config, pools,
/// stats}, warnings}; a server: {address, version, inRecovery, maxConnections,
/// superuserReservedConnections, connections, replicas (pg_stat_replication), upstream,
/// replayDelayMs, databases (pg_stat_database)}.
QJsonObject pgTopologyToJson(const PgTopology &topology);

} // namespace headroom::connect
