#include "fixtureserver.h"

#include "core/connect/httpclient.h"
#include "core/connect/inspectjson.h"
#include "core/connect/pricecatalog.h"
#include "core/connect/secretstore.h"
#include "core/cost/catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::connect;

/// headroom-cli's connector commands: `prices fetch` against the HTTPS fixture server, `inspect`
/// argument and credential handling, and (integration, HEADROOM_LIVE=1 inside tests/run-all.sh's
/// D-Bus session with gnome-keyring) `inspect redis` / `inspect postgres` against the real servers
/// with passwords read from the keychain by name.
class TestCliConnect : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void dsnParsing_data();
    void dsnParsing();
    void redisJsonHasSlotsAndMemory();
    void refreshCatalogKeepsFieldsAndDate();
    void pricesFetchAzure();
    void pricesFetchAwsThenOfflineCopy();
    void pricesUsageErrors();
    void inspectUsageErrors();
    void missingKeychainIsAClearError();
    void liveInspectRedis();
    void liveInspectPostgresWithKeychainPasswords();

private:
    struct Run {
        int exit = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run cli(const QStringList &args, const QMap<QString, QString> &env = {});
    std::unique_ptr<FixtureServer> pricingServer(bool *down);

    const QString m_tls = QStringLiteral(HEADROOM_TEST_TLS_DIR);
};

namespace {

bool live()
{
    return qEnvironmentVariableIsSet("HEADROOM_LIVE");
}

const QMap<QString, QString> kNoKeychain{{u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/headroom-test-bus"_s},
                                         {u"DISPLAY"_s, QString()}};

QString describe(const QByteArray &err)
{
    return QString::fromUtf8(err.right(2000));
}

} // namespace

TestCliConnect::Run TestCliConnect::cli(const QStringList &args, const QMap<QString, QString> &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(u"LSAN_OPTIONS"_s, u"suppressions=" HEADROOM_SOURCE_DIR "/tests/connect/lsan.supp"_s);
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(HEADROOM_CLI), args);
    Run r;
    // a fixture server may live in this process: keep its event loop running meanwhile
    if (!waitUntil([&] { return p.state() == QProcess::NotRunning; }, std::chrono::seconds(120))) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

void TestCliConnect::dsnParsing_data()
{
    QTest::addColumn<QString>("dsn");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("error");
    QTest::addRow("keywords") << u"host=db.local port=6432 user=app dbname=appdb sslmode=require"_s << u"db.local:6432"_s
                              << u"app"_s << u"appdb"_s << QString();
    QTest::addRow("uri") << u"postgresql://app@10.1.2.3:5433/shop?sslmode=disable"_s << u"10.1.2.3:5433"_s << u"app"_s
                         << u"shop"_s << QString();
    QTest::addRow("defaults") << u"host=/run/postgresql"_s << u"/run/postgresql:5432"_s << u"postgres"_s
                              << u"postgres"_s << QString();
    QTest::addRow("password refused") << u"host=db password=hunter2"_s << QString() << QString() << QString()
                                      << u"a password in the connection string is not accepted"_s;
    QTest::addRow("uri password refused") << u"postgresql://app:hunter2@db/appdb"_s << QString() << QString()
                                          << QString() << u"--password-secret"_s;
    QTest::addRow("bad port") << u"host=db port=99999"_s << QString() << QString() << QString()
                              << u"port: expected 1..65535"_s;
    QTest::addRow("unsupported keyword") << u"host=db passfile=/tmp/x"_s << QString() << QString() << QString()
                                         << u"\"passfile\" is not supported"_s;
    QTest::addRow("syntax") << u"host=db port"_s << QString() << QString() << QString()
                            << u"not a PostgreSQL connection string"_s;
}

void TestCliConnect::dsnParsing()
{
    QFETCH(QString, dsn);
    QFETCH(QString, address);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QString, error);
    const auto ep = pgEndpointFromDsn(dsn);
    if (!error.isEmpty()) {
        QVERIFY(!ep.ok());
        QVERIFY2(ep.errorString().contains(error), qPrintable(ep.errorString()));
        QVERIFY(!ep.errorString().contains(u"hunter2"_s));
        return;
    }
    QVERIFY2(ep.ok(), qPrintable(ep.errorString()));
    QCOMPARE(ep->address(), address);
    QCOMPARE(ep->user, user);
    QCOMPARE(ep->database, database);
    QVERIFY(ep->password.isEmpty());
}

