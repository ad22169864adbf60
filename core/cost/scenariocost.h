#pragma once

#include "core/cost/costmodel.h"
#include "core/cost/savingsplan.h"
#include "core/model/scenario.h"

/// Builds the cost engine's inputs from a scenario: node shapes and catalog types from the tiers'
/// resourceTier, region shares from spec.regions, purchase-mix settings from costOptimization.
namespace headroom::cost {

/// Tiers, regions, provider, users-to-requests ratios. Replica and user series are left empty
/// for the caller (capacity plan or simulation). Fails when a tier's resourceTier is neither a
/// scenario resource tier nor a catalog type.
model::Result<CostInput> costInputFromScenario(const model::Scenario &scenario, const PricingCatalog &catalog);

/// Region shares of global traffic: group share x region share, normalised to sum to 1.
QList<RegionShare> regionShares(const model::Scenario &scenario);

/// The purchase mix "as today": `spotRatio` (0..1) on spot-tolerant tiers, the scenario's
/// interruption rate, no reservations.
CostOptions currentMix(const model::Scenario &scenario, double spotRatio);

/// Savings-plan settings from spec.costOptimization, the tiers' targets and minimum replicas,
/// the resource tiers as right-sizing candidates, and the nightly low of the diurnal traffic.
SavingsSettings savingsSettings(const model::Scenario &scenario);

/// The share of the day's planned capacity needed during an 8-hour nightly low for a cosine
/// daily cycle of relative amplitude `amplitude` (0..1): (1 - 0.827 a) / (1 + a), where 0.827 =
/// sin(pi/3) / (pi/3) is the mean of the cosine over the 8 hours around its trough.
double nightDemandFraction(double amplitude);

/// Average utilization of each tier's nodes from its workload model: CPU used =
/// demand units x cpuMillicoresPerUnit, memory used = replicas x memoryPerReplica, against the
/// node capacity the breakdown paid for (node-hours / hours). `demandUnits` and `replicas` are
/// horizon averages by tier id.
QMap<QString, TierUtilization> workloadUtilization(const model::Scenario &scenario, const CostInput &input,
                                                   const CostBreakdown &breakdown,
                                                   const QMap<QString, double> &demandUnits,
                                                   const QMap<QString, double> &replicas);

} // namespace headroom::cost
