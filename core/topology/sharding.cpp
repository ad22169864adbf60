#include "core/topology/sharding.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::topology {

std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

std::uint64_t hashKey(std::string_view key)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : key) {
        h ^= static_cast<std::uint8_t>(c);
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

std::uint64_t jumpKeyOf(std::string_view key)
{
    if (key.empty())
        return hashKey(key);
    std::uint64_t value = 0;
    for (const char c : key) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (c < '0' || c > '9' || value > (UINT64_MAX - digit) / 10)
            return hashKey(key); // not a number, or above 2^64 - 1
        value = value * 10 + digit;
    }
    return value;
}

int jumpConsistentHash(std::uint64_t key, int buckets)
{
    // Each step jumps forward to the next bucket count at which this key would move.
    std::int64_t bucket = -1;
    std::int64_t next = 0;
    while (next < buckets) {
        bucket = next;
        key = key * 2862933555777941757ULL + 1;
        next = static_cast<std::int64_t>(double(bucket + 1) * (double(1LL << 31) / double((key >> 33) + 1)));
    }
    return static_cast<int>(bucket);
}

HashRing::HashRing(int shards, int virtualNodes) : m_shards(shards)
{
    const int points = std::max(1, virtualNodes);
    m_points.reserve(static_cast<size_t>(shards) * static_cast<size_t>(points));
    for (int s = 0; s < shards; ++s) {
        for (int v = 0; v < points; ++v)
            m_points.emplace_back(mix64((std::uint64_t(s) << 32) | std::uint32_t(v)), s);
    }
    std::sort(m_points.begin(), m_points.end());
}

int HashRing::locate(std::uint64_t hash) const
{
    if (m_points.empty())
        return 0;
    const auto it = std::lower_bound(m_points.begin(), m_points.end(), hash,
                                     [](const std::pair<std::uint64_t, int> &p, std::uint64_t h) { return p.first < h; });
    return it == m_points.end() ? m_points.front().second : it->second;
}

std::vector<double> HashRing::ownership() const
{
    std::vector<double> share(static_cast<size_t>(m_shards), 0.0);
    if (m_points.empty())
        return share;
    constexpr double kSpace = 18446744073709551616.0; // 2^64
    for (size_t i = 0; i < m_points.size(); ++i) {
        // The arc (previous point, this point] belongs to this point's shard; unsigned wrap-around
        // gives the first point's arc from the last point across zero.
        const std::uint64_t previous = m_points[(i + m_points.size() - 1) % m_points.size()].first;
        const std::uint64_t arc = m_points[i].first - previous;
        share[static_cast<size_t>(m_points[i].second)] += (m_points.size() == 1 ? kSpace : double(arc)) / kSpace;
    }
    return share;
}

int rendezvousShard(std::uint64_t hash, int shards)
{
    int best = 0;
    std::uint64_t bestWeight = 0;
    for (int s = 0; s < shards; ++s) {
        const std::uint64_t weight = mix64(hash ^ mix64(std::uint64_t(s) + 1));
        if (s == 0 || weight > bestWeight) {
            best = s;
            bestWeight = weight;
        }
    }
    return best;
}

model::Result<void> checkShardingWork(ShardHash method, int shards, int virtualNodes, std::int64_t keys)
{
    if (method == ShardHash::ConsistentHash && std::int64_t(shards) * std::max(1, virtualNodes) > kMaxRingPoints)
        return model::makeError(QStringLiteral("a ring of %1 shards x %2 virtual nodes exceeds %3 points")
                                    .arg(shards)
                                    .arg(virtualNodes)
                                    .arg(kMaxRingPoints));
    if (method == ShardHash::Rendezvous && double(keys) * shards > double(kMaxRendezvousWork))
        return model::makeError(QStringLiteral("rendezvous over %1 keys x %2 shards exceeds %3 weight computations; "
                                               "use fewer keys")
                                    .arg(keys)
                                    .arg(shards)
                                    .arg(kMaxRendezvousWork));
    return {};
}

Sharder::Sharder(ShardHash method, int shards, int virtualNodes) : m_method(method), m_shards(std::max(1, shards))
{
    if (method == ShardHash::ConsistentHash)
        m_ring.emplace(m_shards, virtualNodes);
}

int Sharder::locate(std::uint64_t hash) const
{
    switch (m_method) {
    case ShardHash::Modulo:
        return static_cast<int>(hash % std::uint64_t(m_shards));
    case ShardHash::ConsistentHash:
        return m_ring->locate(hash);
    case ShardHash::JumpHash:
        return jumpConsistentHash(hash, m_shards);
    case ShardHash::Rendezvous:
        return rendezvousShard(hash, m_shards);
    }
    return 0;
}

