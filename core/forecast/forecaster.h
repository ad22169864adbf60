#pragma once

#include "core/forecast/backtest.h"
#include "core/forecast/series.h"
#include "core/model/result.h"

#include <QString>
#include <QStringList>

#include <vector>

/// Automatic forecasting: cleans the history (series.h), finds its seasons, fits ETS (AICc
/// selection), Theta and seasonal naive, backtests them by rolling origin and returns the best
/// the mean of ETS and Theta (the combination) unless one of them backtests clearly better
/// (rolling origin, MASE 20 % lower).
/// Series with a season longer than 24 steps or several seasons (5-minute data: 288 and 2016)
/// go through multiseasonal.h (decomposition + ETS, recent cycles, seasonal naive, chosen by
/// backtest, interval from the backtest errors); there SeasonalNaive and Combination can be forced,
/// Ets and Theta choose automatically.
namespace headroom::forecast {

enum class MethodChoice { Auto, Ets, Theta, SeasonalNaive, Combination };

struct ForecastOptions {
    std::vector<int> periods;  ///< seasonal periods in steps; empty: detected (detectSeasonPeriods)
    double level = 95.0;       ///< interval level in percent, (0, 100)
    int backtestOrigins = 3;   ///< rolling origins; 0 skips the backtest (Auto then picks the combination)
    MethodChoice method = MethodChoice::Auto;
    CleaningOptions cleaning;
};

struct ForecastResult {
    std::vector<double> mean;  ///< point forecast, index 0 = one step after the last observation
    std::vector<double> lower; ///< interval at `level`
    std::vector<double> upper;
    double level = 95.0;
    QString method;            ///< e.g. "Combination (ETS(M,Ad,M) + Theta)"
    Backtest backtest;         ///< of the chosen method
    QStringList warnings;      ///< what cleaning changed, how seasons were found
    std::vector<int> periods;  ///< seasonal periods used
    RegularSeries history;     ///< the cleaned series the models saw
};

/// Forecasts `horizon` (>= 1) steps of a series as read from CSV.
model::Result<ForecastResult> autoForecast(const Series &series, int horizon, const ForecastOptions &options = {});

/// Forecasts a regular, clean series (no cleaning or detection; options.periods as given).
ForecastResult forecastValues(const std::vector<double> &y, int horizon, const ForecastOptions &options);

/// Continues a forecast beyond its end for `extraSteps` steps by compound growth: +`growthPerPeriod`
/// (0.15 = 15 %) every `stepsPerPeriod` steps, compounded every step (the plan's 15 % a month,
/// compounded daily: 0.15 and 30 for daily steps). Bounds keep their last ratio to the mean.
void continueWithGrowth(ForecastResult &result, int extraSteps, double growthPerPeriod, double stepsPerPeriod);

} // namespace headroom::forecast
