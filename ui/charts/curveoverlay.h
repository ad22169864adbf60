#pragma once

#include "ui/panels/trafficcurveeditor.h"

#include <QGraphicsObject>

class QChart;

namespace headroom::charts {

/// The draw mode of the demand chart: a demand multiplier curve over the simulation window, drawn
/// on top of a chart whose x axis shows that window. A child item of the chart, covering its plot
/// area: hours 0..durationHours() run from the plot's left to right edge, multipliers 0..scale
/// from bottom to top (labelled at the right edge, the baseline 1x dashed). Dragging on empty
/// space draws freehand (the stroke replaces the curve over the hours it covers), dragging near a
/// control point moves it between its neighbours, a double click removes one (QGraphicsItem sends
/// double clicks to mousePressEvent). The curve is the
/// `points` of a traffic scenario ([hours, multiplier], linear between points).
class CurveOverlay final : public QGraphicsObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurveOverlay)
public:
    using Points = ui::TrafficCurveEditor::Points;

    /// Covers `chart`'s plot area and follows it; `hours` > 0 is the simulation window.
    CurveOverlay(QChart *chart, double hours);

    double durationHours() const { return m_hours; }
    /// Replaces the curve (clamped to the window and sorted).
    void setPoints(Points points);
    const Points &points() const { return m_points; }

    /// The chart coordinates of (hours, multiplier) and back (clamped to the window, rounded to
    /// 0.001 h and 0.01x).
    QPointF toChart(double hours, double multiplier) const;
    std::pair<double, double> toValue(QPointF chartPos) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    /// The curve changed by the user (drawn, dragged or a point removed).
    void curveChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QRectF plot() const;
    double fittingScale() const;
    int pointNear(QPointF pos) const;

    QChart *m_chart;
    QRectF m_plot;
    Points m_points;
    Points m_stroke; ///< the freehand stroke being drawn
    double m_hours;
    double m_scale = 2; ///< the top multiplier, frozen while dragging so the curve does not jump
    int m_dragged = -1;
};

} // namespace headroom::charts
