#include "core/model/scenarioio.h"
#include "core/topology/sharding.h"

#include <QTest>

#include <algorithm>

using namespace headroom::topology;
using headroom::model::ShardHash;

Q_DECLARE_METATYPE(headroom::model::ShardHash)

class TestSharding : public QObject {
    Q_OBJECT

private slots:
    void hashKeyIsFnv1aThenFmix();
    void jumpKeyOf_data();
    void jumpKeyOf();
    void jumpIsMonotone();
    void placementIsEven_data();
    void placementIsEven();
    void movedFraction_data();
    void movedFraction();
    void consistentSchemesOnlyMoveToNewShards_data();
    void consistentSchemesOnlyMoveToNewShards();
    void ringOwnershipSumsToOne();
    void zipfMakesHotShard();
    void rejectsBadInput();
    void scenarioSharderFollowsSpec();
};

void TestSharding::hashKeyIsFnv1aThenFmix()
{
    // FNV-1a 64 reference values: "" -> offset basis, "a" -> 0xaf63dc4c8601ec8c, "foobar" -> 0x85944171f73967e8.
    QCOMPARE(hashKey(""), mix64(0xcbf29ce484222325ULL));
    QCOMPARE(hashKey("a"), mix64(0xaf63dc4c8601ec8cULL));
    QCOMPARE(hashKey("foobar"), mix64(0x85944171f73967e8ULL));
    QVERIFY(mix64(1) != mix64(2));
    QCOMPARE(mix64(0), std::uint64_t(0)); // fmix64 fixes zero
}

void TestSharding::jumpKeyOf_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("literal");
    QTest::addColumn<quint64>("value");
    QTest::addRow("zero") << QByteArray("0") << true << quint64(0);
    QTest::addRow("number") << QByteArray("123456") << true << quint64(123456);
    QTest::addRow("max") << QByteArray("18446744073709551615") << true << quint64(18446744073709551615ULL);
    QTest::addRow("overflow") << QByteArray("18446744073709551616") << false << quint64(0);
    QTest::addRow("leading zero") << QByteArray("0123") << true << quint64(123);
    QTest::addRow("max with zeros") << QByteArray("0018446744073709551615") << true << quint64(18446744073709551615ULL);
    QTest::addRow("empty") << QByteArray() << false << quint64(0);
    QTest::addRow("space") << QByteArray("12 ") << false << quint64(0);
    QTest::addRow("signed") << QByteArray("-1") << false << quint64(0);
    QTest::addRow("text") << QByteArray("user:42") << false << quint64(0);
}

void TestSharding::jumpKeyOf()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, literal);
    QFETCH(quint64, value);
    const std::string_view view(key.constData(), size_t(key.size()));
    QCOMPARE(headroom::topology::jumpKeyOf(view), literal ? value : hashKey(view));
}

void TestSharding::jumpIsMonotone()
{
    // Growing n -> n + 1 either keeps a key or sends it to the new bucket n.
    for (std::uint64_t key = 0; key < 2000; ++key) {
        const std::uint64_t k = mix64(key + 1);
        for (int n = 1; n < 40; ++n) {
            const int a = jumpConsistentHash(k, n);
            const int b = jumpConsistentHash(k, n + 1);
            QVERIFY(a >= 0 && a < n);
            QVERIFY(b == a || b == n);
        }
    }
    QCOMPARE(jumpConsistentHash(0, 1000), 0); // key 0 never leaves bucket 0
}

void TestSharding::placementIsEven_data()
{
    QTest::addColumn<ShardHash>("method");
    QTest::addColumn<double>("maxImbalance");
    QTest::addRow("modulo") << ShardHash::Modulo << 1.03;
    QTest::addRow("jump") << ShardHash::JumpHash << 1.03;
    QTest::addRow("rendezvous") << ShardHash::Rendezvous << 1.03;
    QTest::addRow("ring 160 vnodes") << ShardHash::ConsistentHash << 1.25;
}

void TestSharding::placementIsEven()
{
    QFETCH(ShardHash, method);
    QFETCH(double, maxImbalance);
    const Sharder sharder(method, 10, 160);
    std::vector<int> counts(10, 0);
    for (int i = 0; i < 100000; ++i) {
        const QByteArray key = "user:" + QByteArray::number(i);
        ++counts[size_t(sharder.locateKey(std::string_view(key.constData(), size_t(key.size()))))];
    }
    const double imbalance = *std::max_element(counts.begin(), counts.end()) / 10000.0;
    QVERIFY2(imbalance < maxImbalance, qPrintable(QString::number(imbalance)));
}

void TestSharding::movedFraction_data()
{
    QTest::addColumn<ShardHash>("method");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    QTest::addColumn<bool>("exact");
    // Modulo n -> n+1 moves n/(n+1); consistent schemes about 1/(n+1).
    QTest::addRow("modulo 3->4") << ShardHash::Modulo << 3 << 4 << 0.75 << 1e-12 << true;
    QTest::addRow("modulo 10->11") << ShardHash::Modulo << 10 << 11 << 10.0 / 11 << 1e-12 << true;
    QTest::addRow("modulo 4->8 keeps half") << ShardHash::Modulo << 4 << 8 << 0.5 << 1e-12 << true;
    QTest::addRow("modulo 6->4") << ShardHash::Modulo << 6 << 4 << 1 - 4.0 / 12 << 1e-12 << true;
    QTest::addRow("jump 10->11") << ShardHash::JumpHash << 10 << 11 << 1.0 / 11 << 1e-12 << true;
    QTest::addRow("jump 11->10") << ShardHash::JumpHash << 11 << 10 << 1.0 / 11 << 1e-12 << true;
    QTest::addRow("ring 10->11") << ShardHash::ConsistentHash << 10 << 11 << 1.0 / 11 << 0.02 << false;
    QTest::addRow("ring 100->101") << ShardHash::ConsistentHash << 100 << 101 << 1.0 / 101 << 0.004 << false;
    QTest::addRow("rendezvous 10->11") << ShardHash::Rendezvous << 10 << 11 << 1.0 / 11 << 0.005 << false;
    QTest::addRow("rendezvous 5->4") << ShardHash::Rendezvous << 5 << 4 << 0.2 << 0.005 << false;
}

