#include "core/connect/kubeactions.h"

#include "core/model/scenarioschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QPromise>

#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

template <typename T>
QFuture<model::Result<T>> failed(model::Diagnostics errors)
{
    QPromise<model::Result<T>> p;
    p.start();
    p.addResult(model::Result<T>(std::move(errors)));
    p.finish();
    return p.future();
}

QString workloadPath(const KubeAction &a)
{
    const QString resource = a.workloadKind == u"StatefulSet"_s ? u"statefulsets"_s : u"deployments"_s;
    return u"/apis/apps/v1/namespaces/%1/%2/%3"_s.arg(a.ns, resource, a.name);
}

QString hpaCollection(const KubeAction &a)
{
    return u"/apis/autoscaling/v2/namespaces/%1/horizontalpodautoscalers"_s.arg(a.ns);
}

QJsonObject target(const model::MetricTarget &t)
{
    QJsonObject o{{u"type"_s, model::enumToString(t.type)}};
    if (t.averageUtilization)
        o.insert(u"averageUtilization"_s, *t.averageUtilization);
    if (t.value)
        o.insert(u"value"_s, t.value->toString());
    if (t.averageValue)
        o.insert(u"averageValue"_s, t.averageValue->toString());
    return o;
}

QJsonObject metricId(const model::MetricIdentifier &m)
{
    QJsonObject o{{u"name"_s, m.name}};
    if (!m.selector.isEmpty()) {
        QJsonObject labels;
        for (auto it = m.selector.cbegin(); it != m.selector.cend(); ++it)
            labels.insert(it.key(), it.value());
        o.insert(u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}});
    }
    return o;
}

QJsonObject rules(const model::HpaScalingRules &r)
{
    QJsonObject o;
    if (r.stabilizationWindowSeconds)
        o.insert(u"stabilizationWindowSeconds"_s, *r.stabilizationWindowSeconds);
    if (r.selectPolicy)
        o.insert(u"selectPolicy"_s, model::enumToString(*r.selectPolicy));
    QJsonArray policies;
    for (const auto &p : r.policies)
        policies.append(QJsonObject{{u"type"_s, model::enumToString(p.type)}, {u"value"_s, p.value},
                                    {u"periodSeconds"_s, p.periodSeconds}});
    if (!policies.isEmpty())
        o.insert(u"policies"_s, policies);
    if (r.tolerance)
        o.insert(u"tolerance"_s, r.tolerance->toString());
    return o;
}

void flatten(const QJsonValue &v, const QString &path, QMap<QString, QString> &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            flatten(a.at(i), path + u'[' + QString::number(i) + u']', out);
    } else {
        out.insert(path, v.isString() ? v.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    }
}

} // namespace

QString KubeAction::describe() const
{
    if (kind == Kind::Scale)
        return u"scale %1 %2/%3 to %4 replicas"_s.arg(workloadKind, ns, name).arg(replicas);
    return u"apply HorizontalPodAutoscaler %1/%2 (min %3, max %4)"_s.arg(ns, name).arg(hpa.minReplicas.value_or(1)).arg(hpa.maxReplicas);
}

QJsonObject hpaSpecToJson(const model::HpaSpec &spec)
{
    QJsonObject o;
    o.insert(u"scaleTargetRef"_s, QJsonObject{{u"apiVersion"_s, spec.scaleTargetRef.apiVersion},
                                              {u"kind"_s, spec.scaleTargetRef.kind},
                                              {u"name"_s, spec.scaleTargetRef.name}});
    o.insert(u"minReplicas"_s, spec.minReplicas ? QJsonValue(*spec.minReplicas) : QJsonValue(QJsonValue::Null));
    o.insert(u"maxReplicas"_s, spec.maxReplicas);
    QJsonArray metrics;
    for (const model::MetricSpec &m : spec.metrics) {
        const QString type = model::enumToString(m.type);
        QJsonObject body;
        switch (m.type) {
        case model::MetricSourceType::Resource:
            body = {{u"name"_s, m.resourceName}, {u"target"_s, target(m.target)}};
            break;
        case model::MetricSourceType::ContainerResource:
            body = {{u"name"_s, m.resourceName}, {u"container"_s, m.container}, {u"target"_s, target(m.target)}};
            break;
        case model::MetricSourceType::Pods:
        case model::MetricSourceType::External:
            body = {{u"metric"_s, metricId(m.metric)}, {u"target"_s, target(m.target)}};
            break;
        case model::MetricSourceType::Object:
            body = {{u"metric"_s, metricId(m.metric)}, {u"target"_s, target(m.target)},
                    {u"describedObject"_s, QJsonObject{{u"apiVersion"_s, m.describedObject.apiVersion},
                                                       {u"kind"_s, m.describedObject.kind},
                                                       {u"name"_s, m.describedObject.name}}}};
            break;
        }
        QString key = type;
        key[0] = key[0].toLower(); // Resource -> resource, ContainerResource -> containerResource
        metrics.append(QJsonObject{{u"type"_s, type}, {key, body}});
    }
    o.insert(u"metrics"_s, metrics);
    if (spec.behavior) {
        QJsonObject behavior;
        if (spec.behavior->scaleUp)
            behavior.insert(u"scaleUp"_s, rules(*spec.behavior->scaleUp));
        if (spec.behavior->scaleDown)
            behavior.insert(u"scaleDown"_s, rules(*spec.behavior->scaleDown));
        o.insert(u"behavior"_s, behavior);
    } else {
        o.insert(u"behavior"_s, QJsonValue(QJsonValue::Null)); // merge patch: remove a stale one
    }
    return o;
}

