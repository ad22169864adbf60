#include "core/forecast/ets.h"

#include "core/forecast/decomposition.h"
#include "core/forecast/neldermead.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace headroom::forecast {

QString EtsSpec::name() const
{
    const QString e = error == EtsError::Additive ? QStringLiteral("A") : QStringLiteral("M");
    const QString t = trend == EtsTrend::None ? QStringLiteral("N")
                      : trend == EtsTrend::Additive ? QStringLiteral("A")
                                                    : QStringLiteral("Ad");
    const QString s = season == EtsSeason::None ? QStringLiteral("N")
                      : season == EtsSeason::Additive ? QStringLiteral("A")
                                                      : QStringLiteral("M");
    return QStringLiteral("ETS(%1,%2,%3)").arg(e, t, s);
}

namespace {

constexpr double kInfeasible = 1e12;

struct Params {
    double alpha = 0.0, beta = 0.0, gamma = 0.0, phi = 1.0;
};

struct State {
    double l = 0.0, b = 0.0;
    std::vector<double> s; ///< by phase; s[t mod m] is the seasonal used at time t
};

struct Layout {
    bool trend = false, damped = false, season = false, multSeason = false, multError = false;
    int m = 1;
    int smoothing() const { return 1 + int(trend) + int(season) + int(damped); }
    int states() const { return 1 + int(trend) + (season ? m - 1 : 0); }
    int size() const { return smoothing() + states(); }
};

Layout layoutOf(const EtsSpec &spec, int period)
{
    Layout L;
    L.trend = spec.trend != EtsTrend::None;
    L.damped = spec.trend == EtsTrend::Damped;
    L.season = spec.season != EtsSeason::None;
    L.multSeason = spec.season == EtsSeason::Multiplicative;
    L.multError = spec.error == EtsError::Multiplicative;
    L.m = L.season ? period : 1;
    return L;
}

// Splits the optimiser's vector into parameters and initial states; false outside the usual
// region (0 < beta < alpha < 1, 0 < gamma < 1 - alpha, 0.8 <= phi <= 0.98, positive seasonals).
bool decode(const Layout &L, const std::vector<double> &x, Params &p, State &st)
{
    int i = 0;
    p.alpha = x[i++];
    p.beta = L.trend ? x[i++] : 0.0;
    p.gamma = L.season ? x[i++] : 0.0;
    p.phi = L.damped ? x[i++] : 1.0;
    if (p.alpha < 1e-4 || p.alpha > 0.9999)
        return false;
    if (L.trend && (p.beta < 1e-4 || p.beta > p.alpha))
        return false;
    if (L.season && (p.gamma < 1e-4 || p.gamma > 1.0 - p.alpha))
        return false;
    if (L.damped && (p.phi < 0.8 || p.phi > 0.98))
        return false;
    st.l = x[i++];
    st.b = L.trend ? x[i++] : 0.0;
    if (L.season) {
        st.s.resize(L.m);
        double sum = 0.0;
        for (int k = 0; k < L.m - 1; ++k) {
            st.s[k] = x[i++];
            sum += st.s[k];
            if (L.multSeason && st.s[k] <= 0.0)
                return false;
        }
        st.s[L.m - 1] = L.multSeason ? L.m - sum : -sum;
        if (L.multSeason && st.s[L.m - 1] <= 0.0)
            return false;
    }
    return true;
}

// Runs the model through y, updating `st`; returns -2 log-likelihood (up to a constant) and the
// sum of squared innovations, or kInfeasible when a forecast leaves the model's domain.
// The layout's flags are template parameters so that each model class gets a branch-free loop
// (the arithmetic is the same as with run-time flags).
template <bool Trend, bool Season, bool MultSeason, bool MultError>
struct FixedLayout {
    static constexpr bool trend = Trend, season = Season, multSeason = MultSeason, multError = MultError;
    int m = 1;
};

template <bool Trend, bool Season, bool MultSeason, bool MultError>
double filterAs(const Layout &layout, const Params &p, const double *y, int n, State &st, double *sse)
{
    const FixedLayout<Trend, Season, MultSeason, MultError> L{layout.m};
    double sumSq = 0.0, sumLog = 0.0, product = 1.0; // log of a running product: one log per ~100 steps
    const double ratio = L.trend ? p.beta / p.alpha : 0.0;
    // The states and parameters live in locals: a store into the seasonal array could otherwise
    // alias them and put a memory round trip on every step's dependency chain.
    const double alpha = p.alpha, gamma = p.gamma, phi = p.phi;
    double l = st.l, b = st.b;
    double *s = L.season ? st.s.data() : nullptr;
    int j = 0;
    for (int t = 0; t < n; ++t) {
        const double phib = L.trend ? phi * b : 0.0;
        const double q = l + phib;
        const double sold = L.season ? s[j] : (L.multSeason ? 1.0 : 0.0);
        const double fhat = !L.season ? q : L.multSeason ? q * sold : q + sold;
        const double yt = y[t];
        double e = yt - fhat;
        if (L.multError) {
            if (!(fhat > 0.0))
                return kInfeasible;
            e /= fhat;
            product *= fhat;
            if (product > 1e100 || product < 1e-100) {
                sumLog += std::log(product);
                product = 1.0;
            }
        }
        sumSq += e * e;
        const double pp = !L.season ? yt : L.multSeason ? yt / sold : yt - sold;
        const double lnew = q + alpha * (pp - q);
        if (L.trend)
            b = phib + ratio * (lnew - l - phib);
        if (L.season) {
            if (L.multSeason && !(q > 0.0))
                return kInfeasible;
            const double target = L.multSeason ? yt / q : yt - q;
            s[j] = sold + gamma * (target - sold);
            if (++j == L.m)
                j = 0;
        }
        l = lnew;
    }
    st.l = l;
    st.b = b;
    if (sse)
        *sse = sumSq;
    if (L.multError) // additive errors leave the product at 1
        sumLog += std::log(product);
    // an exact fit would give log(0); the floor keeps the optimiser's values finite
    const double lik = n * std::log(std::max(sumSq, 1e-20)) + 2.0 * sumLog;
    return std::isfinite(lik) ? lik : kInfeasible;
}

double filter(const Layout &L, const Params &p, const double *y, int n, State &st, double *sse = nullptr)
{
    const int key = int(L.trend) | int(L.season) << 1 | int(L.multSeason) << 2 | int(L.multError) << 3;
    switch (key) {
    case 0: return filterAs<false, false, false, false>(L, p, y, n, st, sse);
    case 1: return filterAs<true, false, false, false>(L, p, y, n, st, sse);
    case 2: return filterAs<false, true, false, false>(L, p, y, n, st, sse);
    case 3: return filterAs<true, true, false, false>(L, p, y, n, st, sse);
    case 6: return filterAs<false, true, true, false>(L, p, y, n, st, sse);
    case 7: return filterAs<true, true, true, false>(L, p, y, n, st, sse);
    case 8: return filterAs<false, false, false, true>(L, p, y, n, st, sse);
    case 9: return filterAs<true, false, false, true>(L, p, y, n, st, sse);
    case 10: return filterAs<false, true, false, true>(L, p, y, n, st, sse);
    case 11: return filterAs<true, true, false, true>(L, p, y, n, st, sse);
    case 14: return filterAs<false, true, true, true>(L, p, y, n, st, sse);
    default: return filterAs<true, true, true, true>(L, p, y, n, st, sse);
    }
}

// Heuristic starting states (as R's ets: classical decomposition of the first three periods,
// then a line through the first max(10, 2m) seasonally adjusted points), in scaled units.
std::vector<double> initialVector(const Layout &L, const std::vector<double> &y)
{
    const int n = static_cast<int>(y.size());
    std::vector<double> seas;
    std::vector<double> sa = y;
    if (L.season) {
        const std::vector<double> head(y.begin(), y.begin() + std::min(n, 3 * L.m));
        seas = seasonalIndices(head, L.m, L.multSeason);
        if (seas.empty())
            seas.assign(L.m, L.multSeason ? 1.0 : 0.0);
        for (int t = 0; t < n; ++t)
            sa[t] = L.multSeason ? y[t] / seas[t % L.m] : y[t] - seas[t % L.m];
    }
    const int k = std::min(n, std::max(10, 2 * L.m));
    double l0 = 0.0, b0 = 0.0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int t = 0; t < k; ++t) {
        const double x = t + 1;
        sx += x, sy += sa[t], sxx += x * x, sxy += x * sa[t];
    }
    if (L.trend && k > 1) {
        b0 = (k * sxy - sx * sy) / (k * sxx - sx * sx);
        l0 = (sy - b0 * sx) / k;
    } else {
        l0 = sy / k;
    }
    const double alpha = 1e-4 + 0.2 * (0.9999 - 1e-4) / L.m;
    std::vector<double> x{alpha};
    if (L.trend)
        x.push_back(1e-4 + 0.1 * (alpha - 1e-4));
    if (L.season)
        x.push_back(1e-4 + 0.05 * (1.0 - alpha - 1e-4));
    if (L.damped)
        x.push_back(0.978);
    x.push_back(l0);
    if (L.trend)
        x.push_back(b0);
    for (int j = 0; j + 1 < L.m && L.season; ++j)
        x.push_back(seas[j]);
    return x;
}

} // namespace

