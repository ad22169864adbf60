#pragma once

#include "core/analysis/scenarioanalysis.h"
#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QStringList>

namespace headroom::report {

/// Writes every report table and series as one CSV file in `directory` (created when missing),
/// each atomically: summary, success_metrics, slo_results, capacity_daily, capacity_monthly,
/// outcomes, cost_daily, cost_breakdown, savings_plan, thresholds, topology, assumptions, and per
/// traffic scenario simulation_<name> and alerts_<name>. Returns the file names written.
model::Result<QStringList> writeCsvReport(const QString &directory, const analysis::ScenarioAnalysis &analysis,
                                          const model::Scenario &scenario);

} // namespace headroom::report
