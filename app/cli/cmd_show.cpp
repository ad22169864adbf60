#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/model/csv.h"
#include "core/model/scenarioio.h"
#include "core/model/scenarioschema.h"

namespace headroom::cli {

namespace {

QString users(double n)
{
    if (n >= 1e6)
        return QString::number(n / 1e6, 'g', 4) + u'M';
    if (n >= 1e3)
        return QString::number(n / 1e3, 'g', 4) + u'K';
    return QString::number(n, 'g', 6);
}

QString money(const model::Money &m)
{
    return QString::number(m.amount, 'f', 2) + u' ' + m.currency;
}

void showTiers(QTextStream &o, const model::Scenario &s)
{
    o << "\nTiers (" << s.spec.tiers.size() << ")\n";
    for (const model::Tier &t : s.spec.tiers) {
        const model::TierAutoscaling &a = t.autoscaling;
        o << "  " << t.id.leftJustified(12) << " replicas " << a.minReplicas << ".." << a.maxReplicas;
        if (a.targetCPUUtilization)
            o << ", CPU " << *a.targetCPUUtilization << '%';
        if (a.targetMemoryUtilization)
            o << ", memory " << *a.targetMemoryUtilization << '%';
        if (a.queueDepthThreshold)
            o << ", queue depth " << *a.queueDepthThreshold;
        if (a.processingTimeThreshold)
            o << ", processing time " << model::formatDuration(*a.processingTimeThreshold);
        o << "; " << model::enumToString(t.workload.capacityMetric) << '/'
          << model::csvNumber(t.workload.capacityPerReplica) << " per replica";
        if (!t.resourceTier.isEmpty())
            o << " on " << t.resourceTier;
        if (t.hpa)
            o << "; HPA " << t.hpa->metrics.size() << " metrics" << (t.hpa->behavior ? " + behavior" : "");
        o << '\n';
    }
}

} // namespace

int runShow(const QStringList &args)
{
    CommandLine cl(QStringLiteral("show"),
                   QStringLiteral("Prints a summary of a scenario. Without FILE, the embedded WebTools Pro."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario file (optional)."), QStringLiteral("[FILE]"));
    cl.addOption({QStringLiteral("schema"), QStringLiteral("Print the scenario format's field reference (Markdown).")});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    if (cl.isSet(QStringLiteral("schema"))) {
        out() << model::scenarioSchemaReference();
        return Ok;
    }
    const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;
    const model::Scenario &s = *scenario;
    const model::ScenarioSpec &spec = s.spec;
    QTextStream &o = out();
    o << "Scenario: " << s.metadata.name << '\n';
    if (!s.metadata.description.isEmpty())
        o << s.metadata.description.trimmed() << '\n';
    o << "\nDemand: " << users(spec.demand.concurrentUsers) << " concurrent users, "
      << model::csvNumber(spec.demand.concurrentUsers * spec.demand.requestsPerUserPerSecond) << " req/s; growth "
      << model::csvNumber(spec.capacityPlanner.growthRate * 100) << "% per month, peak x"
      << model::csvNumber(spec.capacityPlanner.peakMultiplier) << ", buffer "
      << model::csvNumber(spec.capacityPlanner.capacityBuffer) << "%\n";
    if (!spec.growthPhases.isEmpty()) {
        o << "Growth phases:";
        for (const model::GrowthPhase &p : spec.growthPhases) {
            o << "\n  " << p.name << ": months " << p.startMonth << '-'
              << (p.endMonth ? QString::number(*p.endMonth) : QStringLiteral("")) << ", " << users(p.fromUsers)
              << " -> " << users(p.toUsers) << (p.endMonth ? "" : "+");
        }
        o << '\n';
    }
    showTiers(o, s);
    o << "\nResource tiers:";
    for (const model::ResourceTier &r : spec.resourceTiers)
        o << "\n  " << r.name.leftJustified(12) << ' ' << model::csvNumber(r.cpu) << " vCPU, "
          << model::formatByteSize(r.memoryBytes) << ", " << users(r.maxConcurrentUsers) << " users, "
          << money(r.costPerHour) << "/h";
    int regionCount = 0;
    for (const model::RegionGroup &g : spec.regions.groups)
        regionCount += static_cast<int>(g.regions.size());
    o << "\n\nRegions: " << regionCount << " in " << spec.regions.groups.size() << " groups behind "
      << spec.regions.globalBalancer << '\n';
    for (const model::RegionGroup &g : spec.regions.groups) {
        QStringList ids;
        for (const model::Region &r : g.regions)
            ids << r.id;
        o << "  " << g.name << " (" << model::csvNumber(g.trafficShare) << "%): " << ids.join(QStringLiteral(", "))
          << '\n';
    }
    o << "Load balancing:";
    for (const model::LoadBalancingStrategy &lb : spec.loadBalancing)
        o << "\n  " << model::enumToString(lb.tier).leftJustified(12) << ' ' << model::enumToString(lb.algorithm)
          << ", health check every " << model::formatDuration(lb.healthCheckInterval) << " (timeout "
          << model::formatDuration(lb.healthCheckTimeout) << ", unhealthy after " << lb.unhealthyThreshold << ')';
    const model::DatabaseTopology &db = spec.database;
    int replicas = 0;
    for (const model::DatabasePrimary &p : db.primaries)
        replicas += static_cast<int>(p.replicas.size());
    o << "\n\nDatabase: " << db.engine << ", " << db.primaries.size() << " primaries, " << replicas
      << " read replicas via " << db.proxy.type;
    if (db.sharding)
        o << "; sharded by " << db.sharding->shardKey << " into " << db.sharding->shardCount << " ("
          << model::enumToString(db.sharding->hashFunction) << ')';
    if (db.analytics)
        o << "; analytics: " << db.analytics->name;
    o << "\nCache levels:";
    for (const model::CacheLevel &c : spec.cacheHierarchy)
        o << "\n  L" << c.level << ' ' << model::enumToString(c.type).leftJustified(8) << ' '
          << model::formatByteSize(c.capacityBytes) << ", TTL " << model::formatDuration(c.ttl) << ", "
          << model::enumToString(c.evictionPolicy) << ", x" << c.replicationFactor;
    const model::RedisCluster &redis = spec.redisCluster;
    o << "\nRedis Cluster: " << redis.shards << " shards x " << (1 + redis.replicasPerShard) << " nodes, "
      << redis.sentinels << " sentinels\n";
    const model::CostOptimization &cost = spec.costOptimization;
    o << "\nCost: spot " << model::csvNumber(cost.spotInstanceRatio) << "%, daily thresholds "
      << money(cost.costThresholds.warning) << " / " << money(cost.costThresholds.critical) << ", target "
      << money(cost.costPerUserTarget) << " per user per month\n";
    int rules = 0;
    for (const model::AlertRuleGroup &g : spec.alertRules)
        rules += static_cast<int>(g.rules.size());
    QStringList traffic;
    for (const model::TrafficScenario &t : spec.traffic)
        traffic << t.name;
    o << "Alert rules: " << rules << "; success metrics: " << spec.successMetrics.size()
      << "\nTraffic scenarios: " << traffic.join(QStringLiteral(", ")) << '\n';
    o.flush();
    return Ok;
}

} // namespace headroom::cli
