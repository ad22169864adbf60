#include "ui/canvas/topologyscene.h"

#include "ui/canvas/topologynodeitem.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QPalette>
#include <QPen>
#include <QSet>

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

/// The edges into one node. Its bounds are the path's control points and a pixel around them (a
/// superset of the stroke of a cosmetic 1 px pen), instead of QGraphicsPathItem's outline of the
/// stroked path, which costs a path stroker run on every change.
class EdgesItem final : public QGraphicsPathItem {
public:
    explicit EdgesItem(const QPainterPath &path) : QGraphicsPathItem(path) {}
    QRectF boundingRect() const override
    {
        if (m_bounds.isNull())
            m_bounds = path().controlPointRect().adjusted(-1, -1, 1, 1);
        return m_bounds;
    }
    void setEdges(const QPainterPath &path)
    {
        setPath(path);       // marks the old bounds dirty and schedules the item's repaint
        m_bounds = QRectF(); // the new bounds, read when that repaint is resolved
    }

private:
    mutable QRectF m_bounds;
};

/// Hides the items whose keys left the graph and keeps them aside (up to a bound), so a node that
/// comes back (a shard count dragged back and forth) returns with its laid-out texts and cached
/// pixels instead of being made and painted anew.
template <typename Item>
void retire(QHash<QString, Item *> &live, QHash<QString, Item *> &spare, const QSet<QString> &keys)
{
    constexpr qsizetype kMaxSpare = 512;
    for (auto it = live.begin(); it != live.end();) {
        if (keys.contains(it.key())) {
            ++it;
            continue;
        }
        if (spare.size() >= kMaxSpare) {
            delete it.value(); // removes it from the scene
        } else {
            it.value()->setSelected(false);
            it.value()->hide();
            spare.insert(it.key(), it.value());
        }
        it = live.erase(it);
    }
}

/// The retired item of `key`, shown again, or null.
template <typename Item>
Item *revive(QHash<QString, Item *> &spare, const QString &key)
{
    Item *item = spare.take(key);
    if (item)
        item->show();
    return item;
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
    reconcile();
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

void TopologyScene::reconcile()
{
    ++m_rebuilds;
    const bool hadItems = !m_nodes.isEmpty();
    QSet<QString> keys;
    for (const NodeSpec &spec : std::as_const(m_graph.nodes))
        keys.insert(spec.key);
    retire(m_nodes, m_spareNodes, keys);
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
            TopologyNodeItem *item = m_nodes.value(spec->key);
            if (!item)
                item = revive(m_spareNodes, spec->key);
            if (item && item->kind() != spec->kind) {
                delete item;
                item = nullptr;
            }
            if (item) {
                item->setSpec(*spec);
            } else {
                item = new TopologyNodeItem(*spec);
                item->setZValue(1);
                addItem(item);
            }
            m_nodes.insert(spec->key, item);
            item->setPos(x, y); // a no-op for a node that stays in place
            x += kColumnPitch;
        }
        y += kRowPitch;
    }
    updateEdges();
    updateSceneRect(widest, y, hadItems);
}

void TopologyScene::updateEdges()
{
    // Cosmetic 1 px pens: the raster engine's fast line drawer instead of its general stroker.
    QPen pen(QApplication::palette().color(QPalette::Mid), 1.0);
    pen.setCosmetic(true);
    QPen dashedPen = pen;
    dashedPen.setStyle(Qt::DashLine);
    QSet<QString> keys;
    for (const NodeSpec &spec : std::as_const(m_graph.nodes)) {
        const QPointF to = m_nodes.value(spec.key)->pos() - QPointF(0, TopologyNodeItem::kHeight / 2);
        QPainterPath path;
        for (const QString &parentKey : spec.parents) {
            const TopologyNodeItem *parent = m_nodes.value(parentKey);
            if (!parent)
                continue;
            const QPointF from = parent->pos() + QPointF(0, TopologyNodeItem::kHeight / 2);
            const qreal bend = std::max<qreal>(30, (to.y() - from.y()) / 2);
            path.moveTo(from);
            path.cubicTo(from + QPointF(0, bend), to - QPointF(0, bend), to);
        }
        if (path.isEmpty())
            continue;
        keys.insert(spec.key);
        QGraphicsPathItem *&item = m_edges[spec.key];
        if (!item)
            item = revive(m_spareEdges, spec.key);
        if (!item) {
            item = new EdgesItem(path);
            item->setZValue(0);
            addItem(item);
        } else if (item->path() != path) {
            static_cast<EdgesItem *>(item)->setEdges(path);
        }
        const QPen &wanted = spec.dashedEdges ? dashedPen : pen;
        if (item->pen() != wanted)
            item->setPen(wanted);
    }
    retire(m_edges, m_spareEdges, keys);
}

void TopologyScene::updateSceneRect(qsizetype widest, qreal height, bool hadItems)
{
    const qreal halfWidth = widest * kColumnPitch / 2 + 40;
    const QRectF needed(-halfWidth, -TopologyNodeItem::kHeight, 2 * halfWidth, height + TopologyNodeItem::kHeight);
    const QRectF current = sceneRect();
    // Keep the frame while the content fills at least half of it: dragging a structure lever
    // (Redis shards) back and forth does not rescale the view, and so does not repaint it all.
    const bool keep = hadItems && current.contains(needed) && needed.width() * 2 >= current.width() &&
                      needed.height() * 2 >= current.height();
    if (!keep && current != needed)
        setSceneRect(needed);
}

} // namespace headroom::ui
