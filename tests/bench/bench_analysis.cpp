// One full recompute of WebTools Pro, as the console ran it on every what-if change, its stages
// on their own so the note can say where the time goes, and the incremental recompute after one
// lever of the what-if dock (analyze() with the previous analysis). CPU is the whole process's
// (the topology runs on a thread of its own), Time is wall clock.
#include "core/alerting/ruleloader.h"
#include "core/alerting/simulationseries.h"
#include "core/analysis/scenarioanalysis.h"
#include "core/cost/catalog.h"
#include "core/cost/scenariocost.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

#include <functional>

using namespace Qt::StringLiterals;
using namespace headroom;

namespace {

void run(benchmark::State &state, analysis::AnalysisOptions options)
{
    const model::Scenario scenario = model::defaultScenario();
    for (auto _ : state) {
        analysis::ScenarioAnalysis a = analysis::analyze(scenario, options);
        benchmark::DoNotOptimize(a);
    }
}

analysis::AnalysisOptions only(bool alerts, bool topology, QStringList traffic)
{
    analysis::AnalysisOptions o;
    o.evaluateAlerts = alerts;
    o.topology = topology;
    o.traffic = std::move(traffic);
    return o;
}

// DESIGN.md's recompute: 180 days of planning + a 24 h simulation at 15 s ticks, one traffic scenario.
void BM_AnalysisOneTraffic(benchmark::State &state) { run(state, only(true, true, {u"spike-10x"_s})); }
void BM_AnalysisAllTraffic(benchmark::State &state) { run(state, only(true, true, {})); }
void BM_AnalysisNoAlerts(benchmark::State &state) { run(state, only(false, true, {u"spike-10x"_s})); }
void BM_AnalysisNoTopology(benchmark::State &state) { run(state, only(true, false, {u"spike-10x"_s})); }
void BM_AnalysisPlanAndCostOnly(benchmark::State &state) { run(state, only(false, false, {u"nonsense(("_s})); }

// The stages of one recompute on their own, with the inputs the analysis gives them: the 180-day
// capacity plan, its bill (current mix), the savings plan over it, and over the 24 h spike-10x
// simulation the alert rules and the success metrics.
struct StageInputs {
    model::Scenario scenario = model::defaultScenario();
    analysis::ScenarioAnalysis analysis = analysis::analyze(scenario, only(true, false, {u"spike-10x"_s}));
    cost::CostInput costInput;
    cost::CostOptions mix = cost::currentMix(scenario, 0);
    alerting::SeriesStore store;
    std::vector<alerting::CompiledGroup> rules;
    qint64 start = 0, end = 0;

