#pragma once

#include "core/alerting/promqlast.h"
#include "core/alerting/promqllexer.h"
#include "core/model/result.h"

#include <memory>

namespace headroom::alerting {

/// A parsed expression; shared and immutable so that rules can be copied cheaply.
using Expression = std::shared_ptr<const Node>;

/// Parses the PromQL subset Headroom evaluates:
/// - numbers, instant selectors `name{l="v", l!="v", l=~"re", l!~"re"}`, range selectors `[5m]`, `offset`;
/// - unary `-`/`+`, binary `+ - * / % ^`, comparisons `== != > < >= <=` with `bool`, `and or unless`,
///   `on(...)`/`ignoring(...)` with `group_left/group_right(...)`;
/// - `sum avg max min count` with `by (...)`/`without (...)`;
/// - functions rate, increase, avg/max/min/sum/count/quantile_over_time, histogram_quantile, abs,
///   clamp_min, clamp_max, scalar, vector, time.
/// Anything else (subqueries, `@`, other functions and aggregations, strings, ...) is an error that
/// names the construct and its line:column in the expression. `origin` is where the expression
/// starts in its file (e.g. a rule file's `expr:`); errors are then located in that file.
model::Result<Expression> parsePromql(const QString &text, const model::SourceLocation &origin = {});

/// The functions the evaluator implements, with their argument types.
struct FunctionSignature {
    const char16_t *name;
    std::vector<ValueType> args;
    ValueType returns;
};
const FunctionSignature *findFunction(QStringView name);

} // namespace headroom::alerting
