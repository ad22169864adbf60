#include "core/model/scenarioio.h"
#include "core/topology/cachehierarchy.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace headroom::topology;
using headroom::model::CacheLevel;
using headroom::model::CacheType;
using headroom::model::EvictionPolicy;

Q_DECLARE_METATYPE(headroom::model::EvictionPolicy)

namespace {

CacheLevel level(int number, double capacityObjects, EvictionPolicy policy, Milliseconds ttl = Milliseconds(86'400'000))
{
    CacheLevel l;
    l.level = number;
    l.type = CacheType::Redis;
    l.capacityBytes = capacityObjects * 1000;
    l.ttl = ttl;
    l.evictionPolicy = policy;
    return l;
}

WorkingSet workingSet(double objects, double exponent, double rate = 1000)
{
    WorkingSet ws;
    ws.objects = objects;
    ws.zipfExponent = exponent;
    ws.objectBytes = 1000;
    ws.requestsPerSecond = rate;
    return ws;
}

// Che's approximation over every single object, as a reference for the bucketed model.
double bruteForceLruHit(int objects, double s, double capacity)
{
    std::vector<double> p(static_cast<size_t>(objects));
    double total = 0;
    for (int r = 1; r <= objects; ++r)
        total += p[size_t(r - 1)] = std::pow(r, -s);
    const auto occupancy = [&](double t) {
        double sum = 0;
        for (const double q : p)
            sum += 1 - std::exp(-q / total * t);
        return sum;
    };
    double lo = 1e-6, hi = 1e12;
    for (int i = 0; i < 80; ++i) {
        const double mid = std::sqrt(lo * hi);
        (occupancy(mid) < capacity ? lo : hi) = mid;
    }
    double hit = 0;
    for (const double q : p)
        hit += q / total * (1 - std::exp(-q / total * lo));
    return hit;
}

} // namespace

class TestCacheHierarchy : public QObject {
    Q_OBJECT

private slots:
    void uniformPopularityHitsCapacityShare_data();
    void uniformPopularityHitsCapacityShare();
    void lruMatchesPerObjectChe_data();
    void lruMatchesPerObjectChe();
    void lfuKeepsTheMostPopular();
    void ttlBindsWhenShort();
    void fixedHitRatioAndHierarchy();
    void webToolsPro();
    void coldCacheRampsBack();
    void rejectsBadInput();
};

void TestCacheHierarchy::uniformPopularityHitsCapacityShare_data()
{
    QTest::addColumn<EvictionPolicy>("policy");
    QTest::addRow("LRU") << EvictionPolicy::Lru;
    QTest::addRow("FIFO") << EvictionPolicy::Fifo;
    QTest::addRow("LFU") << EvictionPolicy::Lfu;
    QTest::addRow("allkeys-random") << EvictionPolicy::AllKeysRandom;
}

