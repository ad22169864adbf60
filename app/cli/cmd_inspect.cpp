#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/connect/httpclient.h"
#include "core/connect/inspectjson.h"
#include "core/connect/secretstore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace headroom::cli {

namespace {

/// Prints errors about the value of --option, named by the option.
void reportFor(const QString &option, model::Diagnostics errors)
{
    for (auto &e : errors)
        e.fieldPath = u"--"_s.append(option);
    reportErrors(errors);
}

/// The secret named by `option` (from the keychain), an empty string when the option is not set,
/// or nullopt after printing why it cannot be had.
std::optional<QString> secretFrom(const CommandLine &cl, const QString &option)
{
    if (!cl.isSet(option))
        return QString();
    auto secret = connect::readKeychainSecret(cl.value(option));
    if (!secret) {
        reportFor(option, secret.errors());
        return std::nullopt;
    }
    return secret.value();
}

/// "HOST:PORT" or "[v6]:PORT".
std::optional<connect::RedisEndpoint> redisAddress(const QString &text, const QString &option)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || port < 1 || port > 65535) {
        usageError(u"inspect redis"_s, u"--%1: expected HOST:PORT, got \"%2\""_s.arg(option, text));
        return std::nullopt;
    }
    connect::RedisEndpoint ep;
    ep.host = text.left(colon);
    if (ep.host.startsWith(u'[') && ep.host.endsWith(u']'))
        ep.host = ep.host.mid(1, ep.host.size() - 2);
    ep.port = port;
    return ep;
}

template <typename T>
std::optional<T> waitResult(const QFuture<model::Result<T>> &future, int seconds, const QString &what, int *exit)
{
    if (!connect::waitFor(future, std::chrono::seconds(seconds))) {
        *exit = reportErrors({model::makeError(u"%1 did not answer within %2 s"_s.arg(what).arg(seconds))});
        return std::nullopt;
    }
    const auto result = future.result();
    if (!result) {
        *exit = reportErrors(result.errors());
        return std::nullopt;
    }
    return result.value();
}

int finish(const CommandLine &cl, const QJsonObject &json, const QJsonArray &warnings)
{
    for (const auto &w : warnings)
        err() << "warning: " << w.toString() << '\n';
    err().flush();
    return writeOutput(cl.value(u"out"_s), QJsonDocument(json).toJson(QJsonDocument::Indented)) ? Ok : BadInput;
}

void addCommonOptions(CommandLine &cl)
{
    cl.addOption({u"timeout"_s, u"Seconds to wait for all answers."_s, u"S"_s, u"60"_s});
    cl.addOption({u"out"_s, u"Where to write the JSON ('-' = stdout, the default)."_s, u"FILE"_s, u"-"_s});
}

int inspectRedis(const QStringList &args)
{
    CommandLine cl(u"inspect redis"_s,
                   u"Reads a live Redis Cluster through one seed node: the real slot layout (CLUSTER NODES / CLUSTER "
                   "SHARDS), masters and replicas with their replication offsets and lag, and memory per shard (INFO "
                   "memory on every node); with --sentinel also a Sentinel's view of its masters. Prints JSON.\n"
                   "Passwords are read from the system keychain by name (store one with 'headroom-cli secret set "
                   "NAME'), never from the command line or a file."_s);
    cl.addOption({u"seed"_s, u"Any node of the cluster."_s, u"HOST:PORT"_s});
    cl.addOption({u"user"_s, u"ACL user name (default: the default user)."_s, u"NAME"_s});
    cl.addOption({u"password-secret"_s, u"Keychain entry holding the AUTH password of every node."_s, u"NAME"_s});
    cl.addOption({u"tls"_s, u"Connect with TLS (needs a hiredis built with TLS)."_s});
    cl.addOption({u"sentinel"_s, u"Also read this Sentinel (SENTINEL MASTERS / REPLICAS)."_s, u"HOST:PORT"_s});
    cl.addOption({u"sentinel-password-secret"_s, u"Keychain entry holding the Sentinel's password."_s, u"NAME"_s});
    addCommonOptions(cl);
    if (auto exit = cl.parse(args, 0, 0))
        return *exit;
    if (!cl.isSet(u"seed"_s))
        return usageError(u"inspect redis"_s, u"--seed HOST:PORT is required"_s);
    const auto timeout = cl.integer(u"timeout"_s, 1, 3600);
    auto seed = redisAddress(cl.value(u"seed"_s), u"seed"_s);
    if (!timeout || !seed)
        return Usage;
    std::optional<connect::RedisEndpoint> sentinel;
    if (cl.isSet(u"sentinel"_s) && !(sentinel = redisAddress(cl.value(u"sentinel"_s), u"sentinel"_s)))
        return Usage;
    const auto password = secretFrom(cl, u"password-secret"_s);
    const auto sentinelPassword = secretFrom(cl, u"sentinel-password-secret"_s);
    if (!password || !sentinelPassword)
        return BadInput;
    seed->username = cl.value(u"user"_s);
    seed->password = *password;
    seed->tls = cl.isSet(u"tls"_s);

    int exit = Ok;
    const auto topology = waitResult(connect::inspectRedisClusterAsync(*seed), *timeout,
                                     u"Redis Cluster at %1"_s.arg(seed->address()), &exit);
    if (!topology)
        return exit;
    QJsonObject json = connect::redisTopologyToJson(*topology);
    json.insert(u"seed"_s, seed->address());
    if (sentinel) {
        sentinel->password = *sentinelPassword;
        sentinel->tls = seed->tls;
        const auto masters = waitResult(connect::inspectSentinelAsync(*sentinel), *timeout,
                                        u"Sentinel at %1"_s.arg(sentinel->address()), &exit);
        if (!masters)
            return exit;
        json.insert(u"sentinel"_s, QJsonObject{{u"address"_s, sentinel->address()},
                                               {u"masters"_s, connect::sentinelToJson(*masters)}});
    }
    return finish(cl, json, json.value(u"warnings"_s).toArray());
}

