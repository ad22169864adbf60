#include "core/autoscale/hpadocument.h"

#include "core/model/scenarioschema.h"
#include "core/model/yamlio.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace headroom::autoscale {

using model::Diagnostics;
using model::makeError;

std::optional<std::int64_t> parseRfc3339(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid() || !text.contains(u'T'))
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

QString formatRfc3339(std::int64_t ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

namespace {

/// Typed access to a Kubernetes document with located errors; null and absent are the same.
class DocReader {
public:
    DocReader(QString file, Diagnostics *errors) : m_file(std::move(file)), m_errors(errors) {}

    static bool present(const YAML::Node &n) { return n && n.IsDefined() && !n.IsNull(); }

    void fail(const YAML::Node &at, const QString &path, const QString &message)
    {
        m_errors->append(makeError(message, path, model::locationOf(at, m_file)));
    }
    bool isMap(const YAML::Node &n, const QString &path)
    {
        if (n.IsMap())
            return true;
        fail(n, path, QStringLiteral("expected a mapping"));
        return false;
    }
    bool isList(const YAML::Node &n, const QString &path)
    {
        if (n.IsSequence())
            return true;
        fail(n, path, QStringLiteral("expected a list"));
        return false;
    }
    std::optional<QString> string(const YAML::Node &n, const QString &path, bool required = false)
    {
        if (!present(n)) {
            if (required)
                fail(n, path, QStringLiteral("is required"));
            return std::nullopt;
        }
        if (!n.IsScalar()) {
            fail(n, path, QStringLiteral("expected a string"));
            return std::nullopt;
        }
        return model::scalarText(n);
    }
    std::optional<int> integer(const YAML::Node &n, const QString &path, bool required = false)
    {
        const auto s = string(n, path, required);
        if (!s)
            return std::nullopt;
        bool ok = false;
        const int v = s->toInt(&ok);
        if (!ok) {
            fail(n, path, QStringLiteral("expected an integer, got '%1'").arg(*s));
            return std::nullopt;
        }
        return v;
    }
    std::optional<double> number(const YAML::Node &n, const QString &path)
    {
        const auto s = string(n, path);
        if (!s)
            return std::nullopt;
        bool ok = false;
        const double v = s->toDouble(&ok);
        if (!ok) {
            fail(n, path, QStringLiteral("expected a number, got '%1'").arg(*s));
            return std::nullopt;
        }
        return v;
    }
    std::optional<bool> boolean(const YAML::Node &n, const QString &path)
    {
        const auto s = string(n, path);
        if (!s)
            return std::nullopt;
        if (*s == u"true")
            return true;
        if (*s == u"false")
            return false;
        fail(n, path, QStringLiteral("expected true or false, got '%1'").arg(*s));
        return std::nullopt;
    }
    std::optional<std::int64_t> quantityMilli(const YAML::Node &n, const QString &path, bool required = false)
    {
        const auto s = string(n, path, required);
        if (!s)
            return std::nullopt;
        const auto q = model::Quantity::parse(*s);
        if (!q) {
            fail(n, path, QStringLiteral("expected a Kubernetes quantity such as 500m, 2 or 1Ki, got '%1'").arg(*s));
            return std::nullopt;
        }
        return q->milliValue();
    }
    std::optional<std::int64_t> time(const YAML::Node &n, const QString &path, bool required = false)
    {
        const auto s = string(n, path, required);
        if (!s)
            return std::nullopt;
        const auto t = parseRfc3339(*s);
        if (!t)
            fail(n, path, QStringLiteral("expected an RFC 3339 time such as 2026-01-01T00:00:00Z, got '%1'").arg(*s));
        return t;
    }
    std::optional<model::Milliseconds> duration(const YAML::Node &n, const QString &path)
    {
        const auto s = string(n, path);
        if (!s)
            return std::nullopt;
        const auto d = model::parseDuration(*s);
        if (!d)
            fail(n, path, QStringLiteral("expected a duration such as 30s or 1m0s, got '%1'").arg(*s));
        return d;
    }
    /// kind must be one of `kinds` when present.
    void expectKind(const YAML::Node &doc, const QString &path, const QStringList &kinds)
    {
        const auto kind = string(doc["kind"], path + QStringLiteral(".kind"));
        if (kind && !kinds.contains(*kind))
            fail(doc["kind"], path + QStringLiteral(".kind"),
                 QStringLiteral("expected %1, got '%2'").arg(kinds.join(QStringLiteral(" or ")), *kind));
    }
    std::optional<QHash<QString, std::int64_t>> quantities(const YAML::Node &n, const QString &path)
    {
        QHash<QString, std::int64_t> out;
        if (!present(n))
            return out;
        if (!isMap(n, path))
            return std::nullopt;
        for (auto it = n.begin(); it != n.end(); ++it) {
            const QString key = QString::fromStdString(it->first.as<std::string>());
            if (const auto v = quantityMilli(it->second, path + u'.' + key))
                out.insert(key, *v);
        }
        return out;
    }
    QString file() const { return m_file; }
    Diagnostics *errors() { return m_errors; }

private:
    QString m_file;
    Diagnostics *m_errors;
};

QString idx(const QString &path, std::size_t i)
{
    return path + u'[' + QString::number(i) + u']';
}

void readHpa(DocReader &r, const YAML::Node &hpa, HpaUnderTest &out)
{
    if (!r.isMap(hpa, QStringLiteral("hpa")))
        return;
    r.expectKind(hpa, QStringLiteral("hpa"), {QStringLiteral("HorizontalPodAutoscaler")});
    const auto api = r.string(hpa["apiVersion"], QStringLiteral("hpa.apiVersion"));
    if (api && *api != u"autoscaling/v2" && *api != u"autoscaling/v2beta2")
        r.fail(hpa["apiVersion"], QStringLiteral("hpa.apiVersion"),
               QStringLiteral("expected autoscaling/v2, got '%1'").arg(*api));
    const YAML::Node spec = hpa["spec"];
    if (!DocReader::present(spec)) {
        r.fail(hpa, QStringLiteral("hpa.spec"), QStringLiteral("is required"));
        return;
    }
    if (!r.isMap(spec, QStringLiteral("hpa.spec")))
        return;
    YAML::Node rest = YAML::Clone(spec);
    rest.remove("metrics");
    model::YamlReader reader(r.file(), r.errors());
    reader.read(rest, out.spec, QStringLiteral("hpa.spec"));
    const YAML::Node metrics = spec["metrics"];
    if (!DocReader::present(metrics) || !r.isList(metrics, QStringLiteral("hpa.spec.metrics")))
        return;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        const QString path = idx(QStringLiteral("hpa.spec.metrics"), i);
        const YAML::Node m = metrics[i];
        if (!r.isMap(m, path))
            continue;
        const auto type = r.string(m["type"], path + QStringLiteral(".type"), true);
        model::MetricSpec spec;
        QString unknown;
        if (type && model::enumFromString<model::MetricSourceType>(*type))
            reader.read(m, spec, path);
        else
            unknown = type.value_or(QStringLiteral("?"));
        out.spec.metrics.append(spec);
        out.unknownMetricTypes.push_back(unknown);
    }
}

std::optional<PodPhase> phaseOf(const QString &s)
{
    static const QHash<QString, PodPhase> phases{{QStringLiteral("Pending"), PodPhase::Pending},
        {QStringLiteral("Running"), PodPhase::Running}, {QStringLiteral("Succeeded"), PodPhase::Succeeded},
        {QStringLiteral("Failed"), PodPhase::Failed}, {QStringLiteral("Unknown"), PodPhase::Unknown}};
    const auto it = phases.constFind(s);
    return it == phases.cend() ? std::nullopt : std::optional<PodPhase>(*it);
}

void readContainers(DocReader &r, const YAML::Node &list, const QString &path, const char *valuesKey,
                    bool sidecarsOnly, std::vector<ContainerRequests> &out)
{
    if (!DocReader::present(list) || !r.isList(list, path))
        return;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QString p = idx(path, i);
        const YAML::Node c = list[i];
        if (!r.isMap(c, p))
            continue;
        if (sidecarsOnly && r.string(c["restartPolicy"], p + QStringLiteral(".restartPolicy")) != u"Always")
            continue;
        ContainerRequests cr;
        cr.name = r.string(c["name"], p + QStringLiteral(".name")).value_or(QString());
        const bool isUsage = std::string_view(valuesKey) == "usage";
        const YAML::Node values = isUsage ? c["usage"] : c["resources"]["requests"];
        if (DocReader::present(c["resources"]) && !isUsage)
            r.isMap(c["resources"], p + QStringLiteral(".resources"));
        const QString vpath = p + (isUsage ? QStringLiteral(".usage") : QStringLiteral(".resources.requests"));
        if (const auto q = r.quantities(values, vpath))
            cr.requestsMilli = *q;
        out.push_back(std::move(cr));
    }
}

