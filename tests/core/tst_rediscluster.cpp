#include "core/model/scenarioio.h"
#include "core/topology/rediscluster.h"

#include <QTest>

using namespace headroom::topology;

class TestRedisCluster : public QObject {
    Q_OBJECT

private slots:
    void scenarioLayout();
    void memoryPerShard();
    void hashTagPinsAGroupToOneShard();
    void masterFailurePromotesReplica();
    void masterFailureWithoutReplicaOrMajority();
    void sentinels_data();
    void sentinels();
    void sentinelsRejectBadQuorum();
};

void TestRedisCluster::scenarioLayout()
{
    const ClusterLayout layout = scenarioClusterLayout(headroom::model::defaultScenario());
    QCOMPARE(layout.masterCount(), 3);
    QCOMPARE(layout.master(0).replicas, 2);
    QCOMPARE(layout.ranges(2), (QList<SlotRange>{{10923, 16383}}));
}

void TestRedisCluster::memoryPerShard()
{
    const auto s = headroom::model::defaultScenario();
    const KeyGroup group = scenarioKeyGroup(s, 4096);
    QVERIFY(qAbs(group.keys - 100000 * 500e3 / 4096) < 1e-3); // 50 GB of 4 KiB values
    const QList<ShardMemory> shards = headroom::topology::memoryPerShard(scenarioClusterLayout(s), {group}, 64e9);
    QCOMPARE(shards.size(), 3);
    double total = 0;
    for (const ShardMemory &m : shards) {
        total += m.usedBytes;
        QVERIFY(!m.overflows());
        QVERIFY(qAbs(m.utilisation() - group.keys * m.slotCount / 16384 * (24 + 4096 + 64) / 64e9) < 1e-12);
    }
    QVERIFY(qAbs(total - group.keys * (24 + 4096 + 64)) < 1);
    QCOMPARE(shards[1].slotCount, 5462);
    QVERIFY(shards[1].usedBytes > shards[0].usedBytes);
}

void TestRedisCluster::hashTagPinsAGroupToOneShard()
{
    const ClusterLayout layout = layoutForMasters(3, 1);
    KeyGroup sessions{u"sessions"_qs, 1e6, 20, 500, {}};
    KeyGroup tagged{u"leaderboard"_qs, 2e6, 20, 100, QByteArray("board")};
    const int owner = layout.ownerOf(keySlot(QByteArray("board")));
    const QList<ShardMemory> shards = headroom::topology::memoryPerShard(layout, {sessions, tagged}, 1e9, 0);
    QVERIFY(shards[owner].overflows() == false);
    QVERIFY(qAbs(shards[owner].keys - (2e6 + 1e6 * shards[owner].slotCount / 16384)) < 1e-6);
    for (int m = 0; m < 3; ++m) {
        if (m != owner)
            QVERIFY(shards[m].keys < 0.34e6);
    }
}

void TestRedisCluster::masterFailurePromotesReplica()
{
    const MasterFailure f = failMaster(layoutForMasters(3, 1), 2);
    QVERIFY(f.promoted);
    QVERIFY(f.majorityAvailable);
    QCOMPARE(f.slotCount, 5461);
    QCOMPARE(f.replicasLeft, 0);
    QCOMPARE(f.outageMin, Milliseconds(16'500)); // 15 s node timeout + 1 s FAIL gossip + 0.5 s delay
    QCOMPARE(f.outageMax, Milliseconds(17'000));
    QVERIFY(qAbs(f.capacityDuring - (1 - 5461.0 / 16384)) < 1e-12);
    QCOMPARE(f.capacityAfter, 1.0);
    QVERIFY(f.explanation.contains(u"promoted"));
    FailoverSettings fast;
    fast.nodeTimeout = Milliseconds(5000);
    QVERIFY(failMaster(layoutForMasters(3, 1), 0, fast).outageMax < Milliseconds(9000)); // recorded: < 9 s
}

void TestRedisCluster::masterFailureWithoutReplicaOrMajority()
{
    const MasterFailure lonely = failMaster(layoutForMasters(3, 0), 1);
    QVERIFY(!lonely.promoted);
    QCOMPARE(lonely.capacityAfter, lonely.capacityDuring);
    QVERIFY(lonely.explanation.contains(u"no replica"));
    const MasterFailure two = failMaster(layoutForMasters(2, 1), 0); // 1 of 2 masters is no majority
    QVERIFY(!two.majorityAvailable);
    QVERIFY(!two.promoted);
    QVERIFY(two.clusterDown);
}

void TestRedisCluster::sentinels_data()
{
    QTest::addColumn<int>("sentinels");
    QTest::addColumn<int>("quorum");
    QTest::addColumn<int>("down");
    QTest::addColumn<int>("votesNeeded");
    QTest::addColumn<bool>("canDetect");
    QTest::addColumn<bool>("canFailover");
    QTest::addColumn<int>("tolerated");
    QTest::addColumn<int>("warnings");
    QTest::addRow("plan: 3 with quorum 2") << 3 << 2 << 0 << 2 << true << true << 1 << 0;
    QTest::addRow("3/2 losing one") << 3 << 2 << 1 << 2 << true << true << 1 << 0;
    QTest::addRow("3/2 losing two") << 3 << 2 << 2 << 2 << false << false << 1 << 0;
    QTest::addRow("5/2 minority detects, cannot elect") << 5 << 2 << 3 << 3 << true << false << 2 << 1;
    QTest::addRow("quorum above majority") << 5 << 4 << 2 << 4 << false << false << 1 << 0;
    QTest::addRow("even count") << 4 << 3 << 0 << 3 << true << true << 1 << 1;
    QTest::addRow("two sentinels") << 2 << 1 << 1 << 2 << true << false << 0 << 3;
}

void TestRedisCluster::sentinels()
{
    QFETCH(int, sentinels);
    QFETCH(int, quorum);
    QFETCH(int, down);
    QFETCH(int, votesNeeded);
    QFETCH(bool, canDetect);
    QFETCH(bool, canFailover);
    QFETCH(int, tolerated);
    QFETCH(int, warnings);
    const auto a = assessSentinels(sentinels, quorum, down);
    QVERIFY(a.ok());
    QCOMPARE(a->votesNeeded, votesNeeded);
    QCOMPARE(a->canDetect, canDetect);
    QCOMPARE(a->canFailover, canFailover);
    QCOMPARE(a->toleratedFailures, tolerated);
    QCOMPARE(a->warnings.size(), warnings);
}

void TestRedisCluster::sentinelsRejectBadQuorum()
{
    const auto a = assessSentinels(3, 4);
    QVERIFY(!a.ok());
    QCOMPARE(a.error().fieldPath, u"spec.redisCluster.sentinelQuorum"_qs);
    QVERIFY(a.errorString().contains(u"got 4"));
    const auto plan = scenarioSentinels(headroom::model::defaultScenario());
    QVERIFY(plan.ok() && plan->canFailover && plan->quorum == 2);
}

QTEST_GUILESS_MAIN(TestRedisCluster)
#include "tst_rediscluster.moc"
