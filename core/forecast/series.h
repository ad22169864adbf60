#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

/// Metric history as read from `t,value` CSV and made ready for the models.
///
/// Documented behaviour (each step that changes data adds a warning saying what and where):
/// - `t` is ISO-8601 (date or date-time, UTC when no offset) or a plain number; it must
///   strictly increase. An empty, `NA` or `NaN` value is a missing point; anything else that
///   is not a number is an error naming FILE:LINE.
/// - The step is the median spacing (calendar months/quarters/years for dates 28-31, 89-92 or
///   365-366 days apart). Timestamps off that grid are resampled onto it by linear
///   interpolation; gaps and missing values are interpolated linearly.
/// - A monotonic counter (non-decreasing except a few drops to below half the previous value)
///   is re-based at each reset so that it keeps counting, as Prometheus' increase() does.
/// - Outliers: points whose residual from a robust trend + seasonal fit is more than
///   `outlierThreshold` scaled MADs from the median residual are replaced by the fitted value.
namespace headroom::forecast {

struct Series {
    std::vector<double> time;   ///< seconds since 1970 (ISO-8601 input) or the numbers as given
    std::vector<double> values; ///< NaN marks a missing value
    std::vector<int> lines;     ///< 1-based source line of each point (0 when not from a file)
    bool calendarTime = false;  ///< time came from ISO-8601 text
};

/// Parses `t,value` CSV (header required; other columns are ignored).
model::Result<Series> parseSeriesCsv(const QByteArray &text, const QString &sourceName);
model::Result<Series> readSeriesCsv(const QString &path);

/// A series on a regular grid, without missing values.
struct RegularSeries {
    std::vector<double> values;
    double start = 0.0;        ///< time of values[0] (units of Series::time)
    double step = 1.0;         ///< grid step in time units (seconds for calendar time); 0 if stepMonths
    int stepMonths = 0;        ///< 1, 3 or 12 for calendar-month grids, else 0
    bool calendarTime = false;

    /// "2024-03-01T00:00:00Z" or the number, for messages.
    QString timeLabel(int index) const;
};

struct CleaningOptions {
    bool repairCounterResets = true;
    bool replaceOutliers = true;
    double outlierThreshold = 6.0; ///< in scaled MADs (1.4826 MAD ~ one standard deviation)
};

/// Regularises the grid and fills missing points. Needs 3 or more valid values.
model::Result<RegularSeries> regularise(const Series &series, QStringList *warnings);

/// Re-bases a counter after each reset; returns the number of resets repaired.
int repairCounterResets(RegularSeries &series, QStringList *warnings);

/// Replaces outliers (see above) given the seasonal periods (none, one, or several: then the
/// fit is the multi-seasonal decomposition, and over the recent 12 longest cycles (at least
/// 16,128 points) MSTL's trend + seasonal components, stl.h). Returns the number replaced.
int replaceOutliers(RegularSeries &series, const std::vector<int> &periods, double threshold, QStringList *warnings);

/// Seasonal periods (in steps) found in the data among the natural candidates for its step
/// (5-minute data: 288 = a day, 2016 = a week; hourly: 24, 168; daily: 7; monthly: 12;
/// quarterly: 4; plain numbers: 4, 7, 12, 24). A candidate needs 2.5 cycles of data and a
/// detrended autocorrelation of 0.3 or more at its lag. Ascending.
std::vector<int> detectSeasonPeriods(const RegularSeries &series);

} // namespace headroom::forecast
