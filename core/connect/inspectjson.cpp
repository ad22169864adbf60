#include "core/connect/inspectjson.h"

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

template <typename T>
void putOptional(QJsonObject &o, const QString &key, const std::optional<T> &value)
{
    if (value)
        o.insert(key, double(*value));
}

/// [fn(item) for item in items]
template <typename List, typename Fn>
QJsonArray mapped(const List &items, Fn fn)
{
    QJsonArray out;
    for (const auto &item : items)
        out.append(fn(item));
    return out;
}

void putText(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

QJsonArray slotsJson(const QList<SlotRange> &ranges)
{
    QJsonArray out;
    for (const SlotRange &r : ranges)
        out.append(QJsonArray{r.first, r.last});
    return out;
}

QJsonObject redisNodeJson(const RedisNode &n)
{
    QJsonObject o{{u"id"_s, n.id}, {u"address"_s, n.address()}, {u"flags"_s, QJsonArray::fromStringList(n.flags)},
                  {u"connected"_s, n.connected}};
    putText(o, u"masterId"_s, n.masterId);
    putText(o, u"health"_s, n.health);
    if (!n.slotRanges.isEmpty())
        o.insert(u"slots"_s, slotsJson(n.slotRanges));
    putOptional(o, u"usedMemoryBytes"_s, n.usedMemoryBytes);
    putOptional(o, u"maxMemoryBytes"_s, n.maxMemoryBytes);
    putOptional(o, u"replicationOffset"_s, n.replicationOffset);
    putOptional(o, u"lagBytes"_s, n.lagBytes);
    putText(o, u"linkStatus"_s, n.linkStatus);
    return o;
}

QJsonObject pgServerJson(const PgServer &s)
{
    QJsonObject o{{u"address"_s, s.endpoint.address()},
                  {u"user"_s, s.endpoint.user},
                  {u"database"_s, s.endpoint.database},
                  {u"version"_s, s.version},
                  {u"inRecovery"_s, s.inRecovery},
                  {u"maxConnections"_s, s.maxConnections},
                  {u"superuserReservedConnections"_s, s.reservedConnections},
                  {u"connections"_s, s.connections}};
    QJsonArray replicas;
    for (const PgReplica &r : s.replicas) {
        QJsonObject row{{u"applicationName"_s, r.applicationName}, {u"state"_s, r.state}, {u"syncState"_s, r.syncState}};
        putText(row, u"clientAddress"_s, r.clientAddress);
        putOptional(row, u"replayLagBytes"_s, r.replayLagBytes);
        putOptional(row, u"replayLagMs"_s, r.replayLagMs);
        replicas.append(row);
    }
    if (!s.inRecovery)
        o.insert(u"replicas"_s, replicas);
    putText(o, u"upstream"_s, s.upstream);
    putOptional(o, u"replayDelayMs"_s, s.replayDelayMs);
    QJsonArray databases;
    for (const PgDatabaseStats &d : s.databases)
        databases.append(QJsonObject{{u"name"_s, d.name},
                                     {u"backends"_s, d.backends},
                                     {u"commits"_s, double(d.commits)},
                                     {u"rollbacks"_s, double(d.rollbacks)},
                                     {u"blocksRead"_s, double(d.blocksRead)},
                                     {u"blocksHit"_s, double(d.blocksHit)}});
    o.insert(u"databases"_s, databases);
    return o;
}

QJsonObject bouncerJson(const PgBouncerView &b)
{
    QJsonObject config;
    for (auto it = b.config.begin(); it != b.config.end(); ++it)
        config.insert(it.key(), it.value());
    QJsonArray pools;
    for (const PgBouncerPool &p : b.pools)
        pools.append(QJsonObject{{u"database"_s, p.database},
                                 {u"user"_s, p.user},
                                 {u"clientsActive"_s, p.clientsActive},
                                 {u"clientsWaiting"_s, p.clientsWaiting},
                                 {u"serversActive"_s, p.serversActive},
                                 {u"serversIdle"_s, p.serversIdle},
                                 {u"serversUsed"_s, p.serversUsed},
                                 {u"maxWaitUs"_s, double(p.maxWaitUs)},
                                 {u"poolMode"_s, p.poolMode}});
    QJsonArray stats;
    for (const PgBouncerStats &s : b.stats)
        stats.append(QJsonObject{{u"database"_s, s.database},
                                 {u"transactions"_s, double(s.transactions)},
                                 {u"queries"_s, double(s.queries)},
                                 {u"transactionsPerSecond"_s, s.transactionsPerSecond},
                                 {u"queriesPerSecond"_s, s.queriesPerSecond},
                                 {u"avgQueryTimeUs"_s, s.avgQueryTimeUs},
                                 {u"avgWaitTimeUs"_s, s.avgWaitTimeUs}});
    return QJsonObject{{u"address"_s, b.endpoint.address()}, {u"config"_s, config}, {u"pools"_s, pools}, {u"stats"_s, stats}};
}

} // namespace

