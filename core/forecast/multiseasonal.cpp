#include "core/forecast/multiseasonal.h"

#include "core/forecast/decomposition.h"
#include "core/forecast/theta.h"

#include <algorithm>
#include <cmath>

namespace headroom::forecast {

namespace {

constexpr int kKeptCycles = 8;      // history used: the last cycles of the longest season
constexpr double kProfileDecay = 0.3; // weight of a cycle relative to the next in the seasonal profiles

// Simple exponential smoothing of the adjusted series: the smoothing weight with the smallest
// one-step squared error on a grid (the interval is calibrated from backtests afterwards).
Prediction smoothedLevel(const std::vector<double> &x, int horizon, double level)
{
    double bestSse = -1.0, bestLevel = x.back(), bestAlpha = 1.0;
    for (double alpha : {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9}) {
        double l = x.front(), sse = 0.0;
        for (double v : x) {
            sse += (v - l) * (v - l);
            l += alpha * (v - l);
        }
        if (bestSse < 0.0 || sse < bestSse)
            bestSse = sse, bestLevel = l, bestAlpha = alpha;
    }
    const double sigma = std::sqrt(bestSse / double(x.size())), z = intervalZ(level);
    Prediction p;
    for (int k = 0; k < horizon; ++k) {
        const double half = z * sigma * std::sqrt(1.0 + k * bestAlpha * bestAlpha);
        p.mean.push_back(bestLevel);
        p.lower.push_back(bestLevel - half);
        p.upper.push_back(bestLevel + half);
    }
    return p;
}

// Seasonal profiles from the recent cycles, the level of the recent adjusted series (two of the
// shortest cycles, at least 500 points), and the profiles added back.
Prediction mstlLevel(const std::vector<double> &h, const std::vector<int> &periods, int horizon, double level)
{
    const MultiSeasonal d = decomposeMultiSeasonal(h, periods, 2, 6, kProfileDecay);
    const int minPeriod = d.periods.empty() ? 1 : d.periods.front();
    const size_t window = std::min(h.size(), size_t(std::max(500, 2 * minPeriod)));
    const std::vector<double> tail(d.adjusted.end() - std::ptrdiff_t(window), d.adjusted.end());
    Prediction p = smoothedLevel(tail, horizon, level);
    const size_t n = h.size();
    for (int k = 0; k < horizon; ++k) {
        double s = 0.0;
        for (size_t j = 0; j < d.periods.size(); ++j)
            s += d.profiles[j][(n + k) % d.periods[j]];
        p.mean[k] += s, p.lower[k] += s, p.upper[k] += s;
    }
    return p;
}

double quantileOf(std::vector<double> &v, double q)
{
    if (v.empty())
        return 0.0;
    // conformal rank: the ceil(q (n + 1))-th smallest, capped at the largest
    const auto k = std::min<std::ptrdiff_t>(std::ptrdiff_t(std::ceil(q * double(v.size() + 1))) - 1,
                                            std::ptrdiff_t(v.size()) - 1);
    const auto at = v.begin() + std::max<std::ptrdiff_t>(k, 0);
    std::nth_element(v.begin(), at, v.end());
    return *at;
}

} // namespace

Prediction recentCyclesForecast(const std::vector<double> &y, int period, int horizon, double levelPercent,
                                int cycles, double decay)
{
    const int n = static_cast<int>(y.size());
    if (period < 1 || n < period || n < 2)
        return seasonalNaive(y, 1, horizon, levelPercent);
    const int count = std::max(1, std::min(cycles, n / period));
    std::vector<double> means(count, 0.0);
    for (int j = 0; j < count; ++j) {
        for (int i = n - (j + 1) * period; i < n - j * period; ++i)
            means[j] += y[i];
        means[j] /= period;
    }
    std::vector<double> shape(period, 0.0);
    double total = 0.0, w = 1.0;
    for (int j = 0; j < count; ++j, w *= decay) {
        const int start = n - (j + 1) * period;
        for (int p = 0; p < period; ++p)
            shape[p] += w * (y[start + p] - means[j]);
        total += w;
    }
    // seasonal naive spread: one-cycle-ahead changes over the data
    double sumSq = 0.0;
    for (int t = period; t < n; ++t)
        sumSq += (y[t] - y[t - period]) * (y[t] - y[t - period]);
    const double sigma = n > period ? std::sqrt(sumSq / (n - period)) : 0.0;
    const double z = intervalZ(levelPercent);
    Prediction out;
    for (int k = 0; k < horizon; ++k) {
        const double mean = means[0] + shape[k % period] / total;
        const double half = z * sigma * std::sqrt(1.0 + k / period);
        out.mean.push_back(mean);
        out.lower.push_back(mean - half);
        out.upper.push_back(mean + half);
    }
    return out;
}

void calibrateInterval(Prediction &p, const std::vector<std::vector<double>> &errors, double levelPercent,
                       int window)
{
    size_t steps = 0;
    for (const auto &e : errors)
        steps = std::max(steps, e.size());
    if (steps == 0)
        return;
    const double q = levelPercent / 100.0;
    std::vector<double> half(steps, 0.0), pool;
    for (size_t k = 0; k < steps; ++k) {
        pool.clear();
        const size_t from = k > size_t(window) ? k - window : 0, to = std::min(steps, k + window + 1);
        for (const auto &e : errors)
            for (size_t j = from; j < to && j < e.size(); ++j)
                pool.push_back(std::abs(e[j]));
        half[k] = quantileOf(pool, q);
    }
    for (size_t k = 0; k < p.mean.size(); ++k) {
        const double h = k < steps ? half[k] : half.back() * std::sqrt(double(k + 1) / double(steps));
        p.lower[k] = p.mean[k] - h;
        p.upper[k] = p.mean[k] + h;
    }
}

MultiSeasonalResult forecastMultiSeasonal(const std::vector<double> &full, int horizon,
                                          const MultiSeasonalOptions &options)
{
    std::vector<int> periods = options.periods;
    std::sort(periods.begin(), periods.end());
    const int maxPeriod = periods.empty() ? 1 : periods.back();
    const int minPeriod = periods.empty() ? 1 : periods.front();
    const size_t keep = std::min(full.size(), size_t(kKeptCycles) * size_t(maxPeriod));
    const std::vector<double> y(full.end() - std::ptrdiff_t(keep), full.end());
    const int n = static_cast<int>(y.size());
    const double level = options.level;

    struct Candidate {
        QString name;
        Forecaster run;
    };
    const auto naivePeriod = [maxPeriod](const std::vector<double> &h) {
        return maxPeriod < int(h.size()) ? maxPeriod : 1;
    };
    const std::vector<Candidate> models{
        {QStringLiteral("MSTL+SES"),
         [&periods](const std::vector<double> &h, int H, double lv) { return mstlLevel(h, periods, H, lv); }},
        {QStringLiteral("RecentCycles"),
         [&](const std::vector<double> &h, int H, double lv) {
             return recentCyclesForecast(h, naivePeriod(h), H, lv);
         }},
        {QStringLiteral("SeasonalNaive"),
         [&](const std::vector<double> &h, int H, double lv) { return seasonalNaive(h, naivePeriod(h), H, lv); }},
    };
    const QString combName = QStringLiteral("Combination (MSTL+SES + RecentCycles)");

    // Origins one shortest cycle apart (at least a quarter of the horizon), so that the errors
    // behind the interval cover every time of day.
    BacktestPlan plan;
    plan.horizon = std::min(horizon, std::max(1, n / 4));
    const int stride = std::max({1, minPeriod, plan.horizon / 4});
    for (int i = 0; i < options.origins; ++i) {
        const int cut = n - plan.horizon - i * stride;
        if (cut < 2 * maxPeriod + 2)
            break;
        plan.cuts.push_back(cut);
    }
    std::vector<std::vector<Prediction>> bt;
    std::vector<Backtest> scores;
    for (const Candidate &c : models) {
        bt.push_back(backtestPredictions(y, plan, c.run, level));
        scores.push_back(scoreBacktest(y, plan, bt.back(), minPeriod));
    }
    std::vector<Prediction> comb;
    for (size_t i = 0; i < bt[0].size(); ++i)
        comb.push_back(averagePredictions({bt[0][i], bt[1][i]}));
    scores.push_back(scoreBacktest(y, plan, comb, minPeriod));
    bt.push_back(std::move(comb));

    // The combination, unless a single candidate backtests clearly better (20 % lower MASE, as for
    // monthly data: a short backtest is a noisy judge) or is forced.
    int pick = 3;
    for (int i = 0; i < 3; ++i)
        if (options.only.isEmpty() ? std::isfinite(scores[i].mase) && !(scores[i].mase >= 0.8 * scores[pick].mase)
                                   : options.only == models[i].name)
            pick = i;
    MultiSeasonalResult out;
    if (pick == 3) {
        out.prediction = averagePredictions({models[0].run(y, horizon, level), models[1].run(y, horizon, level)});
        out.method = combName;
    } else {
        out.prediction = models[pick].run(y, horizon, level);
        out.method = models[pick].name;
    }
    out.backtest = scores[pick];
    std::vector<std::vector<double>> errors;
    for (size_t i = 0; i < plan.cuts.size(); ++i) {
        std::vector<double> e(plan.horizon);
        for (int k = 0; k < plan.horizon; ++k)
            e[k] = y[plan.cuts[i] + k] - bt[pick][i].mean[k];
        errors.push_back(std::move(e));
    }
    calibrateInterval(out.prediction, errors, level, std::max(1, minPeriod / 8));
    return out;
}

} // namespace headroom::forecast
