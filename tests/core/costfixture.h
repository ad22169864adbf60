#pragma once

#include "core/cost/catalog.h"
#include "core/cost/costmodel.h"

/// Round-number prices for hand-computed cost tests.
namespace headroom::cost::testing {

/// Node "n4": 4 vCPU, 16 GiB, on-demand $1.00/h, spot $0.30/h, reserved 1y $0.60/h (quoted),
/// reserved 3y derived from profile "half" (50% off) = $0.50/h. Storage $0.73/GB-month
/// (= $0.001/GB-hour), cache $7.30/GB-month (= $0.01/GB-hour).
inline PricingCatalog roundCatalog()
{
    PricingCatalog c;
    c.name = QStringLiteral("test");
    c.sources = {PriceSource{QStringLiteral("quote"), QStringLiteral("test quote"), QStringLiteral("2026-01-01"),
                             QStringLiteral("high")}};
    DiscountProfile half;
    half.id = QStringLiteral("half");
    half.reserved3yPct = 50;
    half.source = QStringLiteral("quote");
    c.discounts = {half};
    InstancePrice n4;
    n4.id = QStringLiteral("t/*/n4");
    n4.provider = QStringLiteral("t");
    n4.region = QStringLiteral("*");
    n4.type = QStringLiteral("n4");
    n4.vcpu = 4;
    n4.memoryBytes = 16.0 * 1024 * 1024 * 1024;
    n4.onDemandHourly = 1.0;
    n4.spotHourly = 0.30;
    n4.reserved1yHourly = 0.60;
    n4.discounts = QStringLiteral("half");
    n4.source = QStringLiteral("quote");
    c.instances = {n4};
    c.capacity = {CapacityPrice{QStringLiteral("t/*/disk"), QStringLiteral("t"), QStringLiteral("*"),
                                QStringLiteral("storage"), QStringLiteral("disk"), 0.73, QStringLiteral("quote"), {}},
                  CapacityPrice{QStringLiteral("t/*/ram"), QStringLiteral("t"), QStringLiteral("*"),
                                QStringLiteral("cache"), QStringLiteral("ram"), 7.30, QStringLiteral("quote"), {}}};
    return c;
}

/// One tier on n4 with pods of 1000m / 2 GiB: 4 pods per node (CPU-bound).
inline TierNodes tierOnN4(const QString &id, bool spotTolerant)
{
    return TierNodes{id, QStringLiteral("n4"), 4, 16.0 * 1024 * 1024 * 1024, 1000, 2.0 * 1024 * 1024 * 1024,
                     spotTolerant};
}

/// An hourly series from per-hour replica counts.
inline ReplicaSeries hourly(const QString &tier, const std::vector<double> &replicas)
{
    ReplicaSeries s{tier, {}, replicas, 1.0};
    for (size_t i = 0; i < replicas.size(); ++i)
        s.hours.push_back(static_cast<double>(i));
    return s;
}

inline CostInput oneRegion(const QList<TierNodes> &tiers, std::vector<ReplicaSeries> series)
{
    CostInput in;
    in.provider = QStringLiteral("t");
    in.tiers = tiers;
    in.regions = {RegionShare{QStringLiteral("r1"), 1.0}};
    in.replicas = std::move(series);
    in.startDate = QDate(2026, 1, 1);
    return in;
}

inline double sumCost(const CostBreakdown &b, PurchaseOption option, const QString &tier = {})
{
    double sum = 0;
    for (const CostLine &l : b.lines) {
        if (l.option == option && !l.perGb && (tier.isEmpty() || l.tierId == tier))
            sum += l.costUsd;
    }
    return sum;
}

inline double sumUnitHours(const CostBreakdown &b, PurchaseOption option)
{
    double sum = 0;
    for (const CostLine &l : b.lines) {
        if (l.option == option && !l.perGb)
            sum += l.unitHours;
    }
    return sum;
}

} // namespace headroom::cost::testing
