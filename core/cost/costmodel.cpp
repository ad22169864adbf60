#include "core/cost/costmodel.h"

#include "core/model/csv.h"

#include <algorithm>
#include <cmath>

namespace headroom::cost {

namespace {

constexpr double kEps = 1e-9;
constexpr double kHoursPerMonth = 730.0;

int ceilCount(double x)
{
    return x <= kEps ? 0 : static_cast<int>(std::ceil(x - kEps));
}

double stepOf(const std::vector<double> &hours, double lastStepHours, size_t i)
{
    if (i + 1 < hours.size())
        return hours[i + 1] - hours[i];
    if (lastStepHours > 0)
        return lastStepHours;
    return hours.size() > 1 ? hours[i] - hours[i - 1] : 1.0;
}

/// Calls fn(day, hours) for the parts of [start, start + length) that fall in each day.
template <typename Fn>
void splitByDay(double start, double length, Fn &&fn)
{
    const int firstDay = static_cast<int>(std::floor(start / 24.0 + kEps));
    if (start + length <= (firstDay + 1) * 24.0 + kEps) { // the common case: inside one day
        fn(firstDay, length);
        return;
    }
    double t = start;
    const double end = start + length;
    while (t < end - kEps) {
        const int day = static_cast<int>(std::floor(t / 24.0 + kEps));
        const double dayEnd = (day + 1) * 24.0;
        const double part = std::min(end, dayEnd) - t;
        fn(day, part);
        t += part;
    }
}

double seriesEnd(const std::vector<double> &hours, double lastStepHours)
{
    return hours.empty() ? 0 : hours.back() + stepOf(hours, lastStepHours, hours.size() - 1);
}

enum Slot { SlotOnDemand, SlotSpot, SlotReserved, SlotCount };

/// Node-hours and USD per day and purchase slot for one (tier, region).
struct Accumulator {
    std::vector<double> unitHours;
    std::vector<double> hours;
    void resize(int days)
    {
        unitHours.assign(static_cast<size_t>(days) * SlotCount, 0.0);
        hours.assign(static_cast<size_t>(days), 0.0);
    }
    double &at(int day, int slot) { return unitHours[static_cast<size_t>(day) * SlotCount + slot]; }
};

struct Priced {
    const InstancePrice *row = nullptr;
    ResolvedPrice prices[SlotCount];
};

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

} // namespace

ReplicaSeries replicaSeriesFromTicks(const QString &tierId, double stepSeconds, const std::vector<int> &replicas,
                                     double startHours)
{
    ReplicaSeries s{tierId, {}, {}, 0};
    if (stepSeconds <= 0 || replicas.empty())
        return s;
    const double step = stepSeconds / 3600.0;
    for (size_t i = 0; i < replicas.size(); ++i) {
        if (i == 0 || replicas[i] != replicas[i - 1]) {
            s.hours.push_back(startHours + static_cast<double>(i) * step);
            s.replicas.push_back(replicas[i]);
        }
    }
    // The last run lasts until the end of the last tick.
    s.lastStepHours = startHours + static_cast<double>(replicas.size()) * step - s.hours.back();
    return s;
}

int TierNodes::podsPerNode() const
{
    if (podCpuMillicores <= 0 || podMemoryBytes <= 0)
        return 0;
    const double byCpu = nodeVcpu * 1000.0 / podCpuMillicores;
    const double byMemory = nodeMemoryBytes / podMemoryBytes;
    return static_cast<int>(std::floor(std::min(byCpu, byMemory) + kEps));
}

double weightedPercentile(std::vector<std::pair<double, double>> valueAndWeight, double q)
{
    if (valueAndWeight.empty())
        return 0;
    std::sort(valueAndWeight.begin(), valueAndWeight.end());
    if (q <= 0)
        return valueAndWeight.front().first;
    double total = 0;
    for (const auto &[v, w] : valueAndWeight)
        total += w;
    double acc = 0;
    for (const auto &[v, w] : valueAndWeight) {
        acc += w;
        if (acc >= q * total - kEps)
            return v;
    }
    return valueAndWeight.back().first;
}

namespace {

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

} // namespace

double CostBreakdown::costPerUserMonth(int d) const
{
    if (d < 0 || d >= static_cast<int>(dailyCost.size()) || d >= static_cast<int>(dailyActiveUsers.size())
        || dailyActiveUsers[d] <= 0)
        return 0;
    return dailyCost[d] * (kHoursPerMonth / 24.0) / dailyActiveUsers[d];
}

double CostBreakdown::costPerUserMonth() const
{
    double users = 0;
    int n = 0;
    for (double u : dailyActiveUsers) {
        if (u > 0) {
            users += u;
            ++n;
        }
    }
    return n > 0 && users > 0 ? monthlyCost() / (users / n) : 0;
}

double CostBreakdown::costPerMillionRequests() const
{
    double requests = 0;
    for (double r : dailyRequests)
        requests += r;
    return requests > 0 ? totalUsd / (requests / 1e6) : 0;
}

namespace {

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

struct CapacityLineSpec {
    const char *kind;
    const SampledSeries *series;
};

void addCapacityLines(const CostInput &input, const PricingCatalog &catalog, CostBreakdown &out,
                      std::vector<std::vector<CostLine>> &linesByDay)
{
    for (const CapacityLineSpec &spec : {CapacityLineSpec{"storage", &input.storageBytes},
                                         CapacityLineSpec{"cache", &input.cacheBytes}}) {
        const SampledSeries &s = *spec.series;
        if (s.hours.empty())
            continue;
        const QString kind = QString::fromLatin1(spec.kind);
        for (const RegionShare &region : input.regions) {
            const CapacityPrice *row = catalog.capacityPrice(kind, region.id, input.provider);
            if (!row) {
                out.notes.append(QStringLiteral("no %1 price in the catalog; %1 not costed").arg(kind));
                break;
            }
            const ResolvedPrice price = catalog.capacityPriceOf(*row);
            std::vector<double> gbHours(static_cast<size_t>(out.days), 0.0), hours(gbHours.size(), 0.0);
            for (size_t i = 0; i < s.hours.size(); ++i) {
                const double gb = s.values[i] * region.share / 1e9;
                splitByDay(s.hours[i], stepOf(s.hours, s.lastStepHours, i), [&](int day, double h) {
                    if (day < out.days) {
                        gbHours[static_cast<size_t>(day)] += gb * h;
                        hours[static_cast<size_t>(day)] += h;
                    }
                });
            }
            for (int d = 0; d < out.days; ++d) {
                if (hours[d] <= 0 || gbHours[d] <= 0)
                    continue;
                CostLine line{d, kind, region.id, PurchaseOption::OnDemand, row->type, row->id, gbHours[d],
                              hours[d], price.hourly, gbHours[d] * price.hourly, price.source, price.date, true};
                linesByDay[d].push_back(std::move(line));
            }
        }
    }
}

} // namespace

model::Result<CostBreakdown> computeCost(const CostInput &input, const PricingCatalog &catalog,
                                         const CostOptions &options)
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

