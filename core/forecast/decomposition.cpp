#include "core/forecast/decomposition.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::forecast {

std::vector<double> centredMovingAverage(const std::vector<double> &y, int period)
{
    const int n = static_cast<int>(y.size());
    std::vector<double> out(y.size(), std::numeric_limits<double>::quiet_NaN());
    if (period < 1 || n < period + 1)
        return out;
    std::vector<double> prefix(y.size() + 1, 0.0);
    for (int i = 0; i < n; ++i)
        prefix[i + 1] = prefix[i] + y[i];
    const int half = period / 2;
    for (int t = half; t + half < n; ++t) {
        if (period % 2 == 1) {
            out[t] = (prefix[t + half + 1] - prefix[t - half]) / period;
        } else {
            // 2 x m average: the two end points count half.
            const double inner = prefix[t + half] - prefix[t - half + 1];
            out[t] = (inner + 0.5 * (y[t - half] + y[t + half])) / period;
        }
    }
    return out;
}

std::vector<double> seasonalIndices(const std::vector<double> &y, int period, bool multiplicative)
{
    const int n = static_cast<int>(y.size());
    if (period < 2 || n < 2 * period)
        return {};
    const std::vector<double> trend = centredMovingAverage(y, period);
    std::vector<double> sum(period, 0.0);
    std::vector<int> count(period, 0);
    for (int t = 0; t < n; ++t) {
        if (std::isnan(trend[t]) || (multiplicative && trend[t] == 0.0))
            continue;
        sum[t % period] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
        ++count[t % period];
    }
    double mean = 0.0;
    for (int p = 0; p < period; ++p) {
        sum[p] = count[p] > 0 ? sum[p] / count[p] : (multiplicative ? 1.0 : 0.0);
        mean += sum[p] / period;
    }
    for (double &s : sum)
        s = multiplicative ? (mean != 0.0 ? s / mean : 1.0) : s - mean;
    return sum;
}

namespace {

// Phase means of y - trend over the last `cycles` whole cycles, each cycle weighted `decay`
// times the one after it (1: plain mean), centred to sum 0. The trend (a centred moving average)
// is held at its last value over the final half cycle, so the profile reaches the end of the data.
std::vector<double> recentProfile(const std::vector<double> &z, int period, int cycles, double decay)
{
    const int n = static_cast<int>(z.size());
    std::vector<double> trend = centredMovingAverage(z, period);
    const int half = period / 2;
    for (int t = std::max(0, n - half); t < n && n - half - 1 >= 0; ++t)
        trend[t] = trend[n - half - 1];
    std::vector<double> sum(period, 0.0);
    std::vector<double> weight(period, 0.0);
    const int end = decay < 1.0 ? n : n - half; // the plain mean keeps to the centred trend
    const int begin = std::max(half, end - cycles * period);
    double w = 1.0;
    for (int t = end - 1, age = 0; t >= begin; --t, ++age) {
        if (age > 0 && age % period == 0)
            w *= decay;
        sum[t % period] += w * (z[t] - trend[t]);
        weight[t % period] += w;
    }
    double mean = 0.0;
    for (int p = 0; p < period; ++p) {
        sum[p] = weight[p] > 0.0 ? sum[p] / weight[p] : 0.0;
        mean += sum[p] / period;
    }
    for (double &s : sum)
        s -= mean;
    return sum;
}

} // namespace

MultiSeasonal decomposeMultiSeasonal(const std::vector<double> &y, std::vector<int> periods, int iterations,
                                     int recentCycles, double cycleDecay)
{
    std::sort(periods.begin(), periods.end());
    const size_t n = y.size();
    periods.erase(std::remove_if(periods.begin(), periods.end(),
                                 [n](int m) { return m < 2 || n < 2 * static_cast<size_t>(m); }),
                  periods.end());
    MultiSeasonal out;
    out.periods = periods;
    out.profiles.assign(periods.size(), {});
    for (size_t k = 0; k < periods.size(); ++k)
        out.profiles[k].assign(periods[k], 0.0);
    std::vector<double> z(n);
    for (int it = 0; it < iterations; ++it) {
        for (size_t k = 0; k < periods.size(); ++k) {
            for (size_t t = 0; t < n; ++t) {
                double v = y[t];
                for (size_t j = 0; j < periods.size(); ++j)
                    if (j != k)
                        v -= out.profiles[j][t % periods[j]];
                z[t] = v;
            }
            out.profiles[k] = recentProfile(z, periods[k], recentCycles, cycleDecay);
        }
    }
    out.adjusted = y;
    for (size_t t = 0; t < n; ++t)
        for (size_t k = 0; k < periods.size(); ++k)
            out.adjusted[t] -= out.profiles[k][t % periods[k]];
    return out;
}

double autocorrelation(const std::vector<double> &y, int lag)
{
    const int n = static_cast<int>(y.size());
    if (lag < 0 || lag >= n)
        return 0.0;
    double mean = 0.0;
    for (double v : y)
        mean += v / n;
    double num = 0.0, den = 0.0;
    for (int t = 0; t < n; ++t) {
        den += (y[t] - mean) * (y[t] - mean);
        if (t + lag < n)
            num += (y[t] - mean) * (y[t + lag] - mean);
    }
    return den > 0.0 ? num / den : 0.0;
}

bool isSeasonal(const std::vector<double> &y, int period)
{
    const int n = static_cast<int>(y.size());
    if (period < 2 || n <= 2 * period)
        return false;
    double sumSq = 0.0;
    for (int k = 1; k < period; ++k) {
        const double r = autocorrelation(y, k);
        sumSq += r * r;
    }
    const double limit = 1.645 * std::sqrt((1.0 + 2.0 * sumSq) / n);
    return std::abs(autocorrelation(y, period)) > limit;
}

} // namespace headroom::forecast
