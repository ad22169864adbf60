#pragma once

#include <QChart>
#include <QDate>
#include <QRectF>
#include <QSizeF>

class QPainter;

/// Shared pieces of the chart builders: time, colours and rendering outside a view.
namespace headroom::charts {

/// Milliseconds since the epoch (UTC) of midnight starting `day` days after `start`.
qint64 dayMs(QDate start, int day);

/// The i-th colour of the palette used for tiers (stable across charts).
QColor seriesColor(int i);

/// Gives `chart` a square background in a solid colour (its theme gradient's first colour). Qt
/// Charts' themes fill a gradient (white to white in the light theme) inside a rounded rectangle,
/// which is blended span by span, and Qt hands a fill of more than about a hundred spans to its
/// global thread pool and waits for the pieces; a solid square takes the raster engine's solid
/// fill on the painting thread and looks the same. Every chart the console shows gets it.
void useSolidBackground(QChart &chart);

/// Renders `chart` at `size` (logical pixels) into `target` of `painter`: vector on a PDF or SVG
/// device. The chart is put in a temporary scene when it has none.
void renderChart(QChart &chart, QPainter &painter, const QRectF &target, QSizeF size = {960, 540});

} // namespace headroom::charts