void TestCliConnect::redisJsonHasSlotsAndMemory()
{
    const QByteArray nodes =
        "aaa 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460\n"
        "bbb 127.0.0.1:7001@17001 master - 0 0 2 connected 5461-10922\n"
        "ccc 127.0.0.1:7002@17002 master - 0 0 3 connected 10923-16000 16001-16383\n"
        "ddd 127.0.0.1:7003@17003 slave aaa 0 0 1 connected\n";
    auto parsed = parseClusterNodes(nodes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    parsed.value()[0].usedMemoryBytes = 1.5e6;
    parsed.value()[0].maxMemoryBytes = 4e9;
    parsed.value()[3].lagBytes = 0;
    const QJsonObject json = redisTopologyToJson(groupShards(parsed.value()));
    const QJsonArray shards = json.value(u"shards"_s).toArray();
    QCOMPARE(shards.size(), 3);
    QCOMPARE(shards[0][u"slots"_s].toArray(), (QJsonArray{QJsonValue(QJsonArray{0, 5460})}));
    QCOMPARE(shards[2][u"slots"_s].toArray(), (QJsonArray{QJsonArray{10923, 16000}, QJsonArray{16001, 16383}}));
    QCOMPARE(shards[0][u"slotCount"_s].toInt(), 5461);
    QCOMPARE(shards[0][u"usedMemoryBytes"_s].toDouble(), 1.5e6);
    QCOMPARE(shards[0][u"maxMemoryBytes"_s].toDouble(), 4e9);
    QVERIFY(!shards[1].toObject().contains(u"usedMemoryBytes"_s)); // not reported: left out, not 0
    QCOMPARE(shards[0][u"replicas"_s].toArray().size(), 1);
    QCOMPARE(shards[0][u"replicas"_s][0][u"address"_s].toString(), u"127.0.0.1:7003"_s);
    QCOMPARE(shards[0][u"replicas"_s][0][u"lagBytes"_s].toDouble(), 0.0);
    QCOMPARE(shards[1][u"replicas"_s].toArray().size(), 0);
    QCOMPARE(json[u"slotsAssigned"_s].toInt(), 16384);
    QCOMPARE(json[u"scenario"_s][u"shards"_s].toInt(), 3);
    QCOMPARE(json[u"scenario"_s][u"replicasPerShard"_s].toInt(), 0);
}

void TestCliConnect::refreshCatalogKeepsFieldsAndDate()
{
    cost::PricingCatalog base;
    base.sources.append({u"old"_s, u"old list"_s, u"2025-01-01"_s, u"high"_s});
    cost::InstancePrice m5;
    m5.id = u"aws/us-east-1/m5.large"_s;
    m5.provider = u"aws"_s;
    m5.region = u"us-east-1"_s;
    m5.type = u"m5.large"_s;
    m5.family = u"general"_s;
    m5.vcpu = 2;
    m5.memoryBytes = 8.0 * (1 << 30);
    m5.onDemandHourly = 0.1;
    m5.note = u"keep me"_s;
    m5.source = u"old"_s;
    base.instances.append(m5);
    const QDateTime fetched(QDate(2026, 11, 20), QTime(23, 30), Qt::UTC);
    const QList<PriceEntry> prices{
        {u"aws"_s, u"us-east-1"_s, u"m5.large"_s, 0, 0, 0.096, u"https://x"_s, fetched},
        {u"aws"_s, u"eu-west-1"_s, u"m5.large"_s, 0, 0, 0.107, u"https://x"_s, fetched.addSecs(3600)},
        {u"aws"_s, u"us-east-1"_s, u"c6i.large"_s, 2, 4, 0.085, u"https://x"_s, fetched},
        {u"aws"_s, u"us-east-1"_s, u"x9.mystery"_s, 0, 0, 1.0, u"https://x"_s, fetched}};
    const auto r = refreshCatalog(base, prices, {}, u"test list"_s);
    QCOMPARE(r.updated, 1);
    QCOMPARE(r.added, 2);
    QCOMPARE(r.skipped, 1);
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY(r.warnings[0].contains(u"x9.mystery"_s));
    const cost::InstancePrice *updated = r.catalog.instanceById(u"aws/us-east-1/m5.large");
    QVERIFY(updated);
    QCOMPARE(updated->onDemandHourly, 0.096);
    QCOMPARE(updated->note, u"keep me"_s);
    QCOMPARE(updated->source, u"aws-list-2026-11-20"_s);
    const cost::InstancePrice *eu = r.catalog.instanceById(u"aws/eu-west-1/m5.large");
    QVERIFY(eu);
    QCOMPARE(eu->vcpu, 2.0); // size from the row of the same type
    QCOMPARE(eu->family, u"general"_s);
    QCOMPARE(r.catalog.instanceById(u"aws/us-east-1/c6i.large")->memoryBytes, 4.0 * (1 << 30));
    const cost::PriceSource *source = r.catalog.source(u"aws-list-2026-11-20");
    QVERIFY(source);
    QCOMPARE(source->asOf, u"2026-11-20"_s); // the fetch date, not today
    QVERIFY(cost::validateCatalog(r.catalog).isEmpty());
    auto reparsed = cost::parseCatalogYaml(catalogToYaml(r.catalog), u"refreshed.yaml"_s);
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.errorString()));
    QCOMPARE(reparsed->instances.size(), 3);
    QCOMPARE(reparsed->instanceById(u"aws/us-east-1/c6i.large")->onDemandHourly, 0.085);
}

