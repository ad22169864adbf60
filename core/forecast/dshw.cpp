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

Pass runFilter(const std::vector<double> &y, const Start &start, const DshwParameters &p, bool multiplicative,
               bool keepStates)
{
    Pass out;
    std::vector<double> daily = start.daily, weekly = start.weekly;
    const size_t m1 = daily.size(), m2 = weekly.size();
    double s = start.level, t = start.slope, previous = 0.0;
    size_t d = 0, w = 0;
    for (size_t i = 0; i < y.size(); ++i) {
        const double x = y[i], I = daily[d], W = weekly[w], base = s + t;
        double e, sNew;
        if (multiplicative) {
            e = x - base * I * W;
            sNew = p.alpha * x / (I * W) + (1.0 - p.alpha) * base;
            daily[d] = p.gamma * x / (sNew * W) + (1.0 - p.gamma) * I;
            weekly[w] = p.omega * x / (sNew * I) + (1.0 - p.omega) * W;
        } else {
            e = x - base - I - W;
            sNew = p.alpha * (x - I - W) + (1.0 - p.alpha) * base;
            daily[d] = p.gamma * (x - sNew - W) + (1.0 - p.gamma) * I;
            weekly[w] = p.omega * (x - sNew - I) + (1.0 - p.omega) * W;
        }
        t = p.beta * (sNew - s) + (1.0 - p.beta) * t;
        s = sNew;
        out.sumSq += e * e;
        out.sumLag += e * previous;
        out.sumLagSq += previous * previous;
        previous = e;
        d = d + 1 == m1 ? 0 : d + 1;
        w = w + 1 == m2 ? 0 : w + 1;
    }
    out.level = std::isfinite(s) && (!multiplicative || s > 0.0) ? s : std::numeric_limits<double>::quiet_NaN();
    out.slope = t;
    out.lastError = previous;
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
