#include "core/connect/httpclient.h"
#include "core/connect/redisinspector.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// Parsers always run (on CLUSTER NODES / INFO text recorded from Redis 7.0.15); the live cases
/// (HEADROOM_LIVE=1) read the 3+3 cluster of tests/scripts/redis-cluster.sh at HEADROOM_TEST_REDIS.
class TestRedisInspector : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void parseNodes();
    void parseNodesErrors_data();
    void parseNodesErrors();
    void parseInfoFields();
    void shardsAndScenario();
    void tlsIsRefusedClearly();
    void unreachableSeedNamesAddress();
    void liveCluster();
    void liveSentinel();

private:
    static RedisEndpoint liveSeed();
};

static const QByteArray kNodes =
    "07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@31004,hostname4 slave e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238317239 4 connected\n"
    "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002@31002,hostname2 master - 0 1426238316232 2 connected 5461-10922\n"
    "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 127.0.0.1:30003@31003,hostname3 master - 0 1426238318243 3 connected 10923-16383\n"
    "6ec23923021cf3ffec47632106199cb7f496ce01 127.0.0.1:30005@31005,hostname5 slave 67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 0 1426238316232 5 connected\n"
    "824fe116063bc5fcf9f4ffd895bc17aee7731ac3 127.0.0.1:30006@31006,hostname6 slave 292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 0 1426238317741 6 connected\n"
    "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@31001,hostname1 myself,master - 0 0 1 connected 0-5460 [93->-292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f]\n";

void TestRedisInspector::parseNodes()
{
    auto nodes = parseClusterNodes(kNodes);
    QVERIFY2(nodes.ok(), qPrintable(nodes.errorString()));
    QCOMPARE(nodes->size(), 6);
    const RedisNode &me = nodes->at(5);
    QCOMPARE(me.host, u"127.0.0.1"_s);
    QCOMPARE(me.port, 30001);
    QVERIFY(me.isMaster());
    QVERIFY(me.flags.contains(u"myself"_s));
    QCOMPARE(me.slotRanges, (QList<SlotRange>{{0, 5460}})); // the migration marker is not ownership
    QCOMPARE(nodes->at(0).masterId, u"e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca"_s);
    QVERIFY(nodes->at(0).connected);
}

void TestRedisInspector::parseNodesErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("empty") << QByteArray("\n") << u"empty answer"_s;
    QTest::addRow("short line") << QByteArray("abc 127.0.0.1:1@2 master\n") << u"line 1: expected at least 8"_s;
    QTest::addRow("bad port") << QByteArray("a 127.0.0.1:x@2 master - 0 0 1 connected\n") << u"ip:port@cport"_s;
    QTest::addRow("bad slots") << QByteArray("a 1.2.3.4:1@2 master - 0 0 1 connected 9-3\n") << u"bad slot range \"9-3\""_s;
}

void TestRedisInspector::parseNodesErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    auto nodes = parseClusterNodes(text);
    QVERIFY(!nodes.ok());
    QVERIFY2(nodes.errorString().contains(expected), qPrintable(nodes.errorString()));
}

void TestRedisInspector::parseInfoFields()
{
    const auto info = parseInfo("# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\nslave_repl_offset:1234\r\n\r\n"
                                "# Memory\r\nused_memory:1598440\r\nmaxmemory:0\r\n");
    QCOMPARE(info.value(u"role"_s), u"slave"_s);
    QCOMPARE(info.value(u"slave_repl_offset"_s), u"1234"_s);
    QCOMPARE(info.value(u"used_memory"_s), u"1598440"_s);
    QVERIFY(!info.contains(u"# Memory"_s));
}

void TestRedisInspector::shardsAndScenario()
{
    auto nodes = parseClusterNodes(kNodes).value();
    nodes[5].maxMemoryBytes = 2e9;
    nodes[1].usedMemoryBytes = 3e9;
    nodes[1].maxMemoryBytes = 0;
    const auto t = groupShards(nodes);
    QCOMPARE(t.shards.size(), 3);
    QCOMPARE(t.slotsAssigned, 16384);
    QVERIFY(t.warnings.isEmpty());
    QCOMPARE(t.shards[0].master.port, 30001);
    QCOMPARE(t.shards[0].replicas.size(), 1);
    QCOMPARE(t.shards[0].replicas[0].port, 30004);
    QCOMPARE(t.shards[1].slotCount(), 10922 - 5461 + 1);
    const auto r = toScenarioRedis(t, 3);
    QCOMPARE(r.shards, 3);
    QCOMPARE(r.replicasPerShard, 1);
    QCOMPARE(r.maxMemoryPerShardBytes, 3e9); // unlimited maxmemory: used memory counts
    QCOMPARE(r.sentinels, 3);

    nodes.removeAt(2); // the 10923-16383 master is gone
    const auto broken = groupShards(nodes);
    QCOMPARE(broken.shards.size(), 2);
    QVERIFY(broken.warnings.join(u' ').contains(u"10923 of 16384"_s));
    QCOMPARE(broken.otherNodes.size(), 1); // its replica is an orphan
}

void TestRedisInspector::tlsIsRefusedClearly()
{
    RedisEndpoint ep;
    ep.port = 1;
    ep.tls = true;
    auto r = inspectRedisCluster(ep);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"redis://127.0.0.1:1"_s) && r.errorString().contains(u"no TLS support"_s),
             qPrintable(r.errorString()));
}

