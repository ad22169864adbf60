#include "core/analysis/scenarioanalysis.h"

#include "core/analysis/outcomefigures.h"
#include "core/analysis/stageinputs.h"

#include "core/alerting/ruleloader.h"
#include "core/alerting/simulationseries.h"
#include "core/autoscale/traffic.h"
#include "core/cost/catalog.h"
#include "core/cost/scenariocost.h"

#include <QDateTime>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <utility>

using namespace Qt::StringLiterals;

namespace headroom::analysis {

void fillCostInputFromPlan(cost::CostInput &input, const capacity::CapacityPlan &plan)
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

namespace {

struct PlanCost {
    std::optional<cost::CostBreakdown> bill;
    std::optional<cost::SavingsPlan> savings;
    std::optional<cost::CostInput> input;
};

PlanCost costPlan(const model::Scenario &scenario, const capacity::CapacityPlan &plan, const cost::PricingCatalog &catalog,
                  double spotRatio, bool withSavings, model::Diagnostics &warnings)
{
    PlanCost out;
    auto input = cost::costInputFromScenario(scenario, catalog);
    if (!input) {
        for (const model::Diagnostic &d : input.errors())
            warnings.push_back(d);
        return out;
    }
    out.input = std::move(input).value();
    fillCostInputFromPlan(*out.input, plan);
    const cost::CostOptions mix = cost::currentMix(scenario, spotRatio);
    auto bill = cost::computeCost(*out.input, catalog, mix);
    if (!bill) {
        for (const model::Diagnostic &d : bill.errors())
            warnings.push_back(d);
        return out;
    }
    out.bill = std::move(bill).value();
    if (!withSavings)
        return out;
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
    // sums per tier in line order, looked up among the few tiers rather than in a map per line
    struct Sum {
        QString tierId;
        double usd = 0, hours = 0;
    };
    std::vector<Sum> sums;
    for (const cost::CostLine &line : bill.lines) {
        if (line.perGb)
            continue;
        auto it = std::find_if(sums.begin(), sums.end(), [&](const Sum &s) { return s.tierId == line.tierId; });
        if (it == sums.end())
            it = sums.insert(sums.end(), Sum{line.tierId});
        it->usd += line.costUsd;
        it->hours += line.unitHours;
    }
    QMap<QString, double> price;
    for (const Sum &s : sums)
        price[s.tierId] = s.hours > 0 ? s.usd / s.hours : 0.0;
    return price;
}

} // namespace

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
    static std::atomic<std::uint64_t> lastSerial{0};
    ScenarioAnalysis a;
    a.serial = ++lastSerial;
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

