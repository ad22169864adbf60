#pragma once

#include "core/alerting/promqlparser.h"
#include "core/alerting/seriesstore.h"
#include "core/model/result.h"

#include <vector>

namespace headroom::alerting {

/// One element of an instant vector.
struct VectorSample {
    Labels labels;
    double v = 0;
};
using Vector = std::vector<VectorSample>;

/// The value of an expression at one instant.
struct Value {
    ValueType type = ValueType::Vector;
    double scalar = 0;
    Vector vector;
    std::vector<Series> matrix;
};

/// Evaluates parsed expressions against a SeriesStore with Prometheus semantics: instant selectors
/// take the newest sample in (t - lookback, t] (closed at both ends, as Prometheus 2.x), a staleness
/// marker ends a series, range selectors take the samples in [t - range, t], `offset` shifts both.
class PromqlEvaluator final {
public:
    explicit PromqlEvaluator(const SeriesStore &store, qint64 lookbackMs = 5 * 60'000)
        : m_store(store), m_lookbackMs(lookbackMs) {}

    /// The expression's value at `timestampMs`. Fails on run-time errors Prometheus also reports
    /// (duplicate series in a match group, many-to-one without group_left/right).
    model::Result<Value> evaluate(const Node &expr, qint64 timestampMs) const;

private:
    const SeriesStore &m_store;
    qint64 m_lookbackMs;
};

// The numeric cores of the functions, exposed for tests. Semantics follow promql/functions.go.

/// rate()/increase() over the samples of one series in [rangeStartMs, rangeEndMs]; nullopt when
/// fewer than two samples. Counter resets are corrected; the result is extrapolated to the range
/// edges unless a sample is further than 1.1 average intervals away from them.
std::optional<double> extrapolatedRate(const std::vector<Sample> &samples, qint64 rangeStartMs, qint64 rangeEndMs,
                                       bool isCounter, bool isRate);
/// φ-quantile of values with linear interpolation between closest ranks (quantile_over_time).
double quantileOf(double phi, std::vector<double> values);
/// A classic-histogram bucket: upper bound (`le`) and cumulative count.
struct Bucket {
    double upperBound = 0;
    double count = 0;
};
/// histogram_quantile over one group of buckets.
double bucketQuantile(double phi, std::vector<Bucket> buckets);

} // namespace headroom::alerting
