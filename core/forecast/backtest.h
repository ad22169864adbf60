#pragma once

#include "core/forecast/prediction.h"

#include <functional>
#include <limits>
#include <vector>

/// Rolling-origin evaluation: the model is refitted on each truncated history and scored on
/// the points that follow, so every forecast carries how well the same procedure did recently.
namespace headroom::forecast {

/// Fits on `history` and forecasts `horizon` steps at `levelPercent`.
using Forecaster = std::function<Prediction(const std::vector<double> &history, int horizon, double levelPercent)>;

struct Backtest {
    int origins = 0;   ///< forecast origins evaluated (0: series too short, metrics NaN)
    int horizon = 0;   ///< steps ahead scored per origin
    double smape = std::numeric_limits<double>::quiet_NaN();    ///< percent, 0-200
    double mase = std::numeric_limits<double>::quiet_NaN();     ///< vs in-sample seasonal naive
    double coverage = std::numeric_limits<double>::quiet_NaN(); ///< share of actuals inside the interval, 0-1
};

/// Where the origins fall: `origins` cut points stepping back by half the horizon from the end,
/// each keeping at least `minTrain` points; horizon shortened to a quarter of the data if needed.
struct BacktestPlan {
    std::vector<int> cuts; ///< training lengths, latest first
    int horizon = 0;
};
BacktestPlan planBacktest(int n, int horizon, int origins, int minTrain);

/// Forecasts made at each cut of `plan` (one Prediction per cut).
std::vector<Prediction> backtestPredictions(const std::vector<double> &y, const BacktestPlan &plan,
                                            const Forecaster &forecaster, double levelPercent);

/// Scores predictions from backtestPredictions(); `period` scales MASE.
Backtest scoreBacktest(const std::vector<double> &y, const BacktestPlan &plan,
                       const std::vector<Prediction> &predictions, int period);

/// Element-wise mean of predictions of equal length (the combination forecast).
Prediction averagePredictions(const std::vector<Prediction> &parts);

/// sMAPE in percent and MASE of one forecast against actuals.
double smape(const std::vector<double> &actual, const std::vector<double> &forecast);
double mase(const std::vector<double> &history, const std::vector<double> &actual,
            const std::vector<double> &forecast, int period);

} // namespace headroom::forecast
