// From a what-if slider change to the new analysis shown in the what-if dock, the Alerts & SLOs dock
// and the Compare page (current + one variant), for WebTools Pro: the engine time off the GUI
// thread plus the views' rebuild on it.
#include "core/model/scenarioio.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/comparepanel.h"
#include "ui/panels/whatifpanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSlider>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

namespace {

void sliderToViews(benchmark::State &state, analysis::AnalysisOptions options)
{
    ScenarioDocument doc;
    doc.reset(model::defaultScenario(), QString());
    AnalysisRunner runner(&doc);
    runner.setDebounceMs(0); // the debounce is for drags; measure the work
    bool shown = false;
    double engineMs = 0, viewsMs = 0;
    QElapsedTimer views;
    // connected first: runs before the views take the new analysis
    QObject::connect(&runner, &AnalysisRunner::analysisReady, &runner, [&] { views.start(); });
    WhatIfPanel whatIf(&doc, &runner);
    AlertsPanel alerts(&runner);
    ComparePanel compare(&doc, &runner);
    compare.show(); // the Compare page analyses and redraws only while it is visible
    // connected last: runs after every view has taken the new analysis
    QObject::connect(&runner, &AnalysisRunner::analysisReady, &runner, [&](const AnalysisPtr &, double elapsed) {
        engineMs += elapsed;
        shown = true;
    });
    auto waitShown = [&] {
        shown = false;
        while (!shown)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    };
    runner.setOptions(options);
    waitShown();
    compare.duplicateCurrent(u"variant"_s);
    while (compare.isAnalysing())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QSlider *slider = whatIf.slider(QString::fromLatin1(WhatIfPanel::maxReplicasLever));
    int i = 0;
    engineMs = 0;
    for (auto _ : state) {
        QElapsedTimer total;
        total.start();
        slider->setValue(++i % 2 ? 40 : 50);
        waitShown();
        viewsMs += double(views.nsecsElapsed()) / 1e6;
        state.SetIterationTime(double(total.nsecsElapsed()) / 1e9);
    }
    state.counters["engine_ms"] = benchmark::Counter(engineMs / double(state.iterations()));
    state.counters["views_ms"] = benchmark::Counter(viewsMs / double(state.iterations()));
}

analysis::AnalysisOptions options(std::chrono::hours duration, bool alerts, QStringList traffic)
{
    analysis::AnalysisOptions o;
    o.simulationDuration = duration;
    o.evaluateAlerts = alerts;
    o.traffic = std::move(traffic);
    return o;
}

// The console's default recompute: 180-day plan, a 24 h simulation of spike-10x with alerts.
void BM_SliderToViews24h(benchmark::State &state)
{
    sliderToViews(state, options(std::chrono::hours(24), true, {u"spike-10x"_s}));
}
void BM_SliderToViews24hNoAlerts(benchmark::State &state)
{
    sliderToViews(state, options(std::chrono::hours(24), false, {u"spike-10x"_s}));
}
void BM_SliderToViews2h(benchmark::State &state)
{
    sliderToViews(state, options(std::chrono::hours(2), true, {u"spike-10x"_s}));
}

} // namespace

BENCHMARK(BM_SliderToViews24h)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderToViews24hNoAlerts)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SliderToViews2h)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
