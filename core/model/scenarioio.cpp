#include "core/model/scenarioio.h"

#include "core/model/scenarioschema.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <cmath>

namespace headroom::model {

namespace {

/// Collects semantic problems, locating each by the nearest recorded path.
class Checker {
public:
    Checker(const QHash<QString, SourceLocation> &locations, QString source)
        : m_locations(locations), m_source(std::move(source))
    {
    }

    void error(const QString &path, const QString &message) { add(Severity::Error, path, message); }
    void warning(const QString &path, const QString &message) { add(Severity::Warning, path, message); }
    Diagnostics take() { return std::move(m_out); }

    template <typename T, typename KeyFn>
    void unique(const QList<T> &items, const QString &listPath, const char *field, KeyFn key)
    {
        QHash<QString, int> seen;
        for (int i = 0; i < items.size(); ++i) {
            const QString k = key(items[i]);
            const QString path = listPath + u'[' + QString::number(i) + u"]." + QString::fromLatin1(field);
            if (seen.contains(k))
                error(path, QStringLiteral("duplicate %1 '%2' (first at %3[%4])")
                                .arg(QString::fromLatin1(field), k, listPath, QString::number(seen.value(k))));
            else
                seen.insert(k, i);
        }
    }

private:
    void add(Severity severity, const QString &path, const QString &message)
    {
        SourceLocation where{m_source, 0, 0};
        QString p = path;
        while (!p.isEmpty()) {
            const auto it = m_locations.constFind(p);
            if (it != m_locations.cend()) {
                where = *it;
                break;
            }
            const qsizetype cut = std::max(p.lastIndexOf(u'.'), p.lastIndexOf(u'['));
            p = cut > 0 ? p.left(cut) : QString();
        }
        if (where.file.isEmpty())
            where.file = m_source;
        m_out.append(Diagnostic{severity, where, path, message});
    }

