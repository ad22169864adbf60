#pragma once

#include <vector>

/// Point forecasts with a central prediction interval, as every forecasting model returns them.
namespace headroom::forecast {

struct Prediction {
    std::vector<double> mean;  ///< point forecast per step ahead, index 0 = one step ahead
    std::vector<double> lower; ///< lower bound of the central interval at `level`
    std::vector<double> upper; ///< upper bound, upper[i] >= mean[i] >= lower[i]
};

/// Standard normal quantile, p in (0, 1) (Acklam's rational approximation, |error| < 1.2e-9).
double normalQuantile(double p);

/// Two-sided central interval half-width multiplier for `level` in percent (95 -> 1.96).
inline double intervalZ(double levelPercent) { return normalQuantile(0.5 + levelPercent / 200.0); }

} // namespace headroom::forecast
