#pragma once

#include "core/autoscale/simulator.h"
#include "core/autoscale/simulatortier.h"

#include <cstdint>

/// Internal to the simulator: one sync of a tier's autoscaler on what the metrics pipeline saw.
namespace headroom::autoscale::sim {

/// The Deployment size the tier's autoscaler asks for at `nowMs`, from the lagged sample `seen`: the
/// HPA controller's per-metric proposals and decision (stabilization, behavior policies or legacy
/// limits, min/max), or the plan's CustomAutoScaler rules. Updates the controller's memory in `t`.
int syncReplicas(TierSim &t, const Sample &seen, std::int64_t nowMs, ScalingPolicyKind policy,
                 const ControllerSettings &settings);

} // namespace headroom::autoscale::sim
