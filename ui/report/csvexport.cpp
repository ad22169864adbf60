#include "ui/report/csvexport.h"

#include "ui/report/reporttables.h"

#include <QDir>

#include <functional>

using namespace Qt::StringLiterals;

namespace headroom::report {

model::Result<QStringList> writeCsvReport(const QString &directory, const analysis::ScenarioAnalysis &a,
                                          const model::Scenario &scenario)
{
    const QDir dir(directory);
    if (!QDir().mkpath(directory))
        return model::Diagnostic{model::Severity::Error, {directory}, {}, u"cannot create the directory"_s};
    QStringList written;
    std::vector<std::pair<QString, std::function<model::CsvTable()>>> files{
        {u"summary.csv"_s, [&] { return summaryTable(a); }},
        {u"success_metrics.csv"_s, [&] { return successMetricsTable(a); }},
        {u"slo_results.csv"_s, [&] { return sloDetailTable(a); }},
        {u"capacity_daily.csv"_s, [&] { return capacityDailyTable(a); }},
        {u"capacity_monthly.csv"_s, [&] { return capacityMonthlyTable(a); }},
        {u"outcomes.csv"_s, [&] { return outcomesTable(a); }},
        {u"cost_daily.csv"_s, [&] { return costDailyTable(a); }},
        {u"cost_breakdown.csv"_s, [&] { return costBreakdownTable(a); }},
        {u"savings_plan.csv"_s, [&] { return savingsTable(a); }},
        {u"thresholds.csv"_s, [&] { return thresholdsTable(a); }},
        {u"topology.csv"_s, [&] { return topologyTable(a); }},
        {u"assumptions.csv"_s, [&] { return assumptionsTable(scenario, a); }},
    };
    for (const analysis::TrafficOutcome &o : a.traffic) {
        files.emplace_back(u"simulation_"_s + slug(o.name) + u".csv"_s, [&o] { return simulationTable(o); });
        files.emplace_back(u"alerts_"_s + slug(o.name) + u".csv"_s, [&o] { return alertsTable(o); });
    }
    for (const auto &[name, make] : files) {
        if (written.contains(name))
            continue; // two traffic names with the same slug: the first wins
        if (auto result = model::writeFileAtomically(dir.filePath(name), make().toCsv()); !result)
            return result.errors();
        written.append(name);
    }
    return written;
}

} // namespace headroom::report
