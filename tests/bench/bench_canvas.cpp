// The topology canvas: the frame time of panning a 500-node / 5,000-pod cluster (goal < 8 ms),
// and the time to follow a new analysis of WebTools Pro (goal well under 16 ms). Rendered
// offscreen: every frame is the viewport painted into a QImage after a scroll step.
#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenarioio.h"
#include "ui/canvas/canvasview.h"
#include "ui/canvas/clusterscene.h"
#include "ui/canvas/topologycanvas.h"

#include <QImage>
#include <QScrollBar>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

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
    AnalysisPtr first, second;
    Analyses()
    {
        busy.spec.demand.concurrentUsers *= 3;
        analysis::AnalysisOptions options;
        options.traffic = {u"spike-10x"_s};
        first = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(base, options));
        second = std::make_shared<const analysis::ScenarioAnalysis>(analysis::analyze(busy, options));
    }
};

const Analyses &analyses()
{
    static const Analyses a;
    return a;
}

// Arg 1: also repaint the view (what the user waits for), 0: the item updates alone.
void BM_TopologyFollowAnalysis(benchmark::State &state)
{
    const Analyses &a = analyses();
    TopologyCanvas canvas;
    canvas.resize(1280, 800);
    canvas.showAnalysis(a.base, a.first);
    QImage image(canvas.view()->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    bool flip = false;
    for (auto _ : state) {
        flip = !flip;
        canvas.showAnalysis(flip ? a.busy : a.base, flip ? a.second : a.first);
        if (state.range(0))
            renderFrame(canvas.view(), image);
    }
}

} // namespace

BENCHMARK(BM_ClusterPanFrame)->Arg(30)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClusterBuild)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TopologyFollowAnalysis)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