void readPod(DocReader &r, const YAML::Node &pod, const QString &path, PodState &out)
{
    const YAML::Node meta = pod["metadata"];
    if (!r.isMap(meta, path + QStringLiteral(".metadata")))
        return;
    out.name = r.string(meta["name"], path + QStringLiteral(".metadata.name"), true).value_or(QString());
    out.deleting = r.time(meta["deletionTimestamp"], path + QStringLiteral(".metadata.deletionTimestamp")).has_value();
    const YAML::Node spec = pod["spec"];
    if (DocReader::present(spec) && r.isMap(spec, path + QStringLiteral(".spec"))) {
        readContainers(r, spec["containers"], path + QStringLiteral(".spec.containers"), "requests", false, out.containers);
        readContainers(r, spec["initContainers"], path + QStringLiteral(".spec.initContainers"), "requests", true,
                       out.containers);
    }
    const YAML::Node status = pod["status"];
    if (!DocReader::present(status) || !r.isMap(status, path + QStringLiteral(".status")))
        return;
    const QString phasePath = path + QStringLiteral(".status.phase");
    if (const auto phase = r.string(status["phase"], phasePath, true)) {
        if (const auto p = phaseOf(*phase))
            out.phase = *p;
        else
            r.fail(status["phase"], phasePath, QStringLiteral("unknown pod phase '%1'").arg(*phase));
    }
    out.startTimeMs = r.time(status["startTime"], path + QStringLiteral(".status.startTime"));
    const YAML::Node conditions = status["conditions"];
    if (!DocReader::present(conditions) || !r.isList(conditions, path + QStringLiteral(".status.conditions")))
        return;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const QString p = idx(path + QStringLiteral(".status.conditions"), i);
        const YAML::Node c = conditions[i];
        if (!r.isMap(c, p) || r.string(c["type"], p + QStringLiteral(".type")) != u"Ready")
            continue;
        out.ready = r.string(c["status"], p + QStringLiteral(".status")) == u"True";
        out.readyTransitionMs = r.time(c["lastTransitionTime"], p + QStringLiteral(".lastTransitionTime")).value_or(0);
    }
}

template <typename Fn>
void forItems(DocReader &r, const YAML::Node &list, const QString &path, const QStringList &kinds, Fn &&fn)
{
    if (!r.isMap(list, path))
        return;
    r.expectKind(list, path, kinds);
    const YAML::Node items = list["items"];
    if (!DocReader::present(items))
        return;
    if (!r.isList(items, path + QStringLiteral(".items")))
        return;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const QString p = idx(path + QStringLiteral(".items"), i);
        if (r.isMap(items[i], p))
            fn(items[i], p);
    }
}

void readMetrics(DocReader &r, const YAML::Node &doc, ClusterState &c)
{
    if (DocReader::present(doc["podMetrics"])) {
        c.podMetrics.emplace();
        forItems(r, doc["podMetrics"], QStringLiteral("podMetrics"),
                 {QStringLiteral("PodMetricsList"), QStringLiteral("List")}, [&](const YAML::Node &item, const QString &p) {
            PodUsage u;
            const QString name = r.string(item["metadata"]["name"], p + QStringLiteral(".metadata.name"), true).value_or(QString());
            u.timestampMs = r.time(item["timestamp"], p + QStringLiteral(".timestamp")).value_or(0);
            if (const auto w = r.duration(item["window"], p + QStringLiteral(".window")))
                u.windowMs = w->count();
            readContainers(r, item["containers"], p + QStringLiteral(".containers"), "usage", false, u.containers);
            c.podMetrics->insert(name, std::move(u));
        });
    }
    if (DocReader::present(doc["customMetrics"])) {
        c.customMetrics.emplace();
        forItems(r, doc["customMetrics"], QStringLiteral("customMetrics"),
                 {QStringLiteral("MetricValueList"), QStringLiteral("List")}, [&](const YAML::Node &item, const QString &p) {
            CustomMetricSample s;
            s.objectKind = r.string(item["describedObject"]["kind"], p + QStringLiteral(".describedObject.kind"), true).value_or(QString());
            s.objectName = r.string(item["describedObject"]["name"], p + QStringLiteral(".describedObject.name"), true).value_or(QString());
            s.metricName = DocReader::present(item["metric"])
                ? r.string(item["metric"]["name"], p + QStringLiteral(".metric.name"), true).value_or(QString())
                : r.string(item["metricName"], p + QStringLiteral(".metricName"), true).value_or(QString());
            s.timestampMs = r.time(item["timestamp"], p + QStringLiteral(".timestamp")).value_or(0);
            s.windowMs = std::int64_t(r.integer(item["windowSeconds"], p + QStringLiteral(".windowSeconds")).value_or(0)) * 1000;
            s.valueMilli = r.quantityMilli(item["value"], p + QStringLiteral(".value"), true).value_or(0);
            c.customMetrics->push_back(s);
        });
    }
    const YAML::Node external = doc["externalMetrics"];
    if (DocReader::present(external) && r.isMap(external, QStringLiteral("externalMetrics"))) {
        for (auto it = external.begin(); it != external.end(); ++it) {
            const QString name = QString::fromStdString(it->first.as<std::string>());
            std::vector<std::int64_t> values;
            forItems(r, it->second, QStringLiteral("externalMetrics.") + name,
                     {QStringLiteral("ExternalMetricValueList"), QStringLiteral("List")},
                     [&](const YAML::Node &item, const QString &p) {
                values.push_back(r.quantityMilli(item["value"], p + QStringLiteral(".value"), true).value_or(0));
            });
            c.externalMetrics.insert(name, std::move(values));
        }
    }
}

