#pragma once

#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenario.h"

class QPainter;
class QRectF;

namespace headroom::report {

/// A left-to-right diagram of the system for the report: global balancer -> region groups ->
/// regions (traffic share) -> tiers (planned replicas on day 0 and at the horizon) -> caches
/// (hit ratio) -> Redis Cluster (masters x replicas, memory) -> database primaries (write load).
void drawTopology(QPainter &painter, const QRectF &area, const analysis::ScenarioAnalysis &analysis,
                  const model::Scenario &scenario);

} // namespace headroom::report
