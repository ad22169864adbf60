#pragma once

#include <QWidget>

#include <utility>
#include <vector>

namespace headroom::ui {

/// Draws a traffic scenario: a demand multiplier curve over the simulation window, as the
/// `points` of a traffic scenario ([hours, multiplier], linear between points). Dragging on empty
/// space draws freehand (the stroke replaces the curve over the hours it covers); dragging near a
/// point moves that control point; a double click removes one. Multipliers are >= 0, hours lie in
/// 0..duration and stay sorted.
class TrafficCurveEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficCurveEditor)
public:
    using Points = std::vector<std::pair<double, double>>;

    explicit TrafficCurveEditor(QWidget *parent = nullptr);

    /// The simulation window the curve spans, hours (> 0).
    void setDurationHours(double hours);
    double durationHours() const { return m_hours; }
    /// Replaces the curve; points are clamped to the window and sorted by time.
    void setPoints(Points points);
    const Points &points() const { return m_points; }
    /// Appends a freehand stroke as if drawn with the mouse: replaces the curve between the
    /// stroke's first and last hour.
    void drawStroke(const Points &stroke);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The curve changed by the user (drawn, dragged, removed, cleared).
    void curveChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QRectF plotRect() const;
    double maxMultiplier() const;
    QPointF toPixel(const std::pair<double, double> &p) const;
    std::pair<double, double> toValue(QPointF pixel) const;
    int pointNear(QPointF pixel) const;
    void normalize(Points &points) const;

    Points m_points;
    Points m_stroke;     ///< the freehand stroke being drawn
    double m_hours = 24;
    double m_scaleMax = 2; ///< y range while dragging, frozen so the curve does not jump
    int m_dragged = -1;
};

} // namespace headroom::ui
