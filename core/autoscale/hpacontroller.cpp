#include "core/autoscale/hpacontroller.h"

#include "core/autoscale/hpabehavior.h"
#include "core/autoscale/recommendationwindow.h"
#include "core/autoscale/replicacalculator.h"

#include <QStringList>

namespace headroom::autoscale {

using model::MetricSourceType;
using model::MetricSpec;
using model::MetricTargetType;

QString decidedByName(DecidedBy d)
{
    switch (d) {
    case DecidedBy::Metrics: return QStringLiteral("metrics");
    case DecidedBy::Tolerance: return QStringLiteral("tolerance");
    case DecidedBy::StabilizationWindow: return QStringLiteral("stabilizationWindow");
    case DecidedBy::ScaleUpPolicy: return QStringLiteral("scaleUpPolicy");
    case DecidedBy::ScaleDownPolicy: return QStringLiteral("scaleDownPolicy");
    case DecidedBy::ScalingDisabled: return QStringLiteral("scalingDisabled");
    case DecidedBy::MinReplicas: return QStringLiteral("minReplicas");
    case DecidedBy::MaxReplicas: return QStringLiteral("maxReplicas");
    case DecidedBy::LegacyScaleUpLimit: return QStringLiteral("legacyScaleUpLimit");
    case DecidedBy::NoUsableMetric: return QStringLiteral("noUsableMetric");
    }
    return {};
}

QList<MetricSpec> effectiveMetrics(const model::HpaSpec &spec)
{
    if (!spec.metrics.isEmpty())
        return spec.metrics;
    MetricSpec cpu;
    cpu.type = MetricSourceType::Resource;
    cpu.resourceName = QStringLiteral("cpu");
    cpu.target.type = MetricTargetType::Utilization;
    cpu.target.averageUtilization = 80;
    return {cpu};
}

namespace {

MetricResult failure(QString why)
{
    MetricResult r;
    r.error = std::move(why);
    return r;
}

QString typeName(MetricSourceType t)
{
    switch (t) {
    case MetricSourceType::Resource: return QStringLiteral("Resource");
    case MetricSourceType::ContainerResource: return QStringLiteral("ContainerResource");
    case MetricSourceType::Pods: return QStringLiteral("Pods");
    case MetricSourceType::Object: return QStringLiteral("Object");
    case MetricSourceType::External: return QStringLiteral("External");
    }
    return {};
}

/// Per-pod usage of one resource (summed over containers, or one container); a pod lacking the
/// resource in any counted container has no sample, as the metrics client drops it.
std::optional<PodMetricsInfo> resourceSamples(const ClusterState &cluster, const QString &resource,
                                              const QString &container)
{
    if (!cluster.podMetrics || cluster.podMetrics->isEmpty())
        return std::nullopt;
    PodMetricsInfo info;
    for (auto it = cluster.podMetrics->cbegin(); it != cluster.podMetrics->cend(); ++it) {
        std::int64_t sum = 0;
        bool complete = !it->containers.empty();
        bool found = container.isEmpty();
        for (const ContainerRequests &c : it->containers) {
            if (!container.isEmpty() && c.name != container)
                continue;
            const auto v = c.requestsMilli.constFind(resource);
            if (v == c.requestsMilli.cend()) {
                complete = false;
                break;
            }
            sum += *v;
            found = true;
        }
        if (complete && found)
            info.insert(it.key(), PodMetric{sum, it->timestampMs, it->windowMs});
    }
    return info;
}

std::optional<PodMetricsInfo> podSamples(const ClusterState &cluster, const QString &metric)
{
    if (!cluster.customMetrics)
        return std::nullopt;
    PodMetricsInfo info;
    for (const CustomMetricSample &s : *cluster.customMetrics)
        if (s.metricName == metric && s.objectKind == u"Pod")
            info.insert(s.objectName, PodMetric{s.valueMilli, s.timestampMs, s.windowMs});
    if (info.isEmpty())
        return std::nullopt;
    return info;
}

std::optional<std::int64_t> objectSample(const ClusterState &cluster, const MetricSpec &m)
{
    if (!cluster.customMetrics)
        return std::nullopt;
    for (const CustomMetricSample &s : *cluster.customMetrics)
        if (s.metricName == m.metric.name && s.objectKind == m.describedObject.kind
            && s.objectName == m.describedObject.name)
            return s.valueMilli;
    return std::nullopt;
}

std::optional<std::int64_t> milli(const std::optional<model::Quantity> &q)
{
    if (!q)
        return std::nullopt;
    return q->milliValue();
}

MetricResult computeResource(const MetricSpec &m, const QString &container, const ClusterState &cluster,
                             const ReplicaCalculator &calc, Tolerances tol)
{
    const auto samples = resourceSamples(cluster, m.resourceName, container);
    if (!samples)
        return failure(QStringLiteral("unable to get metrics for resource %1: no metrics returned from "
                                                    "resource metrics API").arg(m.resourceName));
    if (const auto avg = milli(m.target.averageValue))
        return calc.plainMetric(cluster.specReplicas, *avg, m.resourceName, *samples, tol);
    if (!m.target.averageUtilization)
        return failure(QStringLiteral("invalid resource metric source: neither an average utilization "
                                                    "target nor an average value (usage) target was set"));
    return calc.resourceUtilization(cluster.specReplicas, *m.target.averageUtilization, m.resourceName, container,
                                    *samples, tol);
}

MetricResult computeOne(const MetricSpec &m, const ClusterState &cluster, const ReplicaCalculator &calc,
                        Tolerances tol)
{
    switch (m.type) {
    case MetricSourceType::Resource:
        return computeResource(m, {}, cluster, calc, tol);
    case MetricSourceType::ContainerResource:
        return computeResource(m, m.container, cluster, calc, tol);
    case MetricSourceType::Pods: {
        const auto avg = milli(m.target.averageValue);
        if (!avg)
            return failure(QStringLiteral("invalid pods metric source: no average value target"));
        const auto samples = podSamples(cluster, m.metric.name);
        if (!samples)
            return failure(QStringLiteral("unable to get metric %1: no metrics returned from custom "
                                                        "metrics API").arg(m.metric.name));
        return calc.plainMetric(cluster.specReplicas, *avg, {}, *samples, tol);
    }
    case MetricSourceType::Object: {
        const auto value = objectSample(cluster, m);
        const QString missing = QStringLiteral("unable to get metric %1: %2 %3 has no value in customMetrics")
                                    .arg(m.metric.name, m.describedObject.kind, m.describedObject.name);
        if (m.target.type == MetricTargetType::Value && m.target.value) {
            if (!value)
                return failure(missing);
            return calc.objectValue(cluster.specReplicas, *value, m.target.value->milliValue(), tol);
        }
        if (m.target.type == MetricTargetType::AverageValue && m.target.averageValue) {
            if (!value)
                return failure(missing);
            return calc.perPodTotal(cluster.statusReplicas, *value, m.target.averageValue->milliValue(), tol);
        }
        return failure(QStringLiteral("invalid object metric source: neither a value target nor an "
                                                    "average value target was set"));
    }
    case MetricSourceType::External: {
        const auto it = cluster.externalMetrics.constFind(m.metric.name);
        const bool have = it != cluster.externalMetrics.cend() && !it->empty();
        const QString missing = QStringLiteral("unable to get external metric %1: no metrics returned from external "
                                               "metrics API").arg(m.metric.name);
        if (m.target.averageValue) {
            if (!have)
                return failure(missing);
            std::int64_t total = 0;
            for (std::int64_t v : *it)
                total += v;
            return calc.perPodTotal(cluster.statusReplicas, total, m.target.averageValue->milliValue(), tol);
        }
        if (m.target.value) {
            if (!have)
                return failure(missing);
            return calc.externalValue(cluster.specReplicas, *it, m.target.value->milliValue(), tol);
        }
        return failure(QStringLiteral("invalid external metric source: neither a value target nor an "
                                                    "average value target was set"));
    }
    }
    return {};
}

QString describeMetric(const MetricResult &r)
{
    if (r.utilization)
        return QStringLiteral("%1 at %2% of request").arg(r.name).arg(*r.utilization);
    if (r.valueMilli)
        return QStringLiteral("%1 at %2").arg(r.name, model::Quantity::fromMilli(*r.valueMilli).toString());
    return r.name;
}

QString explain(const SyncResult &s, bool n, int winner, int minReplicas, int maxReplicas)
{
    const int cur = s.currentReplicas;
    const int want = s.desiredReplicas;
    QString metricPart;
    if (winner >= 0) {
        const MetricResult &w = s.metrics[static_cast<std::size_t>(winner)];
        metricPart = QStringLiteral("%1 proposes %2 replicas").arg(describeMetric(w)).arg(*w.replicas);
    }
    const QString change = want == cur ? QStringLiteral("the target stays at %1 replicas").arg(cur)
                                       : QStringLiteral("the target goes from %1 to %2 replicas").arg(cur).arg(want);
    switch (s.decidedBy) {
    case DecidedBy::ScalingDisabled:
        if (!n)
            return QStringLiteral("Scaling is disabled because the target has 0 replicas; %1.").arg(change);
        return QStringLiteral("%1, but selectPolicy is Disabled for this direction; %2.").arg(metricPart, change);
    case DecidedBy::MaxReplicas:
        if (!n)
            return QStringLiteral("The target has more replicas than maxReplicas (%1); %2.").arg(maxReplicas).arg(change);
        return QStringLiteral("%1, capped at maxReplicas %2; %3.").arg(metricPart).arg(maxReplicas).arg(change);
    case DecidedBy::MinReplicas:
        if (!n)
            return QStringLiteral("The target has fewer replicas than minReplicas (%1); %2.").arg(minReplicas).arg(change);
        return QStringLiteral("%1, raised to minReplicas %2; %3.").arg(metricPart).arg(minReplicas).arg(change);
    case DecidedBy::NoUsableMetric: {
        int failedCount = 0;
        QString first;
        for (const MetricResult &m : s.metrics)
            if (!m.replicas) {
                if (first.isEmpty())
                    first = m.error;
                ++failedCount;
            }
        const QString why = failedCount == int(s.metrics.size())
            ? QStringLiteral("no metric could be computed")
            : QStringLiteral("%1 of %2 metrics failed and the others would scale down").arg(failedCount).arg(s.metrics.size());
        return QStringLiteral("Not scaling: %1 (first error: %2); %3.").arg(why, first, change);
    }
    case DecidedBy::Tolerance:
        return QStringLiteral("%1: the usage is within the tolerance of the target; %2.").arg(metricPart, change);
    case DecidedBy::StabilizationWindow:
        return QStringLiteral("%1, but the stabilization window holds the recommendation at %2; %3.")
            .arg(metricPart).arg(s.stabilized.value_or(want)).arg(change);
    case DecidedBy::ScaleUpPolicy:
        return QStringLiteral("%1, but the scale-up policies allow at most %2 now; %3.").arg(metricPart).arg(want).arg(change);
    case DecidedBy::ScaleDownPolicy:
        return QStringLiteral("%1, but the scale-down policies allow at least %2 now; %3.").arg(metricPart).arg(want).arg(change);
    case DecidedBy::LegacyScaleUpLimit:
        return QStringLiteral("%1, but without a behavior a sync may at most double the size (minimum 4); %2.")
            .arg(metricPart, change);
    case DecidedBy::Metrics:
        break;
    }
    return QStringLiteral("%1; %2.").arg(metricPart, change);
}

} // namespace

Decision decideReplicas(const model::HpaSpec &spec, const std::optional<ResolvedBehavior> &behavior,
                        const ControllerSettings &settings, ControllerMemory &memory, int current,
                        const std::vector<MetricResult> &metrics, std::int64_t nowMs,
                        RecommendationWindow *window)
{
    Decision d;
    if (!window && !memory.recommendations) // first sync: the current size is the first recommendation
        memory.recommendations = std::vector<Recommendation>{Recommendation{current, nowMs}};
    const int minReplicas = spec.minReplicas.value_or(1);
    const int maxReplicas = spec.maxReplicas;
    int proposal = 0;
    std::size_t invalid = 0;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (!metrics[i].replicas)
            ++invalid;
        else if (proposal == 0 || *metrics[i].replicas > proposal) {
            proposal = *metrics[i].replicas;
            d.winner = int(i);
        }
    }
    if (current == 0 && minReplicas != 0) {
        d.desired = 0;
        d.decidedBy = DecidedBy::ScalingDisabled;
        return d;
    }
    if (current > maxReplicas) {
        d.desired = maxReplicas;
        d.decidedBy = DecidedBy::MaxReplicas;
    } else if (current < minReplicas) {
        d.desired = minReplicas;
        d.decidedBy = DecidedBy::MinReplicas;
    } else if (invalid >= metrics.size() || (invalid > 0 && proposal < current)) {
        d.desired = current;
        d.decidedBy = DecidedBy::NoUsableMetric;
        return d;
    } else {
        d.proposal = proposal;
        const Normalized n = window ? normalizeReplicas(behavior, settings, memory, *window, current, proposal,
                                                        minReplicas, maxReplicas, nowMs)
                                    : normalizeReplicas(behavior, settings, memory, current, proposal, minReplicas,
                                                        maxReplicas, nowMs);
        d.stabilized = n.stabilized;
        d.desired = n.desired;
        d.decidedBy = n.limitedBy;
        if (d.decidedBy == DecidedBy::Metrics && d.winner >= 0 && metrics[std::size_t(d.winner)].withinTolerance
            && proposal == current)
            d.decidedBy = DecidedBy::Tolerance;
    }
    if (d.desired != current)
        storeScaleEvent(behavior, memory, current, d.desired, nowMs);
    return d;
}

