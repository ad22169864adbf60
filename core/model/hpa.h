#pragma once

#include "core/model/units.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

/// The autoscaling/v2 HorizontalPodAutoscaler spec, field for field as the Kubernetes API has it,
/// so that a scenario's autoscaler is a verbatim copy of a live object (DESIGN.md).
namespace headroom::model {

struct CrossVersionObjectReference {
    QString apiVersion;
    QString kind;
    QString name;
    bool operator==(const CrossVersionObjectReference &) const = default;
};

enum class MetricSourceType { Resource, ContainerResource, Pods, Object, External };
enum class MetricTargetType { Utilization, Value, AverageValue };

struct MetricTarget {
    MetricTargetType type = MetricTargetType::Utilization;
    std::optional<int> averageUtilization; ///< percent of the request, Utilization targets
    std::optional<Quantity> value;         ///< Value targets (Object, External)
    std::optional<Quantity> averageValue;  ///< AverageValue targets
    bool operator==(const MetricTarget &) const = default;
};

/// metric.name plus an optional label selector (matchLabels only).
struct MetricIdentifier {
    QString name;
    QMap<QString, QString> selector;
    bool operator==(const MetricIdentifier &) const = default;
};

/// One entry of spec.metrics. Which fields are used depends on `type`:
/// Resource: resourceName; ContainerResource: resourceName + container;
/// Pods / External: metric; Object: metric + describedObject. All have a target.
struct MetricSpec {
    MetricSourceType type = MetricSourceType::Resource;
    QString resourceName;
    QString container;
    MetricIdentifier metric;
    CrossVersionObjectReference describedObject;
    MetricTarget target;
    bool operator==(const MetricSpec &) const = default;
};

enum class ScalingPolicyType { Pods, Percent };
enum class SelectPolicy { Max, Min, Disabled };

struct HpaScalingPolicy {
    ScalingPolicyType type = ScalingPolicyType::Pods;
    int value = 1;          ///< > 0
    int periodSeconds = 15; ///< 1..1800
    bool operator==(const HpaScalingPolicy &) const = default;
};

/// behavior.scaleUp / behavior.scaleDown. Absent fields take the API defaults when the
/// controller runs (scale-up: no stabilization, 100 % or 4 pods per 15 s, Max; scale-down:
/// 300 s stabilization, 100 % per 15 s).
struct HpaScalingRules {
    std::optional<int> stabilizationWindowSeconds; ///< 0..3600
    std::optional<SelectPolicy> selectPolicy;
    QList<HpaScalingPolicy> policies;
    std::optional<Quantity> tolerance; ///< per-direction tolerance (Kubernetes 1.33+)
    bool operator==(const HpaScalingRules &) const = default;
};

struct HpaBehavior {
    std::optional<HpaScalingRules> scaleUp;
    std::optional<HpaScalingRules> scaleDown;
    bool operator==(const HpaBehavior &) const = default;
};

struct HpaSpec {
    CrossVersionObjectReference scaleTargetRef;
    std::optional<int> minReplicas; ///< defaults to 1
    int maxReplicas = 1;
    QList<MetricSpec> metrics;      ///< empty = CPU at 80 % utilization, as the API defaults it
    std::optional<HpaBehavior> behavior;
    bool operator==(const HpaSpec &) const = default;
};

} // namespace headroom::model
