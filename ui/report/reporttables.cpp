#include "ui/report/reporttables.h"

#include "core/model/scenarioschema.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>


using namespace Qt::StringLiterals;

namespace headroom::report {

using model::csvNumber;
using model::CsvTable;

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

QString isoUtc(QDate date)
{
    return isoUtc(QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
}

QString slug(const QString &name)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9.-]+"_s);
    QString s = name.trimmed();
    s.replace(unsafe, u"_"_s);
    s = s.left(60);
    while (s.endsWith(u'_'))
        s.chop(1);
    return s.isEmpty() ? u"traffic"_s : s;
}

int planPeakReplicas(const capacity::CapacityPlan &plan)
{
    int peak = 0;
    for (int d = 0; d < plan.days; ++d) {
        int sum = 0;
        for (const capacity::TierPlan &t : plan.tiers)
            if (static_cast<std::size_t>(d) < t.plannedReplicas.size())
                sum += t.plannedReplicas[static_cast<std::size_t>(d)];
        peak = std::max(peak, sum);
    }
    return peak;
}

namespace {

QString absorption(const analysis::OutcomeFigures &f)
{
    if (f.spikeAbsorbedSeconds)
        return csvNumber(*f.spikeAbsorbedSeconds);
    return f.spikeNeverAbsorbed ? u"never"_s : u"no event"_s;
}

QString comparisonText(const model::SuccessMetric &m)
{
    return model::enumToString(m.comparison) + u' ' + csvNumber(m.target) + u' ' + m.unit;
}

} // namespace

CsvTable summaryTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"metric"_s, u"value"_s, u"unit"_s, u"basis"_s};
    t.rows.append({u"peak_replicas"_s, QString::number(planPeakReplicas(a.plan)), u"replicas"_s,
                   u"capacity plan, %1 days, sum over tiers"_s.arg(a.plan.days)});
    if (a.cost) {
        t.rows.append({u"monthly_cost"_s, model::csvFixed(a.cost->monthlyCost(), 2), u"USD/month"_s,
                       u"capacity plan bill, 730 h"_s});
        t.rows.append({u"cost_per_user_month"_s, model::csvFixed(a.cost->costPerUserMonth(), 4), u"USD/user-month"_s,
                       u"monthly cost / average monthly active users"_s});
    }
    for (const analysis::TrafficOutcome &o : a.traffic) {
        t.rows.append({u"peak_replicas:"_s + o.name, QString::number(o.figures.peakReplicas), u"replicas"_s,
                       u"simulation"_s});
        t.rows.append({u"peak_p95:"_s + o.name, model::csvFixed(o.figures.peakP95Ms, 1), u"ms"_s, u"simulation"_s});
        t.rows.append({u"spike_absorbed:"_s + o.name, absorption(o.figures), u"s"_s, u"simulation, slowest tier"_s});
    }
    return t;
}

CsvTable successMetricsTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"metric"_s, u"target"_s, u"verdict"_s, u"worst_value"_s, u"traffic_scenarios"_s};
    // In the scenario's order of metrics, as the first traffic outcome lists them.
    std::vector<QString> order;
    std::map<QString, std::vector<const alerting::SloResult *>> byMetric;
    for (const analysis::TrafficOutcome &o : a.traffic)
        for (const alerting::SloResult &r : o.slos) {
            const QString key = r.metric.id.isEmpty() ? r.metric.name : r.metric.id;
            if (!byMetric.contains(key))
                order.push_back(key);
            byMetric[key].push_back(&r);
        }
    for (const QString &key : order) {
        const auto &results = byMetric[key];
        const bool anyFail = std::any_of(results.begin(), results.end(),
                                         [](auto *r) { return r->verdict == alerting::SloVerdict::Fail; });
        const bool anyPass = std::any_of(results.begin(), results.end(),
                                         [](auto *r) { return r->verdict == alerting::SloVerdict::Pass; });
        const alerting::SloVerdict verdict = anyFail ? alerting::SloVerdict::Fail
                                             : anyPass ? alerting::SloVerdict::Pass
                                                       : results.front()->verdict;
        const model::SuccessMetric &m = results.front()->metric;
        const bool lowerIsBetter = m.comparison == model::Comparison::Less || m.comparison == model::Comparison::LessOrEqual;
        std::optional<double> worst;
        QStringList names;
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (results[i]->value)
                worst = !worst ? *results[i]->value
                        : lowerIsBetter ? std::max(*worst, *results[i]->value)
                                        : std::min(*worst, *results[i]->value);
            names.append(a.traffic[i].name + u'=' + alerting::sloVerdictName(results[i]->verdict));
        }
        t.rows.append({m.name.isEmpty() ? key : m.name, comparisonText(m), alerting::sloVerdictName(verdict),
                       worst ? QString::number(*worst, 'g', 6) : QString(), names.join(u"; "_s)});
    }
    return t;
}

CsvTable sloDetailTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"traffic"_s, u"metric"_s, u"verdict"_s, u"value"_s, u"target"_s, u"unit"_s, u"minutes_in_breach"_s,
                u"note"_s};
    for (const analysis::TrafficOutcome &o : a.traffic)
        for (const alerting::SloResult &r : o.slos)
            t.rows.append({o.name, r.metric.name, alerting::sloVerdictName(r.verdict),
                           r.value ? csvNumber(*r.value) : QString(), comparisonText(r.metric), r.metric.unit,
                           csvNumber(r.minutesInBreach), r.note});
    return t;
}

