#include "ui/charts/serieslayer.h"

#include <QAbstractSeries>
#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPainter>
#include <QImage>
#include <QPaintEngine>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cstring>

namespace headroom::charts {

namespace {

/// Above Qt Charts' own (empty) series items and the grid, below the legend.
constexpr qreal kLayerZ = 4.5;

struct Range {
    double min = 0, max = 1;
};

Range rangeOf(const QAbstractAxis *axis)
{
    if (const auto *v = qobject_cast<const QValueAxis *>(axis))
        return {v->min(), v->max()};
    if (const auto *t = qobject_cast<const QDateTimeAxis *>(axis))
        return {double(t->min().toMSecsSinceEpoch()), double(t->max().toMSecsSinceEpoch())};
    return {};
}

/// Value -> scene coordinate on the plot rectangle.
struct Mapping {
    double x0 = 0, sx = 0, y0 = 0, sy = 0;
    Mapping(const QRectF &plot, Range x, Range y)
    {
        sx = x.max > x.min ? plot.width() / (x.max - x.min) : 0;
        sy = y.max > y.min ? plot.height() / (y.max - y.min) : 0;
        x0 = plot.left() - x.min * sx;
        y0 = plot.bottom() + y.min * sy;
    }
    QPointF operator()(const QPointF &p) const { return {x0 + p.x() * sx, y0 - p.y() * sy}; }
};

bool samePoints(const QList<QPointF> &a, const QList<QPointF> &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const QPointF &p, const QPointF &q) {
               return p.x() == q.x() && p.y() == q.y();
           });
}

} // namespace

bool operator==(const SeriesLayer::Entry &a, const SeriesLayer::Entry &b)
{
    return a.area == b.area && a.x == b.x && a.y == b.y && a.pen == b.pen && a.brush == b.brush &&
           samePoints(a.upper, b.upper) && samePoints(a.lower, b.lower);
}

SeriesLayer::SeriesLayer(QChart *chart) : QGraphicsObject(chart), m_chart(chart), m_plot(chart->plotArea())
{
    setObjectName(QStringLiteral("seriesLayer"));
    setZValue(kLayerZ);
    connect(chart, &QChart::plotAreaChanged, this, &SeriesLayer::setPlotArea);
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *v = qobject_cast<QValueAxis *>(axis))
            connect(v, &QValueAxis::rangeChanged, this, [this] { update(); });
        else if (auto *t = qobject_cast<QDateTimeAxis *>(axis))
            connect(t, &QDateTimeAxis::rangeChanged, this, [this] { update(); });
    }
}

SeriesLayer::~SeriesLayer() = default;

SeriesLayer *SeriesLayer::of(const QChart &chart)
{
    for (QGraphicsItem *item : chart.childItems())
        if (auto *layer = qobject_cast<SeriesLayer *>(item->toGraphicsObject()))
            return layer;
    return nullptr;
}

bool SeriesLayer::setData(std::vector<Entry> entries, std::vector<Shade> shades)
{
    if (entries == m_entries && shades == m_shades)
        return false;
    m_entries = std::move(entries);
    m_shades = std::move(shades);
    update();
    return true;
}

const SeriesLayer::Entry *SeriesLayer::entry(const QAbstractSeries *series) const
{
    const qsizetype i = m_chart->series().indexOf(const_cast<QAbstractSeries *>(series));
    return i >= 0 && std::size_t(i) < m_entries.size() ? &m_entries[std::size_t(i)] : nullptr;
}

void SeriesLayer::setPlotArea(const QRectF &plot)
{
    if (plot == m_plot)
        return;
    prepareGeometryChange();
    m_plot = plot;
}

void SeriesLayer::drawLine(QPainter *painter, bool raster, const QPen &pen) const
{
    const double width = pen.widthF();
    if (!raster || width <= 1.0 || !pen.isCosmetic()) {
        painter->setPen(pen);
        painter->drawPolyline(m_buffer);
        return;
    }
    // A wider cosmetic pen goes through Qt's general stroker (joins, then an antialiased polygon
    // fill), many times slower than its 1 px line drawer: two 1 px passes, (width - 1) apart,
    // look the same on a raster device.
    QPen thin = pen;
    thin.setWidthF(1.0);
    painter->setPen(thin);
    const double half = (width - 1.0) / 2;
    painter->translate(0, -half);
    painter->drawPolyline(m_buffer);
    painter->translate(0, 2 * half);
    painter->drawPolyline(m_buffer);
    painter->translate(0, -half);
}

