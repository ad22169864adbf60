#include "core/forecast/dshw.h"

#include "core/forecast/neldermead.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom::forecast {

namespace {

constexpr double kMaxSmoothing = 0.99;
constexpr double kMaxPhi = 0.9;

// Initial states from the first two long cycles: a straight level line through their means, the
// long cycle's mean deviation from it (ratio when multiplicative) split into the short cycle's mean
// profile and the long cycle's remainder.
struct Start {
    double level = 0.0, slope = 0.0;
    std::vector<double> daily, weekly;
};

Start initialStates(const std::vector<double> &y, int p1, int p2, bool multiplicative, bool trend)
{
    const size_t m2 = size_t(p2), m1 = size_t(p1);
    double first = 0.0, second = 0.0;
    for (size_t i = 0; i < m2; ++i)
        first += y[i] / double(m2), second += y[m2 + i] / double(m2);
    Start s;
    s.slope = trend ? (second - first) / double(m2) : 0.0;
    const double centre = (first + second) / 2.0;
    const auto line = [&](double i) { return centre + (i - (double(m2) - 0.5)) * s.slope; };
    s.level = line(-1.0); // the level just before the first point
    std::vector<double> profile(m2, 0.0);
    for (size_t c = 0; c < 2; ++c)
        for (size_t j = 0; j < m2; ++j) {
            const double x = y[c * m2 + j], l = line(double(c * m2 + j));
            profile[j] += (multiplicative ? x / l : x - l) / 2.0;
        }
    s.daily.assign(m1, 0.0);
    const double days = double(m2 / m1);
    for (size_t j = 0; j < m2; ++j)
        s.daily[j % m1] += profile[j] / days;
    s.weekly.resize(m2);
    for (size_t j = 0; j < m2; ++j)
        s.weekly[j] = multiplicative ? profile[j] / s.daily[j % m1] : profile[j] - s.daily[j % m1];
    return s;
}

// One pass of the recursions over y from the initial states. Returns the final states, the last
// raw error and the sums that give phi and the AR-adjusted MSE; level is NaN when the states leave
// the admissible region (a non-positive multiplicative factor).
struct Pass {
    double level = 0.0, slope = 0.0, lastError = 0.0;
    double sumSq = 0.0, sumLag = 0.0, sumLagSq = 0.0; // sum e_i^2, sum e_i e_{i-1}, sum e_{i-1}^2
    std::vector<double> daily, weekly;
};

// One recursion step's seasonal updates, both numerators over both denominators at once (each
// lane the same IEEE operation as its scalar form).
using Pair = double __attribute__((vector_size(16)));

// The recursions with the model's form fixed at compile time and the state in registers. Without a
// trend (beta 0, slope starting at +0) the slope stays +0 and the level carries alone, so the level
// chain skips the slope; `t` is still updated as the general form does (beside the chain), and the
// caller reruns the general form when it leaves +0 (a non-finite level change) or when a level of
// zero was seen (where s + 0 and s differ in the sign of zero).
template <bool Multiplicative, bool Trend>
bool filterPass(const std::vector<double> &y, const Start &start, const DshwParameters &p, Pass &out,
                std::vector<double> &daily, std::vector<double> &weekly, size_t &dEnd, size_t &wEnd)
{
    const double alpha = p.alpha, beta = p.beta, gamma = p.gamma, omega = p.omega;
    const double alpha1 = 1.0 - alpha, beta1 = 1.0 - beta, gamma1 = 1.0 - gamma, omega1 = 1.0 - omega;
    double *const I0 = daily.data();
    double *const W0 = weekly.data();
    const size_t m1 = daily.size(), m2 = weekly.size(), n = y.size();
    const double *const x0 = y.data();
    double s = start.level, t = start.slope, previous = 0.0;
    double sumSq = 0.0, sumLag = 0.0, sumLagSq = 0.0;
    bool zeroLevel = s == 0.0;
    size_t d = 0, w = 0;
    for (size_t i = 0; i < n; ++i) {
        const double x = x0[i], I = I0[d], W = W0[w];
        const double base = Trend ? s + t : s;
        double e, sNew;
        if constexpr (Multiplicative) {
            e = x - base * I * W;
            sNew = alpha * x / (I * W) + alpha1 * base;
            const Pair q = Pair{gamma * x, omega * x} / Pair{sNew * W, sNew * I};
            I0[d] = q[0] + gamma1 * I;
            W0[w] = q[1] + omega1 * W;
        } else {
            e = x - base - I - W;
            sNew = alpha * (x - I - W) + alpha1 * base;
            I0[d] = gamma * (x - sNew - W) + gamma1 * I;
            W0[w] = omega * (x - sNew - I) + omega1 * W;
        }
        t = beta * (sNew - s) + beta1 * t;
        if constexpr (!Trend)
            zeroLevel |= sNew == 0.0;
        s = sNew;
        sumSq += e * e;
        sumLag += e * previous;
        sumLagSq += previous * previous;
        previous = e;
        d = d + 1 == m1 ? 0 : d + 1;
        w = w + 1 == m2 ? 0 : w + 1;
    }
    if constexpr (!Trend) {
        // the general form's base is s + t: equal to s only while t is +0 and s is not a zero
        if (zeroLevel || !(t == 0.0 && !std::signbit(t)))
            return false;
    }
    out.level = std::isfinite(s) && (!Multiplicative || s > 0.0) ? s : std::numeric_limits<double>::quiet_NaN();
    out.slope = t;
    out.lastError = previous;
    out.sumSq = sumSq, out.sumLag = sumLag, out.sumLagSq = sumLagSq;
    dEnd = d, wEnd = w;
    return true;
}

// One pass of the recursions over y from the initial states. Returns the final states, the last
// raw error and the sums that give phi and the AR-adjusted MSE; level is NaN when the states leave
// the admissible region (a non-positive multiplicative factor).
Pass runFilter(const std::vector<double> &y, const Start &start, const DshwParameters &p, bool multiplicative,
               bool keepStates)
{
    Pass out;
    std::vector<double> daily = start.daily, weekly = start.weekly;
    size_t d = 0, w = 0;
    // no trend: beta 0 and a slope of +0 (initialStates); the shortcut holds only then
    const bool flat = p.beta == 0.0 && start.slope == 0.0 && !std::signbit(start.slope);
    bool done = false;
    if (flat)
        done = multiplicative ? filterPass<true, false>(y, start, p, out, daily, weekly, d, w)
                              : filterPass<false, false>(y, start, p, out, daily, weekly, d, w);
    if (!done) {
        daily = start.daily, weekly = start.weekly;
        if (multiplicative)
            filterPass<true, true>(y, start, p, out, daily, weekly, d, w);
        else
            filterPass<false, true>(y, start, p, out, daily, weekly, d, w);
    }
    if (keepStates) {
        // rotate so that index k is the phase of step k + 1 ahead
        std::rotate(daily.begin(), daily.begin() + std::ptrdiff_t(d), daily.end());
        std::rotate(weekly.begin(), weekly.begin() + std::ptrdiff_t(w), weekly.end());
        out.daily = std::move(daily);
        out.weekly = std::move(weekly);
    }
    return out;
}

double bestPhi(const Pass &r)
{
    return r.sumLagSq > 0.0 ? std::clamp(r.sumLag / r.sumLagSq, 0.0, kMaxPhi) : 0.0;
}

double adjustedMse(const Pass &r, double phi, size_t n)
{
    return (r.sumSq - 2.0 * phi * r.sumLag + phi * phi * r.sumLagSq) / double(n);
}

} // namespace

