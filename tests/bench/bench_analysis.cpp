// One full recompute of WebTools Pro, as the console runs it on every what-if change, and its
// stages on their own so the note can say where the time goes.
#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

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

} // namespace

BENCHMARK(BM_AnalysisOneTraffic)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisAllTraffic)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisNoAlerts)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisNoTopology)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalysisPlanAndCostOnly)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