std::optional<connect::PgEndpoint> pgEndpoint(const QString &dsn, const QString &password, const QString &option)
{
    auto ep = connect::pgEndpointFromDsn(dsn);
    if (!ep) {
        reportFor(option, ep.errors());
        return std::nullopt;
    }
    ep->password = password;
    return ep.value();
}

int inspectPostgres(const QStringList &args)
{
    CommandLine cl(u"inspect postgres"_s,
                   u"Reads a live PostgreSQL deployment: which server is primary (pg_is_in_recovery()), its streaming "
                   "replicas and their lag (pg_stat_replication), per-database figures (pg_stat_database), connection "
                   "limits, and with --pgbouncer PgBouncer's pools and traffic (SHOW POOLS / SHOW STATS / SHOW "
                   "CONFIG). Prints JSON.\n"
                   "DSN is a libpq connection string (\"host=db port=5432 user=app dbname=appdb\") or URI "
                   "(postgresql://app@db:5432/appdb), without a password: passwords are read from the system keychain "
                   "by name (store one with 'headroom-cli secret set NAME')."_s);
    cl.addOption({u"dsn"_s, u"A server to read (repeat for the primary and each standby)."_s, u"DSN"_s});
    cl.addOption({u"password-secret"_s, u"Keychain entry holding the password for every --dsn."_s, u"NAME"_s});
    cl.addOption({u"pgbouncer"_s, u"PgBouncer's admin console (database pgbouncer unless given)."_s, u"DSN"_s});
    cl.addOption({u"pgbouncer-password-secret"_s, u"Keychain entry holding the PgBouncer admin password."_s, u"NAME"_s});
    addCommonOptions(cl);
    if (auto exit = cl.parse(args, 0, 0))
        return *exit;
    const QStringList dsns = cl.parser().values(u"dsn"_s);
    if (dsns.isEmpty())
        return usageError(u"inspect postgres"_s, u"--dsn DSN is required"_s);
    const auto timeout = cl.integer(u"timeout"_s, 1, 3600);
    if (!timeout)
        return Usage;
    const auto password = secretFrom(cl, u"password-secret"_s);
    const auto bouncerPassword = secretFrom(cl, u"pgbouncer-password-secret"_s);
    if (!password || !bouncerPassword)
        return BadInput;
    QList<connect::PgEndpoint> servers;
    for (const QString &dsn : dsns) {
        auto ep = pgEndpoint(dsn, *password, u"dsn"_s);
        if (!ep)
            return BadInput;
        servers.append(*ep);
    }
    std::optional<connect::PgEndpoint> bouncer;
    if (cl.isSet(u"pgbouncer"_s)) {
        if (!(bouncer = pgEndpoint(cl.value(u"pgbouncer"_s), *bouncerPassword, u"pgbouncer"_s)))
            return BadInput;
        if (bouncer->database == u"postgres")
            bouncer->database = u"pgbouncer"_s;
    }
    int exit = Ok;
    const auto topology = waitResult(connect::inspectPgTopologyAsync(servers, bouncer), *timeout, u"PostgreSQL"_s, &exit);
    if (!topology)
        return exit;
    const QJsonObject json = connect::pgTopologyToJson(*topology);
    return finish(cl, json, json.value(u"warnings"_s).toArray());
}

} // namespace

int runInspect(const QStringList &args)
{
    const QString what = args.value(0);
    if (what == u"redis")
        return inspectRedis(args.mid(1));
    if (what == u"postgres")
        return inspectPostgres(args.mid(1));
    if (what == u"--help" || what == u"-h") {
        out() << "Usage: headroom-cli inspect redis|postgres [options]\n\n"
                 "Reads a live data store and prints its real topology as JSON:\n"
                 "  redis     Redis Cluster slots, masters/replicas, memory per shard (and a Sentinel's view)\n"
                 "  postgres  PostgreSQL primary/standbys, lag, pg_stat_database, limits, PgBouncer pools/stats\n\n"
                 "Run 'headroom-cli inspect redis --help' for the options.\n";
        out().flush();
        return Ok;
    }
    return usageError(u"inspect"_s, u"expected 'redis' or 'postgres', got \"%1\"; see 'headroom-cli inspect --help'"_s.arg(what));
}

} // namespace headroom::cli
