#pragma once

#include "ui/canvas/clustermap.h"

#include <QGraphicsScene>

namespace headroom::ui {

class ClusterNodeItem;

/// The cluster view: regions side by side, zones stacked inside them, nodes in a grid inside
/// each zone. One ClusterNodeItem per node carries all its pods; regions and zones are framed
/// and labelled with their node and pod counts.
class ClusterScene final : public QGraphicsScene {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterScene)
public:
    explicit ClusterScene(QObject *parent = nullptr);

    void setMap(const ClusterMap &map);
    const ClusterMap &map() const { return m_map; }
    const QList<ClusterNodeItem *> &nodeItems() const { return m_nodeItems; }

private:
    ClusterMap m_map;
    QList<ClusterNodeItem *> m_nodeItems;
};

} // namespace headroom::ui
