#include "core/alerting/sloreport.h"

#include "core/alerting/promqlcolumns.h"
#include "core/alerting/promqlevaluator.h"
#include "core/model/vectorstate.h"

#include <QHash>

#include <cmath>
#include <limits>
#include <span>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

// One indicator sampled on the evaluation grid; NaN where the expression returned nothing.
struct Track {
    std::vector<qint64> t;
    std::vector<double> v;
    bool any() const
    {
        return std::any_of(v.begin(), v.end(), [](double x) { return !std::isnan(x); });
    }
};

Track sampleUncached(const SeriesStore &store, const QString &expr, qint64 startMs, qint64 endMs, qint64 stepMs,
                     ColumnCache &columnCache)
{
    Track track;
    const auto parsed = parsePromql(expr);
    if (!parsed)
        return track;
    const PromqlEvaluator evaluator(store);
    const size_t steps = stepMs > 0 && endMs >= startMs ? size_t((endMs - startMs) / stepMs) + 1 : 0;
    if (const std::optional<Columns> columns = evaluateColumns(store, *parsed.value(), startMs, stepMs, steps, 5 * 60'000 /* the default lookback */,
                                                                        columnCache)) {
        // the value where the expression gives a scalar or exactly one series, as below
        for (size_t k = 0; k < steps; ++k) {
            double v = std::numeric_limits<double>::quiet_NaN();
            const ColumnEntry *only = nullptr;
            int count = 0;
            for (const ColumnEntry &e : columns->entries) {
                if (e.present[k]) {
                    only = &e;
                    ++count;
                }
            }
            if (columns->failed[k])
                ; // an evaluation error gives no value
            else if (columns->scalar)
                v = columns->scalars[k];
            else if (count == 1)
                v = only->values[k];
            track.t.push_back(startMs + qint64(k) * stepMs);
            track.v.push_back(v);
        }
        return track;
    }
    for (qint64 ts = startMs; ts <= endMs; ts += stepMs) {
        const auto value = evaluator.evaluate(*parsed.value(), ts);
        double v = std::numeric_limits<double>::quiet_NaN();
        if (value && value->type == ValueType::Scalar)
            v = value->scalar;
        else if (value && value->vector.size() == 1)
            v = value->vector.front().v;
        track.t.push_back(ts);
        track.v.push_back(v);
    }
    return track;
}

// Tracks already sampled in this report (several SLOs sample the same expression) and the
// columns of their sub-expressions (several expressions share parts).
struct TrackCache {
    QHash<QString, Track> tracks;
    ColumnCache columns;
};

Track sample(const SeriesStore &store, const QString &expr, qint64 startMs, qint64 endMs, qint64 stepMs,
             TrackCache *cache)
{
    if (auto it = cache->tracks.constFind(expr); it != cache->tracks.cend())
        return *it;
    Track track = sampleUncached(store, expr, startMs, endMs, stepMs, cache->columns);
    cache->tracks.insert(expr, track);
    return track;
}

bool meets(model::Comparison c, double value, double target, double tolerance)
{
    switch (c) {
    case model::Comparison::Less: return value < target;
    case model::Comparison::LessOrEqual: return value <= target;
    case model::Comparison::Greater: return value > target;
    case model::Comparison::GreaterOrEqual: return value >= target;
    case model::Comparison::Within: return std::fabs(value - target) <= std::fabs(target) * tolerance;
    }
    return false;
}

