#include "core/topology/databasetopology.h"

#include "core/model/csv.h"

#include <algorithm>
#include <cmath>

namespace headroom::topology {

namespace {

double defaultAppReplicas(const model::Scenario &scenario)
{
    double replicas = 0;
    for (const model::Tier &t : scenario.spec.tiers)
        replicas += t.autoscaling.maxReplicas;
    return replicas;
}

PrimaryLoad primaryLoad(const model::Scenario &scenario, const model::DatabasePrimary &primary, const DatabaseLoad &total,
                        const DatabaseOptions &options)
{
    const model::DatabaseTopology &db = scenario.spec.database;
    const double primaries = double(db.primaries.size());
    PrimaryLoad p;
    p.id = primary.id;
    p.replicas = int(primary.replicas.size());
    p.writesPerSecond = total.writesPerSecond / primaries;
    p.writeUtilisation = p.writesPerSecond / db.writeQueriesPerSecondPerPrimary;
    p.readsPerSecond = total.readsPerSecond / primaries;
    int analyticsSources = 0;
    if (db.analytics) {
        for (const QString &r : primary.replicas)
            analyticsSources += db.analytics->sources.contains(r) ? 1 : 0;
    }
    const double servers = p.replicas > 0 ? p.replicas : 1; // without replicas the primary serves reads
    p.readCapacity = (servers - analyticsSources * std::clamp(options.analyticsLoadShare, 0.0, 1.0))
        * db.readQueriesPerSecondPerReplica;
    p.readUtilisation = p.readCapacity > 0 ? p.readsPerSecond / p.readCapacity : INFINITY;
    const double queriesPerConnection = std::max(1e-9, scenario.spec.capacityPlanner.queriesPerConnection);
    p.serverConnectionsNeeded = (p.writesPerSecond + p.readsPerSecond) / queriesPerConnection;
    p.serverConnections = db.proxy.poolMode == model::PoolMode::Session
        ? total.clientConnections / primaries
        : double(std::max(1, options.poolsPerPrimary) * db.proxy.defaultPoolSize);
    const double rho = std::min(p.writeUtilisation, 0.999999);
    p.replicationLagMs = p.replicas > 0 ? double(options.baseReplicationLag.count()) / (1 - rho) : 0;
    p.lagWithinBudget = p.writeUtilisation < 1 && p.replicationLagMs <= double(db.replicationLagBudget.count());
    return p;
}

void addFindings(const model::Scenario &scenario, DatabaseLoad &load)
{
    const model::DatabaseTopology &db = scenario.spec.database;
    const auto n = [](double v) { return model::csvNumber(std::round(v * 100) / 100); };
    if (load.clientLimitExceeded)
        load.findings << QStringLiteral("client connections %1 exceed the proxy's maxClientConnections %2")
                             .arg(n(load.clientConnections))
                             .arg(load.maxClientConnections);
    for (const PrimaryLoad &p : load.primaries) {
        if (p.writeUtilisation > 1)
            load.findings << QStringLiteral("%1: %2 writes/s exceed its write capacity %3")
                                 .arg(p.id, n(p.writesPerSecond), n(db.writeQueriesPerSecondPerPrimary));
        if (p.readUtilisation > 1)
            load.findings << QStringLiteral("%1: %2 reads/s exceed its replicas' capacity %3")
                                 .arg(p.id, n(p.readsPerSecond), n(p.readCapacity));
        if (p.serverConnections > db.maxConnectionsPerPrimary)
            load.findings << QStringLiteral("%1: %2 server connections exceed maxConnectionsPerPrimary %3")
                                 .arg(p.id, n(p.serverConnections))
                                 .arg(db.maxConnectionsPerPrimary);
        if (p.serverConnectionsNeeded > p.serverConnections)
            load.findings << QStringLiteral("%1: needs %2 server connections, the pool holds %3")
                                 .arg(p.id, n(p.serverConnectionsNeeded), n(p.serverConnections));
        if (!p.lagWithinBudget && p.replicas > 0)
            load.findings << QStringLiteral("%1: replication lag %2 ms exceeds the %3 ms budget")
                                 .arg(p.id, n(p.replicationLagMs))
                                 .arg(db.replicationLagBudget.count());
    }
    load.findings << writeCeilingFinding(load);
}

} // namespace

QString writeCeilingFinding(const DatabaseLoad &load)
{
    return QStringLiteral("writes reach the per-primary ceiling at %1x today's demand (%2 concurrent users); "
                          "%3 shard(s) carry today's writes")
        .arg(model::csvNumber(std::round(load.writeCeilingMultiple * 100) / 100),
             model::csvNumber(std::round(load.writeCeilingUsers)))
        .arg(load.shardsNeededForWrites);
}

model::Result<DatabaseLoad> analyseDatabase(const model::Scenario &scenario, const DatabaseOptions &options)
{
    const model::DatabaseTopology &db = scenario.spec.database;
    if (db.primaries.isEmpty())
        return model::makeError(QStringLiteral("the database has no primaries"), QStringLiteral("spec.database.primaries"));
    if (!(db.writeQueriesPerSecondPerPrimary > 0) || !(db.readQueriesPerSecondPerReplica > 0))
        return model::makeError(QStringLiteral("query capacities per primary and per replica must be positive"),
                                QStringLiteral("spec.database.writeQueriesPerSecondPerPrimary"));
    const model::DemandProfile &d = scenario.spec.demand;
    DatabaseLoad load;
    load.queriesPerSecond = options.queriesPerSecond >= 0
        ? options.queriesPerSecond
        : d.concurrentUsers * d.requestsPerUserPerSecond * d.dbQueriesPerRequest;
    const double writeFraction = std::clamp(db.writeFraction, 0.0, 1.0);
    load.writesPerSecond = load.queriesPerSecond * writeFraction;
    load.readsPerSecond = load.queriesPerSecond - load.writesPerSecond;
    load.clientConnections = (options.appReplicas >= 0 ? options.appReplicas : defaultAppReplicas(scenario))
        * db.proxy.connectionsPerAppReplica;
    load.maxClientConnections = db.proxy.maxClientConnections;
    load.clientLimitExceeded = load.clientConnections > db.proxy.maxClientConnections;
    double busiestWrites = 0;
    for (const model::DatabasePrimary &primary : db.primaries) {
        const PrimaryLoad p = primaryLoad(scenario, primary, load, options);
        load.serverLimitExceeded |= p.serverConnections > db.maxConnectionsPerPrimary;
        load.poolSaturated |= p.serverConnectionsNeeded > p.serverConnections;
        busiestWrites = std::max(busiestWrites, p.writesPerSecond);
        load.primaries << p;
    }
    load.writeCeilingMultiple = busiestWrites > 0 ? db.writeQueriesPerSecondPerPrimary / busiestWrites : INFINITY;
    load.writeCeilingUsers = d.concurrentUsers * load.writeCeilingMultiple;
    load.shardsNeededForWrites = std::max(1, int(std::ceil(load.writesPerSecond / db.writeQueriesPerSecondPerPrimary)));
    addFindings(scenario, load);
    return load;
}

} // namespace headroom::topology
