#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QFuture>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

/// Reads a PostgreSQL deployment as it runs: which server is primary (pg_is_in_recovery()), its
/// streaming replicas and their lag (pg_stat_replication, pg_stat_wal_receiver), load per database
/// (pg_stat_database), connection limits, and PgBouncer's pools and traffic (SHOW POOLS / SHOW
/// STATS). libpq is blocking: every call runs on a worker thread via the *Async functions.
namespace headroom::connect {

struct PgEndpoint {
    QString host = QStringLiteral("127.0.0.1"); ///< a host name, IP, or a Unix socket directory
    int port = 5432;
    QString user = QStringLiteral("postgres");
    QString password;                           ///< from the SecretStore; never logged
    QString database = QStringLiteral("postgres");
    QString sslMode = QStringLiteral("prefer"); ///< libpq sslmode: disable .. verify-full
    std::chrono::seconds connectTimeout{5};
    int attempts = 2;

    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
};

/// One row of pg_stat_replication (seen from the primary).
struct PgReplica {
    QString applicationName;
    QString clientAddress;
    QString state;      ///< startup, catchup, streaming, backup, stopping
    QString syncState;  ///< async, potential, sync, quorum
    std::optional<double> replayLagBytes; ///< current WAL position - replay_lsn
    std::optional<double> replayLagMs;    ///< replay_lag interval; NULL (absent) when idle
};

struct PgDatabaseStats {
    QString name;
    int backends = 0;
    qint64 commits = 0;
    qint64 rollbacks = 0;
    qint64 blocksRead = 0;
    qint64 blocksHit = 0;
};

/// One server's view of itself.
struct PgServer {
    PgEndpoint endpoint;       ///< without the password
    QString version;           ///< server_version
    bool inRecovery = false;   ///< true on a standby
    int maxConnections = 0;
    int reservedConnections = 0; ///< superuser_reserved_connections
    int connections = 0;       ///< current backends (pg_stat_activity)
    QList<PgReplica> replicas; ///< primaries only
    QString upstream;          ///< standbys: sender_host:sender_port of the WAL receiver
    std::optional<double> replayDelayMs; ///< standbys: now() - pg_last_xact_replay_timestamp()
    QList<PgDatabaseStats> databases;
};

/// PgBouncer admin console rows, parsed by column name (columns change between releases).
struct PgBouncerPool {
    QString database;
    QString user;
    int clientsActive = 0;
    int clientsWaiting = 0;
    int serversActive = 0;
    int serversIdle = 0;
    int serversUsed = 0;
    qint64 maxWaitUs = 0;
    QString poolMode;
};

struct PgBouncerStats {
    QString database;
    qint64 transactions = 0;  ///< total_xact_count
    qint64 queries = 0;       ///< total_query_count
    double transactionsPerSecond = 0; ///< avg_xact_count over the last stats_period
    double queriesPerSecond = 0;      ///< avg_query_count
    double avgQueryTimeUs = 0;
    double avgWaitTimeUs = 0;
};

struct PgBouncerView {
    PgEndpoint endpoint;
    QList<PgBouncerPool> pools;
    QList<PgBouncerStats> stats;
    QMap<QString, QString> config; ///< SHOW CONFIG key -> value (pool_mode, default_pool_size, ...)
};

/// A whole deployment: servers grouped primary -> standbys.
struct PgTopology {
    QList<PgServer> primaries;
    QMap<QString, QList<PgServer>> standbysByPrimary; ///< key: primary address (host:port)
    QList<PgServer> orphanStandbys;                   ///< upstream not among the given servers
    std::optional<PgBouncerView> bouncer;
    QStringList warnings;
};

/// A libpq connection string ("host=db port=5432 user=app dbname=appdb sslmode=require") or URI
/// ("postgresql://app@db:5432/appdb?sslmode=require") as an endpoint; unset keys keep PgEndpoint's
/// defaults. A password in the string is refused (it would sit in the shell history and the process
/// list: keep it in the keychain), and so is a keyword Headroom does not pass on.
model::Result<PgEndpoint> pgEndpointFromDsn(const QString &dsn);

/// Blocking; the connection's password is not part of any message.
model::Result<PgServer> inspectPostgres(const PgEndpoint &endpoint);
/// Blocking; `admin` connects to the virtual database "pgbouncer" as an admin or stats user.
model::Result<PgBouncerView> inspectPgBouncer(const PgEndpoint &admin);
/// Every server (at least one reachable), then PgBouncer when given. An unreachable server or
/// bouncer is a warning once another server answered.
model::Result<PgTopology> inspectPgTopology(const QList<PgEndpoint> &servers,
                                            const std::optional<PgEndpoint> &bouncer = std::nullopt);
QFuture<model::Result<PgTopology>> inspectPgTopologyAsync(const QList<PgEndpoint> &servers,
                                                          const std::optional<PgEndpoint> &bouncer = std::nullopt);

/// The scenario's database block: one primary per primary server (id = host:port) with its standbys'
/// addresses; proxy from PgBouncer's config; connection limit from max_connections.
model::DatabaseTopology toScenarioDatabase(const PgTopology &topology, model::DatabaseTopology base = {});

} // namespace headroom::connect