std::vector<ScaleEvent> readEvents(DocReader &r, const YAML::Node &list, const QString &path)
{
    std::vector<ScaleEvent> out;
    if (!DocReader::present(list) || !r.isList(list, path))
        return out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QString p = idx(path, i);
        if (!r.isMap(list[i], p))
            continue;
        ScaleEvent e;
        e.replicaChange = r.integer(list[i]["replicaChange"], p + QStringLiteral(".replicaChange"), true).value_or(0);
        e.timeMs = r.time(list[i]["time"], p + QStringLiteral(".time"), true).value_or(0);
        e.outdated = r.boolean(list[i]["outdated"], p + QStringLiteral(".outdated")).value_or(false);
        out.push_back(e);
    }
    return out;
}

void readController(DocReader &r, const YAML::Node &ctl, ExplainInput &in)
{
    if (!DocReader::present(ctl) || !r.isMap(ctl, QStringLiteral("controller")))
        return;
    const YAML::Node recs = ctl["recommendations"];
    if (DocReader::present(recs) && r.isList(recs, QStringLiteral("controller.recommendations"))) {
        in.memory.recommendations.emplace();
        for (std::size_t i = 0; i < recs.size(); ++i) {
            const QString p = idx(QStringLiteral("controller.recommendations"), i);
            if (!r.isMap(recs[i], p))
                continue;
            Recommendation rec;
            rec.replicas = r.integer(recs[i]["replicas"], p + QStringLiteral(".replicas"), true).value_or(0);
            rec.timeMs = r.time(recs[i]["time"], p + QStringLiteral(".time"), true).value_or(0);
            in.memory.recommendations->push_back(rec);
        }
    }
    in.memory.scaleUpEvents = readEvents(r, ctl["scaleUpEvents"], QStringLiteral("controller.scaleUpEvents"));
    in.memory.scaleDownEvents = readEvents(r, ctl["scaleDownEvents"], QStringLiteral("controller.scaleDownEvents"));
    const YAML::Node s = ctl["settings"];
    if (!DocReader::present(s) || !r.isMap(s, QStringLiteral("controller.settings")))
        return;
    ControllerSettings &cs = in.settings;
    const QString p = QStringLiteral("controller.settings.");
    cs.tolerance = r.number(s["tolerance"], p + QStringLiteral("tolerance")).value_or(cs.tolerance);
    cs.cpuInitializationPeriod = r.duration(s["cpuInitializationPeriod"], p + QStringLiteral("cpuInitializationPeriod"))
                                     .value_or(cs.cpuInitializationPeriod);
    cs.initialReadinessDelay = r.duration(s["initialReadinessDelay"], p + QStringLiteral("initialReadinessDelay"))
                                   .value_or(cs.initialReadinessDelay);
    cs.downscaleStabilizationWindow =
        r.duration(s["downscaleStabilizationWindow"], p + QStringLiteral("downscaleStabilizationWindow"))
            .value_or(cs.downscaleStabilizationWindow);
    cs.scaleUpLimitFactor = r.number(s["scaleUpLimitFactor"], p + QStringLiteral("scaleUpLimitFactor")).value_or(cs.scaleUpLimitFactor);
    cs.scaleUpLimitMinimum = r.integer(s["scaleUpLimitMinimum"], p + QStringLiteral("scaleUpLimitMinimum")).value_or(cs.scaleUpLimitMinimum);
}

} // namespace