std::unique_ptr<FixtureServer> TestCliConnect::pricingServer(bool *down)
{
    auto server = std::make_unique<FixtureServer>(m_tls);
    server->setDataDir(QStringLiteral(HEADROOM_TEST_DATA "/pricing-api"));
    if (!server->start())
        return nullptr;
    const QByteArray page1 = server->readData(u"azure-retail-prices-page1.json"_s)
                                 .replace("https://prices.azure.com:443", server->url().toString().toUtf8());
    const QByteArray page2 = server->readData(u"azure-retail-prices-page2.json"_s);
    server->route("GET", u"/api/retail/prices"_s, [down, page1, page2](const FixtureServer::Request &req) {
        if (*down)
            return FixtureServer::Response{503, "Service Unavailable", "text/plain"};
        return FixtureServer::Response{200, req.query.hasQueryItem(u"$skip"_s) ? page2 : page1};
    });
    const QByteArray index = server->readData(u"aws-region-index-AmazonEC2.json"_s);
    const QByteArray csv = server->readData(u"aws-offer-AmazonEC2-us-east-1.csv"_s);
    server->route("GET", u"/offers/v1.0/aws/AmazonEC2/current/region_index.json"_s, [down, index](const auto &) {
        return *down ? FixtureServer::Response{503, "down", "text/plain"} : FixtureServer::Response{200, index};
    });
    server->route("GET", u"/offers/v1.0/aws/AmazonEC2/20260119213819/us-east-1/index.csv"_s,
                  [csv](const auto &) { return FixtureServer::Response{200, csv, "text/csv"}; });
    return server;
}

