#pragma once

#include "core/alerting/ruleevaluator.h"
#include "core/alerting/sloreport.h"
#include "core/autoscale/simulator.h"
#include "core/capacity/capacityplan.h"
#include "core/cost/costmodel.h"
#include "core/cost/savingsplan.h"
#include "core/cost/thresholds.h"
#include "core/model/diagnostic.h"
#include "core/model/scenario.h"
#include "core/topology/topologyanalysis.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

/// One engine call that recomputes a scenario end to end (DESIGN.md, data flow): the capacity plan
/// over the horizon, its cost and savings plan, an autoscaling simulation per traffic scenario with
/// its alert timeline and success-metric verdicts, and the topology models. The console's views,
/// the what-if controls, the scenario comparison and the report all read this one result, so every
/// figure on screen and on paper comes from the same computation. Pure and synchronous; run it off
/// the GUI thread.
namespace headroom::analysis {

struct AnalysisOptions {
    QDate startDate{2026, 1, 5};                ///< day 0 of the plan and of every simulation (a Monday)
    int planDays = 180;                         ///< capacity-plan and cost horizon, days
    std::chrono::milliseconds simulationDuration{24 * 3'600'000};
    std::chrono::milliseconds step{15'000};     ///< simulation tick
    /// Traffic scenarios to simulate (names from spec.traffic or inline specs, see autoscale::TrafficSpec);
    /// empty = every traffic scenario of the file, or "baseline" when it has none.
    QStringList traffic;
    autoscale::ScalingPolicyKind policy = autoscale::ScalingPolicyKind::Hpa;
    double spotRatio = 0;                       ///< 0..1, today's spot share of spot-tolerant tiers
    bool evaluateAlerts = true;                 ///< rules and success metrics over each simulation
    bool savingsPlan = true;                    ///< the bill's savings plan (off: `savings` may stay empty)
    bool topology = true;                       ///< run the topology models
};

/// The headline figures of one simulated traffic scenario, the unit of the side-by-side comparison.
struct OutcomeFigures {
    int peakReplicas = 0;                       ///< sum over tiers of each tier's peak ready replicas
    int peakNodes = 0;
    double peakP95Ms = 0;                       ///< worst tick of any tier (finite values only)
    double minutesOverSlo = 0;                  ///< summed over tiers
    std::optional<double> spikeAbsorbedSeconds; ///< slowest tier; empty without a traffic event or never absorbed
    bool spikeNeverAbsorbed = false;            ///< an event happened and some tier never caught up
    double monthlyCostUsd = 0;                  ///< the simulated fleet's node cost, extrapolated to 730 h
    double costPerUserMonth = 0;                ///< monthly cost / active users of the simulated day
    int firingAlerts = 0;                       ///< firing periods
    int slosPassed = 0, slosFailed = 0;
};

struct TrafficOutcome {
    QString name;                               ///< traffic name or the inline spec
    QString description;
    QString spec;
    autoscale::SimulationResult simulation;
    std::vector<double> dailyCostUsd;           ///< per tick: the fleet's node cost rate as USD per day
    alerting::RuleEvaluation alerts;
    std::vector<alerting::SloResult> slos;
    OutcomeFigures figures;
    /// `slos` as the series measured them, before completeSlos() filled in what needs the bill:
    /// what an incremental analysis reuses when only the bill changed.
    std::vector<alerting::SloResult> measuredSlos;
    bool simulationReused = false;              ///< taken over from the previous analysis (incremental analyze())
    bool alertsReused = false;                  ///< alerts and measuredSlos taken over
    bool slosReused = false;                    ///< measuredSlos taken over (the alerts were evaluated again)
};

/// Which whole-scenario stages an incremental analysis took over from the previous one.
struct StageReuse {
    bool plan = false;                          ///< the capacity plan
    bool cost = false;                          ///< the bill, its savings plan and thresholds
    bool topology = false;
};

/// Which computation produced each whole-scenario stage: the `serial` of the analysis that computed
/// it, carried along when a later analysis takes the stage over. Two analyses with the same origin
/// for a stage hold equal results for it; 0 when the stage was not computed. A copy keeps them:
/// code that changes a stage's result in a copy clears that stage's origin.
struct StageOrigins {
    std::uint64_t plan = 0;
    std::uint64_t cost = 0;                     ///< the bill and its thresholds
    std::uint64_t topology = 0;
};

struct ScenarioAnalysis {
    std::uint64_t serial = 0;                   ///< unique per analyze() in this process, from 1
    StageOrigins origins;
    QString scenarioName;
    AnalysisOptions options;
    capacity::CapacityPlan plan;
    std::optional<cost::CostBreakdown> cost;    ///< the plan's bill, current mix; empty when it cannot be priced
    std::optional<cost::SavingsPlan> savings;
    cost::ThresholdReport thresholds;
    std::vector<TrafficOutcome> traffic;        ///< in the order asked for
    std::optional<topology::TopologyAnalysis> topology;
    model::Diagnostics warnings;                ///< everything that degraded the result, with its source
    bool cancelled = false;
    StageReuse reused;                          ///< all false after a full analysis

