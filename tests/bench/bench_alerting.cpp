// The five WebTools Pro alert rules over 24 h of 15-s samples for 3 tiers.
#include "core/alerting/ruleevaluator.h"
#include "core/alerting/ruleloader.h"
#include "core/alerting/sloreport.h"
#include "core/model/scenarioio.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace headroom;

namespace {

constexpr qint64 stepMs = 15'000;
constexpr qint64 dayMs = 86'400'000;

alerting::SeriesStore dayOfSeries()
{
    alerting::SeriesStore store;
    const QStringList tiers = {u"web"_s, u"api"_s, u"worker"_s};
    for (qint64 t = 0; t < dayMs; t += stepMs) {
        const double daily = std::sin(2 * M_PI * double(t) / double(dayMs));
        const bool spike = t >= 10 * 3'600'000 && t < 10 * 3'600'000 + 1'800'000;
        for (const QString &tier : tiers) {
            auto put = [&](const QString &name, double v) {
                store.append({{u"__name__"_s, name}, {u"tier"_s, tier}}, t, v);
            };
            put(u"cpu_utilization"_s, spike ? 92 : 60 + 15 * daily);
            put(u"response_time_p95_ms"_s, spike ? 3600 : 400 + 100 * daily);
            put(u"error_rate"_s, spike ? 0.07 : 0.001);
            put(u"requests_per_second"_s, (spike ? 10 : 1) * (3000 + 1000 * daily));
            put(u"memory_utilization"_s, 70 + 5 * daily);
            put(u"replicas"_s, spike ? 20 : 10);
            put(u"desired_replicas"_s, spike && t < 10 * 3'600'000 + 600'000 ? 30 : 10);
        }
        store.append({{u"__name__"_s, u"db_connection_utilization"_s}}, t, spike ? 0.95 : 0.5);
        store.append({{u"__name__"_s, u"daily_cost_usd"_s}}, t, 900 + 200 * daily);
        store.append({{u"__name__"_s, u"cost_threshold_usd"_s}}, t, 1000);
    }
    return store;
}

void BM_WebToolsProRulesOneDay(benchmark::State &state)
{
    const alerting::SeriesStore store = dayOfSeries();
    const auto groups = alerting::compileRules(model::defaultScenario().spec.alertRules);
    if (!groups) {
        state.SkipWithError("rules do not compile");
        return;
    }
    size_t periods = 0;
    int evaluations = 0;
    for (auto _ : state) {
        const auto result = alerting::evaluateRules(groups.value(), store, 0, dayMs - stepMs);
        periods = result.periods.size();
        evaluations = result.evaluations;
        benchmark::DoNotOptimize(periods);
    }
    state.counters["periods"] = double(periods);
    state.counters["evaluations"] = evaluations;
    state.counters["samples"] = double(store.series().size() * size_t(dayMs / stepMs));
}
BENCHMARK(BM_WebToolsProRulesOneDay)->Unit(benchmark::kMillisecond);

// WebTools Pro's success metrics over the same day (availability, throughput, p95, spike, utilisation,
// scale-up and scale-down times).
void BM_WebToolsProSlosOneDay(benchmark::State &state)
{
    const alerting::SeriesStore store = dayOfSeries();
    const auto metrics = model::defaultScenario().spec.successMetrics;
    int passed = 0;
    for (auto _ : state) {
        const auto slos = alerting::evaluateSlos(metrics, store, 0, dayMs - stepMs);
        passed = int(std::count_if(slos.begin(), slos.end(), [](const auto &r) { return r.verdict == alerting::SloVerdict::Pass; }));
        benchmark::DoNotOptimize(passed);
    }
    state.counters["passed"] = passed;
}
BENCHMARK(BM_WebToolsProSlosOneDay)->Unit(benchmark::kMillisecond);

void BM_ParseRuleExpressions(benchmark::State &state)
{
    const auto rules = model::defaultScenario().spec.alertRules;
    for (auto _ : state)
        benchmark::DoNotOptimize(alerting::compileRules(rules).ok());
}
BENCHMARK(BM_ParseRuleExpressions)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
