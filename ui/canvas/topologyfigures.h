#pragma once

#include "core/analysis/scenarioanalysis.h"
#include "core/model/scenario.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

/// The live figures of every canvas node, read from one analysis at one moment of one traffic
/// scenario. Tier and proxy figures follow the simulation tick; balancer, region, cache, Redis
/// and database figures come from the topology models at the scenario's current demand. Each
/// node's tooltip says which.
namespace headroom::ui {

/// Which simulated moment the canvas shows.
struct FigureMoment {
    int traffic = 0;  ///< index into ScenarioAnalysis::traffic
    int tick = -1;    ///< simulation tick; < 0 = the peak (the tick with the most ready replicas)
};

struct NodeFigures {
    QStringList lines;                  ///< short figures drawn on the node
    std::optional<double> utilization;  ///< share of capacity in use, 0.. (1 = 100 %); empty = no figure
    QString tooltip;                    ///< rich text: each figure, its meaning and its source
};

struct TopologyFigures {
    QHash<QString, NodeFigures> nodes;  ///< by NodeSpec::key
    int tick = -1;                      ///< the tick shown; -1 without a simulation
    QString moment;                     ///< "US traffic 'launch' at 14:30 (peak)"
};

/// The tick with the most ready replicas summed over tiers (the first of equals); 0 when empty.
int peakTick(const autoscale::SimulationResult &simulation);

TopologyFigures topologyFigures(const model::Scenario &scenario, const analysis::ScenarioAnalysis &analysis,
                                FigureMoment moment);

} // namespace headroom::ui
