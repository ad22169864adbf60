#include "core/cost/costtally.h"

#include <algorithm>
#include <cmath>

namespace headroom::cost::detail {

namespace {

int ceilCount(double x)
{
    return x <= kEps ? 0 : static_cast<int>(std::ceil(x - kEps));
}

/// weightedPercentile() for small non-negative counts, in linear time through a histogram.
int countPercentile(const std::vector<int> &counts, const std::vector<double> &weights, double q)
{
    if (counts.empty())
        return 0;
    const int maxCount = std::max(0, *std::max_element(counts.begin(), counts.end()));
    std::vector<double> histogram(static_cast<size_t>(maxCount) + 1, 0.0);
    double total = 0;
    int minCount = maxCount;
    for (size_t i = 0; i < counts.size(); ++i) {
        const int c = std::max(0, counts[i]);
        histogram[static_cast<size_t>(c)] += weights[i];
        total += weights[i];
        minCount = std::min(minCount, c);
    }
    if (q <= 0)
        return minCount;
    double acc = 0;
    for (size_t c = 0; c < histogram.size(); ++c) {
        acc += histogram[c];
        if (histogram[c] > 0 && acc >= q * total - kEps)
            return static_cast<int>(c);
    }
    return maxCount;
}

/// The catalog row of a tier's node type in a region, falling back to the type in any region.
const InstancePrice *nodeRow(const PricingCatalog &catalog, const TierNodes &tier, const QString &region,
                             const QString &provider, QStringList *notes)
{
    if (const InstancePrice *row = catalog.instance(tier.nodeType, region, provider))
        return row;
    for (const InstancePrice &row : catalog.instances) {
        if (row.type == tier.nodeType) {
            const QString note = QStringLiteral("%1 has no price for %2; using %3").arg(tier.nodeType, region, row.id);
            if (!notes->contains(note))
                notes->append(note);
            return &row;
        }
    }
    return nullptr;
}

/// Fails like computeCost() on bad options or tiers; fills `tally.tiers` with rows and prices.
model::Diagnostics resolveTiers(const CostInput &input, const PricingCatalog &catalog, const CostOptions &options,
                                NodeTally &tally)
{
    model::Diagnostics errors;
    const auto fail = [&](const QString &path, const QString &message) {
        errors.append(model::makeError(message, path));
    };
    if (options.spotRatio < 0 || options.spotRatio > 1)
        fail(QStringLiteral("spotRatio"), QStringLiteral("must be in 0..1, got %1").arg(options.spotRatio));
    if (options.spotInterruptionRate < 0 || options.spotInterruptionRate >= 1)
        fail(QStringLiteral("spotInterruptionRate"),
             QStringLiteral("must be in 0..<1, got %1").arg(options.spotInterruptionRate));
    if (input.regions.isEmpty())
        fail(QStringLiteral("regions"), QStringLiteral("at least one region is needed"));
    for (const TierNodes &tier : input.tiers) {
        const QString path = QStringLiteral("tiers.%1").arg(tier.tierId);
        TierWork w;
        w.tier = &tier;
        for (const ReplicaSeries &s : input.replicas) {
            if (s.tierId == tier.tierId)
                w.series = &s;
        }
        if (!w.series) {
            fail(path, QStringLiteral("no replica series"));
            continue;
        }
        if (const QString why = validateSeries(w.series->hours, w.series->replicas.size()); !why.isEmpty())
            fail(path, QStringLiteral("replica series %1").arg(why));
        w.podsPerNode = tier.podsPerNode();
        if (w.podsPerNode < 1)
            fail(path, QStringLiteral("a pod (%1m CPU, %2 bytes) does not fit on a %3 node (%4 vCPU, %5 bytes)")
                           .arg(QString::number(tier.podCpuMillicores), QString::number(tier.podMemoryBytes),
                                tier.nodeType, QString::number(tier.nodeVcpu), QString::number(tier.nodeMemoryBytes)));
        for (const RegionShare &region : input.regions) {
            PricedRegion p;
            p.row = nodeRow(catalog, tier, region.id, input.provider, &tally.notes);
            if (!p.row) {
                fail(path + QStringLiteral(".resourceTier"),
                     QStringLiteral("node type '%1' is not in the pricing catalog").arg(tier.nodeType));
                break;
            }
            const PurchaseOption reservedOption = options.reservedTerm.value_or(PurchaseOption::Reserved1y);
            const PurchaseOption slotOptions[SlotCount] = {PurchaseOption::OnDemand, PurchaseOption::Spot, reservedOption};
            for (int k = 0; k < SlotCount; ++k) {
                const auto price = catalog.price(*p.row, slotOptions[k]);
                const bool needed = k == SlotOnDemand || (k == SlotSpot && tier.spotTolerant && options.spotRatio > 0)
                                    || (k == SlotReserved && options.reservedTerm);
                if (!price && needed)
                    fail(path, QStringLiteral("catalog row %1 has no %2 price or discount")
                                   .arg(p.row->id, purchaseOptionName(slotOptions[k])));
                p.prices[k] = price.value_or(ResolvedPrice{});
            }
            w.regions.push_back(p);
        }
        tally.tiers.push_back(std::move(w));
    }
    return errors;
}

} // namespace

double stepOf(const std::vector<double> &hours, double lastStepHours, size_t i)
{
    if (i + 1 < hours.size())
        return hours[i + 1] - hours[i];
    if (lastStepHours > 0)
        return lastStepHours;
    return hours.size() > 1 ? hours[i] - hours[i - 1] : 1.0;
}

double seriesEnd(const std::vector<double> &hours, double lastStepHours)
{
    return hours.empty() ? 0 : hours.back() + stepOf(hours, lastStepHours, hours.size() - 1);
}

QString validateSeries(const std::vector<double> &hours, size_t valueCount)
{
    if (hours.size() != valueCount)
        return QStringLiteral("has %1 times but %2 values").arg(hours.size()).arg(valueCount);
    for (size_t i = 0; i < hours.size(); ++i) {
        if (!std::isfinite(hours[i]) || hours[i] < 0 || (i > 0 && hours[i] <= hours[i - 1]))
            return QStringLiteral("times must be >= 0 and increasing (sample %1)").arg(i);
    }
    return {};
}

model::Result<NodeTally> tallyNodes(const CostInput &input, const PricingCatalog &catalog, const CostOptions &options,
                                    const QString *onlyTier)
{
    NodeTally out;
    if (model::Diagnostics errors = resolveTiers(input, catalog, options, out); !errors.isEmpty())
        return errors;
    out.reservedTerm = options.reservedTerm;
    out.regionCount = static_cast<size_t>(input.regions.size());
    for (const TierWork &w : out.tiers)
        out.horizonHours = std::max(out.horizonHours, seriesEnd(w.series->hours, w.series->lastStepHours));
    out.days = static_cast<int>(std::ceil(out.horizonHours / 24.0 - kEps));
    const size_t days = static_cast<size_t>(out.days);
    const size_t cells = out.tiers.size() * out.regionCount;
    out.unitHours.assign(cells * days * SlotCount, 0.0);
    out.hours.assign(cells * days, 0.0);

    const double haircut = 1.0 / (1.0 - options.spotInterruptionRate);
    std::vector<int> nodes, spot, stable;
    std::vector<double> steps;
    for (size_t wi = 0; wi < out.tiers.size(); ++wi) {
        const TierWork &w = out.tiers[wi];
        if (onlyTier && w.tier->tierId != *onlyTier)
            continue;
        const ReplicaSeries &s = *w.series;
        const double ratio = w.tier->spotTolerant ? options.tierSpotRatio.value(w.tier->tierId, options.spotRatio) : 0.0;
        const bool reserve = options.reservedTerm
                             && (options.reservedTiers.isEmpty() || options.reservedTiers.contains(w.tier->tierId));
        for (size_t r = 0; r < out.regionCount; ++r) {
            const RegionShare &region = input.regions[static_cast<qsizetype>(r)];
            const PricedRegion &priced = w.regions[r];
            const size_t n = s.hours.size();
            nodes.resize(n);
            spot.resize(n);
            stable.resize(n);
            steps.resize(n);
            for (size_t i = 0; i < n; ++i) {
                // Whole pods per region, whole nodes per region.
                nodes[i] = ceilCount(static_cast<double>(ceilCount(s.replicas[i] * region.share)) / w.podsPerNode);
                const int spotCapacity = static_cast<int>(std::floor(nodes[i] * ratio + 0.5)); // nearest whole node
                spot[i] = ceilCount(spotCapacity * haircut);
                stable[i] = nodes[i] - spotCapacity;
                steps[i] = stepOf(s.hours, s.lastStepHours, i);
            }
            const int reserved = reserve ? countPercentile(stable, steps, options.reservedPercentile) : 0;
            const size_t cell = wi * out.regionCount + r;
            double *unitHours = &out.unitHours[cell * days * SlotCount];
            double *hours = &out.hours[cell * days];
            double usedReservedHours = 0;
            for (size_t i = 0; i < n; ++i) {
                const int used = std::min(reserved, stable[i]);
                const int onDemand = stable[i] - used;
                splitByDay(s.hours[i], steps[i], [&](int day, double h) {
                    double *perSlot = unitHours + static_cast<size_t>(day) * SlotCount;
                    perSlot[SlotOnDemand] += onDemand * h;
                    perSlot[SlotSpot] += spot[i] * h;
                    perSlot[SlotReserved] += reserved * h; // paid whether used or not
                    hours[day] += h;
                    usedReservedHours += used * h;
                    out.spotNodeHours += spot[i] * h;
                    out.nodeHours += (onDemand + spot[i] + reserved) * h;
                });
            }
            if (reserve && reserved > 0) {
                Reservation res;
                res.tierId = w.tier->tierId;
                res.regionId = region.id;
                res.rowId = priced.row->id;
                res.term = *options.reservedTerm;
                res.nodes = reserved;
                res.onDemandHourly = priced.prices[SlotOnDemand].hourly;
                res.reservedHourly = priced.prices[SlotReserved].hourly;
                const double paidHours = reserved * seriesEnd(s.hours, s.lastStepHours);
                res.utilization = paidHours > 0 ? usedReservedHours / paidHours : 0;
                res.breakEvenMonths = res.onDemandHourly > 0
                    ? termMonths(res.term) * res.reservedHourly / res.onDemandHourly : 0;
                const double horizon = seriesEnd(s.hours, s.lastStepHours);
                res.monthlySavingUsd = horizon > 0
                    ? (usedReservedHours * res.onDemandHourly - paidHours * res.reservedHourly) / horizon * kHoursPerMonth
                    : 0;
                out.reservations.push_back(res);
            }
        }
    }
    return out;
}

CapacityTally tallyCapacity(const CostInput &input, const PricingCatalog &catalog, int days)
{
    CapacityTally out;
    for (const auto &[kindName, series] : {std::pair{"storage", &input.storageBytes}, std::pair{"cache", &input.cacheBytes}}) {
        const SampledSeries &s = *series;
        if (s.hours.empty())
            continue;
        const QString kind = QString::fromLatin1(kindName);
        for (qsizetype r = 0; r < input.regions.size(); ++r) {
            const RegionShare &region = input.regions[r];
            CapacityCell cell;
            cell.row = catalog.capacityPrice(kind, region.id, input.provider);
            if (!cell.row) {
                out.notes.append(QStringLiteral("no %1 price in the catalog; %1 not costed").arg(kind));
                break;
            }
            cell.kind = kind;
            cell.region = static_cast<size_t>(r);
            cell.price = catalog.capacityPriceOf(*cell.row);
            cell.gbHours.assign(static_cast<size_t>(days), 0.0);
            cell.hours.assign(cell.gbHours.size(), 0.0);
            for (size_t i = 0; i < s.hours.size(); ++i) {
                const double gb = s.values[i] * region.share / 1e9;
                splitByDay(s.hours[i], stepOf(s.hours, s.lastStepHours, i), [&](int day, double h) {
                    if (day < days) {
                        cell.gbHours[static_cast<size_t>(day)] += gb * h;
                        cell.hours[static_cast<size_t>(day)] += h;
                    }
                });
            }
            out.cells.push_back(std::move(cell));
        }
    }
    return out;
}

int KeyTotals::indexOf(const QString &key)
{
    const qsizetype i = keys.indexOf(key);
    if (i >= 0)
        return static_cast<int>(i);
    keys.append(key);
    usd.push_back(0.0);
    seen.push_back(0);
    return static_cast<int>(keys.size() - 1);
}

double KeyTotals::value(const QString &key) const
{
    const qsizetype i = keys.indexOf(key);
    return i >= 0 && seen[static_cast<size_t>(i)] ? usd[static_cast<size_t>(i)] : 0.0;
}

void KeyTotals::into(QMap<QString, double> &map) const
{
    for (qsizetype i = 0; i < keys.size(); ++i)
        if (seen[static_cast<size_t>(i)])
            map.insert(keys[i], usd[static_cast<size_t>(i)]);
}

BillTotals sumBill(const CostInput &input, const NodeTally &nodes, const CapacityTally &capacity,
                   std::vector<CostLine> *lines, Totals which)
{
    BillTotals out;
    const bool all = which == Totals::All;
    // key indices, looked up once rather than per line
    std::vector<int> tierKey, regionKey, capacityKey, capacityOptionKey;
    for (const TierWork &w : nodes.tiers)
        tierKey.push_back(out.byTier.indexOf(w.tier->tierId));
    for (const RegionShare &r : input.regions)
        regionKey.push_back(out.byRegion.indexOf(r.id));
    for (const CapacityCell &c : capacity.cells) {
        capacityKey.push_back(out.byTier.indexOf(c.kind));
        capacityOptionKey.push_back(out.byOption.indexOf(c.kind));
    }
    int optionKey[6];
    for (int o = 0; o < 6; ++o)
        optionKey[o] = -1;
    const auto optionIndex = [&](PurchaseOption option) {
        int &key = optionKey[static_cast<int>(option)];
        if (key < 0)
            key = out.byOption.indexOf(purchaseOptionName(option));
        return key;
    };

    out.dailyCost.assign(static_cast<size_t>(nodes.days), 0.0);
    for (int d = 0; d < nodes.days; ++d) {
        double &daily = out.dailyCost[static_cast<size_t>(d)];
        nodes.forEachLine(d, [&](const LineRef &l) {
            const double usd = l.costUsd();
            out.byTier.add(tierKey[l.tier], usd);
            out.totalUsd += usd;
            if (all) {
                daily += usd;
                out.byRegion.add(regionKey[l.region], usd);
                out.byOption.add(optionIndex(l.option), usd);
            }
            if (lines) {
                const TierWork &w = nodes.tiers[l.tier];
                const ResolvedPrice &price = l.priced->prices[l.slot];
                lines->push_back(CostLine{d, w.tier->tierId, input.regions[static_cast<qsizetype>(l.region)].id,
                                          l.option, l.priced->row->type, l.priced->row->id, l.unitHours, l.hours,
                                          price.hourly, usd, price.source, price.date, false});
            }
        });
        for (size_t c = 0; c < capacity.cells.size(); ++c) {
            const CapacityCell &cell = capacity.cells[c];
            if (!cell.emitted(d))
                continue;
            const double usd = cell.costUsd(d);
            out.byTier.add(capacityKey[c], usd);
            out.totalUsd += usd;
            if (all) {
                daily += usd;
                out.byRegion.add(regionKey[cell.region], usd);
                out.byOption.add(capacityOptionKey[c], usd);
            }
            if (lines)
                lines->push_back(CostLine{d, cell.kind, input.regions[static_cast<qsizetype>(cell.region)].id,
                                          PurchaseOption::OnDemand, cell.row->type, cell.row->id,
                                          cell.gbHours[static_cast<size_t>(d)], cell.hours[static_cast<size_t>(d)],
                                          cell.price.hourly, usd, cell.price.source, cell.price.date, true});
        }
    }
    return out;
}

} // namespace headroom::cost::detail
