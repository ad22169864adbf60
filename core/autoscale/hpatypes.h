#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

/// Value types of one HPA controller sync: the cluster state the controller reads (pods, metric
/// samples), its memory between syncs, and the decision it returns. Times are milliseconds since the
/// Unix epoch (UTC); resource amounts and metric values are milli-units, as the controller computes.
namespace headroom::autoscale {

using Milliseconds = std::chrono::milliseconds;

enum class PodPhase { Pending, Running, Succeeded, Failed, Unknown };

struct ContainerRequests {
    QString name;
    QHash<QString, std::int64_t> requestsMilli; ///< resource name -> request in milli-units
};

/// What the controller reads of one pod (a v1 Pod, reduced).
struct PodState {
    QString name;
    PodPhase phase = PodPhase::Running;
    std::optional<bool> ready;          ///< Ready condition status; nullopt = no Ready condition
    std::int64_t readyTransitionMs = 0; ///< Ready condition lastTransitionTime
    std::optional<std::int64_t> startTimeMs;
    bool deleting = false;              ///< metadata.deletionTimestamp is set
    std::vector<ContainerRequests> containers; ///< containers + restartable (sidecar) init containers
};

/// One sample of a per-pod metric.
struct PodMetric {
    std::int64_t valueMilli = 0;
    std::int64_t timestampMs = 0;
    std::int64_t windowMs = 0;
};
using PodMetricsInfo = QHash<QString, PodMetric>;

/// The controller's flags (kube-controller-manager --horizontal-pod-autoscaler-*).
struct ControllerSettings {
    double tolerance = 0.1;
    Milliseconds cpuInitializationPeriod{300'000};
    Milliseconds initialReadinessDelay{30'000};
    Milliseconds downscaleStabilizationWindow{300'000};
    double scaleUpLimitFactor = 2.0;  ///< legacy path only (no behavior)
    int scaleUpLimitMinimum = 4;      ///< legacy path only
};

struct Recommendation {
    int replicas = 0;
    std::int64_t timeMs = 0;
};

struct ScaleEvent {
    int replicaChange = 0; ///< always positive: pods added (scale-up list) or removed (scale-down list)
    std::int64_t timeMs = 0;
    bool outdated = false;
};

/// What the controller remembers about one HPA between syncs.
struct ControllerMemory {
    /// Past unstabilized recommendations; nullopt = never synced (the first sync records the current size).
    std::optional<std::vector<Recommendation>> recommendations;
    std::vector<ScaleEvent> scaleUpEvents;
    std::vector<ScaleEvent> scaleDownEvents;
};

/// Which rule fixed the final replica count of a sync.
enum class DecidedBy {
    Metrics,
    Tolerance,
    StabilizationWindow,
    ScaleUpPolicy,
    ScaleDownPolicy,
    ScalingDisabled,
    MinReplicas,
    MaxReplicas,
    LegacyScaleUpLimit,
    NoUsableMetric,
};
QString decidedByName(DecidedBy d);

/// A metric's raw proposal and what it was computed from.
struct MetricResult {
    QString type;                  ///< "Resource", "ContainerResource", "Pods", "Object", "External"
    QString name;                  ///< resource or metric name
    std::optional<int> replicas;   ///< raw proposal; nullopt when the metric failed
    std::optional<int> utilization; ///< percent of request, Utilization targets
    std::optional<std::int64_t> valueMilli; ///< average or total seen, other targets
    bool withinTolerance = false;  ///< the proposal is the current size because of the tolerance
    int readyPods = 0;
    int unreadyPods = 0;
    int missingPods = 0;
    int ignoredPods = 0;
    QString error;                 ///< why the metric failed
};

struct SyncResult {
    int currentReplicas = 0;
    int desiredReplicas = 0;
    std::optional<int> metricsProposal; ///< max over the usable metrics
    std::optional<int> stabilized;      ///< after the stabilization window
    std::vector<MetricResult> metrics;
    DecidedBy decidedBy = DecidedBy::Metrics;
    QString explanation;
    ControllerMemory memory;           ///< memory after this sync
};

} // namespace headroom::autoscale
