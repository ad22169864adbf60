#include "core/model/scenarioio.h"
#include "core/topology/databasetopology.h"

#include <QTest>

using namespace headroom::topology;

class TestDatabaseTopology : public QObject {
    Q_OBJECT

private slots:
    void webToolsPro();
    void writeCeiling_data();
    void writeCeiling();
    void sessionModeNeedsAServerConnectionPerClient();
    void lagGrowsWithWriteLoad();
    void rejectsMissingPrimaries();
};

void TestDatabaseTopology::webToolsPro()
{
    // 100K users x 0.1 req/s x 2 queries = 20000 q/s: 4000 writes, 16000 reads over 3 primaries.
    const auto load = analyseDatabase(headroom::model::defaultScenario());
    QVERIFY2(load.ok(), qPrintable(load.errorString()));
    QCOMPARE(load->queriesPerSecond, 20000.0);
    QCOMPARE(load->writesPerSecond, 4000.0);
    QCOMPARE(load->primaries.size(), 3);
    const PrimaryLoad &m1 = load->primaries[0];
    QVERIFY(qAbs(m1.writesPerSecond - 4000.0 / 3) < 1e-9);
    QVERIFY(qAbs(m1.writeUtilisation - 0.26667) < 1e-4);
    // master-1's two replicas feed the warehouse, which takes a quarter of each.
    QCOMPARE(m1.readCapacity, 15000.0);
    QCOMPARE(load->primaries[1].readCapacity, 10000.0);
    QVERIFY(qAbs(load->primaries[1].readUtilisation - 0.53333) < 1e-4);
    // (50 + 100 + 200) app replicas x 10 connections = 3500 > maxClientConnections 2000.
    QCOMPARE(load->clientConnections, 3500.0);
    QVERIFY(load->clientLimitExceeded);
    // 6666.7 q/s per primary / 100 queries per connection = 66.7 connections > pool of 20.
    QVERIFY(qAbs(m1.serverConnectionsNeeded - 66.667) < 1e-3);
    QCOMPARE(m1.serverConnections, 20.0);
    QVERIFY(load->poolSaturated);
    QVERIFY(!load->serverLimitExceeded);
    QVERIFY(m1.lagWithinBudget);
    QVERIFY(qAbs(m1.replicationLagMs - 50 / (1 - 4.0 / 15)) < 1e-9);
    QVERIFY(load->findings.join(u'\n').contains(u"maxClientConnections 2000"));
}

void TestDatabaseTopology::writeCeiling_data()
{
    QTest::addColumn<double>("queries");
    QTest::addColumn<double>("multiple");
    QTest::addColumn<int>("shards");
    QTest::addRow("today") << 20000.0 << 3.75 << 1;
    QTest::addRow("at the ceiling") << 75000.0 << 1.0 << 3;
    QTest::addRow("twice the ceiling") << 150000.0 << 0.5 << 6;
}

void TestDatabaseTopology::writeCeiling()
{
    QFETCH(double, queries);
    QFETCH(double, multiple);
    QFETCH(int, shards);
    DatabaseOptions options;
    options.queriesPerSecond = queries;
    const auto load = analyseDatabase(headroom::model::defaultScenario(), options);
    QVERIFY(load.ok());
    QVERIFY(qAbs(load->writeCeilingMultiple - multiple) < 1e-9);
    QVERIFY(qAbs(load->writeCeilingUsers - 100000 * multiple) < 1e-6);
    QCOMPARE(load->shardsNeededForWrites, shards);
    QCOMPARE(load->primaries[0].writeUtilisation > 1, multiple < 1);
}

void TestDatabaseTopology::sessionModeNeedsAServerConnectionPerClient()
{
    auto s = headroom::model::defaultScenario();
    s.spec.database.proxy.poolMode = headroom::model::PoolMode::Session;
    DatabaseOptions options;
    options.appReplicas = 300;
    const auto load = analyseDatabase(s, options);
    QCOMPARE(load->primaries[0].serverConnections, 1000.0); // 3000 clients over 3 primaries
    QVERIFY(load->serverLimitExceeded);                     // > maxConnectionsPerPrimary 500
}

void TestDatabaseTopology::lagGrowsWithWriteLoad()
{
    DatabaseOptions options;
    options.queriesPerSecond = 72000; // 4800 writes per primary: 96 % busy
    const auto load = analyseDatabase(headroom::model::defaultScenario(), options);
    QVERIFY(qAbs(load->primaries[0].replicationLagMs - 50 / 0.04) < 1e-6);
    QVERIFY(!load->primaries[0].lagWithinBudget);
    QVERIFY(load->findings.join(u'\n').contains(u"replication lag"));
}

void TestDatabaseTopology::rejectsMissingPrimaries()
{
    auto s = headroom::model::defaultScenario();
    s.spec.database.primaries.clear();
    const auto load = analyseDatabase(s);
    QVERIFY(!load.ok());
    QCOMPARE(load.error().fieldPath, u"spec.database.primaries"_qs);
}

QTEST_GUILESS_MAIN(TestDatabaseTopology)
#include "tst_databasetopology.moc"
