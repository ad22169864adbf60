#pragma once

#include "core/model/hpa.h"
#include "core/model/scenario.h"

#include <QByteArray>
#include <QString>

namespace headroom::autoscale {

/// The autoscaler of a tier as an autoscaling/v2 spec: `tier.hpa` verbatim when the scenario has one,
/// otherwise derived from `tier.autoscaling`: min/max replicas; CPU and memory Utilization targets;
/// for a queue-driven tier (queueDepthThreshold) an External `queue_depth` AverageValue target per
/// replica as KEDA configures it, plus `job_wait_seconds` against processingTimeThreshold; cooldowns
/// become the behavior's stabilization windows (no cooldowns: no behavior, the legacy path).
model::HpaSpec hpaSpecForTier(const model::Scenario &scenario, const model::Tier &tier);

/// The Deployment the tier's HPA targets: "<scenario-name-slug>-<tier id>" unless tier.hpa names one.
QString workloadName(const model::Scenario &scenario, const model::Tier &tier);

/// A complete HorizontalPodAutoscaler manifest (apiVersion, kind, metadata.name, spec), ready for kubectl apply.
QByteArray hpaManifestYaml(const model::Scenario &scenario, const model::Tier &tier);

} // namespace headroom::autoscale
