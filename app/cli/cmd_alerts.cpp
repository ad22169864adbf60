#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/alerting/ruleloader.h"
#include "core/analysis/scenarioanalysis.h"
#include "core/alerting/simulationseries.h"
#include "core/autoscale/simulator.h"
#include "core/autoscale/traffic.h"
#include "core/alerting/seriesio.h"
#include "core/alerting/sloreport.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace headroom::cli {

namespace {

const QString command = u"alerts"_s;

std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok && std::isfinite(seconds))
        return qint64(std::llround(seconds * 1000));
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid())
        return t.toMSecsSinceEpoch();
    return std::nullopt;
}

// GET one query_range; errors name the URL and the HTTP status.
model::Result<void> fetchRange(QNetworkAccessManager &nam, const QUrl &base, const QString &query, qint64 startMs,
                               qint64 endMs, qint64 stepMs, alerting::SeriesStore *store)
{
    QUrl url = base.resolved(QUrl(u"api/v1/query_range"_s));
    // encoded by hand: '+' in PromQL must reach Prometheus as %2B, not as a space
    auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    url.setQuery(u"query=%1&start=%2&end=%3&step=%4"_s.arg(enc(query), QString::number(double(startMs) / 1000, 'f', 3),
                                                          QString::number(double(endMs) / 1000, 'f', 3),
                                                          QString::number(double(stepMs) / 1000, 'f', 3)),
                 QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(30'000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = url.toDisplayString();
    if (reply->error() != QNetworkReply::NoError && body.isEmpty())
        return model::makeError(u"Prometheus request failed (HTTP %1): %2"_s.arg(status).arg(reply->errorString()), QString(),
                                {where, 0, 0});
    return alerting::readQueryRangeResponse(body, where, store);
}

struct Inputs {
    alerting::SeriesStore store;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 15'000;
};

std::optional<int> simulateSeries(CommandLine &cl, const model::Scenario &scenario, const alerting::SeriesNameMap &names,
                                  Inputs *in)
{
    const auto traffic = autoscale::resolveTraffic(scenario, cl.value(u"traffic"_s));
    if (!traffic)
        return usageError(command, u"--traffic: "_s + traffic.errorString());
    const auto duration = model::parseDuration(cl.isSet(u"duration"_s) ? cl.value(u"duration"_s) : u"6h"_s);
    if (!duration || duration->count() <= 0)
        return usageError(command, u"--duration: expected a duration such as 6h, got '%1'"_s.arg(cl.value(u"duration"_s)));
    autoscale::SimulationOptions options;
    options.step = std::chrono::milliseconds(in->stepMs);
    const autoscale::SimulationResult result = autoscale::simulate(scenario, traffic.value(), *duration, options);
    alerting::SimulationSeriesOptions seriesOptions;
    seriesOptions.names = names;
    seriesOptions.utilizationScale = 1; // the simulator reports percent already
    seriesOptions.dbConnectionUtilization = analysis::proxyUtilization(scenario, result);
    seriesOptions.costThresholdUsd = scenario.spec.costOptimization.costThresholds.warning.amount;
    in->store = alerting::seriesFromSimulation(result, seriesOptions);
    in->startMs = result.startMs;
    in->endMs = result.startMs + qint64(std::max(result.ticks - 1, 0)) * result.stepMs;
    return std::nullopt;
}

std::optional<int> loadSeries(CommandLine &cl, const std::vector<alerting::CompiledGroup> &groups,
                              const alerting::SeriesNameMap &names, Inputs *in)
{
    if (cl.isSet(u"step"_s)) {
        const auto step = alerting::parsePromDuration(cl.value(u"step"_s));
        if (!step || *step <= 0)
            return usageError(command, u"--step: expected a duration such as 15s, got '%1'"_s.arg(cl.value(u"step"_s)));
        in->stepMs = *step;
    }
    std::optional<qint64> start;
    std::optional<qint64> end;
    for (const auto &[name, target] : {std::pair{u"start"_s, &start}, std::pair{u"end"_s, &end}}) {
        if (!cl.isSet(name))
            continue;
        *target = parseTime(cl.value(name));
        if (!*target)
            return usageError(command, u"--%1: expected RFC 3339 or Unix seconds, got '%2'"_s.arg(name, cl.value(name)));
    }
    if (cl.isSet(u"series"_s)) {
        QFile file(cl.value(u"series"_s));
        if (!file.open(QIODevice::ReadOnly))
            return reportErrors({model::makeError(u"cannot read series file: %1"_s.arg(file.errorString()), QString(), {file.fileName(), 0, 0})});
        auto parsed = alerting::parseOpenMetrics(file.readAll(), file.fileName());
        if (!parsed)
            return reportErrors(parsed.errors());
        in->store = std::move(parsed).value();
        const auto [lo, hi] = in->store.timeRange();
        in->startMs = start.value_or(lo);
        in->endMs = end.value_or(hi);
        return std::nullopt;
    }
    if (!start || !end)
        return usageError(command, u"--prometheus needs --start and --end"_s);
    if (*end < *start)
        return usageError(command, u"--end is before --start"_s);
    if ((*end - *start) / in->stepMs > 11'000)
        return usageError(command, u"--step too small: Prometheus returns at most 11,000 points per series"_s);
    in->startMs = *start;
    in->endMs = *end;
    QUrl base(cl.value(u"prometheus"_s));
    if (!base.path().endsWith(u'/'))
        base.setPath(base.path() + u'/');
    QStringList queries = alerting::referencedSelectors(groups);
    for (const QString &canonical : {u"response_time_p95_ms"_s, u"error_rate"_s, u"requests_per_second"_s, u"cpu_utilization"_s,
                                     u"memory_utilization"_s, u"replicas"_s, u"desired_replicas"_s}) {
        if (!queries.contains(alerting::mappedName(names, canonical)))
            queries.append(alerting::mappedName(names, canonical)); // for the SLO report; may be absent
    }
    QNetworkAccessManager nam;
    for (const QString &query : std::as_const(queries)) {
        const auto fetched = fetchRange(nam, base, query, in->startMs, in->endMs, in->stepMs, &in->store);
        if (!fetched)
            return reportErrors(fetched.errors());
    }
    return std::nullopt;
}

} // namespace

int runAlerts(const QStringList &args)
{
    CommandLine cl(command,
                   u"Evaluates Prometheus alerting rules (pending -> firing -> resolved, with for and keep_firing_for) "
                   "and the scenario's success metrics over series: an OpenMetrics file (--series) or history "
                   "fetched from Prometheus (--prometheus URL --start T --end T). Writes one CSV row per alert "
                   "instance and period (alert,labels,state,start,end; an empty end means still active) and "
                   "prints the SLO verdicts and the alert timeline on stdout."_s);
    cl.addPositional(u"FILE"_s, u"Scenario file (default: the embedded WebTools Pro)."_s, u"[FILE]"_s);
    cl.addOption({u"rules"_s, u"Prometheus rule file (default: the scenario's alertRules)."_s, u"RULES.yml"_s});
    cl.addOption({u"traffic"_s, u"Simulate this traffic scenario (a name from the scenario or a spec, see "
                                "'simulate --help') and evaluate the rules over the simulated series."_s, u"SPEC"_s});
    cl.addOption({u"duration"_s, u"Simulated time with --traffic (default 6h)."_s, u"D"_s});
    cl.addOption({u"series"_s, u"OpenMetrics text file with the series to evaluate."_s, u"FILE.om"_s});
    cl.addOption({u"prometheus"_s, u"Prometheus base URL to fetch history from."_s, u"URL"_s});
    cl.addOption({u"start"_s, u"First evaluation time (RFC 3339 or Unix seconds)."_s, u"T"_s});
    cl.addOption({u"end"_s, u"Last evaluation time (RFC 3339 or Unix seconds)."_s, u"T"_s});
    cl.addOption({u"step"_s, u"Resolution of fetched series (default 15s)."_s, u"DURATION"_s});
    cl.addOption({u"interval"_s, u"Evaluation interval of groups without one (default 1m)."_s, u"DURATION"_s});
    cl.addOption({u"map"_s, u"Metric names the rules use: canonical=name,... (e.g. cpu_utilization=node_cpu_pct)."_s, u"MAP"_s});
    cl.addOption({u"out"_s, u"Alert periods CSV ('-' for stdout)."_s, u"CSV"_s});
    cl.addOption({u"promtool-test"_s, u"Also write a promtool test asserting these results."_s, u"FILE"_s});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    const int sources = int(cl.isSet(u"traffic"_s)) + int(cl.isSet(u"series"_s)) + int(cl.isSet(u"prometheus"_s));
    if (sources != 1)
        return usageError(command, u"give exactly one of --traffic, --series or --prometheus"_s);
    const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;
    QString mapError;
    const auto names = alerting::parseNameMap(cl.value(u"map"_s), &mapError);
    if (!names)
        return usageError(command, u"--map: "_s + mapError);
    qint64 defaultInterval = 60'000;
    if (cl.isSet(u"interval"_s)) {
        const auto interval = alerting::parsePromDuration(cl.value(u"interval"_s));
        if (!interval || *interval <= 0)
            return usageError(command, u"--interval: expected a duration such as 30s"_s);
        defaultInterval = *interval;
    }
    std::optional<alerting::RuleFile> ruleFile;
    QList<model::AlertRuleGroup> groups = scenario->spec.alertRules;
    if (cl.isSet(u"rules"_s)) {
        auto loaded = alerting::loadRuleFile(cl.value(u"rules"_s));
        if (!loaded)
            return reportErrors(loaded.errors());
        ruleFile = std::move(loaded).value();
        groups = ruleFile->groups;
    }
    const auto compiled = alerting::compileRules(groups, ruleFile ? &*ruleFile : nullptr, defaultInterval);
    if (!compiled)
        return reportErrors(compiled.errors());
    Inputs in;
    if (cl.isSet(u"traffic"_s)) {
        if (cl.isSet(u"step"_s)) {
            const auto step = alerting::parsePromDuration(cl.value(u"step"_s));
            if (!step || *step <= 0)
                return usageError(command, u"--step: expected a duration such as 15s"_s);
            in.stepMs = *step;
        }
        if (auto exit = simulateSeries(cl, *scenario, *names, &in))
            return *exit;
    } else if (auto exit = loadSeries(cl, compiled.value(), *names, &in)) {
        return *exit;
    }
    const alerting::RuleEvaluation evaluation = alerting::evaluateRules(compiled.value(), in.store, in.startMs, in.endMs);
    reportErrors(evaluation.warnings);
    alerting::SloOptions sloOptions;
    sloOptions.stepMs = in.stepMs;
    sloOptions.names = *names;
    const auto slos = alerting::evaluateSlos(scenario->spec.successMetrics, in.store, in.startMs, in.endMs, sloOptions);
    if (cl.isSet(u"out"_s) && !writeOutput(cl.value(u"out"_s), alerting::periodsToCsv(evaluation.periods)))
        return BadInput;
    if (cl.isSet(u"promtool-test"_s)) {
        if (!ruleFile)
            return usageError(command, u"--promtool-test needs --rules (promtool reads the rule file)"_s);
        const auto test = alerting::promtoolTest(QFileInfo(cl.value(u"rules"_s)).absoluteFilePath(), compiled.value(),
                                                 in.store, in.startMs, in.endMs, in.stepMs);
        if (!test)
            return reportErrors(test.errors());
        if (!writeOutput(cl.value(u"promtool-test"_s), test.value()))
            return BadInput;
    }
    if (cl.value(u"out"_s) != u"-")
        out() << alerting::formatSloReport(slos, evaluation);
    out().flush();
    return Ok;
}

} // namespace headroom::cli
