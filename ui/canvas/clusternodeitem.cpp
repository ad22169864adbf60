#include "ui/canvas/clusternodeitem.h"

#include "ui/canvas/utilizationscale.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::ui {

namespace {

struct NodeText {
    Q_DECLARE_TR_FUNCTIONS(ClusterNodeItem)
};

constexpr qreal kDotPitch = 9;
constexpr qreal kDot = 7;

} // namespace

ClusterNodeItem::ClusterNodeItem(const ClusterMapNode &node, std::vector<Pod> pods)
    : m_node(node), m_pods(std::move(pods))
{
    setCacheMode(DeviceCoordinateCache);
    setFlag(ItemIsSelectable);
    const double cpuShare =
        m_node.cpuAllocatableMillicores > 0 ? m_node.cpuRequestedMillicores / m_node.cpuAllocatableMillicores : 0;
    setToolTip(NodeText::tr("<b>%1</b><br>%2, %3 %4<br>%5 pods of %6 allocatable<br>CPU requested: %7 of allocatable<br>"
                  "<i>Source: the imported cluster snapshot (nodes and pods lists).</i>")
                   .arg(m_node.name.toHtmlEscaped(), m_node.instanceType.toHtmlEscaped(), m_node.region.toHtmlEscaped(),
                        m_node.zone.toHtmlEscaped())
                   .arg(m_pods.size())
                   .arg(m_node.podsAllocatable)
                   .arg(UtilizationScale::percentText(cpuShare)));
}

QRectF ClusterNodeItem::boundingRect() const
{
    return {0, 0, kWidth, kHeight};
}

ClusterNodeItem::Detail ClusterNodeItem::detailFor(qreal levelOfDetail)
{
    if (levelOfDetail < kDotsFrom)
        return Detail::Counts;
    return levelOfDetail < kLabelsFrom ? Detail::Dots : Detail::Labels;
}

QColor ClusterNodeItem::workloadColour(int workload)
{
    const double hue = std::fmod(workload * 0.618033988749895, 1.0);
    return QColor::fromHsvF(float(hue), 0.55f, 0.85f);
}

void ClusterNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    m_lastDetail = detailFor(lod);
    const QRectF card = boundingRect().adjusted(1, 1, -1, -1);
    const double podShare = m_node.podsAllocatable > 0 ? double(m_pods.size()) / m_node.podsAllocatable : 0;
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(QPen(selected ? QApplication::palette().color(QPalette::Highlight)
                                  : (m_node.ready ? QColor(0x9a, 0xa0, 0xa6) : QColor(0xd1, 0x3b, 0x2e)),
                         selected ? 3 : 1));
    painter->setBrush(QColor(0xf7, 0xf8, 0xfa));
    painter->drawRect(card);
    // fill bar: pods placed of allocatable, coloured on the utilization scale
    painter->fillRect(QRectF(card.left(), card.bottom() - 6, card.width() * std::min(1.0, podShare), 6),
                      UtilizationScale::colour(podShare));
    switch (m_lastDetail) {
    case Detail::Counts: paintCounts(painter, card); break;
    case Detail::Dots: paintDots(painter, card.adjusted(6, 6, -6, -10)); break;
    case Detail::Labels:
        paintDots(painter, card.adjusted(6, 30, -6, -10));
        paintLabels(painter, card);
        break;
    }
}

void ClusterNodeItem::paintCounts(QPainter *painter, const QRectF &card) const
{
    QFont font = QApplication::font();
    font.setPixelSize(44);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x30, 0x33, 0x38));
    painter->drawText(card.adjusted(0, 0, 0, -8), Qt::AlignCenter, QString::number(m_pods.size()));
}

void ClusterNodeItem::paintDots(QPainter *painter, const QRectF &area) const
{
    const int columns = std::max(1, int(area.width() / kDotPitch));
    const int rows = std::max(1, int(area.height() / kDotPitch));
    painter->setRenderHint(QPainter::Antialiasing, false);
    const size_t shown = std::min(m_pods.size(), size_t(columns * rows));
    for (size_t i = 0; i < shown; ++i) {
        const QRectF dot(area.left() + qreal(i % size_t(columns)) * kDotPitch,
                         area.top() + qreal(i / size_t(columns)) * kDotPitch, kDot, kDot);
        const Pod &pod = m_pods[i];
        const QColor colour = workloadColour(pod.workload);
        switch (pod.phase) {
        case PodPhase::Running: painter->fillRect(dot, colour); break;
        case PodPhase::Pending:
            painter->setPen(QPen(QColor(0xe0, 0xa1, 0x00), 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(dot.adjusted(0.5, 0.5, -0.5, -0.5));
            break;
        case PodPhase::Failed: painter->fillRect(dot, QColor(0xd1, 0x3b, 0x2e)); break;
        case PodPhase::Succeeded:
        case PodPhase::Unknown: painter->fillRect(dot, QColor(0xb0, 0xb4, 0xba)); break;
        }
    }
    if (shown < m_pods.size()) {
        painter->setPen(QColor(0x30, 0x33, 0x38));
        painter->drawText(area, Qt::AlignRight | Qt::AlignBottom, u"+%1"_s.arg(m_pods.size() - shown));
    }
}

void ClusterNodeItem::paintLabels(QPainter *painter, const QRectF &card) const
{
    QFont font = QApplication::font();
    font.setPixelSize(10);
    painter->setFont(font);
    painter->setPen(QColor(0x30, 0x33, 0x38));
    const QRectF first(card.left() + 5, card.top() + 3, card.width() - 10, 12);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_node.name, Qt::ElideMiddle, int(first.width())));
    const QString second = NodeText::tr("%1 · %2/%3 pods · %4 m CPU")
                               .arg(m_node.instanceType)
                               .arg(m_pods.size())
                               .arg(m_node.podsAllocatable)
                               .arg(QLocale().toString(m_node.cpuRequestedMillicores, 'f', 0));
    painter->drawText(first.translated(0, 12), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(second, Qt::ElideRight, int(first.width())));
}

} // namespace headroom::ui
