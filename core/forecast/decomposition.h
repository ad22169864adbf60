#pragma once

#include <vector>

/// Seasonal decomposition: classical (one period, additive or multiplicative) and a fast
/// MSTL-style iterated moving-average decomposition for several periods (e.g. 288 and 2016
/// for 5-minute samples: daily and weekly).
namespace headroom::forecast {

/// Centred moving average of order `period` (2 x period when even). Points within half a
/// period of either end, where the average is undefined, are NaN.
std::vector<double> centredMovingAverage(const std::vector<double> &y, int period);

/// Classical decomposition seasonal indices: index[p] for phase p (p = t mod period, t = 0
/// the first observation). Additive indices sum to 0, multiplicative ones average 1.
/// Needs y.size() >= 2 * period; returns an empty vector otherwise.
std::vector<double> seasonalIndices(const std::vector<double> &y, int period, bool multiplicative);

/// Several additive seasonal components and what remains.
struct MultiSeasonal {
    std::vector<int> periods;                  ///< ascending
    std::vector<std::vector<double>> profiles; ///< per period: the current seasonal shape by phase, sums to 0
    std::vector<double> adjusted;              ///< y minus every seasonal component
};

/// Iterated decomposition (`iterations` passes): for each period in turn, the other seasons are
/// removed, the trend is taken out with a centred moving average and the phase means of the
/// last `recentCycles` cycles form the profile. `cycleDecay` in (0, 1] lets the profile follow a
/// seasonal shape that evolves: each cycle weighs `cycleDecay` times the cycle after it (1: all
/// cycles weigh the same). Phases are relative to y[0].
MultiSeasonal decomposeMultiSeasonal(const std::vector<double> &y, std::vector<int> periods,
                                     int iterations = 2, int recentCycles = 6, double cycleDecay = 1.0);

/// Autocorrelation of y at `lag` (biased estimator, as R's acf()).
double autocorrelation(const std::vector<double> &y, int lag);

/// Theta-method seasonality test (one-sided 95 %, needs n > 2 period): |r_m| > 1.645 sqrt((1 + 2 sum_{k<m} r_k^2) / n).
bool isSeasonal(const std::vector<double> &y, int period);

} // namespace headroom::forecast
