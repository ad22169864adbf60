#include "core/analysis/scenarioanalysis.h"

#include "core/analysis/stageinputs.h"

#include "core/alerting/ruleloader.h"
#include "core/alerting/simulationseries.h"
#include "core/autoscale/traffic.h"
#include "core/cost/catalog.h"
#include "core/cost/scenariocost.h"
#include "core/model/csv.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <future>

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

/// The plan's per-day replicas, users and bytes as cost-engine input.
void fillFromPlan(cost::CostInput &input, const capacity::CapacityPlan &plan)
{
    cost::SampledSeries days;
    for (int d = 0; d < plan.days; ++d)
        days.hours.push_back(d * 24.0);
    days.lastStepHours = 24.0;
    input.concurrentUsers = input.storageBytes = input.cacheBytes = days;
    input.concurrentUsers.values = plan.users;
    input.storageBytes.values = plan.storageBytes;
    input.cacheBytes.values = plan.cacheBytes;
    input.replicas.clear();
    for (const capacity::TierPlan &t : plan.tiers)
        input.replicas.push_back({t.tierId, days.hours, std::vector<double>(t.plannedReplicas.begin(), t.plannedReplicas.end()), 24.0});
    input.startDate = plan.startDate;
}

struct PlanCost {
    std::optional<cost::CostBreakdown> bill;
    std::optional<cost::SavingsPlan> savings;
    std::optional<cost::CostInput> input;
};

PlanCost costPlan(const model::Scenario &scenario, const capacity::CapacityPlan &plan, const cost::PricingCatalog &catalog,
                  double spotRatio, model::Diagnostics &warnings)
{
    PlanCost out;
    auto input = cost::costInputFromScenario(scenario, catalog);
    if (!input) {
        for (const model::Diagnostic &d : input.errors())
            warnings.push_back(d);
        return out;
    }
    out.input = std::move(input).value();
    fillFromPlan(*out.input, plan);
    const cost::CostOptions mix = cost::currentMix(scenario, spotRatio);
    auto bill = cost::computeCost(*out.input, catalog, mix);
    if (!bill) {
        for (const model::Diagnostic &d : bill.errors())
            warnings.push_back(d);
        return out;
    }
    out.bill = std::move(bill).value();
    QMap<QString, double> meanDemand, meanReplicas;
    for (const capacity::TierPlan &t : plan.tiers) {
        for (size_t d = 0; d < t.plannedReplicas.size(); ++d) {
            meanDemand[t.tierId] += (d < t.demand.size() ? t.demand[d] : 0.0) / std::max(plan.days, 1);
            meanReplicas[t.tierId] += double(t.plannedReplicas[d]) / std::max(plan.days, 1);
        }
    }
    cost::SavingsSettings settings = cost::savingsSettings(scenario);
    settings.utilization = cost::workloadUtilization(scenario, *out.input, *out.bill, meanDemand, meanReplicas);
    auto savings = cost::planSavings(*out.input, catalog, mix, settings);
    if (savings)
        out.savings = std::move(savings).value();
    else
        for (const model::Diagnostic &d : savings.errors())
            warnings.push_back(d);
    return out;
}

/// USD per node-hour of each tier in a bill (all regions and purchase options blended).
QMap<QString, double> nodeHourPrice(const cost::CostBreakdown &bill)
{
    QMap<QString, double> usd, hours;
    for (const cost::CostLine &line : bill.lines) {
        if (line.perGb)
            continue;
        usd[line.tierId] += line.costUsd;
        hours[line.tierId] += line.unitHours;
    }
    QMap<QString, double> price;
    for (auto it = usd.cbegin(); it != usd.cend(); ++it)
        price[it.key()] = hours.value(it.key()) > 0 ? it.value() / hours.value(it.key()) : 0.0;
    return price;
}

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

} // namespace

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

