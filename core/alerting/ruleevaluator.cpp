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

// Where an instance's annotations come from: they are expanded from the sample of its latest
// evaluation, so without an observer only the sample is kept and the text is made once per period.
struct AnnotationSource {
    const CompiledRule *rule = nullptr;
    Labels labels;
    double value = 0;
};

// An active alert instance and the sample its annotations are expanded from.
struct LiveAlert {
    AlertInstance instance;
    AnnotationSource source;
};

// The alert labels and key made from one sample's labels, when the rule's labels are not templates
// of the value (then they depend on the sample's labels only).
struct LabelsFromSample {
    Labels sample;
    Labels labels;
    QString key;
};

// The ALERTS and ALERTS_FOR_STATE series of an instance in the output store, for its state.
struct AlertSeries {
    AlertState state = AlertState::Pending;
    size_t alerts = 0;
    size_t forState = 0;
};

// The live state of one rule across evaluations.
struct RuleState {
    QHash<QString, LiveAlert> active;             // by formatLabels(labels)
    QHash<QString, qsizetype> openPending;        // key -> index into periods
    QHash<QString, qsizetype> openFiring;
    QHash<QString, AlertSeries> seriesOf;         // by instance key
    std::vector<size_t> lastAlertSeries;          // series written at the previous evaluation
    std::vector<LabelsFromSample> labelCache;
    // The keys of `active`, rebuilt when instances come or go: walking a hash visits all of its
    // buckets (128 at least), walking this only the instances.
    std::vector<QString> keys;
    bool keysStale = false;
    bool templatesKnown = false;
    bool labelsAreTemplates = false;
    bool warned = false;
};

const std::vector<QString> &activeKeys(RuleState &state)
{
    if (state.keysStale) {
        const QList<QString> keys = state.active.keys();
        state.keys.assign(keys.cbegin(), keys.cend());
        state.keysStale = false;
    }
    return state.keys;
}

// The periods under construction with the source of each one's annotations (lazy mode).
struct PeriodLog {
    std::vector<AlertPeriod> &periods;
    std::vector<AnnotationSource> sources;
    bool eager = true; // an observer sees instances: expand annotations at every evaluation
};

QMap<QString, QString> expandAnnotations(const AnnotationSource &source)
{
    QMap<QString, QString> out;
    const auto &annotations = source.rule->rule.annotations;
    for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
        out.insert(it.key(), expandTemplate(it.value(), source.labels, source.value));
    return out;
}

void closePeriod(QHash<QString, qsizetype> &open, const QString &key, qint64 ts, std::vector<AlertPeriod> &periods)
{
    if (auto it = open.find(key); it != open.end()) {
        periods[size_t(*it)].endMs = ts;
        open.erase(it);
    }
}

void trackPeriod(QHash<QString, qsizetype> &open, const QString &key, const LiveAlert &live, qint64 ts, PeriodLog &log)
{
    const AlertInstance &a = live.instance;
    auto it = open.constFind(key);
    if (it == open.cend()) {
        open.insert(key, qsizetype(log.periods.size()));
        log.periods.push_back({a.alert, a.labels, a.state, ts, -1, a.value, a.annotations});
        if (!log.eager)
            log.sources.push_back(live.source);
        return;
    }
    AlertPeriod &p = log.periods[size_t(*it)];
    p.maxValue = std::max(p.maxValue, a.value);
    if (log.eager)
        p.annotations = a.annotations;
    else
        log.sources[size_t(*it)] = live.source;
}

// Annotations of every period from the sample of its last evaluation (lazy mode).
void expandPeriodAnnotations(PeriodLog &log)
{
    for (size_t i = 0; i < log.sources.size(); ++i)
        log.periods[i].annotations = expandAnnotations(log.sources[i]);
    log.sources.clear();
}

