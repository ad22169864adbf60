#include "core/forecast/neldermead.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::forecast {

namespace {

struct Simplex {
    std::vector<std::vector<double>> points;
    std::vector<double> values;

    void order(std::vector<int> &idx) const
    {
        std::iota(idx.begin(), idx.end(), 0);
        std::sort(idx.begin(), idx.end(), [this](int a, int b) { return values[a] < values[b]; });
    }
};

// Writes centroid + t (worst - centroid) into `p` (a reused buffer: no allocation per step).
const std::vector<double> &along(const std::vector<double> &centroid, const std::vector<double> &worst, double t,
                                 std::vector<double> &p)
{
    p.resize(centroid.size());
    for (size_t i = 0; i < p.size(); ++i)
        p[i] = centroid[i] + t * (worst[i] - centroid[i]);
    return p;
}

} // namespace

NelderMeadResult nelderMead(const std::function<double(const std::vector<double> &)> &f,
                            std::vector<double> start, const NelderMeadOptions &options)
{
    const size_t n = start.size();
    NelderMeadResult result;
    auto eval = [&](const std::vector<double> &x) {
        ++result.evaluations;
        const double v = f(x);
        return std::isfinite(v) ? v : 1e300;
    };
    Simplex s;
    s.points.push_back(start);
    s.values.push_back(eval(start));
    for (size_t i = 0; i < n; ++i) {
        std::vector<double> p = start;
        p[i] += options.initialStep;
        s.points.push_back(p);
        s.values.push_back(eval(p));
    }
    std::vector<int> idx(n + 1);
    std::vector<double> centroid(n), reflected, expanded, contracted;
    while (true) {
        s.order(idx);
        const int best = idx.front(), worst = idx.back(), second = idx[n - (n > 0 ? 1 : 0)];
        const double spread = std::abs(s.values[worst] - s.values[best]);
        if (spread <= options.relativeTolerance * (std::abs(s.values[best]) + options.relativeTolerance)) {
            result.converged = true;
            break;
        }
        if (result.evaluations >= options.maxEvaluations || n == 0)
            break;
        std::fill(centroid.begin(), centroid.end(), 0.0);
        for (size_t k = 0; k < n; ++k)
            for (size_t i = 0; i < n; ++i)
                centroid[i] += s.points[idx[k]][i] / double(n);
        along(centroid, s.points[worst], -1.0, reflected);
        const double fr = eval(reflected);
        if (fr < s.values[best]) {
            along(centroid, s.points[worst], -2.0, expanded);
            const double fe = eval(expanded);
            if (fe < fr) {
                s.points[worst] = expanded;
                s.values[worst] = fe;
            } else {
                s.points[worst] = reflected;
                s.values[worst] = fr;
            }
            continue;
        }
        if (fr < s.values[second]) {
            s.points[worst] = reflected;
            s.values[worst] = fr;
            continue;
        }
        const bool outside = fr < s.values[worst];
        along(centroid, s.points[worst], outside ? -0.5 : 0.5, contracted);
        const double fc = eval(contracted);
        if (fc < std::min(fr, s.values[worst])) {
            s.points[worst] = contracted;
            s.values[worst] = fc;
            continue;
        }
        for (size_t k = 1; k <= n; ++k) {
            auto &p = s.points[idx[k]];
            for (size_t i = 0; i < n; ++i)
                p[i] = s.points[best][i] + 0.5 * (p[i] - s.points[best][i]);
            s.values[idx[k]] = eval(p);
        }
    }
    s.order(idx);
    result.x = s.points[idx.front()];
    result.value = s.values[idx.front()];
    return result;
}

} // namespace headroom::forecast
