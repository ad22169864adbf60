#include "core/topology/rediscluster.h"

#include <algorithm>

namespace headroom::topology {

QList<ShardMemory> memoryPerShard(const ClusterLayout &layout, const QList<KeyGroup> &groups,
                                  double maxMemoryPerShardBytes, double perKeyOverheadBytes)
{
    QList<ShardMemory> shards;
    for (int m = 0; m < layout.masterCount(); ++m)
        shards.append(ShardMemory{m, layout.slotCount(m), 0, 0, maxMemoryPerShardBytes});
    const int assigned = kClusterSlots - layout.unassignedSlots();
    for (const KeyGroup &g : groups) {
        const double bytesPerKey = g.keyBytes + g.valueBytes + perKeyOverheadBytes;
        if (!g.hashTag.isEmpty()) {
            const int owner = layout.ownerOf(keySlot(g.hashTag));
            if (owner >= 0) {
                shards[owner].keys += g.keys;
                shards[owner].usedBytes += g.keys * bytesPerKey;
            }
            continue;
        }
        for (ShardMemory &s : shards) {
            const double share = assigned > 0 ? double(s.slotCount) / assigned : 0;
            s.keys += g.keys * share;
            s.usedBytes += g.keys * share * bytesPerKey;
        }
    }
    return shards;
}

KeyGroup scenarioKeyGroup(const model::Scenario &scenario, double valueBytes)
{
    const model::DemandProfile &d = scenario.spec.demand;
    KeyGroup group;
    group.name = QStringLiteral("working set");
    group.valueBytes = valueBytes;
    group.keys = valueBytes > 0 ? d.concurrentUsers * d.cacheBytesPerUser / valueBytes : 0;
    return group;
}

ClusterLayout scenarioClusterLayout(const model::Scenario &scenario)
{
    const model::RedisCluster &rc = scenario.spec.redisCluster;
    return layoutForMasters(std::clamp(rc.shards, 1, kClusterSlots), std::max(0, rc.replicasPerShard));
}

MasterFailure failMaster(const ClusterLayout &layout, int master, const FailoverSettings &settings)
{
    MasterFailure f;
    f.master = master;
    if (master < 0 || master >= layout.masterCount()) {
        f.explanation = QStringLiteral("no such master");
        return f;
    }
    int voters = 0;
    for (int m = 0; m < layout.masterCount(); ++m)
        voters += layout.slotCount(m) > 0 ? 1 : 0;
    f.slotCount = layout.slotCount(master);
    f.slotFraction = f.slotCount / double(kClusterSlots);
    // The dead master cannot vote; the replica needs votes from a majority of slot-serving masters.
    const int alive = voters - (f.slotCount > 0 ? 1 : 0);
    f.majorityAvailable = alive >= voters / 2 + 1;
    const int replicas = layout.master(master).replicas;
    f.promoted = replicas > 0 && f.majorityAvailable;
    f.replicasLeft = f.promoted ? replicas - 1 : replicas;
    f.capacityDuring = 1 - f.slotFraction;
    f.clusterDown = f.slotCount > 0;
    if (f.promoted) {
        const Milliseconds detect = settings.nodeTimeout + settings.failPropagation;
        f.outageMin = detect + Milliseconds(500);
        f.outageMax = detect + Milliseconds(1000); // the best-offset replica has rank 0
        f.capacityAfter = 1;
        f.explanation = QStringLiteral("a replica of %1 is promoted; %2 slots are unavailable for %3-%4 s, "
                                       "then served again with %5 replica(s) left")
                            .arg(layout.master(master).id)
                            .arg(f.slotCount)
                            .arg(f.outageMin.count() / 1000.0)
                            .arg(f.outageMax.count() / 1000.0)
                            .arg(f.replicasLeft);
    } else {
        f.capacityAfter = f.capacityDuring;
        f.explanation = replicas == 0
            ? QStringLiteral("%1 has no replica: its %2 slots stay down until the node returns").arg(layout.master(master).id).arg(f.slotCount)
            : QStringLiteral("only %1 of %2 masters survive, no majority to elect a replica: %3 slots stay down")
                  .arg(alive)
                  .arg(voters)
                  .arg(f.slotCount);
    }
    return f;
}

model::Result<SentinelAssessment> assessSentinels(int sentinels, int quorum, int sentinelsDown)
{
    if (sentinels < 1)
        return model::makeError(QStringLiteral("at least one sentinel is needed, got %1").arg(sentinels),
                                QStringLiteral("spec.redisCluster.sentinels"));
    if (quorum < 1 || quorum > sentinels)
        return model::makeError(QStringLiteral("quorum must be between 1 and the number of sentinels (%1), got %2")
                                    .arg(sentinels)
                                    .arg(quorum),
                                QStringLiteral("spec.redisCluster.sentinelQuorum"));
    SentinelAssessment a;
    a.sentinels = sentinels;
    a.quorum = quorum;
    a.majority = sentinels / 2 + 1;
    a.votesNeeded = std::max(quorum, a.majority);
    a.reachable = std::clamp(sentinels - sentinelsDown, 0, sentinels);
    a.canDetect = a.reachable >= quorum;
    a.canFailover = a.reachable >= a.votesNeeded;
    a.toleratedFailures = sentinels - a.votesNeeded;
    if (sentinels % 2 == 0)
        a.warnings << QStringLiteral("an even number of sentinels tolerates no more failures than one fewer");
    if (sentinels < 3)
        a.warnings << QStringLiteral("fewer than 3 sentinels cannot fail over after losing one");
    if (quorum < a.majority)
        a.warnings << QStringLiteral("quorum %1 below the majority %2: a minority can declare the master down "
                                     "but a failover still needs %2 votes")
                          .arg(quorum)
                          .arg(a.majority);
    return a;
}

model::Result<SentinelAssessment> scenarioSentinels(const model::Scenario &scenario, int sentinelsDown)
{
    const model::RedisCluster &rc = scenario.spec.redisCluster;
    return assessSentinels(rc.sentinels, rc.sentinelQuorum.value_or(rc.sentinels / 2 + 1), sentinelsDown);
}

} // namespace headroom::topology