QString jsonDiff(const QJsonObject &before, const QJsonObject &after)
{
    QMap<QString, QString> a, b;
    flatten(before, {}, a);
    flatten(after, {}, b);
    QString diff;
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &k : keys) {
        const bool inA = a.contains(k), inB = b.contains(k);
        if (inA && inB && a.value(k) == b.value(k))
            continue;
        if (inA)
            diff.append(u"- %1: %2\n"_s.arg(k, a.value(k)));
        if (inB)
            diff.append(u"+ %1: %2\n"_s.arg(k, b.value(k)));
    }
    return diff;
}

model::Result<void> AuditLog::record(const QJsonObject &entry) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile f(m_path);
    if (!f.open(QIODevice::Append | QIODevice::WriteOnly))
        return model::makeError(u"cannot write the audit log: %1"_s.arg(f.errorString()), {}, {m_path, 0, 0});
    const QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    if (f.write(line) != line.size() || !f.flush())
        return model::makeError(u"cannot write the audit log: %1"_s.arg(f.errorString()), {}, {m_path, 0, 0});
    return {};
}

KubeActions::KubeActions(KubeClient *client, AuditLog audit, QObject *parent)
    : QObject(parent), m_client(client), m_audit(std::move(audit))
{
}

QFuture<model::Result<ActionPlan>> KubeActions::plan(const KubeAction &action)
{
    const QString contextName = m_client->context().context.name;
    if (!m_writesEnabled)
        return failed<ActionPlan>({model::makeError(
            u"context \"%1\" is read-only: turn writes on for it before \"%2\""_s.arg(contextName, action.describe()))});
    auto plan = std::make_shared<ActionPlan>();
    plan->action = action;
    QJsonObject attributes{{u"namespace"_s, action.ns}, {u"name"_s, action.name}};
    QString getPath;
    if (action.kind == KubeAction::Kind::Scale) {
        attributes.insert(u"verb"_s, u"patch"_s);
        attributes.insert(u"group"_s, u"apps"_s);
        attributes.insert(u"resource"_s, action.workloadKind == u"StatefulSet"_s ? u"statefulsets"_s : u"deployments"_s);
        attributes.insert(u"subresource"_s, u"scale"_s);
        getPath = workloadPath(action) + u"/scale"_s;
        plan->method = "PATCH";
        plan->path = getPath;
        plan->contentType = "application/merge-patch+json";
        plan->body = QJsonDocument(QJsonObject{{u"spec"_s, QJsonObject{{u"replicas"_s, action.replicas}}}})
                         .toJson(QJsonDocument::Compact);
    } else {
        attributes.insert(u"verb"_s, u"patch"_s);
        attributes.insert(u"group"_s, u"autoscaling"_s);
        attributes.insert(u"resource"_s, u"horizontalpodautoscalers"_s);
        getPath = hpaCollection(action) + u'/' + action.name;
    }
    const QJsonObject review{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s}, {u"kind"_s, u"SelfSubjectAccessReview"_s},
                             {u"spec"_s, QJsonObject{{u"resourceAttributes"_s, attributes}}}};
    QPromise<model::Result<ActionPlan>> promiseValue;
    auto promise = std::make_shared<QPromise<model::Result<ActionPlan>>>(std::move(promiseValue));
    promise->start();
    auto future = promise->future();
    auto done = [promise](model::Result<ActionPlan> r) {
        promise->addResult(std::move(r));
        promise->finish();
    };
    KubeClient *client = m_client;
    client->request("POST", u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s, {},
                    QJsonDocument(review).toJson(QJsonDocument::Compact), "application/json")
        .then(this, [=, this](model::Result<KubeResponse> r) {
            if (!r)
                return done(r.errors());
            const QJsonObject status = r->object.value(u"status"_s).toObject();
            if (!status.value(u"allowed"_s).toBool())
                return done(model::makeError(u"not allowed to %1 (%2 %3): %4"_s.arg(
                    action.describe(), attributes.value(u"verb"_s).toString(), attributes.value(u"resource"_s).toString(),
                    status.value(u"reason"_s).toString(u"RBAC denies it"_s))));
            client->get(getPath).then(this, [=, this](model::Result<KubeResponse> current) {
                if (action.kind == KubeAction::Kind::ApplyHpa) {
                    const bool missing = !current && current.error().where.file.endsWith(u"HTTP 404"_s);
                    if (!current && !missing)
                        return done(current.errors());
                    plan->creates = missing;
                    const QJsonObject spec = hpaSpecToJson(action.hpa);
                    if (missing) {
                        QJsonObject object{{u"apiVersion"_s, u"autoscaling/v2"_s},
                                           {u"kind"_s, u"HorizontalPodAutoscaler"_s},
                                           {u"metadata"_s, QJsonObject{{u"name"_s, action.name}, {u"namespace"_s, action.ns}}},
                                           {u"spec"_s, spec}};
                        plan->method = "POST";
                        plan->path = hpaCollection(action);
                        plan->contentType = "application/json";
                        plan->body = QJsonDocument(object).toJson(QJsonDocument::Compact);
                    } else {
                        plan->method = "PATCH";
                        plan->path = getPath;
                        plan->contentType = "application/merge-patch+json";
                        plan->body = QJsonDocument(QJsonObject{{u"spec"_s, spec}}).toJson(QJsonDocument::Compact);
                    }
                } else if (!current) {
                    return done(current.errors());
                }
                if (current)
                    plan->before = current->object;
                QUrlQuery dryRun;
                dryRun.addQueryItem(u"dryRun"_s, u"All"_s);
                client->request(plan->method, plan->path, dryRun, plan->body, plan->contentType)
                    .then(this, [=, this](model::Result<KubeResponse> dry) {
                        if (!dry)
                            return done(dry.errors());
                        plan->after = dry->object;
                        plan->diff = jsonDiff(plan->before.value(u"spec"_s).toObject(),
                                              plan->after.value(u"spec"_s).toObject());
                        done(*plan);
                    });
            });
        });
    return future;
}

