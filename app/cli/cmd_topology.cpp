#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/model/csv.h"
#include "core/model/scenarioschema.h"
#include "core/topology/topologyanalysis.h"

namespace headroom::cli {

namespace {

QString number(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

void printCaches(QTextStream &o, const topology::CacheHierarchyLoad &caches)
{
    o << "Cache hierarchy: " << number(caches.overallHitRatio() * 100) << "% of " << number(caches.requestsPerSecond, 0)
      << " req/s served from cache; " << number(caches.databaseQueriesPerSecond) << " database queries/s\n";
    for (const topology::CacheLevelLoad &l : caches.levels)
        o << "  L" << l.level << ' ' << model::enumToString(l.type).leftJustified(8) << " hit " << number(l.hitRatio * 100)
          << "% of " << number(l.arrivingPerSecond, 0) << "/s, passes on " << number(l.missesPerSecond, 1) << "/s\n";
}

void printDatabase(QTextStream &o, const topology::TopologyAnalysis &a)
{
    const topology::DatabaseLoad &db = a.database;
    o << "Database: " << number(db.queriesPerSecond, 0) << " queries/s (" << number(db.writesPerSecond, 0)
      << " writes/s); client connections " << number(db.clientConnections, 0) << " of " << db.maxClientConnections
      << (db.clientLimitExceeded ? " (EXCEEDED)" : "") << "\n  write ceiling at " << number(db.writeCeilingMultiple, 1)
      << "x today's load, " << number(db.writeCeilingUsers, 0) << " concurrent users";
    if (a.writeCeilingMonth)
        o << " (plan month " << number(*a.writeCeilingMonth) << ')';
    o << '\n';
}

void printRedis(QTextStream &o, const topology::TopologyAnalysis &a)
{
    o << "Redis Cluster:";
    for (const topology::ShardMemory &m : a.redisMemory)
        o << "\n  master " << m.master << ": " << m.slotCount << " slots, " << number(m.usedBytes / 1e9) << "GB"
          << (m.maxMemoryBytes > 0 ? QStringLiteral(" of %1 (%2%)").arg(model::formatByteSize(m.maxMemoryBytes),
                                                                         number(m.utilisation() * 100))
                                   : QString())
          << (m.overflows() ? " OVERFLOWS" : "");
    const topology::MasterFailure &f = a.redisMasterFailure;
    o << "\n  losing master " << f.master << ": " << number(f.slotFraction * 100) << "% of slots unavailable for "
      << model::formatDuration(f.outageMin) << ".." << model::formatDuration(f.outageMax)
      << (f.promoted ? ", a replica is promoted" : ", NO replica to promote") << '\n';
}

} // namespace

int runTopology(const QStringList &args)
{
    CommandLine cl(QStringLiteral("topology"),
                   QStringLiteral("Analyses the data tier and regions of a scenario: cache hit ratios and the load that "
                                  "reaches the database, the database write ceiling, Redis memory per shard and a master "
                                  "failure; with --lose, the region-loss what-if: the lost regions' traffic moves to the "
                                  "others (siblings first, then other groups) and every tier and region over its usable "
                                  "capacity (keeping the plan's capacity buffer) is named with its excess and duration."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario file (optional)."), QStringLiteral("[FILE]"));
    cl.addOption({QStringLiteral("lose"), QStringLiteral("Regions to lose, comma-separated (e.g. eu-west-1)."),
                  QStringLiteral("REGIONS")});
    cl.addOption({QStringLiteral("duration"), QStringLiteral("How long the regions stay down (default 2h)."),
                  QStringLiteral("D")});
    cl.addOption({QStringLiteral("peak"), QStringLiteral("Apply the plan's peak multiplier to the demand.")});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;
    topology::TopologyOptions options;
    if (cl.isSet(QStringLiteral("lose")))
        options.lostRegions = cl.value(QStringLiteral("lose")).split(u',', Qt::SkipEmptyParts);
    if (cl.isSet(QStringLiteral("duration"))) {
        const auto d = model::parseDuration(cl.value(QStringLiteral("duration")));
        if (!d || d->count() <= 0)
            return usageError(QStringLiteral("topology"), QStringLiteral("--duration expects a duration like 2h, got '%1'")
                                                              .arg(cl.value(QStringLiteral("duration"))));
        options.regionLossDuration = *d;
    }
    if (cl.isSet(QStringLiteral("peak")))
        options.demandMultiplier = scenario->spec.capacityPlanner.peakMultiplier;
    const auto analysis = topology::analyseTopology(*scenario, options);
    if (!analysis)
        return reportErrors(analysis.errors());
    reportErrors(analysis->warnings);
    QTextStream &o = out();
    if (analysis->regionLoss) {
        const topology::RegionLoss &loss = *analysis->regionLoss;
        reportErrors(loss.warnings);
        o << "Region loss of " << options.lostRegions.join(QStringLiteral(", ")) << ": detected after "
          << model::formatDuration(loss.detection) << ", autoscaler catches up after "
          << model::formatDuration(loss.scaleUpLag) << '\n';
        if (loss.overflowingTiers.isEmpty())
            o << "  no tier exceeds its usable capacity\n";
        else
            o << "  tiers over usable capacity: " << loss.overflowingTiers.join(QStringLiteral(", ")) << '\n';
        for (const QString &line : loss.summary)
            o << "  " << line << '\n';
        o << '\n';
    }
    printCaches(o, analysis->caches);
    printDatabase(o, analysis.value());
    printRedis(o, analysis.value());
    o.flush();
    return Ok;
}

} // namespace headroom::cli
