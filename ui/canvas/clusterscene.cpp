#include "ui/canvas/clusterscene.h"

#include "ui/canvas/clusternodeitem.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QMap>
#include <QPen>

#include <cmath>

namespace headroom::ui {

namespace {

struct SceneText {
    Q_DECLARE_TR_FUNCTIONS(ClusterScene)
};

constexpr qreal kGap = 8;
constexpr qreal kFrame = 16;
constexpr int kColumns = 8;

QGraphicsSimpleTextItem *addLabel(QGraphicsScene *scene, const QString &text, QPointF at, int pixelSize)
{
    auto *label = scene->addSimpleText(text);
    QFont font = label->font();
    font.setPixelSize(pixelSize);
    font.setBold(true);
    label->setFont(font);
    label->setPos(at);
    return label;
}

} // namespace

ClusterScene::ClusterScene(QObject *parent) : QGraphicsScene(parent) {}

void ClusterScene::setMap(const ClusterMap &map)
{
    clear();
    m_nodeItems.clear();
    m_map = map;
    const auto podsByNode = m_map.podsByNode();
    // region -> zone -> node indexes, sorted by name for a stable picture
    QMap<QString, QMap<QString, QList<int>>> groups;
    for (qsizetype i = 0; i < m_map.nodes.size(); ++i)
        groups[m_map.nodes[i].region][m_map.nodes[i].zone].append(int(i));
    const qreal cellW = ClusterNodeItem::kWidth + kGap, cellH = ClusterNodeItem::kHeight + kGap;
    qreal x = 0;
    for (auto region = groups.cbegin(); region != groups.cend(); ++region) {
        qreal y = 70;
        int regionNodes = 0, regionPods = 0;
        for (auto zone = region->cbegin(); zone != region->cend(); ++zone) {
            const QList<int> &nodes = *zone;
            const int rows = int(std::ceil(nodes.size() / double(kColumns)));
            const QRectF frame(x + kFrame, y, kColumns * cellW + kFrame, rows * cellH + 40);
            auto *zoneFrame = addRect(frame, QPen(QColor(0xb0, 0xb4, 0xba), 1, Qt::DashLine));
            zoneFrame->setZValue(-1);
            int zonePods = 0;
            for (qsizetype n = 0; n < nodes.size(); ++n) {
                std::vector<ClusterNodeItem::Pod> pods;
                for (std::int32_t p : podsByNode[size_t(nodes[n])])
                    pods.push_back({m_map.pods[size_t(p)].workload, m_map.pods[size_t(p)].phase});
                zonePods += int(pods.size());
                auto *item = new ClusterNodeItem(m_map.nodes[nodes[n]], std::move(pods));
                item->setPos(frame.left() + kFrame / 2 + qreal(n % kColumns) * cellW,
                             frame.top() + 32 + qreal(n / kColumns) * cellH);
                addItem(item);
                m_nodeItems.append(item);
            }
            addLabel(this,
                     SceneText::tr("%1 — %n node(s)", nullptr, int(nodes.size()))
                         .arg(zone.key().isEmpty() ? SceneText::tr("no zone") : zone.key())
                         .append(SceneText::tr(", %n pod(s)", nullptr, zonePods)),
                     frame.topLeft() + QPointF(8, 6), 18);
            regionNodes += int(nodes.size());
            regionPods += zonePods;
            y = frame.bottom() + 24;
        }
        const QRectF regionFrame(x, 0, kColumns * cellW + 3 * kFrame, y);
        addRect(regionFrame, QPen(QColor(0x70, 0x75, 0x7d), 2))->setZValue(-2);
        addLabel(this,
                 SceneText::tr("%1 — %n node(s)", nullptr, regionNodes)
                     .arg(region.key().isEmpty() ? SceneText::tr("no region") : region.key())
                     .append(SceneText::tr(", %n pod(s)", nullptr, regionPods)),
                 {x + 12, 16}, 30);
        x += regionFrame.width() + 60;
    }
    const int unscheduled = m_map.unscheduledPods();
    if (unscheduled > 0)
        addLabel(this, SceneText::tr("%n pod(s) not scheduled on any node", nullptr, unscheduled), {0, -50}, 30);
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
}

} // namespace headroom::ui
