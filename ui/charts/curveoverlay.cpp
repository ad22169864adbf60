#include "ui/charts/curveoverlay.h"

#include <QChart>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace headroom::charts {

namespace {

constexpr double kGrabRadius = ui::TrafficCurveEditor::CurveGeometry::grabRadius;
constexpr double kStrokeSpacing = 3; ///< pixels between recorded points of a stroke
const QColor kCurveColor(0x6a, 0x1b, 0x9a);

} // namespace

CurveOverlay::CurveOverlay(QChart *chart, double hours)
    : QGraphicsObject(chart), m_chart(chart), m_plot(chart->plotArea()), m_hours(hours > 0 ? hours : 24)
{
    setZValue(50); // above the series, below the hover crosshair
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Draw the demand multiplier over the simulation window: drag on empty space to draw "
                  "freehand, drag a point to move it, double-click a point to remove it. Esc leaves draw mode."));
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        prepareGeometryChange();
        m_plot = area;
    });
}

void CurveOverlay::setPoints(Points points)
{
    ui::TrafficCurveEditor::normalizeCurve(points, m_hours);
    m_points = std::move(points);
    m_scale = fittingScale();
    update();
}

QRectF CurveOverlay::plot() const
{
    return m_plot.isValid() ? m_plot : QRectF(0, 0, 1, 1);
}

double CurveOverlay::fittingScale() const
{
    // Room above the curve to draw a bigger peak; the scale grows after each stroke.
    double top = 4;
    for (const auto &p : m_points)
        top = std::max(top, p.second * 1.3);
    return std::ceil(top);
}

QPointF CurveOverlay::toChart(double hours, double multiplier) const
{
    return ui::TrafficCurveEditor::CurveGeometry{plot(), m_hours, m_scale}.toPixel(hours, multiplier);
}

std::pair<double, double> CurveOverlay::toValue(QPointF chartPos) const
{
    return ui::TrafficCurveEditor::CurveGeometry{plot(), m_hours, m_scale}.toValue(chartPos);
}

int CurveOverlay::pointNear(QPointF pos) const
{
    return ui::TrafficCurveEditor::CurveGeometry{plot(), m_hours, m_scale}.pointNear(m_points, pos);
}

QRectF CurveOverlay::boundingRect() const
{
    return plot().adjusted(-kGrabRadius, -kGrabRadius, kGrabRadius, kGrabRadius);
}

void CurveOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF r = plot();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(r, QColor(255, 255, 255, 110)); // the demand behind fades, the curve stands out
    // Multiplier labels at the right edge and the baseline 1x.
    painter->setPen(kCurveColor);
    const int step = m_scale > 8 ? int(std::ceil(m_scale / 4)) : 1;
    for (int m = 0; m <= int(m_scale); m += step) {
        const QPointF at = toChart(m_hours, m);
        painter->drawText(QRectF(at.x() - 44, at.y() - 14, 40, 14), Qt::AlignRight | Qt::AlignBottom,
                          QStringLiteral("%1×").arg(m));
    }
    painter->setPen(QPen(kCurveColor, 1, Qt::DashLine));
    painter->drawLine(toChart(0, 1), toChart(m_hours, 1));
    if (!m_points.empty()) {
        QPainterPath path(toChart(0, m_points.front().second));
        for (const auto &[h, m] : m_points)
            path.lineTo(toChart(h, m));
        path.lineTo(toChart(m_hours, m_points.back().second));
        painter->setPen(QPen(kCurveColor, 2.5));
        painter->drawPath(path);
        painter->setBrush(kCurveColor);
        painter->setPen(Qt::NoPen);
        for (std::size_t i = 0; i < m_points.size(); ++i) {
            const double radius = int(i) == m_dragged ? 5.0 : 3.5;
            painter->drawEllipse(toChart(m_points[i].first, m_points[i].second), radius, radius);
        }
    }
    if (!m_stroke.empty()) {
        QPainterPath path(toChart(m_stroke.front().first, m_stroke.front().second));
        for (const auto &[h, m] : m_stroke)
            path.lineTo(toChart(h, m));
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(kCurveColor.lighter(140), 2, Qt::DashLine));
        painter->drawPath(path);
    }
    painter->restore();
}

void CurveOverlay::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !plot().contains(event->pos())) {
        event->ignore();
        return;
    }
    event->accept();
    const int hit = pointNear(event->pos());
    m_stroke.clear();
    if (event->type() == QEvent::GraphicsSceneMouseDoubleClick) {
        // A double click removes the control point under it.
        m_dragged = -1;
        if (hit >= 0) {
            m_points.erase(m_points.begin() + hit);
            emit curveChanged();
        }
    } else {
        m_scale = fittingScale();
        m_dragged = hit;
        if (hit < 0)
            m_stroke.push_back(toValue(event->pos()));
    }
    update();
}

void CurveOverlay::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    const auto value = toValue(event->pos());
    if (m_dragged >= 0) {
        ui::TrafficCurveEditor::moveControlPoint(m_points, std::size_t(m_dragged), value, m_hours);
        emit curveChanged();
    } else if (!m_stroke.empty() && value.first > m_stroke.back().first &&
               std::abs(toChart(m_stroke.back().first, 0).x() - event->pos().x()) >= kStrokeSpacing) {
        m_stroke.push_back(value);
    }
    update();
}

void CurveOverlay::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const bool drawn = !m_stroke.empty();
    if (drawn)
        m_points = ui::TrafficCurveEditor::withStroke(m_points, std::exchange(m_stroke, {}), m_hours);
    m_dragged = -1;
    m_scale = fittingScale();
    update();
    if (drawn)
        emit curveChanged();
}

} // namespace headroom::charts