double mean(std::span<const double> v)
{
    double sum = 0;
    double n = 0;
    for (double x : v) {
        if (!std::isnan(x)) {
            sum += x;
            n += 1;
        }
    }
    return n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

// Minutes in breach and the worst window (highest mean for upper-bound SLOs, lowest for lower bounds).
void breachAndWindow(SloResult &r, const Track &track, const SloOptions &o, double tolerance)
{
    const model::SuccessMetric &m = r.metric;
    for (double x : track.v) {
        if (!std::isnan(x) && !meets(m.comparison, x, m.target, tolerance))
            r.minutesInBreach += double(o.stepMs) / 60'000;
    }
    const bool lowerIsWorse = m.comparison == model::Comparison::Greater || m.comparison == model::Comparison::GreaterOrEqual;
    const size_t width = size_t(std::max<qint64>(1, o.windowMs / o.stepMs));
    for (size_t i = 0; i + width <= track.v.size(); ++i) {
        const double w = mean(std::span<const double>(track.v).subspan(i, width));
        if (std::isnan(w))
            continue;
        double score = lowerIsWorse ? -w : w;
        if (m.comparison == model::Comparison::Within)
            score = std::fabs(w - m.target);
        const double best = !r.worstWindowValue ? -std::numeric_limits<double>::infinity()
            : m.comparison == model::Comparison::Within ? std::fabs(*r.worstWindowValue - m.target)
            : (lowerIsWorse ? -*r.worstWindowValue : *r.worstWindowValue);
        if (score > best) {
            r.worstWindowValue = w;
            r.worstWindowStartMs = track.t[i];
            r.worstWindowEndMs = track.t[i + width - 1] + o.stepMs;
        }
    }
}

// Mean time for ready replicas to reach a raised (up) or lowered (down) desired count, in minutes.
std::optional<double> meanScaleTime(const SeriesStore &store, const SloOptions &o, qint64 startMs, qint64 endMs, bool up,
                                    TrackCache *cache)
{
    const QString desired = mappedName(o.names, u"desired_replicas"_s);
    const QString ready = mappedName(o.names, u"replicas"_s);
    double total = 0;
    int episodes = 0;
    for (const Series &s : store.series()) {
        if (s.labels.value(u"__name__"_s) != desired)
            continue;
        Labels readyLabels = s.labels;
        readyLabels.insert(u"__name__"_s, ready);
        QString selector = formatLabels(readyLabels);
        const Track d = sample(store, formatLabels(s.labels), startMs, endMs, o.stepMs, cache);
        const Track r = sample(store, selector, startMs, endMs, o.stepMs, cache);
        std::optional<size_t> open;
        double goal = 0;
        for (size_t i = 1; i < d.v.size(); ++i) {
            const bool moved = up ? d.v[i] > d.v[i - 1] && d.v[i] > r.v[i] : d.v[i] < d.v[i - 1] && d.v[i] < r.v[i];
            if (!open && moved) {
                open = i;
                goal = d.v[i];
            }
            if (open && (up ? r.v[i] >= goal : r.v[i] <= goal)) {
                total += double(d.t[i] - d.t[*open]) / 60'000;
                ++episodes;
                open.reset();
            }
        }
    }
    return episodes > 0 ? std::optional<double>(total / episodes) : std::nullopt;
}

} // namespace

QString mappedName(const SeriesNameMap &map, const QString &canonical)
{
    return map.value(canonical, canonical);
}

std::optional<SeriesNameMap> parseNameMap(const QString &text, QString *error)
{
    SeriesNameMap map;
    for (const QString &entry : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.indexOf(u'=');
        if (eq <= 0 || eq == entry.size() - 1) {
            *error = u"expected canonical=name, got '%1'"_s.arg(entry);
            return std::nullopt;
        }
        map.insert(entry.left(eq).trimmed(), entry.mid(eq + 1).trimmed());
    }
    return map;
}

QString sloVerdictName(SloVerdict v)
{
    switch (v) {
    case SloVerdict::Pass: return u"PASS"_s;
    case SloVerdict::Fail: return u"FAIL"_s;
    case SloVerdict::NotExercised: return u"NOT EXERCISED"_s;
    case SloVerdict::NotMeasurable: return u"N/A"_s;
    }
    return {};
}

