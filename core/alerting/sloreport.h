#pragma once

#include "core/alerting/ruleevaluator.h"
#include "core/alerting/seriesstore.h"
#include "core/model/scenario.h"

#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace headroom::alerting {

/// Metric names the SLO report and the simulation adapter use, keyed by Headroom's canonical name
/// (cpu_utilization, memory_utilization, response_time_p95_ms, queue_depth, replicas, desired_replicas,
/// requests_per_second, error_rate, db_connection_utilization, daily_cost_usd, cost_threshold_usd).
/// A missing key maps a name to itself; users remap to the names their rules use.
using SeriesNameMap = QMap<QString, QString>;
QString mappedName(const SeriesNameMap &map, const QString &canonical);
/// Parses "canonical=name,canonical=name"; nullopt (with `*error`) on a malformed entry.
std::optional<SeriesNameMap> parseNameMap(const QString &text, QString *error);

enum class SloVerdict { Pass, Fail, NotExercised, NotMeasurable };
QString sloVerdictName(SloVerdict v); ///< "PASS", "FAIL", "NOT EXERCISED", "N/A"

/// The verdict of one success metric over the evaluated range.
struct SloResult {
    model::SuccessMetric metric;
    SloVerdict verdict = SloVerdict::NotMeasurable;
    std::optional<double> value;        ///< the measured indicator in the metric's unit
    double minutesInBreach = 0;         ///< evaluation steps where the instantaneous value breached
    qint64 worstWindowStartMs = -1;     ///< the worst `windowMs` window (-1: none)
    qint64 worstWindowEndMs = -1;
    std::optional<double> worstWindowValue;
    std::optional<double> errorBudgetUsedPercent; ///< availability SLOs: failed requests / allowed failures
    QString note;                       ///< how it was measured, or why it could not be
};

struct SloOptions {
    qint64 stepMs = 15'000;
    qint64 windowMs = 5 * 60'000;       ///< window for "worst window"
    double withinTolerance = 0.10;      ///< `within` metrics pass inside target x (1 +- tolerance)
    SeriesNameMap names;
};

/// Evaluates the scenario's success metrics over the series in [startMs, endMs]. Metrics that need
/// data the series do not carry (cost, forecasts, scaling decisions) are NotMeasurable with a note.
std::vector<SloResult> evaluateSlos(const QList<model::SuccessMetric> &metrics, const SeriesStore &store,
                                    qint64 startMs, qint64 endMs, const SloOptions &options = {});

/// Human-readable report: one line per SLO, then per rule its pending/firing timeline.
QString formatSloReport(const std::vector<SloResult> &slos, const RuleEvaluation &rules);

} // namespace headroom::alerting
