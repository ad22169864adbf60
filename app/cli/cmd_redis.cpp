#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/topology/clusterlayout.h"
#include "core/topology/redisslots.h"

namespace headroom::cli {

namespace {

QString rangeList(const QList<topology::SlotRange> &ranges)
{
    QStringList parts;
    for (const topology::SlotRange &r : ranges)
        parts << (r.first == r.last ? QString::number(r.first) : QStringLiteral("%1-%2").arg(r.first).arg(r.last));
    return parts.join(u',');
}

int redisSlot(const QStringList &args)
{
    CommandLine cl(QStringLiteral("redis slot"),
                   QStringLiteral("Prints the Redis Cluster hash slot (0..16383) of each KEY, one line per key as "
                                  "KEY<TAB>SLOT. The slot is CRC16/XMODEM of the key mod 16384; when the key holds "
                                  "a non-empty {hash tag}, only the tag is hashed. Keys are taken as UTF-8 bytes."));
    cl.addPositional(QStringLiteral("KEY"), QStringLiteral("One or more keys."), QStringLiteral("KEY..."));
    if (auto exit = cl.parse(args, 1, 1 << 20))
        return *exit;
    QTextStream &o = out();
    for (const QString &key : cl.positional())
        o << key << '\t' << topology::keySlot(key.toUtf8()) << '\n';
    o.flush();
    return Ok;
}

int redisLayout(const QStringList &args)
{
    CommandLine cl(QStringLiteral("redis layout"),
                   QStringLiteral("Prints the slot ranges `redis-cli --cluster create` assigns to NODES nodes with "
                                  "--replicas R: one line per master as MASTER<TAB>REPLICAS<TAB>SLOTS<TAB>RANGES."));
    cl.addPositional(QStringLiteral("NODES"), QStringLiteral("Number of nodes (masters x (replicas + 1))."));
    cl.addOption({QStringLiteral("replicas"), QStringLiteral("Replicas per master (default 0)."), QStringLiteral("R"),
                  QStringLiteral("0")});
    if (auto exit = cl.parse(args, 1, 1))
        return *exit;
    bool ok = false;
    const int nodes = cl.positional().at(0).toInt(&ok);
    const auto replicas = cl.integer(QStringLiteral("replicas"), 0, 1000);
    if (!ok || nodes < 1)
        return usageError(QStringLiteral("redis layout"), QStringLiteral("NODES expects a positive whole number"));
    if (!replicas)
        return Usage;
    const auto layout = topology::createClusterLayout(nodes, *replicas);
    if (!layout)
        return reportErrors(layout.errors());
    QTextStream &o = out();
    for (int m = 0; m < layout->masterCount(); ++m) {
        o << layout->master(m).id << '\t' << layout->master(m).replicas << '\t' << layout->slotCount(m) << '\t'
          << rangeList(layout->ranges(m)) << '\n';
    }
    o.flush();
    return Ok;
}

int redisRebalance(const QStringList &args)
{
    const QString command = QStringLiteral("redis rebalance");
    CommandLine cl(command,
                   QStringLiteral("The slot moves of `redis-cli --cluster rebalance` after adding an empty master "
                                  "(add-node + --cluster-use-empty-masters) or removing one (--cluster-weight "
                                  "<id>=0) in a cluster laid out by --cluster create. One line per move: "
                                  "SLOTS<TAB>FROM<TAB>TO<TAB>RANGES, then the total moved."));
    cl.addOption({QStringLiteral("masters"), QStringLiteral("Masters before the change (3..16384)."), QStringLiteral("N")});
    cl.addOption({QStringLiteral("add"), QStringLiteral("Add one empty master.")});
    cl.addOption({QStringLiteral("remove"), QStringLiteral("Remove master number I (1-based)."), QStringLiteral("I")});
    cl.addOption({QStringLiteral("threshold"), QStringLiteral("--cluster-threshold in percent (default 2)."),
                  QStringLiteral("P"), QStringLiteral("2")});
    if (auto exit = cl.parse(args))
        return *exit;
    if (!cl.isSet(QStringLiteral("masters")) || cl.isSet(QStringLiteral("add")) == cl.isSet(QStringLiteral("remove")))
        return usageError(command, QStringLiteral("--masters and exactly one of --add or --remove are required"));
    const auto masters = cl.integer(QStringLiteral("masters"), 3, topology::kClusterSlots - 1);
    const auto threshold = cl.number(QStringLiteral("threshold"), 0, 100);
    if (!masters || !threshold)
        return Usage;
    const topology::ClusterLayout layout = topology::layoutForMasters(*masters, 0);
    topology::RebalancePlan plan;
    if (cl.isSet(QStringLiteral("add"))) {
        plan = topology::addMasterAndRebalance(layout, {QStringLiteral("master-%1").arg(*masters + 1), 0}, *threshold);
    } else {
        const auto index = cl.integer(QStringLiteral("remove"), 1, *masters);
        if (!index)
            return Usage;
        auto removed = topology::removeMasterAndRebalance(layout, *index - 1);
        if (!removed)
            return reportErrors(removed.errors());
        plan = std::move(removed).value();
    }
    QTextStream &o = out();
    const auto name = [&](int m) { return QStringLiteral("master-%1").arg(m + 1); };
    for (const topology::SlotMove &move : plan.moves)
        o << move.count() << '\t' << name(move.from) << '\t' << name(move.to) << '\t' << rangeList(move.ranges) << '\n';
    o << "moved\t" << plan.movedSlots() << '\t' << QString::number(plan.movedFraction(), 'g', 6) << '\n';
    o.flush();
    return Ok;
}

} // namespace

int runRedis(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == u"slot")
        return redisSlot(args.mid(1));
    if (sub == u"layout")
        return redisLayout(args.mid(1));
    if (sub == u"rebalance")
        return redisRebalance(args.mid(1));
    CommandLine cl(QStringLiteral("redis"),
                   QStringLiteral("Redis Cluster tools.\n  slot KEY...      each key's hash slot (KEY<TAB>SLOT)\n"
                                  "  layout NODES     slot ranges of `redis-cli --cluster create`\n"
                                  "  rebalance        slot moves of `redis-cli --cluster rebalance` after adding or "
                                  "removing a master"));
    cl.addPositional(QStringLiteral("COMMAND"), QStringLiteral("slot, layout or rebalance"));
    if (auto exit = cl.parse(args, 0, 99))
        return *exit;
    return usageError(QStringLiteral("redis"), sub.isEmpty() ? QStringLiteral("missing command; see --help")
                                                             : QStringLiteral("unknown command '%1'").arg(sub));
}

} // namespace headroom::cli
