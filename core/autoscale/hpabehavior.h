#pragma once

#include "core/autoscale/hpatypes.h"
#include "core/model/hpa.h"

#include <QList>

#include <cstdint>
#include <optional>

namespace headroom::autoscale {

/// One direction of `behavior` with the API server's defaults filled in.
struct ScalingRules {
    int stabilizationWindowSeconds = 0;
    model::SelectPolicy selectPolicy = model::SelectPolicy::Max;
    QList<model::HpaScalingPolicy> policies;
    double tolerance = 0.1;
};

/// spec.behavior resolved: nullopt when the spec has no behavior (the legacy path).
struct ResolvedBehavior {
    ScalingRules scaleUp;
    ScalingRules scaleDown;
};

/// Fills absent fields as the autoscaling/v2 defaulting and the controller do: scale-up without
/// stabilization, Pods 4 and Percent 100 per 15 s, Max; scale-down with the controller's downscale
/// stabilization window, Percent 100 per 15 s, Max; tolerances from the rules or the controller flag.
std::optional<ResolvedBehavior> resolveBehavior(const model::HpaSpec &spec, const ControllerSettings &settings);

/// The outcome of turning a metrics proposal into the new size.
struct Normalized {
    int stabilized = 0;
    int desired = 0;
    /// What changed the value last: StabilizationWindow, a policy/limit or min/max, or Metrics when nothing did.
    DecidedBy limitedBy = DecidedBy::Metrics;
    int limit = 0; ///< the bound that applied when limitedBy is a policy or min/max
};

/// normalizeDesiredReplicas{,WithBehaviors}: stabilization over past recommendations (recording the
/// new one in `memory`), then the rate limits and min/max. Times in ms since the epoch.
Normalized normalizeReplicas(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings,
                             ControllerMemory &memory, int currentReplicas, int proposal, int minReplicas,
                             int maxReplicas, std::int64_t nowMs);

/// What the stabilization window makes of a proposal: `up` is the lowest of the proposal and the
/// recommendations inside the scale-up window, `down` the highest of the proposal and those inside
/// the scale-down window (the only window of the legacy path).
struct WindowExtremes {
    int up = 0;
    int down = 0;
};

/// The second half of normalizeReplicas(), once the window has spoken: the stabilized value
/// (clamp(current, up, down) with a behavior, `down` on the legacy path), then the behavior's rate
/// limits (or the legacy limits) and min/max.
Normalized limitReplicas(const std::optional<ResolvedBehavior> &behavior, const ControllerSettings &settings,
                         const ControllerMemory &memory, int currentReplicas, int proposal, WindowExtremes window,
                         int minReplicas, int maxReplicas, std::int64_t nowMs);

/// Records a rescale from `previous` to `desired` in the scale-up or scale-down event list
/// (only with a behavior; an event older than the longest policy period is reused).
void storeScaleEvent(const std::optional<ResolvedBehavior> &behavior, ControllerMemory &memory, int previous,
                     int desired, std::int64_t nowMs);

/// The highest size the scale-up rules allow now, and the lowest the scale-down rules allow.
int scaleUpLimit(int currentReplicas, const ControllerMemory &memory, const ScalingRules &rules, std::int64_t nowMs);
int scaleDownLimit(int currentReplicas, const ControllerMemory &memory, const ScalingRules &rules, std::int64_t nowMs);

} // namespace headroom::autoscale
