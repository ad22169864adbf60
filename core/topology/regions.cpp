#include "core/topology/regions.h"

#include "core/topology/sharding.h"

#include <algorithm>
#include <cmath>

namespace headroom::topology {

namespace {

model::Diagnostic shareWarning(const QString &path, double sum)
{
    model::Diagnostic d = model::makeError(
        QStringLiteral("trafficShare adds up to %1 percent, not 100; shares are normalised").arg(sum), path);
    d.severity = model::Severity::Warning;
    return d;
}

// Normalises percentages to fractions; all-zero splits evenly.
QList<double> normalised(const QList<double> &percent)
{
    double sum = 0;
    for (const double p : percent)
        sum += std::max(0.0, p);
    QList<double> result;
    for (const double p : percent)
        result << (sum > 0 ? std::max(0.0, p) / sum : 1.0 / double(percent.size()));
    return result;
}

double sumOf(const QList<double> &values)
{
    double sum = 0;
    for (const double v : values)
        sum += v;
    return sum;
}

} // namespace

int RegionHierarchy::indexOf(QStringView regionId) const
{
    for (qsizetype i = 0; i < regions.size(); ++i) {
        if (regions[i].regionId == regionId)
            return int(i);
    }
    return -1;
}

RegionHierarchy regionHierarchy(const model::Scenario &scenario)
{
    RegionHierarchy h;
    const auto &groups = scenario.spec.regions.groups;
    QList<double> groupPercent;
    for (const model::RegionGroup &g : groups)
        groupPercent << g.trafficShare;
    if (!groups.isEmpty() && std::abs(sumOf(groupPercent) - 100) > 0.5)
        h.warnings << shareWarning(QStringLiteral("spec.regions.groups"), sumOf(groupPercent));
    const QList<double> groupShare = normalised(groupPercent);
    for (qsizetype gi = 0; gi < groups.size(); ++gi) {
        QList<double> regionPercent;
        for (const model::Region &r : groups[gi].regions)
            regionPercent << r.trafficShare;
        if (!regionPercent.isEmpty() && std::abs(sumOf(regionPercent) - 100) > 0.5)
            h.warnings << shareWarning(QStringLiteral("spec.regions.groups[%1].regions").arg(gi), sumOf(regionPercent));
        const QList<double> regionShare = normalised(regionPercent);
        for (qsizetype ri = 0; ri < groups[gi].regions.size(); ++ri)
            h.regions.append({groups[gi].id, groups[gi].regions[ri].id, groupShare[gi], regionShare[ri]});
    }
    return h;
}

BalancerSpread spreadLoad(model::BalancingAlgorithm algorithm, const QList<Backend> &backends, double load,
                          bool sessionAffinity, int clients)
{
    using model::BalancingAlgorithm;
    BalancerSpread spread;
    QList<int> healthy;
    double healthyCapacity = 0;
    double healthyWeight = 0;
    for (qsizetype i = 0; i < backends.size(); ++i) {
        spread.backends.append({backends[i].name, 0, 0, 0});
        if (backends[i].healthy) {
            healthy << int(i);
            healthyCapacity += backends[i].capacity;
            healthyWeight += backends[i].weight;
        }
    }
    if (healthy.isEmpty())
        return spread;
    QList<double> share(backends.size(), 0.0);
    switch (algorithm) {
    case BalancingAlgorithm::RoundRobin:
    case BalancingAlgorithm::Random:
        for (const int i : healthy)
            share[i] = 1.0 / double(healthy.size());
        break;
    case BalancingAlgorithm::WeightedRoundRobin:
        for (const int i : healthy)
            share[i] = healthyWeight > 0 ? backends[i].weight / healthyWeight : 1.0 / double(healthy.size());
        break;
    case BalancingAlgorithm::LeastConnections:
        for (const int i : healthy)
            share[i] = healthyCapacity > 0 ? backends[i].capacity / healthyCapacity : 1.0 / double(healthy.size());
        break;
    case BalancingAlgorithm::IpHash: {
        // Client i is 10.x.y.z; its backend is hash(address) mod the healthy count (and mod all
        // backends when every one is up, to count the clients an outage remaps).
        int remapped = 0;
        const int n = std::max(1, clients);
        for (int c = 0; c < n; ++c) {
            const QByteArray ip = "10." + QByteArray::number((c >> 16) & 0xff) + '.' + QByteArray::number((c >> 8) & 0xff)
                + '.' + QByteArray::number(c & 0xff);
            const std::uint64_t h = hashKey(std::string_view(ip.constData(), size_t(ip.size())));
            const int target = healthy[int(h % std::uint64_t(healthy.size()))];
            share[target] += 1.0 / n;
            remapped += target != int(h % std::uint64_t(backends.size())) ? 1 : 0;
        }
        spread.remappedClients = double(remapped) / n;
        spread.brokenSessions = sessionAffinity ? spread.remappedClients : 0;
        break;
    }
    }
    for (qsizetype i = 0; i < backends.size(); ++i) {
        BackendLoad &b = spread.backends[i];
        b.share = share[i];
        b.load = share[i] * load;
        b.utilisation = backends[i].capacity > 0 ? b.load / backends[i].capacity : (b.load > 0 ? INFINITY : 0);
        spread.maxUtilisation = std::max(spread.maxUtilisation, b.utilisation);
    }
    const double ideal = healthyCapacity > 0 ? load / healthyCapacity : 0;
    spread.imbalance = ideal > 0 ? spread.maxUtilisation / ideal : 1;
    return spread;
}

HealthCheckTiming healthCheckTiming(const model::LoadBalancingStrategy &strategy, Milliseconds drain)
{
    const int threshold = std::max(1, strategy.unhealthyThreshold);
    return {strategy.healthCheckInterval * (threshold - 1) + strategy.healthCheckTimeout,
            strategy.healthCheckInterval * threshold + strategy.healthCheckTimeout, drain};
}

double tierDemand(const model::Scenario &scenario, const model::Tier &tier)
{
    const model::DemandProfile &d = scenario.spec.demand;
    double demand = d.concurrentUsers;
    switch (tier.workload.capacityMetric) {
    case model::CapacityMetric::Users:
        break;
    case model::CapacityMetric::Requests:
        demand *= d.requestsPerUserPerSecond;
        break;
    case model::CapacityMetric::Jobs:
        demand *= d.jobsPerUserPerSecond * std::chrono::duration<double>(tier.workload.serviceTime).count();
        break;
    }
    return demand * tier.workload.demandShare;
}

} // namespace headroom::topology
