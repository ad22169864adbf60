#pragma once

#include "ui/canvas/topologyfigures.h"
#include "ui/canvas/topologygraph.h"

#include <QGraphicsScene>
#include <QHash>

class QGraphicsPathItem;

namespace headroom::ui {

class TopologyNodeItem;

/// The layered topology of a scenario: one TopologyNodeItem per NodeSpec, rows by layer,
/// centred, with curved edges from parents to children (one path item per child node).
/// setScenario() keeps the items of the nodes that stay (by key) and only adds, removes and moves
/// what a structure change touches; setFigures() updates the existing items in place. Items
/// whose content did not change are not repainted.
class TopologyScene final : public QGraphicsScene {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)
public:
    explicit TopologyScene(QObject *parent = nullptr);

    /// Returns true when the structure changed (nodes added or removed, edges or rows moved).
    /// The scene rect grows with the content, and shrinks only when the content needs less than
    /// half of it, so a structure change back and forth keeps the view's frame.
    bool setScenario(const model::Scenario &scenario);
    void setFigures(const TopologyFigures &figures);

    const TopologyGraph &graph() const { return m_graph; }
    TopologyNodeItem *node(const QString &key) const { return m_nodes.value(key); }
    QList<TopologyNodeItem *> nodes() const;
    QList<TopologyNodeItem *> nodes(NodeKind kind) const;
    /// The node whose path is `path` or its nearest ancestor (the most specific match); null if none.
    TopologyNodeItem *nodeForPath(const QString &path) const;
    /// The path item of the edges into the node `key` (null when it has no parent).
    QGraphicsPathItem *edgesInto(const QString &key) const { return m_edges.value(key); }
    /// How often the structure changed (for tests: figure updates must not change it).
    int rebuildCount() const { return m_rebuilds; }

private:
    /// Brings the items in line with m_graph: keeps the nodes that stay, adds and removes the
    /// others, moves each to its row and column, and redraws only the edges that changed.
    void reconcile();
    void updateEdges();
    void updateSceneRect(qsizetype widest, qreal height, bool hadItems);

    TopologyGraph m_graph;
    QHash<QString, TopologyNodeItem *> m_nodes;
    QHash<QString, QGraphicsPathItem *> m_edges; ///< by the key of the node the edges lead into
    /// Hidden items of nodes (and their edges) that left the graph, by key, for when they return.
    QHash<QString, TopologyNodeItem *> m_spareNodes;
    QHash<QString, QGraphicsPathItem *> m_spareEdges;
    int m_rebuilds = 0;
};

} // namespace headroom::ui
