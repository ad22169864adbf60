#pragma once

#include "core/model/hpa.h"
#include "core/model/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/// Typed views of the Kubernetes objects an import needs, parsed from API JSON. CPU is in
/// millicores, memory in bytes; quantities are parsed exactly ("1930m", "7951376Ki", "487558164n").
namespace headroom::connect {

struct KubeNode {
    QString name;
    QString instanceType;  ///< node.kubernetes.io/instance-type, else the beta label
    QString region;        ///< topology.kubernetes.io/region, else failure-domain.beta...
    QString zone;
    QString provider;      ///< from spec.providerID: aws, azure, gce, ...; empty if unknown
    double cpuCapacityMillicores = 0;
    double memoryCapacityBytes = 0;
    double cpuAllocatableMillicores = 0;
    double memoryAllocatableBytes = 0;
    int podsAllocatable = 0;
    bool ready = false;
    std::optional<double> cpuUsageMillicores;  ///< metrics.k8s.io
    std::optional<double> memoryUsageBytes;
};

/// A Deployment or StatefulSet with its pod template's summed container requests and limits.
struct KubeWorkload {
    QString kind;          ///< "Deployment" or "StatefulSet"
    QString ns;
    QString name;
    int replicas = 0;      ///< spec.replicas (1 when absent, as the API defaults it)
    int readyReplicas = 0;
    double cpuRequestMillicores = 0;
    double memoryRequestBytes = 0;
    double cpuLimitMillicores = 0;   ///< 0 = no limit on some container
    double memoryLimitBytes = 0;
    QMap<QString, QString> selector; ///< spec.selector.matchLabels
};

struct KubeHpa {
    QString ns;
    QString name;
    model::HpaSpec spec;   ///< verbatim spec
    int currentReplicas = 0;
    int desiredReplicas = 0;
    QStringList problems;  ///< conditions that are False where True is healthy (reason: message)
};

struct KubePod {
    QString ns;
    QString name;
    QString phase;
    QString nodeName;      ///< empty while Pending
    QString ownerKind;     ///< ReplicaSet, StatefulSet, DaemonSet, Job, ...
    QString ownerName;
    double cpuRequestMillicores = 0;
    double memoryRequestBytes = 0;
    bool unschedulable = false;
    std::optional<double> cpuUsageMillicores;
    std::optional<double> memoryUsageBytes;
};

/// Parses a quantity string into its value ("500m" -> 0.5, "1Ki" -> 1024); nullopt when malformed.
std::optional<double> parseQuantityValue(const QString &text);

KubeNode parseNode(const QJsonObject &item);
KubeWorkload parseWorkload(const QJsonObject &item, const QString &kind);
/// `source` names the object in diagnostics ("hpa shop/web").
model::Result<KubeHpa> parseHpa(const QJsonObject &item);
KubePod parsePod(const QJsonObject &item);
/// The workload that owns a pod: ReplicaSet "web-7d9c6b8f5" belongs to Deployment "web".
QString ownerWorkloadName(const KubePod &pod);

} // namespace headroom::connect
