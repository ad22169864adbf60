#pragma once

#include <QBrush>
#include <QColor>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QString>

#include <memory>
#include <vector>

class QChart;

/// What a chart shows, as plain data: the chart builders fill a ChartSpec, which is turned into a
/// QChart (makeChart) or applied to a shown chart in place (syncChart). A redraw then costs the
/// changed points and ranges, not a new chart with its axes, legend and scene items.
namespace headroom::charts {

struct ChartSpec {
    struct Axis {
        bool time = false;                 ///< a date-time axis (UTC, ms since the epoch), else a value axis
        Qt::Alignment side = Qt::AlignLeft; ///< Qt::AlignBottom for the time axis
        QString title;
        QString format;                    ///< date format of a time axis, printf label format of a value axis
        double min = 0, max = 1;
        int ticks = 5;
    };
    struct Series {
        QString name;
        QList<QPointF> upper;              ///< a line's points, or an area's upper edge
        QList<QPointF> lower;              ///< an area's lower edge (empty: down to the axis)
        bool area = false;
        QPen pen;
        QBrush brush;
        int yAxis = 1;                     ///< index into axes; x is always axis 0
    };
    /// A shaded time interval [startMs, endMs) behind the series, the plot's full height.
    struct Shade {
        qint64 startMs = 0, endMs = 0;
        QColor fill;
    };

    QString title;
    QString toolTip;
    std::vector<Axis> axes;
    std::vector<Series> series;
    std::vector<Shade> shades;

    /// Adds the time axis (call first: it is axis 0) and returns its index.
    int addTimeAxis(const QString &format);
    /// Adds a value axis on `side` (Qt::AlignLeft or Qt::AlignRight) with labels "%.4g"; returns its index.
    int addValueAxis(const QString &title, Qt::Alignment side = Qt::AlignLeft);
    /// A line; a dense one (more than kDensePoints points) gets a 1 px pen whatever `width` says:
    /// the raster engine strokes that on its fast path, a wider pen through the general stroker.
    void addLine(const QString &name, QList<QPointF> points, int yAxis, const QColor &color,
                 Qt::PenStyle style = Qt::SolidLine, qreal width = 1.6);
    /// A filled area between `lower` (empty: the axis) and `upper`, without outline.
    void addArea(const QString &name, QList<QPointF> upper, QList<QPointF> lower, int yAxis, const QColor &fill);
    /// Sets an axis range; `nice` widens a value axis to round tick values as QValueAxis::applyNiceNumbers does.
    void setRange(int axis, double min, double max, bool nice = false);
    /// A value axis from 0 to max x 1.08 (at least 1), nice.
    void fitFromZero(int axis, double max);
};

/// Series with more points than this are dense (drawn with the thin fast pen).
inline constexpr qsizetype kDensePoints = 400;

/// A new chart showing `spec`, with the app's look: bold title, legend at the bottom (at the right
/// for many entries, so none is cut off), no animation, time labels as many as fit. Its series
/// carry names, pens, brushes and axes (for the legend) but no points: a SeriesLayer child item
/// draws the points and shades (seriesPoints() reads them).
std::unique_ptr<QChart> makeChart(const ChartSpec &spec);

/// Updates `shown` (made by makeChart) in place to show `spec` when their structure matches (the
/// same series kinds and axes): points, names, pens, axis ranges, title, tooltip and time shades
/// change, each only where different, so an unchanged chart is not laid out or repainted at all
/// and changed points alone repaint only the plot area; the legend, axes and scene items stay.
/// `changed` (optional) tells whether anything that is drawn changed. Returns false (and leaves
/// `shown` unchanged) when the structures differ; then show makeChart(spec) instead.
bool syncChart(QChart &shown, const ChartSpec &spec, bool *changed = nullptr);

} // namespace headroom::charts