namespace {

// Optimiser budget: `runs` Nelder-Mead runs of `evaluations` each, the first from `start` (the
// heuristic initial vector when empty), each later one restarted from the best so far. The
// optimiser's best vector is returned in `x` for a later continuation.
struct FitBudget {
    int evaluations = 500;
    int runs = 2;
};

std::optional<EtsModel> fitImpl(const std::vector<double> &y, const EtsSpec &spec, int period, const FitBudget &budget,
                                std::vector<double> &x, bool startInDataUnits = false)
{
    const Layout L = layoutOf(spec, period);
    const int n = static_cast<int>(y.size());
    if (n < 4 || (L.season && (L.m < 2 || n < 2 * L.m)))
        return std::nullopt;
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    if ((L.multError || L.multSeason) && !positive)
        return std::nullopt;
    if (n <= L.size() + 4)
        return std::nullopt;
    double scale = 0.0;
    for (double v : y)
        scale += std::abs(v) / n;
    if (!(scale > 0.0) || !std::isfinite(scale))
        scale = 1.0;
    std::vector<double> ys(y.size());
    for (int t = 0; t < n; ++t)
        ys[t] = y[t] / scale;

    if (startInDataUnits && x.size() == size_t(L.size()))
        for (int i = L.smoothing(); i < L.size(); ++i)
            if (!(L.multSeason && i >= L.smoothing() + 1 + int(L.trend)))
                x[size_t(i)] /= scale;
    if (x.size() != size_t(L.size()))
        x.clear();
    Params p;
    State st;
    const auto objective = [&](const std::vector<double> &x) {
        if (!decode(L, x, p, st))
            return kInfeasible;
        return filter(L, p, ys.data(), n, st);
    };
    // Two short runs (the second restarted from the first's best) reach R's 2000-evaluation
    // likelihoods at half the cost: on M3 monthly, 500 + 500 scores as well as 1000 + 1000.
    NelderMeadOptions options;
    options.maxEvaluations = budget.evaluations;
    NelderMeadResult best = nelderMead(objective, x.empty() ? initialVector(L, ys) : x, options);
    for (int run = 1; run < budget.runs; ++run) {
        const NelderMeadResult again = nelderMead(objective, best.x, options);
        if (again.value < best.value)
            best = again;
    }
    if (best.value >= kInfeasible)
        return std::nullopt;
    x = best.x;
    std::vector<double> start = best.x; // states back in the data's units, for warm starts
    for (int i = L.smoothing(); i < L.size(); ++i)
        if (!(L.multSeason && i >= L.smoothing() + 1 + int(L.trend)))
            start[size_t(i)] *= scale;

    EtsModel model;
    model.spec = spec;
    model.period = L.m;
    decode(L, best.x, p, st);
    double sse = 0.0;
    model.logLikelihood = filter(L, p, ys.data(), n, st, &sse);
    model.alpha = p.alpha, model.beta = p.beta, model.gamma = p.gamma, model.phi = p.phi;
    model.parameters = L.size() + 1;
    model.start = std::move(start);
    model.observations = n;
    const int np = model.parameters;
    model.sigma2 = sse / std::max(1, n - np) * (L.multError ? 1.0 : scale * scale);
    model.aicc = model.logLikelihood + 2.0 * np +
                 (n - np - 1 > 0 ? 2.0 * np * (np + 1) / (n - np - 1) : std::numeric_limits<double>::infinity());
    model.level = st.l * scale;
    model.slope = st.b * scale;
    if (L.season) {
        model.seasonal.resize(L.m);
        for (int k = 0; k < L.m; ++k)
            model.seasonal[k] = st.s[(n + k) % L.m] * (L.multSeason ? 1.0 : scale);
    }
    return model;
}

} // namespace

