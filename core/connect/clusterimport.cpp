#include "core/connect/clusterimport.h"

#include <QHash>
#include <QJsonArray>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

std::optional<PriceEntry> findPrice(const QList<PriceEntry> &prices, const QString &provider, const QString &region,
                                    const QString &instanceType)
{
    const QString p = provider == u"gce"_s ? u"gcp"_s : provider;
    for (const PriceEntry &e : prices) {
        if (e.instanceType == instanceType && e.region == region && (p.isEmpty() || e.provider == p))
            return e;
    }
    return std::nullopt;
}

namespace {

QString podKey(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

void joinMetrics(ClusterSnapshot &s, const ClusterLists &lists)
{
    QHash<QString, qsizetype> nodeIndex, podIndex;
    for (qsizetype i = 0; i < s.nodes.size(); ++i)
        nodeIndex.insert(s.nodes[i].name, i);
    for (qsizetype i = 0; i < s.pods.size(); ++i)
        podIndex.insert(podKey(s.pods[i].ns, s.pods[i].name), i);
    for (const QJsonObject &m : lists.nodeMetrics) {
        const auto it = nodeIndex.constFind(m.value(u"metadata"_s).toObject().value(u"name"_s).toString());
        if (it == nodeIndex.cend())
            continue;
        const QJsonObject usage = m.value(u"usage"_s).toObject();
        s.nodes[*it].cpuUsageMillicores = parseQuantityValue(usage.value(u"cpu"_s).toString()).value_or(0) * 1000;
        s.nodes[*it].memoryUsageBytes = parseQuantityValue(usage.value(u"memory"_s).toString()).value_or(0);
    }
    for (const QJsonObject &m : lists.podMetrics) {
        const QJsonObject meta = m.value(u"metadata"_s).toObject();
        const auto it = podIndex.constFind(podKey(meta.value(u"namespace"_s).toString(), meta.value(u"name"_s).toString()));
        if (it == podIndex.cend())
            continue;
        double cpu = 0, memory = 0;
        for (const QJsonValue &c : m.value(u"containers"_s).toArray()) {
            const QJsonObject usage = c.toObject().value(u"usage"_s).toObject();
            cpu += parseQuantityValue(usage.value(u"cpu"_s).toString()).value_or(0) * 1000;
            memory += parseQuantityValue(usage.value(u"memory"_s).toString()).value_or(0);
        }
        s.pods[*it].cpuUsageMillicores = cpu;
        s.pods[*it].memoryUsageBytes = memory;
    }
}

} // namespace

ClusterSnapshot parseClusterLists(const ClusterLists &lists)
{
    ClusterSnapshot s;
    s.version = lists.version.value(u"gitVersion"_s).toString();
    s.nodes.reserve(lists.nodes.size());
    for (const QJsonObject &n : lists.nodes)
        s.nodes.append(parseNode(n));
    for (const QJsonObject &d : lists.deployments)
        s.workloads.append(parseWorkload(d, u"Deployment"_s));
    for (const QJsonObject &d : lists.statefulSets)
        s.workloads.append(parseWorkload(d, u"StatefulSet"_s));
    for (const QJsonObject &h : lists.hpas) {
        auto hpa = parseHpa(h);
        if (hpa)
            s.hpas.append(std::move(hpa).value());
        else
            s.warnings.append(u"HPA skipped: "_s.append(hpa.errorString()));
    }
    s.pods.reserve(lists.pods.size());
    for (const QJsonObject &p : lists.pods)
        s.pods.append(parsePod(p));
    joinMetrics(s, lists);
    return s;
}

QFuture<model::Result<ClusterSnapshot>> fetchClusterSnapshot(KubeClient *client, int pageSize)
{
    struct Step {
        QString path;
        QList<QJsonObject> *into;
        bool optional;
    };
    struct State {
        QPromise<model::Result<ClusterSnapshot>> promise;
        ClusterLists lists;
        QList<Step> steps;
        qsizetype next = 0;
        QStringList warnings;
        std::function<void()> run;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    auto future = state->promise.future();
    ClusterLists &l = state->lists;
    state->steps = {{u"/api/v1/nodes"_s, &l.nodes, false},
                    {u"/apis/apps/v1/deployments"_s, &l.deployments, false},
                    {u"/apis/apps/v1/statefulsets"_s, &l.statefulSets, false},
                    {u"/apis/autoscaling/v2/horizontalpodautoscalers"_s, &l.hpas, false},
                    {u"/api/v1/pods"_s, &l.pods, false},
                    {u"/apis/metrics.k8s.io/v1beta1/nodes"_s, &l.nodeMetrics, true},
                    {u"/apis/metrics.k8s.io/v1beta1/pods"_s, &l.podMetrics, true}};
    auto finish = [state, client](model::Result<ClusterSnapshot> r) {
        if (r) {
            r->context = client->context().context.name;
            r->server = client->context().cluster.server;
            r->warnings = client->warnings() + state->warnings + r->warnings;
        }
        state->promise.addResult(std::move(r));
        state->promise.finish();
        state->run = nullptr;
    };
    state->run = [state, client, pageSize, finish] {
        if (state->next == state->steps.size())
            return finish(parseClusterLists(state->lists));
        const Step step = state->steps.at(state->next++);
        client->listAll(step.path, {}, pageSize).then(client, [state, step, finish](model::Result<QList<QJsonObject>> r) {
            if (!r) {
                if (!step.optional)
                    return finish(r.errors());
                state->warnings.append(u"usage metrics unavailable: "_s.append(r.error().toString()));
            } else {
                *step.into = std::move(r).value();
            }
            state->run();
        });
    };
    client->get(u"/version"_s).then(client, [state, finish](model::Result<KubeResponse> r) {
        if (!r)
            return finish(r.errors());
        state->lists.version = r->object;
        state->run();
    });
    return future;
}

namespace {

QString tierId(const KubeWorkload &w, const QSet<QString> &ambiguous)
{
    QString id = ambiguous.contains(w.name) ? w.ns + u'-' + w.name : w.name;
    id = id.toLower();
    static const QRegularExpression bad(u"[^a-z0-9-]+"_s);
    id.replace(bad, u"-"_s);
    return id;
}

model::TierKind guessKind(const QString &name)
{
    const QString n = name.toLower();
    auto any = [&](std::initializer_list<const char16_t *> words) {
        return std::any_of(words.begin(), words.end(), [&](const char16_t *w) { return n.contains(QStringView(w)); });
    };
    if (any({u"web", u"frontend", u"ui", u"nginx"}))
        return model::TierKind::Web;
    if (any({u"api", u"gateway", u"backend", u"service"}))
        return model::TierKind::Api;
    if (any({u"worker", u"queue", u"job", u"consumer", u"processor", u"batch"}))
        return model::TierKind::Processing;
    return model::TierKind::Other;
}

std::optional<int> utilizationTarget(const model::HpaSpec &spec, const QString &resource)
{
    for (const model::MetricSpec &m : spec.metrics) {
        if (m.type == model::MetricSourceType::Resource && m.resourceName == resource
            && m.target.type == model::MetricTargetType::Utilization)
            return m.target.averageUtilization;
    }
    return std::nullopt;
}

QString mostCommon(const QHash<QString, int> &counts)
{
    QString best;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount || (it.value() == bestCount && it.key() < best)) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

/// Percentages that add up to exactly 100 (one decimal).
QList<double> shares(const QList<double> &weights)
{
    double total = 0;
    for (double w : weights)
        total += w;
    QList<double> out;
    double sum = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const double v = i + 1 == weights.size() ? 100.0 - sum
                                                 : std::round((total > 0 ? weights[i] / total : 1.0 / weights.size()) * 1000) / 10;
        out.append(std::round(v * 10) / 10);
        sum += out.last();
    }
    return out;
}

void addResourceTiers(model::Scenario &s, const ClusterSnapshot &snap, const ImportOptions &options,
                      QStringList *warnings)
{
    QMap<QString, const KubeNode *> byType; // first node of each size
    for (const KubeNode &n : snap.nodes) {
        const QString type = n.instanceType.isEmpty() ? u"unlabelled"_s : n.instanceType;
        if (!byType.contains(type))
            byType.insert(type, &n);
    }
    QStringList unpriced;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const KubeNode &n = *it.value();
        model::ResourceTier r;
        r.name = it.key();
        r.cpu = n.cpuCapacityMillicores / 1000.0;
        r.memoryBytes = n.memoryCapacityBytes;
        r.costPerHour.currency = s.spec.currency;
        if (const auto price = findPrice(options.prices, n.provider, n.region, n.instanceType)) {
            r.costPerHour.amount = price->hourlyUsd;
            if (s.spec.currency != u"USD"_s)
                warnings->append(u"node size %1: the price list is in USD but the scenario uses %2; convert "
                                 "spec.resourceTiers[%1].costPerHour"_s.arg(r.name, s.spec.currency));
        } else {
            unpriced.append(r.name);
            warnings->append(u"node size %1 (provider \"%2\", region \"%3\") is not in the price list: imported "
                             "unpriced (cost 0); set its costPerHour or refresh the price list"_s.arg(
                                 r.name, n.provider, n.region));
        }
        s.spec.resourceTiers.append(r);
    }
    if (!unpriced.isEmpty())
        s.metadata.labels.insert(u"headroom.io/unpriced-node-sizes"_s, unpriced.join(u','));
}

void addRegions(model::Scenario &s, const ClusterSnapshot &snap)
{
    QMap<QString, QStringList> zones;
    QMap<QString, double> cpu;
    for (const KubeNode &n : snap.nodes) {
        const QString region = n.region.isEmpty() ? u"unknown"_s : n.region;
        if (!n.zone.isEmpty() && !zones[region].contains(n.zone))
            zones[region].append(n.zone);
        cpu[region] += n.cpuAllocatableMillicores;
    }
    model::RegionGroup group;
    group.id = u"cluster"_s;
    group.name = snap.context.isEmpty() ? u"Cluster"_s : u"Cluster %1"_s.arg(snap.context);
    group.balancer = u"Kubernetes Services"_s;
    group.trafficShare = 100;
    const QList<double> pct = shares(cpu.values());
    qsizetype i = 0;
    for (auto it = cpu.cbegin(); it != cpu.cend(); ++it, ++i) {
        model::Region r;
        r.id = it.key();
        QStringList z = zones.value(it.key());
        z.sort();
        r.name = z.isEmpty() ? it.key() : u"%1 (zones %2)"_s.arg(it.key(), z.join(u", "_s));
        r.trafficShare = pct.value(i);
        r.capacityWeight = it.value() / 1000.0;
        group.regions.append(r);
    }
    s.spec.regions.groups = {group};
}

} // namespace

