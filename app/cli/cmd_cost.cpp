// headroom-cli cost: the bill a scenario's plan implies, its savings plan and threshold crossings.
//
// CSV (--out): one row per date, tier, region and purchase option:
//   date             ISO date (start + day)
//   tier             tier id, or "storage" / "cache" for per-GB lines
//   region           region id (spec.regions; nodes are whole per region)
//   purchase_option  on_demand | spot | reserved_1y | reserved_3y
//   instance_type    the catalog type the tier runs on ("Standard", "m6i.xlarge", "gp3")
//   nodes            average nodes that day (GB for storage/cache)
//   hourly_price_usd USD per node-hour (per GB-hour for storage/cache)
//   cost_usd         USD for that day
//   price_source     catalog source id; derived prices add "; option -P% (profile)"
//   price_date       the source's as-of date
//   unit             node | GB
#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/capacity/capacityplan.h"
#include "core/cost/catalog.h"
#include "core/cost/costmodel.h"
#include "core/cost/savingsplan.h"
#include "core/cost/scenariocost.h"
#include "core/cost/thresholds.h"
#include "core/model/csv.h"

#include <QDate>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace headroom::cli {

namespace {

using model::csvFixed;
using model::csvNumber;

QString usd(double v, int decimals = 2)
{
    return u'$' + csvFixed(v, decimals);
}

/// Per-day users, planned replicas per tier, cache and storage bytes: the capacity plan's.
struct DailyPlan {
    cost::SampledSeries users, storage, cache;
    std::vector<cost::ReplicaSeries> replicas;
    QMap<QString, double> meanDemand, meanReplicas;
    QString basis;
    model::Diagnostics warnings;
};

DailyPlan dailyPlan(const model::Scenario &s, int days, QDate start)
{
    const capacity::CapacityPlan plan = capacity::planCapacity(s, days, start);
    DailyPlan p;
    p.basis = QStringLiteral("replicas per day from the capacity plan");
    p.warnings = plan.warnings;
    for (int d = 0; d < plan.days; ++d)
        p.users.hours.push_back(d * 24.0);
    p.storage.hours = p.cache.hours = p.users.hours;
    p.users.values = plan.users;
    p.storage.values = plan.storageBytes;
    p.cache.values = plan.cacheBytes;
    p.users.lastStepHours = p.storage.lastStepHours = p.cache.lastStepHours = 24.0;
    for (const capacity::TierPlan &t : plan.tiers) {
        cost::ReplicaSeries r{t.tierId, p.users.hours, {}, 24.0};
        for (size_t d = 0; d < t.plannedReplicas.size(); ++d) {
            r.replicas.push_back(t.plannedReplicas[d]);
            p.meanDemand[t.tierId] += (d < t.demand.size() ? t.demand[d] : 0.0) / std::max(plan.days, 1);
            p.meanReplicas[t.tierId] += double(t.plannedReplicas[d]) / std::max(plan.days, 1);
        }
        p.replicas.push_back(std::move(r));
    }
    return p;
}

bool parseUtilization(const QStringList &specs, QMap<QString, cost::TierUtilization> *out, QString *why)
{
    for (const QString &spec : specs) {
        const QStringList kv = spec.split(u'=');
        const QStringList values = kv.value(1).split(u':');
        bool okCpu = false, okMem = true;
        const double cpu = values.value(0).toDouble(&okCpu);
        const double mem = values.size() > 1 ? values[1].toDouble(&okMem) : cpu;
        if (kv.size() != 2 || kv[0].isEmpty() || !okCpu || !okMem || values.size() > 2 || cpu < 0 || cpu > 100
            || mem < 0 || mem > 100) {
            *why = QStringLiteral("--utilization expects TIER=CPU[:MEMORY] in percent, got '%1'").arg(spec);
            return false;
        }
        (*out)[kv[0]] = cost::TierUtilization{cpu / 100.0, mem / 100.0, QStringLiteral("measured, --utilization")};
    }
    return true;
}

void printSavings(QTextStream &o, const cost::SavingsPlan &plan)
{
    o << "\nSavings plan (CostOptimizedScaler), items: " << plan.items.size() << '\n';
    int n = 0;
    for (const cost::SavingsItem &item : plan.items) {
        o << "  " << ++n << ". " << item.type << (item.tierId.isEmpty() ? QString() : u' ' + item.tierId) << ": "
          << usd(item.monthlySavingUsd) << "/month, risk " << cost::riskName(item.risk) << "\n     "
          << item.implementation << '\n';
        for (const QString &input : item.inputs)
            o << "     - " << input << '\n';
    }
    o << "  Total potential savings: " << usd(plan.totalMonthlySavingUsd) << "/month (" << usd(plan.currentMonthlyUsd)
      << " -> " << usd(plan.optimizedMonthlyUsd) << ")\n";
    for (const QString &note : plan.notes)
        o << "  note: " << note << '\n';
}

void printCrossing(QTextStream &o, const QString &label, const cost::ThresholdCrossing &c, const QDate &start,
                   const QString &unit)
{
    o << "  " << label << ' ' << usd(c.limit) << unit << ": ";
    if (c.limit <= 0)
        o << "not set\n";
    else if (c.crossed())
        o << "first crossed " << start.addDays(c.firstDay).toString(Qt::ISODate) << " (day " << c.firstDay + 1 << ", "
          << usd(c.valueOnFirstDay, 4) << ")\n";
    else
        o << "not crossed (max " << usd(c.maxValue, 4) << ")\n";
}

void printSummary(QTextStream &o, const model::Scenario &s, const cost::CostBreakdown &b, const cost::SavingsPlan &plan,
                  const cost::ThresholdReport &t, const QString &mix)
{
    o << "Cost of " << s.metadata.name << " over " << b.days << " days from " << b.startDate.toString(Qt::ISODate)
      << " (" << mix << ")\n";
    if (b.dailyCost.empty())
        return;
    o << "Daily cost: " << usd(b.averageDailyCost()) << " average (day 1 " << usd(b.dailyCost.front()) << ", day "
      << b.days << ' ' << usd(b.dailyCost.back()) << ")\n";
    o << "Monthly cost: " << usd(b.monthlyCost()) << " (730 h)\n";
    o << "Cost per active user per month: " << usd(b.costPerUserMonth(), 4) << "; per million requests: "
      << usd(b.costPerMillionRequests(), 4) << '\n';
    o << "By tier:";
    for (auto it = b.byTier.cbegin(); it != b.byTier.cend(); ++it)
        o << ' ' << it.key() << ' ' << usd(it.value() / b.horizonHours * 730.0) << "/month;";
    o << "\nBy region:";
    for (auto it = b.byRegion.cbegin(); it != b.byRegion.cend(); ++it)
        o << ' ' << it.key() << ' ' << usd(it.value() / b.horizonHours * 730.0) << "/month;";
    o << "\nBy purchase option:";
    for (auto it = b.byOption.cbegin(); it != b.byOption.cend(); ++it)
        o << ' ' << it.key() << ' ' << usd(it.value() / b.horizonHours * 730.0) << "/month;";
    o << '\n';
    printSavings(o, plan);
    o << "\nThresholds:\n";
    printCrossing(o, QStringLiteral("daily warning"), t.warning, b.startDate, QStringLiteral("/day"));
    printCrossing(o, QStringLiteral("daily critical"), t.critical, b.startDate, QStringLiteral("/day"));
    printCrossing(o, QStringLiteral("cost per user"), t.costPerUser, b.startDate, QStringLiteral("/month"));
    for (const QString &note : b.notes)
        o << "note: " << note << '\n';
}

} // namespace