void TestRedisInspector::unreachableSeedNamesAddress()
{
    RedisEndpoint ep;
    ep.port = 1; // nothing listens on port 1
    ep.timeout = std::chrono::milliseconds(500);
    ep.password = u"hunter2"_s;
    auto future = inspectRedisClusterAsync(ep);
    QVERIFY(waitFor(future, std::chrono::seconds(10)));
    const QString text = future.result().errorString();
    QVERIFY2(text.contains(u"redis://127.0.0.1:1: cannot connect"_s), qPrintable(text));
    QVERIFY(!text.contains(u"hunter2"_s));
}

static bool live() { return qEnvironmentVariableIsSet("HEADROOM_LIVE"); }

RedisEndpoint TestRedisInspector::liveSeed()
{
    const QString seed = qEnvironmentVariable("HEADROOM_TEST_REDIS");
    RedisEndpoint ep;
    ep.host = seed.section(u':', 0, 0);
    ep.port = seed.section(u':', 1, 1).toInt();
    return ep;
}

void TestRedisInspector::liveCluster()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/redis-cluster.sh");
    const RedisEndpoint seed = liveSeed();
    QVERIFY2(seed.port > 0, "HEADROOM_TEST_REDIS is not set (Redis Cluster seed, 127.0.0.1:7000)");
    auto future = inspectRedisClusterAsync(seed);
    QVERIFY(waitFor(future, std::chrono::seconds(60)));
    const auto r = future.result();
    QVERIFY2(r.ok(), qPrintable(u"Redis Cluster at %1: "_s.arg(seed.address()).append(r.errorString())));
    QCOMPARE(r->clusterState, u"ok"_s);
    QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join(u'\n')));
    QCOMPARE(r->shards.size(), 3);
    QCOMPARE(r->slotsAssigned, 16384);
    const QList<QList<SlotRange>> expectedSlots{{{0, 5460}}, {{5461, 10922}}, {{10923, 16383}}};
    QSet<int> ports;
    for (qsizetype i = 0; i < 3; ++i) {
        const RedisShard &s = r->shards[i];
        QCOMPARE(s.slotRanges, expectedSlots[i]);
        QCOMPARE(s.master.port, 7000 + int(i)); // redis-cli --cluster create gives the first three the slots
        QCOMPARE(s.master.health, u"online"_s);
        QVERIFY(s.master.usedMemoryBytes.value_or(0) > 0);
        QVERIFY(s.master.replicationOffset.has_value());
        QCOMPARE(s.replicas.size(), 1);
        const RedisNode &replica = s.replicas[0];
        QVERIFY(replica.port >= 7003 && replica.port <= 7005);
        QCOMPARE(replica.masterId, s.master.id);
        QCOMPARE(replica.linkStatus, u"up"_s);
        QVERIFY(replica.lagBytes.has_value() && *replica.lagBytes >= 0);
        ports << s.master.port << replica.port;
    }
    QCOMPARE(ports.size(), 6);
    const auto scenario = toScenarioRedis(r.value());
    QCOMPARE(scenario.shards, 3);
    QCOMPARE(scenario.replicasPerShard, 1);
    QVERIFY(scenario.maxMemoryPerShardBytes > 0);
}

void TestRedisInspector::liveSentinel()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/redis-cluster.sh");
    const RedisEndpoint seed = liveSeed();
    QVERIFY2(seed.port > 0, "HEADROOM_TEST_REDIS is not set (Redis Cluster seed, 127.0.0.1:7000)");
    // A Sentinel of our own, watching the first master of the cluster.
    QTemporaryDir dir;
    QFile conf(dir.filePath(u"sentinel.conf"_s));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    const int port = 27379;
    conf.write(QStringLiteral("port %1\nbind 127.0.0.1\ndir %2\nsentinel monitor shard0 %3 %4 1\n")
                   .arg(port).arg(dir.path(), seed.host).arg(seed.port).toUtf8());
    conf.close();
    QProcess sentinel;
    sentinel.start(u"redis-server"_s, {conf.fileName(), u"--sentinel"_s});
    QVERIFY2(sentinel.waitForStarted(5000), "redis-server --sentinel did not start");
    RedisEndpoint ep;
    ep.host = u"127.0.0.1"_s;
    ep.port = port;
    ep.attempts = 1;
    headroom::model::Result<QList<SentinelMaster>> r = headroom::model::makeError(u"not run"_s);
    for (int i = 0; i < 50 && !r.ok(); ++i) { // up within a second or two
        auto f = inspectSentinelAsync(ep);
        QVERIFY(waitFor(f, std::chrono::seconds(10)));
        r = f.result();
        if (!r.ok())
            QTest::qWait(100);
    }
    sentinel.terminate();
    sentinel.waitForFinished(5000);
    QVERIFY2(r.ok(), qPrintable(u"Sentinel on 127.0.0.1:27379: "_s.append(r.errorString())));
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->at(0).name, u"shard0"_s);
    QCOMPARE(r->at(0).port, seed.port);
    QCOMPARE(r->at(0).quorum, 1);
    QVERIFY(r->at(0).flags.contains(u"master"_s));
}

QTEST_GUILESS_MAIN(TestRedisInspector)
#include "tst_redisinspector.moc"
