#pragma once

#include "ui/canvas/clustermap.h"

#include <QGraphicsItem>

#include <cstdint>
#include <vector>

namespace headroom::ui {

/// One Kubernetes node of the cluster view with all its pods drawn inside it (no item per pod).
/// Level of detail from the view's scale: far = the pod count and a fill bar, near = one dot per
/// pod coloured by workload (hollow Pending, red Failed), nearer = dots plus the node's name,
/// instance type and requests. Device-coordinate cached: panning only blits.
class ClusterNodeItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    enum class Detail { Counts, Dots, Labels };
    static constexpr qreal kWidth = 150;
    static constexpr qreal kHeight = 112;
    /// Scale thresholds (QStyleOptionGraphicsItem::levelOfDetailFromTransform).
    static constexpr qreal kDotsFrom = 0.45;
    static constexpr qreal kLabelsFrom = 1.6;

    struct Pod {
        std::int32_t workload = 0;
        PodPhase phase = PodPhase::Running;
    };

    ClusterNodeItem(const ClusterMapNode &node, std::vector<Pod> pods);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static Detail detailFor(qreal levelOfDetail);
    /// The detail of the last paint (for tests).
    Detail lastDetail() const { return m_lastDetail; }
    int podCount() const { return int(m_pods.size()); }
    const QString &name() const { return m_node.name; }
    /// The colour of a workload's dots: evenly spread hues (golden ratio).
    static QColor workloadColour(int workload);

private:
    void paintCounts(QPainter *painter, const QRectF &card) const;
    void paintDots(QPainter *painter, const QRectF &area) const;
    void paintLabels(QPainter *painter, const QRectF &card) const;

    ClusterMapNode m_node;
    std::vector<Pod> m_pods;
    Detail m_lastDetail = Detail::Counts;
};

} // namespace headroom::ui