model::Scenario buildScenario(const ClusterSnapshot &snap, const ImportOptions &options, const model::Scenario &base,
                              QStringList *warnings)
{
    QStringList local;
    if (!warnings)
        warnings = &local;
    warnings->append(snap.warnings);
    model::Scenario s = base;
    s.metadata.name = u"Imported from %1"_s.arg(snap.context.isEmpty() ? snap.server : snap.context);
    s.metadata.description = u"Live import of %1 (Kubernetes %2): %3 nodes, %4 workloads, %5 HPAs, %6 pods."_s
                                 .arg(snap.server, snap.version)
                                 .arg(snap.nodes.size())
                                 .arg(snap.workloads.size())
                                 .arg(snap.hpas.size())
                                 .arg(snap.pods.size());
    s.metadata.labels.insert(u"headroom.io/source"_s, u"kubernetes"_s);
    s.spec.tiers.clear();
    s.spec.resourceTiers.clear();
    addResourceTiers(s, snap, options, warnings);
    addRegions(s, snap);

    QHash<QString, const KubeNode *> nodeByName;
    for (const KubeNode &n : snap.nodes)
        nodeByName.insert(n.name, &n);
    QHash<QString, QHash<QString, int>> typesByWorkload; // ns/name -> instance type -> pods
    QHash<QString, int> allTypes;
    for (const KubeNode &n : snap.nodes)
        ++allTypes[n.instanceType.isEmpty() ? u"unlabelled"_s : n.instanceType];
    for (const KubePod &p : snap.pods) {
        if (p.unschedulable)
            warnings->append(u"pod %1/%2 is unschedulable (Pending): the cluster lacks capacity for its requests"_s.arg(p.ns, p.name));
        if (const KubeNode *n = nodeByName.value(p.nodeName))
            ++typesByWorkload[podKey(p.ns, ownerWorkloadName(p))][n->instanceType.isEmpty() ? u"unlabelled"_s : n->instanceType];
    }
    QHash<QString, const KubeHpa *> hpaByTarget;
    for (const KubeHpa &h : snap.hpas)
        hpaByTarget.insert(podKey(h.ns, h.spec.scaleTargetRef.kind + u'/' + h.spec.scaleTargetRef.name), &h);
    QSet<QString> names, ambiguous;
    for (const KubeWorkload &w : snap.workloads) {
        if (names.contains(w.name))
            ambiguous.insert(w.name);
        names.insert(w.name);
    }
    for (const KubeWorkload &w : snap.workloads) {
        model::Tier t;
        t.id = tierId(w, ambiguous);
        t.name = u"%1/%2 (%3)"_s.arg(w.ns, w.name, w.kind);
        t.kind = guessKind(w.name);
        if (w.cpuRequestMillicores > 0)
            t.requests.cpuMillicores = int(std::ceil(w.cpuRequestMillicores));
        else
            warnings->append(u"%1 %2/%3 has no CPU request; the scenario assumes %4m"_s.arg(w.kind, w.ns, w.name)
                                 .arg(t.requests.cpuMillicores));
        if (w.memoryRequestBytes > 0)
            t.requests.memoryBytes = w.memoryRequestBytes;
        t.workload.memoryBytesPerReplica = t.requests.memoryBytes;
        const QString key = podKey(w.ns, w.name);
        t.resourceTier = mostCommon(typesByWorkload.contains(key) ? typesByWorkload.value(key) : allTypes);
        const int replicas = std::max(1, w.replicas);
        t.autoscaling.minReplicas = replicas;
        t.autoscaling.maxReplicas = replicas;
        if (const KubeHpa *h = hpaByTarget.value(podKey(w.ns, w.kind + u'/' + w.name))) {
            t.hpa = h->spec; // verbatim
            t.autoscaling.minReplicas = h->spec.minReplicas.value_or(1);
            t.autoscaling.maxReplicas = h->spec.maxReplicas;
            t.autoscaling.targetCPUUtilization = utilizationTarget(h->spec, u"cpu"_s);
            t.autoscaling.targetMemoryUtilization = utilizationTarget(h->spec, u"memory"_s);
            for (const QString &problem : h->problems)
                warnings->append(u"HPA %1/%2: %3"_s.arg(h->ns, h->name, problem));
        }
        s.spec.tiers.append(t);
    }

    s.spec.dataSources.clear();
    model::DataSource k8s;
    k8s.name = u"kubernetes"_s;
    k8s.kind = model::DataSourceKind::Kubernetes;
    k8s.endpoint = options.kubeconfigContext.isEmpty() ? snap.context : options.kubeconfigContext;
    s.spec.dataSources.append(k8s);
    if (!options.prometheusUrl.isEmpty()) {
        model::DataSource prom;
        prom.name = u"prometheus"_s;
        prom.kind = model::DataSourceKind::Prometheus;
        prom.endpoint = options.prometheusUrl;
        prom.queries.insert(u"requests"_s, u"sum(rate(http_requests_total[5m]))"_s);
        for (const KubeWorkload &w : snap.workloads) {
            const QString selector = u"namespace=\"%1\",pod=~\"%2-.*\""_s.arg(w.ns, w.name);
            const QString id = tierId(w, ambiguous);
            prom.queries.insert(u"cpu.%1"_s.arg(id),
                                u"sum(rate(container_cpu_usage_seconds_total{%1}[5m]))"_s.arg(selector));
            prom.queries.insert(u"memory.%1"_s.arg(id), u"sum(container_memory_working_set_bytes{%1})"_s.arg(selector));
        }
        s.spec.dataSources.append(prom);
    }
    if (!snap.nodes.isEmpty()) {
        QHash<QString, int> providers;
        for (const KubeNode &n : snap.nodes)
            ++providers[n.provider == u"gce"_s ? u"gcp"_s : n.provider];
        const QString provider = mostCommon(providers);
        if (!provider.isEmpty())
            s.spec.costOptimization.provider = provider;
    }
    return s;
}

} // namespace headroom::connect
