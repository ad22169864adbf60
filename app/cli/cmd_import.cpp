#include "app/cli/cli.h"
#include "app/cli/commands.h"
#include "app/cli/kubecontext.h"

#include "core/connect/clusterimport.h"
#include "core/connect/kubeclient.h"
#include "core/connect/kubeconfig.h"
#include "core/connect/pricelist.h"
#include "core/connect/secretstore.h"
#include "core/model/scenarioio.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace headroom::cli {

int runImport(const QStringList &args)
{
    CommandLine cl(u"import"_s,
                   u"Builds a scenario from a live Kubernetes cluster: one tier per Deployment/StatefulSet with its "
                   "autoscaling/v2 HPA copied verbatim, node sizes as resource tiers (priced from --prices; unknown "
                   "sizes are imported unpriced with a warning), regions and zones from node labels.\n"
                   "The cluster is only read. Warnings go to stderr; the scenario is validated before it is written."_s);
    addKubeOptions(cl);
    cl.addOption({u"prometheus"_s, u"Add a Prometheus data source with per-tier history queries."_s, u"URL"_s});
    cl.addOption({u"prices"_s, u"A price list (HeadroomPriceList JSON) to price node sizes."_s, u"FILE"_s});
    cl.addOption({u"page-size"_s, u"Objects per list request (limit/continue)."_s, u"N"_s, u"500"_s});
    cl.addOption({u"timeout"_s, u"Seconds to wait for the whole import."_s, u"S"_s, u"300"_s});
    cl.addOption({u"out"_s, u"Where to write the scenario YAML ('-' = stdout)."_s, u"FILE"_s});
    if (auto exit = cl.parse(args, 0, 0))
        return *exit;
    if (!cl.isSet(u"out"_s))
        return usageError(u"import"_s, u"--out FILE is required"_s);
    const auto pageSize = cl.integer(u"page-size"_s, 1, 10000);
    const auto timeout = cl.integer(u"timeout"_s, 1, 86400);
    if (!pageSize || !timeout)
        return Usage;

    connect::ImportOptions options;
    options.prometheusUrl = cl.value(u"prometheus"_s);
    if (cl.isSet(u"prices"_s)) {
        QFile f(cl.value(u"prices"_s));
        if (!f.open(QIODevice::ReadOnly))
            return reportErrors({model::makeError(u"cannot read: %1"_s.arg(f.errorString()), u"--prices"_s, {f.fileName(), 0, 0})});
        auto prices = connect::priceListFromJson(f.readAll(), f.fileName());
        if (!prices)
            return reportErrors(prices.errors());
        options.prices = prices.value();
    }

    int exit = Ok;
    auto context = kubeContext(cl, &exit);
    if (!context)
        return exit;
    options.kubeconfigContext = context->context.name;

    connect::KubeClient client(context.value());
    if (auto prepared = client.prepare(); !prepared)
        return reportErrors(prepared.errors());
    auto future = connect::fetchClusterSnapshot(&client, *pageSize);
    if (!connect::waitFor(future, std::chrono::seconds(*timeout)))
        return reportErrors({model::makeError(u"the import did not finish within %1 s"_s.arg(*timeout), {},
                                              {context->cluster.server, 0, 0})});
    const auto snapshot = future.result();
    if (!snapshot)
        return reportErrors(snapshot.errors());

    QStringList warnings;
    model::Scenario scenario = connect::buildScenario(snapshot.value(), options, model::defaultScenario(), &warnings);
    // the token's keychain entry is recorded by name (credentialRef), as the GUI's Connections dialog does
    if (cl.isSet(u"token-secret"_s)) {
        for (model::DataSource &source : scenario.spec.dataSources) {
            if (source.kind == model::DataSourceKind::Kubernetes)
                source.credentialRef = cl.value(u"token-secret"_s);
        }
    }
    for (const QString &w : warnings)
        err() << "warning: " << w << '\n';
    const auto problems = model::validateScenario(scenario, {}, cl.value(u"out"_s));
    if (model::hasErrors(problems))
        return reportErrors(problems);
    if (!writeOutput(cl.value(u"out"_s), model::serializeScenario(scenario)))
        return BadInput;
    err() << "imported " << scenario.spec.tiers.size() << " tiers, " << scenario.spec.resourceTiers.size()
          << " node sizes and " << snapshot->nodes.size() << " nodes from " << context->context.name << '\n';
    err().flush();
    return Ok;
}

} // namespace headroom::cli