    const QHash<QString, SourceLocation> &m_locations;
    QString m_source;
    Diagnostics m_out;
};

QString idx(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

QString metricSection(MetricSourceType type)
{
    switch (type) {
    case MetricSourceType::Resource:
        return QStringLiteral("resource");
    case MetricSourceType::ContainerResource:
        return QStringLiteral("containerResource");
    case MetricSourceType::Pods:
        return QStringLiteral("pods");
    case MetricSourceType::Object:
        return QStringLiteral("object");
    case MetricSourceType::External:
        return QStringLiteral("external");
    }
    return {};
}

void checkMetric(Checker &c, const MetricSpec &m, const QString &path)
{
    const MetricTarget &t = m.target;
    const QString tp = path + u'.' + metricSection(m.type) + u".target";
    const auto need = [&](bool present, const char *field) {
        if (!present)
            c.error(tp + u'.' + QString::fromLatin1(field),
                    QStringLiteral("a %1 target needs '%2'").arg(enumToString(t.type), QString::fromLatin1(field)));
    };
    switch (t.type) {
    case MetricTargetType::Utilization:
        if (m.type != MetricSourceType::Resource && m.type != MetricSourceType::ContainerResource)
            c.error(tp + u".type", QStringLiteral("Utilization targets are only valid for Resource and "
                                                  "ContainerResource metrics, not %1").arg(enumToString(m.type)));
        need(t.averageUtilization.has_value(), "averageUtilization");
        break;
    case MetricTargetType::AverageValue:
        need(t.averageValue.has_value(), "averageValue");
        break;
    case MetricTargetType::Value:
        if (m.type != MetricSourceType::Object && m.type != MetricSourceType::External)
            c.error(tp + u".type", QStringLiteral("Value targets are only valid for Object and External metrics, "
                                                  "not %1").arg(enumToString(m.type)));
        need(t.value.has_value(), "value");
        break;
    }
}

void checkHpa(Checker &c, const HpaSpec &hpa, const QString &path)
{
    if (hpa.minReplicas && *hpa.minReplicas > hpa.maxReplicas)
        c.error(path + u".maxReplicas", QStringLiteral("must be >= minReplicas (%1), got %2")
                                            .arg(*hpa.minReplicas).arg(hpa.maxReplicas));
    for (qsizetype i = 0; i < hpa.metrics.size(); ++i)
        checkMetric(c, hpa.metrics[i], idx(path + u".metrics", i));
}

void checkShares(Checker &c, double total, bool any, const QString &path, const QString &what)
{
    if (any && std::fabs(total - 100.0) > 0.5)
        c.error(path, QStringLiteral("%1 traffic shares add up to %2 %, expected 100 %").arg(what, QString::number(total)));
}

/// A tier with a verbatim HPA holds its replica limits and CPU target twice: the capacity plan reads
/// `autoscaling`, the simulation and the manifest read `hpa`. Disagreement is legal but almost always
/// an edit made in one place only, so it is worth a warning that says which number each one uses.
void checkHpaAgreesWithAutoscaling(Checker &c, const Tier &t, const QString &path)
{
    const HpaSpec &hpa = *t.hpa;
    const QString note = QStringLiteral("; the simulation and the manifest use hpa, the capacity plan uses autoscaling");
    const int hpaMin = hpa.minReplicas.value_or(1);
    if (hpaMin != t.autoscaling.minReplicas)
        c.warning(path + u".hpa.minReplicas", QStringLiteral("%1 differs from autoscaling.minReplicas (%2)")
                                                  .arg(hpaMin).arg(t.autoscaling.minReplicas).append(note));
    if (hpa.maxReplicas != t.autoscaling.maxReplicas)
        c.warning(path + u".hpa.maxReplicas", QStringLiteral("%1 differs from autoscaling.maxReplicas (%2)")
                                                  .arg(hpa.maxReplicas).arg(t.autoscaling.maxReplicas).append(note));
    if (!t.autoscaling.targetCPUUtilization)
        return;
    for (qsizetype i = 0; i < hpa.metrics.size(); ++i) {
        const MetricSpec &m = hpa.metrics[i];
        if (m.type != MetricSourceType::Resource || m.resourceName != u"cpu"
            || m.target.type != MetricTargetType::Utilization || !m.target.averageUtilization)
            continue;
        if (*m.target.averageUtilization != *t.autoscaling.targetCPUUtilization)
            c.warning(QStringLiteral("%1.hpa.metrics[%2].resource.target.averageUtilization").arg(path).arg(i),
                      QStringLiteral("%1 differs from autoscaling.targetCPUUtilization (%2)")
                          .arg(*m.target.averageUtilization).arg(*t.autoscaling.targetCPUUtilization).append(note));
    }
}

} // namespace

Diagnostics validateScenario(const Scenario &s, const QHash<QString, SourceLocation> &locations,
                             const QString &sourceName)
{
    Checker c(locations, sourceName);
    const ScenarioSpec &spec = s.spec;
    if (s.apiVersion != u"headroom/v1")
        c.error(QStringLiteral("apiVersion"), QStringLiteral("unsupported apiVersion '%1'; expected headroom/v1").arg(s.apiVersion));
    if (s.kind != u"Scenario")
        c.error(QStringLiteral("kind"), QStringLiteral("expected kind Scenario, got '%1'").arg(s.kind));

    c.unique(spec.resourceTiers, QStringLiteral("spec.resourceTiers"), "name", [](const ResourceTier &r) { return r.name; });
    c.unique(spec.tiers, QStringLiteral("spec.tiers"), "id", [](const Tier &t) { return t.id; });
    for (qsizetype i = 0; i < spec.tiers.size(); ++i) {
        const Tier &t = spec.tiers[i];
        const QString p = idx(QStringLiteral("spec.tiers"), i);
        if (t.autoscaling.minReplicas > t.autoscaling.maxReplicas)
            c.error(p + u".autoscaling.maxReplicas", QStringLiteral("must be >= minReplicas (%1), got %2")
                                                         .arg(t.autoscaling.minReplicas).arg(t.autoscaling.maxReplicas));
        if (!t.resourceTier.isEmpty() && !s.resourceTier(t.resourceTier)) {
            QStringList names;
            for (const ResourceTier &r : spec.resourceTiers)
                names << r.name;
            c.error(p + u".resourceTier", QStringLiteral("no resource tier named '%1'%2")
                                              .arg(t.resourceTier, didYouMean(t.resourceTier, names)));
        }
        if (t.hpa) {
            checkHpa(c, *t.hpa, p + u".hpa");
            checkHpaAgreesWithAutoscaling(c, t, p);
        }
        if (t.sizing == SizingMethod::Queueing && !t.p95Slo)
            c.error(p + u".p95Slo", QStringLiteral("queueing sizing needs a p95Slo"));
        if (const ResourceTier *node = s.resourceTier(t.resourceTier)) {
            if (t.requests.cpuMillicores > node->cpu * 1000)
                c.error(p + u".requests.cpuMillicores", QStringLiteral("a pod requesting %1m CPU does not fit on a %2 node (%3 vCPU)")
                                                            .arg(t.requests.cpuMillicores).arg(node->name).arg(node->cpu));
        }
    }

    const QString groups = QStringLiteral("spec.regions.groups");
    c.unique(spec.regions.groups, groups, "id", [](const RegionGroup &g) { return g.id; });
    double groupTotal = 0;
    bool anyGroupShare = false;
    QSet<QString> regionIds;
    for (qsizetype g = 0; g < spec.regions.groups.size(); ++g) {
        const RegionGroup &group = spec.regions.groups[g];
        groupTotal += group.trafficShare;
        anyGroupShare = anyGroupShare || group.trafficShare > 0;
        double regionTotal = 0;
        bool anyRegionShare = false;
        for (qsizetype r = 0; r < group.regions.size(); ++r) {
            const Region &region = group.regions[r];
            regionTotal += region.trafficShare;
            anyRegionShare = anyRegionShare || region.trafficShare > 0;
            const QString rp = idx(idx(groups, g) + u".regions", r) + u".id";
            if (regionIds.contains(region.id))
                c.error(rp, QStringLiteral("duplicate region id '%1'").arg(region.id));
            regionIds.insert(region.id);
        }
        checkShares(c, regionTotal, anyRegionShare, idx(groups, g) + u".regions", QStringLiteral("region"));
    }
    checkShares(c, groupTotal, anyGroupShare, groups, QStringLiteral("region group"));

    for (qsizetype i = 0; i < spec.growthPhases.size(); ++i) {
        const GrowthPhase &phase = spec.growthPhases[i];
        if (phase.endMonth && *phase.endMonth <= phase.startMonth)
            c.error(idx(QStringLiteral("spec.growthPhases"), i) + u".endMonth",
                    QStringLiteral("must be after startMonth (%1), got %2").arg(phase.startMonth).arg(*phase.endMonth));
    }

    const DatabaseTopology &db = spec.database;
    c.unique(db.primaries, QStringLiteral("spec.database.primaries"), "id", [](const DatabasePrimary &p) { return p.id; });
    QSet<QString> dbNodes;
    for (qsizetype i = 0; i < db.primaries.size(); ++i) {
        dbNodes.insert(db.primaries[i].id);
        for (qsizetype r = 0; r < db.primaries[i].replicas.size(); ++r) {
            const QString &replica = db.primaries[i].replicas[r];
            if (dbNodes.contains(replica))
                c.error(idx(idx(QStringLiteral("spec.database.primaries"), i) + u".replicas", r),
                        QStringLiteral("'%1' is listed twice in the database topology").arg(replica));
            dbNodes.insert(replica);
        }
    }
    if (db.analytics) {
        for (qsizetype i = 0; i < db.analytics->sources.size(); ++i) {
            if (!dbNodes.contains(db.analytics->sources[i]))
                c.error(idx(QStringLiteral("spec.database.analytics.sources"), i),
                        QStringLiteral("no database primary or replica named '%1'%2")
                            .arg(db.analytics->sources[i], didYouMean(db.analytics->sources[i], dbNodes.values())));
        }
    }

    c.unique(spec.cacheHierarchy, QStringLiteral("spec.cacheHierarchy"), "level",
             [](const CacheLevel &l) { return QString::number(l.level); });
    const RedisCluster &redis = spec.redisCluster;
    if (redis.sentinelQuorum && *redis.sentinelQuorum > redis.sentinels)
        c.error(QStringLiteral("spec.redisCluster.sentinelQuorum"),
                QStringLiteral("must be <= sentinels (%1), got %2").arg(redis.sentinels).arg(*redis.sentinelQuorum));

    const CostOptimization &cost = spec.costOptimization;
    if (cost.costThresholds.warning.amount > cost.costThresholds.critical.amount)
        c.error(QStringLiteral("spec.costOptimization.costThresholds.critical"),
                QStringLiteral("must be >= warning (%1), got %2")
                    .arg(QString::number(cost.costThresholds.warning.amount), QString::number(cost.costThresholds.critical.amount)));
    const auto currency = [&](const Money &m, const QString &path) {
        if (m.currency != spec.currency)
            c.error(path, QStringLiteral("currency %1 differs from the scenario's currency %2").arg(m.currency, spec.currency));
    };
    for (qsizetype i = 0; i < spec.resourceTiers.size(); ++i)
        currency(spec.resourceTiers[i].costPerHour, idx(QStringLiteral("spec.resourceTiers"), i) + u".costPerHour");
    currency(cost.costThresholds.warning, QStringLiteral("spec.costOptimization.costThresholds.warning"));
    currency(cost.costThresholds.critical, QStringLiteral("spec.costOptimization.costThresholds.critical"));
    currency(cost.reservedSavingsThreshold, QStringLiteral("spec.costOptimization.reservedSavingsThreshold"));
    currency(cost.costPerUserTarget, QStringLiteral("spec.costOptimization.costPerUserTarget"));

    c.unique(spec.successMetrics, QStringLiteral("spec.successMetrics"), "id", [](const SuccessMetric &m) { return m.id; });
    c.unique(spec.traffic, QStringLiteral("spec.traffic"), "name", [](const TrafficScenario &t) { return t.name; });
    c.unique(spec.dataSources, QStringLiteral("spec.dataSources"), "name", [](const DataSource &d) { return d.name; });
    for (qsizetype g = 0; g < spec.alertRules.size(); ++g)
        c.unique(spec.alertRules[g].rules, idx(QStringLiteral("spec.alertRules"), g) + u".rules", "alert",
                 [](const AlertRule &r) { return r.alert; });
    for (qsizetype i = 0; i < spec.traffic.size(); ++i) {
        const TrafficScenario &t = spec.traffic[i];
        if (t.spec.isEmpty() && t.points.isEmpty())
            c.error(idx(QStringLiteral("spec.traffic"), i), QStringLiteral("a traffic scenario needs a spec or points"));
        for (qsizetype r = 0; r < t.points.size(); ++r) {
            if (t.points[r].size() != 2)
                c.error(idx(idx(QStringLiteral("spec.traffic"), i) + u".points", r),
                        QStringLiteral("expected [hours, multiplier], got %1 numbers").arg(t.points[r].size()));
        }
    }
    return c.take();
}

Result<LoadedScenario> parseScenario(const QByteArray &text, const QString &sourceName, Diagnostics *warnings)
{
    Diagnostics diagnostics;
    const auto root = parseYamlText(text, sourceName, &diagnostics);
    if (!root)
        return diagnostics;
    if (!root->IsMap()) {
        diagnostics.append(makeError(QStringLiteral("expected a scenario document (a mapping with apiVersion, kind, "
                                                    "metadata and spec)"),
                                     QString(), locationOf(*root, sourceName)));
        return diagnostics;
    }
    LoadedScenario loaded;
    YamlReader reader(sourceName, &diagnostics);
    try {
        reader.read(*root, loaded.scenario);
    } catch (const YAML::Exception &e) { // a safety net: the reader checks node kinds before using them
        diagnostics.append(makeError(QStringLiteral("unreadable YAML: %1").arg(QString::fromStdString(e.msg)),
                                     QString(), {sourceName, e.mark.line + 1, e.mark.column + 1}));
        return diagnostics;
    }
    loaded.locations = reader.locations();
    if (!hasErrors(diagnostics))
        diagnostics += validateScenario(loaded.scenario, loaded.locations, sourceName);
    Diagnostics errors;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            errors.append(d);
        else if (warnings)
            warnings->append(d);
    }
    if (!errors.isEmpty())
        return errors;
    return loaded;
}

Result<Scenario> loadScenario(const QString &path, Diagnostics *warnings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    auto loaded = parseScenario(file.readAll(), path, warnings);
    if (!loaded)
        return loaded.errors();
    return std::move(loaded).value().scenario;
}

QByteArray serializeScenario(const Scenario &scenario)
{
    YamlWriter writer;
    return emitYaml(writer.write(scenario));
}

QHash<QString, FieldInfo> scenarioFields(const Scenario &scenario)
{
    YamlWriter writer;
    writer.write(scenario);
    return writer.fields();
}

namespace {

QString kindName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Int:
        return QStringLiteral("integer");
    case FieldKind::Double:
        return QStringLiteral("number");
    case FieldKind::Bool:
        return QStringLiteral("boolean");
    case FieldKind::String:
        return QStringLiteral("string");
    case FieldKind::Duration:
        return QStringLiteral("duration (30s, 5m, 1h30m)");
    case FieldKind::Bytes:
        return QStringLiteral("size (64GB, 4Gi)");
    case FieldKind::Quantity:
        return QStringLiteral("Kubernetes quantity (500m, 2, 1Ki)");
    case FieldKind::Money:
        return QStringLiteral("money (0.20 or '0.20 USD')");
    case FieldKind::Percent:
        return QStringLiteral("percent 0-100");
    case FieldKind::Enum:
        return QStringLiteral("one of");
    case FieldKind::StringList:
        return QStringLiteral("list of strings");
    case FieldKind::StringMap:
        return QStringLiteral("map of strings");
    case FieldKind::Matrix:
        return QStringLiteral("list of [x, y]");
    case FieldKind::Object:
        return QStringLiteral("mapping");
    case FieldKind::List:
        return QStringLiteral("list");
    }
    return {};
}

} // namespace

