#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/analysis/scenarioanalysis.h"
#include "core/model/units.h"
#include "ui/report/csvexport.h"
#include "ui/report/pdfreport.h"

#include <QElapsedTimer>

#include <ctime>

using namespace Qt::StringLiterals;

namespace headroom::cli {

int runReport(const QStringList &args)
{
    const QString command = u"report"_s;
    CommandLine cl(command,
                   u"Writes the full report of a scenario: a PDF (title page, executive summary with the success "
                   "metrics' verdicts, contents, capacity per tier, each traffic scenario's simulation, cost and "
                   "savings, topology, alert timeline, assumptions) and/or one CSV file per table and series. "
                   "Runs without a display. Default scenario: the embedded WebTools Pro."_s);
    cl.addPositional(u"FILE"_s, u"Scenario file (default: the embedded WebTools Pro)."_s, u"[FILE]"_s);
    cl.addOption({u"pdf"_s, u"Write the PDF report to OUT."_s, u"OUT"_s});
    cl.addOption({u"csv"_s, u"Write every table and series as CSV files into DIR (created when missing)."_s, u"DIR"_s});
    cl.addOption({u"page-size"_s, u"A4 (default) or Letter."_s, u"SIZE"_s, u"A4"_s});
    cl.addOption({u"days"_s, u"Plan horizon in days (default 180)."_s, u"N"_s, u"180"_s});
    cl.addOption({u"duration"_s, u"Simulated time per traffic scenario (default 24h)."_s, u"D"_s, u"24h"_s});
    cl.addOption({u"step"_s, u"Simulation tick (default 15s)."_s, u"D"_s, u"15s"_s});
    cl.addOption({u"traffic"_s, u"Comma-separated traffic scenarios to simulate (default: all of the file)."_s, u"NAMES"_s});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    if (!cl.isSet(u"pdf"_s) && !cl.isSet(u"csv"_s))
        return usageError(command, u"nothing to write: give --pdf OUT.pdf and/or --csv DIR"_s);
    const QString size = cl.value(u"page-size"_s);
    if (size.compare(u"A4"_s, Qt::CaseInsensitive) != 0 && size.compare(u"Letter"_s, Qt::CaseInsensitive) != 0)
        return usageError(command, u"--page-size: expected A4 or Letter, got '%1'"_s.arg(size));
    const auto days = cl.integer(u"days"_s, 1, 3650);
    if (!days)
        return Usage;
    const auto duration = model::parseDuration(cl.value(u"duration"_s));
    if (!duration || duration->count() <= 0)
        return usageError(command, u"--duration: expected a duration such as 6h, got '%1'"_s.arg(cl.value(u"duration"_s)));
    const auto step = model::parseDuration(cl.value(u"step"_s));
    if (!step || step->count() < 1000)
        return usageError(command, u"--step: expected a duration of at least 1s, got '%1'"_s.arg(cl.value(u"step"_s)));

    // Chart axes print local time; the report is in UTC throughout.
    qputenv("TZ", "UTC");
    tzset();

    const QString file = cl.positional().value(0);
    const auto scenario = loadScenarioOrDefault(file);
    if (!scenario)
        return BadInput;

    analysis::AnalysisOptions options;
    options.planDays = *days;
    options.simulationDuration = std::chrono::milliseconds(duration->count());
    options.step = std::chrono::milliseconds(step->count());
    if (cl.isSet(u"traffic"_s))
        options.traffic = cl.value(u"traffic"_s).split(u',', Qt::SkipEmptyParts);
    QElapsedTimer timer;
    timer.start();
    const analysis::ScenarioAnalysis result = analysis::analyze(*scenario, options);
    const double analysisMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    for (const model::Diagnostic &w : result.warnings)
        err() << "warning: " << w.toString() << '\n';

    if (cl.isSet(u"csv"_s)) {
        const auto written = report::writeCsvReport(cl.value(u"csv"_s), result, *scenario);
        if (!written)
            return reportErrors(written.errors());
        out() << "CSV: " << written.value().size() << " files in " << cl.value(u"csv"_s) << '\n';
    }
    if (cl.isSet(u"pdf"_s)) {
        timer.restart();
        report::ReportOptions ro;
        ro.pageSize = size.compare(u"Letter"_s, Qt::CaseInsensitive) == 0 ? QPageSize::Letter : QPageSize::A4;
        ro.sourceFile = file;
        const auto info = report::writePdfReport(cl.value(u"pdf"_s), result, *scenario, ro);
        if (!info)
            return reportErrors(info.errors());
        out() << "PDF: " << cl.value(u"pdf"_s) << ", " << info.value().pages << " pages ("
              << QString::number(static_cast<double>(timer.nsecsElapsed()) / 1e6, 'f', 0) << " ms)\n";
    }
    out() << "Analysis: " << QString::number(analysisMs, 'f', 0) << " ms\n";
    out().flush();
    return Ok;
}

} // namespace headroom::cli
