#pragma once

#include "core/alerting/ruleloader.h"
#include "core/alerting/seriesstore.h"

#include <QMap>
#include <QString>

#include <functional>
#include <vector>

namespace headroom::alerting {

enum class AlertState { Inactive, Pending, Firing };
QString alertStateName(AlertState state); ///< "inactive", "pending", "firing"

/// One alert instance of a rule at an evaluation: labels include `alertname` and the rule's labels.
struct AlertInstance {
    QString alert;
    Labels labels;
    QMap<QString, QString> annotations; ///< expanded with the latest value
    double value = 0;
    AlertState state = AlertState::Pending;
    qint64 activeAtMs = 0;
    qint64 firedAtMs = 0;
    qint64 keepFiringSinceMs = -1; ///< -1 = the expression still returns the instance
};

/// A period in which an alert instance was pending or firing: [startMs, endMs). `endMs` is -1 when the
/// period was still open at the last evaluation.
struct AlertPeriod {
    QString alert;
    Labels labels;
    AlertState state = AlertState::Pending;
    qint64 startMs = 0;
    qint64 endMs = -1;
    double maxValue = 0;                ///< largest expression value seen in the period
    QMap<QString, QString> annotations; ///< as expanded at the period's last evaluation
};

struct RuleEvaluation {
    std::vector<AlertPeriod> periods;   ///< ordered by start time, then alert name and labels
    model::Diagnostics warnings;        ///< evaluation errors (a failed evaluation keeps the previous state)
    qint64 startMs = 0;
    qint64 endMs = 0;
    int evaluations = 0;
    SeriesStore alertSeries;            ///< the ALERTS and ALERTS_FOR_STATE series Prometheus would write
};

/// Called after each group evaluation with the group's active (pending or firing) alerts.
using EvaluationObserver = std::function<void(const CompiledGroup &group, qint64 timestampMs,
                                              const std::vector<AlertInstance> &active)>;

/// Evaluates every group at startMs, startMs + interval, ... <= endMs with Prometheus' alerting state
/// machine: an instance becomes pending when the expression first returns it, firing once it has been
/// active for `for`, and inactive (resolved) at the first evaluation that no longer returns it, unless
/// it was firing and `keep_firing_for` has not elapsed since it stopped being returned.
/// `progress(done, total)` returning false cancels (the result then holds what was done).
RuleEvaluation evaluateRules(const std::vector<CompiledGroup> &groups, const SeriesStore &store, qint64 startMs,
                             qint64 endMs, const EvaluationObserver &observer = {},
                             const std::function<bool(int, int)> &progress = {});

/// CSV with columns alert,labels,state,start,end (labels as Prometheus prints a label set, RFC 3339 UTC
/// times, empty end for a period still open at the end of the evaluation).
QByteArray periodsToCsv(const std::vector<AlertPeriod> &periods);

/// RFC 3339 UTC with milliseconds only when needed: 2026-01-01T00:05:00Z.
QString formatRfc3339(qint64 ms);

} // namespace headroom::alerting
