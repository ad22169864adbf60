#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/model/fieldoptions.h"
#include "core/model/scenarioschema.h"
#include "core/topology/sharding.h"

namespace headroom::cli {

namespace {

// Six significant digits: sampled values carry no more.
QString num(double v)
{
    return QString::number(v, 'g', 6);
}

const QString kMethods = QStringLiteral("modulo, consistent (ring with virtual nodes), jump or rendezvous");

QCommandLineOption methodOption()
{
    return {QStringLiteral("method"), QStringLiteral("Placement: %1.").arg(kMethods), QStringLiteral("M")};
}

QCommandLineOption vnodesOption()
{
    return {QStringLiteral("vnodes"), QStringLiteral("Virtual nodes per shard on the ring (default 160)."),
            QStringLiteral("V"), QStringLiteral("160")};
}

std::optional<model::ShardHash> parseMethod(const QString &command, const CommandLine &cl)
{
    if (!cl.isSet(QStringLiteral("method"))) {
        usageError(command, QStringLiteral("--method is required (%1)").arg(kMethods));
        return std::nullopt;
    }
    const auto method = model::enumFromString<model::ShardHash>(cl.value(QStringLiteral("method")));
    if (!method)
        usageError(command, QStringLiteral("--method expects %1, got '%2'").arg(kMethods, cl.value(QStringLiteral("method"))));
    return method;
}

// --method, --shards and --vnodes; nullopt after printing a usage error.
std::optional<topology::Sharder> parseSharder(const QString &command, CommandLine &cl)
{
    const auto method = parseMethod(command, cl);
    if (!method)
        return std::nullopt;
    if (!cl.isSet(QStringLiteral("shards"))) {
        usageError(command, QStringLiteral("--shards is required"));
        return std::nullopt;
    }
    const auto shards = cl.integer(QStringLiteral("shards"), 1, 1'000'000);
    const auto vnodes = cl.integer(QStringLiteral("vnodes"), 1, 100'000);
    if (!shards || !vnodes)
        return std::nullopt;
    if (const auto work = topology::checkShardingWork(*method, *shards, *vnodes, 0); !work) {
        usageError(command, work.errorString());
        return std::nullopt;
    }
    return topology::Sharder(*method, *shards, *vnodes);
}

int shardMove(const QStringList &args)
{
    const QString command = QStringLiteral("shard move");
    CommandLine cl(command,
                   QStringLiteral("What changing the shard count from N to K does: the fraction of keys that move "
                                  "and the load imbalance (most loaded shard / mean) before and after, one "
                                  "NAME<TAB>VALUE line each. Exact for modulo (1 - min(N,K)/lcm(N,K)) and jump "
                                  "(|K-N|/max(N,K)); sampled over --keys uniformly hashed keys for consistent and "
                                  "rendezvous."));
    cl.addOption(methodOption());
    cl.addOption({QStringLiteral("from"), QStringLiteral("Shards before."), QStringLiteral("N")});
    cl.addOption({QStringLiteral("to"), QStringLiteral("Shards after."), QStringLiteral("K")});
    cl.addOption({QStringLiteral("keys"), QStringLiteral("Sampled keys (default 100000)."), QStringLiteral("COUNT"),
                  QStringLiteral("100000")});
    cl.addOption(vnodesOption());
    if (auto exit = cl.parse(args))
        return *exit;
    const auto method = parseMethod(command, cl);
    if (!method)
        return Usage;
    if (!cl.isSet(QStringLiteral("from")) || !cl.isSet(QStringLiteral("to")))
        return usageError(command, QStringLiteral("--from and --to are required"));
    const auto from = cl.integer(QStringLiteral("from"), 1, 1'000'000);
    const auto to = cl.integer(QStringLiteral("to"), 1, 1'000'000);
    const auto keys = cl.integer(QStringLiteral("keys"), 1, 1'000'000'000);
    const auto vnodes = cl.integer(QStringLiteral("vnodes"), 1, 100'000);
    if (!from || !to || !keys || !vnodes)
        return Usage;
    const auto move = topology::analyseMove(*method, *from, *to, *keys, *vnodes);
    if (!move)
        return reportErrors(move.errors());
    QTextStream &o = out();
    o << "method\t" << model::enumToString(*method) << '\n'
      << "from\t" << move->from << '\n'
      << "to\t" << move->to << '\n'
      << "moved_fraction\t" << num(move->movedFraction) << '\n'
      << "minimal_fraction\t" << num(move->minimalFraction) << '\n'
      << "imbalance_before\t" << num(move->imbalanceBefore) << '\n'
      << "imbalance_after\t" << num(move->imbalanceAfter) << '\n'
      << "basis\t" << (move->exact ? QStringLiteral("exact") : QStringLiteral("sampled %1 keys").arg(move->sampledKeys))
      << '\n';
    o.flush();
    return Ok;
}

int shardLocate(const QStringList &args)
{
    const QString command = QStringLiteral("shard locate");
    CommandLine cl(command,
                   QStringLiteral("Prints each KEY's shard (0..N-1), one KEY<TAB>SHARD line per key. Keys are hashed "
                                  "with FNV-1a 64 followed by the MurmurHash3 fmix64 finaliser; for jump, a key "
                                  "that is an unsigned 64-bit decimal integer is used as the jump key itself."));
    cl.addOption(methodOption());
    cl.addOption({QStringLiteral("shards"), QStringLiteral("Number of shards."), QStringLiteral("N")});
    cl.addOption(vnodesOption());
    cl.addPositional(QStringLiteral("KEY"), QStringLiteral("One or more keys."), QStringLiteral("KEY..."));
    if (auto exit = cl.parse(args, 1, 1 << 20))
        return *exit;
    const auto sharder = parseSharder(command, cl);
    if (!sharder)
        return Usage;
    QTextStream &o = out();
    for (const QString &key : cl.positional()) {
        const QByteArray bytes = key.toUtf8();
        o << key << '\t' << sharder->locateKey(std::string_view(bytes.constData(), size_t(bytes.size()))) << '\n';
    }
    o.flush();
    return Ok;
}

int shardHot(const QStringList &args)
{
    const QString command = QStringLiteral("shard hot");
    CommandLine cl(command,
                   QStringLiteral("The hot shard of Zipf-skewed keys (rank r weighs r^-S): its index, share of the "
                                  "load and load over the mean, one NAME<TAB>VALUE line each."));
    cl.addOption(methodOption());
    cl.addOption({QStringLiteral("shards"), QStringLiteral("Number of shards."), QStringLiteral("N")});
    cl.addOption({QStringLiteral("keys"), QStringLiteral("Distinct keys (default 100000)."), QStringLiteral("COUNT"),
                  QStringLiteral("100000")});
    cl.addOption({QStringLiteral("zipf"), QStringLiteral("Zipf exponent S (default 1)."), QStringLiteral("S"),
                  QStringLiteral("1")});
    cl.addOption(vnodesOption());
    if (auto exit = cl.parse(args))
        return *exit;
    const auto sharder = parseSharder(command, cl);
    if (!sharder)
        return Usage;
    const auto keys = cl.integer(QStringLiteral("keys"), 1, 100'000'000);
    const auto zipf = cl.number(QStringLiteral("zipf"), 0, 10);
    if (!keys || !zipf)
        return Usage;
    const auto hot = topology::zipfHotShard(*sharder, *keys, *zipf);
    if (!hot)
        return reportErrors(hot.errors());
    out() << "hot_shard\t" << hot->shard << '\n'
          << "load_share\t" << num(hot->loadShare) << '\n'
          << "imbalance\t" << num(hot->imbalance) << '\n'
          << "hottest_key_share\t" << num(hot->hottestKeyShare) << '\n';
    out().flush();
    return Ok;
}

} // namespace

int runShard(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == u"move")
        return shardMove(args.mid(1));
    if (sub == u"locate")
        return shardLocate(args.mid(1));
    if (sub == u"hot")
        return shardHot(args.mid(1));
    CommandLine cl(QStringLiteral("shard"),
                   QStringLiteral("Sharding schemes.\n  move --method M --from N --to K [--keys COUNT]\n"
                                  "  locate --method M --shards N KEY...\n"
                                  "  hot --method M --shards N [--keys COUNT] [--zipf S]"));
    cl.addPositional(QStringLiteral("COMMAND"), QStringLiteral("move, locate or hot"));
    if (auto exit = cl.parse(args, 0, 99))
        return *exit;
    return usageError(QStringLiteral("shard"), sub.isEmpty() ? QStringLiteral("missing command; see --help")
                                                             : QStringLiteral("unknown command '%1'").arg(sub));
}

} // namespace headroom::cli
