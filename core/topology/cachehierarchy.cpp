#include "core/topology/cachehierarchy.h"

#include "core/model/vectorstate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace headroom::topology {

namespace {

using model::CacheType;
using model::EvictionPolicy;

/// Objects of similar rank: `count` objects each requested `rate` times per second.
struct Bucket {
    double count = 0;
    double rate = 0;
};

// Sum of x^-s over the ranks a..b by the integral over [a - 1/2, b + 1/2] (midpoint rule per rank;
// used for buckets of more than one rank, where the curve is flat enough).
double zipfMass(double a, double b, double s)
{
    const double lo = a - 0.5;
    const double hi = b + 0.5;
    if (std::abs(s - 1) < 1e-9)
        return std::log(hi / lo);
    return (std::pow(hi, 1 - s) - std::pow(lo, 1 - s)) / (1 - s);
}

// With `memo` the bucket masses are remembered across working sets: the buckets are the same for
// every number of objects except the last, cut at the last rank.
std::vector<Bucket> zipfBuckets(const WorkingSet &ws, CacheSweepState *memo = nullptr)
{
    if (memo && memo->zipfExponent != ws.zipfExponent) {
        memo->zipfExponent = ws.zipfExponent;
        memo->masses.clear();
    }
    std::vector<Bucket> buckets;
    const double n = std::max(1.0, std::floor(ws.objects));
    double rank = 1;
    double total = 0;
    while (rank <= n) {
        const double last = rank < 100 ? rank : std::min(n, std::floor(rank * 1.03));
        const size_t j = buckets.size();
        double mass = 0;
        if (memo && j < memo->masses.size() && memo->masses[j].first == rank && memo->masses[j].last == last) {
            mass = memo->masses[j].mass;
        } else {
            mass = last == rank ? std::pow(rank, -ws.zipfExponent) : zipfMass(rank, last, ws.zipfExponent);
            if (memo) {
                memo->masses.resize(std::max(memo->masses.size(), j + 1));
                memo->masses[j] = {rank, last, mass};
            }
        }
        buckets.push_back({last - rank + 1, mass});
        total += mass;
        rank = last + 1;
    }
    for (Bucket &b : buckets)
        b.rate = ws.requestsPerSecond * b.rate / total / b.count;
    return buckets;
}

bool fifoLike(EvictionPolicy p)
{
    return p == EvictionPolicy::Fifo || p == EvictionPolicy::AllKeysRandom || p == EvictionPolicy::VolatileRandom;
}

bool lfuLike(EvictionPolicy p)
{
    return p == EvictionPolicy::Lfu || p == EvictionPolicy::AllKeysLfu || p == EvictionPolicy::VolatileLfu;
}

// Hit probability of one object seen `x` = rate x time over the level's characteristic time.
double hitForm(EvictionPolicy p, double x)
{
    return fifoLike(p) ? x / (1 + x) : -std::expm1(-x);
}

struct LevelState {
    std::vector<double> hit;
    double characteristic = 0;
    bool ttlBound = false;
};

double occupancy(const std::vector<Bucket> &in, double perCopy, EvictionPolicy p, double t)
{
    double sum = 0;
    for (const Bucket &b : in)
        sum += b.count * hitForm(p, b.rate * perCopy * t);
    return sum;
}

// Occupancy and its slope d occupancy / d ln t; the value is summed exactly as occupancy() sums it.
std::pair<double, double> occupancyAndSlope(const std::vector<Bucket> &in, double perCopy, EvictionPolicy p, double t)
{
    double sum = 0;
    double slope = 0;
    const bool fifo = fifoLike(p);
    for (const Bucket &b : in) {
        const double x = b.rate * perCopy * t;
        if (fifo) {
            sum += b.count * (x / (1 + x));
            slope += b.count * x / ((1 + x) * (1 + x));
        } else {
            const double m = std::expm1(-x);
            sum += b.count * -m;
            slope += b.count * x * (1 + m);
        }
    }
    return {sum, slope};
}

// Where occupancy crosses `capacity`, in ln t, as a bracket [below, above] with occupancy(e^below) <
// capacity <= occupancy(e^above) (both evaluated), found by Newton steps on ln t kept inside the bracket
// (bisection when a step leaves it). `slope` is the slope at the last evaluation. nullopt when no
// crossing was confirmed inside (lnLo, lnHi].
struct Crossing {
    double below = 0;
    double above = 0;
    double slope = 0;
};
std::optional<Crossing> findCrossing(const std::vector<Bucket> &in, double perCopy, EvictionPolicy p, double capacity,
                                     double lnLo, bool loBelow, double lnHi)
{
    double a = lnLo;
    double b = lnHi;
    bool aSeen = loBelow;
    bool bSeen = false;
    double u = loBelow ? 0.5 * (lnLo + lnHi) : lnHi;
    double slope = 0;
    for (int i = 0; i < 200 && b - a > 1e-13; ++i) {
        const auto [value, d] = occupancyAndSlope(in, perCopy, p, std::exp(u));
        slope = d;
        if (value < capacity) {
            a = u;
            aSeen = true;
        } else {
            b = u;
            bSeen = true;
        }
        double next = d > 0 ? u - (value - capacity) / d : 0.5 * (a + b);
        if (!(next > a && next < b) || !std::isfinite(next))
            next = 0.5 * (a + b);
        if (std::fabs(next - u) < 1e-13) // converged: step just past the root to close the bracket
            next = std::clamp(value < capacity ? u + 1e-13 : u - 1e-13, a, b);
        if (next == a || next == b)
            break;
        u = next;
    }
    if (!aSeen || !bSeen || !(slope > 0))
        return std::nullopt;
    return Crossing{a, b, slope};
}

// Characteristic times solved by Newton's method on ln T instead of the exact bisection, warm-started
// from the previous solve of the same level: for sweeps over many working sets (the write-ceiling
// search) that need the result to about 1e-12 rather than bit for bit. `failed` is set where the
// approximation could change a discrete outcome (the TTL binding or not) or did not converge.
struct Approximation {
    CacheSweepState &state;
    bool failed = false;
};

// Newton on u = ln T for occupancy(e^u) = capacity from `start`; steps are capped at a factor e^2.
// Stops after a step below 1e-7 (the error left is of the order of its square). nullopt when it does
// not converge or leaves the range the exact bisection covers.
std::optional<double> newtonTime(const std::vector<Bucket> &in, double perCopy, EvictionPolicy p, double capacity, double start)
{
    double u = std::log(start);
    for (int i = 0; i < 60; ++i) {
        const auto [value, slope] = occupancyAndSlope(in, perCopy, p, std::exp(u));
        if (!(slope > 0) || !std::isfinite(value))
            return std::nullopt;
        const double du = std::clamp(-(value - capacity) / slope, -2.0, 2.0);
        u += du;
        if (std::fabs(du) < 1e-7) { // converging quadratically: the error left is ~du^2
            const double t = std::exp(u);
            if (!(t > 1e-8 && t < 1e14))
                return std::nullopt;
            return t;
        }
    }
    return std::nullopt;
}

// Che's characteristic time: occupancy(T) = capacity, by bisection on log T. The bisection is done
// exactly as written, but a comparison whose midpoint lies clearly on one side of the crossing (found
// first with a few Newton steps) is answered from the crossing instead of summing all buckets: the
// occupancy is monotone in T, and away from the crossing by more than `margin` the rounding of the
// sum cannot flip the comparison. Only the last few halvings sum the buckets.
double characteristicTime(const std::vector<Bucket> &in, double perCopy, EvictionPolicy p, double capacity,
                          Approximation *approx = nullptr, size_t index = 0)
{
    double objects = 0;
    for (const Bucket &b : in)
        objects += b.rate > 0 ? b.count : 0;
    if (objects <= capacity)
        return std::numeric_limits<double>::infinity();
    if (capacity <= 0)
        return 0;
    if (approx) {
        std::vector<double> &times = approx->state.characteristicSeconds;
        if (times.size() <= index)
            times.resize(index + 1, 0.0);
        double &warm = times[index];
        if (warm > 0) {
            if (const std::optional<double> t = newtonTime(in, perCopy, p, capacity, warm)) {
                warm = *t;
                return *t;
            }
        }
        warm = characteristicTime(in, perCopy, p, capacity); // exact, and the start of the next solve
        return warm;
    }
    double lo = 1e-9;
    double hi = 1;
    while (occupancy(in, perCopy, p, hi) < capacity && hi < 1e15)
        hi *= 16;
    // hi / 16 was evaluated below the capacity when the loop went round at least once
    const std::optional<Crossing> crossing = hi > 1 ? findCrossing(in, perCopy, p, capacity, std::log(hi / 16), true, std::log(hi))
                                                    : findCrossing(in, perCopy, p, capacity, std::log(lo), false, std::log(hi));
    // Between the crossing and a decided midpoint the occupancy moves by at least slope x margin,
    // here >= 4e-12 x capacity; the rounding of a sum of n positive terms (each within 4 ulps) is
    // below (n + 4) x 1.1e-16 of it, so for n < 10,000 buckets the margin is > 3x the rounding.
    const double margin = crossing ? std::max(1e-11, 4e-12 * capacity / crossing->slope) : 0;
    const auto below = [&](double t) {
        if (crossing) {
            const double u = std::log(t);
            if (u < crossing->below - margin)
                return true;
            if (u > crossing->above + margin)
                return false;
        }
        return occupancy(in, perCopy, p, t) < capacity;
    };
    for (int i = 0; i < 45; ++i) { // ln(hi / lo) < 60: 45 halvings leave a relative error < 2e-12
        const double mid = std::sqrt(lo * hi);
        (below(mid) ? lo : hi) = mid;
    }
    return std::sqrt(lo * hi);
}

LevelState solveLevel(const model::CacheLevel &level, int copies, double capacity, const std::vector<Bucket> &in,
                      Approximation *approx = nullptr, size_t index = 0)
{
    LevelState s;
    s.hit.assign(in.size(), 0.0);
    if (level.hitRatio) {
        std::fill(s.hit.begin(), s.hit.end(), std::clamp(*level.hitRatio / 100, 0.0, 1.0));
        return s;
    }
    const double perCopy = 1.0 / copies;
    const double ttl = std::chrono::duration<double>(level.ttl).count();
    const auto ttlHit = [&](double rate) { return rate * perCopy * ttl / (1 + rate * perCopy * ttl); };
    if (lfuLike(level.evictionPolicy)) {
        std::vector<size_t> order(in.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return in[a].rate > in[b].rate; });
        double room = capacity;
        for (const size_t i : order) {
            const double cached = std::clamp(room / std::max(in[i].count, 1e-12), 0.0, 1.0);
            room -= in[i].count * cached;
            s.hit[i] = cached * (ttl > 0 ? ttlHit(in[i].rate) : 1);
        }
        s.characteristic = ttl;
        s.ttlBound = ttl > 0;
        return s;
    }
    s.characteristic = characteristicTime(in, perCopy, level.evictionPolicy, capacity, approx, index);
    if (approx && ttl > 0 && std::isfinite(s.characteristic) && s.characteristic > 0
        && std::fabs(std::log(ttl / s.characteristic)) < 1e-9)
        approx->failed = true; // the TTL sits on the characteristic time: only the exact solve decides
    s.ttlBound = ttl > 0 && ttl < s.characteristic;
    for (size_t i = 0; i < in.size(); ++i) {
        s.hit[i] = s.ttlBound ? ttlHit(in[i].rate)
                              : (std::isinf(s.characteristic) ? (in[i].rate > 0 ? 1.0 : 0.0)
                                                               : hitForm(level.evictionPolicy, in[i].rate * perCopy * s.characteristic));
    }
    return s;
}

