#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace headroom::connect {
struct ClusterSnapshot;
}

/// A compact picture of a live Kubernetes cluster for the cluster view: nodes with their
/// placement and size, pods reduced to (node, workload, phase). Thousands of pods cost a few
/// bytes each, so a 5,000-pod cluster redraws without per-pod objects.
namespace headroom::ui {

enum class PodPhase : std::uint8_t { Running, Pending, Succeeded, Failed, Unknown };

struct ClusterMapNode {
    QString name;
    QString region;                  ///< topology.kubernetes.io/region; "" when unlabelled
    QString zone;
    QString instanceType;
    double cpuAllocatableMillicores = 0;
    double memoryAllocatableBytes = 0;
    int podsAllocatable = 0;
    bool ready = true;
    double cpuRequestedMillicores = 0; ///< summed requests of the pods placed on it
};

struct ClusterMapPod {
    std::int32_t node = -1;          ///< index into ClusterMap::nodes; -1 = not scheduled
    std::int32_t workload = 0;       ///< index into ClusterMap::workloads
    PodPhase phase = PodPhase::Running;
};

struct ClusterMap {
    QString name;                    ///< context or "generated"
    QList<ClusterMapNode> nodes;
    std::vector<ClusterMapPod> pods;
    QStringList workloads;           ///< "namespace/name"

    /// Pod indexes per node, in pod order (unscheduled pods are left out).
    std::vector<std::vector<std::int32_t>> podsByNode() const;
    int unscheduledPods() const;
};

PodPhase podPhase(const QString &phase);

/// From an imported snapshot: pods are joined to nodes by name and grouped by owner workload.
ClusterMap clusterMapFromSnapshot(const connect::ClusterSnapshot &snapshot);

/// A deterministic synthetic cluster for tests and benchmarks: `nodes` nodes spread over
/// `regions` regions of 3 zones each, `pods` pods of `workloads` workloads placed round-robin
/// with a skew, about 2 % Pending (a few unscheduled) and 1 % Failed.
ClusterMap generateClusterMap(int nodes, int pods, int regions = 3, int workloads = 40, std::uint32_t seed = 1);

} // namespace headroom::ui