int runCost(const QStringList &args)
{
    CommandLine cl(QStringLiteral("cost"),
                   QStringLiteral("The bill a scenario's capacity plan implies: cost per tier, region, day and purchase "
                                  "option, cost per active user, the savings plan and the cost thresholds.\n"
                                  "Prices come from the bundled catalog, overlaid by --catalog files (YAML or CSV)."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario file (optional)."), QStringLiteral("[FILE]"));
    cl.addOption({QStringLiteral("days"), QStringLiteral("Horizon in days (default 30)."), QStringLiteral("N"),
                  QStringLiteral("30")});
    cl.addOption({QStringLiteral("start"), QStringLiteral("First date, YYYY-MM-DD (default today, UTC)."),
                  QStringLiteral("DATE")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Write the cost CSV here ('-' = stdout; the summary then goes "
                                                        "to stderr)."),
                  QStringLiteral("CSV")});
    cl.addOption({QStringLiteral("catalog"), QStringLiteral("A catalog (YAML) or price overrides (CSV) over the "
                                                            "bundled one; repeatable."),
                  QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("spot-ratio"), QStringLiteral("Spot share of spot-tolerant tiers today, percent "
                                                               "(default 0)."),
                  QStringLiteral("PCT"), QStringLiteral("0")});
    cl.addOption({QStringLiteral("mix"), QStringLiteral("Bill the 'current' mix or the savings plan's 'plan' mix "
                                                        "(spot target + reservations)."),
                  QStringLiteral("current|plan"), QStringLiteral("current")});
    cl.addOption({QStringLiteral("utilization"), QStringLiteral("Measured utilization of a tier's nodes for "
                                                                "right-sizing, percent; repeatable."),
                  QStringLiteral("TIER=CPU[:MEMORY]")});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    const auto days = cl.integer(QStringLiteral("days"), 1, 3660);
    const auto spotPct = cl.number(QStringLiteral("spot-ratio"), 0, 100);
    if (!days || !spotPct)
        return Usage;
    const QString mix = cl.value(QStringLiteral("mix"));
    if (mix != u"current" && mix != u"plan")
        return usageError(QStringLiteral("cost"), QStringLiteral("--mix must be 'current' or 'plan', got '%1'").arg(mix));
    QDate start = QDateTime::currentDateTimeUtc().date();
    if (cl.isSet(QStringLiteral("start"))) {
        start = QDate::fromString(cl.value(QStringLiteral("start")), Qt::ISODate);
        if (!start.isValid())
            return usageError(QStringLiteral("cost"), QStringLiteral("--start expects YYYY-MM-DD, got '%1'")
                                                          .arg(cl.value(QStringLiteral("start"))));
    }
    QMap<QString, cost::TierUtilization> measured;
    QString why;
    if (!parseUtilization(cl.parser().values(QStringLiteral("utilization")), &measured, &why))
        return usageError(QStringLiteral("cost"), why);

    const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;
    cost::PricingCatalog catalog = cost::defaultCatalog();
    for (const QString &path : cl.parser().values(QStringLiteral("catalog"))) {
        model::Diagnostics warnings;
        auto loaded = cost::loadCatalogOverlay(catalog, path, &warnings);
        for (const model::Diagnostic &w : warnings)
            err() << w.toString() << '\n';
        if (!loaded)
            return reportErrors(loaded.errors());
        catalog = std::move(loaded).value();
    }
    auto loadedInput = cost::costInputFromScenario(*scenario, catalog);
    if (!loadedInput)
        return reportErrors(loadedInput.errors());
    cost::CostInput input = std::move(loadedInput).value();
    for (const QString &tier : measured.keys()) {
        if (!scenario->tier(tier))
            return usageError(QStringLiteral("cost"), QStringLiteral("--utilization: no tier '%1'").arg(tier));
    }
    DailyPlan plan = dailyPlan(*scenario, *days, start);
    for (const model::Diagnostic &w : plan.warnings)
        err() << w.toString() << '\n';
    input.startDate = start;
    input.replicas = plan.replicas;
    input.concurrentUsers = plan.users;
    input.storageBytes = plan.storage;
    input.cacheBytes = plan.cache;

    const cost::CostOptions current = cost::currentMix(*scenario, *spotPct / 100.0);
    auto bill = cost::computeCost(input, catalog, current);
    if (!bill)
        return reportErrors(bill.errors());
    cost::SavingsSettings settings = cost::savingsSettings(*scenario);
    settings.utilization = cost::workloadUtilization(*scenario, input, bill.value(), plan.meanDemand, plan.meanReplicas);
    for (auto it = measured.cbegin(); it != measured.cend(); ++it)
        settings.utilization[it.key()] = it.value();
    auto savings = cost::planSavings(input, catalog, current, settings);
    if (!savings)
        return reportErrors(savings.errors());
    if (mix == u"plan") {
        bill = cost::computeCost(input, catalog, savings->optimizedOptions);
        if (!bill)
            return reportErrors(bill.errors());
    }
    const model::CostOptimization &co = scenario->spec.costOptimization;
    const cost::ThresholdReport thresholds = cost::checkThresholds(
        bill.value(), co.costThresholds.warning.amount, co.costThresholds.critical.amount, co.costPerUserTarget.amount);

    const QString outPath = cl.value(QStringLiteral("out"));
    if (!outPath.isEmpty() && !writeOutput(outPath, cost::costCsv(bill.value())))
        return BadInput;
    const QString mixText = mix == u"plan" ? QStringLiteral("plan mix: spot %1% on spot-tolerant tiers + reservations")
                                                 .arg(csvNumber(savings->optimizedOptions.spotRatio * 100))
                                           : QStringLiteral("current mix: spot %1% on spot-tolerant tiers")
                                                 .arg(csvNumber(*spotPct));
    printSummary(outPath == u"-" ? err() : out(), *scenario, bill.value(), savings.value(), thresholds,
                 mixText + QStringLiteral("; catalog: ") + catalog.name + QStringLiteral("; ") + plan.basis);
    return Ok;
}

} // namespace headroom::cli
