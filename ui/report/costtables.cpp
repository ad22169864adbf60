#include "ui/report/reporttables.h"

#include "core/model/scenariopath.h"
#include "core/model/scenarioschema.h"

#include <yaml-cpp/yaml.h>

#include <map>

using namespace Qt::StringLiterals;

namespace headroom::report {

using model::csvFixed;
using model::csvNumber;
using model::CsvTable;

CsvTable costDailyTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"time_utc"_s, u"total_usd"_s, u"cost_per_user_month_usd"_s, u"active_users"_s};
    if (!a.cost)
        return t;
    const cost::CostBreakdown &bill = *a.cost;
    std::map<QString, std::vector<double>> columns;
    for (const cost::CostLine &line : bill.lines) {
        if (line.day < 0 || line.day >= bill.days)
            continue;
        const QString key = line.perGb ? QString(line.tierId + u"_usd"_s)
                                       : QString(line.tierId + u'_' + cost::purchaseOptionName(line.option) + u"_usd"_s);
        auto &column = columns[key];
        column.resize(static_cast<std::size_t>(bill.days), 0.0);
        column[static_cast<std::size_t>(line.day)] += line.costUsd;
    }
    for (const auto &[key, _] : columns)
        t.header << key;
    for (int d = 0; d < bill.days; ++d) {
        const auto k = static_cast<std::size_t>(d);
        QStringList row{isoUtc(bill.startDate.addDays(d)), csvFixed(k < bill.dailyCost.size() ? bill.dailyCost[k] : 0, 2),
                        csvFixed(bill.costPerUserMonth(d), 4),
                        csvNumber(k < bill.dailyActiveUsers.size() ? bill.dailyActiveUsers[k] : 0)};
        for (const auto &[key, values] : columns)
            row << csvFixed(values[k], 2);
        t.rows.append(row);
    }
    return t;
}

CsvTable costBreakdownTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"group"_s, u"name"_s, u"horizon_usd"_s, u"monthly_usd"_s, u"share_pct"_s};
    if (!a.cost)
        return t;
    const cost::CostBreakdown &bill = *a.cost;
    const double toMonth = bill.horizonHours > 0 ? 730.0 / bill.horizonHours : 0;
    auto add = [&](const QString &group, const QMap<QString, double> &map) {
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            t.rows.append({group, it.key(), csvFixed(it.value(), 2), csvFixed(it.value() * toMonth, 2),
                           csvFixed(bill.totalUsd > 0 ? it.value() / bill.totalUsd * 100 : 0, 1)});
    };
    add(u"tier"_s, bill.byTier);
    add(u"region"_s, bill.byRegion);
    add(u"purchase_option"_s, bill.byOption);
    t.rows.append({u"total"_s, u"all"_s, csvFixed(bill.totalUsd, 2), csvFixed(bill.monthlyCost(), 2), u"100.0"_s});
    return t;
}

CsvTable savingsTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"item"_s, u"tier"_s, u"monthly_saving_usd"_s, u"risk"_s, u"implementation"_s, u"inputs"_s};
    if (!a.savings)
        return t;
    for (const cost::SavingsItem &item : a.savings->items)
        t.rows.append({item.type, item.tierId, csvFixed(item.monthlySavingUsd, 2), cost::riskName(item.risk),
                       item.implementation, item.inputs.join(u"; "_s)});
    t.rows.append({u"current"_s, QString(), csvFixed(a.savings->currentMonthlyUsd, 2), QString(), u"monthly cost today"_s,
                   QString()});
    t.rows.append({u"total_saving"_s, QString(), csvFixed(a.savings->totalMonthlySavingUsd, 2), QString(),
                   u"sum of the items"_s, QString()});
    t.rows.append({u"optimized"_s, QString(), csvFixed(a.savings->optimizedMonthlyUsd, 2), QString(),
                   u"monthly cost with the plan"_s, QString()});
    return t;
}

CsvTable thresholdsTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"threshold"_s, u"limit"_s, u"unit"_s, u"first_crossed_utc"_s, u"value_on_first_day"_s, u"max_value"_s};
    const cost::ThresholdCrossing *all[] = {&a.thresholds.warning, &a.thresholds.critical, &a.thresholds.costPerUser};
    for (const cost::ThresholdCrossing *c : all) {
        const bool perUser = c == &a.thresholds.costPerUser;
        t.rows.append({c->name.isEmpty() ? (perUser ? u"costPerUser"_s : u"threshold"_s) : c->name, csvFixed(c->limit, 2),
                       perUser ? u"USD/user-month"_s : u"USD/day"_s,
                       c->crossed() ? isoUtc(a.plan.startDate.addDays(c->firstDay)) : u"never"_s,
                       csvFixed(c->valueOnFirstDay, 4), csvFixed(c->maxValue, 4)});
    }
    return t;
}