CsvTable capacityDailyTable(const analysis::ScenarioAnalysis &a)
{
    const capacity::CapacityPlan &plan = a.plan;
    CsvTable t;
    t.header = {u"time_utc"_s, u"day"_s, u"users_concurrent"_s};
    for (const capacity::TierPlan &tier : plan.tiers)
        t.header << tier.tierId + u"_demand_units"_s << tier.tierId + u"_required_replicas"_s
                 << tier.tierId + u"_planned_replicas"_s;
    for (int d = 0; d < plan.days; ++d) {
        const auto k = static_cast<std::size_t>(d);
        QStringList row{isoUtc(plan.date(d)), QString::number(d), csvNumber(plan.users[k])};
        for (const capacity::TierPlan &tier : plan.tiers)
            row << csvNumber(tier.demand[k]) << QString::number(tier.requiredReplicas[k])
                << QString::number(tier.plannedReplicas[k]);
        t.rows.append(row);
    }
    return t;
}

CsvTable capacityMonthlyTable(const analysis::ScenarioAnalysis &a)
{
    const capacity::CapacityPlan &plan = a.plan;
    CsvTable t;
    t.header = {u"month_start_utc"_s, u"users_concurrent_end"_s};
    for (const capacity::TierPlan &tier : plan.tiers)
        t.header << tier.tierId + u"_required_replicas_max"_s << tier.tierId + u"_planned_replicas_max"_s;
    for (int first = 0; first < plan.days; first += 30) {
        const int last = std::min(first + 30, plan.days) - 1;
        QStringList row{isoUtc(plan.date(first)), csvNumber(std::round(plan.users[static_cast<std::size_t>(last)]))};
        for (const capacity::TierPlan &tier : plan.tiers) {
            int req = 0, planned = 0;
            for (int d = first; d <= last; ++d) {
                req = std::max(req, tier.requiredReplicas[static_cast<std::size_t>(d)]);
                planned = std::max(planned, tier.plannedReplicas[static_cast<std::size_t>(d)]);
            }
            row << QString::number(req) << QString::number(planned);
        }
        t.rows.append(row);
    }
    return t;
}

CsvTable outcomesTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"traffic"_s, u"peak_replicas"_s, u"peak_nodes"_s, u"peak_p95_ms"_s, u"minutes_over_slo"_s,
                u"spike_absorbed_s"_s, u"monthly_cost_usd"_s, u"cost_per_user_month_usd"_s, u"firing_alerts"_s,
                u"slos_passed"_s, u"slos_failed"_s};
    for (const analysis::TrafficOutcome &o : a.traffic) {
        const analysis::OutcomeFigures &f = o.figures;
        t.rows.append({o.name, QString::number(f.peakReplicas), QString::number(f.peakNodes), model::csvFixed(f.peakP95Ms, 1),
                       model::csvFixed(f.minutesOverSlo, 1), absorption(f), model::csvFixed(f.monthlyCostUsd, 2),
                       model::csvFixed(f.costPerUserMonth, 4), QString::number(f.firingAlerts),
                       QString::number(f.slosPassed), QString::number(f.slosFailed)});
    }
    return t;
}

CsvTable simulationTable(const analysis::TrafficOutcome &o)
{
    const autoscale::SimulationResult &r = o.simulation;
    CsvTable t;
    t.header = {u"time_utc"_s, u"tier"_s, u"demand_per_s"_s, u"desired_replicas"_s, u"ready_replicas"_s,
                u"pending_replicas"_s, u"nodes"_s, u"cpu_pct"_s, u"p95_ms"_s, u"dropped_per_s"_s, u"fleet_cost_usd_per_day"_s};
    t.rows.reserve(static_cast<qsizetype>(r.ticks) * static_cast<qsizetype>(r.tiers.size()));
    for (int i = 0; i < r.ticks; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const QString time = isoUtc(r.startMs + qint64{i} * r.stepMs);
        const QString cost = k < o.dailyCostUsd.size() ? model::csvFixed(o.dailyCostUsd[k], 2) : QString();
        for (const autoscale::TierTimeline &tl : r.tiers)
            t.rows.append({time, tl.tierId, model::csvFixed(tl.demand[k], 3), QString::number(tl.desiredReplicas[k]),
                           QString::number(tl.readyReplicas[k]), QString::number(tl.pendingReplicas[k]),
                           QString::number(tl.nodes[k]), model::csvFixed(tl.cpuUtilization[k], 1),
                           std::isfinite(tl.p95LatencyMs[k]) ? model::csvFixed(tl.p95LatencyMs[k], 1) : u"inf"_s,
                           model::csvFixed(tl.droppedPerSecond[k], 3), cost});
    }
    return t;
}

CsvTable alertsTable(const analysis::TrafficOutcome &o)
{
    CsvTable t;
    t.header = {u"alert"_s, u"state"_s, u"labels"_s, u"start_utc"_s, u"end_utc"_s, u"duration_min"_s, u"max_value"_s};
    const qint64 end = o.alerts.endMs;
    for (const alerting::AlertPeriod &p : o.alerts.periods) {
        QStringList labels;
        for (auto it = p.labels.cbegin(); it != p.labels.cend(); ++it)
            if (it.key() != u"__name__" && it.key() != u"alertname")
                labels.append(it.key() + u'=' + it.value());
        const qint64 stop = p.endMs >= 0 ? p.endMs : end;
        t.rows.append({p.alert, alerting::alertStateName(p.state), labels.join(u' '), isoUtc(p.startMs),
                       p.endMs >= 0 ? isoUtc(p.endMs) : QString(),
                       model::csvFixed(static_cast<double>(std::max<qint64>(stop - p.startMs, 0)) / 60'000.0, 2),
                       csvNumber(p.maxValue)});
    }
    return t;
}

} // namespace headroom::report
