#include "core/topology/clusterlayout.h"
#include "core/topology/redisslots.h"

#include <QTest>

using namespace headroom::topology;

class TestRedisSlots : public QObject {
    Q_OBJECT

private slots:
    void crc16CheckValue();
    void keySlot_data();
    void keySlot();
    void hashTag_data();
    void hashTag();
    void createLayout_data();
    void createLayout();
    void createRejectsFewerThanThreeMasters();
    void extraNodesBecomeReplicasInOrder();
    void rebalanceAddsMasterLikeRedisCli();
    void rebalanceRespectsThreshold_data();
    void rebalanceRespectsThreshold();
    void rebalanceWithoutEmptyMastersIgnoresThem();
    void removeMasterHandsSlotsToOthers();
    void removeMasterRejectsBadIndex();
    void rebalanceIsConsistent_data();
    void rebalanceIsConsistent();
};

void TestRedisSlots::crc16CheckValue()
{
    QCOMPARE(crc16Xmodem("123456789"), std::uint16_t(0x31C3));
    QCOMPARE(crc16Xmodem(""), std::uint16_t(0));
}

void TestRedisSlots::keySlot_data()
{
    // Recorded with CLUSTER KEYSLOT on redis-server 7.0.15 (API-NOTES.md §4.3 and this test's own capture).
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("slot");
    QTest::addRow("somekey") << u"somekey"_qs << 11058;
    QTest::addRow("tag foo") << u"foo{hash_tag}"_qs << 2515;
    QTest::addRow("tag bar") << u"bar{hash_tag}"_qs << 2515;
    QTest::addRow("digits") << u"123456789"_qs << 12739;
    QTest::addRow("foo") << u"foo"_qs << 12182;
    QTest::addRow("bar") << u"bar"_qs << 5061;
    QTest::addRow("empty tag hashes whole key") << u"foo{}{bar}"_qs << 8363;
    QTest::addRow("tag holds a brace") << u"foo{{bar}}zap"_qs << 4015;
    QTest::addRow("first tag wins") << u"foo{bar}{zap}"_qs << 5061;
    QTest::addRow("only braces") << u"{}"_qs << 15257;
    QTest::addRow("empty key") << QString() << 0;
    QTest::addRow("utf-8 latin") << u"käse"_qs << 7438;
    QTest::addRow("utf-8 cyrillic") << u"ключ"_qs << 10303;
    QTest::addRow("tag at start") << u"{user:1000}.following"_qs << 1649;
    QTest::addRow("utf-8 tag") << u"日本語{タグ}x"_qs << 9716;
}

void TestRedisSlots::keySlot()
{
    QFETCH(QString, key);
    QFETCH(int, slot);
    QCOMPARE(headroom::topology::keySlot(key.toUtf8()), slot);
}

void TestRedisSlots::hashTag_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("hashed");
    QTest::addRow("no braces") << u"user:1"_qs << u"user:1"_qs;
    QTest::addRow("simple tag") << u"a{b}c"_qs << u"b"_qs;
    QTest::addRow("open only") << u"a{bc"_qs << u"a{bc"_qs;
    QTest::addRow("close before open") << u"a}b{c"_qs << u"a}b{c"_qs;
    QTest::addRow("close before and after") << u"a}b{c}"_qs << u"c"_qs;
    QTest::addRow("empty first tag") << u"{}{x}"_qs << u"{}{x}"_qs;
    QTest::addRow("nested") << u"{{x}}"_qs << u"{x"_qs;
}

void TestRedisSlots::hashTag()
{
    QFETCH(QString, key);
    QFETCH(QString, hashed);
    const QByteArray bytes = key.toUtf8();
    const std::string_view tag = hashTagOf(std::string_view(bytes.constData(), size_t(bytes.size())));
    QCOMPARE(QString::fromUtf8(tag.data(), qsizetype(tag.size())), hashed);
}

