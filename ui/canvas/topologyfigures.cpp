#include "ui/canvas/topologyfigures.h"

#include "ui/canvas/utilizationscale.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::ui {

namespace {

struct FiguresText {
    Q_DECLARE_TR_FUNCTIONS(TopologyFigures)
};

QString num(double value, int decimals = 0)
{
    return QLocale().toString(value, 'f', decimals);
}

QString gib(double bytes)
{
    return num(bytes / (1024.0 * 1024 * 1024), 1);
}

QString tip(const QString &title, const QStringList &rows, const QString &source)
{
    QString html = u"<b>"_s;
    html.append(title.toHtmlEscaped()).append(u"</b><ul style='margin:2px'>"_s);
    for (const QString &row : rows)
        html.append(u"<li>"_s).append(row).append(u"</li>"_s);
    html.append(u"</ul><i>"_s).append(source.toHtmlEscaped()).append(u"</i>"_s);
    return html;
}

template <typename Series>
typename Series::value_type at(const Series &values, int tick, typename Series::value_type fallback = {})
{
    return tick >= 0 && tick < int(values.size()) ? values[size_t(tick)] : fallback;
}

void tierFigures(const model::Scenario &scenario, const autoscale::SimulationResult &sim, int tick,
                 const QString &source, TopologyFigures &out)
{
    for (qsizetype t = 0; t < scenario.spec.tiers.size(); ++t) {
        const model::Tier &tier = scenario.spec.tiers[t];
        const auto timeline = std::find_if(sim.tiers.begin(), sim.tiers.end(),
                                           [&](const autoscale::TierTimeline &tl) { return tl.tierId == tier.id; });
        NodeFigures f;
        if (timeline == sim.tiers.end()) {
            f.lines = {FiguresText::tr("not simulated")};
            f.tooltip = tip(tier.name, {FiguresText::tr("This tier has no timeline in the analysis.")}, source);
            out.nodes.insert(u"tier:%1"_s.arg(t), f);
            continue;
        }
        const int ready = at(timeline->readyReplicas, tick);
        const int max = tier.autoscaling.maxReplicas;
        const double cpu = at(timeline->cpuUtilization, tick);
        const double p95 = at(timeline->p95LatencyMs, tick);
        const double demand = at(timeline->demand, tick);
        f.utilization = std::isfinite(cpu) ? std::optional<double>(cpu / 100.0) : std::nullopt;
        f.lines = {FiguresText::tr("%1 / %2 replicas").arg(ready).arg(max), FiguresText::tr("CPU %1").arg(UtilizationScale::percentText(f.utilization)),
                   std::isfinite(p95) ? FiguresText::tr("p95 %1 ms").arg(num(p95)) : FiguresText::tr("p95 unbounded"),
                   FiguresText::tr("headroom %1 replicas").arg(std::max(0, max - ready))};
        f.tooltip = tip(tier.name,
                        {FiguresText::tr("Ready replicas: %1 of at most %2 (autoscaling.maxReplicas).").arg(ready).arg(max),
                         FiguresText::tr("CPU utilization: %1 of the requested CPU, averaged over ready pods (colour).")
                             .arg(UtilizationScale::percentText(f.utilization)),
                         FiguresText::tr("p95 latency: M/M/c estimate from the service time and %1 workers per replica.")
                             .arg(tier.workload.concurrencyPerReplica),
                         FiguresText::tr("Demand reaching the tier: %1 per second.").arg(num(demand, 1)),
                         FiguresText::tr("Headroom: replicas the autoscaler may still add before maxReplicas.")},
                        source);
        out.nodes.insert(u"tier:%1"_s.arg(t), f);
    }
}

void regionFigures(const model::Scenario &scenario, const topology::TopologyAnalysis &topo, TopologyFigures &out)
{
    const QString source = FiguresText::tr("Source: topology model, shares from spec.regions, users from spec.demand.");
    const double users = scenario.spec.demand.concurrentUsers;
    const double rps = users * scenario.spec.demand.requestsPerUserPerSecond;
    out.nodes.insert(u"global"_s,
                     {{FiguresText::tr("%1 users").arg(num(users)), FiguresText::tr("%1 req/s").arg(num(rps))},
                      std::nullopt,
                      tip(scenario.spec.regions.globalBalancer,
                          {FiguresText::tr("Concurrent users today: %1.").arg(num(users)),
                           FiguresText::tr("Requests per second: users x %1 requests per user per second.")
                               .arg(num(scenario.spec.demand.requestsPerUserPerSecond, 3))},
                          source)});
    QHash<QString, double> groupShare;
    const auto &groups = scenario.spec.regions.groups;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype r = 0; r < groups[g].regions.size(); ++r) {
            const int index = topo.regions.indexOf(groups[g].regions[r].id);
            if (index < 0)
                continue;
            const topology::RegionShare &share = topo.regions.regions[index];
            groupShare.insert(groups[g].id, share.groupShare);
            out.nodes.insert(u"region:%1:%2"_s.arg(g).arg(r),
                             {{FiguresText::tr("%1 % of global").arg(num(share.globalShare() * 100, 1)),
                               FiguresText::tr("≈ %1 users").arg(num(users * share.globalShare()))},
                              std::nullopt,
                              tip(groups[g].regions[r].name,
                                  {FiguresText::tr("Share of its group: %1 %.").arg(num(share.regionShare * 100, 1)),
                                   FiguresText::tr("Share of global traffic: %1 % (group share x region share, normalised).")
                                       .arg(num(share.globalShare() * 100, 1))},
                                  source)});
        }
        const double gs = groupShare.value(groups[g].id);
        out.nodes.insert(u"group:%1"_s.arg(g),
                         {{FiguresText::tr("%1 % of global").arg(num(gs * 100, 1)), FiguresText::tr("%n region(s)", nullptr, int(groups[g].regions.size()))},
                          std::nullopt,
                          tip(groups[g].name, {FiguresText::tr("Share of global traffic: %1 %.").arg(num(gs * 100, 1))}, source)});
    }
}