void TestCliConnect::pricesFetchAzure()
{
    bool down = false;
    auto server = pricingServer(&down);
    QVERIFY(server);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"catalog.yaml"_s);
    const QString filter = u"serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'"_s;
    const Run r = cli({u"prices"_s, u"fetch"_s, u"--azure"_s, u"--filter"_s, filter, u"--base-url"_s,
                       server->url().toString(), u"--ca-file"_s, m_tls + u"/ca.pem"_s, u"--cache-dir"_s,
                       dir.filePath(u"cache"_s), u"--out"_s, out});
    QVERIFY2(r.exit == 0, qPrintable(describe(r.err)));
    QCOMPARE(server->requests.size(), 2); // both pages
    QCOMPARE(server->requests[0].query.queryItemValue(u"$filter"_s, QUrl::FullyDecoded), filter);
    QVERIFY2(r.err.contains("prices: 4 added, 0 updated, 0 skipped"), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto catalog = cost::parseCatalogYaml(f.readAll(), out);
    QVERIFY2(catalog.ok(), qPrintable(catalog.errorString()));
    const cost::InstancePrice *d2 = catalog->instanceById(u"azure/eastus/Standard_D2s_v5");
    QVERIFY(d2);
    QCOMPARE(d2->onDemandHourly, 0.096);
    QCOMPARE(d2->vcpu, 2.0); // the API has no sizes: taken from the bundled catalog
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const cost::PriceSource *source = catalog->source(d2->source);
    QVERIFY(source);
    QCOMPARE(source->asOf, today);
    QVERIFY(source->description.contains(filter));
    // the refreshed catalog is usable as an overlay of the cost command
    const Run cost = cli({u"cost"_s, u"--catalog"_s, out, u"--out"_s, dir.filePath(u"cost.csv"_s)});
    QVERIFY2(cost.exit == 0, qPrintable(describe(cost.err)));
}

void TestCliConnect::pricesFetchAwsThenOfflineCopy()
{
    bool down = false;
    auto server = pricingServer(&down);
    QVERIFY(server);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"catalog.yaml"_s);
    const QStringList args{u"prices"_s, u"fetch"_s, u"--aws-region-index"_s,
                           server->url().toString() + u"/offers/v1.0/aws/AmazonEC2/current/region_index.json"_s,
                           u"--region"_s, u"us-east-1"_s, u"--ca-file"_s, m_tls + u"/ca.pem"_s, u"--cache-dir"_s,
                           dir.filePath(u"cache"_s), u"--out"_s, out};
    const Run first = cli(args);
    QVERIFY2(first.exit == 0, qPrintable(describe(first.err)));
    QVERIFY2(first.err.contains("prices: 4 added, 0 updated"), first.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray firstText = f.readAll();
    f.close();
    auto catalog = cost::parseCatalogYaml(firstText, out);
    QVERIFY2(catalog.ok(), qPrintable(catalog.errorString()));
    const cost::InstancePrice *m5 = catalog->instanceById(u"aws/us-east-1/m5.xlarge");
    QVERIFY(m5);
    QCOMPARE(m5->onDemandHourly, 0.192);
    QCOMPARE(m5->vcpu, 4.0);
    QCOMPARE(m5->memoryBytes, 16.0 * (1 << 30));

    // the price list is down: the offline copy answers, the existing catalog is updated in place
    down = true;
    const Run second = cli(args);
    QVERIFY2(second.exit == 0, qPrintable(describe(second.err)));
    QVERIFY2(second.err.contains("using the offline copy from"), second.err.constData());
    QVERIFY2(second.err.contains("0 added, 4 updated") && second.err.contains("(from the offline copy)"),
             second.err.constData());
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto again = cost::parseCatalogYaml(f.readAll(), out);
    QVERIFY2(again.ok(), qPrintable(again.errorString()));
    QCOMPARE(again->instances.size(), 4);
    QCOMPARE(again->sources.size(), 1); // same fetch date, same source
    QCOMPARE(again->sources[0].asOf, catalog->sources[0].asOf);
}

