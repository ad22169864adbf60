#pragma once

#include "core/model/result.h"
#include "core/topology/redisslots.h"

#include <QList>
#include <QString>

#include <array>
#include <cstdint>

/// Which master of a Redis Cluster owns which hash slots, how `redis-cli --cluster create` lays
/// them out and how `redis-cli --cluster rebalance` moves them.
namespace headroom::topology {

/// An inclusive range of slots, `first..last`.
struct SlotRange {
    int first = 0;
    int last = 0;
    int count() const { return last - first + 1; }
    bool operator==(const SlotRange &) const = default;
};

struct ClusterMaster {
    QString id;       ///< "master-1", or a node address
    int replicas = 0; ///< replicas following this master
    bool operator==(const ClusterMaster &) const = default;
};

/// Slot ownership of a cluster: every slot belongs to one master, or to none (-1).
class ClusterLayout final {
public:
    ClusterLayout() { m_owner.fill(-1); }

    int masterCount() const { return static_cast<int>(m_masters.size()); }
    const QList<ClusterMaster> &masters() const { return m_masters; }
    const ClusterMaster &master(int index) const { return m_masters.at(index); }
    /// Appends a master owning no slots; returns its index.
    int addMaster(const ClusterMaster &master);
    /// Drops a master; its slots become unassigned and higher indexes shift down by one.
    void removeMaster(int index);
    void setReplicas(int index, int replicas) { m_masters[index].replicas = replicas; }

    int ownerOf(int slot) const { return m_owner[static_cast<size_t>(slot)]; }
    void assign(int slot, int master) { m_owner[static_cast<size_t>(slot)] = static_cast<std::int16_t>(master); }
    void assign(SlotRange range, int master);
    int slotCount(int master) const;
    /// The master's slots as maximal ascending ranges.
    QList<SlotRange> ranges(int master) const;
    int unassignedSlots() const { return slotCount(-1); }
    /// Slots whose owner differs between the two layouts (masters compared by index).
    int slotsDifferentFrom(const ClusterLayout &other) const;

    bool operator==(const ClusterLayout &) const = default;

private:
    QList<ClusterMaster> m_masters;
    std::array<std::int16_t, kClusterSlots> m_owner;
};

/// `redis-cli --cluster create` with `nodes` nodes and `--cluster-replicas replicas`:
/// masters = nodes / (replicas + 1), at least 3 (else an error as redis-cli refuses). Master i
/// owns first..last with last = lround(i * 16384/masters + 16384/masters - 1) computed in single
/// precision as redis-cli does, the last master up to 16383. Each master gets `replicas`
/// replicas; leftover nodes are added one each to masters 0, 1, ... ("Adding extra replicas").
/// Which node replicates which is chosen by redis-cli's anti-affinity optimiser and not modelled.
model::Result<ClusterLayout> createClusterLayout(int nodes, int replicas);
/// The same for a known number of masters, each with `replicasPerMaster` replicas (masters >= 1).
ClusterLayout layoutForMasters(int masters, int replicasPerMaster);

/// Options of `redis-cli --cluster rebalance`.
struct RebalanceOptions {
    QList<double> weights;          ///< per master index; missing entries weigh 1 (`--cluster-weight`)
    double thresholdPercent = 2;    ///< `--cluster-threshold`: rebalance only when some master is off by more
    bool useEmptyMasters = false;   ///< `--cluster-use-empty-masters`: masters with no slots take part
};

/// One "Moving N slots from SRC to DST" step.
struct SlotMove {
    int from = 0;
    int to = 0;
    QList<SlotRange> ranges;
    int count() const;
};

struct RebalancePlan {
    bool needed = false;          ///< false: every master within the threshold, nothing moves
    QList<int> balance;           ///< per master: slots it must give (> 0) or take (< 0), after rounding fix-up
    QList<SlotMove> moves;        ///< in the order redis-cli performs them
    ClusterLayout after;
    int movedSlots() const;
    double movedFraction() const { return movedSlots() / double(kClusterSlots); }
};

/// redis-cli's rebalance: expected(m) = int(16384 / totalWeight * weight(m)) in single precision;
/// balance = owned - expected; a master is over the threshold when |100 - 100*expected/owned| >
/// threshold (or it owns nothing and expects more than one slot). Rounding leftovers are charged
/// one slot at a time to masters with balance <= 0 in master order. Masters are sorted by balance
/// (ties keep master order, as glibc's merge-sort qsort does), and the largest giver hands its
/// lowest-numbered slots to the largest taker until every balance is zero.
RebalancePlan rebalance(const ClusterLayout &layout, const RebalanceOptions &options = {});

/// `add-node` of an empty master and `rebalance --cluster-use-empty-masters`.
RebalancePlan addMasterAndRebalance(const ClusterLayout &layout, const ClusterMaster &master,
                                    double thresholdPercent = 2);
/// Removing a master: `rebalance --cluster-weight <id>=0` empties it, then `del-node` drops it
/// (the returned layout no longer has the master; indexes above it shift down by one).
model::Result<RebalancePlan> removeMasterAndRebalance(const ClusterLayout &layout, int master);

} // namespace headroom::topology
