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

/// A line series with `points`, added to the chart and attached to both axes.
QLineSeries *addLine(QChart &chart, const QString &name, const QList<QPointF> &points, Axes axes,
                     const QColor &color, Qt::PenStyle style = Qt::SolidLine, qreal width = 1.6);

/// The i-th colour of the palette used for tiers (stable across charts).
QColor seriesColor(int i);

/// Sets the y axis range to [0, max * 1.08] (at least 1).
void fitFromZero(QValueAxis *axis, double max);

/// Renders `chart` at `size` (logical pixels) into `target` of `painter`: vector on a PDF or SVG
/// device. The chart is put in a temporary scene when it has none.
void renderChart(QChart &chart, QPainter &painter, const QRectF &target, QSizeF size = {960, 540});

} // namespace headroom::charts