void writeAlertSeries(RuleState &state, qint64 ts, SeriesStore &out)
{
    if (state.active.isEmpty() && state.lastAlertSeries.empty())
        return;
    std::vector<size_t> written;
    const auto write = [&](const QString &key, const AlertInstance &a) {
        auto series = state.seriesOf.find(key);
        if (series == state.seriesOf.end() || series->state != a.state) {
            Labels alerts = a.labels;
            alerts.insert(u"__name__"_s, u"ALERTS"_s);
            alerts.insert(u"alertstate"_s, alertStateName(a.state));
            const size_t alertsAt = out.seriesPosition(alerts);
            Labels forState = a.labels;
            forState.insert(u"__name__"_s, u"ALERTS_FOR_STATE"_s);
            series = state.seriesOf.insert(key, {a.state, alertsAt, out.seriesPosition(forState)});
        }
        out.appendAt(series->alerts, ts, 1);
        out.appendAt(series->forState, ts, double(a.activeAtMs) / 1000);
        written.push_back(series->alerts);
        written.push_back(series->forState);
    };
    // samples go to existing series in any order; only where series are created does the order of the
    // instances show (the order of the store's series), so then they are taken in the hash's order
    const std::vector<QString> &keys = activeKeys(state);
    // each instance's series as found while checking for new ones (valid while none is created)
    std::vector<std::pair<const AlertSeries *, const AlertInstance *>> found;
    found.reserve(keys.size());
    bool creates = false;
    for (const QString &key : keys) {
        const auto series = state.seriesOf.constFind(key);
        const AlertInstance &a = state.active.constFind(key)->instance;
        if (series == state.seriesOf.cend() || series->state != a.state) {
            creates = true;
            break;
        }
        found.emplace_back(&*series, &a);
    }
    if (creates) {
        for (auto it = state.active.cbegin(); it != state.active.cend(); ++it)
            write(it.key(), it->instance);
    } else {
        for (const auto &[series, a] : found) {
            out.appendAt(series->alerts, ts, 1);
            out.appendAt(series->forState, ts, double(a->activeAtMs) / 1000);
            written.push_back(series->alerts);
            written.push_back(series->forState);
        }
    }
    // series this rule wrote last time and not now end with a staleness marker, as Prometheus writes them
    for (const size_t position : state.lastAlertSeries) {
        if (std::find(written.begin(), written.end(), position) == written.end())
            out.appendAt(position, ts, staleMarker());
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

bool labelsAreTemplates(const CompiledRule &rule)
{
    return std::any_of(rule.rule.labels.cbegin(), rule.rule.labels.cend(), [](const QString &v) { return v.contains(u"{{"); });
}

// The instance labels of one sample (its labels without __name__, the rule's labels, alertname) and
// their key; remembered per sample label set when the rule's labels do not use the value.
const LabelsFromSample &alertLabels(const CompiledRule &rule, RuleState &state, const VectorSample &s, bool cacheable,
                                    LabelsFromSample &scratch)
{
    if (cacheable) {
        for (const LabelsFromSample &c : state.labelCache) {
            if (c.sample.isSharedWith(s.labels))
                return c;
        }
        for (const LabelsFromSample &c : state.labelCache) {
            if (c.sample == s.labels)
                return c;
        }
    }
    Labels labels = s.labels;
    labels.remove(u"__name__"_s);
    Labels ruleLabels;
    for (auto it = rule.rule.labels.cbegin(); it != rule.rule.labels.cend(); ++it)
        ruleLabels.insert(it.key(), expandTemplate(it.value(), labels, s.v));
    for (auto it = ruleLabels.cbegin(); it != ruleLabels.cend(); ++it)
        labels.insert(it.key(), it.value());
    labels.insert(u"alertname"_s, rule.rule.alert);
    scratch = {s.labels, labels, formatLabels(labels)};
    if (cacheable && state.labelCache.size() < 256) {
        state.labelCache.push_back(scratch);
        return state.labelCache.back();
    }
    return scratch;
}

// One evaluation of one rule at `ts` (rules/alerting.go Eval).
void evaluateRule(const CompiledRule &rule, RuleState &state, const model::Result<Value> &value, qint64 ts,
                  RuleEvaluation &result, PeriodLog &log)
{
    if (!value) {
        if (!state.warned)
            result.warnings.append(evalWarning(rule, ts, value.error().message));
        state.warned = true;
        return;
    }
    const Vector scalarSample = value->type == ValueType::Scalar ? Vector{{Labels(), value->scalar}} : Vector();
    const Vector &samples = value->type == ValueType::Scalar ? scalarSample : value->vector;
    if (!state.templatesKnown) {
        state.labelsAreTemplates = labelsAreTemplates(rule);
        state.templatesKnown = true;
    }
    const bool cacheable = !state.labelsAreTemplates;
    // this evaluation's instances in sample order; a few at most, so searched linearly (with an
    // index past a handful) instead of being hashed into a table at every evaluation
    std::vector<std::pair<QString, LiveAlert>> current;
    current.reserve(samples.size());
    QHash<QString, size_t> index;
    const auto findCurrent = [&](const QString &key) -> const LiveAlert * {
        if (current.size() > 8) {
            if (index.isEmpty())
                for (size_t i = 0; i < current.size(); ++i)
                    index.insert(current[i].first, i);
            const auto it = index.constFind(key);
            return it == index.cend() ? nullptr : &current[*it].second;
        }
        for (const auto &[k, live] : current)
            if (k == key)
                return &live;
        return nullptr;
    };
    LabelsFromSample scratch;
    for (const VectorSample &s : samples) {
        const LabelsFromSample &made = alertLabels(rule, state, s, cacheable, scratch);
        if (findCurrent(made.key)) {
            if (!state.warned)
                result.warnings.append(evalWarning(rule, ts, u"vector contains metrics with the same labelset after applying alert labels"_s));
            state.warned = true;
            return;
        }
        LiveAlert live;
        AlertInstance &a = live.instance;
        a.alert = rule.rule.alert;
        a.value = s.v;
        a.labels = made.labels;
        live.source = {&rule, s.labels, s.v};
        if (log.eager)
            a.annotations = expandAnnotations(live.source);
        a.activeAtMs = ts;
        current.emplace_back(made.key, std::move(live));
        if (!index.isEmpty())
            index.insert(current.back().first, current.size() - 1);
    }
    bool anyNew = false;
    for (const auto &[key, now] : current) {
        if (auto existing = state.active.find(key); existing != state.active.end()) {
            existing->instance.value = now.instance.value;
            existing->instance.annotations = now.instance.annotations;
            existing->instance.keepFiringSinceMs = -1;
            existing->source = now.source;
        } else {
            anyNew = true;
        }
    }
    if (anyNew) {
        // New instances enter in the order of a hash of this evaluation's instances filled in
        // sample order: its order of iteration decides the order of `active`'s.
        QHash<QString, const LiveAlert *> ordered;
        for (const auto &[key, live] : current)
            ordered.insert(key, &live);
        for (auto it = ordered.cbegin(); it != ordered.cend(); ++it) {
            if (!state.active.contains(it.key()))
                state.active.insert(it.key(), **it);
        }
        state.keysStale = true;
    }
    if (state.active.isEmpty())
        return;
    const qint64 holdMs = rule.rule.forDuration ? qint64(rule.rule.forDuration->count()) : 0;
    const qint64 keepMs = rule.rule.keepFiringFor ? qint64(rule.rule.keepFiringFor->count()) : 0;
    // each instance is updated on its own, so the order they are visited in does not matter
    const std::vector<QString> keys = activeKeys(state);
    for (const QString &key : keys) {
        const auto it = state.active.find(key);
        AlertInstance &a = it->instance;
        if (!findCurrent(key)) {
            bool keepFiring = false;
            if (a.state == AlertState::Firing && keepMs > 0) {
                if (a.keepFiringSinceMs < 0)
                    a.keepFiringSinceMs = ts;
                keepFiring = ts - a.keepFiringSinceMs < keepMs;
            }
            if (!keepFiring) {
                closePeriod(state.openPending, key, ts, result.periods);
                closePeriod(state.openFiring, key, ts, result.periods);
                state.active.erase(it);
                state.keysStale = true;
                continue;
            }
        }
        if (a.state == AlertState::Pending && ts - a.activeAtMs >= holdMs) {
            a.state = AlertState::Firing;
            a.firedAtMs = ts;
            closePeriod(state.openPending, key, ts, result.periods);
        }
        trackPeriod(a.state == AlertState::Pending ? state.openPending : state.openFiring, key, *it, ts, log);
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
    PeriodLog log{result.periods, {}, bool(observer)};
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
                             ts, result, log);
                writeAlertSeries(states[r], ts, result.alertSeries);
                if (observer) {
                    for (const LiveAlert &a : std::as_const(states[r].active))
                        active.push_back(a.instance);
                }
            }
            if (observer)
                observer(group, ts, active);
            ++result.evaluations;
            if (progress && !progress(++done, total)) {
                expandPeriodAnnotations(log);
                return result;
            }
        }
    }
    expandPeriodAnnotations(log);
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
