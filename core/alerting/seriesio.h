#pragma once

#include "core/alerting/ruleevaluator.h"
#include "core/alerting/seriesstore.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QString>

/// Reading and writing series in the formats Prometheus tools exchange.
namespace headroom::alerting {

/// Parses OpenMetrics / Prometheus text exposition (`name{a="b"} value [timestamp-seconds]`, `# ...`
/// comments, `# EOF`). Samples without a timestamp get `defaultTimestampMs`. Errors are located
/// `source:line:column`.
model::Result<SeriesStore> parseOpenMetrics(const QByteArray &text, const QString &sourceName,
                                            qint64 defaultTimestampMs = 0);

/// Parses a Prometheus HTTP API `query_range` response (`resultType: matrix`) into `store`.
model::Result<void> readQueryRangeResponse(const QByteArray &json, const QString &sourceName, SeriesStore *store);

/// The selectors (`name{matchers}`) the rules read, each once: what to fetch from Prometheus.
QStringList referencedSelectors(const std::vector<CompiledGroup> &groups);
/// The longest range + offset any rule looks back, plus the 5 min lookback, in ms.
qint64 maximumLookbackMs(const std::vector<CompiledGroup> &groups);

/// A `promtool test rules` file asserting, at every group evaluation in [startMs, endMs], exactly the
/// firing alerts (labels and annotations) that Headroom's evaluation produced. Input series are `store`
/// resampled on a grid of `stepMs` from `startMs` (`_` where no sample, `stale` for staleness markers).
/// Running promtool on it checks that Prometheus agrees with Headroom.
model::Result<QByteArray> promtoolTest(const QString &ruleFilePath, const std::vector<CompiledGroup> &groups,
                                       const SeriesStore &store, qint64 startMs, qint64 endMs, qint64 stepMs);

} // namespace headroom::alerting
