#include "core/autoscale/replicacalculator.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::autoscale {

namespace {

int ceilToInt(double v)
{
    const double c = std::ceil(v);
    if (c >= static_cast<double>(std::numeric_limits<int>::max()))
        return std::numeric_limits<int>::max();
    return static_cast<int>(c);
}

struct Utilization {
    double ratio = 0;
    int percent = 0;
    bool ok = false;
};

/// sum(usage) * 100 / sum(requests) over the pods that have both, truncated to an integer percent.
Utilization utilizationRatio(const PodMetricsInfo &metrics, const QHash<QString, std::int64_t> &requests, int target)
{
    std::int64_t usage = 0;
    std::int64_t requested = 0;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it) {
        const auto req = requests.constFind(it.key());
        if (req == requests.cend())
            continue; // a sample of a pod the selector does not list
        usage += it->valueMilli;
        requested += *req;
    }
    if (requested == 0)
        return {};
    const int percent = static_cast<int>(usage * 100 / requested);
    return {static_cast<double>(percent) / target, percent, true};
}

struct Usage {
    double ratio = 0;
    std::int64_t average = 0;
};

Usage usageRatio(const PodMetricsInfo &metrics, std::int64_t target)
{
    std::int64_t total = 0;
    for (const PodMetric &m : metrics)
        total += m.valueMilli;
    const std::int64_t average = total / static_cast<std::int64_t>(metrics.size());
    return {static_cast<double>(average) / static_cast<double>(target), average};
}

bool directionFlipped(double before, double after)
{
    return (before < 1.0 && after > 1.0) || (before > 1.0 && after < 1.0);
}

} // namespace

ReplicaCalculator::Groups ReplicaCalculator::groupPods(const PodMetricsInfo &metrics, const QString &resource) const
{
    Groups g;
    const bool cpu = resource == u"cpu";
    for (const PodState &pod : m_pods) {
        if (pod.deleting || pod.phase == PodPhase::Failed) {
            g.ignored.append(pod.name);
            continue;
        }
        if (pod.phase == PodPhase::Pending) {
            g.unready.append(pod.name);
            continue;
        }
        const auto sample = metrics.constFind(pod.name);
        if (sample == metrics.cend()) {
            g.missing.append(pod.name);
            continue;
        }
        if (cpu) {
            bool unready = false;
            if (!pod.ready || !pod.startTimeMs) {
                unready = true;
            } else if (*pod.startTimeMs + m_settings.cpuInitializationPeriod.count() > m_nowMs) {
                // still initializing: trust the sample only if ready and a full window was collected since
                unready = !*pod.ready || sample->timestampMs < pod.readyTransitionMs + sample->windowMs;
            } else {
                // past initialization: ignore only a pod that has never been ready
                unready = !*pod.ready
                    && *pod.startTimeMs + m_settings.initialReadinessDelay.count() > pod.readyTransitionMs;
            }
            if (unready) {
                g.unready.append(pod.name);
                continue;
            }
        }
        ++g.ready;
    }
    return g;
}

bool ReplicaCalculator::requests(const QString &container, const QString &resource,
                                 QHash<QString, std::int64_t> *out, QString *error) const
{
    for (const PodState &pod : m_pods) {
        std::int64_t sum = 0;
        bool found = container.isEmpty();
        for (const ContainerRequests &c : pod.containers) {
            if (!container.isEmpty() && c.name != container)
                continue;
            const auto req = c.requestsMilli.constFind(resource);
            if (req == c.requestsMilli.cend()) {
                *error = QStringLiteral("missing request for %1 in container %2 of Pod %3").arg(resource, c.name, pod.name);
                return false;
            }
            sum += *req;
            found = true;
        }
        if (!found) {
            *error = QStringLiteral("container %1 not found in Pod %2").arg(container, pod.name);
            return false;
        }
        out->insert(pod.name, sum);
    }
    return true;
}

static MetricResult failed(QString why)
{
    MetricResult r;
    r.error = std::move(why);
    return r;
}

static void setCounts(MetricResult &r, int ready, qsizetype unready, qsizetype missing, qsizetype ignored)
{
    r.readyPods = ready;
    r.unreadyPods = static_cast<int>(unready);
    r.missingPods = static_cast<int>(missing);
    r.ignoredPods = static_cast<int>(ignored);
}

