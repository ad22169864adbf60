#include "ui/canvas/topologyscene.h"

#include "ui/canvas/topologynodeitem.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QPalette>
#include <QPen>

#include <algorithm>

namespace headroom::ui {

namespace {

constexpr qreal kColumnPitch = TopologyNodeItem::kWidth + 24;
constexpr qreal kRowPitch = TopologyNodeItem::kHeight + 64;

bool isPrefixPath(const QString &prefix, const QString &path)
{
    if (!path.startsWith(prefix))
        return false;
    return path.size() == prefix.size() || path.at(prefix.size()) == u'.' || path.at(prefix.size()) == u'[';
}

} // namespace

TopologyScene::TopologyScene(QObject *parent) : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::NoIndex); // a few dozen items that never move
}

bool TopologyScene::setScenario(const model::Scenario &scenario)
{
    TopologyGraph graph = topologyGraph(scenario);
    if (!m_nodes.isEmpty() && graph.sameShape(m_graph)) {
        for (const NodeSpec &spec : std::as_const(graph.nodes))
            m_nodes.value(spec.key)->setSpec(spec);
        m_graph = std::move(graph);
        return false;
    }
    m_graph = std::move(graph);
    rebuild();
    return true;
}

void TopologyScene::setFigures(const TopologyFigures &figures)
{
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const auto found = figures.nodes.constFind(it.key());
        if (found == figures.nodes.cend())
            it.value()->clearFigures();
        else
            it.value()->setFigures(*found);
    }
}

QList<TopologyNodeItem *> TopologyScene::nodes() const
{
    QList<TopologyNodeItem *> out;
    for (const NodeSpec &spec : m_graph.nodes)
        out.append(m_nodes.value(spec.key));
    return out;
}

QList<TopologyNodeItem *> TopologyScene::nodes(NodeKind kind) const
{
    QList<TopologyNodeItem *> out;
    for (const NodeSpec &spec : m_graph.nodes)
        if (spec.kind == kind)
            out.append(m_nodes.value(spec.key));
    return out;
}

TopologyNodeItem *TopologyScene::nodeForPath(const QString &path) const
{
    TopologyNodeItem *best = nullptr;
    for (const NodeSpec &spec : m_graph.nodes) {
        if (isPrefixPath(spec.path, path) && (!best || spec.path.size() > best->path().size()))
            best = m_nodes.value(spec.key);
    }
    return best;
}

void TopologyScene::rebuild()
{
    ++m_rebuilds;
    clear();
    m_nodes.clear();
    QList<QList<const NodeSpec *>> layers(kLayerCount);
    for (const NodeSpec &spec : std::as_const(m_graph.nodes))
        layers[layerOf(spec.kind)].append(&spec);
    qsizetype widest = 1;
    for (const auto &layer : std::as_const(layers))
        widest = std::max(widest, layer.size());
    qreal y = 0;
    for (const auto &layer : std::as_const(layers)) {
        if (layer.isEmpty())
            continue;
        qreal x = -(layer.size() - 1) * kColumnPitch / 2;
        for (const NodeSpec *spec : layer) {
            auto *item = new TopologyNodeItem(*spec);
            item->setPos(x, y);
            item->setZValue(1);
            addItem(item);
            m_nodes.insert(spec->key, item);
            x += kColumnPitch;
        }
        y += kRowPitch;
    }
    QPainterPath solid, dashed;
    for (const NodeSpec &spec : std::as_const(m_graph.nodes)) {
        const QPointF to = m_nodes.value(spec.key)->pos() - QPointF(0, TopologyNodeItem::kHeight / 2);
        for (const QString &parentKey : spec.parents) {
            const TopologyNodeItem *parent = m_nodes.value(parentKey);
            if (!parent)
                continue;
            const QPointF from = parent->pos() + QPointF(0, TopologyNodeItem::kHeight / 2);
            QPainterPath &path = spec.dashedEdges ? dashed : solid;
            const qreal bend = std::max<qreal>(30, (to.y() - from.y()) / 2);
            path.moveTo(from);
            path.cubicTo(from + QPointF(0, bend), to - QPointF(0, bend), to);
        }
    }
    // Cosmetic 1 px pens: the raster engine's fast line drawer instead of its general stroker.
    const QColor edgeColour = QApplication::palette().color(QPalette::Mid);
    QPen pen(edgeColour, 1.0);
    pen.setCosmetic(true);
    m_edges = addPath(solid, pen);
    pen.setStyle(Qt::DashLine);
    m_dashedEdges = addPath(dashed, pen);
    m_edges->setZValue(0);
    m_dashedEdges->setZValue(0);
    const qreal halfWidth = widest * kColumnPitch / 2 + 40;
    setSceneRect(-halfWidth, -TopologyNodeItem::kHeight, 2 * halfWidth, y + TopologyNodeItem::kHeight);
}

} // namespace headroom::ui
