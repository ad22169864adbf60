#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

/// Placing keys on shards: modulo, a consistent-hash ring with virtual nodes, jump consistent
/// hash (Lamping & Veach 2014) and rendezvous (highest random weight) hashing; what moves when
/// the shard count changes, and how skewed keys make a hot shard.
namespace headroom::topology {

using model::ShardHash;
/// Cancellable progress: return false to stop.
using Progress = std::function<bool(int done, int total)>;

/// The 64-bit hash Headroom uses for string keys: FNV-1a 64 (offset basis 0xcbf29ce484222325,
/// prime 0x100000001b3) over the key's bytes, then MurmurHash3's fmix64 finaliser so that the
/// low bits, which modulo uses, depend on every input byte. Stable across platforms and runs.
std::uint64_t hashKey(std::string_view key);
/// MurmurHash3's fmix64: a bijection on 64 bits with full avalanche.
std::uint64_t mix64(std::uint64_t x);
/// The key jump hash uses: the key's value when it is an unsigned 64-bit decimal integer (only
/// digits, leading zeros allowed, at most 18446744073709551615), otherwise hashKey(key).
std::uint64_t jumpKeyOf(std::string_view key);
/// Lamping & Veach's jump consistent hash: a bucket in [0, buckets) for buckets >= 1.
int jumpConsistentHash(std::uint64_t key, int buckets);

/// A consistent-hash ring: shard s owns virtualNodes points at mix64(s << 32 | v); a key
/// belongs to the first point clockwise from its hash (wrapping at 2^64).
class HashRing final {
public:
    HashRing(int shards, int virtualNodes);
    int locate(std::uint64_t hash) const;
    int shards() const { return m_shards; }
    /// Share of the 2^64 hash space each shard owns (the exact arc lengths).
    std::vector<double> ownership() const;

private:
    int m_shards = 0;
    std::vector<std::pair<std::uint64_t, int>> m_points; ///< sorted by position
};

/// Rendezvous hashing: the shard with the highest weight mix64(hash ^ mix64(shard + 1)).
int rendezvousShard(std::uint64_t hash, int shards);

/// Limits that keep one call within memory and a few seconds: ring points (shards x virtual
/// nodes) and rendezvous work (keys x shards).
inline constexpr std::int64_t kMaxRingPoints = 50'000'000;
inline constexpr std::int64_t kMaxRendezvousWork = 2'000'000'000;
/// An error when `method` with these sizes would exceed the limits above.
model::Result<void> checkShardingWork(ShardHash method, int shards, int virtualNodes, std::int64_t keys);

/// One placement scheme for a given shard count.
class Sharder final {
public:
    Sharder(ShardHash method, int shards, int virtualNodes = 160);
    /// The shard of a key whose 64-bit hash is already known (for jump: the jump key).
    int locate(std::uint64_t hash) const;
    /// The shard of a string key (jump: jumpKeyOf, others: hashKey).
    int locateKey(std::string_view key) const;
    ShardHash method() const { return m_method; }
    int shards() const { return m_shards; }

private:
    ShardHash m_method;
    int m_shards;
    std::optional<HashRing> m_ring;
};

/// What a change from `from` to `to` shards does. Fractions are of all keys, 0..1;
/// imbalance is the most loaded shard over the mean (1 = perfectly even).
struct ShardMove {
    ShardHash method = ShardHash::Modulo;
    int from = 0;
    int to = 0;
    double movedFraction = 0;
    double minimalFraction = 0;   ///< |to - from| / max(to, from): the least any scheme can move
    double imbalanceBefore = 1;
    double imbalanceAfter = 1;
    bool exact = false;           ///< closed form (modulo, jump) or sampled (ring, rendezvous)
    std::int64_t sampledKeys = 0;
};

/// Modulo moves exactly 1 - min(n, m) / lcm(n, m) of uniformly hashed keys and jump moves
/// exactly |m - n| / max(m, n), both with imbalance 1; the ring and rendezvous are measured on
/// `keys` uniformly random 64-bit hashes. Errors: shard counts < 1, keys < 1 when sampling, sizes
/// over the work limits.
model::Result<ShardMove> analyseMove(ShardHash method, int from, int to, std::int64_t keys = 100'000,
                                     int virtualNodes = 160, const Progress &progress = {});

/// Load of `keys` keys with Zipf popularity (rank r weighs r^-exponent) placed by `sharder`.
struct HotShard {
    int shard = 0;              ///< the hottest shard
    double loadShare = 0;       ///< its share of requests
    double imbalance = 1;       ///< its load over the mean load
    double hottestKeyShare = 0; ///< share of the rank-1 key alone: no scheme can split it
};

model::Result<HotShard> zipfHotShard(const Sharder &sharder, std::int64_t keys, double exponent);

/// The scenario's database sharding (spec.database.sharding; one shard when absent).
Sharder scenarioSharder(const model::Scenario &scenario);

} // namespace headroom::topology
