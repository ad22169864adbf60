#include "core/cost/costmodel.h"

#include "core/cost/costtally.h"

#include "core/model/csv.h"

#include <algorithm>
#include <cmath>

namespace headroom::cost {

using detail::kEps;
using detail::kHoursPerMonth;

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

model::Result<CostBreakdown> computeCost(const CostInput &input, const PricingCatalog &catalog,
                                         const CostOptions &options)
{
    auto tallied = detail::tallyNodes(input, catalog, options);
    if (!tallied)
        return tallied.errors();
    const detail::NodeTally &nodes = tallied.value();
    CostBreakdown out;
    out.startDate = input.startDate;
    out.horizonHours = nodes.horizonHours;
    out.days = nodes.days;
    out.spotNodeHours = nodes.spotNodeHours;
    out.nodeHours = nodes.nodeHours;
    out.reservations = nodes.reservations;
    const detail::CapacityTally capacity = detail::tallyCapacity(input, catalog, out.days);
    out.notes = nodes.notes + capacity.notes;

    size_t lineCount = 0;
    for (int d = 0; d < out.days; ++d) {
        nodes.forEachLine(d, [&](const detail::LineRef &) { ++lineCount; });
        for (const detail::CapacityCell &cell : capacity.cells)
            lineCount += cell.emitted(d) ? 1 : 0;
    }
    out.lines.reserve(lineCount);
    detail::BillTotals totals = detail::sumBill(input, nodes, capacity, &out.lines);
    out.dailyCost = std::move(totals.dailyCost);
    out.totalUsd = totals.totalUsd;
    totals.byTier.into(out.byTier);
    totals.byRegion.into(out.byRegion);
    totals.byOption.into(out.byOption);

    // Users and requests per day (time-weighted averages).
    const SampledSeries &users = input.concurrentUsers;
    if (!users.hours.empty() && detail::validateSeries(users.hours, users.values.size()).isEmpty()) {
        std::vector<double> userHours(static_cast<size_t>(out.days), 0.0), hours(userHours.size(), 0.0);
        out.dailyRequests.assign(userHours.size(), 0.0);
        for (size_t i = 0; i < users.hours.size(); ++i) {
            detail::splitByDay(users.hours[i], detail::stepOf(users.hours, users.lastStepHours, i), [&](int day, double h) {
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
