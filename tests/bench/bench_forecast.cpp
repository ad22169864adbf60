// Forecasting speed: fit + forecast per series in batch (M3-like monthly series), and one year
// of 5-minute samples (105,120 points) with daily and weekly seasons.
#include "core/forecast/ets.h"
#include "core/forecast/forecaster.h"
#include "core/forecast/theta.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace headroom::forecast;

namespace {

std::vector<std::vector<double>> monthlyBatch(int count)
{
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<std::vector<double>> out;
    for (int k = 0; k < count; ++k) {
        std::vector<double> y;
        double level = 1000 + 100 * k;
        for (int t = 0; t < 126; ++t) {
            level += 5 + 20 * noise(rng);
            y.push_back(level * (1 + 0.1 * std::sin(2 * M_PI * t / 12)) + 30 * noise(rng));
        }
        out.push_back(std::move(y));
    }
    return out;
}

std::vector<double> fiveMinuteYear()
{
    std::mt19937_64 rng(5);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<double> y;
    const int day = 288;
    for (int t = 0; t < 105'120; ++t)
        y.push_back(500 + 0.002 * t + 120 * std::sin(2 * M_PI * t / day) + ((t / day) % 7 >= 5 ? -80 : 0) +
                    15 * noise(rng));
    return y;
}

void BM_AutoEtsMonthly(benchmark::State &state)
{
    const auto batch = monthlyBatch(20);
    size_t i = 0;
    for (auto _ : state) {
        const auto fit = autoEts(batch[i++ % batch.size()], 12);
        benchmark::DoNotOptimize(forecastEts(*fit, 18, 95));
    }
    state.SetLabel("per series, 126 points, 15 ETS models");
}
BENCHMARK(BM_AutoEtsMonthly)->Unit(benchmark::kMillisecond);

void BM_ThetaMonthly(benchmark::State &state)
{
    const auto batch = monthlyBatch(20);
    size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(forecastTheta(*fitTheta(batch[i++ % batch.size()], 12), 18, 95));
}
BENCHMARK(BM_ThetaMonthly)->Unit(benchmark::kMillisecond);

void BM_AutoForecastMonthly(benchmark::State &state)
{
    const auto batch = monthlyBatch(20);
    ForecastOptions options;
    options.periods = {12};
    options.backtestOrigins = int(state.range(0));
    size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(forecastValues(batch[i++ % batch.size()], 18, options));
    state.SetLabel("ETS + Theta + combination, with backtest origins");
}
BENCHMARK(BM_AutoForecastMonthly)->Arg(0)->Arg(3)->Unit(benchmark::kMillisecond);

void BM_FiveMinuteYear(benchmark::State &state)
{
    const std::vector<double> y = fiveMinuteYear();
    ForecastOptions options;
    options.periods = {288, 2016};
    options.backtestOrigins = int(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(forecastValues(y, 288, options));
    state.SetLabel("105,120 points, seasons 288 + 2016, one day ahead");
}
BENCHMARK(BM_FiveMinuteYear)->Arg(0)->Arg(3)->Arg(6)->Unit(benchmark::kMillisecond);

void BM_FiveMinuteYearFromCsvSeries(benchmark::State &state)
{
    const std::vector<double> y = fiveMinuteYear();
    Series s;
    s.calendarTime = true;
    for (size_t t = 0; t < y.size(); ++t) {
        s.time.push_back(1.7e9 + 300.0 * double(t));
        s.values.push_back(y[t]);
    }
    ForecastOptions options;
    options.backtestOrigins = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(autoForecast(s, 288, options));
    state.SetLabel("regularise + clean + detect seasons + forecast");
}
BENCHMARK(BM_FiveMinuteYearFromCsvSeries)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