void TestCliConnect::pricesUsageErrors()
{
    QCOMPARE(cli({u"prices"_s, u"fetch"_s, u"--out"_s, u"x.yaml"_s}).exit, 2);
    QCOMPARE(cli({u"prices"_s, u"fetch"_s, u"--aws-region-index"_s, u"https://x/r.json"_s, u"--out"_s, u"x.yaml"_s}).exit, 2);
    QCOMPARE(cli({u"prices"_s, u"fetch"_s, u"--azure"_s, u"--base-url"_s, u"http://plain/"_s, u"--out"_s, u"x.yaml"_s}).exit, 2);
    const Run help = cli({u"prices"_s, u"--help"_s});
    QCOMPARE(help.exit, 0);
    QVERIFY(help.out.contains("Usage: headroom-cli prices fetch"));
}

void TestCliConnect::inspectUsageErrors()
{
    QCOMPARE(cli({u"inspect"_s}).exit, 2);
    QCOMPARE(cli({u"inspect"_s, u"mongodb"_s}).exit, 2);
    QCOMPARE(cli({u"inspect"_s, u"redis"_s}).exit, 2);
    QCOMPARE(cli({u"inspect"_s, u"redis"_s, u"--seed"_s, u"localhost"_s}).exit, 2);
    QCOMPARE(cli({u"inspect"_s, u"postgres"_s}).exit, 2);
    const Run dsn = cli({u"inspect"_s, u"postgres"_s, u"--dsn"_s, u"host=db password=hunter2"_s});
    QCOMPARE(dsn.exit, 1);
    QVERIFY2(dsn.err.contains("--dsn: a password in the connection string is not accepted"), dsn.err.constData());
    QVERIFY(!dsn.err.contains("hunter2"));
    const Run unreachable = cli({u"inspect"_s, u"redis"_s, u"--seed"_s, u"127.0.0.1:1"_s, u"--timeout"_s, u"20"_s});
    QCOMPARE(unreachable.exit, 1);
    QVERIFY2(unreachable.err.contains("127.0.0.1:1"), unreachable.err.constData());
    for (const char *what : {"redis", "postgres"}) {
        const Run help = cli({u"inspect"_s, QString::fromLatin1(what), u"--help"_s});
        QCOMPARE(help.exit, 0);
        QVERIFY(help.out.contains("--password-secret <NAME>"));
    }
}

