// The characteristic time of the first cache level must be exactly (bit for bit) what a plain
// bisection on log T over all Zipf buckets gives: the solver answers most of its comparisons from a
// Newton estimate of the crossing and must never answer one differently.
#include "core/topology/cachehierarchy.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace headroom::topology;
using headroom::model::CacheLevel;
using headroom::model::CacheType;
using headroom::model::EvictionPolicy;

namespace {

struct Bucket {
    double count = 0;
    double rate = 0;
};

// The working set's buckets, as documented in cachehierarchy.h (single ranks below 100, then 3 % steps).
std::vector<Bucket> referenceBuckets(const WorkingSet &ws)
{
    std::vector<Bucket> buckets;
    const double n = std::max(1.0, std::floor(ws.objects));
    const double s = ws.zipfExponent;
    double rank = 1;
    double total = 0;
    while (rank <= n) {
        const double last = rank < 100 ? rank : std::min(n, std::floor(rank * 1.03));
        double mass = 0;
        if (last == rank) {
            mass = std::pow(rank, -s);
        } else {
            const double lo = rank - 0.5;
            const double hi = last + 0.5;
            mass = std::abs(s - 1) < 1e-9 ? std::log(hi / lo) : (std::pow(hi, 1 - s) - std::pow(lo, 1 - s)) / (1 - s);
        }
        buckets.push_back({last - rank + 1, mass});
        total += mass;
        rank = last + 1;
    }
    for (Bucket &b : buckets)
        b.rate = ws.requestsPerSecond * b.rate / total / b.count;
    return buckets;
}

// The plain bisection: every comparison sums every bucket.
double referenceCharacteristicTime(const std::vector<Bucket> &in, double perCopy, bool fifo, double capacity)
{
    const auto occupancy = [&](double t) {
        double sum = 0;
        for (const Bucket &b : in) {
            const double x = b.rate * perCopy * t;
            sum += b.count * (fifo ? x / (1 + x) : -std::expm1(-x));
        }
        return sum;
    };
    double objects = 0;
    for (const Bucket &b : in)
        objects += b.rate > 0 ? b.count : 0;
    if (objects <= capacity)
        return std::numeric_limits<double>::infinity();
    if (capacity <= 0)
        return 0;
    double lo = 1e-9;
    double hi = 1;
    while (occupancy(hi) < capacity && hi < 1e15)
        hi *= 16;
    for (int i = 0; i < 45; ++i) {
        const double mid = std::sqrt(lo * hi);
        (occupancy(mid) < capacity ? lo : hi) = mid;
    }
    return std::sqrt(lo * hi);
}

} // namespace

class TestCheTime : public QObject {
    Q_OBJECT
private slots:
    void sameAsPlainBisection_data();
    void sameAsPlainBisection();
};

void TestCheTime::sameAsPlainBisection_data()
{
    QTest::addColumn<unsigned>("seed");
    for (unsigned seed = 1; seed <= 40; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestCheTime::sameAsPlainBisection()
{
    QFETCH(unsigned, seed);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    WorkingSet ws;
    ws.objectBytes = 1000;
    ws.objects = std::floor(std::pow(10, 1 + 6 * unit(rng)));         // 10 .. 10^7 objects
    ws.zipfExponent = seed % 7 == 0 ? 1.0 : 0.3 + 1.2 * unit(rng);      // includes s = 1 exactly
    ws.requestsPerSecond = std::pow(10, -1 + 6 * unit(rng));           // 0.1 .. 10^5 req/s
    const EvictionPolicy policies[] = {EvictionPolicy::Lru, EvictionPolicy::Fifo, EvictionPolicy::AllKeysRandom};
    const EvictionPolicy policy = policies[seed % 3];
    CacheLevel level;
    level.level = 1;
    level.type = CacheType::Cdn;
    level.replicationFactor = 1 + int(rng() % 8);
    level.evictionPolicy = policy;
    level.ttl = Milliseconds(0);
    // from a sliver of the working set up to nearly all of it
    const double share = seed % 5 == 0 ? 0.999 : std::pow(10, -4 * unit(rng));
    level.capacityBytes = std::floor(ws.objects * share) * ws.objectBytes;

    const auto load = analyseCaches({level}, ws, 1.0);
    QVERIFY(load.ok());
    const double expected = referenceCharacteristicTime(referenceBuckets(ws), 1.0 / level.replicationFactor,
                                                        policy != EvictionPolicy::Lru,
                                                        level.capacityBytes / ws.objectBytes);
    const double got = load->levels.at(0).characteristicSeconds;
    if (std::isinf(expected))
        QVERIFY(std::isinf(got));
    else
        QCOMPARE(std::bit_cast<quint64>(got), std::bit_cast<quint64>(expected)); // identical bits
}

QTEST_GUILESS_MAIN(TestCheTime)
#include "tst_chetime.moc"
