#pragma once

#include "core/cost/costmodel.h"

/// The plan document's CostOptimizedScaler as an explainable savings plan. Items are evaluated in
/// order, each on top of the ones before, so their savings add up without double counting:
/// 1. spot_instance_increase: spot-tolerant tiers from the current spot ratio to the target;
/// 2. reserved_instance_purchase: per tier, reserve the always-needed non-spot baseline when the
///    monthly saving exceeds the threshold;
/// 3. right_sizing: move a tier to the cheapest node type that keeps its measured utilization
///    under the tier's targets at the same node count (vertical resize);
/// 4. schedule_based_scaling: scale down for the predictable nightly low; only for series with a
///    step of a day or more (a simulated series already follows the daily cycle).
namespace headroom::cost {

enum class Risk { Low, Medium, High };
QString riskName(Risk risk);

struct SavingsItem {
    QString type;              ///< spot_instance_increase, reserved_instance_purchase, right_sizing, ...
    QString tierId;            ///< empty when the item spans tiers
    double monthlySavingUsd = 0;
    Risk risk = Risk::Medium;
    QString implementation;    ///< "gradual", "immediate", ... and what to do
    QStringList inputs;        ///< human-readable figures it was computed from, with catalog row ids
};

/// Measured (or simulated) average utilization of a tier's nodes, 0..1.
struct TierUtilization {
    double cpu = 0;
    double memory = 0;
    QString basis = QStringLiteral("measured"); ///< where the figures came from, for the item's inputs
};

/// A node type right-sizing may move a tier to (the plan's resource tiers, or catalog types).
struct NodeCandidate {
    QString type;
    double vcpu = 0;
    double memoryBytes = 0;
};

struct SavingsSettings {
    double targetSpotRatio = 0.4;          ///< 0..1 (plan: 40%)
    double reservedSavingsThresholdUsd = 1000; ///< per month (plan: $1000)
    PurchaseOption reservedTerm = PurchaseOption::Reserved1y;
    double reservedPercentile = 0;         ///< 0 = minimum over the horizon
    QMap<QString, TierUtilization> utilization; ///< by tier id; tiers without are not right-sized
    QMap<QString, double> targetCpu;       ///< by tier id, 0..1 (default 0.7)
    QMap<QString, double> targetMemory;    ///< by tier id, 0..1 (default 0.8)
    QList<NodeCandidate> candidates;
    bool scheduleBasedScaling = true;
    double nightHours = 8;                 ///< length of the nightly low
    double nightDemandFraction = 0.5;      ///< nodes needed at night / nodes planned for the day
    QMap<QString, int> minReplicas;        ///< by tier id; floor of the nightly scale-down
};

struct SavingsPlan {
    std::vector<SavingsItem> items;
    double totalMonthlySavingUsd = 0;
    double currentMonthlyUsd = 0;
    CostOptions optimizedOptions;          ///< the purchase mix after items 1-2
    double optimizedMonthlyUsd = 0;        ///< current - total
    QStringList notes;
};

/// Builds the plan for `input` bought as `current`. Fails only when the cost itself cannot be computed.
model::Result<SavingsPlan> planSavings(const CostInput &input, const PricingCatalog &catalog,
                                       const CostOptions &current, const SavingsSettings &settings);

} // namespace headroom::cost
