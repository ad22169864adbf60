// LTTB on a year of 5-minute points, the time from a finished analysis to the four charts built
// and rendered once into a 1600x1000 image, and the charts page taking a new analysis (the redraw
// after a what-if change): charts updated, and updated and rendered.
//
// BM_PanelLeverFrame/<lever>: the Charts page's share of a what-if frame. Two analyses of WebTools
// Pro (spike-10x) differing by one step of a what-if lever (as in bench_whatif) alternate on the
// shown page (1600x1000); per iteration: setAnalysis, then the platform's paint of the changed
// chart viewports. Counters: charts_ms (setAnalysis), paint_ms (the paints), painted (viewports
// painted), gui_cpu_ms (GUI thread CPU of both); Time = charts_ms + paint_ms.
#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartcommon.h"
#include "ui/charts/chartspanel.h"
#include "ui/charts/chartview.h"
#include "ui/charts/lttb.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/whatifpanel.h"
#include "tests/bench/guibench.h"

#include "core/model/scenarioio.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QSlider>

#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;
using namespace headroom;

namespace {

const analysis::ScenarioAnalysis &webtools()
{
    static const analysis::ScenarioAnalysis a = [] {
        analysis::AnalysisOptions o;
        o.simulationDuration = std::chrono::hours(24); // a day of 15 s ticks: 5,760 points per series
        o.traffic = {u"spike-10x"_s};
        o.evaluateAlerts = false;
        return analysis::analyze(model::defaultScenario(), o);
    }();
    return a;
}

/// The same analysis with 40% more growth: every figure changes, the charts' structure does not.
const analysis::ScenarioAnalysis &webtoolsFaster()
{
    static const analysis::ScenarioAnalysis a = [] {
        model::Scenario s = model::defaultScenario();
        s.spec.capacityPlanner.growthRate *= 1.4;
        analysis::AnalysisOptions o = webtools().options;
        return analysis::analyze(s, o);
    }();
    return a;
}

void BM_LttbYearOfFiveMinutePoints(benchmark::State &state)
{
    std::vector<double> y(105'120);
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = 1000 + 300 * std::sin(static_cast<double>(i) / 288.0 * 6.283) + (i % 9973 == 0 ? 5000 : 0);
    for (auto _ : state) {
        QList<QPointF> points = charts::lttbUniform(0, 300'000, y, charts::kChartPointBudget);
        benchmark::DoNotOptimize(points.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(y.size()));
}
BENCHMARK(BM_LttbYearOfFiveMinutePoints)->Unit(benchmark::kMicrosecond);

void BM_BuildFourCharts(benchmark::State &state)
{
    const analysis::ScenarioAnalysis &a = webtools();
    const model::Scenario scenario = model::defaultScenario();
    for (auto _ : state) {
        auto demand = charts::demandChart(a, scenario);
        auto replicas = charts::replicasChart(a);
        auto traffic = charts::trafficChart(a, scenario, 0);
        auto cost = charts::costChart(a);
        benchmark::DoNotOptimize(cost.get());
    }
}
BENCHMARK(BM_BuildFourCharts)->Unit(benchmark::kMillisecond);

/// The redraw: four charts built and rendered once, as a 2x2 grid into a 1600x1000 image.
void BM_BuildAndRenderFourCharts(benchmark::State &state)
{
    const analysis::ScenarioAnalysis &a = webtools();
    const model::Scenario scenario = model::defaultScenario();
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        std::unique_ptr<QChart> all[] = {charts::demandChart(a, scenario), charts::replicasChart(a),
                                         charts::trafficChart(a, scenario, 0), charts::costChart(a)};
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        for (int i = 0; i < 4; ++i) {
            const QRectF cell((i % 2) * 800, (i / 2) * 500, 800, 500);
            charts::renderChart(*all[i], painter, cell, cell.size());
        }
        painter.end();
        benchmark::DoNotOptimize(image.bits());
    }
}
BENCHMARK(BM_BuildAndRenderFourCharts)->Unit(benchmark::kMillisecond);

/// One chart (0 demand, 1 replicas, 2 simulation, 3 cost) built and rendered into an 800x500 image.
void BM_BuildAndRenderOneChart(benchmark::State &state)
{
    const analysis::ScenarioAnalysis &a = webtools();
    const model::Scenario scenario = model::defaultScenario();
    QImage image(800, 500, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        std::unique_ptr<QChart> chart;
        switch (state.range(0)) {
        case 0: chart = charts::demandChart(a, scenario); break;
        case 1: chart = charts::replicasChart(a); break;
        case 2: chart = charts::trafficChart(a, scenario, 0); break;
        default: chart = charts::costChart(a); break;
        }
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        charts::renderChart(*chart, painter, QRectF(0, 0, 800, 500), QSizeF(800, 500));
        painter.end();
        benchmark::DoNotOptimize(image.bits());
    }
}
BENCHMARK(BM_BuildAndRenderOneChart)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

/// The charts page (1600x1000, shown offscreen) receiving a new analysis, alternating between two
/// that differ in every figure; range(0) = 1 also renders the page into an image.
void BM_PanelNewAnalysis(benchmark::State &state)
{
    ui::ScenarioDocument document;
    document.reset(model::defaultScenario(), QString());
    const ui::AnalysisPtr analyses[] = {std::make_shared<analysis::ScenarioAnalysis>(webtools()),
                                        std::make_shared<analysis::ScenarioAnalysis>(webtoolsFaster())};
    charts::ChartsPanel panel(&document);
    panel.resize(1600, 1000);
    panel.show();
    panel.setAnalysis(analyses[1]);
    QApplication::processEvents();
    QImage image(panel.size(), QImage::Format_ARGB32_Premultiplied);
    const bool render = state.range(0) != 0;
    std::size_t i = 0;
    for (auto _ : state) {
        panel.setAnalysis(analyses[i++ % 2]);
        if (render) {
            image.fill(Qt::white);
            panel.render(&image);
        }
        benchmark::DoNotOptimize(image.bits());
    }
    // To look at what was measured: HEADROOM_CHARTS_PNG=page.png bench_charts --benchmark_filter=PanelNewAnalysis
    if (render && qEnvironmentVariableIsSet("HEADROOM_CHARTS_PNG"))
        image.save(qEnvironmentVariable("HEADROOM_CHARTS_PNG"));
}
BENCHMARK(BM_PanelNewAnalysis)->Arg(0)->Arg(1)->ArgName("render")->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

/// One frame of BM_PanelLeverFrame: `panel` takes `analysis`, then the changed viewports paint.
/// Not inlined, so that a profiler can count it alone (valgrind --toggle-collect=*leverFrame*).
[[gnu::noinline]] double leverFrame(charts::ChartsPanel &panel, const ui::AnalysisPtr &analysis,
                                    const std::function<void()> &drain)
{
    QElapsedTimer timer;
    timer.start();
    panel.setAnalysis(analysis);
    const double set = double(timer.nsecsElapsed()) / 1e6;
    drain();
    return set;
}

void BM_PanelLeverFrame(benchmark::State &state)
{
    const QString lever = QString::fromLatin1(bench::leverKeys[state.range(0)]);
    state.SetLabel(lever.toStdString());
    const bench::LeverStep step = bench::leverStep(lever);
    const std::array<ui::AnalysisPtr, 2> analyses{step.analysis[0], step.analysis[1]};
    ui::ScenarioDocument document;
    document.reset(model::defaultScenario(), QString());
    charts::ChartsPanel panel(&document);
    panel.resize(1600, 1000);
    panel.show();
    bench::PaintCounter paints;
    for (charts::ChartView *v : {panel.demandView(), panel.replicasView(), panel.trafficView(), panel.costView()})
        paints.watch(v->viewport());
    const auto drain = [&] { bench::drainPaints(paints); };
    for (const ui::AnalysisPtr &a : analyses) {
        panel.setAnalysis(a);
        drain();
    }
    paints.count = 0;
    double chartsMs = 0, paintMs = 0, cpuMs = 0;
    std::size_t i = 0;
    for (auto _ : state) {
        const double cpu = bench::threadCpuMs();
        QElapsedTimer timer;
        timer.start();
        const double set = leverFrame(panel, analyses[i++ % 2], drain);
        const double total = double(timer.nsecsElapsed()) / 1e6;
        chartsMs += set;
        paintMs += total - set;
        cpuMs += bench::threadCpuMs() - cpu;
        state.SetIterationTime(total / 1e3);
    }
    const double n = double(state.iterations());
    state.counters["charts_ms"] = benchmark::Counter(chartsMs / n);
    state.counters["paint_ms"] = benchmark::Counter(paintMs / n);
    state.counters["painted"] = benchmark::Counter(paints.count / n);
    state.counters["gui_cpu_ms"] = benchmark::Counter(cpuMs / n);
}
BENCHMARK(BM_PanelLeverFrame)->DenseRange(0, 6)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace
