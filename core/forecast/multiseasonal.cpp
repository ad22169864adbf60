#include "core/forecast/multiseasonal.h"

#include "core/forecast/decomposition.h"
#include "core/forecast/ets.h"
#include "core/forecast/stl.h"
#include "core/forecast/theta.h"

#include <QStringList>

#include <algorithm>
#include <list>
#include <cmath>
#include <memory>
#include <optional>

namespace headroom::forecast {

namespace {

constexpr int kKeptCycles = 12;      // history used: the last cycles of the longest season,
constexpr int kMinKeptCycles = 8;    // but no more than kMaxKeptPoints unless that leaves fewer cycles
constexpr size_t kMaxKeptPoints = 16'128; // 8 weeks of 5-minute samples
constexpr size_t kDefaultPick = 4;   // the first combination, when no backtest is possible

// Seasonally adjusted forecasts on MSTL (STL per season with R's windows), re-seasonalised with
// the last cycle of the summed seasonal components, as forecast::stlf() does:
//  - Ets: a non-seasonal ETS (additive error, chosen by AICc on the first call and refitted from
//    there on later, backtest, histories) on the adjusted tail (kEtsTail points or two shortest cycles);
//  - CycleLevel: a flat level, the mean of the adjusted series over the last longest cycle: the
//    level a forecast a whole cycle ahead needs, less noisy than the last point's.
constexpr size_t kEtsTail = 500;
constexpr int kRefitEvaluations = 200; // later fits start from the first one's optimum

// MSTL of the histories of one forecast (the series and its backtest prefixes, so the length
// identifies them), shared by the STL candidates: the adjusted series and the summed seasonal
// components of the last longest cycle.
struct Adjusted {
    size_t n = 0;
    std::vector<int> periods;
    std::vector<double> adjusted;
    std::vector<double> lastCycle;
};

class MstlCache {
public:
    explicit MstlCache(std::vector<int> periods) : periods_(std::move(periods)) {}

    const Adjusted &of(const std::vector<double> &h)
    {
        for (const Adjusted &a : entries_)
            if (a.n == h.size())
                return a;
        MstlDecomposition d = mstl(h, periods_);
        Adjusted a;
        a.n = h.size();
        a.periods = d.periods;
        a.adjusted = std::move(d.adjusted);
        const size_t m = d.periods.empty() ? 0 : size_t(d.periods.back());
        a.lastCycle.assign(m, 0.0);
        for (size_t k = 0; k < m; ++k)
            for (const auto &component : d.seasonals)
                a.lastCycle[k] += component[a.n - m + k];
        entries_.push_back(std::move(a));
        return entries_.back();
    }

private:
    std::vector<int> periods_;
    std::list<Adjusted> entries_;
};

class StlLevel {
public:
    enum class Mode { Ets, CycleLevel };
    StlLevel(std::shared_ptr<MstlCache> cache, Mode mode) : cache_(std::move(cache)), mode_(mode) {}

    Prediction operator()(const std::vector<double> &h, int horizon, double level)
    {
        const Adjusted &d = cache_->of(h);
        const int m = int(d.lastCycle.size());
        Prediction p = mode_ == Mode::Ets ? etsForecast(d, horizon, level) : cycleLevel(d, m, horizon, level);
        for (int k = 0; k < horizon && m > 0; ++k) {
            // the seasonal of the same phase in the last cycle
            const double s = d.lastCycle[size_t(k % m)];
            p.mean[k] += s, p.lower[k] += s, p.upper[k] += s;
        }
        return p;
    }

private:
    Prediction etsForecast(const Adjusted &d, int horizon, double level)
    {
        const size_t n = d.adjusted.size();
        const size_t shortest = size_t(d.periods.empty() ? 1 : d.periods.front());
        const size_t tailSize = std::min(n, std::max(kEtsTail, 2 * shortest));
        const std::vector<double> tail(d.adjusted.end() - std::ptrdiff_t(tailSize), d.adjusted.end());
        std::optional<EtsModel> fit;
        if (first_)
            fit = refitEts(tail, *first_, kRefitEvaluations);
        if (!fit) {
            AutoEtsOptions o;
            o.allowSeasonal = false;
            o.allowMultiplicative = false; // analytic intervals; the level is far from zero anyway
            o.finalists = 1;               // long adjusted tails: a short fit ranks the classes well
            fit = autoEts(tail, 1, o);
            if (fit)
                first_ = fit;
        }
        return fit ? forecastEts(*fit, horizon, level) : seasonalNaive(tail, 1, horizon, level);
    }

