#include "core/alerting/ruleevaluator.h"

#include "core/alerting/alerttemplate.h"
#include "core/alerting/promqlcolumns.h"
#include "core/alerting/promqlevaluator.h"
#include "core/model/vectorstate.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

// The live state of one rule across evaluations.
struct RuleState {
    QHash<QString, AlertInstance> active;        // by formatLabels(labels)
    QHash<QString, qsizetype> openPending;        // key -> index into periods
    QHash<QString, qsizetype> openFiring;
    QHash<QString, Labels> lastAlertSeries;       // ALERTS series written at the previous evaluation, by key
    bool warned = false;
};

void closePeriod(QHash<QString, qsizetype> &open, const QString &key, qint64 ts, std::vector<AlertPeriod> &periods)
{
    if (auto it = open.find(key); it != open.end()) {
        periods[size_t(*it)].endMs = ts;
        open.erase(it);
    }
}

void trackPeriod(QHash<QString, qsizetype> &open, const QString &key, const AlertInstance &a, qint64 ts,
                 std::vector<AlertPeriod> &periods)
{
    auto it = open.constFind(key);
    if (it == open.cend()) {
        open.insert(key, qsizetype(periods.size()));
        periods.push_back({a.alert, a.labels, a.state, ts, -1, a.value, a.annotations});
        return;
    }
    AlertPeriod &p = periods[size_t(*it)];
    p.maxValue = std::max(p.maxValue, a.value);
    p.annotations = a.annotations;
}

void writeAlertSeries(RuleState &state, qint64 ts, SeriesStore &out)
{
    QHash<QString, Labels> written;
    for (const AlertInstance &a : std::as_const(state.active)) {
        Labels alerts = a.labels;
        alerts.insert(u"__name__"_s, u"ALERTS"_s);
        alerts.insert(u"alertstate"_s, alertStateName(a.state));
        out.append(alerts, ts, 1);
        written.insert(formatLabels(alerts), alerts);
        Labels forState = a.labels;
        forState.insert(u"__name__"_s, u"ALERTS_FOR_STATE"_s);
        out.append(forState, ts, double(a.activeAtMs) / 1000);
        written.insert(formatLabels(forState), forState);
    }
    // series this rule wrote last time and not now end with a staleness marker, as Prometheus writes them
    for (auto it = state.lastAlertSeries.cbegin(); it != state.lastAlertSeries.cend(); ++it) {
        if (!written.contains(it.key()))
            out.append(it.value(), ts, staleMarker());
    }
    state.lastAlertSeries = std::move(written);
}

model::Diagnostic evalWarning(const CompiledRule &rule, qint64 ts, const QString &message)
{
    model::Diagnostic d = model::makeError(u"alert %1 at %2: %3"_s.arg(rule.rule.alert, formatRfc3339(ts), message),
                                           u"expr"_s, rule.where);
    d.severity = model::Severity::Warning;
    return d;
}

// The value of a column evaluation at one of its timestamps, as PromqlEvaluator returns it there.
model::Result<Value> valueAt(const Columns &c, size_t step)
{
    Value v;
    if (c.scalar) {
        v.type = ValueType::Scalar;
        v.scalar = c.scalars[step];
        return v;
    }
    for (const ColumnEntry &e : c.entries) {
        if (e.present[step])
            v.vector.push_back({e.labels, e.values[step]});
    }
    return v;
}

// One evaluation of one rule at `ts` (rules/alerting.go Eval).
void evaluateRule(const CompiledRule &rule, RuleState &state, const model::Result<Value> &value, qint64 ts,
                  RuleEvaluation &result)
{
    if (!value) {
        if (!state.warned)
            result.warnings.append(evalWarning(rule, ts, value.error().message));
        state.warned = true;
        return;
    }
    Vector samples = value->type == ValueType::Scalar ? Vector{{Labels(), value->scalar}} : value->vector;
    QHash<QString, AlertInstance> current;
    for (const VectorSample &s : samples) {
        Labels labels = s.labels;
        labels.remove(u"__name__"_s);
        AlertInstance a;
        a.alert = rule.rule.alert;
        a.value = s.v;
        for (auto it = rule.rule.labels.cbegin(); it != rule.rule.labels.cend(); ++it)
            a.labels.insert(it.key(), expandTemplate(it.value(), labels, s.v));
        for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        labels.insert(u"alertname"_s, rule.rule.alert);
        a.labels = labels;
        for (auto it = rule.rule.annotations.cbegin(); it != rule.rule.annotations.cend(); ++it)
            a.annotations.insert(it.key(), expandTemplate(it.value(), s.labels, s.v));
        a.activeAtMs = ts;
        const QString key = formatLabels(labels);
        if (current.contains(key)) {
            if (!state.warned)
                result.warnings.append(evalWarning(rule, ts, u"vector contains metrics with the same labelset after applying alert labels"_s));
            state.warned = true;
            return;
        }
        current.insert(key, a);
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (auto existing = state.active.find(it.key()); existing != state.active.end()) {
            existing->value = it->value;
            existing->annotations = it->annotations;
            existing->keepFiringSinceMs = -1;
        } else {
            state.active.insert(it.key(), *it);
        }
    }
    const qint64 holdMs = rule.rule.forDuration ? qint64(rule.rule.forDuration->count()) : 0;
    const qint64 keepMs = rule.rule.keepFiringFor ? qint64(rule.rule.keepFiringFor->count()) : 0;
    for (auto it = state.active.begin(); it != state.active.end();) {
        AlertInstance &a = *it;
        const QString key = it.key();
        if (!current.contains(key)) {
            bool keepFiring = false;
            if (a.state == AlertState::Firing && keepMs > 0) {
                if (a.keepFiringSinceMs < 0)
                    a.keepFiringSinceMs = ts;
                keepFiring = ts - a.keepFiringSinceMs < keepMs;
            }
            if (!keepFiring) {
                closePeriod(state.openPending, key, ts, result.periods);
                closePeriod(state.openFiring, key, ts, result.periods);
                it = state.active.erase(it);
                continue;
            }
        }
        if (a.state == AlertState::Pending && ts - a.activeAtMs >= holdMs) {
            a.state = AlertState::Firing;
            a.firedAtMs = ts;
            closePeriod(state.openPending, key, ts, result.periods);
        }
        trackPeriod(a.state == AlertState::Pending ? state.openPending : state.openFiring, key, a, ts, result.periods);
        ++it;
    }
}

} // namespace

