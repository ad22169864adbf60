#include "core/model/scenarioio.h"
#include "core/topology/regions.h"

#include <QTest>

using namespace headroom::topology;
using headroom::model::BalancingAlgorithm;

Q_DECLARE_METATYPE(headroom::model::BalancingAlgorithm)

namespace {

const TierRegionImpact *impact(const RegionLoss &loss, const QString &tier, const QString &region)
{
    for (const TierRegionImpact &t : loss.impacts) {
        if (t.tier == tier && t.region == region)
            return &t;
    }
    return nullptr;
}

double shareAfter(const RegionLoss &loss, const QString &region)
{
    for (qsizetype i = 0; i < loss.before.size(); ++i) {
        if (loss.before[i].regionId == region)
            return loss.globalShareAfter[i];
    }
    return -1;
}

} // namespace

class TestRegions : public QObject {
    Q_OBJECT

private slots:
    void hierarchyFromPlan();
    void hierarchyWarnsAndNormalises();
    void spread_data();
    void spread();
    void ipHashOutageRemapsClients();
    void healthCheckTiming_data();
    void healthCheckTiming();
    void regionLossMovesToSiblings();
    void regionLossNamesOverflowingTiers_data();
    void regionLossNamesOverflowingTiers();
    void groupLossGoesThroughGlobalBalancer();
    void regionLossRejectsUnknownRegion();
};

void TestRegions::hierarchyFromPlan()
{
    const RegionHierarchy h = regionHierarchy(headroom::model::defaultScenario());
    QCOMPARE(h.regions.size(), 9);
    QVERIFY(h.warnings.isEmpty());
    double total = 0;
    for (const RegionShare &r : h.regions)
        total += r.globalShare();
    QVERIFY(qAbs(total - 1) < 1e-12);
    QVERIFY(qAbs(h.regions[h.indexOf(u"us-east-1")].globalShare() - 0.225) < 1e-12);
    QVERIFY(qAbs(h.regions[h.indexOf(u"ap-south-1")].globalShare() - 0.05) < 1e-12);
}

void TestRegions::hierarchyWarnsAndNormalises()
{
    auto s = headroom::model::defaultScenario();
    s.spec.regions.groups[0].regions[0].trafficShare = 150; // NA regions now add to 200
    const RegionHierarchy h = regionHierarchy(s);
    QCOMPARE(h.warnings.size(), 1);
    QCOMPARE(h.warnings[0].fieldPath, u"spec.regions.groups[0].regions"_qs);
    QVERIFY(h.warnings[0].message.contains(u"200"));
    QVERIFY(qAbs(h.regions[0].regionShare - 0.75) < 1e-12);
}

void TestRegions::spread_data()
{
    // Two unequal backends: capacity 300 (weight 3) and 100 (weight 1), 200 units offered.
    QTest::addColumn<BalancingAlgorithm>("algorithm");
    QTest::addColumn<double>("bigShare");
    QTest::addColumn<double>("maxUtilisation");
    QTest::addColumn<double>("imbalance");
    QTest::addRow("round robin overloads the small one") << BalancingAlgorithm::RoundRobin << 0.5 << 1.0 << 2.0;
    QTest::addRow("weighted round robin") << BalancingAlgorithm::WeightedRoundRobin << 0.75 << 0.5 << 1.0;
    QTest::addRow("least connections follows capacity") << BalancingAlgorithm::LeastConnections << 0.75 << 0.5 << 1.0;
    QTest::addRow("random") << BalancingAlgorithm::Random << 0.5 << 1.0 << 2.0;
}

void TestRegions::spread()
{
    QFETCH(BalancingAlgorithm, algorithm);
    QFETCH(double, bigShare);
    QFETCH(double, maxUtilisation);
    QFETCH(double, imbalance);
    const BalancerSpread s = spreadLoad(algorithm, {{u"big"_qs, 300, 3}, {u"small"_qs, 100, 1}}, 200);
    QCOMPARE(s.backends[0].share, bigShare);
    QCOMPARE(s.backends[0].load, 200 * bigShare);
    QCOMPARE(s.maxUtilisation, maxUtilisation);
    QCOMPARE(s.imbalance, imbalance);
}

void TestRegions::ipHashOutageRemapsClients()
{
    QList<Backend> backends{{u"a"_qs, 100}, {u"b"_qs, 100}, {u"c"_qs, 100}, {u"d"_qs, 100}};
    const BalancerSpread healthy = spreadLoad(BalancingAlgorithm::IpHash, backends, 100, true);
    for (const BackendLoad &b : healthy.backends)
        QVERIFY2(qAbs(b.share - 0.25) < 0.02, qPrintable(QString::number(b.share)));
    QCOMPARE(healthy.remappedClients, 0.0);
    backends[3].healthy = false;
    const BalancerSpread degraded = spreadLoad(BalancingAlgorithm::IpHash, backends, 100, true);
    QCOMPARE(degraded.backends[3].share, 0.0);
    // hash mod 4 -> hash mod 3 keeps only 3 of 12 residues: about 3/4 of the clients lose their backend.
    QVERIFY2(qAbs(degraded.remappedClients - 0.75) < 0.03, qPrintable(QString::number(degraded.remappedClients)));
    QCOMPARE(degraded.brokenSessions, degraded.remappedClients);
    QCOMPARE(spreadLoad(BalancingAlgorithm::IpHash, backends, 100, false).brokenSessions, 0.0);
}

void TestRegions::healthCheckTiming_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("minSeconds");
    QTest::addColumn<int>("maxSeconds");
    QTest::addRow("global 30s x3 + 5s") << 0 << 65 << 95;
    QTest::addRow("regional 10s x2 + 3s") << 1 << 13 << 23;
    QTest::addRow("application 5s x2 + 2s") << 2 << 7 << 12;
}