int copiesOf(const model::CacheLevel &level, const WorkingSet &ws)
{
    switch (level.type) {
    case CacheType::Browser:
        return int(std::clamp(ws.concurrentUsers, 1.0, 1e9));
    case CacheType::Cdn:
    case CacheType::Memory:
        return std::max(1, level.replicationFactor);
    case CacheType::Redis:
        return 1;
    }
    return 1;
}

struct Evaluation {
    CacheHierarchyLoad load;
    double coldHit = 0;
};

// One pass down the hierarchy; `coldLevel` (a level number) is cold for `coldSeconds` when >= 0.
// `steady` keeps each level's steady state: levels down to the cold one see the same requests at
// every time of a ramp, so a ramp solves them once and reuses them.
model::Result<Evaluation> evaluate(QList<model::CacheLevel> levels, const WorkingSet &ws, double dbQueriesPerRequest,
                                   int coldLevel = -1, double coldSeconds = -1, std::vector<LevelState> *steady = nullptr,
                                   Approximation *approx = nullptr)
{
    if (!(ws.objects >= 1) || ws.objects > 1e15 || !(ws.objectBytes > 0) || !(ws.requestsPerSecond >= 0) || !(ws.zipfExponent >= 0)
        || ws.zipfExponent > 10)
        return model::makeError(QStringLiteral("working set needs 1..1e15 objects, objectBytes > 0, requests >= 0 and "
                                               "a Zipf exponent in 0..10"));
    std::stable_sort(levels.begin(), levels.end(), [](const auto &a, const auto &b) { return a.level < b.level; });
    Evaluation e;
    e.load.requestsPerSecond = ws.requestsPerSecond;
    std::vector<Bucket> in = zipfBuckets(ws, approx ? &approx->state : nullptr);
    for (qsizetype index = 0; index < levels.size(); ++index) {
        const model::CacheLevel &level = levels[index];
        CacheLevelLoad l;
        l.level = level.level;
        l.type = level.type;
        l.copies = copiesOf(level, ws);
        l.capacityObjects = std::max(0.0, level.capacityBytes) / ws.objectBytes;
        l.fixedHitRatio = level.hitRatio.has_value();
        const bool reusable = steady && size_t(index) < steady->size() && level.level <= coldLevel;
        const LevelState state = reusable ? (*steady)[size_t(index)] : solveLevel(level, l.copies, l.capacityObjects, in, approx, size_t(index));
        if (steady && size_t(index) >= steady->size())
            steady->push_back(state);
        const bool cold = level.level == coldLevel && coldSeconds >= 0;
        double arriving = 0;
        double hits = 0;
        for (size_t i = 0; i < in.size(); ++i) {
            double h = state.hit[i];
            if (cold)
                h = std::min(h, -std::expm1(-in[i].rate / l.copies * coldSeconds));
            arriving += in[i].count * in[i].rate;
            hits += in[i].count * in[i].rate * h;
            in[i].rate *= 1 - h;
        }
        l.arrivingPerSecond = arriving;
        l.hitRatio = arriving > 0 ? hits / arriving : 0;
        l.missesPerSecond = arriving - hits;
        l.characteristicSeconds = state.characteristic;
        l.ttlBound = state.ttlBound;
        if (cold)
            e.coldHit = l.hitRatio;
        e.load.levels << l;
    }
    double origin = 0;
    for (const Bucket &b : in)
        origin += b.count * b.rate;
    e.load.originPerSecond = origin;
    e.load.databaseQueriesPerSecond = origin * dbQueriesPerRequest;
    return e;
}

} // namespace

