#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/capacity/erlangc.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace headroom::cli {

namespace {

const QString command = QStringLiteral("queue");

/// The metrics of a queue as JSON, or the errors on stderr.
std::optional<QJsonObject> metricsJson(const capacity::MmcQueue &q)
{
    const auto metrics = capacity::analyze(q);
    if (!metrics) {
        reportErrors(metrics.errors());
        return std::nullopt;
    }
    QJsonObject o;
    o.insert(QStringLiteral("servers"), q.servers);
    o.insert(QStringLiteral("utilization"), metrics->utilization);
    o.insert(QStringLiteral("probabilityOfWaiting"), metrics->probabilityOfWaiting);
    o.insert(QStringLiteral("meanWaitSeconds"), metrics->meanWait);
    o.insert(QStringLiteral("meanResponseSeconds"), metrics->meanResponse);
    for (const int p : {50, 90, 95, 99}) {
        const auto t = capacity::responseTimePercentile(q, p / 100.0);
        o.insert(QStringLiteral("p%1ResponseSeconds").arg(p), t ? QJsonValue(t.value()) : QJsonValue());
    }
    return o;
}

} // namespace

int runQueue(const QStringList &args)
{
    CommandLine cl(command,
                   QStringLiteral(
                       "M/M/c queue (Poisson arrivals, exponential service, c servers, FCFS) by Erlang C.\n"
                       "With --servers: prints JSON with servers, utilization, probabilityOfWaiting, meanWaitSeconds,\n"
                       "meanResponseSeconds and the exact p50/p90/p95/p99ResponseSeconds of the response time.\n"
                       "With --target-p95: the smallest number of servers whose P95 response time is <= the target,\n"
                       "as {\"servers\": n, ...the same metrics for n}. Rates are per second.\n"
                       "Exit 1 with the reason for an unstable queue (arrival rate >= servers x service rate) or an\n"
                       "impossible target (the service time alone exceeds it)."));
    cl.addOption({QStringLiteral("arrival-rate"), QStringLiteral("Arrivals per second (lambda, >= 0)."),
                  QStringLiteral("L")});
    cl.addOption({QStringLiteral("service-rate"), QStringLiteral("Completions per second of one server (mu, > 0)."),
                  QStringLiteral("MU")});
    cl.addOption({QStringLiteral("servers"), QStringLiteral("Number of servers c (>= 1)."), QStringLiteral("C")});
    cl.addOption({QStringLiteral("target-p95"), QStringLiteral("P95 response-time target in seconds."),
                  QStringLiteral("SECONDS")});
    if (auto exit = cl.parse(args, 0, 0))
        return *exit;
    if (!cl.isSet(QStringLiteral("arrival-rate")) || !cl.isSet(QStringLiteral("service-rate")))
        return usageError(command, QStringLiteral("--arrival-rate and --service-rate are required; see --help"));
    if (cl.isSet(QStringLiteral("servers")) == cl.isSet(QStringLiteral("target-p95")))
        return usageError(command, QStringLiteral("give exactly one of --servers and --target-p95"));
    const auto lambda = cl.number(QStringLiteral("arrival-rate"));
    const auto mu = cl.number(QStringLiteral("service-rate"));
    if (!lambda || !mu)
        return Usage;

    capacity::MmcQueue q{*lambda, *mu, 1};
    if (cl.isSet(QStringLiteral("servers"))) {
        const auto servers = cl.integer(QStringLiteral("servers"));
        if (!servers)
            return Usage;
        q.servers = *servers;
    } else {
        const auto target = cl.number(QStringLiteral("target-p95"));
        if (!target)
            return Usage;
        const auto servers = capacity::minimumServers(*lambda, *mu, 0.95, *target);
        if (!servers)
            return reportErrors(servers.errors());
        q.servers = servers.value();
    }
    const auto json = metricsJson(q);
    if (!json)
        return BadInput;
    return writeOutput(QStringLiteral("-"), QJsonDocument(*json).toJson(QJsonDocument::Indented)) ? Ok : BadInput;
}

} // namespace headroom::cli
