#pragma once

#include "core/autoscale/hpacontroller.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

/// The `hpa explain` document: one controller sync described with what kubectl shows
/// (HorizontalPodAutoscaler, PodList, PodMetricsList, MetricValueLists) plus the controller's memory.
namespace headroom::autoscale {

struct ExplainInput {
    HpaUnderTest hpa;
    ClusterState cluster;
    ControllerSettings settings;
    ControllerMemory memory;
    std::optional<std::int64_t> nowMs; ///< the document's `now`
};

/// Reads the document (YAML or JSON). Kubernetes quantities and Go durations are accepted
/// everywhere; a wrong kind or a field of the wrong type is a located error naming the field.
/// Absent metric lists are not errors: the metrics that need them fail at sync time.
model::Result<ExplainInput> parseExplainInput(const QByteArray &text, const QString &file);

/// Parses an RFC 3339 time ("2026-01-01T00:00:00Z", fractions and offsets allowed) to ms since the epoch.
std::optional<std::int64_t> parseRfc3339(const QString &text);
QString formatRfc3339(std::int64_t ms);

/// The JSON answer: desiredReplicas, metrics[], decidedBy, explanation, plus `currentReplicas`,
/// `now` and `controller` (the memory after the sync, in the input's format, to feed the next sync).
QByteArray explainJson(const SyncResult &result, std::int64_t nowMs);

} // namespace headroom::autoscale
