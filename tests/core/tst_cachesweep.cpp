#include "core/topology/cachehierarchy.h"

#include <QTest>

#include <cmath>

using namespace headroom;
using namespace headroom::topology;

namespace {

model::CacheLevel level(int number, model::CacheType type, double gigabytes, int ttlMinutes, model::EvictionPolicy policy,
                        int copies = 1)
{
    model::CacheLevel l;
    l.level = number;
    l.type = type;
    l.capacityBytes = gigabytes * 1e9;
    l.ttl = std::chrono::minutes(ttlMinutes);
    l.evictionPolicy = policy;
    l.replicationFactor = copies;
    return l;
}

} // namespace

class TestCacheSweep : public QObject {
    Q_OBJECT
private slots:
    void estimateAgreesWithAnalysis_data();
    void estimateAgreesWithAnalysis();
};

void TestCacheSweep::estimateAgreesWithAnalysis_data()
{
    using model::CacheType;
    using model::EvictionPolicy;
    QTest::addColumn<QList<model::CacheLevel>>("levels");
    QTest::newRow("lru") << QList<model::CacheLevel>{level(1, CacheType::Redis, 8, 0, EvictionPolicy::AllKeysLru)};
    QTest::newRow("browser cdn lfu redis")
        << QList<model::CacheLevel>{level(1, CacheType::Browser, 0.05, 60, EvictionPolicy::Lru),
                                    level(2, CacheType::Cdn, 10, 24 * 60, EvictionPolicy::Lru, 3),
                                    level(3, CacheType::Memory, 8, 30, EvictionPolicy::Lfu, 2),
                                    level(4, CacheType::Redis, 64, 120, EvictionPolicy::AllKeysLru)};
    QTest::newRow("fifo and random") << QList<model::CacheLevel>{level(1, CacheType::Memory, 2, 0, EvictionPolicy::Fifo, 2),
                                                                 level(2, CacheType::Redis, 6, 0, EvictionPolicy::AllKeysRandom)};
    QTest::newRow("short ttl binds") << QList<model::CacheLevel>{level(1, CacheType::Cdn, 50, 1, EvictionPolicy::Lru)};
    model::CacheLevel fixed = level(1, CacheType::Cdn, 1, 0, EvictionPolicy::Lru);
    fixed.hitRatio = 75;
    QTest::newRow("fixed ratio then lru") << QList<model::CacheLevel>{fixed, level(2, CacheType::Redis, 4, 0, EvictionPolicy::AllKeysLru)};
}

// A sweep over users, as the write-ceiling search makes it: every estimate within 1e-9 of the exact
// evaluation (the search trusts it only outside 1e-6), or nullopt.
void TestCacheSweep::estimateAgreesWithAnalysis()
{
    QFETCH(QList<model::CacheLevel>, levels);
    CacheSweepState state;
    int estimated = 0;
    for (double users = 2'000; users < 5e7; users *= 1.9) {
        WorkingSet ws;
        ws.objects = std::ceil(users * 500'000 / 16'384);
        ws.requestsPerSecond = users * 0.1;
        ws.concurrentUsers = users;
        const auto exact = analyseCaches(levels, ws, 2);
        QVERIFY2(exact.ok(), qPrintable(exact.errorString()));
        const std::optional<double> estimate = estimateDatabaseQueries(levels, ws, 2, state);
        if (!estimate)
            continue;
        ++estimated;
        const double difference = std::fabs(*estimate - exact->databaseQueriesPerSecond);
        QVERIFY2(difference <= 1e-9 * exact->databaseQueriesPerSecond, qPrintable(QStringLiteral("users %1: %2 vs %3").arg(users).arg(*estimate, 0, 'g', 17)
                                                 .arg(exact->databaseQueriesPerSecond, 0, 'g', 17)));
    }
    QVERIFY(estimated > 10);
}

QTEST_GUILESS_MAIN(TestCacheSweep)
#include "tst_cachesweep.moc"