std::optional<DshwModel> fitDshw(const std::vector<double> &y, int period1, int period2, const DshwOptions &options)
{
    if (period1 > period2)
        std::swap(period1, period2);
    if (period1 < 2 || period2 <= period1 || period2 % period1 != 0 || y.size() < 2 * size_t(period2))
        return std::nullopt;
    if (!std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); }))
        return std::nullopt;
    bool multiplicative = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    Start start = initialStates(y, period1, period2, multiplicative, options.trend);
    const auto positive = [](const std::vector<double> &v) {
        return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x) && x > 0.0; });
    };
    if (multiplicative && !(start.level > 0.0 && positive(start.daily) && positive(start.weekly))) {
        multiplicative = false; // a trend line crossing zero: seasonal ratios would flip sign
        start = initialStates(y, period1, period2, false, options.trend);
    }
    const auto unpack = [&](const std::vector<double> &x) {
        DshwParameters p;
        p.alpha = x[0], p.gamma = x[1], p.omega = x[2];
        p.beta = options.trend ? x[3] : 0.0;
        return p;
    };
    const auto objective = [&](const std::vector<double> &x) {
        for (double v : x)
            if (!(v >= 0.0 && v <= kMaxSmoothing))
                return std::numeric_limits<double>::infinity();
        const Pass r = runFilter(y, start, unpack(x), multiplicative, false);
        const double mse = adjustedMse(r, bestPhi(r), y.size());
        return std::isfinite(r.level) && std::isfinite(mse) ? mse : std::numeric_limits<double>::infinity();
    };
    const DshwParameters from = options.start.value_or(DshwParameters{});
    std::vector<double> x0{from.alpha, from.gamma, from.omega};
    if (options.trend)
        x0.push_back(from.beta);
    NelderMeadOptions nm;
    nm.maxEvaluations = std::max(1, options.maxEvaluations);
    nm.initialStep = 0.05;
    nm.relativeTolerance = 1e-6;
    const NelderMeadResult best = nelderMead(objective, x0, nm);
    if (!std::isfinite(best.value))
        return std::nullopt;

    DshwModel m;
    m.period1 = period1;
    m.period2 = period2;
    m.multiplicative = multiplicative;
    m.trend = options.trend;
    m.parameters = unpack(best.x);
    Pass r = runFilter(y, start, m.parameters, multiplicative, true);
    m.parameters.phi = bestPhi(r);
    m.mse = adjustedMse(r, m.parameters.phi, y.size());
    m.level = r.level;
    m.slope = r.slope;
    m.daily = std::move(r.daily);
    m.weekly = std::move(r.weekly);
    m.lastError = r.lastError;
    return m;
}