SyncResult syncHpa(const HpaUnderTest &hpa, const ClusterState &cluster, const ControllerSettings &settings,
                   ControllerMemory memory, std::int64_t nowMs)
{
    SyncResult s;
    s.currentReplicas = cluster.specReplicas;
    const auto behavior = resolveBehavior(hpa.spec, settings);
    const Tolerances tol = behavior ? Tolerances{behavior->scaleDown.tolerance, behavior->scaleUp.tolerance}
                                    : Tolerances{settings.tolerance, settings.tolerance};
    const QList<MetricSpec> metrics = effectiveMetrics(hpa.spec);
    const ReplicaCalculator calc(cluster.pods, nowMs, settings);
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const MetricSpec &m = metrics[i];
        const QString unknown = std::size_t(i) < hpa.unknownMetricTypes.size() ? hpa.unknownMetricTypes[std::size_t(i)]
                                                                                 : QString();
        MetricResult r = unknown.isEmpty() ? computeOne(m, cluster, calc, tol)
                                           : failure(QStringLiteral("unknown metric source type \"%1\"").arg(unknown));
        r.type = unknown.isEmpty() ? typeName(m.type) : unknown;
        r.name = unknown.isEmpty() ? (m.type == MetricSourceType::Resource || m.type == MetricSourceType::ContainerResource
                                          ? m.resourceName : m.metric.name)
                                   : QString();
        if (!r.replicas)
            r.utilization.reset();
        s.metrics.push_back(std::move(r));
    }
    const Decision d = decideReplicas(hpa.spec, behavior, settings, memory, s.currentReplicas, s.metrics, nowMs);
    s.desiredReplicas = d.desired;
    s.decidedBy = d.decidedBy;
    s.metricsProposal = d.proposal;
    s.stabilized = d.stabilized;
    const bool normalized = d.proposal.has_value();
    s.explanation = explain(s, normalized, d.winner, hpa.spec.minReplicas.value_or(1), hpa.spec.maxReplicas);
    s.memory = std::move(memory);
    return s;
}

} // namespace headroom::autoscale
