#include "ui/panels/trafficcurveeditor.h"

#include "ui/commands/replacescenariocommand.h"
#include "ui/document/scenariodocument.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace headroom::ui {

namespace {

constexpr double minStrokeSpacing = 4; ///< pixels between recorded points of a stroke

} // namespace

TrafficCurveEditor::TrafficCurveEditor(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Draw the demand multiplier over the simulation window: drag on empty space to draw "
                  "freehand, drag a point to move it, double-click a point to remove it."));
}

void TrafficCurveEditor::setDurationHours(double hours)
{
    m_hours = hours > 0 ? hours : 24;
    normalize(m_points);
    update();
}

void TrafficCurveEditor::setPoints(Points points)
{
    normalize(points);
    m_points = std::move(points);
    m_scaleMax = maxMultiplier();
    update();
}

void TrafficCurveEditor::drawStroke(const Points &stroke)
{
    if (stroke.empty())
        return;
    m_points = withStroke(m_points, stroke, m_hours);
    update();
    emit curveChanged();
}

TrafficCurveEditor::Points TrafficCurveEditor::withStroke(const Points &curve, Points stroke, double hours)
{
    normalizeCurve(stroke, hours);
    if (stroke.empty())
        return curve;
    const double from = stroke.front().first, to = stroke.back().first;
    Points merged;
    for (const auto &p : curve) {
        if (p.first < from || p.first > to)
            merged.push_back(p);
    }
    merged.insert(merged.end(), stroke.begin(), stroke.end());
    normalizeCurve(merged, hours);
    return merged;
}

void TrafficCurveEditor::moveControlPoint(Points &points, std::size_t index, std::pair<double, double> value,
                                          double hours)
{
    if (index >= points.size())
        return;
    const double lo = index > 0 ? points[index - 1].first : 0.0;
    const double hi = index + 1 < points.size() ? points[index + 1].first : hours;
    points[index] = {std::clamp(value.first, lo, std::max(lo, hi)), std::max(value.second, 0.0)};
}

bool TrafficCurveEditor::saveAsTrafficScenario(ScenarioDocument *document, const QString &name, const Points &points,
                                               QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z][A-Za-z0-9_.-]*$"));
    if (!valid.match(name).hasMatch())
        return fail(tr("Give the curve a name of letters, digits, '-', '_' or '.', starting with a letter."));
    if (points.size() < 2)
        return fail(tr("Draw at least two points."));
    model::Scenario s = document->scenario();
    QList<QList<double>> values;
    for (const auto &[hours, multiplier] : points)
        values.append({hours, multiplier});
    auto it = std::find_if(s.spec.traffic.begin(), s.spec.traffic.end(),
                           [&name](const model::TrafficScenario &t) { return t.name == name; });
    const bool added = it == s.spec.traffic.end();
    if (added) {
        model::TrafficScenario t;
        t.name = name;
        t.description = tr("Drawn traffic curve");
        t.spec = QStringLiteral("baseline");
        t.points = values;
        s.spec.traffic.append(t);
    } else {
        it->points = values;
    }
    document->undoStack()->push(new ReplaceScenarioCommand(
        document, std::move(s), added ? tr("Add traffic scenario %1").arg(name) : tr("Redraw traffic scenario %1").arg(name)));
    return true;
}

QSize TrafficCurveEditor::sizeHint() const
{
    return {360, 180};
}

QSize TrafficCurveEditor::minimumSizeHint() const
{
    return {160, 90};
}

void TrafficCurveEditor::normalize(Points &points) const
{
    normalizeCurve(points, m_hours);
}

