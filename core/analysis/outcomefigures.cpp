#include "core/analysis/outcomefigures.h"

#include "core/model/csv.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::analysis {

namespace {

constexpr double hoursPerMonth = 730.0;

bool meets(model::Comparison c, double value, double target)
{
    switch (c) {
    case model::Comparison::Less: return value < target;
    case model::Comparison::LessOrEqual: return value <= target;
    case model::Comparison::Greater: return value > target;
    case model::Comparison::GreaterOrEqual: return value >= target;
    case model::Comparison::Within: return std::fabs(value - target) <= std::fabs(target) * 0.10;
    }
    return false;
}

} // namespace

OutcomeFigures figuresOf(const TrafficOutcome &o, double activeUsers)
{
    OutcomeFigures f;
    const autoscale::SimulationResult &sim = o.simulation;
    std::vector<int> replicasAt(size_t(std::max(sim.ticks, 0)), 0), nodesAt(replicasAt.size(), 0);
    for (const autoscale::TierTimeline &tl : sim.tiers) {
        for (size_t i = 0; i < replicasAt.size() && i < tl.readyReplicas.size(); ++i) {
            replicasAt[i] += tl.readyReplicas[i];
            nodesAt[i] += tl.nodes[i];
        }
        for (double p : tl.p95LatencyMs)
            if (std::isfinite(p))
                f.peakP95Ms = std::max(f.peakP95Ms, p);
    }
    if (!replicasAt.empty()) {
        f.peakReplicas = *std::max_element(replicasAt.begin(), replicasAt.end());
        f.peakNodes = *std::max_element(nodesAt.begin(), nodesAt.end());
    }
    bool event = false;
    for (const autoscale::TierSummary &s : sim.summaries) {
        f.minutesOverSlo += s.minutesOverSlo;
        if (!s.eventAtSeconds)
            continue;
        event = true;
        if (!s.spikeAbsorbedAfterSeconds)
            f.spikeNeverAbsorbed = true;
        else
            f.spikeAbsorbedSeconds = std::max(f.spikeAbsorbedSeconds.value_or(0), *s.spikeAbsorbedAfterSeconds);
    }
    if (!event || f.spikeNeverAbsorbed)
        f.spikeAbsorbedSeconds.reset();
    double dailyCost = 0;
    for (double c : o.dailyCostUsd)
        dailyCost += c;
    if (!o.dailyCostUsd.empty())
        f.monthlyCostUsd = dailyCost / double(o.dailyCostUsd.size()) / 24.0 * hoursPerMonth;
    f.costPerUserMonth = activeUsers > 0 ? f.monthlyCostUsd / activeUsers : 0;
    for (const alerting::AlertPeriod &p : o.alerts.periods)
        f.firingAlerts += p.state == alerting::AlertState::Firing ? 1 : 0;
    for (const alerting::SloResult &r : o.slos) {
        f.slosPassed += r.verdict == alerting::SloVerdict::Pass ? 1 : 0;
        f.slosFailed += r.verdict == alerting::SloVerdict::Fail ? 1 : 0;
    }
    return f;
}

std::vector<double> proxyUtilization(const model::Scenario &scenario, const autoscale::SimulationResult &result)
{
    const model::DatabaseProxy &proxy = scenario.spec.database.proxy;
    std::vector<double> utilization(size_t(std::max(result.ticks, 0)), 0.0);
    if (proxy.maxClientConnections <= 0)
        return utilization;
    for (const autoscale::TierTimeline &tl : result.tiers) {
        const model::Tier *tier = scenario.tier(tl.tierId);
        if (!tier || tier->kind == model::TierKind::Web)
            continue; // the web tier talks to the API, not to the database
        for (size_t i = 0; i < utilization.size() && i < tl.readyReplicas.size(); ++i)
            utilization[i] += double(tl.readyReplicas[i]) * proxy.connectionsPerAppReplica / proxy.maxClientConnections;
    }
    return utilization;
}

int ScenarioAnalysis::outcomeIndex(QStringView name) const
{
    for (std::size_t i = 0; i < traffic.size(); ++i)
        if (traffic[i].name == name)
            return static_cast<int>(i);
    return -1;
}

const TrafficOutcome *ScenarioAnalysis::outcome(QStringView name) const
{
    const int i = outcomeIndex(name);
    return i < 0 ? nullptr : &traffic[static_cast<std::size_t>(i)];
}

void completeSlos(std::vector<alerting::SloResult> &slos, const TrafficOutcome &outcome,
                  const std::optional<cost::CostBreakdown> &bill)
{
    for (alerting::SloResult &r : slos) {
        if (r.verdict != alerting::SloVerdict::NotMeasurable)
            continue;
        const QString &ind = r.metric.indicator;
        if (ind == u"costPerUserMonth" && bill && bill->costPerUserMonth() > 0) {
            r.value = bill->costPerUserMonth();
            r.note = u"the capacity plan's bill / monthly active users over the horizon"_s;
        } else if (ind == u"spotRatio" && bill && bill->nodeHours > 0) {
            r.value = 100 * bill->spotNodeHours / bill->nodeHours;
            r.note = u"spot node-hours / node-hours of the capacity plan's bill"_s;
        } else if (ind == u"capacityOverProvisioning") {
            double excess = 0;
            int n = 0;
            for (const autoscale::TierTimeline &tl : outcome.simulation.tiers) {
                for (size_t i = 0; i < tl.readyReplicas.size() && i < tl.neededReplicas.size(); ++i) {
                    if (tl.neededReplicas[i] <= 0)
                        continue;
                    excess += double(tl.readyReplicas[i] - tl.neededReplicas[i]) / tl.neededReplicas[i];
                    ++n;
                }
            }
            if (n == 0)
                continue;
            r.value = 100 * excess / n;
            r.note = u"mean of (ready - needed) / needed replicas over ticks and tiers of the simulation"_s;
        } else {
            continue;
        }
        r.verdict = meets(r.metric.comparison, *r.value, r.metric.target) ? alerting::SloVerdict::Pass
                                                                           : alerting::SloVerdict::Fail;
    }
}

QByteArray outcomesCsv(const ScenarioAnalysis &analysis)
{
    using model::csvNumber;
    model::CsvTable table;
    table.header = QStringList{u"traffic"_s, u"peak_replicas"_s, u"peak_nodes"_s, u"peak_p95_ms"_s, u"minutes_over_slo"_s,
                               u"spike_absorbed_s"_s, u"monthly_cost_usd"_s, u"cost_per_user_month_usd"_s,
                               u"firing_alerts"_s, u"slos_passed"_s, u"slos_failed"_s};
    for (const TrafficOutcome &o : analysis.traffic) {
        const OutcomeFigures &f = o.figures;
        const QString absorbed = f.spikeAbsorbedSeconds ? csvNumber(*f.spikeAbsorbedSeconds)
                                 : f.spikeNeverAbsorbed ? u"never"_s
                                                        : QString();
        table.rows.append(QStringList{o.name, QString::number(f.peakReplicas), QString::number(f.peakNodes),
                                      csvNumber(f.peakP95Ms), csvNumber(f.minutesOverSlo), absorbed,
                                      csvNumber(f.monthlyCostUsd), csvNumber(f.costPerUserMonth),
                                      QString::number(f.firingAlerts), QString::number(f.slosPassed),
                                      QString::number(f.slosFailed)});
    }
    return table.toCsv();
}

} // namespace headroom::analysis
