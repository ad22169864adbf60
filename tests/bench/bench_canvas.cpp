// The topology canvas: the frame time of panning a 500-node / 5,000-pod cluster (goal < 8 ms),
// and the time to follow a new analysis of WebTools Pro (goal well under 16 ms). Rendered
// offscreen: every frame is the viewport painted into a QImage after a scroll step.
// BM_TopologyLeverFrame/<lever>: the canvas's share of a what-if frame (goal <= 3 ms of GUI-thread
// time): showAnalysis with the analysis after a lever moved, then the platform's own paint of
// what changed (run with QT_QPA_PLATFORM=offscreen).
#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenarioio.h"
#include "ui/canvas/canvasview.h"
#include "ui/canvas/clusterscene.h"
#include "ui/canvas/topologycanvas.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/whatifpanel.h"
#include "tests/bench/guibench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSlider>

#include <QImage>
#include <QScrollBar>

#include <benchmark/benchmark.h>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;
using namespace headroom::bench;

namespace {

void renderFrame(CanvasView *view, QImage &image)
{
    view->viewport()->render(&image);
    benchmark::DoNotOptimize(image.constBits());
}

// Arg: zoom in percent (30 = far, aggregated counts; 100 = dots; 200 = dots and labels).
void BM_ClusterPanFrame(benchmark::State &state)
{
    CanvasView view;
    view.resize(1280, 800);
    ClusterScene scene;
    scene.setMap(generateClusterMap(500, 5000));
    view.setScene(&scene);
    view.zoomBy(state.range(0) / 100.0);
    view.centerOn(scene.sceneRect().center());
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QScrollBar *bar = view.horizontalScrollBar();
    renderFrame(&view, image); // fill the item caches once, as the first frame on screen does
    int step = 24;
    for (auto _ : state) {
        if (bar->value() + step > bar->maximum() || bar->value() + step < bar->minimum())
            step = -step;
        bar->setValue(bar->value() + step);
        renderFrame(&view, image);
    }
    state.counters["visibleNodes"] = double(scene.items(view.mapToScene(view.viewport()->rect())).size());
}

void BM_ClusterBuild(benchmark::State &state)
{
    const ClusterMap map = generateClusterMap(500, 5000);
    for (auto _ : state) {
        ClusterScene scene;
        scene.setMap(map);
        benchmark::DoNotOptimize(scene.nodeItems().size());
    }
}

struct Analyses {
    model::Scenario base = model::defaultScenario();
    model::Scenario busy = base;
    model::Scenario sharded = base; ///< one more Redis shard: the topology's structure changes
    AnalysisPtr first, second, third;
    Analyses()
    {
        busy.spec.demand.concurrentUsers *= 3;
        sharded.spec.redisCluster.shards += 1;
        analysis::AnalysisOptions options;
        options.traffic = {u"spike-10x"_s};
        first = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(base, options));
        second = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(busy, options));
        third = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(sharded, options));
    }
};

const Analyses &analyses()
{
    static const Analyses a;
    return a;
}

// range(0) 1: also repaint the canvas (what the user waits for), 0: the item updates alone.
// range(1) 1: alternate with one more Redis shard (a new structure), 0: with 3x the users (figures only).
void BM_TopologyFollowAnalysis(benchmark::State &state)
{
    const Analyses &a = analyses();
    TopologyCanvas canvas;
    canvas.resize(1600, 1000);
    canvas.show();
    canvas.showAnalysis(a.base, a.first);
    QImage image(canvas.size(), QImage::Format_ARGB32_Premultiplied);
    const model::Scenario &other = state.range(1) ? a.sharded : a.busy;
    const AnalysisPtr &otherAnalysis = state.range(1) ? a.third : a.second;
    bool flip = false;
    for (auto _ : state) {
        flip = !flip;
        canvas.showAnalysis(flip ? other : a.base, flip ? otherAnalysis : a.first);
        if (state.range(0)) {
            image.fill(Qt::white);
            canvas.render(&image); // as bench_whatif renders it
            benchmark::DoNotOptimize(image.constBits());
        }
    }
    // To look at what was measured: HEADROOM_CANVAS_PNG=canvas.png bench_canvas --benchmark_filter=Follow
    if (state.range(0) && qEnvironmentVariableIsSet("HEADROOM_CANVAS_PNG"))
        image.save(qEnvironmentVariable("HEADROOM_CANVAS_PNG"));
}

// The canvas's share of a what-if frame: TopologyCanvas::showAnalysis with the analysis after a
// lever moved (alternately back and forth), then the platform's paint of the canvas window
// (1600x1000, shown). Counters: canvas_ms (showAnalysis), paint_ms (the queued scene updates and
// paints until none is pending), painted (viewport paints per change), gui_cpu_ms (both, GUI
// thread CPU). Time = both, wall clock.
void BM_TopologyLeverFrame(benchmark::State &state)
{
    const QString lever = QString::fromLatin1(leverKeys[state.range(0)]);
    state.SetLabel(lever.toStdString());
    const LeverStep step = leverStep(lever);
    TopologyCanvas canvas;
    canvas.resize(1600, 1000);
    canvas.show();
    PaintCounter paints;
    paints.watch(canvas.view()->viewport());
    const auto drain = [&] { drainPaints(paints); };
    canvas.showAnalysis(step.scenario[0], step.analysis[0]);
    drain();
    paints.count = 0;
    double canvasMs = 0, paintMs = 0, cpuMs = 0;
    int i = 0;
    for (auto _ : state) {
        const int k = ++i % 2;
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        canvas.showAnalysis(step.scenario[k], step.analysis[k]);
        const qint64 shown = timer.nsecsElapsed();
        drain();
        const qint64 painted = timer.nsecsElapsed();
        cpuMs += threadCpuMs() - cpu;
        canvasMs += double(shown) / 1e6;
        paintMs += double(painted - shown) / 1e6;
        state.SetIterationTime(double(painted) / 1e9);
    }
    const double n = double(state.iterations());
    state.counters["canvas_ms"] = benchmark::Counter(canvasMs / n);
    state.counters["paint_ms"] = benchmark::Counter(paintMs / n);
    state.counters["painted"] = benchmark::Counter(paints.count / n);
    state.counters["gui_cpu_ms"] = benchmark::Counter(cpuMs / n);
}

} // namespace

BENCHMARK(BM_ClusterPanFrame)->Arg(30)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClusterBuild)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TopologyFollowAnalysis)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"render", "shards"})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK(BM_TopologyLeverFrame)->DenseRange(0, 6)->UseManualTime()->Unit(benchmark::kMillisecond);