void TestRedisSlots::createLayout_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<QList<int>>("lastSlots"); // last slot of each master's single range
    QTest::addRow("3 masters, recorded") << 6 << 1 << QList<int>{5460, 10922, 16383};
    QTest::addRow("3 masters alone") << 3 << 0 << QList<int>{5460, 10922, 16383};
    QTest::addRow("4 masters") << 4 << 0 << QList<int>{4095, 8191, 12287, 16383};
    QTest::addRow("5 masters") << 10 << 1 << QList<int>{3276, 6553, 9829, 13106, 16383};
    QTest::addRow("6 masters") << 18 << 2 << QList<int>{2730, 5460, 8191, 10922, 13652, 16383};
    QTest::addRow("7 masters") << 7 << 0 << QList<int>{2340, 4680, 7021, 9361, 11702, 14042, 16383};
}

void TestRedisSlots::createLayout()
{
    QFETCH(int, nodes);
    QFETCH(int, replicas);
    QFETCH(QList<int>, lastSlots);
    const auto layout = createClusterLayout(nodes, replicas);
    QVERIFY2(layout.ok(), qPrintable(layout.errorString()));
    QCOMPARE(layout->masterCount(), lastSlots.size());
    int first = 0;
    for (int m = 0; m < layout->masterCount(); ++m) {
        QCOMPARE(layout->ranges(m), (QList<SlotRange>{{first, lastSlots[m]}}));
        QCOMPARE(layout->master(m).replicas, replicas);
        first = lastSlots[m] + 1;
    }
    QCOMPARE(layout->unassignedSlots(), 0);
}

void TestRedisSlots::createRejectsFewerThanThreeMasters()
{
    const auto layout = createClusterLayout(5, 1);
    QVERIFY(!layout.ok());
    QVERIFY2(layout.errorString().contains(u"at least 3 master"), qPrintable(layout.errorString()));
    QVERIFY(layout.errorString().contains(u"at least 6 nodes"));
}

void TestRedisSlots::extraNodesBecomeReplicasInOrder()
{
    const auto layout = createClusterLayout(8, 1); // 8 / 2 = 4 masters, no extras
    QCOMPARE(layout->masterCount(), 4);
    QCOMPARE(layout->master(0).replicas, 1);
    const auto extra = createClusterLayout(7, 1); // 3 masters, 3 replicas, 1 extra to master 0
    QCOMPARE(extra->masterCount(), 3);
    QCOMPARE(extra->master(0).replicas, 2);
    QCOMPARE(extra->master(1).replicas, 1);
    QCOMPARE(extra->master(2).replicas, 1);
}

void TestRedisSlots::rebalanceAddsMasterLikeRedisCli()
{
    const ClusterLayout three = layoutForMasters(3, 1);
    const RebalancePlan plan = addMasterAndRebalance(three, {QStringLiteral("master-4"), 1});
    QVERIFY(plan.needed);
    QCOMPARE(plan.balance, (QList<int>{1365, 1366, 1365, -4096}));
    // The largest giver (master 2, 5462 slots) goes first, then masters 3 and 1 (ties in order).
    QCOMPARE(plan.moves.size(), 3);
    QCOMPARE(plan.moves[0].from, 1);
    QCOMPARE(plan.moves[0].ranges, (QList<SlotRange>{{5461, 6826}}));
    QCOMPARE(plan.moves[1].from, 2);
    QCOMPARE(plan.moves[1].ranges, (QList<SlotRange>{{10923, 12287}}));
    QCOMPARE(plan.moves[2].from, 0);
    QCOMPARE(plan.moves[2].ranges, (QList<SlotRange>{{0, 1364}}));
    for (const SlotMove &move : plan.moves)
        QCOMPARE(move.to, 3);
    QCOMPARE(plan.movedSlots(), 4096);
    QCOMPARE(plan.after.slotCount(3), 4096);
    QCOMPARE(plan.after.slotCount(1), 4096);
    QCOMPARE(plan.after.unassignedSlots(), 0);
}

