#include "core/cost/savingsplan.h"

#include "core/cost/costtally.h"
#include "core/model/csv.h"

#include <QHash>

#include <algorithm>
#include <optional>
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

/// One purchase mix as the items compare it: its node tally and the bill's totals, without lines.
struct Stage {
    detail::NodeTally nodes;
    detail::BillTotals totals;
    double byTier(const QString &id) const { return totals.byTier.value(id); }
    double monthlyCost() const
    {
        return nodes.horizonHours > 0 ? totals.totalUsd / nodes.horizonHours * detail::kHoursPerMonth : 0;
    }
    /// The node lines of one tier id, in the bill's order.
    std::vector<detail::LineRef> linesOf(const QString &tierId) const
    {
        std::vector<detail::LineRef> out;
        for (int d = 0; d < nodes.days; ++d)
            nodes.forEachLine(d, [&](const detail::LineRef &l) {
                if (nodes.tiers[l.tier].tier->tierId == tierId)
                    out.push_back(l);
            });
        return out;
    }
};

model::Result<Stage> stageOf(const CostInput &input, const PricingCatalog &catalog, const CostOptions &options,
                             const detail::CapacityTally &capacity, const QString *onlyTier = nullptr)
{
    auto nodes = detail::tallyNodes(input, catalog, options, onlyTier);
    if (!nodes)
        return nodes.errors();
    Stage s;
    s.nodes = std::move(nodes).value();
    s.totals = detail::sumBill(input, s.nodes, capacity, nullptr, detail::Totals::TierAndTotal);
    return s;
}