void TestCacheHierarchy::uniformPopularityHitsCapacityShare()
{
    // Without popularity skew every policy holds C of N equally likely objects: hit ratio C / N.
    QFETCH(EvictionPolicy, policy);
    const auto load = analyseCaches({level(1, 100, policy, Milliseconds(1'000'000'000))}, workingSet(1000, 0), 1);
    QVERIFY(load.ok());
    QVERIFY2(qAbs(load->levels[0].hitRatio - 0.1) < 0.002, qPrintable(QString::number(load->levels[0].hitRatio)));
}

void TestCacheHierarchy::lruMatchesPerObjectChe_data()
{
    QTest::addColumn<double>("exponent");
    QTest::addColumn<double>("capacity");
    QTest::addRow("s=0.8, 10 pct") << 0.8 << 2000.0;
    QTest::addRow("s=1.0, 1 pct") << 1.0 << 200.0;
    QTest::addRow("s=0.6, 25 pct") << 0.6 << 5000.0;
}

void TestCacheHierarchy::lruMatchesPerObjectChe()
{
    QFETCH(double, exponent);
    QFETCH(double, capacity);
    const auto load = analyseCaches({level(1, capacity, EvictionPolicy::AllKeysLru)}, workingSet(20000, exponent), 1);
    const double reference = bruteForceLruHit(20000, exponent, capacity);
    QVERIFY2(qAbs(load->levels[0].hitRatio - reference) < 0.005,
             qPrintable(QStringLiteral("%1 vs %2").arg(load->levels[0].hitRatio).arg(reference)));
    QVERIFY(!load->levels[0].ttlBound);
}

void TestCacheHierarchy::lfuKeepsTheMostPopular()
{
    // Perfect LFU of 1000 objects out of 100000 with s = 1: H(1000) / H(100000) = 7.4855 / 12.0901.
    const auto load = analyseCaches({level(1, 1000, EvictionPolicy::Lfu, Milliseconds(1'000'000'000'000))},
                                    workingSet(100000, 1.0, 1e6), 1);
    QVERIFY2(qAbs(load->levels[0].hitRatio - 7.4855 / 12.0901) < 0.005, qPrintable(QString::number(load->levels[0].hitRatio)));
    const auto lru = analyseCaches({level(1, 1000, EvictionPolicy::Lru)}, workingSet(100000, 1.0, 1e6), 1);
    QVERIFY(lru->levels[0].hitRatio < load->levels[0].hitRatio);
}

void TestCacheHierarchy::ttlBindsWhenShort()
{
    // Everything fits, but objects expire after 1 s: uniform 1000 objects at 1000 req/s each see
    // 1 request per second, so x = 1 and the hit ratio is x / (1 + x) = 0.5.
    const auto load = analyseCaches({level(1, 1e6, EvictionPolicy::Lru, Milliseconds(1000))}, workingSet(1000, 0), 1);
    QVERIFY(load->levels[0].ttlBound);
    QVERIFY(qAbs(load->levels[0].hitRatio - 0.5) < 1e-9);
}

void TestCacheHierarchy::fixedHitRatioAndHierarchy()
{
    CacheLevel first = level(1, 0, EvictionPolicy::Lru);
    first.hitRatio = 40;
    const auto load = analyseCaches({level(2, 500, EvictionPolicy::Lru), first}, workingSet(10000, 0.9), 3);
    QVERIFY(load.ok());
    QCOMPARE(load->levels[0].level, 1); // sorted by level
    QVERIFY(qAbs(load->levels[0].hitRatio - 0.4) < 1e-9);
    QVERIFY(qAbs(load->levels[1].arrivingPerSecond - 600) < 1e-6);
    QVERIFY(qAbs(load->levels[1].missesPerSecond - load->originPerSecond) < 1e-9);
    QVERIFY(qAbs(load->databaseQueriesPerSecond - 3 * load->originPerSecond) < 1e-9);
    QVERIFY(load->overallHitRatio() > 0.4 && load->overallHitRatio() < 1);
}

void TestCacheHierarchy::webToolsPro()
{
    const auto s = headroom::model::defaultScenario();
    const auto load = scenarioCaches(s);
    QVERIFY2(load.ok(), qPrintable(load.errorString()));
    QCOMPARE(load->levels.size(), 4);
    QCOMPARE(load->requestsPerSecond, 10000.0);
    QCOMPARE(load->levels[0].copies, 100000); // a browser cache per concurrent user
    QCOMPARE(load->levels[1].copies, 3);      // CDN points of presence
    QCOMPARE(load->levels[3].copies, 1);      // Redis replicas hold the same data
    // The 64 GB Redis level holds the whole 50 GB working set: only its 2 h TTL makes misses.
    QVERIFY(load->levels[3].ttlBound);
    for (qsizetype i = 1; i < load->levels.size(); ++i)
        QVERIFY(load->levels[i].arrivingPerSecond <= load->levels[i - 1].arrivingPerSecond + 1e-9);
    QVERIFY(load->overallHitRatio() > 0.5 && load->overallHitRatio() < 1);
    QVERIFY(load->databaseQueriesPerSecond < 20000 * (1 - 0.5));
}

void TestCacheHierarchy::coldCacheRampsBack()
{
    const auto s = headroom::model::defaultScenario();
    const WorkingSet ws = scenarioWorkingSet(s);
    const auto steady = scenarioCaches(s);
    const auto ramp = coldCacheRamp(s.spec.cacheHierarchy, ws, 2, 4, Milliseconds(7'200'000), Milliseconds(60'000));
    QVERIFY2(ramp.ok(), qPrintable(ramp.errorString()));
    QCOMPARE(ramp->points.size(), 121);
    QCOMPARE(ramp->points[0].hitRatio, 0.0);
    QVERIFY(qAbs(ramp->steadyDatabaseQps - steady->databaseQueriesPerSecond) < 1e-6);
    // Right after the flush everything the Redis level absorbed reaches the database.
    QVERIFY(qAbs(ramp->peakDatabaseQps - steady->levels[3].arrivingPerSecond * 2) < 1e-6);
    QVERIFY(ramp->peakDatabaseQps > 2 * ramp->steadyDatabaseQps);
    for (qsizetype i = 1; i < ramp->points.size(); ++i)
        QVERIFY(ramp->points[i].databaseQueriesPerSecond <= ramp->points[i - 1].databaseQueriesPerSecond + 1e-9);
    QVERIFY(ramp->secondsToRecover > 0 && ramp->secondsToRecover <= 7200);
    QVERIFY(qAbs(ramp->points.last().hitRatio - steady->levels[3].hitRatio) < 0.01);
}

void TestCacheHierarchy::rejectsBadInput()
{
    QVERIFY(!analyseCaches({}, workingSet(0, 0.8), 1).ok());
    QVERIFY(!analyseCaches({}, workingSet(INFINITY, 0.8), 1).ok());
    QVERIFY(!analyseCaches({}, workingSet(NAN, 0.8), 1).ok());
    QVERIFY(!analyseCaches({}, workingSet(1000, 0.8, -5), 1).ok());
    const auto s = headroom::model::defaultScenario();
    const auto ramp = coldCacheRamp(s.spec.cacheHierarchy, scenarioWorkingSet(s), 2, 9, Milliseconds(60'000),
                                    Milliseconds(1000));
    QVERIFY(!ramp.ok());
    QVERIFY(ramp.errorString().contains(u"no cache level 9"));
}

QTEST_GUILESS_MAIN(TestCacheHierarchy)
#include "tst_cachehierarchy.moc"
