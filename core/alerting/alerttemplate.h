#pragma once

#include "core/alerting/seriesstore.h"

#include <QString>

/// The subset of Prometheus' alert templating (Go text/template) that rule files use for labels and
/// annotations: `{{ $value }}`, `{{ $labels.name }}`, `{{ .Value }}`, `{{ .Labels.name }}`,
/// `{{ $value | humanize }}`, `{{ $value | humanizePercentage }}`, `{{ printf "%.2f" $value }}`.
namespace headroom::alerting {

/// Expands the template for an alert with `labels` and `value`. Text outside `{{ }}` is kept.
QString expandTemplate(const QString &text, const Labels &labels, double value);
/// Empty when `text` only uses supported actions, else a message naming the first unsupported one.
QString checkTemplate(const QString &text);
/// Formats a float64 the way Go's `%v` does (shortest round-trip, exponent form from 1e+06 and below 1e-04, `+Inf`, `NaN`).
QString formatGoFloat(double v);

} // namespace headroom::alerting