void TrafficCurveEditor::normalizeCurve(Points &points, double hours)
{
    for (auto &p : points) {
        p.first = std::isfinite(p.first) ? std::clamp(p.first, 0.0, hours) : 0.0;
        p.second = std::isfinite(p.second) ? std::max(p.second, 0.0) : 1.0;
    }
    std::stable_sort(points.begin(), points.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
}

QRectF TrafficCurveEditor::plotRect() const
{
    const QFontMetrics fm(font());
    const double left = fm.horizontalAdvance(QStringLiteral("10.0x")) + 8;
    const double bottom = fm.height() + 6;
    return QRectF(left, 6, std::max(10.0, width() - left - 8), std::max(10.0, height() - bottom - 6));
}

double TrafficCurveEditor::maxMultiplier() const
{
    double top = 2;
    for (const auto &p : m_points)
        top = std::max(top, p.second * 1.15);
    return std::ceil(top);
}

QPointF TrafficCurveEditor::CurveGeometry::toPixel(double hour, double multiplier) const
{
    return {plot.left() + plot.width() * hour / hours, plot.bottom() - plot.height() * multiplier / scale};
}

std::pair<double, double> TrafficCurveEditor::CurveGeometry::toValue(QPointF pixel) const
{
    const double hour = std::clamp((pixel.x() - plot.left()) / plot.width() * hours, 0.0, hours);
    const double multiplier = std::max(0.0, (plot.bottom() - pixel.y()) / plot.height() * scale);
    return {std::round(hour * 1000) / 1000, std::round(multiplier * 100) / 100};
}

int TrafficCurveEditor::CurveGeometry::pointNear(const Points &points, QPointF pixel) const
{
    for (std::size_t i = 0; i < points.size(); ++i) {
        const QPointF d = toPixel(points[i].first, points[i].second) - pixel;
        if (std::hypot(d.x(), d.y()) <= grabRadius)
            return int(i);
    }
    return -1;
}

QPointF TrafficCurveEditor::toPixel(const std::pair<double, double> &p) const
{
    return CurveGeometry{plotRect(), m_hours, m_scaleMax}.toPixel(p.first, p.second);
}

std::pair<double, double> TrafficCurveEditor::toValue(QPointF pixel) const
{
    return CurveGeometry{plotRect(), m_hours, m_scaleMax}.toValue(pixel);
}

int TrafficCurveEditor::pointNear(QPointF pixel) const
{
    return CurveGeometry{plotRect(), m_hours, m_scaleMax}.pointNear(m_points, pixel);
}

void TrafficCurveEditor::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r = plotRect();
    const QPalette pal = palette();
    painter.fillRect(r, pal.base());
    painter.setPen(QPen(pal.mid().color(), 1, Qt::DotLine));
    const double yMax = m_scaleMax;
    const int yTicks = 4;
    for (int i = 0; i <= yTicks; ++i) {
        const double v = yMax * i / yTicks;
        const double y = r.bottom() - r.height() * i / yTicks;
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        painter.setPen(pal.text().color());
        painter.drawText(QRectF(0, y - 8, r.left() - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%1x").arg(v, 0, 'f', 1));
        painter.setPen(QPen(pal.mid().color(), 1, Qt::DotLine));
    }
    const int xTicks = 6;
    for (int i = 0; i <= xTicks; ++i) {
        const double x = r.left() + r.width() * i / xTicks;
        painter.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        painter.setPen(pal.text().color());
        painter.drawText(QRectF(x - 30, r.bottom() + 2, 60, 16), Qt::AlignHCenter | Qt::AlignTop,
                         tr("%1 h").arg(m_hours * i / xTicks, 0, 'f', 1));
        painter.setPen(QPen(pal.mid().color(), 1, Qt::DotLine));
    }
    // the baseline, multiplier 1
    painter.setPen(QPen(pal.mid().color(), 1, Qt::DashLine));
    painter.drawLine(toPixel({0, 1}), toPixel({m_hours, 1}));

    if (!m_points.empty()) {
        QPainterPath path(toPixel({0, m_points.front().second}));
        for (const auto &p : m_points)
            path.lineTo(toPixel(p));
        path.lineTo(toPixel({m_hours, m_points.back().second}));
        painter.setPen(QPen(pal.highlight().color(), 2));
        painter.drawPath(path);
        painter.setBrush(pal.highlight());
        for (std::size_t i = 0; i < m_points.size(); ++i)
            painter.drawEllipse(toPixel(m_points[i]), int(i) == m_dragged ? 5.0 : 3.5, int(i) == m_dragged ? 5.0 : 3.5);
    }
    if (!m_stroke.empty()) {
        QPainterPath path(toPixel(m_stroke.front()));
        for (const auto &p : m_stroke)
            path.lineTo(toPixel(p));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(pal.link().color(), 2, Qt::DashLine));
        painter.drawPath(path);
    }
    painter.setPen(pal.text().color());
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(r);
}

void TrafficCurveEditor::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_scaleMax = maxMultiplier();
    m_dragged = pointNear(event->position());
    if (m_dragged < 0)
        m_stroke = {toValue(event->position())};
    update();
}

void TrafficCurveEditor::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const auto value = toValue(event->position());
    if (m_dragged >= 0) {
        moveControlPoint(m_points, std::size_t(m_dragged), value, m_hours);
        update();
        emit curveChanged();
        return;
    }
    if (!m_stroke.empty()) {
        const QPointF d = toPixel(m_stroke.back()) - event->position();
        if (std::abs(d.x()) >= minStrokeSpacing && value.first > m_stroke.back().first)
            m_stroke.push_back(value);
        update();
    }
}

void TrafficCurveEditor::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragged = -1;
    if (m_stroke.size() >= 2) {
        const Points stroke = std::exchange(m_stroke, {});
        drawStroke(stroke);
    } else if (m_stroke.size() == 1) {
        drawStroke(std::exchange(m_stroke, {})); // a click adds one point
    }
    m_scaleMax = maxMultiplier();
    update();
}

void TrafficCurveEditor::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int hit = pointNear(event->position());
    if (hit < 0)
        return;
    m_points.erase(m_points.begin() + hit);
    m_stroke.clear();
    update();
    emit curveChanged();
}

} // namespace headroom::ui
