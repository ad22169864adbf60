#pragma once

#include <vector>

/// STL: seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990),
/// with the same windows, degrees, jumps and robustness iterations as R's stats::stl(), and
/// MSTL (Bandara, Hyndman & Bergmeir 2021; R's forecast::mstl()) for several seasonal periods.
namespace headroom::forecast {

/// STL parameters. Windows are spans in points (made odd and >= 3), degrees are 0 (local
/// constant) or 1 (local line), jumps evaluate the loess every `jump` points and interpolate
/// linearly between. Zero means R's default for that field.
struct StlOptions {
    int period = 0;          ///< seasonal period in points, >= 2
    int seasonalWindow = 0;  ///< span of the cycle-subseries smoother in cycles; 0: "periodic"
    int seasonalDegree = 0;  ///< 0 or 1 (forced to 0 when periodic)
    int trendWindow = 0;     ///< 0: nextodd(ceil(1.5 period / (1 - 1.5 / seasonalWindow)))
    int trendDegree = 1;
    int lowpassWindow = 0;   ///< 0: nextodd(period)
    int lowpassDegree = 1;
    int seasonalJump = 0;    ///< 0: ceil(window / 10) for each of the three jumps
    int trendJump = 0;
    int lowpassJump = 0;
    bool robust = false;     ///< robustness weights from the remainder (outer loop)
    int inner = 0;           ///< inner-loop passes; 0: 2, or 1 when robust
    int outer = -1;          ///< robustness passes; -1: 0, or 15 when robust
};

/// y = seasonal + trend + remainder, point by point.
struct StlDecomposition {
    std::vector<double> seasonal;
    std::vector<double> trend;
    std::vector<double> remainder;
    std::vector<double> weights; ///< final robustness weights in [0, 1] (all 1 without `robust`)
};

/// Decomposes y (finite values, y.size() >= 2 period; otherwise seasonal = 0, trend = y).
StlDecomposition stl(const std::vector<double> &y, const StlOptions &options);

/// MSTL: STL applied to each period in turn (ascending, periods with fewer than two full cycles
/// in y dropped), each time on y minus the other seasonal components, `iterations` times.
struct MstlDecomposition {
    std::vector<int> periods;                   ///< ascending, those kept
    std::vector<std::vector<double>> seasonals; ///< one component per period, each y.size() long
    std::vector<double> trend;                  ///< from the last STL
    std::vector<double> remainder;
    std::vector<double> adjusted;               ///< y minus every seasonal component (trend + remainder)
};

/// `seasonalWindows[i]` is the seasonal window of the i-th period (ascending); missing entries
/// follow R's default 7 + 4 i (11, 15, 19, ...). `base` supplies the other STL settings.
MstlDecomposition mstl(const std::vector<double> &y, std::vector<int> periods, int iterations = 2,
                       std::vector<int> seasonalWindows = {}, const StlOptions &base = {});

} // namespace headroom::forecast
