#pragma once

#include "core/model/scenario.h"

#include <QString>

/// The part of a scenario each stage of the analysis reads, for reusing a stage of a previous
/// analysis when its inputs did not change. Each function returns a copy of the scenario with
/// the fields that stage provably never reads reset to their defaults; two scenarios whose
/// copies compare equal give that stage the same result. Everything not reset is compared, so a
/// field added to the model later counts as an input until it is listed here as unread.
///
/// Keep these in step with the engines (tst_analysis checks that changing a reset field leaves
/// the stage's result unchanged):
/// - capacity::planCapacity reads demand, growthPhases, capacityPlanner and tiers;
/// - the bill (cost::costInputFromScenario, currentMix, savingsSettings, workloadUtilization,
///   checkThresholds) reads demand, tiers, resourceTiers, regions, costOptimization, and the
///   traffic specs (the diurnal amplitude of the savings plan only), besides the capacity plan;
/// - topology::analyseTopology reads demand, growthPhases, regions, database, cacheHierarchy,
///   redisCluster, capacityPlanner.queriesPerConnection, and of the tiers only maxReplicas (the
///   application's database client connections); the analysis never asks it for a region loss
///   (which would read all of each tier), but its inputs loadBalancing, simulation and
///   capacityPlanner.capacityBuffer are kept anyway, as are the tiers' ids, names and kinds;
/// - autoscale::resolveTraffic + simulate read one traffic entry (by name), regions, demand,
///   tiers, resourceTiers, simulation, and metadata.name (the HPA's target workload name).
namespace headroom::analysis {

model::Scenario planInputs(const model::Scenario &scenario);
/// `savingsPlan` false: the inputs of the bill and its thresholds alone, without the savings plan
/// (which alone reads the traffic specs).
model::Scenario costInputs(const model::Scenario &scenario, bool savingsPlan = true);
model::Scenario topologyInputs(const model::Scenario &scenario);
/// `traffic` is a traffic scenario name or an inline spec (then no traffic entry is kept).
model::Scenario simulationInputs(const model::Scenario &scenario, const QString &traffic);

} // namespace headroom::analysis
