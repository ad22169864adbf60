#pragma once

#include "ui/canvas/topologyfigures.h"
#include "ui/canvas/topologygraph.h"

#include <QGraphicsScene>
#include <QHash>

class QGraphicsPathItem;

namespace headroom::ui {

class TopologyNodeItem;

/// The layered topology of a scenario: one TopologyNodeItem per NodeSpec, rows by layer,
/// centred, with curved edges from parents to children. setScenario() rebuilds only when the
/// graph's shape changed; setFigures() updates the existing items in place.
class TopologyScene final : public QGraphicsScene {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)
public:
    explicit TopologyScene(QObject *parent = nullptr);

    /// Returns true when the items were rebuilt (the shape changed).
    bool setScenario(const model::Scenario &scenario);
    void setFigures(const TopologyFigures &figures);

    const TopologyGraph &graph() const { return m_graph; }
    TopologyNodeItem *node(const QString &key) const { return m_nodes.value(key); }
    QList<TopologyNodeItem *> nodes() const;
    QList<TopologyNodeItem *> nodes(NodeKind kind) const;
    /// The node whose path is `path` or its nearest ancestor (the most specific match); null if none.
    TopologyNodeItem *nodeForPath(const QString &path) const;
    /// How often the items were rebuilt (for tests: figure updates must not rebuild).
    int rebuildCount() const { return m_rebuilds; }

private:
    void rebuild();

    TopologyGraph m_graph;
    QHash<QString, TopologyNodeItem *> m_nodes;
    QGraphicsPathItem *m_edges = nullptr;
    QGraphicsPathItem *m_dashedEdges = nullptr;
    int m_rebuilds = 0;
};

} // namespace headroom::ui