    static Prediction cycleLevel(const Adjusted &d, int m, int horizon, double level)
    {
        const size_t n = d.adjusted.size(), w = std::min(n, size_t(std::max(1, m)));
        double mean = 0.0, sumSq = 0.0;
        for (size_t i = n - w; i < n; ++i)
            mean += d.adjusted[i] / double(w);
        // spread: changes of the adjusted series over one cycle (as seasonal naive's)
        for (size_t i = w; i < n; ++i)
            sumSq += (d.adjusted[i] - d.adjusted[i - w]) * (d.adjusted[i] - d.adjusted[i - w]);
        const double half = intervalZ(level) * (n > w ? std::sqrt(sumSq / double(n - w)) : 0.0);
        Prediction p;
        p.mean.assign(size_t(horizon), mean);
        p.lower.assign(size_t(horizon), mean - half);
        p.upper.assign(size_t(horizon), mean + half);
        return p;
    }

    std::shared_ptr<MstlCache> cache_;
    Mode mode_;
    std::optional<EtsModel> first_;
};

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
    const size_t cycles = std::clamp(kMaxKeptPoints / size_t(maxPeriod), size_t(kMinKeptCycles), size_t(kKeptCycles));
    const size_t keep = std::min(full.size(), cycles * size_t(maxPeriod));
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
    const auto cache = std::make_shared<MstlCache>(periods);
    auto stlEts = std::make_shared<StlLevel>(cache, StlLevel::Mode::Ets);
    auto stlCycle = std::make_shared<StlLevel>(cache, StlLevel::Mode::CycleLevel);
    const std::vector<Candidate> models{
        {QStringLiteral("STL+ETS"),
         [stlEts](const std::vector<double> &h, int H, double lv) { return (*stlEts)(h, H, lv); }},
        {QStringLiteral("STL+CycleLevel"),
         [stlCycle](const std::vector<double> &h, int H, double lv) { return (*stlCycle)(h, H, lv); }},
        {QStringLiteral("RecentCycles"),
         [&](const std::vector<double> &h, int H, double lv) {
             return recentCyclesForecast(h, naivePeriod(h), H, lv);
         }},
        {QStringLiteral("SeasonalNaive"),
         [&](const std::vector<double> &h, int H, double lv) { return seasonalNaive(h, naivePeriod(h), H, lv); }},
    };
    const std::vector<std::vector<int>> combinations{{0, 1}, {0, 1, 3}, {0, 2}, {0, 3}, {1, 2}, {1, 3}};
    const auto nameOf = [&](size_t i) {
        if (i < models.size())
            return models[i].name;
        QStringList parts;
        for (int m : combinations[i - models.size()])
            parts << models[m].name;
        return QStringLiteral("Combination (%1)").arg(parts.join(QStringLiteral(" + ")));
    };

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
    for (const auto &members : combinations) {
        std::vector<Prediction> comb;
        for (size_t i = 0; i < plan.cuts.size(); ++i) {
            std::vector<Prediction> parts;
            for (int m : members)
                parts.push_back(bt[m][i]);
            comb.push_back(averagePredictions(parts));
        }
        scores.push_back(scoreBacktest(y, plan, comb, minPeriod));
        bt.push_back(std::move(comb));
    }

    // The default combination (STL+ETS and STL+CycleLevel: the first reacts to the latest level,
    // the second averages a whole cycle), unless a candidate backtests clearly better (20 % lower
    // MASE: a short backtest is a noisy judge), or the forced candidate (a combination by the
    // start of its name).
    size_t pick = kDefaultPick;
    for (size_t i = 0; i < bt.size(); ++i) {
        if (!options.only.isEmpty()) {
            if (nameOf(i) == options.only || (i >= models.size() && nameOf(i).startsWith(options.only))) {
                pick = i;
                break;
            }
            continue;
        }
        const bool clearlyBetter = std::isfinite(scores[i].mase) &&
                                   scores[i].mase < 0.8 * scores[kDefaultPick].mase &&
                                   !(scores[i].mase >= scores[pick].mase);
        if (clearlyBetter)
            pick = i;
    }
    MultiSeasonalResult out;
    std::vector<Prediction> finals(models.size());
    const auto finalOf = [&](size_t m) -> const Prediction & {
        if (finals[m].mean.empty())
            finals[m] = models[m].run(y, horizon, level);
        return finals[m];
    };
    if (pick < models.size()) {
        out.prediction = finalOf(pick);
    } else {
        std::vector<Prediction> parts;
        for (int m : combinations[pick - models.size()])
            parts.push_back(finalOf(size_t(m)));
        out.prediction = averagePredictions(parts);
    }
    out.method = nameOf(pick);
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