int Sharder::locateKey(std::string_view key) const
{
    return locate(m_method == ShardHash::JumpHash ? jumpKeyOf(key) : hashKey(key));
}

namespace {

double imbalanceOf(const std::vector<std::int64_t> &counts)
{
    const auto total = std::accumulate(counts.begin(), counts.end(), std::int64_t(0));
    if (total == 0)
        return 1;
    const double mean = double(total) / double(counts.size());
    return double(*std::max_element(counts.begin(), counts.end())) / mean;
}

// The i-th sample key: a fixed, uniformly spread 64-bit hash, so runs are reproducible.
std::uint64_t sampleHash(std::int64_t i)
{
    return mix64(std::uint64_t(i) + 0x9e3779b97f4a7c15ULL);
}

} // namespace

model::Result<ShardMove> analyseMove(ShardHash method, int from, int to, std::int64_t keys, int virtualNodes,
                                     const Progress &progress)
{
    if (from < 1 || to < 1)
        return model::makeError(QStringLiteral("shard counts must be at least 1, got %1 -> %2").arg(from).arg(to));
    ShardMove move;
    move.method = method;
    move.from = from;
    move.to = to;
    move.minimalFraction = double(std::abs(to - from)) / std::max(to, from);
    if (method == ShardHash::Modulo || method == ShardHash::JumpHash) {
        move.exact = true;
        // x mod n == x mod m holds for exactly min(n, m) residues of every lcm(n, m) consecutive hashes.
        const double lcm = double(from) / std::gcd(from, to) * to;
        move.movedFraction = method == ShardHash::Modulo ? 1 - std::min(from, to) / lcm : move.minimalFraction;
        return move;
    }
    if (keys < 1)
        return model::makeError(QStringLiteral("the key sample must hold at least 1 key, got %1").arg(keys));
    if (const auto work = checkShardingWork(method, std::max(from, to), virtualNodes, 2 * keys); !work)
        return work.errors();
    const Sharder before(method, from, virtualNodes);
    const Sharder after(method, to, virtualNodes);
    std::vector<std::int64_t> countBefore(static_cast<size_t>(from)), countAfter(static_cast<size_t>(to));
    std::int64_t moved = 0;
    constexpr std::int64_t kChunk = 1 << 16;
    for (std::int64_t i = 0; i < keys; ++i) {
        const std::uint64_t h = sampleHash(i);
        const int a = before.locate(h);
        const int b = after.locate(h);
        ++countBefore[static_cast<size_t>(a)];
        ++countAfter[static_cast<size_t>(b)];
        moved += a != b ? 1 : 0;
        if (progress && (i + 1) % kChunk == 0 && !progress(int((i + 1) / kChunk), int((keys + kChunk - 1) / kChunk)))
            return model::makeError(QStringLiteral("cancelled"));
    }
    move.sampledKeys = keys;
    move.movedFraction = double(moved) / double(keys);
    move.imbalanceBefore = imbalanceOf(countBefore);
    move.imbalanceAfter = imbalanceOf(countAfter);
    return move;
}

model::Result<HotShard> zipfHotShard(const Sharder &sharder, std::int64_t keys, double exponent)
{
    if (keys < 1)
        return model::makeError(QStringLiteral("at least 1 key is needed, got %1").arg(keys));
    if (!(exponent >= 0) || exponent > 10)
        return model::makeError(QStringLiteral("the Zipf exponent must be between 0 and 10, got %1").arg(exponent));
    if (const auto work = checkShardingWork(sharder.method(), sharder.shards(), 1, keys); !work)
        return work.errors();
    std::vector<double> load(static_cast<size_t>(sharder.shards()), 0.0);
    double total = 0;
    for (std::int64_t rank = 1; rank <= keys; ++rank) {
        const double weight = std::pow(double(rank), -exponent);
        load[static_cast<size_t>(sharder.locate(sampleHash(rank)))] += weight;
        total += weight;
    }
    HotShard hot;
    const auto hottest = std::max_element(load.begin(), load.end());
    hot.shard = static_cast<int>(hottest - load.begin());
    hot.loadShare = *hottest / total;
    hot.imbalance = hot.loadShare * sharder.shards();
    hot.hottestKeyShare = 1 / total;
    return hot;
}

Sharder scenarioSharder(const model::Scenario &scenario)
{
    const auto &sharding = scenario.spec.database.sharding;
    if (!sharding)
        return Sharder(ShardHash::Modulo, 1);
    return Sharder(sharding->hashFunction, sharding->shardCount, sharding->virtualNodes);
}

} // namespace headroom::topology
