// headroom-cli apply: the console's scaling controls from the command line. A change is planned
// first (SelfSubjectAccessReview, then the same request as a server-side dry run, shown as a diff)
// and sent for real only with --yes; every applied change is appended to the audit log.
#include "app/cli/cli.h"
#include "app/cli/commands.h"
#include "app/cli/kubecontext.h"

#include "core/autoscale/hpamanifest.h"
#include "core/connect/httpclient.h"
#include "core/connect/kubeactions.h"
#include "core/connect/kubeclient.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace headroom::cli {

namespace {

const QString command = u"apply"_s;

/// "deployment/web=5" or "statefulset/db=3" (kind optional: Deployment).
std::optional<connect::KubeAction> parseScale(const QString &text)
{
    static const QRegularExpression re(u"^(?:(deployment|statefulset)/)?([a-z0-9]([-a-z0-9.]*[a-z0-9])?)=([0-9]+)$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    connect::KubeAction a;
    a.kind = connect::KubeAction::Kind::Scale;
    a.workloadKind = m.captured(1).compare(u"statefulset"_s, Qt::CaseInsensitive) == 0 ? u"StatefulSet"_s : u"Deployment"_s;
    a.name = m.captured(2);
    bool ok = false;
    a.replicas = m.captured(4).toInt(&ok);
    if (!ok || a.replicas > 100'000)
        return std::nullopt;
    return a;
}

QString defaultAuditLog()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/audit.log"_s;
}

} // namespace

int runApply(const QStringList &args)
{
    CommandLine cl(command,
                   u"Scales a workload or creates/updates its autoscaling/v2 HPA from the scenario's plan, on a live "
                   "cluster. Nothing is sent unless --write turns writes on for this run; then the change is checked "
                   "with a SelfSubjectAccessReview and a server-side dry run (dryRun=All) and printed as a diff. Only "
                   "--yes sends the real request, which is recorded in the audit log (one JSON line per change; "
                   "never credentials)."_s);
    cl.addPositional(u"FILE"_s, u"Scenario whose tier's HPA --hpa applies (default: the embedded WebTools Pro)."_s,
                     u"[FILE]"_s);
    addKubeOptions(cl);
    cl.addOption({u"namespace"_s, u"Namespace of the workload (default: the context's, else 'default')."_s, u"NS"_s});
    cl.addOption({u"scale"_s, u"Scale a workload through its /scale subresource: [deployment|statefulset/]NAME=REPLICAS."_s,
                  u"WORKLOAD=N"_s});
    cl.addOption({u"hpa"_s, u"Create or update the HPA of this scenario tier (as 'hpa manifest' prints it)."_s, u"TIER"_s});
    cl.addOption({u"hpa-name"_s, u"Name of the HPA object (default: the scale target's name)."_s, u"NAME"_s});
    cl.addOption({u"write"_s, u"Turn writes on for this run: plan the change with a dry run and show the diff."_s});
    cl.addOption({u"yes"_s, u"Confirm: send the planned change for real (needs --write)."_s});
    cl.addOption({u"audit-log"_s, u"Audit log to append to (default: %1)."_s.arg(QDir::toNativeSeparators(defaultAuditLog())),
                  u"FILE"_s});
    cl.addOption({u"timeout"_s, u"Seconds to wait for each step."_s, u"S"_s, u"60"_s});
    if (auto exit = cl.parse(args, 0, 1))
        return *exit;
    if (cl.isSet(u"scale"_s) == cl.isSet(u"hpa"_s))
        return usageError(command, u"give exactly one of --scale or --hpa"_s);
    if (cl.isSet(u"yes"_s) && !cl.isSet(u"write"_s))
        return usageError(command, u"--yes needs --write (writes are off by default)"_s);
    const auto timeout = cl.integer(u"timeout"_s, 1, 3600);
    if (!timeout)
        return Usage;

    connect::KubeAction action;
    if (cl.isSet(u"scale"_s)) {
        const auto scale = parseScale(cl.value(u"scale"_s));
        if (!scale)
            return usageError(command, u"--scale expects [deployment|statefulset/]NAME=REPLICAS, got '%1'"_s
                                           .arg(cl.value(u"scale"_s)));
        action = *scale;
    } else {
        const auto scenario = loadScenarioOrDefault(cl.positional().value(0));
        if (!scenario)
            return BadInput;
        const model::Tier *tier = scenario->tier(cl.value(u"hpa"_s));
        if (!tier)
            return usageError(command, u"--hpa: no tier '%1' in %2"_s.arg(cl.value(u"hpa"_s), scenario->metadata.name));
        action.kind = connect::KubeAction::Kind::ApplyHpa;
        action.hpa = autoscale::hpaSpecForTier(*scenario, *tier);
        action.name = cl.isSet(u"hpa-name"_s) ? cl.value(u"hpa-name"_s) : action.hpa.scaleTargetRef.name;
    }

    int exit = Ok;
    auto context = kubeContext(cl, &exit);
    if (!context)
        return exit;
    action.ns = cl.isSet(u"namespace"_s) ? cl.value(u"namespace"_s)
                : context->context.ns.isEmpty() ? u"default"_s
                                                : context->context.ns;
    connect::KubeClient client(*context);
    if (auto prepared = client.prepare(); !prepared)
        return reportErrors(prepared.errors());
    connect::KubeActions actions(&client,
                                 connect::AuditLog(cl.isSet(u"audit-log"_s) ? cl.value(u"audit-log"_s) : defaultAuditLog()));
    actions.setWritesEnabled(cl.isSet(u"write"_s));
    const QString where = context->cluster.server;
    auto planned = actions.plan(action);
    if (!connect::waitFor(planned, std::chrono::seconds(*timeout)))
        return reportErrors({model::makeError(u"the dry run did not finish within %1 s"_s.arg(*timeout), {}, {where, 0, 0})});
    const auto plan = planned.result();
    if (!plan)
        return reportErrors(plan.errors());
    out() << action.describe() << " on " << context->context.name << " (" << where << ")\n"
          << (plan->creates ? u"creates the object\n"_s : QString())
          << (plan->diff.isEmpty() ? u"no change\n"_s : plan->diff);
    if (!cl.isSet(u"yes"_s)) {
        out() << "dry run only: nothing was changed; run again with --yes to apply\n";
        out().flush();
        return Ok;
    }
    auto applied = actions.apply(plan.value(), true);
    if (!connect::waitFor(applied, std::chrono::seconds(*timeout)))
        return reportErrors({model::makeError(u"the change did not finish within %1 s; check the cluster before "
                                              "retrying"_s.arg(*timeout), {}, {where, 0, 0})});
    const auto result = applied.result();
    if (!result)
        return reportErrors(result.errors());
    out() << "applied\n";
    out().flush();
    return Ok;
}

} // namespace headroom::cli