void cacheFigures(const model::Scenario &scenario, const topology::TopologyAnalysis &topo, TopologyFigures &out)
{
    const QString source = FiguresText::tr("Source: cache model (Zipf working set, Che's approximation) at today's demand.");
    for (qsizetype c = 0; c < scenario.spec.cacheHierarchy.size(); ++c) {
        const model::CacheLevel &level = scenario.spec.cacheHierarchy[c];
        const auto load = std::find_if(topo.caches.levels.begin(), topo.caches.levels.end(),
                                       [&](const topology::CacheLevelLoad &l) { return l.level == level.level; });
        if (load == topo.caches.levels.end())
            continue;
        out.nodes.insert(u"cache:%1"_s.arg(c),
                         {{FiguresText::tr("hit %1 %").arg(num(load->hitRatio * 100, 1)),
                           FiguresText::tr("%1/s in, %2/s miss").arg(num(load->arrivingPerSecond), num(load->missesPerSecond))},
                          std::nullopt,
                          tip(FiguresText::tr("Cache level %1").arg(level.level),
                              {FiguresText::tr("Hit ratio: %1 % of the requests arriving here%2.")
                                   .arg(num(load->hitRatio * 100, 1),
                                        load->fixedHitRatio ? FiguresText::tr(" (fixed in the scenario)") : QString()),
                               FiguresText::tr("Arriving: %1 requests/s; passed on: %2/s.")
                                   .arg(num(load->arrivingPerSecond), num(load->missesPerSecond)),
                               FiguresText::tr("Copies: %1, each holding %2 objects.").arg(load->copies).arg(num(load->capacityObjects))},
                              source)});
    }
}

/// Every master's slots as maximal ascending ranges, from one pass over the keyspace.
QList<QList<topology::SlotRange>> rangesByMaster(const topology::ClusterLayout &layout)
{
    QList<QList<topology::SlotRange>> out(layout.masterCount());
    for (int slot = 0; slot < topology::kClusterSlots; ++slot) {
        const int owner = layout.ownerOf(slot);
        if (owner < 0 || owner >= out.size())
            continue;
        QList<topology::SlotRange> &ranges = out[owner];
        if (!ranges.isEmpty() && ranges.last().last == slot - 1)
            ranges.last().last = slot;
        else
            ranges.append({slot, slot});
    }
    return out;
}

