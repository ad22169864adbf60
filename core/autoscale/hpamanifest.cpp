#include "core/autoscale/hpamanifest.h"

#include "core/model/scenarioschema.h"
#include "core/model/yamlio.h"

#include <algorithm>

namespace headroom::autoscale {

using namespace model;

QString workloadName(const Scenario &scenario, const Tier &tier)
{
    if (tier.hpa && !tier.hpa->scaleTargetRef.name.isEmpty())
        return tier.hpa->scaleTargetRef.name;
    QString slug;
    for (const QChar c : scenario.metadata.name.toLower()) {
        if (c.isLetterOrNumber())
            slug.append(c);
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug.append(u'-');
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (slug.isEmpty())
        return tier.id;
    return slug + u'-' + tier.id;
}

static MetricSpec utilizationMetric(const QString &resource, int percent)
{
    MetricSpec m;
    m.type = MetricSourceType::Resource;
    m.resourceName = resource;
    m.target.type = MetricTargetType::Utilization;
    m.target.averageUtilization = percent;
    return m;
}

static MetricSpec externalMetric(const QString &name, MetricTargetType type, double value)
{
    MetricSpec m;
    m.type = MetricSourceType::External;
    m.metric.name = name;
    m.target.type = type;
    if (type == MetricTargetType::AverageValue)
        m.target.averageValue = Quantity::fromValue(value);
    else
        m.target.value = Quantity::fromValue(value);
    return m;
}

static int windowSeconds(Milliseconds cooldown)
{
    return static_cast<int>(std::clamp<long long>(cooldown.count() / 1000, 0, 3600));
}

HpaSpec hpaSpecForTier(const Scenario &scenario, const Tier &tier)
{
    if (tier.hpa)
        return *tier.hpa;
    const TierAutoscaling &a = tier.autoscaling;
    HpaSpec spec;
    spec.scaleTargetRef = CrossVersionObjectReference{QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                                      workloadName(scenario, tier)};
    spec.minReplicas = std::max(a.minReplicas, 1);
    spec.maxReplicas = std::max(a.maxReplicas, spec.minReplicas.value_or(1));
    if (a.targetCPUUtilization)
        spec.metrics.append(utilizationMetric(QStringLiteral("cpu"), *a.targetCPUUtilization));
    if (a.targetMemoryUtilization)
        spec.metrics.append(utilizationMetric(QStringLiteral("memory"), *a.targetMemoryUtilization));
    if (a.queueDepthThreshold)
        spec.metrics.append(externalMetric(QStringLiteral("queue_depth"), MetricTargetType::AverageValue,
                                           *a.queueDepthThreshold));
    if (a.processingTimeThreshold)
        spec.metrics.append(externalMetric(QStringLiteral("job_wait_seconds"), MetricTargetType::Value,
                                           a.processingTimeThreshold->count() / 1000.0));
    if (a.scaleUpCooldown || a.scaleDownCooldown) {
        HpaBehavior b;
        if (a.scaleUpCooldown)
            b.scaleUp = HpaScalingRules{windowSeconds(*a.scaleUpCooldown), std::nullopt, {}, std::nullopt};
        if (a.scaleDownCooldown)
            b.scaleDown = HpaScalingRules{windowSeconds(*a.scaleDownCooldown), std::nullopt, {}, std::nullopt};
        spec.behavior = b;
    }
    return spec;
}

QByteArray hpaManifestYaml(const Scenario &scenario, const Tier &tier)
{
    const HpaSpec spec = hpaSpecForTier(scenario, tier);
    YamlWriter writer;
    YAML::Node root(YAML::NodeType::Map);
    root["apiVersion"] = "autoscaling/v2";
    root["kind"] = "HorizontalPodAutoscaler";
    YAML::Node meta(YAML::NodeType::Map);
    meta["name"] = workloadName(scenario, tier).toStdString();
    YAML::Node labels(YAML::NodeType::Map);
    labels["app.kubernetes.io/managed-by"] = "headroom";
    labels["headroom/tier"] = tier.id.toStdString();
    meta["labels"] = labels;
    root["metadata"] = meta;
    root["spec"] = writer.write(spec, QStringLiteral("spec"));
    return emitYaml(root);
}

} // namespace headroom::autoscale
