#pragma once

#include "core/model/hpa.h"
#include "core/model/units.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/// The scenario model: every structure of the WebTools Pro planning document, with explicit
/// units. Plain value types with defaulted equality; loading and saving live in scenarioio.h,
/// the field table every reader and writer shares in scenarioschema.h.
namespace headroom::model {

struct Metadata {
    QString name;
    QString description;
    QMap<QString, QString> labels;
    bool operator==(const Metadata &) const = default;
};

// ---- Vertical scaling ---------------------------------------------------------------------

/// One row of the plan's resource optimisation matrix: a node size and its price.
struct ResourceTier {
    QString name;              ///< "Starter", "Standard", ...
    double cpu = 0;            ///< vCPU
    double memoryBytes = 0;
    double storageBytes = 0;
    double networkGbps = 0;
    int maxConcurrentUsers = 0;
    Money costPerHour;
    bool operator==(const ResourceTier &) const = default;
};

// ---- Horizontal scaling -------------------------------------------------------------------

enum class TierKind { Web, Api, Processing, Other };
enum class SizingMethod { CapacityUnits, Queueing };
/// What one replica's capacity unit counts (the plan's CapacityPlanner rules).
enum class CapacityMetric { Users, Requests, Jobs };

/// The plan's AutoScalingConfig for one tier (webTier / apiTier / processingTier).
struct TierAutoscaling {
    int minReplicas = 1;
    int maxReplicas = 1;
    std::optional<int> targetCPUUtilization;    ///< percent 1..100
    std::optional<int> targetMemoryUtilization; ///< percent 1..100
    std::optional<Milliseconds> scaleUpCooldown;
    std::optional<Milliseconds> scaleDownCooldown;
    QStringList customMetrics;
    std::optional<int> queueDepthThreshold;              ///< jobs waiting per replica
    std::optional<Milliseconds> processingTimeThreshold; ///< per job
    bool operator==(const TierAutoscaling &) const = default;
};

/// One pod's requests (what the scheduler reserves and utilisation is measured against).
struct PodResources {
    int cpuMillicores = 500;
    double memoryBytes = 512.0 * 1024 * 1024;
    bool operator==(const PodResources &) const = default;
};

/// How a tier turns demand into work and replicas into throughput.
struct TierWorkload {
    CapacityMetric capacityMetric = CapacityMetric::Requests;
    double capacityPerReplica = 500; ///< plan rule: users/1000 web, requests/500 api, jobs/50 processing
    Milliseconds serviceTime{50};    ///< mean time one worker spends on one request or job
    int concurrencyPerReplica = 8;   ///< workers per replica (the servers of its M/M/c queue)
    double cpuMillicoresPerUnit = 1; ///< CPU used per unit of capacity metric per second
    double memoryBytesPerReplica = 256.0 * 1024 * 1024; ///< working set at idle
    double demandShare = 1.0;        ///< share of the scenario's demand that reaches this tier
    bool operator==(const TierWorkload &) const = default;
};

struct Tier {
    QString id;                 ///< unique, lowercase: "web", "api", "processing"
    QString name;
    TierKind kind = TierKind::Other;
    QString resourceTier;       ///< node size, a ResourceTier name
    TierAutoscaling autoscaling;
    std::optional<HpaSpec> hpa; ///< verbatim autoscaling/v2 spec; absent = derived from autoscaling
    PodResources requests;
    TierWorkload workload;
    SizingMethod sizing = SizingMethod::CapacityUnits;
    std::optional<Milliseconds> p95Slo; ///< response-time objective used by queueing sizing
    Milliseconds podStartupTime{30'000};
    bool spotTolerant = false;  ///< may run on interruptible capacity
    bool operator==(const Tier &) const = default;
};

// ---- Load balancing and regions ------------------------------------------------------------

enum class BalancerLevel { Global, Regional, Application };
enum class BalancingAlgorithm { RoundRobin, WeightedRoundRobin, LeastConnections, IpHash, Random };

/// One row of the plan's LoadBalancingStrategy table.
struct LoadBalancingStrategy {
    BalancerLevel tier = BalancerLevel::Application;
    BalancingAlgorithm algorithm = BalancingAlgorithm::RoundRobin;
    Milliseconds healthCheckInterval{10'000};
    Milliseconds healthCheckTimeout{5'000};
    int unhealthyThreshold = 3;
    bool sessionAffinity = false;
    bool crossZoneBalancing = true;
    bool operator==(const LoadBalancingStrategy &) const = default;
};

struct Region {
    QString id;               ///< cloud region code, "us-east-1"
    QString name;
    double trafficShare = 0;  ///< percent of the group's traffic, 0..100
    double capacityWeight = 1; ///< relative capacity for weighted balancing
    bool operator==(const Region &) const = default;
};

/// A regional load balancer and the data centres behind it.
struct RegionGroup {
    QString id;
    QString name;
    QString balancer;         ///< "NA Load Balancer"
    double trafficShare = 0;  ///< percent of global traffic, 0..100
    QList<Region> regions;
    bool operator==(const RegionGroup &) const = default;
};

struct GlobalTopology {
    QString globalBalancer;   ///< "CloudFlare/Route 53"
    QList<RegionGroup> groups;
    bool operator==(const GlobalTopology &) const = default;
};

// ---- Capacity planning ----------------------------------------------------------------------

/// A growth phase of the plan: users grow from `fromUsers` to `toUsers` between two months.
struct GrowthPhase {
    QString name;
    int startMonth = 0;
    std::optional<int> endMonth; ///< absent = open-ended
    double fromUsers = 0;
    double toUsers = 0;
    bool operator==(const GrowthPhase &) const = default;
};

/// The plan's baseline demand and what a user generates.
struct DemandProfile {
    double concurrentUsers = 0;
    double requestsPerUserPerSecond = 0.05;
    double jobsPerUserPerSecond = 0.001;
    double dbQueriesPerRequest = 2;
    double cacheBytesPerUser = 0;
    double storageBytesPerUser = 0;
    double activeToConcurrentRatio = 10; ///< monthly active users per concurrent user
    bool operator==(const DemandProfile &) const = default;
};

struct CapacityPlannerSettings {
    double growthRate = 0.15;       ///< monthly, compounded daily as growthRate/30
    Milliseconds historyWindow{30LL * 86'400'000};
    double peakMultiplier = 1.5;
    double capacityBuffer = 20;     ///< percent kept free for the unexpected
    double queriesPerConnection = 100;
    double confidenceLevel = 95;    ///< percent, prediction intervals
    bool operator==(const CapacityPlannerSettings &) const = default;
};

// ---- Data tier ------------------------------------------------------------------------------

struct DatabasePrimary {
    QString id;
    QStringList replicas;
    bool operator==(const DatabasePrimary &) const = default;
};

enum class PoolMode { Session, Transaction, Statement };

struct DatabaseProxy {
    QString type = QStringLiteral("pgbouncer");
    PoolMode poolMode = PoolMode::Transaction;
    int defaultPoolSize = 20;
    int maxClientConnections = 1000;
    int connectionsPerAppReplica = 10;
    bool operator==(const DatabaseProxy &) const = default;
};

struct AnalyticsCopy {
    QString name;
    QStringList sources;
    bool operator==(const AnalyticsCopy &) const = default;
};

enum class ShardHash { Modulo, ConsistentHash, JumpHash, Rendezvous };

struct ShardingStrategy {
    QString shardKey = QStringLiteral("userId");
    int shardCount = 1;
    ShardHash hashFunction = ShardHash::Modulo;
    int replicationFactor = 1;
    QString balancingStrategy;
    int virtualNodes = 160; ///< points per shard on a consistent-hash ring
    bool operator==(const ShardingStrategy &) const = default;
};

struct DatabaseTopology {
    QString engine = QStringLiteral("postgresql");
    QList<DatabasePrimary> primaries;
    DatabaseProxy proxy;
    std::optional<AnalyticsCopy> analytics;
    std::optional<ShardingStrategy> sharding;
    int maxConnectionsPerPrimary = 500;
    double writeQueriesPerSecondPerPrimary = 5000; ///< the write ceiling that forces sharding
    double readQueriesPerSecondPerReplica = 10000;
    double writeFraction = 0.2;                    ///< share of queries that are writes
    Milliseconds replicationLagBudget{1000};
    bool operator==(const DatabaseTopology &) const = default;
};

enum class CacheType { Browser, Cdn, Memory, Redis };
enum class EvictionPolicy {
    Lru, Lfu, Fifo, Ttl, AllKeysLru, AllKeysLfu, AllKeysRandom, VolatileLru, VolatileLfu, VolatileRandom,
    VolatileTtl, NoEviction
};

struct CacheLevel {
    int level = 1;
    CacheType type = CacheType::Memory;
    double capacityBytes = 0;
    Milliseconds ttl{3'600'000};
    EvictionPolicy evictionPolicy = EvictionPolicy::Lru;
    int replicationFactor = 1;
    std::optional<double> hitRatio; ///< percent; absent = computed from capacity and working set
    bool operator==(const CacheLevel &) const = default;
};

struct RedisCluster {
    int shards = 3;
    int replicasPerShard = 1;
    int sentinels = 0;
    std::optional<int> sentinelQuorum;
    double maxMemoryPerShardBytes = 0;
    bool operator==(const RedisCluster &) const = default;
};

// ---- Cost -----------------------------------------------------------------------------------

struct CostThresholds {
    Money warning;  ///< daily
    Money critical; ///< daily
    bool operator==(const CostThresholds &) const = default;
};

struct CostOptimization {
    double spotInstanceRatio = 0;    ///< percent of spot-tolerant capacity on spot, 0..100
    int reservedInstancePlanning = 12; ///< months ahead
    int rightSizingInterval = 7;     ///< days
    bool scheduleBasedScaling = false;
    CostThresholds costThresholds;
    Money reservedSavingsThreshold;  ///< monthly saving that justifies a reservation
    Money costPerUserTarget;         ///< per active user per month
    QString provider = QStringLiteral("aws");
    double spotInterruptionRate = 5; ///< percent of spot capacity lost per month
    bool operator==(const CostOptimization &) const = default;
};

// ---- Monitoring -----------------------------------------------------------------------------

/// A Prometheus alerting rule, as the rule file has it.
struct AlertRule {
    QString alert;
    QString expr;
    std::optional<Milliseconds> forDuration;       ///< `for`
    std::optional<Milliseconds> keepFiringFor;     ///< `keep_firing_for`
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    bool operator==(const AlertRule &) const = default;
};

/// A Prometheus rule group (`groups[]` of a rule file).
struct AlertRuleGroup {
    QString name;
    std::optional<Milliseconds> interval;
    QList<AlertRule> rules;
    bool operator==(const AlertRuleGroup &) const = default;
};

enum class SloCategory { Performance, Cost, Operational };
enum class Comparison { Less, LessOrEqual, Greater, GreaterOrEqual, Within };

/// A success metric of the plan: `indicator comparison target unit`, e.g. p95 latency < 2 s.
struct SuccessMetric {
    QString id;
    QString name;
    SloCategory category = SloCategory::Performance;
    QString indicator;          ///< what is measured: "p95ResponseTime", "costPerUserMonth", ...
    Comparison comparison = Comparison::Less;
    double target = 0;
    QString unit;               ///< "s", "%", "USD", "req/s", "min"
    bool operator==(const SuccessMetric &) const = default;
};

// ---- Traffic and data sources ---------------------------------------------------------------

/// A named traffic scenario for the simulator. `spec` is the traffic grammar of
/// `headroom-cli simulate --help`; `points` is an optional drawn curve (hours, multiplier).
struct TrafficScenario {
    QString name;
    QString description;
    QString spec;
    QList<QList<double>> points;
    bool operator==(const TrafficScenario &) const = default;
};

enum class DataSourceKind { Kubernetes, Prometheus, Redis, PostgreSQL, Pricing };

/// A live system the scenario was or can be imported from. Secrets are never stored here:
/// `credentialRef` names a keychain entry.
struct DataSource {
    QString name;
    DataSourceKind kind = DataSourceKind::Prometheus;
    QString endpoint;      ///< URL, host:port, DSN without password, or kubeconfig context
    QString credentialRef;
    QMap<QString, QString> queries; ///< Prometheus: purpose -> PromQL
    bool operator==(const DataSource &) const = default;
};

struct SimulationSettings {
    Milliseconds syncPeriod{15'000};
    Milliseconds metricsDelay{15'000};
    Milliseconds nodeProvisioningDelay{90'000};
    int maxNodes = 200;
    double tolerance = 0.1;
    bool operator==(const SimulationSettings &) const = default;
};

struct ScenarioSpec {
    QString currency = QStringLiteral("USD");
    DemandProfile demand;
    QList<GrowthPhase> growthPhases;
    CapacityPlannerSettings capacityPlanner;
    QList<ResourceTier> resourceTiers;
    QList<Tier> tiers;
    QList<LoadBalancingStrategy> loadBalancing;
    GlobalTopology regions;
    DatabaseTopology database;
    QList<CacheLevel> cacheHierarchy;
    RedisCluster redisCluster;
    CostOptimization costOptimization;
    QList<AlertRuleGroup> alertRules;
    QList<SuccessMetric> successMetrics;
    QList<TrafficScenario> traffic;
    SimulationSettings simulation;
    QList<DataSource> dataSources;
    bool operator==(const ScenarioSpec &) const = default;
};

struct Scenario {
    QString apiVersion = QStringLiteral("headroom/v1");
    QString kind = QStringLiteral("Scenario");
    Metadata metadata;
    ScenarioSpec spec;
    bool operator==(const Scenario &) const = default;

    const Tier *tier(QStringView id) const;
    Tier *tier(QStringView id);
    const ResourceTier *resourceTier(QStringView name) const;
    const TrafficScenario *traffic(QStringView name) const;
};

} // namespace headroom::model