ReplicaCalculator::Groups ReplicaCalculator::usableMetrics(PodMetricsInfo &metrics, const QString &resource,
                                                           MetricResult &r) const
{
    const Groups g = groupPods(metrics, resource);
    for (const QString &name : g.ignored)
        metrics.remove(name);
    for (const QString &name : g.unready)
        metrics.remove(name);
    setCounts(r, g.ready, g.unready.size(), g.missing.size(), g.ignored.size());
    if (metrics.isEmpty())
        r.error = QStringLiteral("did not receive metrics for targeted pods (pods might be unready)");
    return g;
}

MetricResult ReplicaCalculator::resourceUtilization(int currentReplicas, int targetUtilization, const QString &resource,
                                                    const QString &container, PodMetricsInfo metrics,
                                                    Tolerances tolerances) const
{
    if (m_pods.empty())
        return failed(QStringLiteral("no pods returned by selector while calculating replica count"));
    MetricResult r;
    const Groups g = usableMetrics(metrics, resource, r);
    if (metrics.isEmpty())
        return r;
    QHash<QString, std::int64_t> req;
    if (!requests(container, resource, &req, &r.error))
        return r;
    const Utilization u = utilizationRatio(metrics, req, targetUtilization);
    if (!u.ok) {
        r.error = QStringLiteral("no metrics returned matched known pods");
        return r;
    }
    r.utilization = u.percent;
    const bool scaleUpWithUnready = !g.unready.isEmpty() && u.ratio > 1.0;
    if (!scaleUpWithUnready && g.missing.isEmpty()) {
        r.withinTolerance = tolerances.isWithin(u.ratio);
        r.replicas = r.withinTolerance ? currentReplicas : ceilToInt(u.ratio * g.ready);
        return r;
    }
    if (!g.missing.isEmpty()) {
        if (u.ratio < 1.0) {
            const std::int64_t fallback = std::max(100, targetUtilization);
            for (const QString &name : g.missing)
                metrics.insert(name, PodMetric{req.value(name) * fallback / 100, 0, 0});
        } else if (u.ratio > 1.0) {
            for (const QString &name : g.missing)
                metrics.insert(name, PodMetric{});
        }
    }
    if (scaleUpWithUnready)
        for (const QString &name : g.unready)
            metrics.insert(name, PodMetric{});
    const Utilization corrected = utilizationRatio(metrics, req, targetUtilization);
    if (tolerances.isWithin(corrected.ratio) || directionFlipped(u.ratio, corrected.ratio)) {
        r.withinTolerance = tolerances.isWithin(corrected.ratio);
        r.replicas = currentReplicas;
        return r;
    }
    const int proposal = ceilToInt(corrected.ratio * static_cast<double>(metrics.size()));
    if ((corrected.ratio < 1.0 && proposal > currentReplicas) || (corrected.ratio > 1.0 && proposal < currentReplicas))
        r.replicas = currentReplicas;
    else
        r.replicas = proposal;
    return r;
}

MetricResult ReplicaCalculator::plainMetric(int currentReplicas, std::int64_t targetMilli, const QString &resource,
                                            PodMetricsInfo metrics, Tolerances tolerances) const
{
    if (m_pods.empty())
        return failed(QStringLiteral("no pods returned by selector while calculating replica count"));
    MetricResult r;
    const Groups g = usableMetrics(metrics, resource, r);
    if (metrics.isEmpty())
        return r;
    if (targetMilli <= 0) {
        r.error = QStringLiteral("the target must be positive");
        return r;
    }
    const Usage u = usageRatio(metrics, targetMilli);
    r.valueMilli = u.average;
    const bool scaleUpWithUnready = !g.unready.isEmpty() && u.ratio > 1.0;
    if (!scaleUpWithUnready && g.missing.isEmpty()) {
        r.withinTolerance = tolerances.isWithin(u.ratio);
        r.replicas = r.withinTolerance ? currentReplicas : ceilToInt(u.ratio * g.ready);
        return r;
    }
    if (!g.missing.isEmpty()) {
        if (u.ratio < 1.0) {
            for (const QString &name : g.missing)
                metrics.insert(name, PodMetric{targetMilli, 0, 0});
        } else if (u.ratio > 1.0) {
            for (const QString &name : g.missing)
                metrics.insert(name, PodMetric{});
        }
    }
    if (scaleUpWithUnready)
        for (const QString &name : g.unready)
            metrics.insert(name, PodMetric{});
    const double corrected = usageRatio(metrics, targetMilli).ratio;
    if (tolerances.isWithin(corrected) || directionFlipped(u.ratio, corrected)) {
        r.withinTolerance = tolerances.isWithin(corrected);
        r.replicas = currentReplicas;
        return r;
    }
    const int proposal = ceilToInt(corrected * static_cast<double>(metrics.size()));
    if ((corrected < 1.0 && proposal > currentReplicas) || (corrected > 1.0 && proposal < currentReplicas))
        r.replicas = currentReplicas;
    else
        r.replicas = proposal;
    return r;
}