std::optional<EtsModel> fitEts(const std::vector<double> &y, const EtsSpec &spec, int period)
{
    std::vector<double> x;
    return fitImpl(y, spec, period, FitBudget{}, x);
}

std::optional<EtsModel> refitEts(const std::vector<double> &y, const EtsModel &from, int evaluations)
{
    std::vector<double> x = from.start;
    return fitImpl(y, from.spec, from.period, FitBudget{std::max(1, evaluations), 1}, x, true);
}

std::optional<EtsModel> autoEts(const std::vector<double> &y, int period, const AutoEtsOptions &options)
{
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    std::vector<EtsError> errors{EtsError::Additive};
    if (options.allowMultiplicative && positive)
        errors.push_back(EtsError::Multiplicative);
    std::vector<EtsTrend> trends{EtsTrend::None, EtsTrend::Additive};
    if (options.allowDamped)
        trends.push_back(EtsTrend::Damped);
    std::vector<EtsSeason> seasons{EtsSeason::None};
    if (options.allowSeasonal && period > 1) {
        seasons.push_back(EtsSeason::Additive);
        if (options.allowMultiplicative && positive)
            seasons.push_back(EtsSeason::Multiplicative);
    }
    struct Trial {
        EtsSpec spec;
        int period = 1;
        std::vector<double> x;
        std::optional<EtsModel> fit;
    };
    std::vector<Trial> trials;
    for (EtsError e : errors)
        for (EtsTrend t : trends)
            for (EtsSeason s : seasons)
                if (!(e == EtsError::Additive && s == EtsSeason::Multiplicative)) // infinite variance: R's restrict
                    trials.push_back({{e, t, s}, s == EtsSeason::None ? 1 : period, {}, std::nullopt});
    const auto aiccOf = [](const Trial &t) {
        return t.fit && std::isfinite(t.fit->aicc) ? t.fit->aicc : std::numeric_limits<double>::infinity();
    };
    const bool screen = options.screenEvaluations > 0 && options.finalists > 0 &&
                        size_t(options.finalists) < trials.size();
    if (screen) {
        // A short run for every class; only the finalists (lowest AICc so far) get the full
        // budget, continuing from where their short run ended.
        for (Trial &t : trials)
            t.fit = fitImpl(y, t.spec, t.period, FitBudget{options.screenEvaluations, 1}, t.x);
        std::stable_sort(trials.begin(), trials.end(),
                         [&](const Trial &a, const Trial &b) { return aiccOf(a) < aiccOf(b); });
        trials.resize(size_t(options.finalists));
    }
    std::optional<EtsModel> best;
    for (Trial &t : trials) {
        if (screen && !t.fit)
            continue;
        auto fit = fitImpl(y, t.spec, t.period, FitBudget{std::max(1, options.evaluations), 2}, t.x);
        if (fit && std::isfinite(fit->aicc) && (!best || fit->aicc < best->aicc))
            best = std::move(fit);
    }
    return best;
}