Prediction forecastDshw(const DshwModel &model, int horizon, double levelPercent)
{
    Prediction out;
    const DshwParameters &p = model.parameters;
    const double z = intervalZ(levelPercent), sigma = std::sqrt(std::max(model.mse, 0.0));
    const size_t m1 = model.daily.size(), m2 = model.weekly.size();
    double ar = model.lastError, variance = 0.0;
    for (int k = 1; k <= horizon; ++k) {
        ar *= p.phi;
        const double base = model.level + double(k) * model.slope;
        const double I = model.daily[size_t(k - 1) % m1], W = model.weekly[size_t(k - 1) % m2];
        const double mean = (model.multiplicative ? base * I * W : base + I + W) + ar;
        // additive Holt-Winters variance: one-step variance plus the propagated smoothing of each
        // earlier step j (level, trend, and the seasons whose phase comes round again)
        const int j = k - 1;
        const double c = j == 0 ? 0.0
                                : p.alpha * (1.0 + double(j) * p.beta) + (j % model.period1 == 0 ? p.gamma : 0.0) +
                                      (j % model.period2 == 0 ? p.omega : 0.0);
        variance += c * c;
        const double half = z * sigma * std::sqrt(1.0 + variance);
        out.mean.push_back(mean);
        out.lower.push_back(mean - half);
        out.upper.push_back(mean + half);
    }
    return out;
}

} // namespace headroom::forecast