void SeriesLayer::paintShades(QPainter *painter, bool raster) const
{
    if (m_shades.empty() || m_entries.empty())
        return;
    const Range x = rangeOf(m_entries.front().x);
    if (!(x.max > x.min))
        return;
    const double scale = m_plot.width() / (x.max - x.min);
    std::vector<std::pair<QRgb, QRect>> rects;
    rects.reserve(m_shades.size());
    for (const Shade &s : m_shades) {
        const double a = std::clamp(m_plot.left() + (s.start - x.min) * scale, m_plot.left(), m_plot.right());
        const double b = std::clamp(m_plot.left() + (s.end - x.min) * scale, m_plot.left(), m_plot.right());
        const QRect r = QRectF(a, m_plot.top(), std::max(b - a, 0.5), m_plot.height()).toAlignedRect();
        rects.emplace_back(s.fill.rgba(), r);
    }
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (!raster) {
        for (const auto &[colour, r] : rects)
            painter->fillRect(r, QColor::fromRgba(colour));
        painter->setRenderHint(QPainter::Antialiasing, antialiased);
        return;
    }
    // On a raster device the shades (often hundreds of short intervals) are one row of pixels
    // repeated over the plot's height: the row is composed once, copied into a band of rows and
    // the band blitted unscaled down the plot. Bands stay below ~95 scan lines, the size from
    // which Qt splits a fill over its global thread pool and waits for it; a row stretched over
    // the plot would cost a scaled blend of every plot pixel instead.
    const QRect plot = m_plot.toAlignedRect();
    QImage row(plot.width(), 1, QImage::Format_ARGB32_Premultiplied);
    row.fill(Qt::transparent);
    {
        QPainter rowPainter(&row);
        for (const auto &[colour, r] : rects)
            rowPainter.fillRect(QRect(r.left() - plot.left(), 0, r.width(), 1), QColor::fromRgba(colour));
    }
    const int bandRows = std::min(64, plot.height());
    QImage band(plot.width(), bandRows, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < bandRows; ++y)
        std::memcpy(band.scanLine(y), row.constScanLine(0), std::size_t(row.bytesPerLine()));
    for (int y = plot.top(); y <= plot.bottom(); y += bandRows)
        painter->drawImage(QPoint(plot.left(), y), band, QRect(0, 0, plot.width(), std::min(bandRows, plot.bottom() + 1 - y)));
    painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

void SeriesLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_plot.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing); // whatever the view uses for its axes and grid
    painter->setClipRect(m_plot, Qt::IntersectClip);
    const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    paintShades(painter, raster);
    for (const Entry &e : m_entries) {
        if (e.upper.size() < 2)
            continue;
        const Mapping map(m_plot, rangeOf(e.x), rangeOf(e.y));
        m_buffer.resize(0);
        m_buffer.reserve(e.upper.size() + std::max<qsizetype>(e.lower.size(), 2));
        for (const QPointF &p : e.upper)
            m_buffer.append(map(p));
        if (e.area) {
            if (e.lower.isEmpty()) {
                m_buffer.append({m_buffer.back().x(), m_plot.bottom()});
                m_buffer.append({m_buffer.front().x(), m_plot.bottom()});
            } else {
                for (auto it = e.lower.crbegin(); it != e.lower.crend(); ++it)
                    m_buffer.append(map(*it));
            }
            painter->setPen(Qt::NoPen);
            painter->setBrush(e.brush);
            painter->drawPolygon(m_buffer);
        } else {
            painter->setBrush(Qt::NoBrush);
            drawLine(painter, raster, e.pen);
        }
    }
    painter->restore();
}

QList<QPointF> seriesPoints(const QChart &chart, const QAbstractSeries *series, bool lower)
{
    if (const SeriesLayer *layer = SeriesLayer::of(chart))
        if (const SeriesLayer::Entry *e = layer->entry(series))
            return lower ? e->lower : e->upper;
    if (const auto *area = qobject_cast<const QAreaSeries *>(series)) {
        const QLineSeries *edge = lower ? area->lowerSeries() : area->upperSeries();
        return edge ? edge->points() : QList<QPointF>{};
    }
    if (const auto *xy = qobject_cast<const QXYSeries *>(series))
        return xy->points();
    return {};
}

} // namespace headroom::charts
