#include "core/model/scenarioio.h"
#include "core/topology/cachehierarchy.h"
#include "core/topology/clusterlayout.h"
#include "core/topology/redisslots.h"
#include "core/topology/sharding.h"
#include "core/topology/topologyanalysis.h"

#include <benchmark/benchmark.h>

#include <charconv>
#include <cstring>
#include <string>

using namespace headroom::topology;

namespace {

// Writes "user:<i>" (or "user:{<i % 1000>}:<i>" with a hash tag) into `buffer`; returns its length.
size_t formatKey(char *buffer, std::int64_t i, bool tagged)
{
    char *p = buffer;
    std::memcpy(p, "user:", 5);
    p += 5;
    if (tagged) {
        *p++ = '{';
        p = std::to_chars(p, p + 20, i % 1000).ptr;
        *p++ = '}';
        *p++ = ':';
    }
    p = std::to_chars(p, p + 20, i).ptr;
    return size_t(p - buffer);
}

} // namespace

/// Slots of 10 million distinct keys (key formatting included).
static void BM_KeySlots10M(benchmark::State &state)
{
    const bool tagged = state.range(0) != 0;
    char buffer[64];
    for (auto _ : state) {
        std::int64_t checksum = 0;
        for (std::int64_t i = 0; i < 10'000'000; ++i)
            checksum += keySlot(std::string_view(buffer, formatKey(buffer, i, tagged)));
        benchmark::DoNotOptimize(checksum);
    }
    state.SetItemsProcessed(state.iterations() * 10'000'000);
}
BENCHMARK(BM_KeySlots10M)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

/// Building a ring of 1,000 shards x 160 virtual nodes.
static void BM_RingBuild1000(benchmark::State &state)
{
    for (auto _ : state) {
        HashRing ring(1000, 160);
        benchmark::DoNotOptimize(ring.locate(42));
    }
}
BENCHMARK(BM_RingBuild1000)->Unit(benchmark::kMillisecond);

/// Ring rebalance 1,000 -> 1,001 shards: both rings built and 1 million sampled keys located twice.
static void BM_RingRebalance1000(benchmark::State &state)
{
    double moved = 0;
    for (auto _ : state) {
        const auto move = analyseMove(ShardHash::ConsistentHash, 1000, 1001, state.range(0), 160);
        if (!move) {
            state.SkipWithError(move.errorString().toStdString().c_str());
            break;
        }
        moved = move->movedFraction; // used by the label; DoNotOptimize on a double lvalue clobbers it here
    }
    state.SetLabel("moved " + std::to_string(moved));
}
BENCHMARK(BM_RingRebalance1000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

/// Exact ring ownership (arc lengths) of 1,000 shards.
static void BM_RingOwnership1000(benchmark::State &state)
{
    const HashRing ring(1000, 160);
    for (auto _ : state)
        benchmark::DoNotOptimize(ring.ownership());
}
BENCHMARK(BM_RingOwnership1000)->Unit(benchmark::kMillisecond);

/// redis-cli rebalance plan after adding a master to a 100-master cluster.
static void BM_RedisRebalance100(benchmark::State &state)
{
    const ClusterLayout layout = layoutForMasters(100, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(addMasterAndRebalance(layout, {QStringLiteral("new"), 1}).movedSlots());
}
BENCHMARK(BM_RedisRebalance100)->Unit(benchmark::kMillisecond);

/// The four-level cache hierarchy over a 3-million-object Zipf working set.
static void BM_CacheHierarchy(benchmark::State &state)
{
    QList<headroom::model::CacheLevel> levels;
    for (int i = 1; i <= 4; ++i) {
        headroom::model::CacheLevel l;
        l.level = i;
        l.capacityBytes = 1e9 * i;
        levels << l;
    }
    WorkingSet ws;
    ws.objects = 3e6;
    ws.requestsPerSecond = 10'000;
    for (auto _ : state)
        benchmark::DoNotOptimize(analyseCaches(levels, ws, 2)->databaseQueriesPerSecond);
}
BENCHMARK(BM_CacheHierarchy)->Unit(benchmark::kMicrosecond);

/// Every topology model on WebTools Pro, as the console's recompute runs it (write ceiling included).
static void BM_TopologyWebToolsPro(benchmark::State &state)
{
    const headroom::model::Scenario scenario = headroom::model::defaultScenario();
    for (auto _ : state)
        benchmark::DoNotOptimize(analyseTopology(scenario)->database.writeCeilingUsers);
}
BENCHMARK(BM_TopologyWebToolsPro)->Unit(benchmark::kMillisecond);

/// One evaluation of WebTools Pro's cache hierarchy (today's users).
static void BM_CacheHierarchyWebToolsPro(benchmark::State &state)
{
    const headroom::model::Scenario scenario = headroom::model::defaultScenario();
    for (auto _ : state)
        benchmark::DoNotOptimize(scenarioCaches(scenario)->databaseQueriesPerSecond);
}
BENCHMARK(BM_CacheHierarchyWebToolsPro)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