QString scenarioSchemaReference()
{
    YamlWriter writer;
    writer.write(defaultScenario());
    static const QRegularExpression index(QStringLiteral("\\[\\d+\\]"));
    QStringList seen;
    QString out = QStringLiteral("| field | type | constraints |\n|---|---|---|\n");
    for (const QString &path : writer.fieldOrder()) {
        QString folded = path;
        folded.replace(index, QStringLiteral("[]"));
        if (seen.contains(folded))
            continue;
        seen << folded;
        const FieldInfo info = writer.fields().value(path);
        QString type = kindName(info.kind);
        if (info.kind == FieldKind::Enum)
            type += u' ' + info.enumValues.join(QStringLiteral(", "));
        QStringList constraints;
        if (!info.optional)
            constraints << QStringLiteral("required");
        if (info.options.min && info.kind != FieldKind::Bytes && info.kind != FieldKind::Percent)
            constraints << QStringLiteral(">= %1").arg(*info.options.min);
        if (info.options.max && info.kind != FieldKind::Percent)
            constraints << QStringLiteral("<= %1").arg(*info.options.max);
        if (info.options.help)
            constraints << QString::fromUtf8(info.options.help);
        out += QStringLiteral("| `%1` | %2 | %3 |\n").arg(folded, type, constraints.join(QStringLiteral("; ")));
    }
    return out;
}

Result<void> saveScenario(const Scenario &scenario, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    const QByteArray text = serializeScenario(scenario);
    if (file.write(text) != text.size() || !file.commit())
        return makeError(QStringLiteral("cannot write file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    return {};
}

QString defaultScenarioPath()
{
    return QStringLiteral(":/scenarios/webtools-pro.yaml");
}

QByteArray defaultScenarioYaml()
{
    QFile file(defaultScenarioPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Scenario defaultScenario()
{
    auto loaded = parseScenario(defaultScenarioYaml(), defaultScenarioPath());
    Q_ASSERT_X(loaded.ok(), "defaultScenario", "the embedded scenario must be valid");
    return loaded ? std::move(loaded).value().scenario : Scenario{};
}

} // namespace headroom::model