void TestCliConnect::missingKeychainIsAClearError()
{
    const Run r = cli({u"inspect"_s, u"redis"_s, u"--seed"_s, u"127.0.0.1:1"_s, u"--password-secret"_s, u"redis-prod"_s},
                      kNoKeychain);
    QCOMPARE(r.exit, 1);
    QVERIFY2(r.err.contains("secret \"redis-prod\": the system keychain is not available"), r.err.constData());
    QVERIFY2(r.err.contains("headroom-cli secret set redis-prod"), r.err.constData());
    const Run pg = cli({u"inspect"_s, u"postgres"_s, u"--dsn"_s, u"host=127.0.0.1 port=1"_s, u"--password-secret"_s,
                        u"pg-prod"_s},
                       kNoKeychain);
    QCOMPARE(pg.exit, 1);
    QVERIFY2(pg.err.contains("the system keychain is not available"), pg.err.constData());
    QProcess set;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, kNoKeychain.value(u"DBUS_SESSION_BUS_ADDRESS"_s));
    set.setProcessEnvironment(e);
    set.start(QStringLiteral(HEADROOM_CLI), {u"secret"_s, u"set"_s, u"pg-prod"_s});
    set.write("s3cret\n");
    set.closeWriteChannel();
    QVERIFY(set.waitForFinished(60'000));
    QCOMPARE(set.exitCode(), 1); // never kept anywhere else
    QVERIFY(set.readAllStandardError().contains("the system keychain is not available"));
}

void TestCliConnect::liveInspectRedis()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/redis-cluster.sh");
    const QString seed = qEnvironmentVariable("HEADROOM_TEST_REDIS");
    QVERIFY2(!seed.isEmpty(), "HEADROOM_TEST_REDIS is not set (Redis Cluster seed, 127.0.0.1:7000)");
    QTemporaryDir dir;
    QFile conf(dir.filePath(u"sentinel.conf"_s));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    const int port = 27381;
    conf.write(u"port %1\nbind 127.0.0.1\ndir %2\nsentinel monitor shard0 %3 %4 1\n"_s.arg(port)
                   .arg(dir.path(), seed.section(u':', 0, 0), seed.section(u':', 1, 1)).toUtf8());
    conf.close();
    QProcess sentinel;
    sentinel.start(u"redis-server"_s, {conf.fileName(), u"--sentinel"_s});
    QVERIFY2(sentinel.waitForStarted(5000), "redis-server --sentinel did not start");
    QTest::qWait(500);
    const QString out = dir.filePath(u"redis.json"_s);
    const Run r = cli({u"inspect"_s, u"redis"_s, u"--seed"_s, seed, u"--sentinel"_s, u"127.0.0.1:%1"_s.arg(port),
                       u"--out"_s, out});
    sentinel.terminate();
    sentinel.waitForFinished(5000);
    QVERIFY2(r.exit == 0, qPrintable(u"Redis Cluster at %1: "_s.arg(seed).append(describe(r.err))));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(json[u"clusterState"_s].toString(), u"ok"_s);
    QCOMPARE(json[u"slotsAssigned"_s].toInt(), 16384);
    const QJsonArray shards = json[u"shards"_s].toArray();
    QCOMPARE(shards.size(), 3);
    const QList<QJsonArray> expected{QJsonArray{QJsonValue(QJsonArray{0, 5460})},
                                     QJsonArray{QJsonValue(QJsonArray{5461, 10922})},
                                     QJsonArray{QJsonValue(QJsonArray{10923, 16383})}};
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(shards[i][u"slots"_s].toArray(), expected[i]);
        QCOMPARE(shards[i][u"replicas"_s].toArray().size(), 1);
        QVERIFY(shards[i][u"usedMemoryBytes"_s].toDouble() > 0);
        QVERIFY(shards[i][u"replicas"_s][0].toObject().contains(u"lagBytes"_s));
        QCOMPARE(shards[i][u"replicas"_s][0][u"linkStatus"_s].toString(), u"up"_s);
    }
    QCOMPARE(json[u"scenario"_s][u"replicasPerShard"_s].toInt(), 1);
    const QJsonArray masters = json[u"sentinel"_s][u"masters"_s].toArray();
    QCOMPARE(masters.size(), 1);
    QCOMPARE(masters[0][u"name"_s].toString(), u"shard0"_s);
    QCOMPARE(masters[0][u"address"_s].toString(), seed);
}

