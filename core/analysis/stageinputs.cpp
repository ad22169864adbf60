#include "core/analysis/stageinputs.h"

namespace headroom::analysis {

namespace {

/// Resets what no stage of the analysis reads: where the scenario was imported from and the
/// monitoring parts only the alert stage reads (that stage compares them itself).
model::Scenario withoutSourcesAndMonitoring(const model::Scenario &scenario)
{
    model::Scenario s = scenario;
    s.spec.dataSources = {};
    s.spec.alertRules = {};
    s.spec.successMetrics = {};
    return s;
}

} // namespace

model::Scenario planInputs(const model::Scenario &scenario)
{
    model::Scenario s = withoutSourcesAndMonitoring(scenario);
    s.spec.resourceTiers = {};
    s.spec.loadBalancing = {};
    s.spec.regions = {};
    s.spec.database = {};
    s.spec.cacheHierarchy = {};
    s.spec.redisCluster = {};
    s.spec.costOptimization = {};
    s.spec.traffic = {};
    s.spec.simulation = {};
    return s;
}

model::Scenario costInputs(const model::Scenario &scenario, bool savingsPlan)
{
    model::Scenario s = withoutSourcesAndMonitoring(scenario);
    s.spec.loadBalancing = {};
    s.spec.database = {};
    s.spec.cacheHierarchy = {};
    s.spec.redisCluster = {};
    s.spec.simulation = {};
    if (!savingsPlan)
        s.spec.traffic = {};
    return s;
}

model::Scenario topologyInputs(const model::Scenario &scenario)
{
    model::Scenario s = withoutSourcesAndMonitoring(scenario);
    s.spec.resourceTiers = {};
    s.spec.costOptimization = {};
    s.spec.traffic = {};
    // of the planner settings only the queries per connection (database pools) and the capacity
    // buffer (region loss) count; the growth rate does not: the growth phases drive the user forecast
    s.spec.capacityPlanner = {};
    s.spec.capacityPlanner.queriesPerConnection = scenario.spec.capacityPlanner.queriesPerConnection;
    s.spec.capacityPlanner.capacityBuffer = scenario.spec.capacityPlanner.capacityBuffer;
    QList<model::Tier> tiers;
    tiers.reserve(scenario.spec.tiers.size());
    for (const model::Tier &t : scenario.spec.tiers) {
        model::Tier kept;
        kept.id = t.id;
        kept.name = t.name;
        kept.kind = t.kind;
        kept.autoscaling.maxReplicas = t.autoscaling.maxReplicas;
        tiers.append(kept);
    }
    s.spec.tiers = tiers;
    return s;
}

model::Scenario simulationInputs(const model::Scenario &scenario, const QString &traffic)
{
    model::Scenario s = withoutSourcesAndMonitoring(scenario);
    s.spec.growthPhases = {};
    s.spec.capacityPlanner = {};
    s.spec.loadBalancing = {};
    s.spec.database = {};
    s.spec.cacheHierarchy = {};
    s.spec.redisCluster = {};
    s.spec.costOptimization = {};
    QList<model::TrafficScenario> named;
    for (const model::TrafficScenario &t : scenario.spec.traffic)
        if (t.name == traffic)
            named.append(t);
    s.spec.traffic = named;
    return s;
}

} // namespace headroom::analysis
