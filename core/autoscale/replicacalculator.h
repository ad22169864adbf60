#pragma once

#include "core/autoscale/hpatypes.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace headroom::autoscale {

/// The usage-ratio band in which the controller keeps the current size: [1 - scaleDown, 1 + scaleUp].
struct Tolerances {
    double scaleDown = 0.1;
    double scaleUp = 0.1;
    bool isWithin(double usageRatio) const { return 1.0 - scaleDown <= usageRatio && usageRatio <= 1.0 + scaleUp; }
};

/// One metric's replica proposal, computed as the Kubernetes HPA controller's replica calculator
/// does: pods are grouped into ready, unready (pending, or CPU samples still inside the
/// initialization period), missing (no sample) and ignored (deleted or failed); missing pods count
/// as 100 % of the request (or the target) on a scale-down and as 0 on a scale-up, unready pods as 0
/// on a scale-up; a change of direction after that correction keeps the current size.
/// All values are milli-units; utilization is an integer percent of the request.
class ReplicaCalculator {
public:
    ReplicaCalculator(const std::vector<PodState> &pods, std::int64_t nowMs, const ControllerSettings &settings)
        : m_pods(pods), m_nowMs(nowMs), m_settings(settings) {}

    /// Resource / ContainerResource with an averageUtilization target (percent of request).
    MetricResult resourceUtilization(int currentReplicas, int targetUtilization, const QString &resource,
                                     const QString &container, PodMetricsInfo metrics, Tolerances tolerances) const;
    /// Resource / ContainerResource averageValue and Pods metrics: per-pod average against a target.
    /// `resource` is the resource name for resource metrics (CPU samples honour the initialization
    /// period) and empty for Pods metrics.
    MetricResult plainMetric(int currentReplicas, std::int64_t targetMilli, const QString &resource,
                             PodMetricsInfo metrics, Tolerances tolerances) const;
    /// Object metric with a Value target.
    MetricResult objectValue(int currentReplicas, std::int64_t usageMilli, std::int64_t targetMilli,
                             Tolerances tolerances) const;
    /// Object or External metric with an AverageValue target (the total divided over statusReplicas).
    MetricResult perPodTotal(int statusReplicas, std::int64_t usageMilli, std::int64_t targetMilli,
                             Tolerances tolerances) const;
    /// External metric with a Value target: the sum of all series against the target.
    MetricResult externalValue(int currentReplicas, const std::vector<std::int64_t> &values, std::int64_t targetMilli,
                               Tolerances tolerances) const;

    /// What resourceUtilization / plainMetric propose for a uniform fleet: `withMetrics` pods whose
    /// samples give `usageRatio`, `unready` pods without a usable sample, none missing. O(1); the
    /// simulator's shortcut, checked against the pod-level path by the tests.
    /// `correctedRatio` is the ratio recomputed with the unready pods at zero (the caller applies the
    /// same integer truncation the controller does).
    static int uniformReplicas(int currentReplicas, double usageRatio, double correctedRatio, int withMetrics,
                               int unready, Tolerances tolerances, bool *withinTolerance = nullptr);

    /// Pods in phase Running with Ready=True.
    int readyPodCount() const;

private:
    struct Groups {
        int ready = 0;
        QStringList unready, missing, ignored;
    };
    Groups groupPods(const PodMetricsInfo &metrics, const QString &resource) const;
    /// Groups the pods, drops the samples of ignored and unready pods, fills the pod counts of `r`
    /// and sets its error when no sample is left.
    Groups usableMetrics(PodMetricsInfo &metrics, const QString &resource, MetricResult &r) const;
    bool requests(const QString &container, const QString &resource, QHash<QString, std::int64_t> *out,
                  QString *error) const;
    MetricResult ratioReplicas(int currentReplicas, double usageRatio, Tolerances tolerances) const;

    const std::vector<PodState> &m_pods;
    std::int64_t m_nowMs;
    ControllerSettings m_settings;
};

} // namespace headroom::autoscale