std::vector<SloResult> evaluateSlos(const QList<model::SuccessMetric> &metrics, const SeriesStore &store, qint64 startMs,
                                    qint64 endMs, const SloOptions &o)
{
    model::clearUpperVectorState();
    const auto n = [&o](const char16_t *canonical) { return mappedName(o.names, QString::fromUtf16(canonical)); };
    std::vector<SloResult> out;
    TrackCache tracks;
    TrackCache *const cache = &tracks;
    for (const model::SuccessMetric &m : metrics) {
        SloResult r;
        r.metric = m;
        const QString &ind = m.indicator;
        Track track;
        if (ind == u"p95ResponseTime") {
            const double scale = m.unit == u"ms" ? 1 : 1000;
            track = sample(store, u"max(%1) / %2"_s.arg(n(u"response_time_p95_ms")).arg(scale), startMs, endMs, o.stepMs, cache);
            r.note = u"max over tiers of %1, every step must meet the target"_s.arg(n(u"response_time_p95_ms"));
            if (track.any()) {
                r.value = *std::max_element(track.v.begin(), track.v.end(), [](double a, double b) {
                    return std::isnan(a) || (!std::isnan(b) && a < b);
                });
            }
        } else if (ind == u"availability") {
            const QString failed = u"sum(%1 * %2)"_s.arg(n(u"error_rate"), n(u"requests_per_second"));
            const QString total = u"sum(%1)"_s.arg(n(u"requests_per_second"));
            track = sample(store, u"100 * (1 - %1 / %2)"_s.arg(failed, total), startMs, endMs, o.stepMs, cache);
            const Track f = sample(store, failed, startMs, endMs, o.stepMs, cache);
            const Track t = sample(store, total, startMs, endMs, o.stepMs, cache);
            double failedSum = 0;
            double totalSum = 0;
            for (size_t i = 0; i < f.v.size(); ++i) {
                if (!std::isnan(f.v[i]) && !std::isnan(t.v[i])) {
                    failedSum += f.v[i];
                    totalSum += t.v[i];
                }
            }
            if (totalSum > 0) {
                r.value = 100 * (1 - failedSum / totalSum);
                const double allowed = 1 - m.target / 100;
                if (allowed > 0)
                    r.errorBudgetUsedPercent = 100 * (failedSum / totalSum) / allowed;
            }
            r.note = u"requests served / requests (%1 x %2)"_s.arg(n(u"error_rate"), n(u"requests_per_second"));
        } else if (ind == u"requestsPerSecond") {
            const QString served = u"sum(%1 * (1 - %2))"_s.arg(n(u"requests_per_second"), n(u"error_rate"));
            track = sample(store, served, startMs, endMs, o.stepMs, cache);
            const Track demand = sample(store, u"sum(%1)"_s.arg(n(u"requests_per_second")), startMs, endMs, o.stepMs, cache);
            double peakDemand = 0;
            double worstServedAtTarget = std::numeric_limits<double>::infinity();
            for (size_t i = 0; i < demand.v.size(); ++i) {
                if (std::isnan(demand.v[i]))
                    continue;
                peakDemand = std::max(peakDemand, demand.v[i]);
                if (demand.v[i] >= m.target && !std::isnan(track.v[i]))
                    worstServedAtTarget = std::min(worstServedAtTarget, track.v[i]);
            }
            if (demand.any()) {
                r.value = std::isinf(worstServedAtTarget) ? peakDemand : worstServedAtTarget;
                if (peakDemand < m.target) {
                    r.verdict = SloVerdict::NotExercised;
                    r.note = u"peak demand %1 req/s stays below the target"_s.arg(peakDemand, 0, 'f', 0);
                } else {
                    r.note = u"lowest served rate while demand >= target"_s;
                }
            }
            track = {}; // breach minutes only make sense while demand reaches the target
        } else if (ind == u"averageCpuUtilization" || ind == u"averageMemoryUtilization") {
            const QString metric = n(ind == u"averageCpuUtilization" ? u"cpu_utilization" : u"memory_utilization");
            track = sample(store, u"avg(%1)"_s.arg(metric), startMs, endMs, o.stepMs, cache);
            if (track.any())
                r.value = mean(track.v);
            r.note = u"mean of avg(%1); within +-%2% of the target"_s.arg(metric).arg(o.withinTolerance * 100);
        } else if (ind == u"spikeAbsorptionTime") {
            const Track slow = sample(store, u"max(%1)"_s.arg(n(u"response_time_p95_ms")), startMs, endMs, o.stepMs, cache);
            const Track errors = sample(store, u"max(%1)"_s.arg(n(u"error_rate")), startMs, endMs, o.stepMs, cache);
            double longest = 0;
            double current = 0;
            for (size_t i = 0; i < slow.v.size(); ++i) {
                const bool bad = slow.v[i] > 2000 || errors.v[i] > 0.01; // NaN compares false
                current = bad ? current + double(o.stepMs) / 60'000 : 0;
                longest = std::max(longest, current);
            }
            const bool any = slow.any() || errors.any();
            if (any)
                r.value = longest;
            r.note = u"longest stretch with p95 > 2 s or error rate > 1%"_s;
        } else if (ind == u"meanScaleUpTime" || ind == u"meanScaleDownTime") {
            r.value = meanScaleTime(store, o, startMs, endMs, ind == u"meanScaleUpTime", cache);
            r.note = u"%1 reaching %2"_s.arg(n(u"replicas"), n(u"desired_replicas"));
            if (!r.value && !store.select({{u"__name__"_s, MatchOp::Equal, n(u"desired_replicas"), {}}}).empty()) {
                r.verdict = SloVerdict::NotExercised;
                r.note = u"no scaling in this direction"_s;
            }
        } else {
            r.note = u"needs data the series do not carry (cost, forecasts or scaling decisions)"_s;
        }
        if (!track.t.empty())
            breachAndWindow(r, track, o, o.withinTolerance);
        if (r.verdict == SloVerdict::NotMeasurable && r.value && !std::isnan(*r.value))
            r.verdict = meets(m.comparison, *r.value, m.target, o.withinTolerance) ? SloVerdict::Pass : SloVerdict::Fail;
        else if (r.verdict == SloVerdict::NotMeasurable && r.note.isEmpty())
            r.note = u"no series"_s;
        if (r.verdict == SloVerdict::NotMeasurable && !r.value && ind != u"meanScaleUpTime" && ind != u"meanScaleDownTime"
            && !r.note.startsWith(u"needs"))
            r.note = u"no data: " + r.note;
        out.push_back(std::move(r));
    }
    return out;
}

