#include "core/cost/scenariocost.h"

#include <QRegularExpression>

#include <cmath>
#include <numbers>

namespace headroom::cost {

QList<RegionShare> regionShares(const model::Scenario &scenario)
{
    QList<RegionShare> out;
    double sum = 0;
    for (const model::RegionGroup &g : scenario.spec.regions.groups) {
        for (const model::Region &r : g.regions) {
            out.append({r.id, g.trafficShare / 100.0 * r.trafficShare / 100.0});
            sum += out.last().share;
        }
    }
    if (out.isEmpty() || sum <= 0)
        return {RegionShare{QStringLiteral("global"), 1.0}};
    for (RegionShare &r : out)
        r.share /= sum;
    return out;
}

model::Result<CostInput> costInputFromScenario(const model::Scenario &scenario, const PricingCatalog &catalog)
{
    CostInput input;
    const model::ScenarioSpec &spec = scenario.spec;
    input.provider = spec.costOptimization.provider;
    input.regions = regionShares(scenario);
    input.activeToConcurrentRatio = spec.demand.activeToConcurrentRatio;
    input.requestsPerUserPerSecond = spec.demand.requestsPerUserPerSecond;
    model::Diagnostics errors;
    for (qsizetype i = 0; i < spec.tiers.size(); ++i) {
        const model::Tier &tier = spec.tiers[i];
        TierNodes nodes;
        nodes.tierId = tier.id;
        nodes.nodeType = tier.resourceTier;
        nodes.podCpuMillicores = tier.requests.cpuMillicores;
        nodes.podMemoryBytes = tier.requests.memoryBytes;
        nodes.spotTolerant = tier.spotTolerant;
        if (const model::ResourceTier *rt = scenario.resourceTier(tier.resourceTier)) {
            nodes.nodeVcpu = rt->cpu;
            nodes.nodeMemoryBytes = rt->memoryBytes;
        } else if (const InstancePrice *row = catalog.instance(tier.resourceTier, input.regions.first().id,
                                                               input.provider)) {
            nodes.nodeVcpu = row->vcpu;
            nodes.nodeMemoryBytes = row->memoryBytes;
        } else {
            errors.append(model::makeError(
                QStringLiteral("'%1' is neither a resource tier of the scenario nor an instance type of the pricing "
                               "catalog")
                    .arg(tier.resourceTier),
                QStringLiteral("spec.tiers[%1].resourceTier").arg(i)));
            continue;
        }
        input.tiers.append(nodes);
    }
    if (!errors.isEmpty())
        return errors;
    return input;
}

CostOptions currentMix(const model::Scenario &scenario, double spotRatio)
{
    CostOptions o;
    o.spotRatio = spotRatio;
    o.spotInterruptionRate = std::clamp(scenario.spec.costOptimization.spotInterruptionRate / 100.0, 0.0, 0.99);
    return o;
}

double nightDemandFraction(double amplitude)
{
    const double a = std::clamp(amplitude, 0.0, 1.0);
    const double x = std::numbers::pi / 3.0;
    const double troughMean = std::sin(x) / x; // mean of cos over +-4 h of a 24 h period
    return (1.0 - troughMean * a) / (1.0 + a);
}

SavingsSettings savingsSettings(const model::Scenario &scenario)
{
    const model::CostOptimization &c = scenario.spec.costOptimization;
    SavingsSettings s;
    s.targetSpotRatio = c.spotInstanceRatio / 100.0;
    s.reservedSavingsThresholdUsd = c.reservedSavingsThreshold.amount;
    s.reservedTerm = c.reservedInstancePlanning >= 36 ? PurchaseOption::Reserved3y : PurchaseOption::Reserved1y;
    s.scheduleBasedScaling = c.scheduleBasedScaling;
    for (const model::ResourceTier &rt : scenario.spec.resourceTiers)
        s.candidates.append({rt.name, rt.cpu, rt.memoryBytes});
    for (const model::Tier &t : scenario.spec.tiers) {
        s.minReplicas[t.id] = t.autoscaling.minReplicas;
        if (t.autoscaling.targetCPUUtilization)
            s.targetCpu[t.id] = *t.autoscaling.targetCPUUtilization / 100.0;
        if (t.autoscaling.targetMemoryUtilization)
            s.targetMemory[t.id] = *t.autoscaling.targetMemoryUtilization / 100.0;
    }
    // The nightly low follows the scenario's diurnal traffic, if it has one.
    static const QRegularExpression amplitude(QStringLiteral("diurnal\\([^)]*amplitude\\s*=\\s*([0-9.]+)"));
    double a = 0;
    for (const model::TrafficScenario &t : scenario.spec.traffic) {
        const auto m = amplitude.match(t.spec);
        if (m.hasMatch())
            a = std::max(a, m.captured(1).toDouble());
    }
    s.nightDemandFraction = nightDemandFraction(a);
    return s;
}

QMap<QString, TierUtilization> workloadUtilization(const model::Scenario &scenario, const CostInput &input,
                                                   const CostBreakdown &breakdown,
                                                   const QMap<QString, double> &demandUnits,
                                                   const QMap<QString, double> &replicas)
{
    QMap<QString, TierUtilization> out;
    if (breakdown.horizonHours <= 0)
        return out;
    // node-hours per tier in one pass over the lines (each tier's sum still in line order)
    std::vector<double> nodeHoursOf(static_cast<size_t>(input.tiers.size()), 0.0);
    for (const CostLine &l : breakdown.lines) {
        if (l.perGb)
            continue;
        for (qsizetype i = 0; i < input.tiers.size(); ++i)
            if (l.tierId == input.tiers[i].tierId)
                nodeHoursOf[static_cast<size_t>(i)] += l.unitHours;
    }
    for (qsizetype i = 0; i < input.tiers.size(); ++i) {
        const TierNodes &t = input.tiers[i];
        const model::Tier *tier = scenario.tier(t.tierId);
        const double nodes = nodeHoursOf[static_cast<size_t>(i)] / breakdown.horizonHours;
        if (!tier || nodes <= 0 || !demandUnits.contains(t.tierId))
            continue;
        TierUtilization u;
        u.cpu = demandUnits.value(t.tierId) * tier->workload.cpuMillicoresPerUnit / 1000.0 / (nodes * t.nodeVcpu);
        u.memory = replicas.value(t.tierId) * tier->workload.memoryBytesPerReplica / (nodes * t.nodeMemoryBytes);
        u.basis = QStringLiteral("estimated from the tier's workload model");
        out[t.tierId] = u;
    }
    return out;
}

} // namespace headroom::cost
