#pragma once

#include <QRectF>
#include <QWidget>

#include <utility>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

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

    /// Where a curve is drawn: `hours` of the window across `plot`, multipliers 0..`scale` up it.
    /// The editor and the demand chart's draw mode map the mouse through this.
    struct CurveGeometry {
        QRectF plot;
        double hours = 24;
        double scale = 2;
        static constexpr double grabRadius = 7; ///< pixels within which a control point is picked

        QPointF toPixel(double hour, double multiplier) const;
        /// The curve value under `pixel`: hours clamped to the window (to 1/1000 h), multipliers >= 0 (to 1/100).
        std::pair<double, double> toValue(QPointF pixel) const;
        /// The index of the point of `points` within grabRadius of `pixel`, or -1.
        int pointNear(const Points &points, QPointF pixel) const;
    };

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

    /// Clamps `points` to 0..`hours` (non-finite hours to 0) and multipliers to >= 0 (non-finite
    /// ones to 1), then sorts them by time (stable).
    static void normalizeCurve(Points &points, double hours);
    /// `curve` with a freehand `stroke` drawn over it: the stroke replaces the curve between its
    /// first and last hour. Both are normalized to 0..`hours`.
    static Points withStroke(const Points &curve, Points stroke, double hours);
    /// Moves control point `index` of `points` to `value`, its hours kept between its neighbours'
    /// (within 0..`hours`), so the curve stays sorted.
    static void moveControlPoint(Points &points, std::size_t index, std::pair<double, double> value, double hours);
    /// Saves `points` as the traffic scenario `name` of `document` (added with spec "baseline", or
    /// its points replaced) in one undo step. False with `error` set for a name that is not an
    /// identifier or fewer than two points. The console's curve editor and the demand chart's draw
    /// mode both save through this.
    static bool saveAsTrafficScenario(ScenarioDocument *document, const QString &name, const Points &points,
                                      QString *error = nullptr);

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