model::Result<CacheHierarchyLoad> analyseCaches(const QList<model::CacheLevel> &levels, const WorkingSet &workingSet,
                                                double dbQueriesPerRequest)
{
    model::clearUpperVectorState();
    auto e = evaluate(levels, workingSet, dbQueriesPerRequest);
    if (!e)
        return e.errors();
    return e->load;
}

std::optional<double> estimateDatabaseQueries(const QList<model::CacheLevel> &levels, const WorkingSet &workingSet,
                                              double dbQueriesPerRequest, CacheSweepState &state)
{
    model::clearUpperVectorState();
    Approximation approx{state, false};
    const auto e = evaluate(levels, workingSet, dbQueriesPerRequest, -1, -1, nullptr, &approx);
    if (!e || approx.failed)
        return std::nullopt;
    return e->load.databaseQueriesPerSecond;
}

WorkingSet scenarioWorkingSet(const model::Scenario &scenario, double objectBytes, double zipfExponent)
{
    const model::DemandProfile &d = scenario.spec.demand;
    WorkingSet ws;
    ws.objectBytes = objectBytes;
    ws.zipfExponent = zipfExponent;
    ws.objects = objectBytes > 0 ? std::max(1.0, std::ceil(d.concurrentUsers * d.cacheBytesPerUser / objectBytes)) : 1;
    ws.requestsPerSecond = d.concurrentUsers * d.requestsPerUserPerSecond;
    ws.concurrentUsers = std::max(1.0, d.concurrentUsers);
    return ws;
}