namespace {

void pointForecast(const EtsModel &m, int horizon, Prediction &out)
{
    const bool mult = m.spec.season == EtsSeason::Multiplicative;
    double damp = 0.0, phiPow = 1.0;
    out.mean.resize(horizon);
    for (int h = 0; h < horizon; ++h) {
        phiPow *= m.phi;
        damp += phiPow;
        const double q = m.level + damp * m.slope;
        if (m.seasonal.empty())
            out.mean[h] = q;
        else
            out.mean[h] = mult ? q * m.seasonal[h % m.period] : q + m.seasonal[h % m.period];
    }
}

// The first `count` standard normal draws of the simulation's fixed seed, generated once per
// thread: every forecast reuses them (scaled by sigma), which gives the same numbers as drawing
// anew at a fraction of the cost.
const double *standardDraws(size_t count)
{
    thread_local std::vector<double> draws;
    thread_local std::mt19937_64 rng(20260101);
    thread_local std::normal_distribution<double> noise(0.0, 1.0);
    while (draws.size() < count)
        draws.push_back(noise(rng));
    return draws.data();
}

// The same draws for `paths` paths of `horizon` steps (path p's step h is draw p * horizon + h),
// stored step by step (step h of every path together), so that all paths advance in one loop.
const double *drawsByStep(int paths, int horizon)
{
    thread_local std::vector<double> table;
    thread_local std::pair<int, int> shape{0, 0};
    if (shape != std::pair{paths, horizon}) {
        const double *draw = standardDraws(static_cast<size_t>(paths) * horizon);
        table.resize(static_cast<size_t>(paths) * horizon);
        for (int p = 0; p < paths; ++p)
            for (int h = 0; h < horizon; ++h)
                table[static_cast<size_t>(h) * paths + p] = draw[static_cast<size_t>(p) * horizon + h];
        shape = {paths, horizon};
    }
    return table.data();
}

// The order statistic of ascending rank r of v[0, n) (what nth_element selects), found among the
// values at or beyond a threshold read from every 16th value: in the tails, where the interval's
// ranks are, that leaves about three times r candidates. Exact: when too few values pass the
// threshold it selects among all of them.
double orderStatistic(const double *v, size_t n, size_t r, std::vector<double> &scratch)
{
    constexpr size_t kStride = 16;
    const bool upper = r >= n / 2; // count from the top
    const size_t need = upper ? n - r : r + 1;
    scratch.clear();
    if (need * 8 < n) {
        for (size_t i = 0; i < n; i += kStride)
            scratch.push_back(v[i]);
        const size_t k = std::min(scratch.size() - 1, 2 * need / kStride + 2);
        double threshold = 0.0;
        if (upper) {
            std::nth_element(scratch.begin(), scratch.end() - 1 - std::ptrdiff_t(k), scratch.end());
            threshold = *(scratch.end() - 1 - std::ptrdiff_t(k));
        } else {
            std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(k), scratch.end());
            threshold = scratch[k];
        }
        scratch.clear();
        for (size_t i = 0; i < n; ++i)
            if (upper ? v[i] >= threshold : v[i] <= threshold)
                scratch.push_back(v[i]);
        if (scratch.size() >= need) {
            const size_t rank = upper ? r - (n - scratch.size()) : r;
            std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(rank), scratch.end());
            return scratch[rank];
        }
        scratch.clear();
    }
    scratch.assign(v, v + n);
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(r), scratch.end());
    return scratch[r];
}

