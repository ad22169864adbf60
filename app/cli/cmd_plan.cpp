#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/capacity/capacityplan.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace headroom::cli {

namespace {

const QString command = QStringLiteral("plan");

QString description()
{
    return QStringLiteral(
        "Required capacity per tier per day, from the scenario's demand and growth (the plan's CapacityPlanner).\n"
        "Without FILE, the embedded WebTools Pro.\n\n"
        "Users on day d: concurrentUsers x (1 + growthRate/30)^d (--growth compound, the plan's rule), or the\n"
        "growth phases interpolated geometrically within each phase (--growth phases; 30-day months).\n"
        "Each tier's demand is in its capacity metric x workload.demandShare: users; requests/s = users x\n"
        "requestsPerUserPerSecond; jobs in flight = users x jobsPerUserPerSecond x serviceTime. The design\n"
        "load is demand x peakMultiplier x (1 + capacityBuffer/100). sizing: capacityUnits -> ceil(design load /\n"
        "capacityPerReplica); sizing: queueing -> the fewest replicas (each an M/M/c queue with\n"
        "concurrencyPerReplica servers and serviceTime) whose P95 response time meets p95Slo.\n\n"
        "CSV columns (header row, one row per day):\n"
        "  date            ISO date (--start + day)\n"
        "  day             0-based day index\n"
        "  users           concurrent users\n"
        "  <tier>_demand   the tier's demand in its capacity metric, before peak multiplier and buffer\n"
        "  <tier>_required replicas the design load needs (unclamped)\n"
        "  <tier>_planned  required clamped to the tier's [minReplicas, maxReplicas]\n"
        "  db_connections  ceil(users x requestsPerUserPerSecond x dbQueriesPerRequest / queriesPerConnection)\n"
        "  cache_gb        users x cachePerUser, rounded up to whole GB (1e9 bytes)\n"
        "  storage_tb      users x storagePerUser, rounded up to whole TB (1e12 bytes)\n"
        "Days where a tier's maxReplicas is below its required replicas are reported on stderr as warnings.");
}

} // namespace

int runPlan(const QStringList &args)
{
    CommandLine cl(command, description());
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario file (optional)."), QStringLiteral("[FILE]"));
    cl.addOption({QStringLiteral("days"), QStringLiteral("Days to plan, 1..36500 (default 180)."), QStringLiteral("N"),
                  QStringLiteral("180")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Output CSV file, or - for stdout (default)."),
                  QStringLiteral("CSV"), QStringLiteral("-")});
    cl.addOption({QStringLiteral("start"), QStringLiteral("Date of day 0, YYYY-MM-DD (default: today, UTC)."),
                  QStringLiteral("DATE")});
    cl.addOption({QStringLiteral("growth"), QStringLiteral("compound (default) or phases."), QStringLiteral("MODE"),
                  QStringLiteral("compound")});
    cl.addOption({QStringLiteral("trend"),
                  QStringLiteral("Trend multiplier on the compound curve (the plan's trend.multiplier, default 1)."),
                  QStringLiteral("X"), QStringLiteral("1")});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    const auto days = cl.integer(QStringLiteral("days"), 1, 36'500);
    const auto trend = cl.number(QStringLiteral("trend"), 1e-9);
    if (!days || !trend)
        return Usage;
    capacity::PlanOptions options;
    options.trendMultiplier = *trend;
    const QString growth = cl.value(QStringLiteral("growth"));
    if (growth == u"phases")
        options.growthMode = capacity::GrowthMode::Phases;
    else if (growth != u"compound")
        return usageError(command, QStringLiteral("--growth expects compound or phases, got '%1'").arg(growth));
    QDate start = QDateTime::currentDateTimeUtc().date();
    if (cl.isSet(QStringLiteral("start"))) {
        start = QDate::fromString(cl.value(QStringLiteral("start")), Qt::ISODate);
        if (!start.isValid())
            return usageError(command, QStringLiteral("--start expects a date YYYY-MM-DD, got '%1'")
                                           .arg(cl.value(QStringLiteral("start"))));
    }
    const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;

    const capacity::CapacityPlan plan = capacity::planCapacity(*scenario, *days, start, options);
    for (const model::Diagnostic &w : plan.warnings)
        err() << w.toString() << '\n';
    for (const capacity::Shortfall &s : capacity::shortfalls(plan))
        err() << "warning: tier '" << s.tierId << "': maxReplicas " << s.maxReplicas << " is below the "
              << s.peakRequired << " replicas required on days " << s.firstDay << ".." << s.lastDay << " ("
              << plan.date(s.firstDay).toString(Qt::ISODate) << " to " << plan.date(s.lastDay).toString(Qt::ISODate)
              << ")\n";
    err().flush();
    return writeOutput(cl.value(QStringLiteral("out")), capacity::planToCsv(plan)) ? Ok : BadInput;
}

} // namespace headroom::cli