void TestSharding::movedFraction()
{
    QFETCH(ShardHash, method);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    QFETCH(bool, exact);
    const auto move = analyseMove(method, from, to, 200000);
    QVERIFY2(move.ok(), qPrintable(move.errorString()));
    QVERIFY2(qAbs(move->movedFraction - expected) <= tolerance,
             qPrintable(QStringLiteral("moved %1, expected %2").arg(move->movedFraction).arg(expected)));
    QCOMPARE(move->exact, exact);
    QVERIFY(move->movedFraction >= move->minimalFraction - tolerance);
    QVERIFY(move->imbalanceAfter >= 1.0);
    QVERIFY(move->imbalanceAfter < (method == ShardHash::ConsistentHash ? 1.4 : 1.05));
}

void TestSharding::consistentSchemesOnlyMoveToNewShards_data()
{
    QTest::addColumn<ShardHash>("method");
    QTest::addRow("ring") << ShardHash::ConsistentHash;
    QTest::addRow("jump") << ShardHash::JumpHash;
    QTest::addRow("rendezvous") << ShardHash::Rendezvous;
}

void TestSharding::consistentSchemesOnlyMoveToNewShards()
{
    QFETCH(ShardHash, method);
    const Sharder before(method, 7);
    const Sharder after(method, 9);
    int moved = 0;
    for (std::uint64_t i = 0; i < 20000; ++i) {
        const std::uint64_t h = mix64(i * 7919 + 3);
        const int a = before.locate(h);
        const int b = after.locate(h);
        if (a != b) {
            QVERIFY2(b >= 7, qPrintable(QStringLiteral("key moved from %1 to old shard %2").arg(a).arg(b)));
            ++moved;
        }
    }
    QVERIFY(moved > 0);
}

void TestSharding::ringOwnershipSumsToOne()
{
    const HashRing ring(50, 100);
    const std::vector<double> share = ring.ownership();
    double total = 0;
    for (const double s : share) {
        QVERIFY(s > 0.005 && s < 0.04); // ~2 % each with spread ~1/sqrt(100)
        total += s;
    }
    QVERIFY(qAbs(total - 1) < 1e-9);
    QCOMPARE(HashRing(1, 1).ownership().front(), 1.0);
}

void TestSharding::zipfMakesHotShard()
{
    const Sharder sharder(ShardHash::JumpHash, 10);
    const auto flat = zipfHotShard(sharder, 100000, 0);
    const auto skewed = zipfHotShard(sharder, 100000, 1.2);
    QVERIFY(flat.ok() && skewed.ok());
    QVERIFY(flat->imbalance < 1.05);
    QVERIFY2(skewed->imbalance > 2, qPrintable(QString::number(skewed->imbalance)));
    QVERIFY(skewed->loadShare >= skewed->hottestKeyShare);
    QVERIFY(qAbs(skewed->hottestKeyShare - 0.196) < 0.005); // 1 / H(100000, 1.2)
}

void TestSharding::rejectsBadInput()
{
    const auto zero = analyseMove(ShardHash::Modulo, 0, 3);
    QVERIFY(!zero.ok());
    QVERIFY(zero.errorString().contains(u"at least 1"));
    QVERIFY(!analyseMove(ShardHash::Rendezvous, 3, 4, 0).ok());
    const auto hugeRing = analyseMove(ShardHash::ConsistentHash, 1'000'000, 1'000'001, 10, 100);
    QVERIFY(!hugeRing.ok());
    QVERIFY(hugeRing.errorString().contains(u"virtual nodes"));
    QVERIFY(!analyseMove(ShardHash::Rendezvous, 100'000, 100'001, 100'000).ok());
    QVERIFY(!zipfHotShard(Sharder(ShardHash::Rendezvous, 100'000), 100'000'000, 1).ok());
    QVERIFY(!zipfHotShard(Sharder(ShardHash::Modulo, 3), 10, -1).ok());
    const auto cancelled = analyseMove(ShardHash::ConsistentHash, 3, 4, 1 << 20, 160, [](int, int) { return false; });
    QVERIFY(!cancelled.ok());
}

void TestSharding::scenarioSharderFollowsSpec()
{
    const auto scenario = headroom::model::defaultScenario();
    const Sharder sharder = scenarioSharder(scenario);
    QCOMPARE(sharder.method(), ShardHash::Modulo);
    QCOMPARE(sharder.shards(), 3);
    QCOMPARE(sharder.locateKey("user:1"), int(hashKey("user:1") % 3));
}

QTEST_GUILESS_MAIN(TestSharding)
#include "tst_sharding.moc"