QString alertStateName(AlertState state)
{
    switch (state) {
    case AlertState::Inactive: return u"inactive"_s;
    case AlertState::Pending: return u"pending"_s;
    case AlertState::Firing: return u"firing"_s;
    }
    return {};
}

RuleEvaluation evaluateRules(const std::vector<CompiledGroup> &groups, const SeriesStore &store, qint64 startMs,
                             qint64 endMs, const EvaluationObserver &observer, const std::function<bool(int, int)> &progress)
{
    model::clearUpperVectorState();
    RuleEvaluation result;
    result.startMs = startMs;
    result.endMs = endMs;
    const PromqlEvaluator evaluator(store);
    int total = 0;
    for (const CompiledGroup &g : groups)
        total += g.intervalMs > 0 && endMs >= startMs ? int((endMs - startMs) / g.intervalMs) + 1 : 0;
    int done = 0;
    for (const CompiledGroup &group : groups) {
        if (group.intervalMs <= 0)
            continue;
        std::vector<RuleState> states(group.rules.size());
        // every rule's expression over all of the group's timestamps at once (per timestamp when not covered)
        const size_t steps = endMs >= startMs ? size_t((endMs - startMs) / group.intervalMs) + 1 : 0;
        std::vector<std::optional<Columns>> columns;
        for (const CompiledRule &rule : group.rules)
            columns.push_back(evaluateColumns(store, *rule.expr, startMs, group.intervalMs, steps));
        size_t step = 0;
        for (qint64 ts = startMs; ts <= endMs; ts += group.intervalMs, ++step) {
            std::vector<AlertInstance> active;
            for (size_t r = 0; r < group.rules.size(); ++r) {
                const std::optional<Columns> &c = columns[r];
                evaluateRule(group.rules[r], states[r], c && !c->failed[step] ? valueAt(*c, step) : evaluator.evaluate(*group.rules[r].expr, ts),
                             ts, result);
                writeAlertSeries(states[r], ts, result.alertSeries);
                if (observer) {
                    for (const AlertInstance &a : std::as_const(states[r].active))
                        active.push_back(a);
                }
            }
            if (observer)
                observer(group, ts, active);
            ++result.evaluations;
            if (progress && !progress(++done, total))
                return result;
        }
    }
    std::stable_sort(result.periods.begin(), result.periods.end(), [](const AlertPeriod &a, const AlertPeriod &b) {
        if (a.startMs != b.startMs)
            return a.startMs < b.startMs;
        if (a.alert != b.alert)
            return a.alert < b.alert;
        return formatLabels(a.labels) < formatLabels(b.labels);
    });
    return result;
}

QString formatRfc3339(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 == 0 ? u"yyyy-MM-ddTHH:mm:ssZ"_s : u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QByteArray periodsToCsv(const std::vector<AlertPeriod> &periods)
{
    auto quote = [](const QString &field) -> QString {
        if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n'))
            return field;
        QString escaped = field;
        escaped.replace(u'"', u"\"\""_s);
        return u'"' + escaped + u'"';
    };
    QString csv = u"alert,labels,state,start,end\n"_s;
    for (const AlertPeriod &p : periods) {
        csv.append(quote(p.alert)).append(u',').append(quote(formatLabels(p.labels))).append(u',');
        csv.append(alertStateName(p.state)).append(u',').append(formatRfc3339(p.startMs)).append(u',');
        if (p.endMs >= 0)
            csv.append(formatRfc3339(p.endMs));
        csv.append(u'\n');
    }
    return csv.toUtf8();
}

} // namespace headroom::alerting