void redisFigures(const model::Scenario &scenario, const topology::TopologyAnalysis &topo, TopologyFigures &out)
{
    const QString source = FiguresText::tr("Source: Redis Cluster layout (redis-cli --cluster create) and memory model.");
    const topology::ClusterLayout &layout = topo.redisLayout;
    const QList<QList<topology::SlotRange>> slotRanges = rangesByMaster(layout);
    for (int m = 0; m < layout.masterCount(); ++m) {
        QStringList ranges;
        int owned = 0;
        for (const topology::SlotRange &range : slotRanges[m]) {
            ranges.append(u"%1–%2"_s.arg(range.first).arg(range.last));
            owned += range.count();
        }
        const topology::ShardMemory *memory = m < topo.redisMemory.size() ? &topo.redisMemory[m] : nullptr;
        std::optional<double> util;
        QString memoryLine = FiguresText::tr("memory unknown");
        if (memory && memory->maxMemoryBytes > 0) {
            util = memory->utilisation();
            memoryLine = FiguresText::tr("%1 / %2 GiB").arg(gib(memory->usedBytes), gib(memory->maxMemoryBytes));
        }
        const QString tooltip =
            tip(FiguresText::tr("Redis master %1").arg(m + 1),
                {FiguresText::tr("Hash slots %1 (%2 of 16384).").arg(ranges.join(u", "_s)).arg(owned),
                 FiguresText::tr("Memory: %1, %2 of maxmemory (colour).").arg(memoryLine, UtilizationScale::percentText(util)),
                 FiguresText::tr("Replicas: %1, holding the same bytes.").arg(layout.master(m).replicas)},
                source);
        out.nodes.insert(u"redis:%1"_s.arg(m),
                         {{FiguresText::tr("slots %1").arg(ranges.join(u", "_s)), memoryLine}, util, tooltip});
        for (int r = 0; r < layout.master(m).replicas; ++r)
            out.nodes.insert(u"redis:%1:%2"_s.arg(m).arg(r),
                             {{FiguresText::tr("replica of master %1").arg(m + 1), memoryLine}, util, tooltip});
    }
    if (topo.sentinels) {
        const topology::SentinelAssessment &s = *topo.sentinels;
        for (int i = 0; i < scenario.spec.redisCluster.sentinels; ++i)
            out.nodes.insert(
                u"sentinel:%1"_s.arg(i),
                {{FiguresText::tr("quorum %1 of %2").arg(s.quorum).arg(s.sentinels), FiguresText::tr("tolerates %n loss(es)", nullptr, s.toleratedFailures)},
                 std::nullopt,
                 tip(FiguresText::tr("Sentinel %1").arg(i + 1),
                     {FiguresText::tr("Quorum: %1 sentinels must agree the master is down.").arg(s.quorum),
                      FiguresText::tr("Failover needs %1 votes (max of quorum and majority).").arg(s.votesNeeded),
                      FiguresText::tr("Sentinels that may fail with failover still possible: %1.").arg(s.toleratedFailures)},
                     source)});
    }
}

