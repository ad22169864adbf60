#pragma once

#include "core/forecast/backtest.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

/// Forecasting series with a long season or several (half-hourly or 5-minute data with daily and
/// weekly cycles). Candidates, all backtested by rolling origin on the tail of the series:
///  - STL+ETS: forecast::stlf(): MSTL (stl.h, R's windows), a non-seasonal ETS on the seasonally
///    adjusted series, plus the last cycle of the summed seasonal components;
///  - STL+CycleLevel: the same decomposition with a flat level, the adjusted mean of the last
///    longest cycle;
///  - RecentCycles: a weighted mean of the last cycles of the longest season, each shifted to the
///    level of the last cycle;
///  - SeasonalNaive over the longest season;
///  - DSHW (dshw.h: Taylor's double-seasonal Holt-Winters with AR(1) errors) on the seasons of
///    nestedSeasons(), where one is a multiple of the shortest;
///  - means of some of them (multiSeasonalCandidates() lists all by name).
/// The default is DSHW where the seasons nest (the model made for intraday + intraweek cycles),
/// otherwise the mean of STL+ETS and STL+CycleLevel; another candidate replaces it only with a
/// 20 % lower backtest MASE. The backtest origins are a longest cycle apart where all of them fit,
/// so the judge sees several different weeks.
/// The interval comes from the backtest errors of the chosen candidate (empirical quantiles of the
/// absolute error per step ahead, pooled over nearby steps), so its coverage matches what the
/// procedure achieved on the recent past.
namespace headroom::forecast {

struct MultiSeasonalOptions {
    std::vector<int> periods; ///< seasonal periods in steps (>= 2), any order
    double level = 95.0;      ///< interval level in percent, (0, 100)
    int origins = 6;          ///< backtest origins; 0 skips the backtest (the combination is returned)
    QString only;             ///< forces one candidate by name ("STL+ETS", "STL+CycleLevel", "RecentCycles",
                              ///< "SeasonalNaive", "DSHW") or a combination by the start of its name
                              ///< ("Combination" = STL+ETS + STL+CycleLevel); empty: the backtest chooses
};

struct MultiSeasonalResult {
    Prediction prediction;
    QString method;    ///< e.g. "STL+ETS" or "Combination (STL+ETS + STL+CycleLevel)"
    /// Of the chosen candidate; its coverage is that of the calibrated interval, each origin
    /// held out from the calibration it is scored against (with one origin: the model's own).
    Backtest backtest;
};

/// The seasons DSHW uses: the shortest (>= 2) and the shortest other one that is a whole multiple
/// of it (a day and a week; a yearly third season is left to the STL candidates). Nothing when no
/// season nests.
std::optional<std::pair<int, int>> nestedSeasons(const std::vector<int> &periods);

/// Names of the candidates forecastMultiSeasonal() considers for these periods, singles first.
QStringList multiSeasonalCandidates(const std::vector<int> &periods);

/// Forecasts `horizon` (>= 1) steps. Only the last 12 cycles of the longest season are used.
MultiSeasonalResult forecastMultiSeasonal(const std::vector<double> &y, int horizon,
                                          const MultiSeasonalOptions &options);

/// Weighted mean of the last `cycles` cycles of `period` steps (each cycle `decay` times the
/// weight of the one after it), every cycle shifted to the mean of the last cycle. The interval
/// is that of seasonal naive. Needs y.size() >= period; otherwise a flat forecast of the last value.
Prediction recentCyclesForecast(const std::vector<double> &y, int period, int horizon, double levelPercent,
                                int cycles = 6, double decay = 0.5);

/// Replaces the interval of `p` by mean -/+ the `levelPercent` quantile of the absolute
/// backtest errors. errors[o][k] is actual - forecast at origin o, step k; the quantile for step k
/// pools steps k - window .. k + window of every origin. Steps beyond the backtest horizon use
/// the last step's quantile grown with the square root of the step. No-op without errors.
void calibrateInterval(Prediction &p, const std::vector<std::vector<double>> &errors, double levelPercent,
                       int window);

} // namespace headroom::forecast