// Simulates every path one step at a time (the paths are independent, so their updates overlap in
// the processor; each path sees the same arithmetic as simulated alone) and feeds each step's
// values to its tail selector.
template <bool Trend, bool Season, bool MultSeason, bool MultError>
void simulateAs(const EtsModel &m, int horizon, int paths, const double *draws, size_t lo, size_t hi, Prediction &out)
{
    const double sigma = std::sqrt(std::max(m.sigma2, 0.0));
    const size_t np = size_t(paths);
    const int period = Season ? m.period : 1;
    std::vector<double> l(np, m.level), b(np, m.slope), y(np), scratch;
    scratch.reserve(np);
    std::vector<double> s(Season ? np * size_t(period) : 0);
    for (int k = 0; k < (Season ? period : 0); ++k)
        std::fill_n(s.begin() + std::ptrdiff_t(size_t(k) * np), np, m.seasonal[size_t(k)]);
    const double ratio = m.beta / m.alpha;
    for (int h = 0; h < horizon; ++h) {
        const double *draw = draws + size_t(h) * np;
        double *sj = Season ? s.data() + size_t(h % period) * np : nullptr;
        for (size_t p = 0; p < np; ++p) {
            const double phib = Trend ? m.phi * b[p] : 0.0;
            const double q = l[p] + phib;
            const double sold = Season ? sj[p] : 0.0;
            const double fhat = !Season ? q : MultSeason ? q * sold : q + sold;
            const double e = sigma * draw[p];
            const double yp = MultError ? fhat * (1.0 + e) : fhat + e;
            y[p] = yp;
            const double pp = !Season ? yp : MultSeason ? (sold != 0.0 ? yp / sold : q) : yp - sold;
            const double lnew = q + m.alpha * (pp - q);
            if (Trend)
                b[p] = phib + ratio * (lnew - l[p] - phib);
            if (Season)
                sj[p] = sold + m.gamma * ((MultSeason ? (q != 0.0 ? yp / q : sold) : yp - q) - sold);
            l[p] = lnew;
        }
        out.lower[size_t(h)] = std::min(orderStatistic(y.data(), np, lo, scratch), out.mean[size_t(h)]);
        out.upper[size_t(h)] = std::max(orderStatistic(y.data(), np, hi, scratch), out.mean[size_t(h)]);
    }
}

