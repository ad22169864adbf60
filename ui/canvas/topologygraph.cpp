#include "ui/canvas/topologygraph.h"

#include "core/topology/rediscluster.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace headroom::ui {

namespace {

struct GraphText {
    Q_DECLARE_TR_FUNCTIONS(TopologyGraph)
};

QString cacheTitle(model::CacheType type)
{
    switch (type) {
    case model::CacheType::Browser: return GraphText::tr("Browser cache");
    case model::CacheType::Cdn: return GraphText::tr("CDN");
    case model::CacheType::Memory: return GraphText::tr("In-memory cache");
    case model::CacheType::Redis: return GraphText::tr("Redis cache");
    }
    return {};
}

void addRedis(const model::Scenario &scenario, const QStringList &feeders, TopologyGraph &graph)
{
    const model::RedisCluster &redis = scenario.spec.redisCluster;
    const QString path = u"spec.redisCluster"_s;
    const topology::ClusterLayout layout = topology::scenarioClusterLayout(scenario);
    QStringList masters;
    for (int m = 0; m < layout.masterCount(); ++m) {
        const QString key = u"redis:%1"_s.arg(m);
        masters.append(key);
        graph.nodes.append({key, NodeKind::RedisMaster, path, GraphText::tr("Redis master %1").arg(m + 1), QString(), feeders});
    }
    for (int s = 0; s < redis.sentinels; ++s)
        graph.nodes.append(
            {u"sentinel:%1"_s.arg(s), NodeKind::Sentinel, path, GraphText::tr("Sentinel %1").arg(s + 1), QString(), masters, true});
    for (int m = 0; m < layout.masterCount(); ++m)
        for (int r = 0; r < layout.master(m).replicas; ++r)
            graph.nodes.append({u"redis:%1:%2"_s.arg(m).arg(r), NodeKind::RedisReplica, path,
                                GraphText::tr("Replica %1.%2").arg(m + 1).arg(r + 1), QString(), {masters[m]}});
}

void addDatabase(const model::Scenario &scenario, const QStringList &appTiers, TopologyGraph &graph)
{
    const model::DatabaseTopology &db = scenario.spec.database;
    graph.nodes.append({u"proxy"_s, NodeKind::Proxy, u"spec.database.proxy"_s, db.proxy.type, GraphText::tr("pooling proxy"),
                        appTiers});
    QHash<QString, QString> replicaKeys;
    for (qsizetype i = 0; i < db.primaries.size(); ++i)
        graph.nodes.append({u"db:%1"_s.arg(i), NodeKind::DbPrimary, u"spec.database.primaries[%1]"_s.arg(i),
                            db.primaries[i].id, GraphText::tr("primary"), {u"proxy"_s}});
    for (qsizetype i = 0; i < db.primaries.size(); ++i) {
        for (qsizetype j = 0; j < db.primaries[i].replicas.size(); ++j) {
            const QString key = u"db:%1:%2"_s.arg(i).arg(j);
            replicaKeys.insert(db.primaries[i].replicas[j], key);
            graph.nodes.append({key, NodeKind::DbReplica, u"spec.database.primaries[%1].replicas[%2]"_s.arg(i).arg(j),
                                db.primaries[i].replicas[j], GraphText::tr("read replica"), {u"db:%1"_s.arg(i)}});
        }
    }
    if (db.analytics) {
        QStringList sources;
        for (const QString &source : db.analytics->sources)
            if (replicaKeys.contains(source))
                sources.append(replicaKeys.value(source));
        graph.nodes.append({u"analytics"_s, NodeKind::Analytics, u"spec.database.analytics"_s, db.analytics->name,
                            GraphText::tr("analytics copy"), sources, true});
    }
}

} // namespace

int layerOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::GlobalBalancer: return 0;
    case NodeKind::RegionalBalancer: return 1;
    case NodeKind::Region: return 2;
    case NodeKind::Tier: return 3;
    case NodeKind::Cache: return 4;
    case NodeKind::RedisMaster:
    case NodeKind::Sentinel: return 5;
    case NodeKind::RedisReplica: return 6;
    case NodeKind::Proxy: return 7;
    case NodeKind::DbPrimary: return 8;
    case NodeKind::DbReplica: return 9;
    case NodeKind::Analytics: return 10;
    }
    return 0;
}

bool TopologyGraph::sameShape(const TopologyGraph &other) const
{
    if (nodes.size() != other.nodes.size())
        return false;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const NodeSpec &a = nodes[i], &b = other.nodes[i];
        if (a.key != b.key || a.kind != b.kind || a.parents != b.parents || a.path != b.path)
            return false;
    }
    return true;
}

TopologyGraph topologyGraph(const model::Scenario &scenario)
{
    TopologyGraph graph;
    const model::GlobalTopology &regions = scenario.spec.regions;
    graph.nodes.append({u"global"_s, NodeKind::GlobalBalancer, u"spec.regions.globalBalancer"_s,
                        regions.globalBalancer.isEmpty() ? GraphText::tr("Global balancer") : regions.globalBalancer,
                        GraphText::tr("global balancer"), {}});
    QStringList regionKeys;
    for (qsizetype g = 0; g < regions.groups.size(); ++g) {
        const model::RegionGroup &group = regions.groups[g];
        graph.nodes.append({u"group:%1"_s.arg(g), NodeKind::RegionalBalancer, u"spec.regions.groups[%1]"_s.arg(g),
                            group.balancer.isEmpty() ? group.name : group.balancer, group.name, {u"global"_s}});
    }
    for (qsizetype g = 0; g < regions.groups.size(); ++g) {
        for (qsizetype r = 0; r < regions.groups[g].regions.size(); ++r) {
            const model::Region &region = regions.groups[g].regions[r];
            const QString key = u"region:%1:%2"_s.arg(g).arg(r);
            regionKeys.append(key);
            graph.nodes.append({key, NodeKind::Region, u"spec.regions.groups[%1].regions[%2]"_s.arg(g).arg(r),
                                region.name.isEmpty() ? region.id : region.name, region.id, {u"group:%1"_s.arg(g)}});
        }
    }
    QStringList tiers, appTiers;
    for (qsizetype t = 0; t < scenario.spec.tiers.size(); ++t) {
        const model::Tier &tier = scenario.spec.tiers[t];
        const QString key = u"tier:%1"_s.arg(t);
        tiers.append(key);
        if (tier.kind != model::TierKind::Web)
            appTiers.append(key);
        graph.nodes.append({key, NodeKind::Tier, u"spec.tiers[%1]"_s.arg(t), tier.name.isEmpty() ? tier.id : tier.name,
                            tier.id, regionKeys});
    }
    if (appTiers.isEmpty())
        appTiers = tiers;
    QStringList feeders = tiers;
    for (qsizetype c = 0; c < scenario.spec.cacheHierarchy.size(); ++c) {
        const model::CacheLevel &level = scenario.spec.cacheHierarchy[c];
        const QString key = u"cache:%1"_s.arg(c);
        graph.nodes.append({key, NodeKind::Cache, u"spec.cacheHierarchy[%1]"_s.arg(c), cacheTitle(level.type),
                            GraphText::tr("level %1").arg(level.level), feeders});
        feeders = {key};
    }
    addRedis(scenario, feeders, graph);
    addDatabase(scenario, appTiers, graph);
    return graph;
}

} // namespace headroom::ui
