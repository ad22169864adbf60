// 30 days at 15 s ticks for every tier of WebTools Pro (172,800 ticks x 3 tiers), diurnal traffic.
#include "core/autoscale/simulator.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

using namespace headroom::autoscale;

static void BM_Simulate30Days(benchmark::State &state)
{
    const auto scenario = headroom::model::defaultScenario();
    const auto traffic = resolveTraffic(scenario, QStringLiteral("diurnal"));
    if (!traffic) {
        state.SkipWithError("traffic 'diurnal' missing");
        return;
    }
    const SimulationOptions options;
    for (auto _ : state) {
        auto result = simulate(scenario, traffic.value(), std::chrono::hours(24 * 30), options);
        benchmark::DoNotOptimize(result.ticks);
    }
    state.SetItemsProcessed(state.iterations() * 172'800 * 3);
}
BENCHMARK(BM_Simulate30Days)->Unit(benchmark::kMillisecond);

static void BM_Simulate30DaysSpike(benchmark::State &state)
{
    const auto scenario = headroom::model::defaultScenario();
    const auto traffic = resolveTraffic(scenario, QStringLiteral("spike-10x"));
    const SimulationOptions options;
    for (auto _ : state) {
        auto result = simulate(scenario, traffic.value(), std::chrono::hours(24 * 30), options);
        benchmark::DoNotOptimize(result.ticks);
    }
}
BENCHMARK(BM_Simulate30DaysSpike)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
