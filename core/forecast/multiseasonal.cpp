#include "core/forecast/multiseasonal.h"

#include "core/forecast/decomposition.h"
#include "core/forecast/dshw.h"
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

// Seasonally adjusted forecasts on MSTL (STL per season with R's windows), re-seasonalised with
// the last cycle of the summed seasonal components, as forecast::stlf() does:
//  - Ets: a non-seasonal ETS (additive error, chosen by AICc on the first call and refitted from
//    there on later, backtest, histories) on the adjusted tail (kEtsTail points or two shortest cycles);
//  - CycleLevel: a flat level, the mean of the adjusted series over the last longest cycle: the
//    level a forecast a whole cycle ahead needs, less noisy than the last point's.
constexpr size_t kEtsTail = 500;
constexpr int kRefitEvaluations = 200; // later fits start from the first one's optimum
// DSHW refits (backtest prefixes a week apart, then the series) from the first fit's optimum: 50
// evaluations keep taylor's accuracy (sMAPE 1.069 / 0.908, coverage 97.9 % / 97.3 % on the last
// week / 6 origins, as with 100) and a year of 5-minute samples with 6 origins fast.
constexpr int kDshwRefitEvaluations = 50;

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

// Double-seasonal Holt-Winters on the shortest and longest season (when they nest): the first fit
// gets the full optimiser budget, later ones (backtest prefixes, then the series) start from its optimum.
class DshwCandidate {
public:
    DshwCandidate(int period1, int period2) : p1_(period1), p2_(period2) {}

    Prediction operator()(const std::vector<double> &h, int horizon, double level)
    {
        DshwOptions o;
        o.trend = false;
        if (first_) {
            o.start = first_->parameters;
            o.maxEvaluations = kDshwRefitEvaluations;
        }
        const std::optional<DshwModel> fit = fitDshw(h, p1_, p2_, o);
        if (fit && !first_)
            first_ = fit;
        return fit ? forecastDshw(*fit, horizon, level)
                   : seasonalNaive(h, p2_ < int(h.size()) ? p2_ : 1, horizon, level);
    }

private:
    int p1_, p2_;
    std::optional<DshwModel> first_;
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

// Candidates by index: the single models, then their means. DSHW exists only where the seasons nest.
constexpr size_t kStlCandidates = 4; // STL+ETS, STL+CycleLevel, RecentCycles, SeasonalNaive
constexpr size_t kDshwIndex = 4;
using Blend = std::vector<int>;

std::vector<Blend> candidateBlends(const std::vector<int> &sortedPeriods)
{
    std::vector<Blend> blends{{0}, {1}, {2}, {3}};
    const bool dshw = nestedSeasons(sortedPeriods).has_value();
    if (dshw)
        blends.push_back({4});
    for (Blend b : {Blend{0, 1}, Blend{0, 1, 3}, Blend{0, 2}, Blend{0, 3}, Blend{1, 2}, Blend{1, 3}})
        blends.push_back(b);
    if (dshw)
        for (Blend b : {Blend{0, 4}, Blend{1, 4}, Blend{3, 4}, Blend{0, 1, 4}})
            blends.push_back(b);
    return blends;
}

// Origins a longest cycle apart where all of them fit (forecasts from the same phase of the week as
// the real one, spread over several weeks, so that one unusual week does not decide), otherwise one
// shortest cycle apart (at least a quarter of the horizon), so that the errors behind the interval
// cover every time of day.
BacktestPlan planOrigins(int n, int horizon, int origins, int minPeriod, int maxPeriod)
{
    BacktestPlan plan;
    plan.horizon = std::min(horizon, std::max(1, n / 4));
    const int minTrain = 2 * maxPeriod + 2;
    const bool weekly = n - plan.horizon - (origins - 1) * maxPeriod >= minTrain;
    const int stride = weekly ? maxPeriod : std::max({1, minPeriod, plan.horizon / 4});
    for (int i = 0; i < origins; ++i) {
        const int cut = n - plan.horizon - i * stride;
        if (cut < minTrain)
            break;
        plan.cuts.push_back(cut);
    }
    return plan;
}

} // namespace

std::optional<std::pair<int, int>> nestedSeasons(const std::vector<int> &periods)
{
    if (periods.empty())
        return std::nullopt;
    const int shortest = *std::min_element(periods.begin(), periods.end());
    std::optional<int> partner;
    for (int p : periods)
        if (shortest >= 2 && p > shortest && p % shortest == 0 && (!partner || p < *partner))
            partner = p;
    if (!partner)
        return std::nullopt;
    return std::make_pair(shortest, *partner);
}

