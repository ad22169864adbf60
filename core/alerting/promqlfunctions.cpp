// Numeric cores of the PromQL functions (promqlevaluator.h), following promql/functions.go and
// promql/quantile.go of Prometheus.
#include "core/alerting/promqlevaluator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::alerting {

std::optional<double> extrapolatedRate(const std::vector<Sample> &samples, qint64 rangeStartMs, qint64 rangeEndMs,
                                       bool isCounter, bool isRate)
{
    if (samples.size() < 2)
        return std::nullopt;
    const Sample &first = samples.front();
    const Sample &last = samples.back();
    double result = last.v - first.v;
    if (isCounter) {
        for (size_t i = 1; i < samples.size(); ++i) {
            if (samples[i].v < samples[i - 1].v)
                result += samples[i - 1].v; // a counter reset: the counter restarted from zero
        }
    }
    double durationToStart = double(first.t - rangeStartMs) / 1000;
    double durationToEnd = double(rangeEndMs - last.t) / 1000;
    const double sampledInterval = double(last.t - first.t) / 1000;
    const double averageInterval = sampledInterval / double(samples.size() - 1);
    const double threshold = averageInterval * 1.1;
    if (durationToStart >= threshold)
        durationToStart = averageInterval / 2;
    if (isCounter && result > 0 && first.v >= 0) {
        // a counter cannot go below zero: do not extrapolate past its zero point
        const double durationToZero = sampledInterval * (first.v / result);
        durationToStart = std::min(durationToStart, durationToZero);
    }
    if (durationToEnd >= threshold)
        durationToEnd = averageInterval / 2;
    double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
    if (isRate)
        factor /= double(rangeEndMs - rangeStartMs) / 1000;
    return result * factor;
}

double quantileOf(double phi, std::vector<double> values)
{
    if (values.empty() || std::isnan(phi))
        return std::numeric_limits<double>::quiet_NaN();
    if (phi < 0)
        return -std::numeric_limits<double>::infinity();
    if (phi > 1)
        return std::numeric_limits<double>::infinity();
    std::sort(values.begin(), values.end());
    const double n = double(values.size());
    const double rank = phi * (n - 1);
    const double lowerIndex = std::max(0.0, std::floor(rank));
    const double upperIndex = std::min(n - 1, lowerIndex + 1);
    const double weight = rank - std::floor(rank);
    return values[size_t(lowerIndex)] * (1 - weight) + values[size_t(upperIndex)] * weight;
}

double bucketQuantile(double phi, std::vector<Bucket> buckets)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(phi))
        return nan;
    if (phi < 0)
        return -std::numeric_limits<double>::infinity();
    if (phi > 1)
        return std::numeric_limits<double>::infinity();
    std::sort(buckets.begin(), buckets.end(), [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
    if (buckets.empty() || !std::isinf(buckets.back().upperBound) || buckets.back().upperBound < 0)
        return nan;
    // merge buckets with the same upper bound
    std::vector<Bucket> merged;
    for (const Bucket &b : buckets) {
        if (!merged.empty() && merged.back().upperBound == b.upperBound)
            merged.back().count += b.count;
        else
            merged.push_back(b);
    }
    // cumulative counts must not decrease (scrapes are not atomic)
    double maxSoFar = -std::numeric_limits<double>::infinity();
    for (Bucket &b : merged) {
        if (b.count > maxSoFar)
            maxSoFar = b.count;
        else
            b.count = maxSoFar;
    }
    if (merged.size() < 2)
        return nan;
    const double observations = merged.back().count;
    if (observations == 0 || std::isnan(observations))
        return nan;
    double rank = phi * observations;
    size_t b = 0;
    while (b < merged.size() - 1 && !(merged[b].count >= rank))
        ++b;
    if (b == merged.size() - 1)
        return merged[merged.size() - 2].upperBound;
    if (b == 0 && merged[0].upperBound <= 0)
        return merged[0].upperBound;
    double bucketStart = 0;
    const double bucketEnd = merged[b].upperBound;
    double count = merged[b].count;
    if (b > 0) {
        bucketStart = merged[b - 1].upperBound;
        count -= merged[b - 1].count;
        rank -= merged[b - 1].count;
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

} // namespace headroom::alerting
