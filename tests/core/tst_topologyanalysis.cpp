#include "core/model/scenarioio.h"
#include "core/topology/topologyanalysis.h"

#include <QTest>

#include <cmath>

using namespace headroom::topology;

class TestTopologyAnalysis : public QObject {
    Q_OBJECT

private slots:
    void webToolsPro();
    void regionLossWhatIf();
    void monthForUsers_data();
    void monthForUsers();
    void badScenarioIsAnError();
    void writeCeilingFollowsItsInputs();
};

void TestTopologyAnalysis::webToolsPro()
{
    const auto s = headroom::model::defaultScenario();
    const auto a = analyseTopology(s);
    QVERIFY2(a.ok(), qPrintable(a.errorString()));
    QCOMPARE(a->regions.regions.size(), 9);
    QVERIFY(!a->regionLoss);
    // The database sees only what misses every cache level.
    QCOMPARE(a->database.queriesPerSecond, a->caches.databaseQueriesPerSecond);
    QVERIFY(a->database.queriesPerSecond < 20000);
    // At the ceiling the busiest primary writes its capacity; the month follows the growth phases.
    auto atCeiling = s;
    atCeiling.spec.demand.concurrentUsers = a->database.writeCeilingUsers;
    const auto caches = scenarioCaches(atCeiling);
    QVERIFY(qAbs(caches->databaseQueriesPerSecond * 0.2 / 3 / 5000 - 1) < 0.001);
    QCOMPARE(a->writeCeilingMonth, headroom::topology::monthForUsers(s, a->database.writeCeilingUsers));
    // The working set grows with the users, so caches absorb less: the ceiling comes in phase 2
    // (about 0.9M users, month 17.5), far earlier than today's hit ratios would suggest.
    QVERIFY(a->writeCeilingMonth && *a->writeCeilingMonth > 6 && *a->writeCeilingMonth < 18);
    QVERIFY(a->database.findings.last().contains(QString::number(std::round(a->database.writeCeilingUsers), 'f', 0)));
    QCOMPARE(a->redisLayout.masterCount(), 3);
    QCOMPARE(a->redisMemory.size(), 3);
    QVERIFY(a->redisMasterFailure.promoted);
    QVERIFY(a->sentinels && a->sentinels->canFailover);
    QVERIFY(a->addShard && a->addShard->exact);
    QCOMPARE(a->addShard->movedFraction, 0.75); // modulo 3 -> 4
    qInfo("caches: overall hit %.4f, database %.1f q/s (of %.0f), write ceiling at %.0f users, month %.1f",
          a->caches.overallHitRatio(), a->database.queriesPerSecond, 20000.0, a->database.writeCeilingUsers,
          a->writeCeilingMonth.value_or(-1));
    for (const CacheLevelLoad &l : a->caches.levels)
        qInfo("  level %d: %.1f req/s arriving, hit %.4f%s", l.level, l.arrivingPerSecond, l.hitRatio,
              l.ttlBound ? " (TTL-bound)" : "");
    for (const ShardMemory &m : a->redisMemory)
        qInfo("  redis master %d: %.1f GB of %.0f GB", m.master, m.usedBytes / 1e9, m.maxMemoryBytes / 1e9);
}

void TestTopologyAnalysis::regionLossWhatIf()
{
    TopologyOptions options;
    options.lostRegions = {u"eu-west-1"_qs};
    options.demandMultiplier = 1.5;
    const auto a = analyseTopology(headroom::model::defaultScenario(), options);
    QVERIFY(a.ok());
    QVERIFY(a->regionLoss);
    QCOMPARE(a->regionLoss->overflowingTiers, QStringList{u"web"_qs});
    for (const QString &line : a->regionLoss->summary)
        qInfo("%s", qPrintable(line));
}

void TestTopologyAnalysis::monthForUsers_data()
{
    QTest::addColumn<double>("users");
    QTest::addColumn<double>("month");
    QTest::addRow("start") << 5000.0 << 0.0;
    QTest::addRow("end of phase 1") << 100000.0 << 6.0;
    QTest::addRow("sqrt(10) x 100K in phase 2") << 316227.766 << 12.0;
    QTest::addRow("1M") << 1e6 << 18.0;
    QTest::addRow("beyond the plan") << 2e7 << -1.0;
}

void TestTopologyAnalysis::monthForUsers()
{
    QFETCH(double, users);
    QFETCH(double, month);
    const auto m = headroom::topology::monthForUsers(headroom::model::defaultScenario(), users);
    QCOMPARE(m.has_value(), month >= 0);
    if (m)
        QVERIFY2(qAbs(*m - month) < 1e-6, qPrintable(QString::number(*m)));
}

void TestTopologyAnalysis::badScenarioIsAnError()
{
    auto s = headroom::model::defaultScenario();
    s.spec.redisCluster.sentinelQuorum = 7;
    const auto a = analyseTopology(s);
    QVERIFY(!a.ok());
    QCOMPARE(a.error().fieldPath, u"spec.redisCluster.sentinelQuorum"_qs);
    TopologyOptions options;
    options.lostRegions = {u"nowhere"_qs};
    QVERIFY(!analyseTopology(headroom::model::defaultScenario(), options).ok());
}

// The write ceiling's last answer is kept for the next analysis with the same inputs: a change of
// anything it reads (the database, the caches, the demand) computes it again, a change of
// anything else (a tier's maximum) takes it over.
void TestTopologyAnalysis::writeCeilingFollowsItsInputs()
{
    const auto base = headroom::model::defaultScenario();
    const auto ceiling = [](const headroom::model::Scenario &s) {
        const auto a = analyseTopology(s);
        return a.ok() ? a->database.writeCeilingUsers : -1.0;
    };
    const double first = ceiling(base);
    QVERIFY(first > base.spec.demand.concurrentUsers && std::isfinite(first));

    auto moreWrites = base;
    moreWrites.spec.database.writeFraction *= 2;
    auto smallerCache = base;
    auto &level = smallerCache.spec.cacheHierarchy.front();
    level.hitRatio = level.hitRatio ? *level.hitRatio * 0.5 : 20.0;
    level.capacityBytes *= 0.1;
    auto moreQueries = base;
    moreQueries.spec.demand.dbQueriesPerRequest *= 2;
    auto biggerTier = base;
    biggerTier.spec.tiers.front().autoscaling.maxReplicas += 10;
    // each right after the base: a kept answer for inputs it does not match would show here
    for (const auto *changed : {&moreWrites, &smallerCache, &moreQueries}) {
        QCOMPARE(ceiling(base), first);
        const double other = ceiling(*changed);
        QVERIFY2(other > 0 && other != first, qPrintable(QStringLiteral("%1 vs %2").arg(other).arg(first)));
    }
    QCOMPARE(ceiling(biggerTier), first);
    QCOMPARE(ceiling(base), first);
}

QTEST_GUILESS_MAIN(TestTopologyAnalysis)
#include "tst_topologyanalysis.moc"
