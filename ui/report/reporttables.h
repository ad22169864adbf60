#pragma once

#include "core/analysis/scenarioanalysis.h"
#include "core/model/csv.h"
#include "core/model/scenario.h"

/// The report's tables, built once from a ScenarioAnalysis and shared by the PDF (printed) and the
/// CSV export (one file each), so both always show the same figures. Cells are locale-independent
/// ('.' decimals), times ISO 8601 UTC ("2026-01-05T00:00:00Z"), units in the column names.
namespace headroom::report {

/// "2026-01-05T00:00:00Z" for milliseconds since the epoch.
QString isoUtc(qint64 ms);
/// Midnight UTC of `date`, as isoUtc.
QString isoUtc(QDate date);
/// A file-name-safe form of a traffic scenario name ("spike-10x", "baseline_diurnal_peak_14h").
QString slug(const QString &name);

/// The headline figures: metric, value, unit, basis (where the figure comes from).
/// Rows: peak_replicas (plan, sum over tiers of the largest planned count), monthly_cost
/// (the plan's bill), cost_per_user_month, then per traffic scenario its simulated peak
/// replicas, peak P95 and spike absorption.
model::CsvTable summaryTable(const analysis::ScenarioAnalysis &a);
/// Each success metric over all traffic scenarios: metric, target, verdict (FAIL when any
/// scenario fails, PASS when one passes and none fails, else the first verdict), worst value, scenarios.
model::CsvTable successMetricsTable(const analysis::ScenarioAnalysis &a);
/// Each success metric per traffic scenario: traffic, metric, verdict, value, target, unit, note.
model::CsvTable sloDetailTable(const analysis::ScenarioAnalysis &a);
/// The plan per day: time_utc, users_concurrent, per tier demand/required/planned.
model::CsvTable capacityDailyTable(const analysis::ScenarioAnalysis &a);
/// The plan per month (30-day blocks): month_start_utc, users at the block's end, per tier the
/// largest required and planned replicas of the block.
model::CsvTable capacityMonthlyTable(const analysis::ScenarioAnalysis &a);
/// One row per traffic scenario with its OutcomeFigures.
model::CsvTable outcomesTable(const analysis::ScenarioAnalysis &a);
/// One row per tick and tier of a simulation.
model::CsvTable simulationTable(const analysis::TrafficOutcome &o);
/// Alert periods of a simulation: alert, state, labels, start_utc, end_utc, duration_min, max_value.
model::CsvTable alertsTable(const analysis::TrafficOutcome &o);
/// The bill per day: time_utc, total_usd, cost_per_user_month_usd, active_users, then one column
/// per tier and purchase option (USD).
model::CsvTable costDailyTable(const analysis::ScenarioAnalysis &a);
/// The bill over the horizon by tier, region and purchase option.
model::CsvTable costBreakdownTable(const analysis::ScenarioAnalysis &a);
/// The savings plan items and totals.
model::CsvTable savingsTable(const analysis::ScenarioAnalysis &a);
/// The cost thresholds and when they are first crossed.
model::CsvTable thresholdsTable(const analysis::ScenarioAnalysis &a);
/// Regions with their traffic shares and the cache levels (topology analysis).
model::CsvTable topologyTable(const analysis::ScenarioAnalysis &a);
/// Every input: each scenario field (path, value) and the analysis options, with its kind:
/// "assumption" for figures stated in the scenario rather than imported from a data source,
/// "input" for fields a data source supplied, "option" for analysis settings, "model" for the
/// engine's built-in assumptions.
model::CsvTable assumptionsTable(const model::Scenario &scenario, const analysis::ScenarioAnalysis &a);

/// Peak of the plan: the largest daily sum of planned replicas over tiers.
int planPeakReplicas(const capacity::CapacityPlan &plan);

} // namespace headroom::report
