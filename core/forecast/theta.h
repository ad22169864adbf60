#pragma once

#include "core/forecast/prediction.h"

#include <optional>
#include <vector>

/// The Theta method (Assimakopoulos & Nikolopoulos 2000) in Hyndman & Billah's (2003) form:
/// simple exponential smoothing with drift equal to half the slope of the linear trend,
/// applied to data seasonally adjusted by classical multiplicative decomposition when the
/// 90 % autocorrelation test finds seasonality at `period`.
namespace headroom::forecast {

struct ThetaModel {
    double alpha = 0.0;      ///< SES smoothing parameter of the adjusted series
    double level = 0.0;      ///< final SES level (adjusted units)
    double drift = 0.0;      ///< half the least-squares slope, per step
    double sigma2 = 0.0;     ///< SES innovation variance
    int observations = 0;
    std::vector<double> seasonal; ///< seasonal[k] multiplies step k+1 ahead (mod period); empty if none
    bool multiplicativeSeason = true;
};

/// Fits the model; at least 3 observations. Returns nothing when SES cannot be fitted.
std::optional<ThetaModel> fitTheta(const std::vector<double> &y, int period);

/// Point forecasts: SES level + drift * (h - 1 + (1 - (1 - alpha)^n) / alpha), reseasonalised;
/// interval: the SES interval shifted by the same drift.
Prediction forecastTheta(const ThetaModel &model, int horizon, double levelPercent);

/// Seasonal naive: the value one period earlier (period 1: the last value). Interval from the
/// in-sample seasonal differences, widening with the number of whole periods ahead.
Prediction seasonalNaive(const std::vector<double> &y, int period, int horizon, double levelPercent);

} // namespace headroom::forecast
