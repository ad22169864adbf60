#pragma once

#include <QBrush>
#include <QGraphicsObject>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QPolygonF>

#include <vector>

class QAbstractAxis;
class QAbstractSeries;
class QChart;

namespace headroom::charts {

/// Draws the data of a chart made by makeChart: its lines, filled areas and time shades, in one
/// item over the plot area. The chart's QLineSeries/QAreaSeries stay empty and serve the legend
/// and the axes only, so a new analysis costs no per-series geometry in Qt Charts (its line
/// items stroke a hit-test outline of every point on each change) and a redraw is one cosmetic
/// polyline per line. Points are mapped with the attached axes' ranges at paint time, so a range
/// or plot-area change needs no new data. Clipped to the plot area.
class SeriesLayer final : public QGraphicsObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeriesLayer)
public:
    /// One series as drawn: a line (pen, `upper`) or an area between `upper` and `lower`
    /// (empty `lower`: down to the bottom of the y range) filled with `brush`.
    struct Entry {
        QList<QPointF> upper;
        QList<QPointF> lower;
        bool area = false;
        QPen pen;
        QBrush brush;
        QAbstractAxis *x = nullptr; ///< the time (or value) axis the x values are on
        QAbstractAxis *y = nullptr;
        /// Exactly the same points (not QPointF's fuzzy equality), style and axes.
        friend bool operator==(const Entry &a, const Entry &b);
    };
    /// A shaded interval [startMs, endMs) of the x axis, the plot's full height.
    struct Shade {
        double start = 0, end = 0;
        QColor fill;
        friend bool operator==(const Shade &, const Shade &) = default;
    };

    /// Adds the layer to `chart` (a child item above Qt's series, below the legend) and repaints
    /// when the chart's plot area or any of its axes' ranges change.
    explicit SeriesLayer(QChart *chart);
    ~SeriesLayer() override;

    /// The layer of a chart made by makeChart, or null.
    static SeriesLayer *of(const QChart &chart);

    /// Replaces the drawn series (index i belongs to chart->series()[i]) and shades, and repaints
    /// the plot area; returns false (and repaints nothing) when they equal what is shown.
    bool setData(std::vector<Entry> entries, std::vector<Shade> shades);
    const std::vector<Entry> &entries() const { return m_entries; }
    const std::vector<Shade> &shades() const { return m_shades; }
    /// The entry drawn for `series` of the chart, or null.
    const Entry *entry(const QAbstractSeries *series) const;

    QRectF boundingRect() const override { return m_plot; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void setPlotArea(const QRectF &plot);
    void paintShades(QPainter *painter, bool raster) const;
    /// Strokes m_buffer as a polyline with `pen`.
    void drawLine(QPainter *painter, bool raster, const QPen &pen) const;

    QChart *m_chart;
    QRectF m_plot;
    std::vector<Entry> m_entries;
    std::vector<Shade> m_shades;
    mutable QPolygonF m_buffer; ///< mapped points, reused between paints
};

/// The points `series` of `chart` shows (an area's upper edge, or its lower one with `lower`):
/// from the chart's SeriesLayer when it has one, else the series' own points.
QList<QPointF> seriesPoints(const QChart &chart, const QAbstractSeries *series, bool lower = false);

} // namespace headroom::charts
