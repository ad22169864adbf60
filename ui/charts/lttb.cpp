#include "ui/charts/lttb.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::charts {

namespace {

double finite(double v)
{
    return std::isfinite(v) ? v : 0.0;
}

} // namespace

std::vector<std::size_t> lttbIndices(std::span<const double> x, std::span<const double> y, std::size_t threshold)
{
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<std::size_t> kept;
    if (threshold >= n || threshold < 3) {
        kept.resize(n);
        std::iota(kept.begin(), kept.end(), std::size_t{0});
        return kept;
    }
    kept.reserve(threshold);
    kept.push_back(0);
    // The n - 2 inner points are split into threshold - 2 buckets of (fractional) size `every`.
    const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
    std::size_t a = 0;
    for (std::size_t bucket = 0; bucket < threshold - 2; ++bucket) {
        const auto begin = static_cast<std::size_t>(std::floor(static_cast<double>(bucket) * every)) + 1;
        const auto end = std::min(static_cast<std::size_t>(std::floor(static_cast<double>(bucket + 1) * every)) + 1, n - 1);
        // The next bucket's average (the last point for the last bucket).
        const std::size_t nextBegin = end;
        const std::size_t nextEnd =
            std::min(static_cast<std::size_t>(std::floor(static_cast<double>(bucket + 2) * every)) + 1, n);
        double avgX = 0, avgY = 0;
        const std::size_t nextCount = std::max<std::size_t>(nextEnd - nextBegin, 1);
        for (std::size_t j = nextBegin; j < nextBegin + nextCount && j < n; ++j) {
            avgX += x[j];
            avgY += finite(y[j]);
        }
        avgX /= static_cast<double>(nextCount);
        avgY /= static_cast<double>(nextCount);

        const double ax = x[a], ay = finite(y[a]);
        double best = -1;
        std::size_t chosen = begin;
        for (std::size_t j = begin; j < std::max(end, begin + 1); ++j) {
            const double area = std::abs((ax - avgX) * (finite(y[j]) - ay) - (ax - x[j]) * (avgY - ay));
            if (area > best) {
                best = area;
                chosen = j;
            }
        }
        kept.push_back(chosen);
        a = chosen;
    }
    kept.push_back(n - 1);
    return kept;
}

QList<QPointF> lttb(std::span<const double> x, std::span<const double> y, std::size_t threshold)
{
    const std::vector<std::size_t> kept = lttbIndices(x, y, threshold);
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(kept.size()));
    for (std::size_t i : kept)
        points.append(QPointF(x[i], finite(y[i])));
    return points;
}

QList<QPointF> lttbUniform(double x0, double dx, std::span<const double> y, std::size_t threshold)
{
    std::vector<double> x(y.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = x0 + static_cast<double>(i) * dx;
    return lttb(x, y, threshold);
}

} // namespace headroom::charts
