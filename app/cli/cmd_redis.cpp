#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/topology/clusterlayout.h"
#include "core/topology/redisslots.h"

namespace headroom::cli {

namespace {

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
        QStringList ranges;
        for (const topology::SlotRange &r : layout->ranges(m))
            ranges << (r.first == r.last ? QString::number(r.first) : QStringLiteral("%1-%2").arg(r.first).arg(r.last));
        o << layout->master(m).id << '\t' << layout->master(m).replicas << '\t' << layout->slotCount(m) << '\t'
          << ranges.join(u',') << '\n';
    }
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
    CommandLine cl(QStringLiteral("redis"),
                   QStringLiteral("Redis Cluster tools.\n  slot KEY...      each key's hash slot (KEY<TAB>SLOT)\n"
                                  "  layout NODES     slot ranges of `redis-cli --cluster create`"));
    cl.addPositional(QStringLiteral("COMMAND"), QStringLiteral("slot or layout"));
    if (auto exit = cl.parse(args, 0, 99))
        return *exit;
    return usageError(QStringLiteral("redis"), sub.isEmpty() ? QStringLiteral("missing command; see --help")
                                                             : QStringLiteral("unknown command '%1'").arg(sub));
}

} // namespace headroom::cli