QFuture<model::Result<QJsonObject>> KubeActions::apply(const ActionPlan &plan, bool confirmed)
{
    const ResolvedContext &ctx = m_client->context();
    if (!m_writesEnabled)
        return failed<QJsonObject>({model::makeError(u"context \"%1\" is read-only"_s.arg(ctx.context.name))});
    if (!confirmed)
        return failed<QJsonObject>({model::makeError(u"not applied: \"%1\" was not confirmed"_s.arg(plan.action.describe()))});
    QJsonObject entry{{u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                      {u"context"_s, ctx.context.name}, {u"server"_s, ctx.cluster.server}, {u"user"_s, ctx.user.name},
                      {u"action"_s, plan.action.describe()}, {u"method"_s, QString::fromLatin1(plan.method)},
                      {u"path"_s, plan.path}, {u"contentType"_s, QString::fromLatin1(plan.contentType)},
                      {u"body"_s, QString::fromUtf8(plan.body)}, {u"diff"_s, plan.diff}};
    AuditLog audit = m_audit;
    return m_client->request(plan.method, plan.path, {}, plan.body, plan.contentType)
        .then(this, [audit, entry](model::Result<KubeResponse> r) mutable -> model::Result<QJsonObject> {
            entry.insert(u"outcome"_s, r ? u"applied"_s : u"failed: "_s.append(r.errorString()));
            if (auto logged = audit.record(entry); !logged)
                return r ? model::Result<QJsonObject>(logged.errors()) : model::Result<QJsonObject>(r.errors());
            if (!r)
                return r.errors();
            return r->object;
        });
}

} // namespace headroom::connect
