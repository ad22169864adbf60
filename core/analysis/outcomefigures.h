#pragma once

#include "core/analysis/scenarioanalysis.h"

/// The headline figures of a traffic outcome (used by analyze(); the public helpers around
/// outcomes, completeSlos, proxyUtilization and outcomesCsv, are declared in scenarioanalysis.h).
namespace headroom::analysis {

/// Peaks, minutes over the SLO, spike absorption, the simulated fleet's monthly cost and its cost
/// per active user (`activeUsers`: monthly active users of the simulated day), alert and SLO counts.
OutcomeFigures figuresOf(const TrafficOutcome &outcome, double activeUsers);

} // namespace headroom::analysis
