#pragma once

#include "core/model/scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

/// The nodes and edges the topology canvas draws for a scenario, in layers from the global
/// balancer down to the analytics copy. Derived from the scenario alone (no analysis), so the
/// canvas rebuilds only when this structure changes and otherwise just updates figures.
namespace headroom::ui {

enum class NodeKind {
    GlobalBalancer,
    RegionalBalancer,
    Region,
    Tier,
    Cache,
    RedisMaster,
    Sentinel,
    RedisReplica,
    Proxy,
    DbPrimary,
    DbReplica,
    Analytics,
};

/// Row of the layered layout (0 = top).
int layerOf(NodeKind kind);
inline constexpr int kLayerCount = 11;

struct NodeSpec {
    QString key;          ///< stable identity: "tier:1", "redis:0:1", ...
    NodeKind kind = NodeKind::Tier;
    QString path;         ///< scenario field path the node stands for ("spec.tiers[1]")
    QString title;
    QString subtitle;
    QStringList parents;  ///< keys of the nodes with an edge into this one
    bool dashedEdges = false;
};

struct TopologyGraph {
    QList<NodeSpec> nodes;  ///< in layer order, left to right within a layer
    /// Same keys, kinds and parents (titles may differ): figures can be updated in place.
    bool sameShape(const TopologyGraph &other) const;
};

TopologyGraph topologyGraph(const model::Scenario &scenario);

} // namespace headroom::ui