void TestRedisSlots::rebalanceRespectsThreshold_data()
{
    QTest::addColumn<int>("firstMasterSlots");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("needed");
    QTest::addRow("create layout is balanced") << 5461 << 2.0 << false;
    QTest::addRow("9 pct off exceeds 2 pct") << 5000 << 2.0 << true;
    QTest::addRow("9 pct off within 10 pct") << 5000 << 10.0 << false;
    QTest::addRow("threshold 0 never triggers") << 4000 << 0.0 << false;
}

void TestRedisSlots::rebalanceRespectsThreshold()
{
    QFETCH(int, firstMasterSlots);
    QFETCH(double, threshold);
    QFETCH(bool, needed);
    ClusterLayout layout = layoutForMasters(3, 0);
    // Hand the first master's top slots to master 2 so it owns `firstMasterSlots`.
    layout.assign(SlotRange{firstMasterSlots, 5460}, 1);
    RebalanceOptions options;
    options.thresholdPercent = threshold;
    const RebalancePlan plan = rebalance(layout, options);
    QCOMPARE(plan.needed, needed);
    QCOMPARE(plan.moves.isEmpty(), !needed);
    if (needed) {
        // Expected 5461 each; the one slot left by rounding goes to the first taker, master 1.
        QCOMPARE(plan.after.slotCount(0), 5462);
        QCOMPARE(plan.movedSlots(), 5462 - firstMasterSlots);
    }
}

void TestRedisSlots::rebalanceWithoutEmptyMastersIgnoresThem()
{
    ClusterLayout layout = layoutForMasters(3, 0);
    layout.addMaster({QStringLiteral("empty"), 0});
    const RebalancePlan plan = rebalance(layout);
    QVERIFY(!plan.needed);
    QCOMPARE(plan.after.slotCount(3), 0);
}

void TestRedisSlots::removeMasterHandsSlotsToOthers()
{
    const ClusterLayout four = layoutForMasters(4, 1);
    const auto plan = removeMasterAndRebalance(four, 1);
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QCOMPARE(plan->after.masterCount(), 3);
    QCOMPARE(plan->movedSlots(), 4096);
    QCOMPARE(plan->after.unassignedSlots(), 0);
    for (const SlotMove &move : plan->moves)
        QCOMPARE(move.from, 1);
    // 16384/3 = 5461.33: expected 5461 each, the leftover slot goes to the first taker in order.
    QList<int> counts;
    for (int m = 0; m < 3; ++m)
        counts << plan->after.slotCount(m);
    std::sort(counts.begin(), counts.end());
    QCOMPARE(counts, (QList<int>{5461, 5461, 5462}));
}

void TestRedisSlots::removeMasterRejectsBadIndex()
{
    const auto plan = removeMasterAndRebalance(layoutForMasters(3, 0), 7);
    QVERIFY(!plan.ok());
    QVERIFY(plan.errorString().contains(u"index 7"));
}

void TestRedisSlots::rebalanceIsConsistent_data()
{
    QTest::addColumn<int>("masters");
    for (int n : {3, 5, 8, 16, 100})
        QTest::addRow("%d -> %d", n, n + 1) << n;
}

void TestRedisSlots::rebalanceIsConsistent()
{
    QFETCH(int, masters);
    const RebalancePlan plan = addMasterAndRebalance(layoutForMasters(masters, 0), {QStringLiteral("new"), 0});
    // Only the newcomer's share moves: about 1/(n+1) of the slots (plus the rounding leftovers that
    // redis-cli charges to it, 16384 - (n+1) x int(16384/(n+1))), and the layout stays complete.
    QCOMPARE(plan.after.unassignedSlots(), 0);
    const int expected = kClusterSlots / (masters + 1);
    QCOMPARE(plan.movedSlots(), kClusterSlots - masters * expected);
    QVERIFY(qAbs(plan.movedFraction() - 1.0 / (masters + 1)) < 0.002);
    QCOMPARE(plan.movedSlots(), plan.after.slotsDifferentFrom(layoutForMasters(masters, 0)));
    QVERIFY(plan.after.slotCount(masters) >= kClusterSlots / (masters + 1));
}

QTEST_GUILESS_MAIN(TestRedisSlots)
#include "tst_redisslots.moc"