void TestCliConnect::liveInspectPostgresWithKeychainPasswords()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/pg-cluster.sh and the keychain of tests/run-all.sh");
    const QString socket = qEnvironmentVariable("HEADROOM_TEST_PG_SOCKET");
    const QString primary = qEnvironmentVariable("HEADROOM_TEST_PG_PRIMARY");
    const QString replica = qEnvironmentVariable("HEADROOM_TEST_PG_REPLICA");
    const QString bouncer = qEnvironmentVariable("HEADROOM_TEST_PGBOUNCER");
    QVERIFY2(!socket.isEmpty() && !primary.isEmpty() && !replica.isEmpty() && !bouncer.isEmpty(),
             "HEADROOM_TEST_PG_SOCKET/_PRIMARY/_REPLICA/_PGBOUNCER not set (PostgreSQL 54321/54322, PgBouncer 54323)");
    auto hostPort = [](const QString &addr) {
        return u"host=%1 port=%2 sslmode=disable"_s.arg(addr.section(u':', 0, 0), addr.section(u':', 1, 1));
    };
    const QString appSecret = u"headroom-test-pg-app-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString adminSecret = u"headroom-test-pgb-admin-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    // stored the way a user does it: through the CLI, the secret on standard input
    for (const auto &[name, secret] : {std::pair{appSecret, "apppass"}, std::pair{adminSecret, "adminpass"}}) {
        QProcess set;
        set.start(QStringLiteral(HEADROOM_CLI), {u"secret"_s, u"set"_s, name});
        set.write(QByteArray(secret) + '\n');
        set.closeWriteChannel();
        QVERIFY(set.waitForFinished(60'000));
        QVERIFY2(set.exitCode() == 0, set.readAllStandardError().constData());
    }
    // the superuser on the socket sees replication details; PgBouncer's admin needs its password
    const QString port1 = primary.section(u':', 1, 1), port2 = replica.section(u':', 1, 1);
    const Run r = cli({u"inspect"_s, u"postgres"_s, u"--dsn"_s, u"host=%1 port=%2 user=postgres"_s.arg(socket, port1),
                       u"--dsn"_s, u"host=%1 port=%2 user=postgres"_s.arg(socket, port2), u"--pgbouncer"_s,
                       hostPort(bouncer) + u" user=pgbadmin"_s, u"--pgbouncer-password-secret"_s, adminSecret});
    // the app user over TCP authenticates (SCRAM) with the password from the keychain
    const Run app = cli({u"inspect"_s, u"postgres"_s, u"--dsn"_s, hostPort(primary) + u" user=app dbname=appdb"_s,
                         u"--password-secret"_s, appSecret});
    const Run wrong = cli({u"inspect"_s, u"postgres"_s, u"--dsn"_s, hostPort(primary) + u" user=app dbname=appdb"_s,
                           u"--password-secret"_s, adminSecret});
    QVERIFY(removeKeychainSecret(appSecret).ok());
    QVERIFY(removeKeychainSecret(adminSecret).ok());
    const Run gone = cli({u"inspect"_s, u"postgres"_s, u"--dsn"_s, hostPort(primary) + u" user=app dbname=appdb"_s,
                          u"--password-secret"_s, appSecret});

    QVERIFY2(r.exit == 0, qPrintable(u"PostgreSQL at %1: "_s.arg(socket).append(describe(r.err))));
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    const QJsonArray primaries = json[u"primaries"_s].toArray();
    QCOMPARE(primaries.size(), 1);
    const QJsonObject p = primaries[0].toObject();
    QCOMPARE(p[u"inRecovery"_s].toBool(), false);
    QCOMPARE(p[u"maxConnections"_s].toInt(), 100);
    QCOMPARE(p[u"replicas"_s].toArray().size(), 1);
    const QJsonObject repl = p[u"replicas"_s][0].toObject();
    QCOMPARE(repl[u"state"_s].toString(), u"streaming"_s);
    QVERIFY2(repl.contains(u"replayLagBytes"_s) && repl[u"replayLagBytes"_s].toDouble() >= 0, "lag present");
    QCOMPARE(p[u"standbys"_s].toArray().size(), 1);
    QCOMPARE(p[u"standbys"_s][0][u"inRecovery"_s].toBool(), true);
    bool appdb = false;
    for (const auto &db : p[u"databases"_s].toArray())
        appdb = appdb || db.toObject().value(u"name"_s).toString() == u"appdb"_s;
    QVERIFY(appdb);
    QCOMPARE(json[u"pgbouncer"_s][u"config"_s][u"pool_mode"_s].toString(), u"transaction"_s);
    QVERIFY(!json[u"pgbouncer"_s][u"pools"_s].toArray().isEmpty());

    QVERIFY2(app.exit == 0, qPrintable(describe(app.err)));
    QCOMPARE(QJsonDocument::fromJson(app.out).object()[u"primaries"_s].toArray().size(), 1);
    QCOMPARE(wrong.exit, 1);
    QVERIFY2(wrong.err.contains("password authentication failed"), wrong.err.constData());
    QVERIFY(!wrong.err.contains("adminpass"));
    QCOMPARE(gone.exit, 1);
    QVERIFY2(gone.err.contains("no secret named"), gone.err.constData());
}

QTEST_GUILESS_MAIN(TestCliConnect)
#include "tst_cliconnect.moc"
