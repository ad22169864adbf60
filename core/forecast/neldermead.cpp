#include "core/forecast/neldermead.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace headroom::forecast {

namespace {

// The simplex in one flat buffer: vertex k at points[k * n], and beside it the vertex divided by
// n (`scaled`, what the centroid sums), so that each step costs one division per coordinate of a
// new vertex instead of n per coordinate of the centroid. The sums are the same as dividing each
// term on the fly, so the optimiser takes the same steps.
struct Simplex {
    size_t n = 0;
    std::vector<double> points, scaled, values;

    double *at(size_t k) { return points.data() + k * n; }
    const double *at(size_t k) const { return points.data() + k * n; }
    void rescale(size_t k)
    {
        for (size_t i = 0; i < n; ++i)
            scaled[k * n + i] = points[k * n + i] / double(n);
    }
    void set(size_t k, const std::vector<double> &p, double value)
    {
        std::copy(p.begin(), p.end(), points.begin() + std::ptrdiff_t(k * n));
        rescale(k);
        values[k] = value;
    }
    void order(std::vector<int> &idx) const
    {
        std::iota(idx.begin(), idx.end(), 0);
        std::sort(idx.begin(), idx.end(), [this](int a, int b) { return values[a] < values[b]; });
    }
};

// Writes centroid + t (worst - centroid) into `p` (a reused buffer: no allocation per step).
const std::vector<double> &along(const std::vector<double> &centroid, const double *worst, double t,
                                 std::vector<double> &p)
{
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
    s.n = n;
    s.points.resize(n * (n + 1));
    s.scaled.resize(n * (n + 1));
    s.values.resize(n + 1);
    s.set(0, start, eval(start));
    std::vector<double> p = start;
    for (size_t i = 0; i < n; ++i) {
        p[i] += options.initialStep;
        s.set(i + 1, p, eval(p));
        p[i] = start[i];
    }
    std::vector<int> idx(n + 1);
    std::vector<double> centroid(n), reflected(n), expanded(n), contracted(n);
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
        for (size_t k = 0; k < n; ++k) {
            const double *q = s.scaled.data() + size_t(idx[k]) * n;
            for (size_t i = 0; i < n; ++i)
                centroid[i] += q[i];
        }
        along(centroid, s.at(worst), -1.0, reflected);
        const double fr = eval(reflected);
        if (fr < s.values[best]) {
            along(centroid, s.at(worst), -2.0, expanded);
            const double fe = eval(expanded);
            if (fe < fr)
                s.set(worst, expanded, fe);
            else
                s.set(worst, reflected, fr);
            continue;
        }
        if (fr < s.values[second]) {
            s.set(worst, reflected, fr);
            continue;
        }
        const bool outside = fr < s.values[worst];
        along(centroid, s.at(worst), outside ? -0.5 : 0.5, contracted);
        const double fc = eval(contracted);
        if (fc < std::min(fr, s.values[worst])) {
            s.set(worst, contracted, fc);
            continue;
        }
        const double *b = s.at(best);
        for (size_t k = 1; k <= n; ++k) {
            double *v = s.at(idx[k]);
            for (size_t i = 0; i < n; ++i)
                p[i] = v[i] = b[i] + 0.5 * (v[i] - b[i]);
            s.rescale(idx[k]);
            s.values[idx[k]] = eval(p);
        }
    }
    s.order(idx);
    result.x.assign(s.at(idx.front()), s.at(idx.front()) + n);
    result.value = s.values[idx.front()];
    return result;
}

} // namespace headroom::forecast
