#pragma once

#include <QList>
#include <QPointF>

#include <span>
#include <vector>

/// Largest-Triangle-Three-Buckets downsampling (Steinarsson, "Downsampling Time Series for Visual
/// Representation", 2013): keeps the points that shape a line chart, so a year of 5-minute
/// samples (105,120 points) draws as ~2,000 without losing its spikes.
namespace headroom::charts {

/// Indices of the kept points of (x[i], y[i]), ascending. `x` must be non-decreasing and as long
/// as `y`. With `threshold` >= the point count or < 3 every index is returned; otherwise exactly
/// `threshold` indices: the first, the last, and one per bucket of the points in between, the one
/// spanning the largest triangle with the previously kept point and the next bucket's average.
/// A bucket's highest and lowest point are the candidates that a spike makes largest, so spikes
/// survive. Non-finite y values are kept out of the triangles (treated as 0 for the average).
std::vector<std::size_t> lttbIndices(std::span<const double> x, std::span<const double> y, std::size_t threshold);

/// The kept points of a series given as x/y arrays, ready for QXYSeries::replace().
QList<QPointF> lttb(std::span<const double> x, std::span<const double> y, std::size_t threshold);

/// Points of a series of equally spaced samples: x = x0 + i x dx.
QList<QPointF> lttbUniform(double x0, double dx, std::span<const double> y, std::size_t threshold);

/// The default point budget of a chart series (~ one point per horizontal pixel of a wide chart).
inline constexpr std::size_t kChartPointBudget = 2000;

} // namespace headroom::charts