CsvTable topologyTable(const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"component"_s, u"name"_s, u"figure"_s, u"value"_s, u"unit"_s};
    if (!a.topology)
        return t;
    const topology::TopologyAnalysis &topo = *a.topology;
    for (const topology::RegionShare &r : topo.regions.regions)
        t.rows.append({u"region"_s, r.groupId + u'/' + r.regionId, u"traffic_share"_s, csvFixed(r.globalShare() * 100, 1),
                       u"%"_s});
    for (const topology::CacheLevelLoad &c : topo.caches.levels)
        t.rows.append({u"cache"_s, u"L%1 %2"_s.arg(c.level).arg(model::enumToString(c.type)), u"hit_ratio"_s,
                       csvFixed(c.hitRatio * 100, 1), u"%"_s});
    t.rows.append({u"cache"_s, u"all levels"_s, u"hit_ratio"_s, csvFixed(topo.caches.overallHitRatio() * 100, 1), u"%"_s});
    t.rows.append({u"database"_s, u"all primaries"_s, u"queries"_s, csvFixed(topo.database.queriesPerSecond, 1), u"1/s"_s});
    for (const topology::PrimaryLoad &p : topo.database.primaries)
        t.rows.append({u"database"_s, p.id, u"write_utilisation"_s, csvFixed(p.writeUtilisation * 100, 1), u"%"_s});
    if (topo.writeCeilingMonth)
        t.rows.append({u"database"_s, u"write ceiling"_s, u"plan_month"_s, csvFixed(*topo.writeCeilingMonth, 1), u"month"_s});
    for (const topology::ShardMemory &m : topo.redisMemory)
        t.rows.append({u"redis"_s, u"master %1"_s.arg(m.master), u"memory_utilisation"_s, csvFixed(m.utilisation() * 100, 1),
                       u"%"_s});
    return t;
}

namespace {

void flatten(const YAML::Node &node, const QString &path, CsvTable &t)
{
    if (node.IsMap()) {
        for (const auto &kv : node)
            flatten(kv.second, path.isEmpty() ? QString::fromStdString(kv.first.as<std::string>())
                                              : path + u'.' + QString::fromStdString(kv.first.as<std::string>()),
                    t);
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            flatten(node[i], path + u'[' + QString::number(i) + u']', t);
    } else if (node.IsScalar()) {
        // Planning figures the user states are assumptions; the shape of the system is an input.
        static const QStringList assumed{u"spec.demand"_s, u"spec.growthPhases"_s, u"spec.capacityPlanner"_s,
                                         u"spec.costOptimization"_s, u"spec.traffic"_s, u"spec.simulation"_s};
        const bool assumption = std::any_of(assumed.begin(), assumed.end(), [&](const QString &p) { return path.startsWith(p); })
                                || path.contains(u".workload."_s) || path.contains(u"hitRatio"_s);
        t.rows.append({path, QString::fromStdString(node.Scalar()), assumption ? u"assumption"_s : u"input"_s});
    }
}

} // namespace

CsvTable assumptionsTable(const model::Scenario &scenario, const analysis::ScenarioAnalysis &a)
{
    CsvTable t;
    t.header = {u"field"_s, u"value"_s, u"kind"_s};
    flatten(model::scenarioYaml(scenario), QString(), t);
    const analysis::AnalysisOptions &o = a.options;
    t.rows.append({u"analysis.startDate"_s, isoUtc(o.startDate), u"option"_s});
    t.rows.append({u"analysis.planDays"_s, QString::number(o.planDays), u"option"_s});
    t.rows.append({u"analysis.simulationDuration_s"_s, csvNumber(static_cast<double>(o.simulationDuration.count()) / 1000), u"option"_s});
    t.rows.append({u"analysis.step_s"_s, csvNumber(static_cast<double>(o.step.count()) / 1000), u"option"_s});
    t.rows.append({u"analysis.policy"_s, o.policy == autoscale::ScalingPolicyKind::Hpa ? u"hpa"_s : u"custom"_s, u"option"_s});
    t.rows.append({u"analysis.spotRatio"_s, csvNumber(o.spotRatio), u"option"_s});
    const topology::TopologyOptions topo;
    t.rows.append({u"model.cacheObjectBytes"_s, csvNumber(topo.cacheObjectBytes), u"model"_s});
    t.rows.append({u"model.zipfExponent"_s, csvNumber(topo.zipfExponent), u"model"_s});
    t.rows.append({u"model.redisValueBytes"_s, csvNumber(topo.redisValueBytes), u"model"_s});
    t.rows.append({u"model.demandBandSigma"_s, u"growthRate/4"_s, u"model"_s});
    if (a.cost)
        for (const QString &note : a.cost->notes)
            t.rows.append({u"cost.note"_s, note, u"model"_s});
    for (const model::Diagnostic &w : a.warnings)
        t.rows.append({u"warning"_s, w.toString(), u"model"_s});
    return t;
}

} // namespace headroom::report