model::Result<CacheHierarchyLoad> scenarioCaches(const model::Scenario &scenario, double objectBytes, double zipfExponent)
{
    return analyseCaches(scenario.spec.cacheHierarchy, scenarioWorkingSet(scenario, objectBytes, zipfExponent),
                         scenario.spec.demand.dbQueriesPerRequest);
}

model::Result<ColdCacheRamp> coldCacheRamp(const QList<model::CacheLevel> &levels, const WorkingSet &workingSet,
                                           double dbQueriesPerRequest, int coldLevel, Milliseconds horizon,
                                           Milliseconds step)
{
    if (std::none_of(levels.begin(), levels.end(), [&](const model::CacheLevel &l) { return l.level == coldLevel; }))
        return model::makeError(QStringLiteral("no cache level %1").arg(coldLevel), QStringLiteral("spec.cacheHierarchy"));
    if (step.count() <= 0 || horizon < step || horizon / step > 100'000)
        return model::makeError(QStringLiteral("the ramp needs 0 < step <= horizon and at most 100000 steps"));
    std::vector<LevelState> states;
    const auto steady = evaluate(levels, workingSet, dbQueriesPerRequest, -1, -1, &states);
    if (!steady)
        return steady.errors();
    ColdCacheRamp ramp;
    ramp.steadyDatabaseQps = steady->load.databaseQueriesPerSecond;
    bool recovered = false;
    for (Milliseconds t{0}; t <= horizon; t += step) {
        const double seconds = std::chrono::duration<double>(t).count();
        const auto e = evaluate(levels, workingSet, dbQueriesPerRequest, coldLevel, seconds, &states);
        const ColdCachePoint p{seconds, e->coldHit, e->load.databaseQueriesPerSecond};
        ramp.peakDatabaseQps = std::max(ramp.peakDatabaseQps, p.databaseQueriesPerSecond);
        if (!recovered && p.databaseQueriesPerSecond <= ramp.steadyDatabaseQps * 1.1) {
            recovered = true;
            ramp.secondsToRecover = seconds;
        }
        ramp.points << p;
    }
    if (!recovered)
        ramp.secondsToRecover = std::numeric_limits<double>::infinity();
    return ramp;
}

} // namespace headroom::topology