void databaseFigures(const model::Scenario &scenario, const analysis::TrafficOutcome *outcome, int tick,
                     const topology::TopologyAnalysis &topo, TopologyFigures &out)
{
    const QString source = FiguresText::tr("Source: database model at today's demand after the caches.");
    const topology::DatabaseLoad &db = topo.database;
    if (outcome) {
        const std::vector<double> proxy = analysis::proxyUtilization(scenario, outcome->simulation);
        const double util = at(proxy, tick);
        const double clients = util * scenario.spec.database.proxy.maxClientConnections;
        out.nodes.insert(u"proxy"_s,
                         {{FiguresText::tr("%1 / %2 clients").arg(num(clients)).arg(scenario.spec.database.proxy.maxClientConnections)},
                          util,
                          tip(scenario.spec.database.proxy.type,
                              {FiguresText::tr("Client connections: ready app replicas x %1 per replica, of %2 accepted (colour).")
                                   .arg(scenario.spec.database.proxy.connectionsPerAppReplica)
                                   .arg(scenario.spec.database.proxy.maxClientConnections)},
                              FiguresText::tr("Source: simulation of the chosen traffic scenario at the chosen moment."))});
    }
    for (qsizetype i = 0; i < scenario.spec.database.primaries.size() && i < db.primaries.size(); ++i) {
        const topology::PrimaryLoad &p = db.primaries[i];
        out.nodes.insert(u"db:%1"_s.arg(i),
                         {{FiguresText::tr("%1 writes/s").arg(num(p.writesPerSecond)), FiguresText::tr("lag %1 ms").arg(num(p.replicationLagMs))},
                          p.writeUtilisation,
                          tip(p.id,
                              {FiguresText::tr("Writes: %1/s, %2 of the write ceiling per primary (colour).")
                                   .arg(num(p.writesPerSecond), UtilizationScale::percentText(p.writeUtilisation)),
                               FiguresText::tr("Replication lag: %1 ms (budget %2 ms).")
                                   .arg(num(p.replicationLagMs))
                                   .arg(scenario.spec.database.replicationLagBudget.count()),
                               FiguresText::tr("Server connections needed: %1.").arg(num(p.serverConnectionsNeeded))},
                              source)});
        const qsizetype replicas = scenario.spec.database.primaries[i].replicas.size();
        for (qsizetype j = 0; j < replicas; ++j)
            out.nodes.insert(u"db:%1:%2"_s.arg(i).arg(j),
                             {{FiguresText::tr("%1 reads/s").arg(num(p.readsPerSecond / double(std::max<qsizetype>(1, replicas))))},
                              p.readUtilisation,
                              tip(scenario.spec.database.primaries[i].replicas[j],
                                  {FiguresText::tr("Reads of %1 split evenly over its %n replica(s).", nullptr, int(replicas)).arg(p.id),
                                   FiguresText::tr("Read utilization: %1 of the replicas' read capacity (colour).")
                                       .arg(UtilizationScale::percentText(p.readUtilisation))},
                                  source)});
    }
    if (scenario.spec.database.analytics)
        out.nodes.insert(u"analytics"_s,
                         {{FiguresText::tr("from %1").arg(scenario.spec.database.analytics->sources.join(u", "_s))},
                          std::nullopt,
                          tip(scenario.spec.database.analytics->name,
                              {FiguresText::tr("Extraction uses a share of each source replica's read capacity.")}, source)});
}

} // namespace

int peakTick(const autoscale::SimulationResult &simulation)
{
    if (simulation.ticks <= 0)
        return 0;
    // tier by tier, each series read in order (its blocks stay in cache), then the first maximum
    std::vector<long> ready(std::size_t(simulation.ticks), 0);
    for (const autoscale::TierTimeline &tl : simulation.tiers) {
        const std::size_t n = std::min(tl.readyReplicas.size(), ready.size());
        for (std::size_t tick = 0; tick < n; ++tick)
            ready[tick] += tl.readyReplicas[tick];
    }
    return int(std::max_element(ready.begin(), ready.end()) - ready.begin());
}

TopologyFigures topologyFigures(const model::Scenario &scenario, const analysis::ScenarioAnalysis &analysis,
                                FigureMoment moment)
{
    TopologyFigures out;
    const analysis::TrafficOutcome *outcome = nullptr;
    if (moment.traffic >= 0 && moment.traffic < int(analysis.traffic.size()))
        outcome = &analysis.traffic[size_t(moment.traffic)];
    if (outcome && outcome->simulation.ticks > 0) {
        const autoscale::SimulationResult &sim = outcome->simulation;
        const bool peak = moment.tick < 0;
        out.tick = peak ? peakTick(sim) : std::min(moment.tick, sim.ticks - 1);
        const QString time = QDateTime::fromMSecsSinceEpoch(sim.startMs + out.tick * sim.stepMs, Qt::UTC)
                                 .toString(u"HH:mm"_s);
        out.moment = peak ? FiguresText::tr("'%1' at its peak, %2").arg(outcome->name, time) : FiguresText::tr("'%1' at %2").arg(outcome->name, time);
        tierFigures(scenario, sim, out.tick,
                    FiguresText::tr("Source: autoscaling simulation of '%1' at %2 (tick %3).").arg(outcome->name, time).arg(out.tick),
                    out);
    }
    if (analysis.topology) {
        regionFigures(scenario, *analysis.topology, out);
        cacheFigures(scenario, *analysis.topology, out);
        redisFigures(scenario, *analysis.topology, out);
        databaseFigures(scenario, outcome, out.tick, *analysis.topology, out);
    }
    return out;
}

} // namespace headroom::ui