QStringList multiSeasonalCandidates(const std::vector<int> &periods)
{
    std::vector<int> sorted = periods;
    std::sort(sorted.begin(), sorted.end());
    const QStringList models{QStringLiteral("STL+ETS"), QStringLiteral("STL+CycleLevel"),
                             QStringLiteral("RecentCycles"), QStringLiteral("SeasonalNaive"), QStringLiteral("DSHW")};
    QStringList names;
    for (const auto &blend : candidateBlends(sorted)) {
        QStringList parts;
        for (int m : blend)
            parts << models[m];
        names << (parts.size() == 1 ? parts.front()
                                    : QStringLiteral("Combination (%1)").arg(parts.join(QStringLiteral(" + "))));
    }
    return names;
}

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

    const auto naivePeriod = [maxPeriod](const std::vector<double> &h) {
        return maxPeriod < int(h.size()) ? maxPeriod : 1;
    };
    const auto cache = std::make_shared<MstlCache>(periods);
    auto stlEts = std::make_shared<StlLevel>(cache, StlLevel::Mode::Ets);
    auto stlCycle = std::make_shared<StlLevel>(cache, StlLevel::Mode::CycleLevel);
    std::vector<Forecaster> runs{
        [stlEts](const std::vector<double> &h, int H, double lv) { return (*stlEts)(h, H, lv); },
        [stlCycle](const std::vector<double> &h, int H, double lv) { return (*stlCycle)(h, H, lv); },
        [&](const std::vector<double> &h, int H, double lv) { return recentCyclesForecast(h, naivePeriod(h), H, lv); },
        [&](const std::vector<double> &h, int H, double lv) { return seasonalNaive(h, naivePeriod(h), H, lv); },
    };
    if (const auto pair = nestedSeasons(periods)) {
        auto dshw = std::make_shared<DshwCandidate>(pair->first, pair->second);
        runs.push_back([dshw](const std::vector<double> &h, int H, double lv) { return (*dshw)(h, H, lv); });
    }
    const std::vector<Blend> blends = candidateBlends(periods);
    const QStringList names = multiSeasonalCandidates(periods);

    const BacktestPlan plan = planOrigins(n, horizon, options.origins, minPeriod, maxPeriod);
    std::vector<std::vector<Prediction>> bt;
    std::vector<Backtest> scores;
    for (const Forecaster &run : runs) {
        bt.push_back(backtestPredictions(y, plan, run, level));
        scores.push_back(scoreBacktest(y, plan, bt.back(), minPeriod));
    }
    for (size_t b = runs.size(); b < blends.size(); ++b) {
        std::vector<Prediction> comb;
        for (size_t i = 0; i < plan.cuts.size(); ++i) {
            std::vector<Prediction> parts;
            for (int m : blends[b])
                parts.push_back(bt[size_t(m)][i]);
            comb.push_back(averagePredictions(parts));
        }
        scores.push_back(scoreBacktest(y, plan, comb, minPeriod));
        bt.push_back(std::move(comb));
    }

    // The default (DSHW where the seasons nest, otherwise the mean of the two STL candidates),
    // unless a candidate backtests clearly better (20 % lower MASE: a short backtest is a noisy
    // judge), or the forced candidate (a combination by the start of its name).
    const size_t byDefault = runs.size() > kStlCandidates ? kDshwIndex : kStlCandidates;
    size_t pick = byDefault;
    for (size_t i = 0; i < blends.size(); ++i) {
        if (!options.only.isEmpty()) {
            if (names[qsizetype(i)] == options.only || (i >= runs.size() && names[qsizetype(i)].startsWith(options.only))) {
                pick = i;
                break;
            }
            continue;
        }
        const bool clearlyBetter = std::isfinite(scores[i].mase) && scores[i].mase < 0.8 * scores[byDefault].mase &&
                                   !(scores[i].mase >= scores[pick].mase);
        if (clearlyBetter)
            pick = i;
    }
    MultiSeasonalResult out;
    std::vector<Prediction> parts;
    for (int m : blends[pick])
        parts.push_back(runs[size_t(m)](y, horizon, level));
    out.prediction = parts.size() == 1 ? std::move(parts.front()) : averagePredictions(parts);
    out.method = names[qsizetype(pick)];
    out.backtest = scores[pick];
    std::vector<std::vector<double>> errors;
    for (size_t i = 0; i < plan.cuts.size(); ++i) {
        std::vector<double> e(size_t(plan.horizon));
        for (int k = 0; k < plan.horizon; ++k)
            e[size_t(k)] = y[size_t(plan.cuts[i] + k)] - bt[pick][i].mean[size_t(k)];
        errors.push_back(std::move(e));
    }
    const int window = std::max(1, minPeriod / 8);
    calibrateInterval(out.prediction, errors, level, window);
    // The interval shipped is calibrated on the backtest errors, so its coverage is measured by
    // leaving each origin out: calibrate on the others, count the held-out actuals inside.
    if (errors.size() >= 2) {
        double inside = 0, points = 0;
        for (size_t i = 0; i < errors.size(); ++i) {
            std::vector<std::vector<double>> others;
            for (size_t j = 0; j < errors.size(); ++j)
                if (j != i)
                    others.push_back(errors[j]);
            Prediction band{std::vector<double>(errors[i].size(), 0.0), std::vector<double>(errors[i].size()),
                            std::vector<double>(errors[i].size())};
            calibrateInterval(band, others, level, window);
            for (size_t k = 0; k < errors[i].size(); ++k, ++points)
                inside += errors[i][k] >= band.lower[k] && errors[i][k] <= band.upper[k] ? 1 : 0;
        }
        out.backtest.coverage = inside / points;
    }
    return out;
}

} // namespace headroom::forecast
