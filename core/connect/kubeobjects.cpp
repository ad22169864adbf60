#include "core/connect/kubeobjects.h"

#include "core/model/scenarioschema.h"
#include "core/model/units.h"
#include "core/model/yamlio.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

QString label(const QJsonObject &labels, const QString &ga, const QString &beta)
{
    const QString v = labels.value(ga).toString();
    return v.isEmpty() ? labels.value(beta).toString() : v;
}

double quantity(const QJsonObject &map, const QString &key, double scale = 1)
{
    return parseQuantityValue(map.value(key).toString()).value_or(0) * scale;
}

struct ContainerSums {
    double cpuRequest = 0, memoryRequest = 0, cpuLimit = 0, memoryLimit = 0;
    bool cpuUnlimited = false, memoryUnlimited = false;
};

ContainerSums sumContainers(const QJsonArray &containers)
{
    ContainerSums s;
    for (const QJsonValue &c : containers) {
        const QJsonObject res = c.toObject().value(u"resources"_s).toObject();
        const QJsonObject req = res.value(u"requests"_s).toObject();
        const QJsonObject lim = res.value(u"limits"_s).toObject();
        s.cpuRequest += quantity(req, u"cpu"_s, 1000);
        s.memoryRequest += quantity(req, u"memory"_s);
        s.cpuUnlimited = s.cpuUnlimited || !lim.contains(u"cpu"_s);
        s.memoryUnlimited = s.memoryUnlimited || !lim.contains(u"memory"_s);
        s.cpuLimit += quantity(lim, u"cpu"_s, 1000);
        s.memoryLimit += quantity(lim, u"memory"_s);
    }
    return s;
}

} // namespace

std::optional<double> parseQuantityValue(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const auto q = model::Quantity::parse(text);
    if (!q)
        return std::nullopt;
    return q->value();
}

KubeNode parseNode(const QJsonObject &item)
{
    KubeNode n;
    const QJsonObject meta = item.value(u"metadata"_s).toObject();
    const QJsonObject labels = meta.value(u"labels"_s).toObject();
    n.name = meta.value(u"name"_s).toString();
    n.instanceType = label(labels, u"node.kubernetes.io/instance-type"_s, u"beta.kubernetes.io/instance-type"_s);
    n.region = label(labels, u"topology.kubernetes.io/region"_s, u"failure-domain.beta.kubernetes.io/region"_s);
    n.zone = label(labels, u"topology.kubernetes.io/zone"_s, u"failure-domain.beta.kubernetes.io/zone"_s);
    const QString providerId = item.value(u"spec"_s).toObject().value(u"providerID"_s).toString();
    n.provider = providerId.section(u"://"_s, 0, 0);
    const QJsonObject status = item.value(u"status"_s).toObject();
    const QJsonObject capacity = status.value(u"capacity"_s).toObject();
    const QJsonObject allocatable = status.value(u"allocatable"_s).toObject();
    n.cpuCapacityMillicores = quantity(capacity, u"cpu"_s, 1000);
    n.memoryCapacityBytes = quantity(capacity, u"memory"_s);
    n.cpuAllocatableMillicores = quantity(allocatable, u"cpu"_s, 1000);
    n.memoryAllocatableBytes = quantity(allocatable, u"memory"_s);
    n.podsAllocatable = int(quantity(allocatable, u"pods"_s));
    for (const QJsonValue &c : status.value(u"conditions"_s).toArray()) {
        const QJsonObject cond = c.toObject();
        if (cond.value(u"type"_s).toString() == u"Ready")
            n.ready = cond.value(u"status"_s).toString() == u"True";
    }
    return n;
}