    StageInputs()
    {
        costInput = cost::costInputFromScenario(scenario, cost::defaultCatalog()).value();
        analysis::fillCostInputFromPlan(costInput, analysis.plan);
        const analysis::TrafficOutcome &o = analysis.traffic.front();
        alerting::SimulationSeriesOptions seriesOptions;
        seriesOptions.utilizationScale = 1;
        seriesOptions.dailyCostUsd = o.dailyCostUsd;
        seriesOptions.dbConnectionUtilization = analysis::proxyUtilization(scenario, o.simulation);
        seriesOptions.costThresholdUsd = scenario.spec.costOptimization.costThresholds.warning.amount;
        store = alerting::seriesFromSimulation(o.simulation, seriesOptions);
        rules = alerting::compileRules(scenario.spec.alertRules, nullptr, 60'000).value();
        start = o.simulation.startMs;
        end = start + qint64(std::max(o.simulation.ticks - 1, 0)) * o.simulation.stepMs;
    }
    static const StageInputs &get()
    {
        static const StageInputs inputs;
        return inputs;
    }
};

void BM_StagePlan(benchmark::State &state)
{
    const StageInputs &in = StageInputs::get();
    for (auto _ : state)
        benchmark::DoNotOptimize(capacity::planCapacity(in.scenario, 180, in.analysis.options.startDate));
}

void BM_StageBill(benchmark::State &state)
{
    const StageInputs &in = StageInputs::get();
    for (auto _ : state)
        benchmark::DoNotOptimize(cost::computeCost(in.costInput, cost::defaultCatalog(), in.mix));
}

void BM_StageSavingsPlan(benchmark::State &state)
{
    const StageInputs &in = StageInputs::get();
    const cost::SavingsSettings settings = cost::savingsSettings(in.scenario);
    for (auto _ : state)
        benchmark::DoNotOptimize(cost::planSavings(in.costInput, cost::defaultCatalog(), in.mix, settings));
}

void BM_StageAlertRules(benchmark::State &state)
{
    const StageInputs &in = StageInputs::get();
    for (auto _ : state)
        benchmark::DoNotOptimize(alerting::evaluateRules(in.rules, in.store, in.start, in.end));
}

void BM_StageSuccessMetrics(benchmark::State &state)
{
    const StageInputs &in = StageInputs::get();
    alerting::SloOptions options;
    options.stepMs = in.analysis.traffic.front().simulation.stepMs;
    for (auto _ : state)
        benchmark::DoNotOptimize(alerting::evaluateSlos(in.scenario.spec.successMetrics, in.store, in.start, in.end, options));
}

using Lever = std::function<void(model::Scenario &, analysis::AnalysisOptions &)>;

struct NamedLever {
    const char *name;
    Lever apply;
};

const NamedLever levers[] = {
    {"maxReplicas", [](model::Scenario &s, analysis::AnalysisOptions &) {
         model::Tier *t = s.tier(u"api");
         t->autoscaling.maxReplicas += 10;
         if (t->hpa)
             t->hpa->maxReplicas = t->autoscaling.maxReplicas;
     }},
    {"cpuTarget", [](model::Scenario &s, analysis::AnalysisOptions &) { s.tier(u"api")->autoscaling.targetCPUUtilization = 55; }},
    {"growth", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.capacityPlanner.growthRate = 0.3; }},
    {"spot", [](model::Scenario &, analysis::AnalysisOptions &o) { o.spotRatio = 0.3; }},
    {"shards", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.redisCluster.shards += 3; }},
    {"hitRatio", [](model::Scenario &s, analysis::AnalysisOptions &) {
         model::CacheLevel &c = s.spec.cacheHierarchy.first();
         c.hitRatio = c.hitRatio.value_or(80) - 15;
     }},
};

// The incremental recompute after one lever, alternating between the two states so every
// iteration sees a change (range(0): lever, range(1): 0 = spike-10x, 1 = every traffic scenario,
// 2 = the views' preview: spike-10x without alerts and success metrics).
void BM_IncrementalLever(benchmark::State &state)
{
    const NamedLever &lever = levers[state.range(0)];
    const char *const modes[] = {" spike-10x", " all traffic", " preview"};
    state.SetLabel(std::string(lever.name) + modes[state.range(1)]);
    model::Scenario states[2] = {model::defaultScenario(), model::defaultScenario()};
    analysis::AnalysisOptions options[2] = {only(true, true, {}), only(true, true, {})};
    if (state.range(1) != 1)
        options[0].traffic = options[1].traffic = QStringList{u"spike-10x"_s};
    if (state.range(1) == 2)
        options[0].evaluateAlerts = options[1].evaluateAlerts = false;
    lever.apply(states[1], options[1]);
    analysis::ScenarioAnalysis previous = analysis::analyze(states[0], options[0]);
    int i = 0;
    for (auto _ : state) {
        ++i;
        analysis::ScenarioAnalysis next = analysis::analyze(states[i % 2], options[i % 2], {}, &previous);
        benchmark::DoNotOptimize(next);
        previous = std::move(next);
    }
}

} // namespace

BENCHMARK(BM_AnalysisOneTraffic)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisAllTraffic)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisNoAlerts)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisNoTopology)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisPlanAndCostOnly)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StagePlan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StageBill)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StageSavingsPlan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StageAlertRules)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StageSuccessMetrics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IncrementalLever)
    ->ArgsProduct({{0, 1, 2, 3, 4, 5}, {0, 1, 2}})
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
