#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace headroom::autoscale {

/// One factor of a traffic product. Times are seconds from the start of the simulation; the
/// calendar factors (diurnal, weekly) use the absolute UTC time of the tick.
struct TrafficFactor {
    enum class Kind { Constant, Diurnal, Weekly, Growth, Spike, RegionLoss, RetryStorm };
    Kind kind = Kind::Constant;
    double value = 1;       ///< Constant: the number; Diurnal: amplitude; Weekly: weekend level;
                            ///< Growth: monthly rate; Spike/RetryStorm: factor
    double peakSeconds = 0; ///< Diurnal: time of day of the peak (UTC)
    double atSeconds = 0;   ///< Spike, RegionLoss, RetryStorm: start
    double rampSeconds = 0; ///< Spike, RetryStorm: linear rise
    double holdSeconds = 0; ///< Spike: time at full factor; RegionLoss, RetryStorm: duration
    double decaySeconds = 0; ///< Spike, RetryStorm: linear fall back to 1
    QString region;         ///< RegionLoss: region id
};

/// A region outage of the traffic: `share` (0..1) of global traffic and of every tier's replicas was
/// served from `region`; from `atSeconds` for `durationSeconds` its pods are gone and its traffic is
/// served by the surviving regions.
struct RegionOutage {
    QString region;
    double share = 0;
    double atSeconds = 0;
    double durationSeconds = 0;
};

/// A traffic scenario: the demand multiplier over time applied to the scenario's baseline, a
/// product of factors and/or a drawn curve, plus the region outages it contains.
///
/// Grammar (whitespace is free; names are case-insensitive):
///   spec    := term ('*' term)*
///   term    := 'baseline' | NUMBER ['x'] | NAME '(' [arg (',' arg)*] ')'
///   arg     := KEY '=' VALUE            VALUE: a number, a duration (30s, 1m, 14h, 2d), a percent (40%) or a word
///   diurnal(peak=14h, amplitude=0.4)     1 + amplitude * cos(2 pi (time of day - peak) / 24h)
///   weekly(weekend=0.7)                  1 Monday to Friday, `weekend` on Saturday and Sunday (UTC)
///   growth(rate=0.15)                    monthly growth compounded daily: (1 + rate/30)^days
///   spike(factor=10, at=1h, ramp=1m, hold=30m, decay=15m)   1 -> factor linearly over ramp, held, back over decay
///   retrystorm(factor=3, at=1h, duration=10m, ramp=0s, decay=2m)  clients retrying: demand x factor
///   regionloss(region=eu-west-1, at=1h, duration=2h)  the region's pods are lost; its traffic moves to the others
struct TrafficSpec {
    QString name;  ///< the scenario's traffic name, or empty for an inline spec
    QString text;  ///< the spec as written
    std::vector<TrafficFactor> factors;
    std::vector<std::pair<double, double>> points; ///< drawn curve: (hours, multiplier), linear between points
    std::vector<RegionOutage> outages;

    /// The demand multiplier at `tSeconds` after the start, the start being `startMs` (UTC epoch ms).
    double multiplier(double tSeconds, std::int64_t startMs) const;
    /// multiplier() at ticks 0, step, 2 step, ... (n values), computed incrementally (no trigonometry
    /// per tick); equal to multiplier() within floating-point rounding.
    std::vector<double> series(std::int64_t startMs, double stepSeconds, int n) const;
    /// Share (0..1) of each tier's replicas lost to region outages at `tSeconds`.
    double lostShare(double tSeconds) const;
};

/// Parses an inline spec. Errors name the 1-based column: "traffic spec column 17: ...".
model::Result<TrafficSpec> parseTrafficSpec(const QString &text);

/// A name from `scenario.spec.traffic` (its spec and drawn points) or an inline spec; fills the
/// region shares of regionloss() from `scenario.spec.regions` (group share x region share).
model::Result<TrafficSpec> resolveTraffic(const model::Scenario &scenario, const QString &nameOrSpec);

} // namespace headroom::autoscale
