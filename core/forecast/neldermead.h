#pragma once

#include <functional>
#include <vector>

/// Derivative-free minimisation used to fit the forecasting models by maximum likelihood.
namespace headroom::forecast {

struct NelderMeadOptions {
    int maxEvaluations = 2000;   ///< objective evaluations, >= 1
    double relativeTolerance = 1e-8; ///< stop when the simplex's values agree to this relative spread
    double initialStep = 0.1;    ///< absolute step of the initial simplex along each coordinate
};

struct NelderMeadResult {
    std::vector<double> x;  ///< best point found
    double value = 0.0;     ///< objective at x
    int evaluations = 0;
    bool converged = false; ///< tolerance reached before the evaluation budget ran out
};

/// Minimises `f` from `start` (Nelder & Mead 1965; reflection 1, expansion 2, contraction 1/2,
/// shrink 1/2). `f` may return +inf or a large penalty outside its feasible region.
NelderMeadResult nelderMead(const std::function<double(const std::vector<double> &)> &f,
                            std::vector<double> start, const NelderMeadOptions &options = {});

} // namespace headroom::forecast
