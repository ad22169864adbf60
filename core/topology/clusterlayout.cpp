#include "core/topology/clusterlayout.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

namespace headroom::topology {

int ClusterLayout::addMaster(const ClusterMaster &master)
{
    m_masters.append(master);
    return masterCount() - 1;
}

void ClusterLayout::removeMaster(int index)
{
    m_masters.removeAt(index);
    for (auto &owner : m_owner) {
        if (owner == index)
            owner = -1;
        else if (owner > index)
            --owner;
    }
}

void ClusterLayout::assign(SlotRange range, int master)
{
    for (int slot = range.first; slot <= range.last; ++slot)
        assign(slot, master);
}

int ClusterLayout::slotCount(int master) const
{
    return static_cast<int>(std::count(m_owner.begin(), m_owner.end(), master));
}

QList<SlotRange> ClusterLayout::ranges(int master) const
{
    QList<SlotRange> result;
    for (int slot = 0; slot < kClusterSlots; ++slot) {
        if (ownerOf(slot) != master)
            continue;
        if (!result.isEmpty() && result.last().last == slot - 1)
            result.last().last = slot;
        else
            result.append({slot, slot});
    }
    return result;
}

int ClusterLayout::slotsDifferentFrom(const ClusterLayout &other) const
{
    int differing = 0;
    for (size_t slot = 0; slot < m_owner.size(); ++slot)
        differing += m_owner[slot] != other.m_owner[slot] ? 1 : 0;
    return differing;
}

ClusterLayout layoutForMasters(int masters, int replicasPerMaster)
{
    ClusterLayout layout;
    // Single precision on purpose: redis-cli's slots_per_node and cursor are floats.
    const float slotsPerNode = kClusterSlots / static_cast<float>(masters);
    long first = 0;
    float cursor = 0.0F;
    for (int i = 0; i < masters; ++i) {
        long last = std::lround(cursor + slotsPerNode - 1);
        if (last > kClusterSlots || i == masters - 1)
            last = kClusterSlots - 1;
        last = std::max(last, first);
        const int index = layout.addMaster({QStringLiteral("master-%1").arg(i + 1), replicasPerMaster});
        if (first < kClusterSlots)
            layout.assign(SlotRange{static_cast<int>(first), static_cast<int>(std::min<long>(last, kClusterSlots - 1))},
                          index);
        first = last + 1;
        cursor += slotsPerNode;
    }
    return layout;
}

model::Result<ClusterLayout> createClusterLayout(int nodes, int replicas)
{
    if (nodes < 0 || replicas < 0)
        return model::makeError(QStringLiteral("nodes and replicas must not be negative"));
    const int masters = nodes / (replicas + 1);
    if (masters < 3)
        return model::makeError(QStringLiteral("Redis Cluster requires at least 3 master nodes; %1 nodes with %2 "
                                               "replicas per master give %3 (at least %4 nodes are required)")
                                    .arg(nodes)
                                    .arg(replicas)
                                    .arg(masters)
                                    .arg(3 * (replicas + 1)));
    if (masters > kClusterSlots)
        return model::makeError(QStringLiteral("%1 masters exceed the %2 hash slots").arg(masters).arg(kClusterSlots));
    ClusterLayout layout = layoutForMasters(masters, replicas);
    const int extra = nodes - masters * (replicas + 1);
    for (int i = 0; i < extra; ++i)
        layout.setReplicas(i % masters, layout.master(i % masters).replicas + 1);
    return layout;
}

int SlotMove::count() const
{
    return std::accumulate(ranges.begin(), ranges.end(), 0, [](int n, SlotRange r) { return n + r.count(); });
}

int RebalancePlan::movedSlots() const
{
    return std::accumulate(moves.begin(), moves.end(), 0, [](int n, const SlotMove &m) { return n + m.count(); });
}

namespace {

// The `numslots` lowest-numbered slots `from` owns move to `to` (clusterManagerComputeReshardTable
// with a single source takes its slots in ascending order).
SlotMove moveLowestSlots(ClusterLayout &layout, int from, int to, int numslots)
{
    SlotMove move{from, to, {}};
    int moved = 0;
    for (int slot = 0; slot < kClusterSlots && moved < numslots; ++slot) {
        if (layout.ownerOf(slot) != from)
            continue;
        layout.assign(slot, to);
        if (!move.ranges.isEmpty() && move.ranges.last().last == slot - 1)
            move.ranges.last().last = slot;
        else
            move.ranges.append({slot, slot});
        ++moved;
    }
    return move;
}

} // namespace

RebalancePlan rebalance(const ClusterLayout &layout, const RebalanceOptions &options)
{
    RebalancePlan plan;
    plan.after = layout;
    plan.balance = QList<int>(layout.masterCount(), 0);
    QList<int> involved;
    float totalWeight = 0;
    for (int m = 0; m < layout.masterCount(); ++m) {
        if (!options.useEmptyMasters && layout.slotCount(m) == 0)
            continue;
        totalWeight += static_cast<float>(options.weights.value(m, 1.0));
        involved.append(m);
    }
    if (involved.isEmpty() || totalWeight <= 0)
        return plan;

    int totalBalance = 0;
    bool thresholdReached = false;
    for (const int m : involved) {
        const int owned = layout.slotCount(m);
        const auto weight = static_cast<float>(options.weights.value(m, 1.0));
        const int expected = static_cast<int>((static_cast<float>(kClusterSlots) / totalWeight) * weight);
        plan.balance[m] = owned - expected;
        totalBalance += plan.balance[m];
        if (options.thresholdPercent > 0) {
            if (owned > 0)
                thresholdReached |= std::fabs(100 - (100.0 * expected / owned)) > options.thresholdPercent;
            else
                thresholdReached |= expected > 1;
        }
    }
    if (!thresholdReached)
        return plan;
    plan.needed = true;
    while (totalBalance > 0) {
        for (const int m : involved) {
            if (plan.balance[m] <= 0 && totalBalance > 0) {
                --plan.balance[m];
                --totalBalance;
            }
        }
    }
    QList<int> sorted = involved;
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) { return plan.balance[a] < plan.balance[b]; });
    QList<int> remaining = plan.balance;
    qsizetype dst = 0;
    qsizetype src = sorted.size() - 1;
    while (dst < src) {
        const int to = sorted[dst];
        const int from = sorted[src];
        const int numslots = std::min(std::abs(remaining[to]), std::abs(remaining[from]));
        if (numslots > 0)
            plan.moves.append(moveLowestSlots(plan.after, from, to, numslots));
        remaining[to] += numslots;
        remaining[from] -= numslots;
        if (remaining[to] == 0)
            ++dst;
        if (remaining[from] == 0)
            --src;
    }
    return plan;
}

RebalancePlan addMasterAndRebalance(const ClusterLayout &layout, const ClusterMaster &master, double thresholdPercent)
{
    ClusterLayout grown = layout;
    grown.addMaster(master);
    RebalanceOptions options;
    options.thresholdPercent = thresholdPercent;
    options.useEmptyMasters = true;
    return rebalance(grown, options);
}

model::Result<RebalancePlan> removeMasterAndRebalance(const ClusterLayout &layout, int master)
{
    if (master < 0 || master >= layout.masterCount())
        return model::makeError(QStringLiteral("no master with index %1 (the cluster has %2)")
                                    .arg(master)
                                    .arg(layout.masterCount()));
    if (layout.masterCount() < 2)
        return model::makeError(QStringLiteral("cannot remove the only master"));
    RebalanceOptions options;
    options.weights = QList<double>(layout.masterCount(), 1.0);
    options.weights[master] = 0;
    RebalancePlan plan = rebalance(layout, options);
    plan.after.removeMaster(master);
    return plan;
}

} // namespace headroom::topology