QString formatSloReport(const std::vector<SloResult> &slos, const RuleEvaluation &rules)
{
    QString text = u"SLOs\n"_s;
    for (const SloResult &r : slos) {
        text.append(u"  %1  %2"_s.arg(sloVerdictName(r.verdict), -13).arg(r.metric.name.isEmpty() ? r.metric.id : r.metric.name));
        if (r.value)
            text.append(u": %1 %2"_s.arg(*r.value, 0, 'g', 6).arg(r.metric.unit));
        if (r.minutesInBreach > 0)
            text.append(u", %1 min in breach"_s.arg(r.minutesInBreach, 0, 'f', 1));
        if (r.worstWindowValue && r.verdict == SloVerdict::Fail)
            text.append(u", worst window %1..%2 at %3"_s.arg(formatRfc3339(r.worstWindowStartMs), formatRfc3339(r.worstWindowEndMs))
                            .arg(*r.worstWindowValue, 0, 'g', 6));
        if (r.errorBudgetUsedPercent)
            text.append(u", error budget used %1%"_s.arg(*r.errorBudgetUsedPercent, 0, 'f', 1));
        text.append(u" (%1)\n"_s.arg(r.note));
    }
    text.append(u"Alerts\n"_s);
    if (rules.periods.empty())
        text.append(u"  none pending or firing\n"_s);
    for (const AlertPeriod &p : rules.periods) {
        text.append(u"  %1 %2 %3 %4 .. %5\n"_s.arg(p.alert, formatLabels(p.labels, false), alertStateName(p.state), formatRfc3339(p.startMs),
                                                   p.endMs < 0 ? u"(still active)"_s : formatRfc3339(p.endMs)));
    }
    return text;
}

} // namespace headroom::alerting