    CostBreakdown out;
    out.startDate = input.startDate;
    // Resolve tiers: series, node rows per region, prices per slot.
    struct TierWork {
        const TierNodes *tier = nullptr;
        const ReplicaSeries *series = nullptr;
        int podsPerNode = 0;
        std::vector<Priced> regions;
    };
    std::vector<TierWork> work;
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
            Priced p;
            p.row = nodeRow(catalog, tier, region.id, input.provider, &out.notes);
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
        work.push_back(std::move(w));
    }
    if (!errors.isEmpty())
        return errors;

    for (const TierWork &w : work)
        out.horizonHours = std::max(out.horizonHours, seriesEnd(w.series->hours, w.series->lastStepHours));
    out.days = static_cast<int>(std::ceil(out.horizonHours / 24.0 - kEps));
    std::vector<std::vector<CostLine>> linesByDay(static_cast<size_t>(out.days));
    for (std::vector<CostLine> &day : linesByDay) // node lines per tier, region and slot + storage and cache
        day.reserve(static_cast<size_t>(input.regions.size()) * (work.size() * SlotCount + 2));

    const double haircut = 1.0 / (1.0 - options.spotInterruptionRate);
    Accumulator acc;
    std::vector<int> nodes, spot, stable;
    std::vector<double> steps;
    for (const TierWork &w : work) {
        const ReplicaSeries &s = *w.series;
        const double ratio = w.tier->spotTolerant ? options.tierSpotRatio.value(w.tier->tierId, options.spotRatio) : 0.0;
        const bool reserve = options.reservedTerm
                             && (options.reservedTiers.isEmpty() || options.reservedTiers.contains(w.tier->tierId));
        for (qsizetype r = 0; r < input.regions.size(); ++r) {
            const RegionShare &region = input.regions[r];
            const Priced &priced = w.regions[static_cast<size_t>(r)];
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
            acc.resize(out.days);
            double usedReservedHours = 0;
            for (size_t i = 0; i < n; ++i) {
                const int used = std::min(reserved, stable[i]);
                const int onDemand = stable[i] - used;
                splitByDay(s.hours[i], steps[i], [&](int day, double h) {
                    acc.at(day, SlotOnDemand) += onDemand * h;
                    acc.at(day, SlotSpot) += spot[i] * h;
                    acc.at(day, SlotReserved) += reserved * h; // paid whether used or not
                    acc.hours[static_cast<size_t>(day)] += h;
                    usedReservedHours += used * h;
                    out.spotNodeHours += spot[i] * h;
                    out.nodeHours += (onDemand + spot[i] + reserved) * h;
                });
            }
            for (int d = 0; d < out.days; ++d) {
                for (int k = 0; k < SlotCount; ++k) {
                    const double unitHours = acc.at(d, k);
                    if (unitHours <= 0 && !(k == SlotOnDemand && acc.hours[d] > 0))
                        continue;
                    const ResolvedPrice &price = priced.prices[k];
                    const PurchaseOption option = k == SlotOnDemand ? PurchaseOption::OnDemand
                                                  : k == SlotSpot   ? PurchaseOption::Spot
                                                                    : *options.reservedTerm;
                    linesByDay[d].push_back(CostLine{d, w.tier->tierId, region.id, option, priced.row->type,
                                                     priced.row->id, unitHours, acc.hours[d], price.hourly,
                                                     unitHours * price.hourly, price.source, price.date, false});
                }
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
    addCapacityLines(input, catalog, out, linesByDay);

    out.dailyCost.assign(static_cast<size_t>(out.days), 0.0);
    size_t lineCount = 0;
    for (const std::vector<CostLine> &day : linesByDay)
        lineCount += day.size();
    out.lines.reserve(lineCount);
    // Totals per key are summed in line order, as before, into a short list searched by equality
    // (a handful of keys); the ordered maps are filled once. A plan has tens of thousands of lines.
    using Totals = std::vector<std::pair<QString, double>>;
    Totals byTier, byRegion, byOption;
    const auto add = [](Totals &totals, const QString &key, double usd) {
        for (auto &[k, v] : totals) {
            if (k == key) {
                v += usd;
                return;
            }
        }
        totals.emplace_back(key, usd);
    };
    QString optionNames[6]; // per PurchaseOption
    for (int d = 0; d < out.days; ++d) {
        for (CostLine &line : linesByDay[d]) {
            out.dailyCost[d] += line.costUsd;
            add(byTier, line.tierId, line.costUsd);
            add(byRegion, line.regionId, line.costUsd);
            if (line.perGb) {
                add(byOption, line.tierId, line.costUsd);
            } else {
                QString &name = optionNames[static_cast<int>(line.option)];
                if (name.isEmpty())
                    name = purchaseOptionName(line.option);
                add(byOption, name, line.costUsd);
            }
            out.totalUsd += line.costUsd;
            out.lines.push_back(std::move(line));
        }
    }
    for (auto [totals, map] : {std::pair{&byTier, &out.byTier}, std::pair{&byRegion, &out.byRegion},
                               std::pair{&byOption, &out.byOption}}) {
        for (const auto &[key, usd] : *totals)
            map->insert(key, usd);
    }

    // Users and requests per day (time-weighted averages).
    const SampledSeries &users = input.concurrentUsers;
    if (!users.hours.empty() && validateSeries(users.hours, users.values.size()).isEmpty()) {
        std::vector<double> userHours(static_cast<size_t>(out.days), 0.0), hours(userHours.size(), 0.0);
        out.dailyRequests.assign(userHours.size(), 0.0);
        for (size_t i = 0; i < users.hours.size(); ++i) {
            splitByDay(users.hours[i], stepOf(users.hours, users.lastStepHours, i), [&](int day, double h) {
                if (day >= out.days)
                    return;
                userHours[day] += users.values[i] * h;
                hours[day] += h;
                out.dailyRequests[day] += users.values[i] * input.requestsPerUserPerSecond * h * 3600.0;
            });
        }
        out.dailyActiveUsers.assign(userHours.size(), 0.0);
        for (size_t d = 0; d < userHours.size(); ++d)
            out.dailyActiveUsers[d] = hours[d] > 0 ? userHours[d] / hours[d] * input.activeToConcurrentRatio : 0;
    }
    return out;
}

QByteArray costCsv(const CostBreakdown &b)
{
    model::CsvTable table;
    table.header = {QStringLiteral("date"), QStringLiteral("tier"), QStringLiteral("region"),
                    QStringLiteral("purchase_option"), QStringLiteral("instance_type"), QStringLiteral("nodes"),
                    QStringLiteral("hourly_price_usd"), QStringLiteral("cost_usd"), QStringLiteral("price_source"),
                    QStringLiteral("price_date"), QStringLiteral("unit")};
    table.rows.reserve(static_cast<qsizetype>(b.lines.size()));
    for (const CostLine &l : b.lines) {
        const QString date = b.startDate.isValid() ? b.startDate.addDays(l.day).toString(Qt::ISODate)
                                                   : QString::number(l.day);
        table.rows.append({date, l.tierId, l.regionId, purchaseOptionName(l.option), l.instanceType,
                           model::csvNumber(std::round(l.units() * 1e4) / 1e4), model::csvNumber(l.hourlyPrice),
                           model::csvFixed(l.costUsd, 4), l.priceSource, l.priceDate,
                           l.perGb ? QStringLiteral("GB") : QStringLiteral("node")});
    }
    return table.toCsv();
}

} // namespace headroom::cost
