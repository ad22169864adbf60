#pragma once

#include "core/alerting/promqlast.h"
#include "core/alerting/seriesstore.h"

#include <QHash>

#include <optional>
#include <vector>

/// An expression evaluated at every timestamp of an evenly spaced grid in one pass, with exactly the
/// values PromqlEvaluator returns at each of them (same samples, same order, same floating-point
/// operations). The labels of an instant vector's elements depend only on which series take part,
/// so label matching, grouping and result labels are worked out once per series (or pair of series)
/// instead of at every timestamp; each timestamp then costs a few arithmetic operations per series.
/// Rule evaluation and the SLO report use it; expressions it does not cover are evaluated per timestamp.
namespace headroom::alerting {

/// One element of the instant vectors over the grid: fixed labels, a value where `present`.
struct ColumnEntry {
    Labels labels;
    std::vector<double> values;
    std::vector<char> present;
};

struct Columns {
    bool scalar = false;
    std::vector<double> scalars;       ///< scalar expressions: the value per timestamp
    /// Vector expressions: at timestamp k the instant vector is the entries present at k, in this order.
    std::vector<ColumnEntry> entries;
    /// Timestamps where the evaluation fails (PromqlEvaluator reports the error with its message there).
    std::vector<char> failed;
    size_t steps = 0;
};

/// Results of expressions (and of their sub-expressions) already evaluated over one store and grid,
/// for several evaluations that share parts, e.g. `sum(a * b)` and `100 * (1 - sum(a * b) / sum(b))`.
/// Keyed by the expression's structure; it forgets everything when used with another store
/// (SeriesStore::generation()) or grid. Samples appended to the store's existing series do not
/// change its generation: use a cache only while its store does not change.
struct ColumnCache {
    quint64 generation = 0;
    qint64 startMs = 0, stepMs = 0, lookbackMs = 0;
    size_t steps = 0;
    QHash<QString, std::optional<Columns>> results;
};

/// Evaluates `expr` at startMs + k x stepMs for k < steps (stepMs > 0). Covered: numbers, instant
/// selectors (with offset), unary minus, aggregations (sum, avg, max, min, count, by/without),
/// arithmetic and comparisons between scalars and vectors, and vector-vector matching (on/ignoring,
/// group_left/right). nullopt for anything else (range functions, calls, set operators), and when
/// the order of grouped results would differ between timestamps.
std::optional<Columns> evaluateColumns(const SeriesStore &store, const Node &expr, qint64 startMs, qint64 stepMs,
                                       size_t steps, qint64 lookbackMs = 5 * 60'000);
/// The same, reusing and filling `cache` (identical results: a cached sub-expression is the one
/// that would be computed).
std::optional<Columns> evaluateColumns(const SeriesStore &store, const Node &expr, qint64 startMs, qint64 stepMs,
                                       size_t steps, qint64 lookbackMs, ColumnCache &cache);

} // namespace headroom::alerting