void TestRegions::healthCheckTiming()
{
    QFETCH(int, level);
    QFETCH(int, minSeconds);
    QFETCH(int, maxSeconds);
    const auto s = headroom::model::defaultScenario();
    const HealthCheckTiming t = headroom::topology::healthCheckTiming(s.spec.loadBalancing[level]);
    QCOMPARE(t.detectMin, Milliseconds(minSeconds * 1000));
    QCOMPARE(t.detectMax, Milliseconds(maxSeconds * 1000));
    QCOMPARE(t.failoverMax(), Milliseconds((maxSeconds + 30) * 1000));
}

void TestRegions::regionLossMovesToSiblings()
{
    const auto s = headroom::model::defaultScenario();
    const auto loss = regionLoss(s, {{u"eu-west-1"_qs}});
    QVERIFY2(loss.ok(), qPrintable(loss.errorString()));
    QCOMPARE(shareAfter(loss.value(), u"eu-west-1"_qs), 0.0);
    QVERIFY(qAbs(shareAfter(loss.value(), u"eu-central-1"_qs) - (0.14 + 0.1575 * 40 / 55)) < 1e-12);
    QVERIFY(qAbs(shareAfter(loss.value(), u"eu-north-1"_qs) - (0.0525 + 0.1575 * 15 / 55)) < 1e-12);
    QVERIFY(qAbs(shareAfter(loss.value(), u"us-east-1"_qs) - 0.225) < 1e-12);
    QCOMPARE(loss->detection, Milliseconds(23'000 + 30'000)); // regional health check + drain
    QCOMPARE(loss->impacts.size(), 3 * 8);
}

void TestRegions::regionLossNamesOverflowingTiers_data()
{
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<QStringList>("overflowing");
    QTest::addColumn<double>("webExcessPercent"); // eu-central-1
    QTest::addColumn<bool>("apiTransient");
    // Web: 100K users on at most 50 x 1000 is over capacity everywhere; eu-central-1 keeps 7 replicas
    // (5600 usable users) and gets 25454.5 users after the loss: +354.5 %.
    QTest::addRow("baseline") << 1.0 << QStringList{u"web"_qs} << 354.545 << true;
    QTest::addRow("peak x1.5") << 1.5 << QStringList{u"web"_qs} << 581.818 << true;
    QTest::addRow("x4 overflows the API too") << 4.0 << QStringList{u"web"_qs, u"api"_qs} << 1718.18 << false;
}

void TestRegions::regionLossNamesOverflowingTiers()
{
    QFETCH(double, multiplier);
    QFETCH(QStringList, overflowing);
    QFETCH(double, webExcessPercent);
    QFETCH(bool, apiTransient);
    const auto s = headroom::model::defaultScenario();
    RegionLossOptions options;
    options.lostRegions = {u"eu-west-1"_qs};
    options.demandMultiplier = multiplier;
    const auto loss = regionLoss(s, options);
    QVERIFY(loss.ok());
    QCOMPARE(loss->overflowingTiers, overflowing);
    const TierRegionImpact *web = impact(loss.value(), u"web"_qs, u"eu-central-1"_qs);
    QVERIFY(web && web->exceedsUsable && web->exceedsCapacity && web->exceededBefore);
    QVERIFY2(qAbs(web->excessPercent - webExcessPercent) < 0.01, qPrintable(QString::number(web->excessPercent)));
    QCOMPARE(web->overloadDuration, Milliseconds(7'200'000 - 53'000));
    const TierRegionImpact *api = impact(loss.value(), u"api"_qs, u"eu-central-1"_qs);
    QCOMPARE(api->transientOverload, apiTransient);
    if (apiTransient) // 15 s sync + 15 s metrics + 90 s node + 30 s pod start-up
        QCOMPARE(api->overloadDuration, Milliseconds(150'000));
    QVERIFY(!loss->summary.isEmpty());
    QVERIFY(loss->summary.join(u'\n').contains(u"web in eu-central-1"));
    QVERIFY(loss->summary.join(u'\n').contains(u"already over before the loss"));
}

void TestRegions::groupLossGoesThroughGlobalBalancer()
{
    const auto s = headroom::model::defaultScenario();
    const auto loss = regionLoss(s, {{u"eu-west-1"_qs, u"eu-central-1"_qs, u"eu-north-1"_qs}});
    QVERIFY(loss.ok());
    QVERIFY(qAbs(shareAfter(loss.value(), u"us-east-1"_qs) - (0.225 + 0.35 * 45 / 65 * 0.5)) < 1e-12);
    QVERIFY(qAbs(shareAfter(loss.value(), u"ap-south-1"_qs) - (0.05 + 0.35 * 20 / 65 * 0.25)) < 1e-12);
    QCOMPARE(loss->detection, Milliseconds(95'000 + 30'000));
    double total = 0;
    for (const double v : loss->globalShareAfter)
        total += v;
    QVERIFY(qAbs(total - 1) < 1e-12);
}

void TestRegions::regionLossRejectsUnknownRegion()
{
    const auto loss = regionLoss(headroom::model::defaultScenario(), {{u"mars-1"_qs}});
    QVERIFY(!loss.ok());
    QVERIFY(loss.errorString().contains(u"mars-1"));
    QVERIFY(loss.errorString().contains(u"us-east-1"));
    QCOMPARE(loss.error().fieldPath, u"spec.regions"_qs);
}

QTEST_GUILESS_MAIN(TestRegions)
#include "tst_regions.moc"
