#pragma once

#include "core/alerting/promqlparser.h"
#include "core/alerting/seriesstore.h"
#include "core/model/result.h"

#include <deque>
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

/// The series each selector of an expression matches, remembered across evaluations at many
/// timestamps: matching depends only on the labels, so it is redone only when the store gained a
/// series (SeriesStore::generation) or the selector differs.
class SelectorCache final {
public:
    const std::vector<const Series *> &select(const SeriesStore &store, const Node &selector);

private:
    struct Entry {
        const Node *node = nullptr;
        std::vector<LabelMatcher> matchers; ///< as matched (a node at a reused address is re-matched)
        std::vector<const Series *> series;
    };
    quint64 m_generation = 0;
    const SeriesStore *m_store = nullptr;
    const Series *m_first = nullptr; ///< the store's series array, so a store moved from is re-matched
    std::deque<Entry> m_entries; // stable references while entries are added
};

/// Evaluates parsed expressions against a SeriesStore with Prometheus semantics: instant selectors
/// take the newest sample in (t - lookback, t] (closed at both ends, as Prometheus 2.x), a staleness
/// marker ends a series, range selectors take the samples in [t - range, t], `offset` shifts both.
/// An evaluator remembers which series its selectors match (see SelectorCache): use one evaluator
/// from one thread at a time.
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
    mutable SelectorCache m_selectors;
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