const TrafficOutcome *ScenarioAnalysis::outcome(QStringView name) const
{
    for (const TrafficOutcome &o : traffic)
        if (o.name == name)
            return &o;
    return nullptr;
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

ScenarioAnalysis analyze(const model::Scenario &scenario, const AnalysisOptions &options,
                         const std::function<bool(int, int)> &progress)
{
    return analyze(scenario, options, progress, nullptr);
}

ScenarioAnalysis analyze(const model::Scenario &scenario, const AnalysisOptions &options,
                         const std::function<bool(int, int)> &progress, const ScenarioAnalysis *previous)
{
    return analyze(scenario, options, progress, std::vector<const ScenarioAnalysis *>{previous});
}

ScenarioAnalysis analyze(const model::Scenario &scenario, const AnalysisOptions &options,
                         const std::function<bool(int, int)> &progress,
                         const std::vector<const ScenarioAnalysis *> &previousAnalyses)
{
    std::vector<const ScenarioAnalysis *> previous;
    for (const ScenarioAnalysis *p : previousAnalyses)
        if (p && !p->cancelled) // a cancelled analysis may miss stages
            previous.push_back(p);
    auto firstWhere = [&previous](auto &&condition) -> const ScenarioAnalysis * {
        for (const ScenarioAnalysis *p : previous)
            if (condition(*p))
                return p;
        return nullptr;
    };
    ScenarioAnalysis a;
    a.scenarioName = scenario.metadata.name;
    a.options = options;
    a.inputs.scenario = scenario;
    QStringList traffic = options.traffic;
    if (traffic.isEmpty()) {
        for (const model::TrafficScenario &t : scenario.spec.traffic)
            traffic.append(t.name);
        if (traffic.isEmpty())
            traffic.append(u"baseline"_s);
    }
    const int total = 2 + int(traffic.size()) + (options.topology ? 1 : 0);
    int done = 0;
    auto step = [&]() {
        ++done;
        if (progress && !progress(done, total)) {
            a.cancelled = true;
            return false;
        }
        return true;
    };

    // The topology needs no other stage's result: unless it can be taken over, it is computed on
    // a thread of its own alongside the plan, the bill and the simulations (joined at its stage,
    // or when an early return destroys the future).
    const ScenarioAnalysis *topologySource = nullptr;
    std::future<model::Result<topology::TopologyAnalysis>> topologyRun;
    if (options.topology) {
        const model::Scenario topologyFrom = topologyInputs(scenario);
        topologySource = firstWhere([&](const ScenarioAnalysis &p) {
            return p.options.topology && topologyInputs(p.inputs.scenario) == topologyFrom;
        });
        if (!topologySource)
            topologyRun = std::async(std::launch::async, [scenario] { return topology::analyseTopology(scenario); });
    }

    std::optional<model::Scenario> plannedFrom; // computed once, compared with every candidate
    auto samePlan = [&](const ScenarioAnalysis &p) {
        if (p.options.planDays != options.planDays || p.options.startDate != options.startDate)
            return false;
        if (!plannedFrom)
            plannedFrom = planInputs(scenario);
        return planInputs(p.inputs.scenario) == *plannedFrom;
    };
    const ScenarioAnalysis *planSource = firstWhere(samePlan);
    a.reused.plan = planSource != nullptr;
    a.plan = planSource ? planSource->plan : capacity::planCapacity(scenario, options.planDays, options.startDate);
    a.warnings += a.plan.warnings;
    if (!step())
        return a;

    const model::Scenario costFrom = costInputs(scenario);
    const ScenarioAnalysis *costSource = firstWhere([&](const ScenarioAnalysis &p) {
        return p.options.spotRatio == options.spotRatio && samePlan(p) && costInputs(p.inputs.scenario) == costFrom;
    });
    a.reused.cost = costSource != nullptr;
    if (costSource) {
        a.cost = costSource->cost;
        a.savings = costSource->savings;
        a.thresholds = costSource->thresholds;
        a.inputs.costWarnings = costSource->inputs.costWarnings;
    } else {
        PlanCost planCost = costPlan(scenario, a.plan, cost::defaultCatalog(), options.spotRatio, a.inputs.costWarnings);
        a.cost = planCost.bill;
        a.savings = planCost.savings;
        if (a.cost) {
            const model::CostOptimization &co = scenario.spec.costOptimization;
            a.thresholds = cost::checkThresholds(*a.cost, co.costThresholds.warning.amount,
                                                 co.costThresholds.critical.amount, co.costPerUserTarget.amount);
        }
    }
    a.warnings += a.inputs.costWarnings;
    if (!step())
        return a;

    const QMap<QString, double> price = a.cost ? nodeHourPrice(*a.cost) : QMap<QString, double>();
    std::optional<std::vector<alerting::CompiledGroup>> rules;
    if (options.evaluateAlerts) {
        auto compiled = alerting::compileRules(scenario.spec.alertRules, nullptr, 60'000);
        if (compiled)
            rules = std::move(compiled).value();
        else
            a.warnings += compiled.errors();
    }
    auto sameRun = [&](const ScenarioAnalysis &p) {
        return p.options.step == options.step && p.options.policy == options.policy
            && p.options.startDate == options.startDate && p.options.simulationDuration == options.simulationDuration;
    };
    // besides the simulation, the alert stage reads the rules, the success metrics and the cost threshold
    auto sameMonitoring = [&](const ScenarioAnalysis &p) {
        const model::ScenarioSpec &before = p.inputs.scenario.spec;
        return p.options.evaluateAlerts && before.alertRules == scenario.spec.alertRules
            && before.successMetrics == scenario.spec.successMetrics
            && before.costOptimization.costThresholds.warning == scenario.spec.costOptimization.costThresholds.warning;
    };
    const double activeUsers = (a.plan.users.empty() ? 0.0 : a.plan.users.front()) * scenario.spec.demand.activeToConcurrentRatio;
    for (const QString &name : std::as_const(traffic)) {
        TrafficOutcome o;
        o.name = name;
        for (const model::TrafficScenario &t : scenario.spec.traffic)
            if (t.name == name)
                o.description = t.description;
        const auto spec = autoscale::resolveTraffic(scenario, name);
        if (!spec) {
            for (model::Diagnostic d : spec.errors()) {
                d.message = u"traffic '%1': %2"_s.arg(name, d.message);
                a.warnings.push_back(d);
            }
            if (!step())
                return a;
            continue;
        }
        o.spec = spec->text;
        // earlier outcomes of this traffic scenario computed from the same simulation inputs
        std::vector<std::pair<const ScenarioAnalysis *, const TrafficOutcome *>> same;
        const model::Scenario simulatedFrom = simulationInputs(scenario, name);
        for (const ScenarioAnalysis *p : previous) {
            const TrafficOutcome *earlier = sameRun(*p) ? p->outcome(name) : nullptr;
            if (earlier && simulationInputs(p->inputs.scenario, name) == simulatedFrom)
                same.emplace_back(p, earlier);
        }
        o.simulationReused = !same.empty();
        if (o.simulationReused) {
            o.simulation = same.front().second->simulation;
        } else {
            autoscale::SimulationOptions simOptions;
            simOptions.step = options.step;
            simOptions.policy = options.policy;
            simOptions.startMs = QDateTime(options.startDate, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            o.simulation = autoscale::simulate(scenario, spec.value(), options.simulationDuration, simOptions);
        }
        o.dailyCostUsd.assign(size_t(std::max(o.simulation.ticks, 0)), 0.0);
        for (const autoscale::TierTimeline &tl : o.simulation.tiers) {
            const double usdPerNodeHour = price.value(tl.tierId);
            for (size_t i = 0; i < o.dailyCostUsd.size() && i < tl.nodes.size(); ++i)
                o.dailyCostUsd[i] += tl.nodes[i] * usdPerNodeHour * 24.0;
        }
        if (rules) {
            std::vector<double> proxyLoad = proxyUtilization(scenario, o.simulation);
            // the series the rules and metrics see: the simulation's plus the per-tick cost and proxy load
            for (const auto &[p, earlier] : same) {
                if (sameMonitoring(*p) && earlier->dailyCostUsd == o.dailyCostUsd
                    && proxyUtilization(p->inputs.scenario, earlier->simulation) == proxyLoad) {
                    o.alerts = earlier->alerts;
                    o.measuredSlos = earlier->measuredSlos;
                    o.alertsReused = true;
                    break;
                }
            }
            if (!o.alertsReused) {
                alerting::SimulationSeriesOptions seriesOptions;
                seriesOptions.utilizationScale = 1; // the simulator reports percent
                seriesOptions.dailyCostUsd = o.dailyCostUsd;
                seriesOptions.dbConnectionUtilization = std::move(proxyLoad);
                seriesOptions.costThresholdUsd = scenario.spec.costOptimization.costThresholds.warning.amount;
                const alerting::SeriesStore store = alerting::seriesFromSimulation(o.simulation, seriesOptions);
                const qint64 start = o.simulation.startMs;
                const qint64 end = start + qint64(std::max(o.simulation.ticks - 1, 0)) * o.simulation.stepMs;
                o.alerts = alerting::evaluateRules(*rules, store, start, end);
                alerting::SloOptions sloOptions;
                sloOptions.stepMs = o.simulation.stepMs;
                o.measuredSlos = alerting::evaluateSlos(scenario.spec.successMetrics, store, start, end, sloOptions);
            }
            o.slos = o.measuredSlos;
            completeSlos(o.slos, o, a.cost);
        }
        o.figures = figuresOf(o, activeUsers);
        a.traffic.push_back(std::move(o));
        if (!step())
            return a;
    }

    if (options.topology) {
        a.reused.topology = topologySource != nullptr;
        if (topologySource) {
            a.topology = topologySource->topology;
            a.inputs.topologyWarnings = topologySource->inputs.topologyWarnings;
        } else {
            auto topo = topologyRun.get();
            if (topo) {
                a.topology = std::move(topo).value();
                a.inputs.topologyWarnings = a.topology->warnings;
            } else {
                a.inputs.topologyWarnings = topo.errors();
            }
        }
        a.warnings += a.inputs.topologyWarnings;
        step();
    }
    return a;
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
