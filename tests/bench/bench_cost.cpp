// Costing one year of hourly replicas for 3 tiers x 9 regions (WebTools Pro's tiers and regions,
// bundled catalog), with spot and a 1-year reservation in the mix: 8760 samples per tier.
#include "core/cost/catalog.h"
#include "core/cost/costmodel.h"
#include "core/cost/savingsplan.h"
#include "core/cost/scenariocost.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>

using namespace headroom;

namespace {

cost::CostInput yearOfHours(const cost::PricingCatalog &catalog)
{
    const model::Scenario scenario = model::defaultScenario();
    cost::CostInput input = cost::costInputFromScenario(scenario, catalog).value();
    for (const model::Tier &t : scenario.spec.tiers) {
        cost::ReplicaSeries s{t.id, {}, {}, 1.0};
        for (int h = 0; h < 8760; ++h) {
            const double daily = 1.0 + 0.4 * std::cos(2 * std::numbers::pi * (h % 24 - 14) / 24.0);
            s.hours.push_back(h);
            s.replicas.push_back(std::round(t.autoscaling.maxReplicas * 0.5 * daily * (1.0 + h / 8760.0)));
        }
        input.replicas.push_back(std::move(s));
    }
    return input;
}

cost::CostOptions mix()
{
    cost::CostOptions o;
    o.spotRatio = 0.4;
    o.spotInterruptionRate = 0.05;
    o.reservedTerm = cost::PurchaseOption::Reserved1y;
    return o;
}

void BM_CostYearHourly3Tiers9Regions(benchmark::State &state)
{
    const cost::PricingCatalog catalog = cost::defaultCatalog();
    const cost::CostInput input = yearOfHours(catalog);
    const cost::CostOptions options = mix();
    for (auto _ : state) {
        auto b = cost::computeCost(input, catalog, options);
        benchmark::DoNotOptimize(b.value().totalUsd);
    }
    state.counters["samples"] = 3.0 * 9 * 8760;
}
BENCHMARK(BM_CostYearHourly3Tiers9Regions)->Unit(benchmark::kMillisecond);

void BM_SavingsPlanYearHourly(benchmark::State &state)
{
    const cost::PricingCatalog catalog = cost::defaultCatalog();
    const cost::CostInput input = yearOfHours(catalog);
    const cost::SavingsSettings settings = cost::savingsSettings(model::defaultScenario());
    for (auto _ : state) {
        auto plan = cost::planSavings(input, catalog, cost::CostOptions{}, settings);
        benchmark::DoNotOptimize(plan.value().totalMonthlySavingUsd);
    }
}
BENCHMARK(BM_SavingsPlanYearHourly)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