int ReplicaCalculator::uniformReplicas(int currentReplicas, double usageRatio, double corrected, int withMetrics,
                                       int unready, Tolerances tolerances, bool *withinTolerance)
{
    bool within = false;
    int result = currentReplicas;
    if (unready == 0 || usageRatio <= 1.0) {
        within = tolerances.isWithin(usageRatio);
        if (!within)
            result = ceilToInt(usageRatio * withMetrics);
    } else {
        // scale-up with unready pods: they count as using nothing
        const int all = withMetrics + unready;
        within = tolerances.isWithin(corrected);
        if (!within && corrected > 1.0)
            result = std::max(currentReplicas, ceilToInt(corrected * all));
    }
    if (withinTolerance)
        *withinTolerance = within;
    return result;
}

int ReplicaCalculator::readyPodCount() const
{
    int ready = 0;
    for (const PodState &pod : m_pods)
        if (pod.phase == PodPhase::Running && pod.ready.value_or(false))
            ++ready;
    return ready;
}

MetricResult ReplicaCalculator::ratioReplicas(int currentReplicas, double usageRatio, Tolerances tolerances) const
{
    MetricResult r;
    if (currentReplicas == 0) { // scale from zero: no tolerance, no ready pods to count
        r.replicas = ceilToInt(usageRatio);
        return r;
    }
    if (tolerances.isWithin(usageRatio)) {
        r.withinTolerance = true;
        r.replicas = currentReplicas;
        return r;
    }
    if (m_pods.empty()) {
        r.error = QStringLiteral("unable to calculate ready pods: no pods returned by selector while calculating replica count");
        return r;
    }
    r.readyPods = readyPodCount();
    r.replicas = ceilToInt(usageRatio * r.readyPods);
    return r;
}

MetricResult ReplicaCalculator::objectValue(int currentReplicas, std::int64_t usageMilli, std::int64_t targetMilli,
                                            Tolerances tolerances) const
{
    if (targetMilli <= 0)
        return failed(QStringLiteral("the target must be positive"));
    MetricResult r = ratioReplicas(currentReplicas,
                                   static_cast<double>(usageMilli) / static_cast<double>(targetMilli), tolerances);
    r.valueMilli = usageMilli;
    return r;
}

MetricResult ReplicaCalculator::externalValue(int currentReplicas, const std::vector<std::int64_t> &values,
                                              std::int64_t targetMilli, Tolerances tolerances) const
{
    std::int64_t total = 0;
    for (std::int64_t v : values)
        total += v;
    return objectValue(currentReplicas, total, targetMilli, tolerances);
}

MetricResult ReplicaCalculator::perPodTotal(int statusReplicas, std::int64_t usageMilli, std::int64_t targetMilli,
                                            Tolerances tolerances) const
{
    if (targetMilli <= 0)
        return failed(QStringLiteral("the target must be positive"));
    if (statusReplicas <= 0)
        return failed(QStringLiteral("the target has no replicas to divide the metric over"));
    MetricResult r;
    r.replicas = statusReplicas;
    const double ratio = static_cast<double>(usageMilli) / (static_cast<double>(targetMilli) * statusReplicas);
    r.withinTolerance = tolerances.isWithin(ratio);
    if (!r.withinTolerance)
        r.replicas = ceilToInt(static_cast<double>(usageMilli) / static_cast<double>(targetMilli));
    r.valueMilli = static_cast<std::int64_t>(std::ceil(static_cast<double>(usageMilli) / statusReplicas));
    return r;
}

} // namespace headroom::autoscale
