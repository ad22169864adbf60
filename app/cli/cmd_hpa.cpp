#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/autoscale/hpadocument.h"
#include "core/autoscale/hpamanifest.h"

#include <QFile>

namespace headroom::cli {

namespace {

int runExplain(const QStringList &args)
{
    CommandLine cl(QStringLiteral("hpa explain"),
                   QStringLiteral(
                       "Runs one Kubernetes HPA controller sync (autoscaling/v2, as kube-controller-manager computes "
                       "it) on a situation described with kubectl output, and explains the decision.\n\n"
                       "The input (YAML or JSON) has the keys: now (RFC 3339), hpa (a HorizontalPodAutoscaler), "
                       "scale {specReplicas, statusReplicas}, pods (a PodList), podMetrics (a PodMetricsList), "
                       "customMetrics (a MetricValueList), externalMetrics {name: ExternalMetricValueList}, and "
                       "controller {recommendations, scaleUpEvents, scaleDownEvents, settings}: the controller's "
                       "memory (absent recommendations = first sync).\n\n"
                       "Prints JSON: desiredReplicas, metrics[] (type, name, replicas, utilization or value, "
                       "readyPods, unreadyPods, missingPods, ignoredPods, error), decidedBy, explanation, and "
                       "controller (the memory after this sync, to feed the next one)."));
    cl.addOption(QCommandLineOption(QStringLiteral("input"), QStringLiteral("The situation file (- for stdin)."),
                                    QStringLiteral("FILE")));
    cl.addOption(QCommandLineOption(QStringLiteral("now"), QStringLiteral("The sync time (RFC 3339); overrides `now`."),
                                    QStringLiteral("TIME")));
    if (auto exit = cl.parse(args, 0, 0))
        return *exit;
    if (!cl.isSet(QStringLiteral("input")))
        return usageError(QStringLiteral("hpa explain"), QStringLiteral("--input FILE is required"));
    const QString path = cl.value(QStringLiteral("input"));
    QFile file;
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err() << path << ": cannot read: " << file.errorString() << '\n';
        return BadInput;
    }
    const auto input = autoscale::parseExplainInput(file.readAll(), path);
    if (!input)
        return reportErrors(input.errors());
    std::optional<std::int64_t> now = input->nowMs;
    if (cl.isSet(QStringLiteral("now"))) {
        now = autoscale::parseRfc3339(cl.value(QStringLiteral("now")));
        if (!now)
            return usageError(QStringLiteral("hpa explain"), QStringLiteral("--now: expected an RFC 3339 time"));
    }
    if (!now) {
        err() << path << ": now: is required (or pass --now TIME)\n";
        return BadInput;
    }
    const auto result = autoscale::syncHpa(input->hpa, input->cluster, input->settings, input->memory, *now);
    return writeOutput(QStringLiteral("-"), autoscale::explainJson(result, *now)) ? Ok : BadInput;
}

int runManifest(const QStringList &args)
{
    CommandLine cl(QStringLiteral("hpa manifest"),
                   QStringLiteral("Prints the autoscaling/v2 HorizontalPodAutoscaler of a tier, ready for kubectl "
                                  "apply: the tier's hpa verbatim, or derived from its autoscaling settings."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario (default: the built-in WebTools Pro)."),
                     QStringLiteral("[FILE]"));
    cl.addOption(QCommandLineOption(QStringLiteral("tier"), QStringLiteral("The tier id."), QStringLiteral("NAME")));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), QStringLiteral("Output file (default: stdout)."),
                                    QStringLiteral("FILE"), QStringLiteral("-")));
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    if (!cl.isSet(QStringLiteral("tier")))
        return usageError(QStringLiteral("hpa manifest"), QStringLiteral("--tier NAME is required"));
    const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
    if (!scenario)
        return BadInput;
    const QString id = cl.value(QStringLiteral("tier"));
    const model::Tier *tier = scenario->tier(id);
    if (!tier) {
        QStringList ids;
        for (const model::Tier &t : scenario->spec.tiers)
            ids.append(t.id);
        err() << "--tier: no tier '" << id << "'; the scenario has: " << ids.join(QStringLiteral(", ")) << '\n';
        return BadInput;
    }
    return writeOutput(cl.value(QStringLiteral("out")), autoscale::hpaManifestYaml(*scenario, *tier)) ? Ok : BadInput;
}

} // namespace

int runHpa(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == u"explain")
        return runExplain(args.mid(1));
    if (sub == u"manifest")
        return runManifest(args.mid(1));
    if (sub == u"--help" || sub == u"-h") {
        out() << "Usage: headroom-cli hpa explain --input FILE [--now TIME]\n"
                 "       headroom-cli hpa manifest [FILE] --tier NAME\n";
        return Ok;
    }
    return usageError(QStringLiteral("hpa"), QStringLiteral("expected a subcommand: explain or manifest"));
}

} // namespace headroom::cli
