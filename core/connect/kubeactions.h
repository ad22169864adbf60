#pragma once

#include "core/connect/kubeclient.h"
#include "core/model/hpa.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QString>

/// The console's scaling controls acting on a live cluster: scale a workload through its /scale
/// subresource, create or update its autoscaling/v2 HPA. Every change is planned first — a
/// SelfSubjectAccessReview, then the same request as a server-side dry run (dryRun=All), shown as a
/// diff — and applied only with confirmation, then recorded in an audit log. Nothing at all is sent
/// while writes are off for the context (the default).
///
/// Patches use JSON merge patch (Content-Type application/merge-patch+json): the /scale patch is
/// {"spec":{"replicas":N}}; an HPA update sends the whole planned spec, with `null` for optional
/// fields the plan leaves out (so a stale `behavior` is removed) — lists such as `metrics` are
/// replaced whole by merge-patch semantics. A missing HPA is created with POST (application/json).
namespace headroom::connect {

struct KubeAction {
    enum class Kind { Scale, ApplyHpa };
    Kind kind = Kind::Scale;
    QString ns;
    QString workloadKind = QStringLiteral("Deployment"); ///< Deployment or StatefulSet
    QString name;                                        ///< the workload (Scale) or the HPA (ApplyHpa)
    int replicas = 1;                                    ///< Scale
    model::HpaSpec hpa;                                  ///< ApplyHpa

    QString describe() const;
};

/// A checked, dry-run change waiting for confirmation.
struct ActionPlan {
    KubeAction action;
    QByteArray method;        ///< PATCH or POST
    QString path;
    QByteArray body;
    QByteArray contentType;
    bool creates = false;     ///< POST of a new HPA
    QJsonObject before;       ///< the object as it is now (empty when created)
    QJsonObject after;        ///< the dry run's answer
    QString diff;             ///< "- spec.replicas: 3\n+ spec.replicas: 5\n"
};

/// Appends one JSON line per applied change: time, context, server, user, action, request and
/// outcome. Never tokens or keys. Append-only by design (a log, not a document).
class AuditLog final {
public:
    explicit AuditLog(QString path) : m_path(std::move(path)) {}
    model::Result<void> record(const QJsonObject &entry) const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

class KubeActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeActions)
public:
    KubeActions(KubeClient *client, AuditLog audit, QObject *parent = nullptr);

    /// Off by default: the context is read-only until the user turns writes on.
    void setWritesEnabled(bool enabled) { m_writesEnabled = enabled; }
    bool writesEnabled() const { return m_writesEnabled; }

    /// Access review, current object, dry run, diff. Fails without sending anything when writes are off.
    QFuture<model::Result<ActionPlan>> plan(const KubeAction &action);
    /// Sends the planned request for real when `confirmed`; records it in the audit log.
    QFuture<model::Result<QJsonObject>> apply(const ActionPlan &plan, bool confirmed);

private:
    KubeClient *m_client;
    AuditLog m_audit;
    bool m_writesEnabled = false;
};

/// The autoscaling/v2 JSON of an HPA spec (quantities as strings, as the API writes them).
QJsonObject hpaSpecToJson(const model::HpaSpec &spec);
/// Line diff of two JSON objects by leaf path ("spec.metrics[0].resource.target.averageUtilization").
QString jsonDiff(const QJsonObject &before, const QJsonObject &after);

} // namespace headroom::connect
