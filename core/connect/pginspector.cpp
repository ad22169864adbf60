#include "core/connect/pginspector.h"

#include <libpq-fe.h>

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

struct ConnDeleter {
    void operator()(PGconn *c) const { PQfinish(c); }
};
struct ResultDeleter {
    void operator()(PGresult *r) const { PQclear(r); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

/// Rows of a result, by column name.
using Rows = QList<QMap<QString, QString>>;

model::Diagnostic pgError(const PgEndpoint &ep, const QString &message)
{
    return model::makeError(message.trimmed(), {},
                            model::SourceLocation{u"postgresql://%1@%2/%3"_s.arg(ep.user, ep.address(), ep.database),
                                                  0, 0});
}

model::Result<std::shared_ptr<PGconn>> connect(const PgEndpoint &ep)
{
    const QByteArray host = ep.host.toUtf8(), port = QByteArray::number(ep.port), user = ep.user.toUtf8(),
                     password = ep.password.toUtf8(), db = ep.database.toUtf8(), ssl = ep.sslMode.toUtf8(),
                     timeout = QByteArray::number(qint64(ep.connectTimeout.count()));
    const char *keys[] = {"host", "port", "user", "password", "dbname", "sslmode", "connect_timeout",
                          "application_name", nullptr};
    const char *values[] = {host.constData(), port.constData(), user.constData(),
                            ep.password.isEmpty() ? nullptr : password.constData(), db.constData(),
                            ssl.constData(), timeout.constData(), "headroom", nullptr};
    QString lastError;
    for (int attempt = 0; attempt < std::max(1, ep.attempts); ++attempt) {
        if (attempt > 0)
            QThread::msleep(250UL << (attempt - 1)); // worker thread
        ConnPtr conn(PQconnectdbParams(keys, values, 0));
        if (conn && PQstatus(conn.get()) == CONNECTION_OK)
            return std::shared_ptr<PGconn>(conn.release(), ConnDeleter{});
        lastError = conn ? QString::fromUtf8(PQerrorMessage(conn.get())) : u"out of memory"_s;
        if (lastError.contains(u"password authentication failed"_s) || lastError.contains(u"does not exist"_s))
            break; // retrying cannot help
    }
    return pgError(ep, u"cannot connect: %1"_s.arg(lastError));
}

/// Simple-protocol query (PgBouncer's console accepts nothing else).
model::Result<Rows> query(PGconn *conn, const PgEndpoint &ep, const char *sql)
{
    ResultPtr res(PQexec(conn, sql));
    const auto status = PQresultStatus(res.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        return pgError(ep, u"%1: %2"_s.arg(QString::fromUtf8(sql), QString::fromUtf8(PQerrorMessage(conn))));
    Rows rows;
    const int n = PQntuples(res.get()), cols = PQnfields(res.get());
    for (int r = 0; r < n; ++r) {
        QMap<QString, QString> row;
        for (int c = 0; c < cols; ++c) {
            if (!PQgetisnull(res.get(), r, c))
                row.insert(QString::fromUtf8(PQfname(res.get(), c)), QString::fromUtf8(PQgetvalue(res.get(), r, c)));
        }
        rows.append(std::move(row));
    }
    return rows;
}

std::optional<double> optionalNumber(const QMap<QString, QString> &row, const QString &key)
{
    if (!row.contains(key))
        return std::nullopt;
    bool ok = false;
    const double v = row.value(key).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

PgEndpoint withoutPassword(PgEndpoint ep)
{
    ep.password.clear();
    return ep;
}

} // namespace

model::Result<PgEndpoint> pgEndpointFromDsn(const QString &dsn)
{
    char *why = nullptr;
    PQconninfoOption *options = PQconninfoParse(dsn.toUtf8().constData(), &why);
    if (!options) {
        const QString message = why ? QString::fromUtf8(why).trimmed() : u"out of memory"_s;
        PQfreemem(why);
        return model::makeError(u"not a PostgreSQL connection string: %1"_s.arg(message), u"dsn"_s);
    }
    PgEndpoint ep;
    model::Diagnostics problems;
    for (const PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromUtf8(o->keyword), value = QString::fromUtf8(o->val);
        if (key == u"host" || key == u"hostaddr") {
            ep.host = value;
        } else if (key == u"port") {
            bool ok = false;
            ep.port = value.toInt(&ok);
            if (!ok || ep.port < 1 || ep.port > 65535)
                problems.append(model::makeError(u"port: expected 1..65535, got \"%1\""_s.arg(value), u"dsn"_s));
        } else if (key == u"user") {
            ep.user = value;
        } else if (key == u"dbname") {
            ep.database = value;
        } else if (key == u"sslmode") {
            ep.sslMode = value;
        } else if (key == u"connect_timeout") {
            ep.connectTimeout = std::chrono::seconds(std::max(1, value.toInt()));
        } else if (key == u"password") {
            problems.append(model::makeError(u"a password in the connection string is not accepted; store it in the "
                                             "keychain and name it with --password-secret"_s, u"dsn"_s));
        } else if (key != u"application_name") {
            problems.append(model::makeError(u"connection keyword \"%1\" is not supported here"_s.arg(key), u"dsn"_s));
        }
    }
    PQconninfoFree(options);
    if (!problems.isEmpty())
        return problems;
    return ep;
}

model::Result<PgServer> inspectPostgres(const PgEndpoint &endpoint)
{
    auto conn = connect(endpoint);
    if (!conn)
        return conn.errors();
    PGconn *c = conn.value().get();
    PgServer s;
    s.endpoint = withoutPassword(endpoint);
    auto basics = query(c, endpoint,
                        "select pg_is_in_recovery() as recovery, current_setting('server_version') as version, "
                        "current_setting('max_connections')::int as max_connections, "
                        "current_setting('superuser_reserved_connections')::int as reserved, "
                        "(select count(*) from pg_stat_activity where backend_type = 'client backend') as connections");
    if (!basics)
        return basics.errors();
    const auto &b = basics->value(0);
    s.inRecovery = b.value(u"recovery"_s) == u"t";
    s.version = b.value(u"version"_s);
    s.maxConnections = b.value(u"max_connections"_s).toInt();
    s.reservedConnections = b.value(u"reserved"_s).toInt();
    s.connections = b.value(u"connections"_s).toInt();

    if (!s.inRecovery) {
        auto repl = query(c, endpoint,
                          "select application_name, client_addr::text as client_addr, state, sync_state, "
                          "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 as lag_bytes, "
                          "(extract(epoch from replay_lag) * 1000)::float8 as lag_ms from pg_stat_replication");
        if (!repl)
            return repl.errors();
        for (const auto &row : repl.value()) {
            s.replicas.append({row.value(u"application_name"_s), row.value(u"client_addr"_s), row.value(u"state"_s),
                               row.value(u"sync_state"_s), optionalNumber(row, u"lag_bytes"_s),
                               optionalNumber(row, u"lag_ms"_s)});
        }
    } else {
        auto wal = query(c, endpoint,
                         "select sender_host, sender_port, (extract(epoch from now() - "
                         "pg_last_xact_replay_timestamp()) * 1000)::float8 as delay_ms "
                         "from pg_stat_wal_receiver right join (select 1) one on true");
        if (!wal)
            return wal.errors();
        const auto &row = wal->value(0);
        if (row.contains(u"sender_host"_s))
            s.upstream = row.value(u"sender_host"_s).append(u':').append(row.value(u"sender_port"_s));
        s.replayDelayMs = optionalNumber(row, u"delay_ms"_s);
    }

    auto dbs = query(c, endpoint,
                     "select datname, numbackends, xact_commit, xact_rollback, blks_read, blks_hit "
                     "from pg_stat_database where datname is not null order by datname");
    if (!dbs)
        return dbs.errors();
    for (const auto &row : dbs.value()) {
        s.databases.append({row.value(u"datname"_s), row.value(u"numbackends"_s).toInt(),
                            row.value(u"xact_commit"_s).toLongLong(), row.value(u"xact_rollback"_s).toLongLong(),
                            row.value(u"blks_read"_s).toLongLong(), row.value(u"blks_hit"_s).toLongLong()});
    }
    return s;
}

model::Result<PgBouncerView> inspectPgBouncer(const PgEndpoint &admin)
{
    auto conn = connect(admin);
    if (!conn)
        return conn.errors();
    PGconn *c = conn.value().get();
    PgBouncerView v;
    v.endpoint = withoutPassword(admin);
    auto pools = query(c, admin, "SHOW POOLS");
    if (!pools)
        return pools.errors();
    for (const auto &row : pools.value()) {
        v.pools.append({row.value(u"database"_s), row.value(u"user"_s), row.value(u"cl_active"_s).toInt(),
                        row.value(u"cl_waiting"_s).toInt(), row.value(u"sv_active"_s).toInt(),
                        row.value(u"sv_idle"_s).toInt(), row.value(u"sv_used"_s).toInt(),
                        row.value(u"maxwait"_s).toLongLong() * 1'000'000 + row.value(u"maxwait_us"_s).toLongLong(),
                        row.value(u"pool_mode"_s)});
    }
    auto stats = query(c, admin, "SHOW STATS");
    if (!stats)
        return stats.errors();
    for (const auto &row : stats.value()) {
        v.stats.append({row.value(u"database"_s), row.value(u"total_xact_count"_s).toLongLong(),
                        row.value(u"total_query_count"_s).toLongLong(), row.value(u"avg_xact_count"_s).toDouble(),
                        row.value(u"avg_query_count"_s).toDouble(), row.value(u"avg_query_time"_s).toDouble(),
                        row.value(u"avg_wait_time"_s).toDouble()});
    }
    auto config = query(c, admin, "SHOW CONFIG");
    if (!config)
        return config.errors();
    for (const auto &row : config.value())
        v.config.insert(row.value(u"key"_s), row.value(u"value"_s));
    return v;
}

model::Result<PgTopology> inspectPgTopology(const QList<PgEndpoint> &servers, const std::optional<PgEndpoint> &bouncer)
{
    PgTopology t;
    QList<PgServer> standbys;
    model::Diagnostics failures;
    for (const PgEndpoint &ep : servers) {
        auto s = inspectPostgres(ep);
        if (!s) {
            failures.append(s.errors());
            continue;
        }
        (s->inRecovery ? standbys : t.primaries).append(std::move(s).value());
    }
    if (t.primaries.isEmpty() && standbys.isEmpty())
        return failures.isEmpty() ? model::Diagnostics{model::makeError(u"no PostgreSQL server given"_s)} : failures;
    for (const auto &f : failures)
        t.warnings.append(f.toString());
    for (PgServer &s : standbys) {
        bool matched = false;
        for (const PgServer &p : t.primaries) {
            // A primary reached through its Unix socket directory is matched by port.
            const bool viaSocket = p.endpoint.host.startsWith(u'/') && s.upstream.endsWith(u':' + QString::number(p.endpoint.port));
            if (s.upstream == p.endpoint.address() || viaSocket) {
                t.standbysByPrimary[p.endpoint.address()].append(s);
                matched = true;
            }
        }
        if (!matched)
            t.orphanStandbys.append(std::move(s));
    }
    if (bouncer) {
        auto b = inspectPgBouncer(*bouncer);
        if (b)
            t.bouncer = std::move(b).value();
        else
            t.warnings.append(b.error().toString());
    }
    return t;
}

QFuture<model::Result<PgTopology>> inspectPgTopologyAsync(const QList<PgEndpoint> &servers,
                                                          const std::optional<PgEndpoint> &bouncer)
{
    return QtConcurrent::run([servers, bouncer] { return inspectPgTopology(servers, bouncer); });
}

model::DatabaseTopology toScenarioDatabase(const PgTopology &topology, model::DatabaseTopology base)
{
    base.engine = u"postgresql"_s;
    base.primaries.clear();
    for (const PgServer &p : topology.primaries) {
        model::DatabasePrimary primary;
        primary.id = p.endpoint.address();
        for (const PgServer &s : topology.standbysByPrimary.value(p.endpoint.address()))
            primary.replicas.append(s.endpoint.address());
        base.primaries.append(primary);
        if (p.maxConnections > 0)
            base.maxConnectionsPerPrimary = p.maxConnections - p.reservedConnections;
    }
    if (topology.bouncer) {
        const auto &cfg = topology.bouncer->config;
        base.proxy.type = u"pgbouncer"_s;
        const QString mode = cfg.value(u"pool_mode"_s);
        base.proxy.poolMode = mode == u"session"_s     ? model::PoolMode::Session
                              : mode == u"statement"_s ? model::PoolMode::Statement
                                                       : model::PoolMode::Transaction;
        if (int size = cfg.value(u"default_pool_size"_s).toInt(); size > 0)
            base.proxy.defaultPoolSize = size;
        if (int max = cfg.value(u"max_client_conn"_s).toInt(); max > 0)
            base.proxy.maxClientConnections = max;
    }
    return base;
}

} // namespace headroom::connect
