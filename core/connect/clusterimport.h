#pragma once

#include "core/connect/kubeclient.h"
#include "core/connect/kubeobjects.h"
#include "core/connect/pricelist.h"
#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// From a live cluster to a scenario: fetch what is running (nodes, Deployments, StatefulSets,
/// autoscaling/v2 HPAs, pods, metrics.k8s.io usage), then model it.
namespace headroom::connect {

struct ClusterSnapshot {
    QString context;
    QString server;
    QString version;         ///< gitVersion of /version
    QList<KubeNode> nodes;
    QList<KubeWorkload> workloads;
    QList<KubeHpa> hpas;
    QList<KubePod> pods;
    QStringList warnings;    ///< unreadable HPAs, missing metrics-server, API warnings
};

/// The raw list items, as the API returned them (for the parser and benchmarks).
struct ClusterLists {
    QJsonObject version;
    QList<QJsonObject> nodes, deployments, statefulSets, hpas, pods;
    QList<QJsonObject> nodeMetrics, podMetrics; ///< empty when metrics.k8s.io is not served
};

/// Parses the lists into typed objects and joins usage metrics onto nodes and pods.
ClusterSnapshot parseClusterLists(const ClusterLists &lists);

/// Reads the cluster with `client` (list pages of `pageSize`). Nodes, workloads, HPAs and pods
/// are required; metrics.k8s.io is optional (404 becomes a warning).
QFuture<model::Result<ClusterSnapshot>> fetchClusterSnapshot(KubeClient *client, int pageSize = 500);

struct ImportOptions {
    QList<PriceEntry> prices;  ///< to price node sizes; unknown sizes are imported unpriced
    QString prometheusUrl;     ///< when set, a Prometheus data source with per-tier queries is added
    QString kubeconfigContext; ///< recorded as the Kubernetes data source's endpoint
};

/// Builds a scenario on top of `base` (its demand, costs and settings are kept): one tier per
/// Deployment/StatefulSet with its HPA's spec copied verbatim, resource tiers from node sizes,
/// regions and zones from node labels. Things that cannot be modelled exactly (unpriced sizes,
/// unschedulable pods, HPAs that cannot scale) become `warnings`, never refusals.
model::Scenario buildScenario(const ClusterSnapshot &snapshot, const ImportOptions &options,
                              const model::Scenario &base, QStringList *warnings);

} // namespace headroom::connect