void simulatedInterval(const EtsModel &m, int horizon, double levelPercent, int paths, Prediction &out)
{
    const double tail = (1.0 - levelPercent / 100.0) / 2.0;
    const auto rank = [&](double q) {
        return std::clamp<std::ptrdiff_t>(std::ptrdiff_t(q * (paths - 1) + 0.5), 0, paths - 1);
    };
    // the upper rank is at or after the lower one
    const std::ptrdiff_t lo = rank(tail), hi = std::max(rank(1.0 - tail), lo);
    out.lower.resize(horizon);
    out.upper.resize(horizon);
    const double *draws = drawsByStep(paths, horizon);
    const Layout L = layoutOf(m.spec, m.period);
    const int key = int(L.trend) | int(L.season) << 1 | int(L.multSeason) << 2 | int(L.multError) << 3;
    switch (key) {
    case 0: simulateAs<false, false, false, false>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 1: simulateAs<true, false, false, false>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 2: simulateAs<false, true, false, false>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 3: simulateAs<true, true, false, false>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 6: simulateAs<false, true, true, false>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 7: simulateAs<true, true, true, false>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 8: simulateAs<false, false, false, true>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 9: simulateAs<true, false, false, true>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 10: simulateAs<false, true, false, true>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 11: simulateAs<true, true, false, true>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    case 14: simulateAs<false, true, true, true>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    default: simulateAs<true, true, true, true>(m, horizon, paths, draws, size_t(lo), size_t(hi), out); break;
    }
}

} // namespace

Prediction forecastEts(const EtsModel &m, int horizon, double levelPercent, int paths)
{
    Prediction out;
    if (horizon <= 0)
        return out;
    pointForecast(m, horizon, out);
    if (m.spec.error == EtsError::Additive && m.spec.season != EtsSeason::Multiplicative) {
        const double z = intervalZ(levelPercent);
        out.lower.resize(horizon);
        out.upper.resize(horizon);
        double var = 1.0, damp = 0.0, phiPow = 1.0;
        for (int h = 0; h < horizon; ++h) {
            if (h > 0) {
                phiPow *= m.phi;
                damp += phiPow;
                const double c = m.alpha + m.beta * damp + (m.period > 1 && h % m.period == 0 ? m.gamma : 0.0);
                var += c * c;
            }
            const double half = z * std::sqrt(m.sigma2 * var);
            out.lower[h] = out.mean[h] - half;
            out.upper[h] = out.mean[h] + half;
        }
        return out;
    }
    simulatedInterval(m, horizon, levelPercent, std::max(100, paths), out);
    return out;
}

} // namespace headroom::forecast
