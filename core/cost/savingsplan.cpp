#include "core/cost/savingsplan.h"

#include "core/model/csv.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <cmath>

namespace headroom::cost {

QString riskName(Risk risk)
{
    switch (risk) {
    case Risk::Low: return QStringLiteral("low");
    case Risk::Medium: return QStringLiteral("medium");
    case Risk::High: return QStringLiteral("high");
    }
    return {};
}

namespace {

using model::csvFixed;
using model::csvNumber;

QString usd(double v)
{
    return u'$' + csvFixed(v, 2);
}

QString pct(double fraction)
{
    return csvNumber(std::round(fraction * 1000) / 10) + u'%';
}

double perMonth(const CostBreakdown &b, double usdOverHorizon)
{
    return b.horizonHours > 0 ? usdOverHorizon / b.horizonHours * 730.0 : 0;
}

const TierNodes *findTier(const CostInput &input, const QString &id)
{
    for (const TierNodes &t : input.tiers) {
        if (t.tierId == id)
            return &t;
    }
    return nullptr;
}

/// Item 1: spot-tolerant tiers from the current ratio to the target.
void spotItem(const CostInput &input, const CostBreakdown &before, const CostBreakdown &after,
              const CostOptions &current, const CostOptions &next, SavingsPlan &plan)
{
    SavingsItem item{QStringLiteral("spot_instance_increase"), {}, 0, Risk::Medium, {}, {}};
    for (const TierNodes &t : input.tiers) {
        if (!t.spotTolerant)
            continue;
        const double saving = perMonth(before, before.byTier.value(t.tierId) - after.byTier.value(t.tierId));
        item.inputs << QStringLiteral("%1: spot %2 -> %3 of nodes on %4 saves %5/month")
                           .arg(t.tierId, pct(current.tierSpotRatio.value(t.tierId, current.spotRatio)),
                                pct(next.spotRatio), t.nodeType, usd(saving));
        item.monthlySavingUsd += saving;
    }
    for (const CostLine &l : after.lines) {
        if (l.option == PurchaseOption::Spot && l.day == 0 && l.regionId == input.regions.first().id)
            item.inputs << QStringLiteral("%1 spot price %2/h from %3 (%4)")
                               .arg(l.rowId, csvNumber(l.hourlyPrice), l.priceSource, l.priceDate);
    }
    item.inputs << QStringLiteral("haircut: spot nodes / (1 - %1 interruption rate)").arg(pct(next.spotInterruptionRate));
    item.implementation = QStringLiteral("gradual: raise the spot share of spot-tolerant node pools to %1, "
                                         "keeping on-demand for the rest")
                              .arg(pct(next.spotRatio));
    if (item.monthlySavingUsd > 0)
        plan.items.push_back(item);
}

/// Item 2: per tier, a reservation on the always-needed non-spot baseline.
model::Result<CostOptions> reservedItems(const CostInput &input, const PricingCatalog &catalog,
                                         const CostBreakdown &base, CostOptions options,
                                         const SavingsSettings &settings, SavingsPlan &plan)
{
    options.reservedTerm = settings.reservedTerm;
    options.reservedPercentile = settings.reservedPercentile;
    QStringList accepted;
    for (const TierNodes &t : input.tiers) {
        CostOptions trial = options;
        trial.reservedTiers = QStringList{t.tierId};
        auto cost = computeCost(input, catalog, trial);
        if (!cost)
            return cost.errors();
        const double saving = perMonth(base, base.byTier.value(t.tierId) - cost->byTier.value(t.tierId));
        SavingsItem item{QStringLiteral("reserved_instance_purchase"), t.tierId, saving, Risk::Low, {}, {}};
        int nodes = 0;
        for (const Reservation &r : cost->reservations) {
            nodes += r.nodes;
            item.inputs << QStringLiteral("%1 %2: %3 x %4 %5/h vs on-demand %6/h, used %7, break-even after %8 of %9 months")
                               .arg(r.tierId, r.regionId, QString::number(r.nodes), r.rowId, csvNumber(r.reservedHourly),
                                    csvNumber(r.onDemandHourly), pct(r.utilization),
                                    csvNumber(std::round(r.breakEvenMonths * 10) / 10), QString::number(termMonths(r.term)));
        }
        if (saving <= settings.reservedSavingsThresholdUsd) {
            if (nodes > 0)
                plan.notes << QStringLiteral("reservation for %1 saves %2/month, not above the %3 threshold")
                                  .arg(t.tierId, usd(saving), usd(settings.reservedSavingsThresholdUsd));
            continue;
        }
        item.inputs.prepend(QStringLiteral("baseline: %1 of non-spot nodes over %2 days; threshold %3/month")
                                .arg(settings.reservedPercentile <= 0
                                         ? QStringLiteral("the minimum")
                                         : QStringLiteral("the %1 percentile").arg(pct(settings.reservedPercentile)),
                                     QString::number(base.days), usd(settings.reservedSavingsThresholdUsd)));
        item.implementation = QStringLiteral("immediate: buy %1 x %2 for %3 (%4 nodes)")
                                  .arg(QString::number(nodes), purchaseOptionName(settings.reservedTerm), t.tierId,
                                       QString::number(nodes));
        plan.items.push_back(item);
        accepted << t.tierId;
    }
    options.reservedTiers = accepted;
    if (accepted.isEmpty())
        options.reservedTerm.reset();
    return options;
}

/// Item 3: the cheapest node type that keeps utilization under target at the same node count.
/// Returns the tier's price ratio (new / old) for the items after it.
double rightSizeItem(const CostInput &input, const PricingCatalog &catalog, const CostBreakdown &cost,
                     const TierNodes &tier, const SavingsSettings &settings, SavingsPlan &plan)
{
    const auto util = settings.utilization.constFind(tier.tierId);
    if (util == settings.utilization.constEnd())
        return 1.0;
    const double targetCpu = settings.targetCpu.value(tier.tierId, 0.7);
    const double targetMemory = settings.targetMemory.value(tier.tierId, 0.8);
    double oldUsd = 0;
    for (const CostLine &l : cost.lines) {
        if (l.tierId == tier.tierId && !l.perGb)
            oldUsd += l.costUsd;
    }
    const NodeCandidate *best = nullptr;
    double bestUsd = oldUsd;
    double bestCpu = 0, bestMemory = 0;
    for (const NodeCandidate &c : settings.candidates) {
        if (c.type == tier.nodeType || c.vcpu <= 0 || c.memoryBytes <= 0)
            continue;
        const double cpu = util->cpu * tier.nodeVcpu / c.vcpu;
        const double memory = util->memory * tier.nodeMemoryBytes / c.memoryBytes;
        TierNodes resized = tier;
        resized.nodeVcpu = c.vcpu;
        resized.nodeMemoryBytes = c.memoryBytes;
        if (cpu > targetCpu || memory > targetMemory || resized.podsPerNode() < 1)
            continue;
        double newUsd = 0;
        bool priced = true;
        // the tier's lines repeat a few (region, option) pairs over the days: look each price up once
        struct Looked {
            QString regionId;
            PurchaseOption option;
            std::optional<ResolvedPrice> price;
        };
        std::vector<Looked> looked;
        for (const CostLine &l : cost.lines) {
            if (l.tierId != tier.tierId || l.perGb)
                continue;
            auto seen = std::find_if(looked.begin(), looked.end(),
                                     [&](const Looked &x) { return x.option == l.option && x.regionId == l.regionId; });
            if (seen == looked.end()) {
                const InstancePrice *row = catalog.instance(c.type, l.regionId, input.provider);
                looked.push_back({l.regionId, l.option, row ? catalog.price(*row, l.option) : std::nullopt});
                seen = looked.end() - 1;
            }
            const std::optional<ResolvedPrice> &p = seen->price;
            if (!p) {
                priced = false;
                break;
            }
            newUsd += l.unitHours * p->hourly;
        }
        if (priced && newUsd < bestUsd) {
            best = &c;
            bestUsd = newUsd;
            bestCpu = cpu;
            bestMemory = memory;
        }
    }
    if (!best)
        return 1.0;
    const InstancePrice *oldRow = catalog.instance(tier.nodeType, input.regions.first().id, input.provider);
    const InstancePrice *newRow = catalog.instance(best->type, input.regions.first().id, input.provider);
    SavingsItem item{QStringLiteral("right_sizing"), tier.tierId, perMonth(cost, oldUsd - bestUsd),
                     bestCpu > 0.9 * targetCpu || bestMemory > 0.9 * targetMemory ? Risk::Medium : Risk::Low, {}, {}};
    item.inputs << QStringLiteral("%1 nodes at %2 CPU, %3 memory (%4)")
                       .arg(tier.nodeType, pct(util->cpu), pct(util->memory), util->basis)
                << QStringLiteral("%1 at the same node count: %2 CPU (target %3), %4 memory (target %5)")
                       .arg(best->type, pct(bestCpu), pct(targetCpu), pct(bestMemory), pct(targetMemory));
    if (oldRow && newRow)
        item.inputs << QStringLiteral("%1 %2/h -> %3 %4/h on-demand")
                           .arg(oldRow->id, csvNumber(oldRow->onDemandHourly), newRow->id,
                                csvNumber(newRow->onDemandHourly));
    item.implementation = QStringLiteral("next right-sizing window: move %1's node pool from %2 to %3 and lower pod "
                                         "requests to fit")
                              .arg(tier.tierId, tier.nodeType, best->type);
    plan.items.push_back(item);
    return oldUsd > 0 ? bestUsd / oldUsd : 1.0;
}

/// Item 4: nightly scale-down of the non-reserved nodes of day-resolution series.
void scheduleItem(const CostInput &input, const CostBreakdown &cost, const SavingsSettings &settings,
                  const QHash<QString, double> &priceRatio, SavingsPlan &plan)
{
    struct Cell {
        double reserved = 0, flexible = 0, flexibleCost = 0, flexibleHours = 0, hours = 0;
    };
    std::map<std::tuple<int, QString, QString>, Cell> cells; // day, tier, region
    for (const CostLine &l : cost.lines) {
        if (l.perGb)
            continue;
        Cell &c = cells[{l.day, l.tierId, l.regionId}];
        c.hours = l.hours;
        if (termMonths(l.option) > 0) {
            c.reserved += l.units();
        } else {
            c.flexible += l.units();
            c.flexibleCost += l.costUsd;
            c.flexibleHours += l.unitHours;
        }
    }
    QHash<QString, double> savingByTier;
    for (const auto &[key, c] : cells) {
        const TierNodes *tier = findTier(input, std::get<1>(key));
        if (!tier || c.flexibleHours <= 0)
            continue;
        double share = 0;
        for (const RegionShare &r : input.regions) {
            if (r.id == std::get<2>(key))
                share = r.share;
        }
        const int ppn = std::max(1, tier->podsPerNode());
        const double minNodes = std::ceil(std::ceil(settings.minReplicas.value(tier->tierId, 0) * share - 1e-9) / ppn - 1e-9);
        const double total = c.reserved + c.flexible;
        const double night = std::max({std::ceil(total * settings.nightDemandFraction - 1e-9), minNodes, c.reserved});
        const double reduction = std::clamp(total - night, 0.0, c.flexible);
        const double blended = c.flexibleCost / c.flexibleHours * priceRatio.value(tier->tierId, 1.0);
        savingByTier[tier->tierId] += reduction * settings.nightHours * (c.hours / 24.0) * blended;
    }
    for (const TierNodes &t : input.tiers) {
        const double saving = perMonth(cost, savingByTier.value(t.tierId));
        if (saving <= 0)
            continue;
        SavingsItem item{QStringLiteral("schedule_based_scaling"), t.tierId, saving, Risk::Low, {}, {}};
        item.inputs << QStringLiteral("%1 h a night at %2 of the day's planned nodes (floor: %3 replicas, reserved nodes)")
                           .arg(csvNumber(settings.nightHours), pct(settings.nightDemandFraction),
                                QString::number(settings.minReplicas.value(t.tierId, 0)))
                    << QStringLiteral("priced at the tier's blended on-demand/spot rate per node-hour");
        item.implementation = QStringLiteral("scheduled: lower %1's replica floor for the nightly low "
                                             "(cron-driven HPA minReplicas)")
                                  .arg(t.tierId);
        plan.items.push_back(item);
    }
}

bool dayResolution(const CostInput &input)
{
    for (const ReplicaSeries &s : input.replicas) {
        for (size_t i = 1; i < s.hours.size(); ++i) {
            if (s.hours[i] - s.hours[i - 1] < 24.0 - 1e-9)
                return false;
        }
    }
    return true;
}

} // namespace

model::Result<SavingsPlan> planSavings(const CostInput &input, const PricingCatalog &catalog,
                                       const CostOptions &current, const SavingsSettings &settings)
{
    SavingsPlan plan;
    auto base = computeCost(input, catalog, current);
    if (!base)
        return base.errors();
    plan.currentMonthlyUsd = base->monthlyCost();

    CostOptions options = current;
    CostBreakdown stage = base.value();
    if (settings.targetSpotRatio > current.spotRatio) {
        options.spotRatio = settings.targetSpotRatio;
        options.tierSpotRatio.clear();
        auto spot = computeCost(input, catalog, options);
        if (!spot)
            return spot.errors();
        spotItem(input, stage, spot.value(), current, options, plan);
        stage = std::move(spot).value();
    }
    if (!current.reservedTerm) {
        auto reserved = reservedItems(input, catalog, stage, options, settings, plan);
        if (!reserved)
            return reserved.errors();
        options = reserved.value();
        auto after = computeCost(input, catalog, options);
        if (!after)
            return after.errors();
        stage = std::move(after).value();
    }
    plan.optimizedOptions = options;

    QHash<QString, double> priceRatio;
    for (const TierNodes &t : input.tiers)
        priceRatio[t.tierId] = rightSizeItem(input, catalog, stage, t, settings, plan);

    if (settings.scheduleBasedScaling) {
        if (dayResolution(input))
            scheduleItem(input, stage, settings, priceRatio, plan);
        else
            plan.notes << QStringLiteral("schedule-based scaling: the replica series already follows the daily "
                                         "cycle (step under a day); no nightly saving left to claim");
    }
    for (const SavingsItem &item : plan.items)
        plan.totalMonthlySavingUsd += item.monthlySavingUsd;
    plan.optimizedMonthlyUsd = plan.currentMonthlyUsd - plan.totalMonthlySavingUsd;
    return plan;
}

} // namespace headroom::cost
