// The full report of WebTools Pro from a finished analysis: the PDF (laid out twice, every chart
// rendered as vectors) and the CSV files. Goal: under one second. The analysis itself is timed by
// bench_analysis.
#include "ui/report/csvexport.h"
#include "ui/report/pdfreport.h"

#include "core/model/scenarioio.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace headroom;

namespace {

const analysis::ScenarioAnalysis &webtools()
{
    // Every traffic scenario of the file over the default 24 h (alerts included).
    static const analysis::ScenarioAnalysis a = analysis::analyze(model::defaultScenario(), analysis::AnalysisOptions{});
    return a;
}

void BM_PdfReport(benchmark::State &state)
{
    const analysis::ScenarioAnalysis &a = webtools();
    const model::Scenario scenario = model::defaultScenario();
    report::ReportInfo info;
    for (auto _ : state) {
        auto pdf = report::renderPdfReport(a, scenario, {}, &info);
        if (!pdf)
            state.SkipWithError("report failed");
        benchmark::DoNotOptimize(pdf.value().data());
    }
    state.counters["pages"] = info.pages;
}
BENCHMARK(BM_PdfReport)->Unit(benchmark::kMillisecond);

void BM_CsvReport(benchmark::State &state)
{
    const analysis::ScenarioAnalysis &a = webtools();
    const model::Scenario scenario = model::defaultScenario();
    QTemporaryDir dir;
    for (auto _ : state) {
        auto files = report::writeCsvReport(dir.path(), a, scenario);
        if (!files)
            state.SkipWithError("csv failed");
    }
}
BENCHMARK(BM_CsvReport)->Unit(benchmark::kMillisecond);

} // namespace