    auto sameRun = [&](const ScenarioAnalysis &p) {
        return p.options.step == options.step && p.options.policy == options.policy
            && p.options.startDate == options.startDate && p.options.simulationDuration == options.simulationDuration;
    };
    // earlier outcomes of a traffic scenario computed from the same simulation inputs
    auto sameSimulations = [&](const QString &name) {
        std::vector<std::pair<const ScenarioAnalysis *, const TrafficOutcome *>> same;
        const model::Scenario simulatedFrom = simulationInputs(scenario, name);
        for (const ScenarioAnalysis *p : previous) {
            const TrafficOutcome *earlier = sameRun(*p) ? p->outcome(name) : nullptr;
            if (earlier && simulationInputs(p->inputs.scenario, name) == simulatedFrom)
                same.emplace_back(p, earlier);
        }
        return same;
    };
    auto simulationOf = [&options](const model::Scenario &s, const autoscale::TrafficSpec &spec) {
        autoscale::SimulationOptions simOptions;
        simOptions.step = options.step;
        simOptions.policy = options.policy;
        simOptions.startMs = QDateTime(options.startDate, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return autoscale::simulate(s, spec, options.simulationDuration, simOptions);
    };
    // The first traffic scenario's simulation (the one the views show first) needs neither the plan
    // nor the bill: unless it can be taken over, it runs on a thread of its own alongside them.
    const auto firstSame = sameSimulations(traffic.constFirst());
    std::future<autoscale::SimulationResult> firstRun;
    if (auto spec = autoscale::resolveTraffic(scenario, traffic.constFirst()); spec && firstSame.empty())
        firstRun = std::async(std::launch::async, [&simulationOf, scenario, spec = std::move(spec).value()] {
            return simulationOf(scenario, spec);
        });

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
    a.origins.plan = planSource ? planSource->origins.plan : a.serial;
    a.plan = planSource ? planSource->plan : capacity::planCapacity(scenario, options.planDays, options.startDate);
    a.warnings += a.plan.warnings;
    if (!step())
        return a;

    // Without a savings plan the bill reads no traffic spec: a traffic edit keeps it.
    const model::Scenario costFrom = costInputs(scenario, options.savingsPlan);
    const ScenarioAnalysis *costSource = firstWhere([&](const ScenarioAnalysis &p) {
        return p.options.spotRatio == options.spotRatio && (p.options.savingsPlan || !options.savingsPlan)
            && samePlan(p) && costInputs(p.inputs.scenario, options.savingsPlan) == costFrom;
    });
    a.reused.cost = costSource != nullptr;
    a.origins.cost = costSource ? costSource->origins.cost : a.serial;
    if (costSource) {
        a.cost = costSource->cost;
        if (options.savingsPlan) // one made for other traffic would be taken over otherwise
            a.savings = costSource->savings;
        a.thresholds = costSource->thresholds;
        a.inputs.costWarnings = costSource->inputs.costWarnings;
    } else {
        PlanCost planCost = costPlan(scenario, a.plan, cost::defaultCatalog(), options.spotRatio, options.savingsPlan,
                                     a.inputs.costWarnings);
        a.cost = std::move(planCost.bill);
        a.savings = std::move(planCost.savings);
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
    // besides the simulation, the alert stage reads the rules, the success metrics and the cost threshold
    auto sameMonitoring = [&](const ScenarioAnalysis &p) {
        const model::ScenarioSpec &before = p.inputs.scenario.spec;
        return p.options.evaluateAlerts && before.alertRules == scenario.spec.alertRules
            && before.successMetrics == scenario.spec.successMetrics
            && before.costOptimization.costThresholds.warning == scenario.spec.costOptimization.costThresholds.warning;
    };
    const double activeUsers = (a.plan.users.empty() ? 0.0 : a.plan.users.front()) * scenario.spec.demand.activeToConcurrentRatio;
    bool first = true;
    for (const QString &name : std::as_const(traffic)) {
        const bool isFirst = std::exchange(first, false);
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
        const auto same = isFirst ? firstSame : sameSimulations(name);
        o.simulationReused = !same.empty();
        if (o.simulationReused)
            o.simulation = same.front().second->simulation;
        else if (firstRun.valid()) // the first traffic scenario: started above
            o.simulation = firstRun.get();
        else
            o.simulation = simulationOf(scenario, spec.value());
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
                // The success metrics read the tiers' series only (latency, errors, demand, utilization,
                // replicas), never the cost, budget or proxy series: with the same simulation and
                // metrics they are taken over even when the bill changed (same rules: they were measured).
                for (const auto &[p, earlier] : same) {
                    const model::ScenarioSpec &before = p->inputs.scenario.spec;
                    if (p->options.evaluateAlerts && before.alertRules == scenario.spec.alertRules
                        && before.successMetrics == scenario.spec.successMetrics) {
                        o.measuredSlos = earlier->measuredSlos;
                        o.slosReused = true;
                        break;
                    }
                }
                if (!o.slosReused) {
                    alerting::SloOptions sloOptions;
                    sloOptions.stepMs = o.simulation.stepMs;
                    o.measuredSlos = alerting::evaluateSlos(scenario.spec.successMetrics, store, start, end, sloOptions);
                }
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
        a.origins.topology = topologySource ? topologySource->origins.topology : a.serial;
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

} // namespace headroom::analysis
