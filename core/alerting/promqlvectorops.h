#pragma once

#include "core/alerting/promqlast.h"
#include "core/alerting/seriesstore.h"

#include <QStringList>

#include <optional>

/// The label and value rules of PromQL's vector operations, shared by the instant evaluator
/// (PromqlEvaluator) and the evaluation over a grid of timestamps (evaluateColumns). Internal.
namespace headroom::alerting::detail {

inline const QString nameLabel = QStringLiteral("__name__");

/// Hashable stand-in for a label set: names and values alternating (injective, no formatting).
using LabelKey = QStringList;

Labels dropName(Labels labels);
/// The key two samples match on: on(labels) keeps only those, ignoring(labels) drops them and
/// __name__ (which never takes part, as in the printed signature).
LabelKey signatureKey(const Labels &labels, const VectorMatching &m);
/// The signature as Prometheus prints it in error messages.
QString signature(const Labels &labels, const VectorMatching &m);
LabelKey fullKey(const Labels &labels);
/// The value of `l op r`; `*keep` is false when a comparison filters the sample out. nullopt for
/// set operators.
std::optional<double> applyOp(BinaryOp op, double l, double r, bool *keep);
/// One sample of a binary expression `l op r` as Prometheus returns it: a filtering comparison's
/// kept value is the vector side's (`vectorOnRight` when a scalar is on the left), the bool
/// modifier turns it into 0/1 and keeps every sample. nullopt when the sample is filtered out.
std::optional<double> binarySample(const Node &n, double l, double r, bool vectorOnRight = false);
/// The labels of a vector-vector result from the "many" side's and the "one" side's labels.
Labels resultLabels(const Node &n, const Labels &many, const Labels &one);
/// The grouping key of an aggregation (by/without) for one sample's labels.
LabelKey groupingKey(const Node &aggregate, const Labels &labels);

/// One group of an aggregation, fed in sample order (sum, avg as a running mean, max/min where NaN
/// loses to any number, count).
struct Accumulator {
    double value = 0;
    double mean = 0;
    double count = 0;
    void add(AggregateOp op, double v);
    double result(AggregateOp op) const;
};

} // namespace headroom::alerting::detail
