#include "core/connect/httpclient.h"
#include "core/connect/pginspector.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// The live cases (HEADROOM_LIVE=1, integration) read tests/scripts/pg-cluster.sh: primary 54321,
/// streaming replica 54322, PgBouncer 54323 (users app/apppass, pgbadmin/adminpass).
class TestPgInspector : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void unreachableNamesServerNotPassword();
    void scenarioFromTopology();
    void liveTopology();
    void liveThroughPgBouncerWithPassword();
    void liveWrongPassword();
};

void TestPgInspector::unreachableNamesServerNotPassword()
{
    PgEndpoint ep;
    ep.port = 1;
    ep.password = u"hunter2"_s;
    ep.attempts = 1;
    auto f = inspectPgTopologyAsync({ep});
    QVERIFY(waitFor(f, std::chrono::seconds(20)));
    QVERIFY(!f.result().ok());
    const QString text = f.result().errorString();
    QVERIFY2(text.startsWith(u"postgresql://postgres@127.0.0.1:1/postgres"_s) && text.contains(u"cannot connect"_s),
             qPrintable(text));
    QVERIFY(!text.contains(u"hunter2"_s));
}

void TestPgInspector::scenarioFromTopology()
{
    PgTopology t;
    PgServer primary;
    primary.endpoint.host = u"db1"_s;
    primary.endpoint.port = 5432;
    primary.maxConnections = 200;
    primary.reservedConnections = 3;
    PgServer standby;
    standby.endpoint.host = u"db2"_s;
    standby.endpoint.port = 5432;
    standby.inRecovery = true;
    t.primaries.append(primary);
    t.standbysByPrimary[u"db1:5432"_s].append(standby);
    PgBouncerView b;
    b.config.insert(u"pool_mode"_s, u"session"_s);
    b.config.insert(u"default_pool_size"_s, u"15"_s);
    b.config.insert(u"max_client_conn"_s, u"300"_s);
    t.bouncer = b;
    const auto db = toScenarioDatabase(t);
    QCOMPARE(db.primaries.size(), 1);
    QCOMPARE(db.primaries[0].id, u"db1:5432"_s);
    QCOMPARE(db.primaries[0].replicas, QStringList{u"db2:5432"_s});
    QCOMPARE(db.maxConnectionsPerPrimary, 197);
    QCOMPARE(db.proxy.poolMode, headroom::model::PoolMode::Session);
    QCOMPARE(db.proxy.defaultPoolSize, 15);
    QCOMPARE(db.proxy.maxClientConnections, 300);
}

static bool live() { return qEnvironmentVariableIsSet("HEADROOM_LIVE"); }

static PgEndpoint endpointFromEnv(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    PgEndpoint ep;
    ep.host = value.section(u':', 0, 0);
    ep.port = value.section(u':', 1, 1).toInt();
    ep.attempts = 1;
    return ep;
}

