#pragma once

#include "core/autoscale/hpabehavior.h"
#include "core/autoscale/hpatypes.h"
#include "core/model/hpa.h"

#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace headroom::autoscale {

class RecommendationWindow;

/// One pod's resource usage as metrics.k8s.io reports it.
struct PodUsage {
    std::int64_t timestampMs = 0;
    std::int64_t windowMs = 0;
    std::vector<ContainerRequests> containers; ///< here: container name -> usage (milli) by resource
};

/// One item of a custom.metrics.k8s.io MetricValueList.
struct CustomMetricSample {
    QString metricName;
    QString objectKind;
    QString objectName;
    std::int64_t valueMilli = 0;
    std::int64_t timestampMs = 0;
    std::int64_t windowMs = 0;
};

/// Everything one sync reads from the cluster. An absent list is a failed fetch.
struct ClusterState {
    int specReplicas = 0;   ///< scale.spec.replicas: the current size
    int statusReplicas = 0; ///< scale.status.replicas
    std::vector<PodState> pods;
    std::optional<QHash<QString, PodUsage>> podMetrics;
    std::optional<std::vector<CustomMetricSample>> customMetrics;
    QHash<QString, std::vector<std::int64_t>> externalMetrics; ///< metric name -> values (milli)
};

/// The HPA spec one sync runs: `spec.metrics` may carry entries whose type the reader did not know;
/// `unknownMetricTypes[i]` names such a type (empty when metric i is known).
struct HpaUnderTest {
    model::HpaSpec spec;
    std::vector<QString> unknownMetricTypes;
};

/// One reconcile of the Kubernetes HPA controller (horizontal.go, reconcileAutoscaler): per-metric
/// proposals, max over metrics with the partial-failure rules, stabilization, behavior policies or
/// the legacy limits, min/max. `memory` is the controller's memory before the sync; the result
/// carries it updated. Pure and deterministic: "now" is a parameter.
SyncResult syncHpa(const HpaUnderTest &hpa, const ClusterState &cluster, const ControllerSettings &settings,
                   ControllerMemory memory, std::int64_t nowMs);

/// The controller's decision once the metric proposals are known (reconcileAutoscaler after
/// computeReplicasForMetrics): zero-replica, min/max and partial-failure rules, then normalization;
/// records the rescale in `memory`. `metrics[i].replicas` is empty for a failed metric. With a
/// `window`, the stabilization window is kept there instead of in `memory.recommendations`.
struct Decision {
    int desired = 0;
    DecidedBy decidedBy = DecidedBy::Metrics;
    std::optional<int> proposal;
    std::optional<int> stabilized;
    int winner = -1; ///< index of the metric whose proposal won, -1 when none
};
Decision decideReplicas(const model::HpaSpec &spec, const std::optional<ResolvedBehavior> &behavior,
                        const ControllerSettings &settings, ControllerMemory &memory, int currentReplicas,
                        const std::vector<MetricResult> &metrics, std::int64_t nowMs,
                        RecommendationWindow *window = nullptr);

/// spec.metrics as the API server defaults it: empty means CPU at 80 % utilization.
QList<model::MetricSpec> effectiveMetrics(const model::HpaSpec &spec);

} // namespace headroom::autoscale