double perMonth(const Stage &b, double usdOverHorizon)
{
    return b.nodes.horizonHours > 0 ? usdOverHorizon / b.nodes.horizonHours * 730.0 : 0;
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
void spotItem(const CostInput &input, const Stage &before, const Stage &after, const CostOptions &current,
              const CostOptions &next, SavingsPlan &plan)
{
    SavingsItem item{QStringLiteral("spot_instance_increase"), {}, 0, Risk::Medium, {}, {}};
    for (const TierNodes &t : input.tiers) {
        if (!t.spotTolerant)
            continue;
        const double saving = perMonth(before, before.byTier(t.tierId) - after.byTier(t.tierId));
        item.inputs << QStringLiteral("%1: spot %2 -> %3 of nodes on %4 saves %5/month")
                           .arg(t.tierId, pct(current.tierSpotRatio.value(t.tierId, current.spotRatio)),
                                pct(next.spotRatio), t.nodeType, usd(saving));
        item.monthlySavingUsd += saving;
    }
    if (after.nodes.days > 0) {
        after.nodes.forEachLine(0, [&](const detail::LineRef &l) {
            if (l.option != PurchaseOption::Spot || input.regions[static_cast<qsizetype>(l.region)].id != input.regions.first().id)
                return;
            const ResolvedPrice &price = l.priced->prices[l.slot];
            item.inputs << QStringLiteral("%1 spot price %2/h from %3 (%4)")
                               .arg(l.priced->row->id, csvNumber(price.hourly), price.source, price.date);
        });
    }
    item.inputs << QStringLiteral("haircut: spot nodes / (1 - %1 interruption rate)").arg(pct(next.spotInterruptionRate));
    item.implementation = QStringLiteral("gradual: raise the spot share of spot-tolerant node pools to %1, "
                                         "keeping on-demand for the rest")
                              .arg(pct(next.spotRatio));
    if (item.monthlySavingUsd > 0)
        plan.items.push_back(item);
}

/// Item 2: per tier, a reservation on the always-needed non-spot baseline.
model::Result<CostOptions> reservedItems(const CostInput &input, const PricingCatalog &catalog, const Stage &base,
                                         CostOptions options, const SavingsSettings &settings,
                                         const detail::CapacityTally &capacity, SavingsPlan &plan)
{
    options.reservedTerm = settings.reservedTerm;
    options.reservedPercentile = settings.reservedPercentile;
    QStringList accepted;
    for (const TierNodes &t : input.tiers) {
        CostOptions trial = options;
        trial.reservedTiers = QStringList{t.tierId};
        // the trial reserves for this tier only: its lines, total and reservations are all that differ
        auto cost = stageOf(input, catalog, trial, capacity, &t.tierId);
        if (!cost)
            return cost.errors();
        const double saving = perMonth(base, base.byTier(t.tierId) - cost->byTier(t.tierId));
        SavingsItem item{QStringLiteral("reserved_instance_purchase"), t.tierId, saving, Risk::Low, {}, {}};
        int nodes = 0;
        for (const Reservation &r : cost->nodes.reservations) {
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
                                     QString::number(base.nodes.days), usd(settings.reservedSavingsThresholdUsd)));
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
double rightSizeItem(const CostInput &input, const PricingCatalog &catalog, const Stage &cost,
                     const TierNodes &tier, const SavingsSettings &settings, SavingsPlan &plan)
{
    const auto util = settings.utilization.constFind(tier.tierId);
    if (util == settings.utilization.constEnd())
        return 1.0;
    const double targetCpu = settings.targetCpu.value(tier.tierId, 0.7);
    const double targetMemory = settings.targetMemory.value(tier.tierId, 0.8);
    const std::vector<detail::LineRef> lines = cost.linesOf(tier.tierId);
    double oldUsd = 0;
    for (const detail::LineRef &l : lines)
        oldUsd += l.costUsd();
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
        // (a price depends on the region's id and the option only, so a region index stands for its id)
        struct Looked {
            size_t region;
            PurchaseOption option;
            std::optional<ResolvedPrice> price;
        };
        std::vector<Looked> looked;
        for (const detail::LineRef &l : lines) {
            auto seen = std::find_if(looked.begin(), looked.end(),
                                     [&](const Looked &x) { return x.option == l.option && x.region == l.region; });
            if (seen == looked.end()) {
                const InstancePrice *row =
                    catalog.instance(c.type, input.regions[static_cast<qsizetype>(l.region)].id, input.provider);
                looked.push_back({l.region, l.option, row ? catalog.price(*row, l.option) : std::nullopt});
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

/// The distinct strings of `ids` in ascending order, and each id's rank among them.
struct Ranks {
    QStringList sorted;
    std::vector<size_t> of; ///< per input position
    explicit Ranks(const QStringList &ids)
    {
        sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        for (const QString &id : ids)
            of.push_back(static_cast<size_t>(std::lower_bound(sorted.begin(), sorted.end(), id) - sorted.begin()));
    }
};

/// Item 4: nightly scale-down of the non-reserved nodes of day-resolution series.
void scheduleItem(const CostInput &input, const Stage &cost, const SavingsSettings &settings,
                  const QHash<QString, double> &priceRatio, SavingsPlan &plan)
{
    struct Cell {
        double reserved = 0, flexible = 0, flexibleCost = 0, flexibleHours = 0, hours = 0;
        bool present = false;
    };
    // cells by (day, tier id, region id), visited in that order with the ids in string order
    QStringList tierIds, regionIds;
    for (const detail::TierWork &w : cost.nodes.tiers)
        tierIds << w.tier->tierId;
    for (const RegionShare &r : input.regions)
        regionIds << r.id;
    const Ranks tierRank(tierIds), regionRank(regionIds);
    const size_t tiers = static_cast<size_t>(tierRank.sorted.size()), regions = static_cast<size_t>(regionRank.sorted.size());
    std::vector<Cell> cells(static_cast<size_t>(cost.nodes.days) * tiers * regions);
    for (int d = 0; d < cost.nodes.days; ++d) {
        cost.nodes.forEachLine(d, [&](const detail::LineRef &l) {
            Cell &c = cells[(static_cast<size_t>(d) * tiers + tierRank.of[l.tier]) * regions + regionRank.of[l.region]];
            c.present = true;
            c.hours = l.hours;
            const double units = l.hours > 0 ? l.unitHours / l.hours : 0;
            if (termMonths(l.option) > 0) {
                c.reserved += units;
            } else {
                c.flexible += units;
                c.flexibleCost += l.costUsd();
                c.flexibleHours += l.unitHours;
            }
        });
    }
    // per tier rank: the first tier of that id, its price ratio; per region rank: the last region's share
    std::vector<const TierNodes *> tierOf(tiers, nullptr);
    std::vector<double> ratioOf(tiers, 1.0), shareOf(regions, 0.0), savingOf(tiers, 0.0);
    for (size_t t = 0; t < tiers; ++t) {
        tierOf[t] = findTier(input, tierRank.sorted[static_cast<qsizetype>(t)]);
        if (tierOf[t])
            ratioOf[t] = priceRatio.value(tierOf[t]->tierId, 1.0);
    }
    for (size_t r = 0; r < regionRank.of.size(); ++r)
        shareOf[regionRank.of[r]] = input.regions[static_cast<qsizetype>(r)].share;
    for (size_t i = 0; i < cells.size(); ++i) {
        const Cell &c = cells[i];
        const size_t t = i / regions % tiers;
        const TierNodes *tier = tierOf[t];
        if (!c.present || !tier || c.flexibleHours <= 0)
            continue;
        const double share = shareOf[i % regions];
        const int ppn = std::max(1, tier->podsPerNode());
        const double minNodes = std::ceil(std::ceil(settings.minReplicas.value(tier->tierId, 0) * share - 1e-9) / ppn - 1e-9);
        const double total = c.reserved + c.flexible;
        const double night = std::max({std::ceil(total * settings.nightDemandFraction - 1e-9), minNodes, c.reserved});
        const double reduction = std::clamp(total - night, 0.0, c.flexible);
        const double blended = c.flexibleCost / c.flexibleHours * ratioOf[t];
        savingOf[t] += reduction * settings.nightHours * (c.hours / 24.0) * blended;
    }
    for (const TierNodes &t : input.tiers) {
        const qsizetype rank = tierRank.sorted.indexOf(t.tierId);
        const double saving = perMonth(cost, rank >= 0 ? savingOf[static_cast<size_t>(rank)] : 0.0);
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
    auto baseNodes = detail::tallyNodes(input, catalog, current);
    if (!baseNodes)
        return baseNodes.errors();
    // storage and cache do not depend on the purchase mix: tallied once for every stage
    const detail::CapacityTally capacity = detail::tallyCapacity(input, catalog, baseNodes->days);
    std::optional<Stage> base{Stage{}}, spot, after;
    base->nodes = std::move(baseNodes).value();
    base->totals = detail::sumBill(input, base->nodes, capacity, nullptr, detail::Totals::TierAndTotal);
    plan.currentMonthlyUsd = base->monthlyCost();

    CostOptions options = current;
    const Stage *stage = &*base;
    if (settings.targetSpotRatio > current.spotRatio) {
        options.spotRatio = settings.targetSpotRatio;
        options.tierSpotRatio.clear();
        auto next = stageOf(input, catalog, options, capacity);
        if (!next)
            return next.errors();
        spot = std::move(next).value();
        spotItem(input, *stage, *spot, current, options, plan);
        stage = &*spot;
    }
    if (!current.reservedTerm) {
        auto reserved = reservedItems(input, catalog, *stage, options, settings, capacity, plan);
        if (!reserved)
            return reserved.errors();
        options = reserved.value();
        auto next = stageOf(input, catalog, options, capacity);
        if (!next)
            return next.errors();
        after = std::move(next).value();
        stage = &*after;
    }
    plan.optimizedOptions = options;

    QHash<QString, double> priceRatio;
    for (const TierNodes &t : input.tiers)
        priceRatio[t.tierId] = rightSizeItem(input, catalog, *stage, t, settings, plan);

    if (settings.scheduleBasedScaling) {
        if (dayResolution(input))
            scheduleItem(input, *stage, settings, priceRatio, plan);
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