    /// What the stages were computed from and what they reported, so that the next incremental
    /// analysis can compare inputs and repeat the warnings of a stage it takes over.
    struct Inputs {
        model::Scenario scenario;               ///< the analysed scenario (an implicitly shared copy)
        model::Diagnostics costWarnings;        ///< the cost stage's part of `warnings`
        model::Diagnostics topologyWarnings;    ///< the topology stage's part of `warnings`
    } inputs;

    const TrafficOutcome *outcome(QStringView name) const;
    /// Index in `traffic` of the outcome named `name` (the first), or -1.
    int outcomeIndex(QStringView name) const;
};

/// Runs the analysis. `progress(done, total)` is called between stages and may return false to
/// cancel; the result then holds what was computed and `cancelled` is set. Bad parts (an unknown
/// traffic name, an unpriced node type) become warnings; the rest is still computed.
ScenarioAnalysis analyze(const model::Scenario &scenario, const AnalysisOptions &options = {},
                         const std::function<bool(int, int)> &progress = {});

/// The same analysis, taking over from `previous` (an analysis of an earlier state, may be null)
/// every stage whose inputs are unchanged: the capacity plan (same demand, growth, planner settings,
/// tiers, horizon and start), the bill (same plan and cost inputs, spot ratio), the topology (same
/// topology inputs), and per traffic scenario of the same name the simulation (same traffic entry,
/// regions, demand, tiers, node sizes, simulation settings and options) and then its alerts and
/// measured success metrics (same rules, metrics, cost threshold, per-tick cost and proxy load).
/// stageinputs.h lists what each stage reads; a bill computed without its savings plan is not taken
/// over by an analysis that asks for one. The result equals analyze(scenario, options) field
/// for field; only `serial`, `reused`, `origins` and the outcomes' reuse flags tell what was taken over. A cancelled
/// `previous` is ignored.
ScenarioAnalysis analyze(const model::Scenario &scenario, const AnalysisOptions &options,
                         const std::function<bool(int, int)> &progress, const ScenarioAnalysis *previous);
/// The same with several earlier analyses (null entries ignored): each stage is taken from the
/// first one whose inputs match, e.g. the partial analysis of the same state and the complete
/// analysis of the state before.
ScenarioAnalysis analyze(const model::Scenario &scenario, const AnalysisOptions &options,
                         const std::function<bool(int, int)> &progress,
                         const std::vector<const ScenarioAnalysis *> &previous);

/// Success metrics that the series alone cannot measure, decided from the analysis: cost per user
/// (the plan's bill), spot ratio (the bill's node-hours) and over-provisioning (simulated ready vs
/// needed replicas). Replaces NotMeasurable verdicts in `slos` where it can.
void completeSlos(std::vector<alerting::SloResult> &slos, const TrafficOutcome &outcome,
                  const std::optional<cost::CostBreakdown> &cost);

/// Puts the plan's per-day replicas, users and bytes into a cost-engine input (replacing its
/// series; prices and purchase options are left as they are).
void fillCostInputFromPlan(cost::CostInput &input, const capacity::CapacityPlan &plan);

/// Client connections the app tiers (not the web tier) hold through the database's pooling proxy,
/// per tick, as a share (0..) of the connections it accepts: ready replicas x connectionsPerAppReplica /
/// maxClientConnections. All zeros when the proxy accepts none.
std::vector<double> proxyUtilization(const model::Scenario &scenario, const autoscale::SimulationResult &result);

/// A what-if outcome table as CSV: one row per traffic scenario with the OutcomeFigures columns.
QByteArray outcomesCsv(const ScenarioAnalysis &analysis);

} // namespace headroom::analysis