model::Result<ExplainInput> parseExplainInput(const QByteArray &text, const QString &file)
{
    Diagnostics errors;
    const auto root = model::parseYamlText(text, file, &errors);
    if (!root)
        return errors;
    DocReader r(file, &errors);
    if (!root->IsMap())
        return makeError(QStringLiteral("expected a mapping with hpa, scale, pods and metrics"), QString(),
                         model::locationOf(*root, file));
    ExplainInput in;
    try {
        in.nowMs = r.time((*root)["now"], QStringLiteral("now"));
        if (!DocReader::present((*root)["hpa"]))
            r.fail(*root, QStringLiteral("hpa"), QStringLiteral("is required"));
        else
            readHpa(r, (*root)["hpa"], in.hpa);
        const YAML::Node scale = (*root)["scale"];
        if (!DocReader::present(scale)) {
            r.fail(*root, QStringLiteral("scale"), QStringLiteral("is required"));
        } else if (r.isMap(scale, QStringLiteral("scale"))) {
            in.cluster.specReplicas = r.integer(scale["specReplicas"], QStringLiteral("scale.specReplicas"), true).value_or(0);
            in.cluster.statusReplicas = r.integer(scale["statusReplicas"], QStringLiteral("scale.statusReplicas"))
                                            .value_or(in.cluster.specReplicas);
        }
        if (DocReader::present((*root)["pods"]))
            forItems(r, (*root)["pods"], QStringLiteral("pods"), {QStringLiteral("PodList"), QStringLiteral("List")},
                     [&](const YAML::Node &item, const QString &p) {
                PodState pod;
                readPod(r, item, p, pod);
                in.cluster.pods.push_back(std::move(pod));
            });
        readMetrics(r, *root, in.cluster);
        readController(r, (*root)["controller"], in);
    } catch (const YAML::Exception &e) {
        errors.append(makeError(QString::fromStdString(e.what()), QString(), {file, 0, 0}));
    }
    if (model::hasErrors(errors))
        return errors;
    return in;
}

namespace {

QJsonArray eventsJson(const std::vector<ScaleEvent> &events)
{
    QJsonArray a;
    for (const ScaleEvent &e : events)
        a.append(QJsonObject{{QStringLiteral("replicaChange"), e.replicaChange},
                             {QStringLiteral("time"), formatRfc3339(e.timeMs)},
                             {QStringLiteral("outdated"), e.outdated}});
    return a;
}

} // namespace

QByteArray explainJson(const SyncResult &s, std::int64_t nowMs)
{
    QJsonArray metrics;
    for (const MetricResult &m : s.metrics) {
        QJsonObject o{{QStringLiteral("type"), m.type}, {QStringLiteral("name"), m.name}};
        if (m.replicas)
            o.insert(QStringLiteral("replicas"), *m.replicas);
        if (m.utilization)
            o.insert(QStringLiteral("utilization"), *m.utilization);
        else if (m.valueMilli)
            o.insert(QStringLiteral("value"), model::Quantity::fromMilli(*m.valueMilli).toString());
        o.insert(QStringLiteral("readyPods"), m.readyPods);
        o.insert(QStringLiteral("unreadyPods"), m.unreadyPods);
        o.insert(QStringLiteral("missingPods"), m.missingPods);
        o.insert(QStringLiteral("ignoredPods"), m.ignoredPods);
        if (!m.error.isEmpty())
            o.insert(QStringLiteral("error"), m.error);
        metrics.append(o);
    }
    QJsonObject controller;
    if (s.memory.recommendations) {
        QJsonArray recs;
        for (const Recommendation &r : *s.memory.recommendations)
            recs.append(QJsonObject{{QStringLiteral("replicas"), r.replicas}, {QStringLiteral("time"), formatRfc3339(r.timeMs)}});
        controller.insert(QStringLiteral("recommendations"), recs);
    }
    controller.insert(QStringLiteral("scaleUpEvents"), eventsJson(s.memory.scaleUpEvents));
    controller.insert(QStringLiteral("scaleDownEvents"), eventsJson(s.memory.scaleDownEvents));
    QJsonObject root{{QStringLiteral("now"), formatRfc3339(nowMs)},
                     {QStringLiteral("currentReplicas"), s.currentReplicas},
                     {QStringLiteral("desiredReplicas"), s.desiredReplicas},
                     {QStringLiteral("metrics"), metrics},
                     {QStringLiteral("decidedBy"), decidedByName(s.decidedBy)},
                     {QStringLiteral("explanation"), s.explanation},
                     {QStringLiteral("controller"), controller}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace headroom::autoscale
