// Capacity engine speed: a 180-day plan of WebTools Pro (capacity units and all-queueing),
// Erlang C minimal-servers searches and a 20-point USL fit.
#include "core/capacity/capacityplan.h"
#include "core/capacity/erlangc.h"
#include "core/capacity/usl.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

using namespace headroom;

namespace {

const QDate start(2026, 1, 1);

void planWebTools(benchmark::State &state)
{
    const model::Scenario scenario = model::defaultScenario();
    for (auto _ : state)
        benchmark::DoNotOptimize(capacity::planCapacity(scenario, 180, start));
    state.SetItemsProcessed(state.iterations() * 180);
}
BENCHMARK(planWebTools)->Unit(benchmark::kMicrosecond);

void planWebToolsQueueing(benchmark::State &state)
{
    model::Scenario scenario = model::defaultScenario();
    for (model::Tier &t : scenario.spec.tiers) {
        t.sizing = model::SizingMethod::Queueing;
        t.autoscaling.maxReplicas = 10'000;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(capacity::planCapacity(scenario, 180, start));
    state.SetItemsProcessed(state.iterations() * 180);
}
BENCHMARK(planWebToolsQueueing)->Unit(benchmark::kMicrosecond);

/// 1,000 (lambda, target) pairs: 1..5,000 req/s at 50 ms service, P95 target 1.2..20 x the service P95.
void minimumServers1000(benchmark::State &state)
{
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> rate(1, 5000), slack(1.2, 20);
    std::vector<std::pair<double, double>> pairs(1000);
    for (auto &[lambda, target] : pairs) {
        lambda = rate(rng);
        target = slack(rng) * 0.05 * std::log(20.0);
    }
    for (auto _ : state) {
        long long total = 0;
        for (const auto &[lambda, target] : pairs)
            total += capacity::minimumServers(lambda, 20.0, 0.95, target).value();
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(minimumServers1000)->Unit(benchmark::kMicrosecond);

void uslFit20(benchmark::State &state)
{
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(1.0, 0.02);
    const capacity::UslCoefficients truth{0.03, 1e-4, 90};
    std::vector<capacity::UslPoint> points;
    for (int i = 1; i <= 20; ++i)
        points.push_back({i * 10.0, capacity::uslThroughput(truth, i * 10.0) * noise(rng)});
    for (auto _ : state)
        benchmark::DoNotOptimize(capacity::fitUsl(points));
}
BENCHMARK(uslFit20)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
