#pragma once

#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenario.h"
#include "ui/charts/chartspec.h"
#include "ui/charts/lttb.h"

#include <QChart>

#include <memory>
#include <optional>

/// Pure chart builders: one finished ScenarioAnalysis (and the scenario it was computed from) in,
/// one QChart out. The console's charts page and the PDF report draw the same charts. Long series
/// are downsampled with LTTB to `pointBudget` points (the console asks for ~1.5 per device pixel of
/// the plot's width, the report for kChartPointBudget); dense series get the thin fast pen. Times are UTC; a chart's toolTip() says
/// where its figures (and its uncertainty band) come from.
namespace headroom::charts {

/// Concurrent users per day over the plan horizon with the growth phases shaded and a 95% band.
/// The scenario carries no measured history, so the band is the growth-rate uncertainty: the
/// plan's monthly growth rate g taken as uncertain with sigma = g/4 (an assumption stated in the
/// tooltip), users(d) x ((1 + (g -+ 1.96 sigma)/30) / (1 + g/30))^d.
std::unique_ptr<QChart> demandChart(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                    std::size_t pointBudget = kChartPointBudget);

/// Required (solid) and planned (dashed, clamped to min/max replicas) replicas per tier per day.
std::unique_ptr<QChart> replicasChart(const analysis::ScenarioAnalysis &analysis,
                                      std::size_t pointBudget = kChartPointBudget);

/// One traffic scenario's simulation: ready (solid) and desired (dashed) replicas per tier on the
/// left axis, each tier's demand (req/s or jobs/s, dotted) on the right axis, and the intervals in
/// which a tier's P95 exceeded its p95Slo shaded. Null when `trafficIndex` is out of range.
std::unique_ptr<QChart> trafficChart(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                     int trafficIndex, std::size_t pointBudget = kChartPointBudget);

/// Cost per day stacked by tier and purchase option, the daily warning/critical thresholds, and
/// the cost per active user per month on the right axis. A chart with a note when the plan
/// could not be priced.
std::unique_ptr<QChart> costChart(const analysis::ScenarioAnalysis &analysis,
                                  std::size_t pointBudget = kChartPointBudget);

/// What the builders above draw, as data (see ChartSpec): the charts page applies these to its
/// shown charts in place. trafficSpec is empty when `trafficIndex` is out of range.
ChartSpec demandSpec(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                     std::size_t pointBudget = kChartPointBudget);
ChartSpec replicasSpec(const analysis::ScenarioAnalysis &analysis, std::size_t pointBudget = kChartPointBudget);
std::optional<ChartSpec> trafficSpec(const analysis::ScenarioAnalysis &analysis, const model::Scenario &scenario,
                                     int trafficIndex, std::size_t pointBudget = kChartPointBudget);
ChartSpec costSpec(const analysis::ScenarioAnalysis &analysis, std::size_t pointBudget = kChartPointBudget);

/// Intervals [startMs, endMs) of a simulated tier whose P95 exceeded `sloMs`.
struct BreachInterval {
    qint64 startMs = 0;
    qint64 endMs = 0;
};
std::vector<BreachInterval> sloBreaches(const autoscale::SimulationResult &result, std::size_t tier, double sloMs);

} // namespace headroom::charts
