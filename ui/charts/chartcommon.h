#pragma once

#include <QChart>
#include <QDate>
#include <QList>
#include <QPointF>
#include <QString>

#include <memory>

class QAbstractAxis;
class QDateTimeAxis;
class QLineSeries;
class QPainter;
class QValueAxis;

/// Shared pieces of the chart builders: axes, series, colours and rendering outside a view.
namespace headroom::charts {

/// A chart with the app's look: title, legend at the bottom, no animation (redraws must be instant).
std::unique_ptr<QChart> newChart(const QString &title);

/// Milliseconds since the epoch (UTC) of midnight starting `day` days after `start`.
qint64 dayMs(QDate start, int day);

/// A date-time x axis (UTC) added at the bottom of `chart`.
QDateTimeAxis *addTimeAxis(QChart &chart, const QString &format, const QString &title = {});
/// A value y axis added on `side` (Qt::AlignLeft or Qt::AlignRight), starting at 0.
QValueAxis *addValueAxis(QChart &chart, const QString &title, Qt::Alignment side = Qt::AlignLeft);

struct Axes {
    QAbstractAxis *x = nullptr;
    QAbstractAxis *y = nullptr;
};

/// A line series with `points`, added to the chart and attached to both axes. A dense series (more
/// than kDensePoints points) is stroked with a 1 px cosmetic pen whatever `width` says: the raster
/// engine strokes such a pen on its fast path, a wider one through the general stroker (~5x slower).
QLineSeries *addLine(QChart &chart, const QString &name, const QList<QPointF> &points, Axes axes,
                     const QColor &color, Qt::PenStyle style = Qt::SolidLine, qreal width = 1.6);

/// Series with more points than this are dense (drawn with the thin fast pen).
inline constexpr qsizetype kDensePoints = 400;

/// The i-th colour of the palette used for tiers (stable across charts).
QColor seriesColor(int i);

/// Sets the y axis range to [0, max * 1.08] (at least 1).
void fitFromZero(QValueAxis *axis, double max);

/// Puts the legend at the bottom for a few entries and at the right, one per line, for many, so
/// no entry is cut off. Call after the series are added (and again when their number changes).
void fitLegend(QChart &chart);

/// A shaded time interval [startMs, endMs) behind the series, spanning the plot's height and
/// placed from the chart's date-time x axis whenever the plot area changes.
void addTimeShade(QChart &chart, qint64 startMs, qint64 endMs, const QColor &fill);
/// Places the chart's time shades on its current plot area (done by the chart itself on resize).
void placeTimeShades(QChart &chart);

/// Updates `shown` in place to show what `fresh` shows, when both were made by the same builder
/// from analyses of the same shape (same series, types and axes): points, names, pens, axis
/// ranges, title, tooltip and time shades are copied; the legend, axes and scene items of
/// `shown` are kept, which is far cheaper than replacing the chart. Returns false (and leaves
/// `shown` unchanged) when the structures differ; then show `fresh` instead.
bool syncChart(QChart &shown, QChart &fresh);

/// Renders `chart` at `size` (logical pixels) into `target` of `painter`: vector on a PDF or SVG
/// device. The chart is put in a temporary scene when it has none.
void renderChart(QChart &chart, QPainter &painter, const QRectF &target, QSizeF size = {960, 540});

} // namespace headroom::charts