QJsonObject redisTopologyToJson(const RedisClusterTopology &topology)
{
    QJsonArray shards;
    for (const RedisShard &s : topology.shards) {
        QJsonObject shard{{u"slots"_s, slotsJson(s.slotRanges)}, {u"slotCount"_s, s.slotCount()},
                          {u"master"_s, redisNodeJson(s.master)}};
        putOptional(shard, u"usedMemoryBytes"_s, s.master.usedMemoryBytes);
        putOptional(shard, u"maxMemoryBytes"_s, s.master.maxMemoryBytes);
        shard.insert(u"replicas"_s, mapped(s.replicas, redisNodeJson));
        shards.append(shard);
    }
    const QJsonArray others = mapped(topology.otherNodes, redisNodeJson);
    const model::RedisCluster scenario = toScenarioRedis(topology);
    return QJsonObject{{u"clusterState"_s, topology.clusterState},
                       {u"slotsAssigned"_s, topology.slotsAssigned},
                       {u"shards"_s, shards},
                       {u"otherNodes"_s, others},
                       {u"warnings"_s, QJsonArray::fromStringList(topology.warnings)},
                       {u"scenario"_s, QJsonObject{{u"shards"_s, scenario.shards},
                                                   {u"replicasPerShard"_s, scenario.replicasPerShard},
                                                   {u"maxMemoryPerShardBytes"_s, scenario.maxMemoryPerShardBytes}}}};
}

QJsonArray sentinelToJson(const QList<SentinelMaster> &masters)
{
    QJsonArray out;
    for (const SentinelMaster &m : masters) {
        QJsonArray details;
        for (const auto &fields : m.replicaFields) {
            QJsonObject row;
            for (auto it = fields.begin(); it != fields.end(); ++it)
                row.insert(it.key(), it.value());
            details.append(row);
        }
        out.append(QJsonObject{{u"name"_s, m.name},
                               {u"address"_s, QString(m.host + u':' + QString::number(m.port))},
                               {u"flags"_s, QJsonArray::fromStringList(m.flags)},
                               {u"quorum"_s, m.quorum},
                               {u"replicas"_s, m.replicas},
                               {u"otherSentinels"_s, m.otherSentinels},
                               {u"replicaDetails"_s, details}});
    }
    return out;
}

QJsonObject pgTopologyToJson(const PgTopology &topology)
{
    QJsonArray primaries;
    for (const PgServer &p : topology.primaries) {
        QJsonObject o = pgServerJson(p);
        o.insert(u"standbys"_s, mapped(topology.standbysByPrimary.value(p.endpoint.address()), pgServerJson));
        primaries.append(o);
    }
    QJsonObject out{{u"primaries"_s, primaries},
                    {u"orphanStandbys"_s, mapped(topology.orphanStandbys, pgServerJson)},
                    {u"warnings"_s, QJsonArray::fromStringList(topology.warnings)}};
    if (topology.bouncer)
        out.insert(u"pgbouncer"_s, bouncerJson(*topology.bouncer));
    return out;
}

} // namespace headroom::connect
