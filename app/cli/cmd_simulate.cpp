#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/autoscale/hpadocument.h"
#include "core/autoscale/simulator.h"
#include "core/model/units.h"

#include <cmath>

namespace headroom::cli {

namespace {

const char *const GrammarHelp =
    "\n\nTraffic (--traffic): a traffic name of the scenario (WebTools Pro: steady, diurnal, growth, spike-10x,\n"
    "region-loss) or an inline spec, a product of factors applied to the scenario's baseline demand:\n"
    "  spec  := term ('*' term)*\n"
    "  term  := baseline | NUMBER[x] | NAME(key=value, ...)\n"
    "  diurnal(peak=14h, amplitude=0.4)        daily cycle, 1 + amplitude*cos(2pi(time of day - peak)/24h), UTC\n"
    "  weekly(weekend=0.7)                     Saturday and Sunday at `weekend` times the weekday level\n"
    "  growth(rate=0.15)                       monthly growth compounded daily, (1 + rate/30)^days\n"
    "  spike(factor=10, at=1h, ramp=1m, hold=30m, decay=15m)\n"
    "                                          linear rise to factor x, held, linear decay back to 1\n"
    "  retrystorm(factor=3, at=1h, duration=10m, ramp=0s, decay=2m)\n"
    "                                          clients retrying failed calls: demand x factor while it lasts\n"
    "  regionloss(region=eu-west-1, at=1h, duration=2h)\n"
    "                                          the region (share = its group's trafficShare x its trafficShare)\n"
    "                                          goes dark: demand stays global and moves to the other regions;\n"
    "                                          the region's share of each tier's pods and nodes is lost, and the\n"
    "                                          Deployment recreates the pods, which need nodes and start-up time.\n"
    "Durations: 250ms, 30s, 15m, 2h, 1d. A scenario traffic entry may also carry drawn `points`\n"
    "([hours, multiplier], linear in between), multiplied with its spec.\n"
    "Example: --traffic 'baseline * diurnal(peak=14h, amplitude=0.4) * spike(factor=5, at=26h, hold=1h)'\n\n"
    "Output: --out writes one CSV row per tick and tier: time (ISO 8601 UTC), tier, demand (req/s or jobs/s),\n"
    "desired, ready, pending, nodes, cpu_pct, mem_pct, queue_depth, p95_ms, dropped_per_s. stdout gets a\n"
    "summary per tier: when it reached the replicas the demand needs after the first traffic event (spike,\n"
    "retry storm, region loss), minutes over its p95 SLO, peak replicas and nodes.";

QString seconds(double s)
{
    return model::formatDuration(model::Milliseconds(static_cast<long long>(std::llround(s * 1000))));
}

QByteArray toCsv(const autoscale::SimulationResult &r)
{
    QByteArray csv = "time,tier,demand,desired,ready,pending,nodes,cpu_pct,mem_pct,queue_depth,p95_ms,dropped_per_s\n";
    csv.reserve(static_cast<qsizetype>(r.ticks) * static_cast<qsizetype>(r.tiers.size()) * 90);
    auto num = [&csv](double v, int decimals) {
        csv += ',';
        csv += QByteArray::number(std::isfinite(v) ? v : 1e9, 'f', decimals);
    };
    for (int i = 0; i < r.ticks; ++i) {
        const QByteArray time = autoscale::formatRfc3339(r.startMs + i * r.stepMs).toUtf8();
        const auto k = static_cast<std::size_t>(i);
        for (const autoscale::TierTimeline &t : r.tiers) {
            csv += time;
            csv += ',';
            csv += t.tierId.toUtf8();
            num(t.demand[k], 3);
            csv += ',' + QByteArray::number(t.desiredReplicas[k]) + ',' + QByteArray::number(t.readyReplicas[k]) + ','
                + QByteArray::number(t.pendingReplicas[k]) + ',' + QByteArray::number(t.nodes[k]);
            num(t.cpuUtilization[k], 1);
            num(t.memoryUtilization[k], 1);
            num(t.queueDepth[k], 1);
            num(t.p95LatencyMs[k], 1);
            num(t.droppedPerSecond[k], 3);
            csv += '\n';
        }
    }
    return csv;
}

} // namespace

int runSimulate(const QStringList &args)
{
    CommandLine cl(QStringLiteral("simulate"),
                   QStringLiteral("Simulates the autoscalers of every tier, tick by tick, over a traffic scenario: the "
                                  "Kubernetes HPA (or the plan's custom policy), pod start-up, node provisioning "
                                  "and metric delay.")
                       + QString::fromLatin1(GrammarHelp));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario (default: the built-in WebTools Pro)."),
                     QStringLiteral("[FILE]"));
    cl.addOption(QCommandLineOption(QStringLiteral("traffic"), QStringLiteral("Traffic name or spec (default: steady)."),
                                    QStringLiteral("SPEC"), QStringLiteral("steady")));
    cl.addOption(QCommandLineOption(QStringLiteral("duration"), QStringLiteral("Simulated time (default: 24h)."),
                                    QStringLiteral("D"), QStringLiteral("24h")));
    cl.addOption(QCommandLineOption(QStringLiteral("step"), QStringLiteral("Tick length (default: 15s)."),
                                    QStringLiteral("D"), QStringLiteral("15s")));
    cl.addOption(QCommandLineOption(QStringLiteral("policy"), QStringLiteral("hpa (default) or custom."),
                                    QStringLiteral("NAME"), QStringLiteral("hpa")));
    cl.addOption(QCommandLineOption(QStringLiteral("start"), QStringLiteral("Start time, RFC 3339 (default: "
                                                                            "2026-01-05T00:00:00Z, a Monday)."),
                                    QStringLiteral("TIME")));
    cl.addOption(QCommandLineOption(QStringLiteral("users"),
                                    QStringLiteral("Baseline concurrent users (default: the scenario's demand)."),
                                    QStringLiteral("N")));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), QStringLiteral("CSV file for the per-tick rows (- for stdout)."),
                                    QStringLiteral("CSV")));
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    const auto duration = model::parseDuration(cl.value(QStringLiteral("duration")));
    if (!duration || duration->count() <= 0)
        return usageError(QStringLiteral("simulate"), QStringLiteral("--duration: expected a duration such as 6h or 30d"));
    const auto step = model::parseDuration(cl.value(QStringLiteral("step")));
    if (!step || step->count() < 100)
        return usageError(QStringLiteral("simulate"), QStringLiteral("--step: expected a duration of at least 100ms"));
    if (duration->count() / step->count() > 5'000'000)
        return usageError(QStringLiteral("simulate"), QStringLiteral("--duration/--step: more than 5 million ticks"));
    autoscale::SimulationOptions options;
    options.step = *step;
    const QString policy = cl.value(QStringLiteral("policy"));
    if (policy == u"custom")
        options.policy = autoscale::ScalingPolicyKind::Custom;
    else if (policy != u"hpa")
        return usageError(QStringLiteral("simulate"), QStringLiteral("--policy: expected hpa or custom"));
    if (cl.isSet(QStringLiteral("start"))) {
        const auto start = autoscale::parseRfc3339(cl.value(QStringLiteral("start")));
        if (!start)
            return usageError(QStringLiteral("simulate"), QStringLiteral("--start: expected an RFC 3339 time"));
        options.startMs = *start;
    }
    auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;
    if (cl.isSet(QStringLiteral("users"))) {
        const auto users = cl.number(QStringLiteral("users"), 0);
        if (!users)
            return Usage;
        scenario->spec.demand.concurrentUsers = *users;
    }
    const auto traffic = autoscale::resolveTraffic(*scenario, cl.value(QStringLiteral("traffic")));
    if (!traffic) {
        err() << "--traffic: " << traffic.error().message << '\n';
        return BadInput;
    }
    const auto result = autoscale::simulate(*scenario, traffic.value(), *duration, options);
    if (cl.isSet(QStringLiteral("out")) && !writeOutput(cl.value(QStringLiteral("out")), toCsv(result)))
        return BadInput;
    if (cl.value(QStringLiteral("out")) == u"-")
        return Ok;
    out() << "Simulated " << seconds(result.ticks * result.stepMs / 1000.0) << " in " << result.ticks << " ticks of "
          << seconds(result.stepMs / 1000.0) << ", traffic '" << (traffic->name.isEmpty() ? traffic->text : traffic->name)
          << "', policy " << policy << '\n';
    for (const autoscale::TierSummary &s : result.summaries) {
        out() << s.tierId << ": peak " << s.peakReplicas << " replicas (demand needed up to " << s.peakNeededReplicas
              << "), " << s.peakNodes << " nodes, " << QString::number(s.minutesOverSlo, 'f', 1) << " min over SLO";
        if (s.eventAtSeconds) {
            if (s.spikeAbsorbedAfterSeconds)
                out() << "; reached the needed replicas " << seconds(*s.spikeAbsorbedAfterSeconds)
                      << " after the event at +" << seconds(*s.eventAtSeconds);
            else
                out() << "; never caught up with the demand after the event at +" << seconds(*s.eventAtSeconds);
        }
        out() << '\n';
    }
    return Ok;
}

} // namespace headroom::cli