void TestPgInspector::liveTopology()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/pg-cluster.sh");
    const QString socket = qEnvironmentVariable("HEADROOM_TEST_PG_SOCKET");
    PgEndpoint primary = endpointFromEnv("HEADROOM_TEST_PG_PRIMARY");
    PgEndpoint replica = endpointFromEnv("HEADROOM_TEST_PG_REPLICA");
    PgEndpoint bouncer = endpointFromEnv("HEADROOM_TEST_PGBOUNCER");
    QVERIFY2(!socket.isEmpty() && primary.port > 0 && replica.port > 0 && bouncer.port > 0,
             "HEADROOM_TEST_PG_SOCKET/_PRIMARY/_REPLICA/_PGBOUNCER not set (PostgreSQL 54321/54322, PgBouncer 54323)");
    primary.host = replica.host = socket; // the postgres superuser is trusted on the socket only
    bouncer.user = u"pgbadmin"_s;
    bouncer.password = u"adminpass"_s;
    bouncer.database = u"pgbouncer"_s;
    bouncer.sslMode = u"disable"_s;
    auto f = inspectPgTopologyAsync({primary, replica}, bouncer);
    QVERIFY(waitFor(f, std::chrono::seconds(60)));
    const auto r = f.result();
    QVERIFY2(r.ok(), qPrintable(u"PostgreSQL at %1: "_s.arg(socket).append(r.errorString())));
    QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join(u'\n')));
    QCOMPARE(r->primaries.size(), 1);
    const PgServer &p = r->primaries[0];
    QVERIFY(!p.inRecovery);
    QVERIFY(p.version.startsWith(u"15"_s));
    QCOMPARE(p.maxConnections, 100);
    QCOMPARE(p.replicas.size(), 1);
    QCOMPARE(p.replicas[0].state, u"streaming"_s);
    QCOMPARE(p.replicas[0].syncState, u"async"_s);
    QVERIFY2(p.replicas[0].replayLagBytes.has_value() && *p.replicas[0].replayLagBytes >= 0, "lag in bytes present");
    bool hasAppDb = false;
    for (const auto &db : p.databases)
        hasAppDb = hasAppDb || db.name == u"appdb"_s;
    QVERIFY(hasAppDb);
    const auto standbys = r->standbysByPrimary.value(p.endpoint.address());
    QCOMPARE(standbys.size(), 1);
    QVERIFY(standbys[0].inRecovery);
    QCOMPARE(standbys[0].upstream, u"127.0.0.1:%1"_s.arg(endpointFromEnv("HEADROOM_TEST_PG_PRIMARY").port));
    QVERIFY(r->orphanStandbys.isEmpty());
    QVERIFY(r->bouncer.has_value());
    QCOMPARE(r->bouncer->config.value(u"pool_mode"_s), u"transaction"_s);
    bool hasAdminPool = false;
    for (const auto &pool : r->bouncer->pools)
        hasAdminPool = hasAdminPool || pool.database == u"pgbouncer"_s;
    QVERIFY(hasAdminPool);
    const auto db = toScenarioDatabase(r.value());
    QCOMPARE(db.primaries.size(), 1);
    QCOMPARE(db.primaries[0].replicas.size(), 1);
    QCOMPARE(db.proxy.poolMode, headroom::model::PoolMode::Transaction);
    QCOMPARE(db.proxy.defaultPoolSize, 10);
}

void TestPgInspector::liveThroughPgBouncerWithPassword()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/pg-cluster.sh");
    PgEndpoint ro = endpointFromEnv("HEADROOM_TEST_PGBOUNCER");
    QVERIFY2(ro.port > 0, "HEADROOM_TEST_PGBOUNCER not set (PgBouncer 54323)");
    ro.user = u"app"_s;
    ro.password = u"apppass"_s;
    ro.database = u"appdb_ro"_s;
    ro.sslMode = u"disable"_s;
    auto s = inspectPostgres(ro);
    QVERIFY2(s.ok(), qPrintable(s.errorString()));
    QVERIFY(s->inRecovery); // appdb_ro routes to the standby
    PgEndpoint admin = ro;
    admin.user = u"pgbadmin"_s;
    admin.password = u"adminpass"_s;
    admin.database = u"pgbouncer"_s;
    auto b = inspectPgBouncer(admin);
    QVERIFY2(b.ok(), qPrintable(b.errorString()));
    bool seen = false;
    for (const auto &pool : b->pools)
        seen = seen || (pool.database == u"appdb_ro"_s && pool.user == u"app"_s);
    QVERIFY2(seen, "SHOW POOLS lists the appdb_ro/app pool after a client used it");
    bool stats = false;
    for (const auto &st : b->stats)
        stats = stats || (st.database == u"appdb_ro"_s && st.queries > 0);
    QVERIFY(stats);
}

void TestPgInspector::liveWrongPassword()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/pg-cluster.sh");
    PgEndpoint ep = endpointFromEnv("HEADROOM_TEST_PG_PRIMARY");
    QVERIFY2(ep.port > 0, "HEADROOM_TEST_PG_PRIMARY not set (PostgreSQL 54321)");
    ep.user = u"app"_s;
    ep.database = u"appdb"_s;
    ep.password = u"wrong-pass-123"_s;
    auto s = inspectPostgres(ep);
    QVERIFY(!s.ok());
    QVERIFY2(s.errorString().contains(u"password authentication failed"_s), qPrintable(s.errorString()));
    QVERIFY(!s.errorString().contains(u"wrong-pass-123"_s));
}

QTEST_GUILESS_MAIN(TestPgInspector)
#include "tst_pginspector.moc"