KubeWorkload parseWorkload(const QJsonObject &item, const QString &kind)
{
    KubeWorkload w;
    w.kind = kind;
    const QJsonObject meta = item.value(u"metadata"_s).toObject();
    w.ns = meta.value(u"namespace"_s).toString();
    w.name = meta.value(u"name"_s).toString();
    const QJsonObject spec = item.value(u"spec"_s).toObject();
    w.replicas = spec.contains(u"replicas"_s) ? spec.value(u"replicas"_s).toInt() : 1;
    w.readyReplicas = item.value(u"status"_s).toObject().value(u"readyReplicas"_s).toInt();
    const QJsonObject match = spec.value(u"selector"_s).toObject().value(u"matchLabels"_s).toObject();
    for (auto it = match.begin(); it != match.end(); ++it)
        w.selector.insert(it.key(), it.value().toString());
    const auto sums = sumContainers(
        spec.value(u"template"_s).toObject().value(u"spec"_s).toObject().value(u"containers"_s).toArray());
    w.cpuRequestMillicores = sums.cpuRequest;
    w.memoryRequestBytes = sums.memoryRequest;
    w.cpuLimitMillicores = sums.cpuUnlimited ? 0 : sums.cpuLimit;
    w.memoryLimitBytes = sums.memoryUnlimited ? 0 : sums.memoryLimit;
    return w;
}

model::Result<KubeHpa> parseHpa(const QJsonObject &item)
{
    KubeHpa h;
    const QJsonObject meta = item.value(u"metadata"_s).toObject();
    h.ns = meta.value(u"namespace"_s).toString();
    h.name = meta.value(u"name"_s).toString();
    const QString source = u"HorizontalPodAutoscaler %1/%2"_s.arg(h.ns, h.name);
    // JSON is YAML: the spec goes through the scenario's own HPA schema, so it is copied verbatim
    // and checked by the same rules as a hand-written one.
    const QByteArray specJson = QJsonDocument(item.value(u"spec"_s).toObject()).toJson(QJsonDocument::Compact);
    model::Diagnostics diagnostics;
    auto node = model::parseYamlText(specJson, source, &diagnostics);
    if (!node)
        return diagnostics;
    model::YamlReader reader(source, &diagnostics);
    if (!reader.read(*node, h.spec, u"spec"_s))
        return diagnostics;
    const QJsonObject status = item.value(u"status"_s).toObject();
    h.currentReplicas = status.value(u"currentReplicas"_s).toInt();
    h.desiredReplicas = status.value(u"desiredReplicas"_s).toInt();
    for (const QJsonValue &c : status.value(u"conditions"_s).toArray()) {
        const QJsonObject cond = c.toObject();
        const QString type = cond.value(u"type"_s).toString();
        const bool healthyTrue = type == u"AbleToScale" || type == u"ScalingActive";
        if (healthyTrue && cond.value(u"status"_s).toString() == u"False")
            h.problems.append(u"%1: %2"_s.arg(cond.value(u"reason"_s).toString(), cond.value(u"message"_s).toString()));
    }
    return h;
}

KubePod parsePod(const QJsonObject &item)
{
    KubePod p;
    const QJsonObject meta = item.value(u"metadata"_s).toObject();
    p.ns = meta.value(u"namespace"_s).toString();
    p.name = meta.value(u"name"_s).toString();
    for (const QJsonValue &o : meta.value(u"ownerReferences"_s).toArray()) {
        const QJsonObject owner = o.toObject();
        if (owner.value(u"controller"_s).toBool() || p.ownerKind.isEmpty()) {
            p.ownerKind = owner.value(u"kind"_s).toString();
            p.ownerName = owner.value(u"name"_s).toString();
        }
    }
    const QJsonObject spec = item.value(u"spec"_s).toObject();
    p.nodeName = spec.value(u"nodeName"_s).toString();
    const auto sums = sumContainers(spec.value(u"containers"_s).toArray());
    p.cpuRequestMillicores = sums.cpuRequest;
    p.memoryRequestBytes = sums.memoryRequest;
    const QJsonObject status = item.value(u"status"_s).toObject();
    p.phase = status.value(u"phase"_s).toString();
    for (const QJsonValue &c : status.value(u"conditions"_s).toArray()) {
        const QJsonObject cond = c.toObject();
        if (cond.value(u"type"_s).toString() == u"PodScheduled" && cond.value(u"reason"_s).toString() == u"Unschedulable")
            p.unschedulable = true;
    }
    return p;
}

QString ownerWorkloadName(const KubePod &pod)
{
    if (pod.ownerKind == u"ReplicaSet") {
        const qsizetype dash = pod.ownerName.lastIndexOf(u'-'); // "<deployment>-<pod-template-hash>"
        return dash > 0 ? pod.ownerName.left(dash) : pod.ownerName;
    }
    return pod.ownerName;
}

} // namespace headroom::connect
