#pragma once

#include "core/model/fieldoptions.h"
#include "core/model/scenario.h"

/// The one field table of the scenario format. Every reader and writer (YAML load/save, the
/// property editor's field metadata) walks these `describe()` functions, so a field is named,
/// typed and bounded in exactly one place. Keys are the plan document's own names.
namespace headroom::model {

#define HEADROOM_ENUM_TABLE(Type, ...)                                                             \
    inline std::span<const EnumName<Type>> enumNames(Type)                                          \
    {                                                                                               \
        static const EnumName<Type> table[] = {__VA_ARGS__};                                        \
        return table;                                                                               \
    }

HEADROOM_ENUM_TABLE(MetricSourceType, {MetricSourceType::Resource, u"Resource"},
                    {MetricSourceType::ContainerResource, u"ContainerResource"}, {MetricSourceType::Pods, u"Pods"},
                    {MetricSourceType::Object, u"Object"}, {MetricSourceType::External, u"External"})
HEADROOM_ENUM_TABLE(MetricTargetType, {MetricTargetType::Utilization, u"Utilization"},
                    {MetricTargetType::Value, u"Value"}, {MetricTargetType::AverageValue, u"AverageValue"})
HEADROOM_ENUM_TABLE(ScalingPolicyType, {ScalingPolicyType::Pods, u"Pods"}, {ScalingPolicyType::Percent, u"Percent"})
HEADROOM_ENUM_TABLE(SelectPolicy, {SelectPolicy::Max, u"Max"}, {SelectPolicy::Min, u"Min"},
                    {SelectPolicy::Disabled, u"Disabled"})
HEADROOM_ENUM_TABLE(TierKind, {TierKind::Web, u"web"}, {TierKind::Api, u"api"},
                    {TierKind::Processing, u"processing"}, {TierKind::Other, u"other"})
HEADROOM_ENUM_TABLE(SizingMethod, {SizingMethod::CapacityUnits, u"capacityUnits"},
                    {SizingMethod::Queueing, u"queueing"})
HEADROOM_ENUM_TABLE(CapacityMetric, {CapacityMetric::Users, u"users"}, {CapacityMetric::Requests, u"requests"},
                    {CapacityMetric::Jobs, u"jobs"})
HEADROOM_ENUM_TABLE(BalancerLevel, {BalancerLevel::Global, u"Global"}, {BalancerLevel::Regional, u"Regional"},
                    {BalancerLevel::Application, u"Application"})
HEADROOM_ENUM_TABLE(BalancingAlgorithm, {BalancingAlgorithm::RoundRobin, u"Round Robin"},
                    {BalancingAlgorithm::WeightedRoundRobin, u"Weighted Round Robin"},
                    {BalancingAlgorithm::LeastConnections, u"Least Connections"},
                    {BalancingAlgorithm::IpHash, u"IP Hash"}, {BalancingAlgorithm::Random, u"Random"})
HEADROOM_ENUM_TABLE(PoolMode, {PoolMode::Session, u"session"}, {PoolMode::Transaction, u"transaction"},
                    {PoolMode::Statement, u"statement"})
HEADROOM_ENUM_TABLE(ShardHash, {ShardHash::Modulo, u"modulo"}, {ShardHash::ConsistentHash, u"consistent"},
                    {ShardHash::JumpHash, u"jump"}, {ShardHash::Rendezvous, u"rendezvous"})
HEADROOM_ENUM_TABLE(CacheType, {CacheType::Browser, u"browser"}, {CacheType::Cdn, u"cdn"},
                    {CacheType::Memory, u"memory"}, {CacheType::Redis, u"redis"})
HEADROOM_ENUM_TABLE(EvictionPolicy, {EvictionPolicy::Lru, u"LRU"}, {EvictionPolicy::Lfu, u"LFU"},
                    {EvictionPolicy::Fifo, u"FIFO"}, {EvictionPolicy::Ttl, u"TTL"},
                    {EvictionPolicy::AllKeysLru, u"allkeys-lru"}, {EvictionPolicy::AllKeysLfu, u"allkeys-lfu"},
                    {EvictionPolicy::AllKeysRandom, u"allkeys-random"},
                    {EvictionPolicy::VolatileLru, u"volatile-lru"}, {EvictionPolicy::VolatileLfu, u"volatile-lfu"},
                    {EvictionPolicy::VolatileRandom, u"volatile-random"},
                    {EvictionPolicy::VolatileTtl, u"volatile-ttl"}, {EvictionPolicy::NoEviction, u"noeviction"})
HEADROOM_ENUM_TABLE(SloCategory, {SloCategory::Performance, u"performance"}, {SloCategory::Cost, u"cost"},
                    {SloCategory::Operational, u"operational"})
HEADROOM_ENUM_TABLE(Comparison, {Comparison::Less, u"<"}, {Comparison::LessOrEqual, u"<="},
                    {Comparison::Greater, u">"}, {Comparison::GreaterOrEqual, u">="},
                    {Comparison::Within, u"within"})
HEADROOM_ENUM_TABLE(DataSourceKind, {DataSourceKind::Kubernetes, u"kubernetes"},
                    {DataSourceKind::Prometheus, u"prometheus"}, {DataSourceKind::Redis, u"redis"},
                    {DataSourceKind::PostgreSQL, u"postgresql"}, {DataSourceKind::Pricing, u"pricing"})

#undef HEADROOM_ENUM_TABLE

// ---- autoscaling/v2 -------------------------------------------------------------------------

template <typename V>
void describe(V &v, CrossVersionObjectReference &r)
{
    v.scalar("apiVersion", r.apiVersion, opt);
    v.scalar("kind", r.kind, required);
    v.scalar("name", r.name, required);
}

template <typename V>
void describe(V &v, MetricTarget &t)
{
    v.enumeration("type", t.type, required);
    v.scalar("averageUtilization", t.averageUtilization, FieldOptions{}.atLeast(1));
    v.scalar("value", t.value, opt);
    v.scalar("averageValue", t.averageValue, opt);
}

template <typename V>
void describe(V &v, MetricIdentifier &m)
{
    v.scalar("name", m.name, required);
    v.section("selector", [&] { v.stringMap("matchLabels", m.selector); });
}

template <typename V>
void describe(V &v, MetricSpec &m)
{
    v.enumeration("type", m.type, required);
    switch (m.type) {
    case MetricSourceType::Resource:
        v.section("resource", [&] {
            v.scalar("name", m.resourceName, required);
            v.object("target", m.target, required);
        });
        break;
    case MetricSourceType::ContainerResource:
        v.section("containerResource", [&] {
            v.scalar("name", m.resourceName, required);
            v.scalar("container", m.container, required);
            v.object("target", m.target, required);
        });
        break;
    case MetricSourceType::Pods:
        v.section("pods", [&] {
            v.object("metric", m.metric, required);
            v.object("target", m.target, required);
        });
        break;
    case MetricSourceType::Object:
        v.section("object", [&] {
            v.object("describedObject", m.describedObject, required);
            v.object("metric", m.metric, required);
            v.object("target", m.target, required);
        });
        break;
    case MetricSourceType::External:
        v.section("external", [&] {
            v.object("metric", m.metric, required);
            v.object("target", m.target, required);
        });
        break;
    }
}

template <typename V>
void describe(V &v, HpaScalingPolicy &p)
{
    v.enumeration("type", p.type, required);
    v.scalar("value", p.value, required.atLeast(1));
    v.scalar("periodSeconds", p.periodSeconds, required.range(1, 1800));
}

template <typename V>
void describe(V &v, HpaScalingRules &r)
{
    v.scalar("stabilizationWindowSeconds", r.stabilizationWindowSeconds, FieldOptions{}.range(0, 3600));
    v.enumeration("selectPolicy", r.selectPolicy, opt);
    v.list("policies", r.policies);
    v.scalar("tolerance", r.tolerance, opt);
}

template <typename V>
void describe(V &v, HpaBehavior &b)
{
    v.object("scaleUp", b.scaleUp);
    v.object("scaleDown", b.scaleDown);
}

template <typename V>
void describe(V &v, HpaSpec &s)
{
    v.object("scaleTargetRef", s.scaleTargetRef, required);
    v.scalar("minReplicas", s.minReplicas, FieldOptions{}.atLeast(0));
    v.scalar("maxReplicas", s.maxReplicas, required.atLeast(1));
    v.list("metrics", s.metrics);
    v.object("behavior", s.behavior);
}

// ---- scenario -------------------------------------------------------------------------------

template <typename V>
void describe(V &v, Metadata &m)
{
    v.scalar("name", m.name, required);
    v.scalar("description", m.description, opt);
    v.stringMap("labels", m.labels);
}

template <typename V>
void describe(V &v, ResourceTier &r)
{
    v.scalar("name", r.name, required);
    v.scalar("cpu", r.cpu, required.atLeast(0.001).doc("vCPU per node"));
    v.scalar("memory", r.memoryBytes, required.asBytes());
    v.scalar("storage", r.storageBytes, FieldOptions{}.asBytes());
    v.scalar("networkBandwidthGbps", r.networkGbps, nonNegative);
    v.scalar("maxConcurrentUsers", r.maxConcurrentUsers, nonNegative);
    v.scalar("costPerHour", r.costPerHour, required.atLeast(0));
}

template <typename V>
void describe(V &v, TierAutoscaling &a)
{
    v.scalar("minReplicas", a.minReplicas, required.atLeast(0));
    v.scalar("maxReplicas", a.maxReplicas, required.atLeast(1));
    v.scalar("targetCPUUtilization", a.targetCPUUtilization, FieldOptions{}.range(1, 100));
    v.scalar("targetMemoryUtilization", a.targetMemoryUtilization, FieldOptions{}.range(1, 100));
    v.scalar("scaleUpCooldown", a.scaleUpCooldown, opt);
    v.scalar("scaleDownCooldown", a.scaleDownCooldown, opt);
    v.stringList("customMetrics", a.customMetrics);
    v.scalar("queueDepthThreshold", a.queueDepthThreshold, FieldOptions{}.atLeast(1));
    v.scalar("processingTimeThreshold", a.processingTimeThreshold, opt);
}

template <typename V>
void describe(V &v, PodResources &r)
{
    v.scalar("cpuMillicores", r.cpuMillicores, required.atLeast(1));
    v.scalar("memory", r.memoryBytes, required.asBytes());
}

template <typename V>
void describe(V &v, TierWorkload &w)
{
    v.enumeration("capacityMetric", w.capacityMetric, required);
    v.scalar("capacityPerReplica", w.capacityPerReplica, required.atLeast(0.001));
    v.scalar("serviceTime", w.serviceTime, required);
    v.scalar("concurrencyPerReplica", w.concurrencyPerReplica, required.atLeast(1));
    v.scalar("cpuMillicoresPerUnit", w.cpuMillicoresPerUnit, nonNegative);
    v.scalar("memoryPerReplica", w.memoryBytesPerReplica, FieldOptions{}.asBytes());
    v.scalar("demandShare", w.demandShare, FieldOptions{}.range(0, 1000));
}

template <typename V>
void describe(V &v, Tier &t)
{
    v.scalar("id", t.id, required);
    v.scalar("name", t.name, opt);
    v.enumeration("kind", t.kind, required);
    v.scalar("resourceTier", t.resourceTier, opt);
    v.object("autoscaling", t.autoscaling, required);
    v.object("hpa", t.hpa);
    v.object("requests", t.requests);
    v.object("workload", t.workload);
    v.enumeration("sizing", t.sizing, opt);
    v.scalar("p95Slo", t.p95Slo, opt);
    v.scalar("podStartupTime", t.podStartupTime, opt);
    v.scalar("spotTolerant", t.spotTolerant, opt);
}

template <typename V>
void describe(V &v, LoadBalancingStrategy &s)
{
    v.enumeration("tier", s.tier, required);
    v.enumeration("algorithm", s.algorithm, required);
    v.scalar("healthCheckInterval", s.healthCheckInterval, required);
    v.scalar("healthCheckTimeout", s.healthCheckTimeout, required);
    v.scalar("unhealthyThreshold", s.unhealthyThreshold, required.atLeast(1));
    v.scalar("sessionAffinity", s.sessionAffinity, opt);
    v.scalar("crossZoneBalancing", s.crossZoneBalancing, opt);
}

template <typename V>
void describe(V &v, Region &r)
{
    v.scalar("id", r.id, required);
    v.scalar("name", r.name, opt);
    v.scalar("trafficShare", r.trafficShare, FieldOptions{}.asPercent());
    v.scalar("capacityWeight", r.capacityWeight, nonNegative);
}

template <typename V>
void describe(V &v, RegionGroup &g)
{
    v.scalar("id", g.id, required);
    v.scalar("name", g.name, opt);
    v.scalar("balancer", g.balancer, opt);
    v.scalar("trafficShare", g.trafficShare, FieldOptions{}.asPercent());
    v.list("regions", g.regions);
}

template <typename V>
void describe(V &v, GlobalTopology &t)
{
    v.scalar("globalBalancer", t.globalBalancer, opt);
    v.list("groups", t.groups);
}

template <typename V>
void describe(V &v, GrowthPhase &p)
{
    v.scalar("name", p.name, required);
    v.scalar("startMonth", p.startMonth, required.atLeast(0));
    v.scalar("endMonth", p.endMonth, FieldOptions{}.atLeast(0));
    v.scalar("fromUsers", p.fromUsers, required.atLeast(0));
    v.scalar("toUsers", p.toUsers, required.atLeast(0));
}

template <typename V>
void describe(V &v, DemandProfile &d)
{
    v.scalar("concurrentUsers", d.concurrentUsers, required.atLeast(0));
    v.scalar("requestsPerUserPerSecond", d.requestsPerUserPerSecond, nonNegative);
    v.scalar("jobsPerUserPerSecond", d.jobsPerUserPerSecond, nonNegative);
    v.scalar("dbQueriesPerRequest", d.dbQueriesPerRequest, nonNegative);
    v.scalar("cachePerUser", d.cacheBytesPerUser, FieldOptions{}.asBytes());
    v.scalar("storagePerUser", d.storageBytesPerUser, FieldOptions{}.asBytes());
    v.scalar("activeToConcurrentRatio", d.activeToConcurrentRatio, FieldOptions{}.atLeast(1));
}

template <typename V>
void describe(V &v, CapacityPlannerSettings &c)
{
    v.scalar("growthRate", c.growthRate, FieldOptions{}.range(-1, 10).doc("monthly growth, 0.15 = 15 %"));
    v.scalar("historyWindow", c.historyWindow, opt);
    v.scalar("peakMultiplier", c.peakMultiplier, FieldOptions{}.atLeast(1));
    v.scalar("capacityBuffer", c.capacityBuffer, FieldOptions{}.asPercent());
    v.scalar("queriesPerConnection", c.queriesPerConnection, FieldOptions{}.atLeast(0.001));
    v.scalar("confidenceLevel", c.confidenceLevel, FieldOptions{}.range(50, 99.9));
}

template <typename V>
void describe(V &v, DatabasePrimary &p)
{
    v.scalar("id", p.id, required);
    v.stringList("replicas", p.replicas);
}

template <typename V>
void describe(V &v, DatabaseProxy &p)
{
    v.scalar("type", p.type, opt);
    v.enumeration("poolMode", p.poolMode, opt);
    v.scalar("defaultPoolSize", p.defaultPoolSize, positive);
    v.scalar("maxClientConnections", p.maxClientConnections, positive);
    v.scalar("connectionsPerAppReplica", p.connectionsPerAppReplica, positive);
}

template <typename V>
void describe(V &v, AnalyticsCopy &a)
{
    v.scalar("name", a.name, required);
    v.stringList("sources", a.sources);
}

template <typename V>
void describe(V &v, ShardingStrategy &s)
{
    v.scalar("shardKey", s.shardKey, required);
    v.scalar("shardCount", s.shardCount, required.atLeast(1));
    v.enumeration("hashFunction", s.hashFunction, required);
    v.scalar("replicationFactor", s.replicationFactor, positive);
    v.scalar("balancingStrategy", s.balancingStrategy, opt);
    v.scalar("virtualNodes", s.virtualNodes, positive);
}

template <typename V>
void describe(V &v, DatabaseTopology &d)
{
    v.scalar("engine", d.engine, opt);
    v.list("primaries", d.primaries);
    v.object("proxy", d.proxy);
    v.object("analytics", d.analytics);
    v.object("sharding", d.sharding);
    v.scalar("maxConnectionsPerPrimary", d.maxConnectionsPerPrimary, positive);
    v.scalar("writeQueriesPerSecondPerPrimary", d.writeQueriesPerSecondPerPrimary, FieldOptions{}.atLeast(1));
    v.scalar("readQueriesPerSecondPerReplica", d.readQueriesPerSecondPerReplica, FieldOptions{}.atLeast(1));
    v.scalar("writeFraction", d.writeFraction, FieldOptions{}.range(0, 1));
    v.scalar("replicationLagBudget", d.replicationLagBudget, opt);
}

template <typename V>
void describe(V &v, CacheLevel &c)
{
    v.scalar("level", c.level, required.atLeast(1));
    v.enumeration("type", c.type, required);
    v.scalar("capacity", c.capacityBytes, required.asBytes());
    v.scalar("ttl", c.ttl, required);
    v.enumeration("evictionPolicy", c.evictionPolicy, required);
    v.scalar("replicationFactor", c.replicationFactor, positive);
    v.scalar("hitRatio", c.hitRatio, FieldOptions{}.asPercent());
}

template <typename V>
void describe(V &v, RedisCluster &r)
{
    v.scalar("shards", r.shards, required.atLeast(1).atMost(16384));
    v.scalar("replicasPerShard", r.replicasPerShard, nonNegative);
    v.scalar("sentinels", r.sentinels, nonNegative);
    v.scalar("sentinelQuorum", r.sentinelQuorum, FieldOptions{}.atLeast(1));
    v.scalar("maxMemoryPerShard", r.maxMemoryPerShardBytes, FieldOptions{}.asBytes());
}

template <typename V>
void describe(V &v, CostThresholds &t)
{
    v.scalar("warning", t.warning, required.atLeast(0));
    v.scalar("critical", t.critical, required.atLeast(0));
}

template <typename V>
void describe(V &v, CostOptimization &c)
{
    v.scalar("spotInstanceRatio", c.spotInstanceRatio, FieldOptions{}.asPercent());
    v.scalar("reservedInstancePlanning", c.reservedInstancePlanning, nonNegative);
    v.scalar("rightSizingInterval", c.rightSizingInterval, positive);
    v.scalar("scheduleBasedScaling", c.scheduleBasedScaling, opt);
    v.object("costThresholds", c.costThresholds);
    v.scalar("reservedSavingsThreshold", c.reservedSavingsThreshold, nonNegative);
    v.scalar("costPerUserTarget", c.costPerUserTarget, nonNegative);
    v.scalar("provider", c.provider, opt);
    v.scalar("spotInterruptionRate", c.spotInterruptionRate, FieldOptions{}.asPercent());
}

template <typename V>
void describe(V &v, AlertRule &r)
{
    v.scalar("alert", r.alert, required);
    v.scalar("expr", r.expr, required);
    v.scalar("for", r.forDuration, opt);
    v.scalar("keep_firing_for", r.keepFiringFor, opt);
    v.stringMap("labels", r.labels);
    v.stringMap("annotations", r.annotations);
}

template <typename V>
void describe(V &v, AlertRuleGroup &g)
{
    v.scalar("name", g.name, required);
    v.scalar("interval", g.interval, opt);
    v.list("rules", g.rules);
}

template <typename V>
void describe(V &v, SuccessMetric &m)
{
    v.scalar("id", m.id, required);
    v.scalar("name", m.name, opt);
    v.enumeration("category", m.category, required);
    v.scalar("indicator", m.indicator, required);
    v.enumeration("comparison", m.comparison, required);
    v.scalar("target", m.target, required);
    v.scalar("unit", m.unit, opt);
}

template <typename V>
void describe(V &v, TrafficScenario &t)
{
    v.scalar("name", t.name, required);
    v.scalar("description", t.description, opt);
    v.scalar("spec", t.spec, opt);
    v.matrix("points", t.points);
}

template <typename V>
void describe(V &v, DataSource &d)
{
    v.scalar("name", d.name, required);
    v.enumeration("kind", d.kind, required);
    v.scalar("endpoint", d.endpoint, opt);
    v.scalar("credentialRef", d.credentialRef, opt);
    v.stringMap("queries", d.queries);
}

template <typename V>
void describe(V &v, SimulationSettings &s)
{
    v.scalar("syncPeriod", s.syncPeriod, opt);
    v.scalar("metricsDelay", s.metricsDelay, opt);
    v.scalar("nodeProvisioningDelay", s.nodeProvisioningDelay, opt);
    v.scalar("maxNodes", s.maxNodes, positive);
    v.scalar("tolerance", s.tolerance, FieldOptions{}.range(0, 1));
}

template <typename V>
void describe(V &v, ScenarioSpec &s)
{
    v.scalar("currency", s.currency, opt);
    v.object("demand", s.demand, required);
    v.list("growthPhases", s.growthPhases);
    v.object("capacityPlanner", s.capacityPlanner);
    v.list("resourceTiers", s.resourceTiers);
    v.list("tiers", s.tiers);
    v.list("loadBalancing", s.loadBalancing);
    v.object("regions", s.regions);
    v.object("database", s.database);
    v.list("cacheHierarchy", s.cacheHierarchy);
    v.object("redisCluster", s.redisCluster);
    v.object("costOptimization", s.costOptimization);
    v.list("alertRules", s.alertRules);
    v.list("successMetrics", s.successMetrics);
    v.list("traffic", s.traffic);
    v.object("simulation", s.simulation);
    v.list("dataSources", s.dataSources);
}

template <typename V>
void describe(V &v, Scenario &s)
{
    v.scalar("apiVersion", s.apiVersion, required);
    v.scalar("kind", s.kind, required);
    v.object("metadata", s.metadata, required);
    v.object("spec", s.spec, required);
}

} // namespace headroom::model
