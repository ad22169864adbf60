#pragma once

#include "core/forecast/prediction.h"

#include <optional>
#include <vector>

/// Double-seasonal Holt-Winters (Taylor 2003, "Short-term electricity demand forecasting using
/// double seasonal exponential smoothing"): a level, a trend, an intraday cycle of `period1` steps
/// and an intraweek cycle of `period2` steps (a whole multiple of period1), each smoothed by its own
/// parameter, with an AR(1) adjustment of the one-step errors. Multiplicative seasons as in the
/// paper (and R's forecast::dshw) for positive data, additive ones otherwise. The parameters
/// minimise the in-sample one-step mean squared error (Nelder-Mead over alpha, beta, gamma and
/// omega in [0, 0.99]; phi in [0, 0.9] in closed form, since the errors it adjusts do not depend
/// on it).
namespace headroom::forecast {

struct DshwParameters {
    double alpha = 0.1;   ///< level smoothing, [0, 0.99]
    double beta = 0.01;   ///< trend smoothing, [0, 0.99]
    double gamma = 0.001; ///< intraday (period1) season smoothing, [0, 0.99]
    double omega = 0.001; ///< intraweek (period2) season smoothing, [0, 0.99]
    double phi = 0.0;     ///< AR(1) coefficient of the one-step errors, [0, 0.9]
};

struct DshwModel {
    int period1 = 0;       ///< shorter season, steps (>= 2)
    int period2 = 0;       ///< longer season, steps, a multiple of period1 greater than it
    bool multiplicative = true;
    bool trend = true;     ///< false: no trend (beta fixed to 0, slope 0)
    DshwParameters parameters;
    double level = 0.0;    ///< final level
    double slope = 0.0;    ///< final trend per step
    std::vector<double> daily;  ///< daily[k] applies to step k+1 ahead (mod period1)
    std::vector<double> weekly; ///< weekly[k] applies to step k+1 ahead (mod period2)
    double lastError = 0.0;     ///< raw one-step error of the last point (the AR term's start)
    double mse = 0.0;           ///< in-sample one-step mean squared error, AR-adjusted (data units^2)
};

struct DshwOptions {
    bool trend = true;          ///< fit a trend
    int maxEvaluations = 300;   ///< optimiser budget
    /// Start of the optimiser: R's defaults unless given (a refit starts from the last optimum).
    std::optional<DshwParameters> start;
};

/// Fits the model to y, which needs at least 2 * period2 points; multiplicative seasons need
/// positive data (otherwise additive ones are used). Nothing when the periods do not nest or the
/// data are too short or not finite.
std::optional<DshwModel> fitDshw(const std::vector<double> &y, int period1, int period2,
                                 const DshwOptions &options = {});

/// Point forecasts (level + trend, times or plus both seasons, plus phi^k times the last error)
/// and a central interval at `levelPercent` from the one-step MSE grown as in additive
/// Holt-Winters (an approximation: the backtest calibrates it where it matters).
Prediction forecastDshw(const DshwModel &model, int horizon, double levelPercent);

} // namespace headroom::forecast
