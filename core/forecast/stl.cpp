#include "core/forecast/stl.h"

#include <algorithm>
#include <cmath>

namespace headroom::forecast {

namespace {

// Positions follow the paper's 1-based convention: y[i - 1] sits at x = i, so that the
// estimates at x = 0 and x = k + 1 (one cycle beyond either end) read naturally.

// Loess estimate at xs from the points nleft..nright (tricube weights over the span `len`,
// times the robustness weights rw when given). False when every weight is zero.
// One pass: with d = j - xs, a local line's value at xs is the weighted mean plus the slope
// term, both from the weighted sums of 1, d, d^2, y and d y (as the paper's normalised weights
// w_j (1 + b (j - centre)) give).
// The weighted sums behind one loess estimate (see loessAt()).
struct LoessSums {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, y0 = 0.0, y1 = 0.0;
};

double loessHalfWidth(int n, int len, double xs, int nleft, int nright)
{
    double h = std::max(xs - double(nleft), double(nright) - xs);
    if (len > n)
        h += double((len - n) / 2);
    return h;
}

// The estimate from its sums: the weighted mean plus, for a local line, the slope term.
bool loessFinish(const LoessSums &w, int n, int degree, double h, double &out)
{
    if (w.s0 <= 0.0)
        return false;
    const double range = double(n) - 1.0;
    const double mean = w.y0 / w.s0;
    out = mean;
    if (h > 0.0 && degree > 0) {
        const double centre = w.s1 / w.s0, c = w.s2 / w.s0 - centre * centre;
        if (std::sqrt(std::max(c, 0.0)) > 0.001 * range) {
            const double b = -centre / c;
            out = mean + b * (w.y1 / w.s0 - centre * mean);
        }
    }
    return true;
}

// Loess estimate at xs from the points nleft..nright (tricube weights over the span `len`,
// times the robustness weights rw when given). False when every weight is zero.
// One pass: with d = j - xs, a local line's value at xs is the weighted mean plus the slope
// term, both from the weighted sums of 1, d, d^2, y and d y (as the paper's normalised weights
// w_j (1 + b (j - centre)) give).
bool loessAt(const double *y, int n, int len, int degree, double xs, int nleft, int nright, const double *rw,
             double &out)
{
    const double h = loessHalfWidth(n, len, xs, nleft, nright);
    const double h9 = 0.999 * h, h1 = 0.001 * h;
    LoessSums w;
    for (int j = nleft; j <= nright; ++j) {
        const double d = double(j) - xs, r = std::abs(d);
        if (r > h9)
            continue;
        double wj = 1.0;
        if (r > h1) {
            const double u = r / h, c = 1.0 - u * u * u;
            wj = c * c * c;
        }
        if (rw)
            wj *= rw[j - 1];
        const double v = y[j - 1];
        w.s0 += wj, w.s1 += wj * d, w.s2 += wj * d * d, w.y0 += wj * v, w.y1 += wj * d * v;
    }
    return loessFinish(w, n, degree, h, out);
}

// Two estimates over the same window, at xs[0] and xs[1], side by side in the lanes of one vector.
// Each lane does loessAt()'s operations; a point outside a lane's span adds +0 to its sums instead
// of being skipped, which leaves them unchanged (they start at +0 and so never become -0).
using Lanes = double __attribute__((vector_size(16)));
using LaneMask = long long __attribute__((vector_size(16)));

void loessAtPair(const double *y, int n, int len, int degree, const double (&xs)[2], int nleft, int nright,
                 const double *rw, double (&out)[2], bool (&ok)[2])
{
    const double ha = loessHalfWidth(n, len, xs[0], nleft, nright);
    const double hb = loessHalfWidth(n, len, xs[1], nleft, nright);
    const Lanes x = {xs[0], xs[1]}, h = {ha, hb}, h9 = {0.999 * ha, 0.999 * hb}, h1 = {0.001 * ha, 0.001 * hb};
    const Lanes one = {1.0, 1.0}, zero = {0.0, 0.0};
    Lanes s0 = zero, s1 = zero, s2 = zero, y0 = zero, y1 = zero;
    for (int j = nleft; j <= nright; ++j) {
        const double at = double(j);
        const Lanes d = Lanes{at, at} - x;
        const Lanes r = d < zero ? -d : d;
        const Lanes u = r / h, c = one - u * u * u;
        Lanes wj = r > h1 ? c * c * c : one;
        if (rw)
            wj *= rw[j - 1];
        const double v = y[j - 1];
        const LaneMask inside = !(r > h9);
        const Lanes wd = wj * d;
        s0 += inside ? wj : zero;
        s1 += inside ? wd : zero;
        s2 += inside ? wd * d : zero;
        y0 += inside ? wj * v : zero;
        y1 += inside ? wd * v : zero;
    }
    for (int k = 0; k < 2; ++k) {
        const LoessSums w{s0[k], s1[k], s2[k], y0[k], y1[k]};
        ok[k] = loessFinish(w, n, degree, k == 0 ? ha : hb, out[k]);
    }
}

// The kernel's dot products with the windows starting at `at`, at + step, at + 2 step and
// at + 3 step into out[0], out[step], ...: each summed in the same order as one at a time.
void kernelDot4(const std::vector<double> &kernel, const double *at, int step, double *out)
{
    const double *a = at, *b = at + step, *c = at + 2 * step, *e = at + 3 * step;
    double sa = 0.0, sb = 0.0, sc = 0.0, se = 0.0;
    for (size_t d = 0; d < kernel.size(); ++d) {
        const double k = kernel[d];
        sa += k * a[d], sb += k * b[d], sc += k * c[d], se += k * e[d];
    }
    out[0] = sa, out[step] = sb, out[2 * step] = sc, out[3 * step] = se;
}

// Loess smooth of y (n points) into ys, evaluated every `jump` points (and at the last point)
// with linear interpolation between.
void loessSmooth(const double *y, int n, int len, int degree, int jump, const double *rw, double *ys)
{
    if (n < 2) {
        ys[0] = y[0];
        return;
    }
    const int step = std::min(jump, n - 1);
    const int nsh = (len + 1) / 2;
    int nleft = 1, nright = std::min(len, n);
    // Without robustness weights, every window centred on its point has the same normalised
    // tricube weights (and a local line through a symmetric window is its weighted mean), so
    // those points take a dot product with one precomputed kernel.
    std::vector<double> kernel;
    const int half = (len - 1) / 2;
    if (!rw && len < n && len % 2 == 1) {
        kernel.resize(size_t(len));
        double a = 0.0;
        const double h = half, h9 = 0.999 * h, h1 = 0.001 * h;
        for (int d = -half; d <= half; ++d) {
            const double r = std::abs(double(d));
            double wd = 0.0;
            if (r <= h9) {
                const double u = r / h, c = 1.0 - u * u * u;
                wd = r <= h1 ? 1.0 : c * c * c;
            }
            kernel[size_t(d + half)] = wd;
            a += wd;
        }
        for (double &k : kernel)
            k /= a;
    }
    const auto usesKernel = [&](int i, int nleft, int nright) {
        return !kernel.empty() && nleft == i - half && nright == i + half;
    };
    const auto window = [&](int i, int &nleft, int &nright) {
        if (i < nsh)
            nleft = 1, nright = len;
        else if (i >= n - nsh + 1)
            nleft = n - len + 1, nright = n;
        else
            nleft = i - nsh + 1, nright = len + i - nsh;
    };
    const auto estimate = [&](int i, int nleft, int nright) {
        if (usesKernel(i, nleft, nright)) {
            double s = 0.0;
            const double *at = y + (nleft - 1);
            for (int d = 0; d < len; ++d)
                s += kernel[size_t(d)] * at[d];
            ys[i - 1] = s;
        } else if (!loessAt(y, n, len, degree, double(i), nleft, nright, rw, ys[i - 1])) {
            ys[i - 1] = y[i - 1];
        }
    };
    if (len >= n) {
        for (int i = 1; i <= n; i += step)
            estimate(i, 1, n);
    } else if (step == 1) {
        for (int i = 1; i <= n; ++i) {
            if (i > nsh && nright != n)
                ++nleft, ++nright;
            estimate(i, nleft, nright);
        }
    } else {
        for (int i = 1; i <= n; i += step) {
            if (!kernel.empty() && i >= nsh && i + 3 * step < n - nsh + 1) {
                // four centred windows at once: the same sums, side by side
                kernelDot4(kernel, y + (i - nsh), step, ys + (i - 1));
                i += 3 * step;
                nleft = i - nsh + 1, nright = len + i - nsh;
                continue;
            }
            window(i, nleft, nright);
            // two estimates over the same (edge) window at once
            int nextLeft = 0, nextRight = 0;
            const int next = i + step;
            if (next <= n && !usesKernel(i, nleft, nright)) {
                window(next, nextLeft, nextRight);
                if (nextLeft == nleft && nextRight == nright && !usesKernel(next, nleft, nright)) {
                    const double xs[2] = {double(i), double(next)};
                    double est[2];
                    bool ok[2];
                    loessAtPair(y, n, len, degree, xs, nleft, nright, rw, est, ok);
                    ys[i - 1] = ok[0] ? est[0] : y[i - 1];
                    ys[next - 1] = ok[1] ? est[1] : y[next - 1];
                    i = next;
                    continue;
                }
            }
            estimate(i, nleft, nright);
        }
    }
    if (step == 1)
        return;
    for (int i = 1; i <= n - step; i += step) {
        const double delta = (ys[i + step - 1] - ys[i - 1]) / double(step);
        for (int j = i + 1; j < i + step; ++j)
            ys[j - 1] = ys[i - 1] + delta * double(j - i);
    }
    const int k = ((n - 1) / step) * step + 1;
    if (k != n) {
        estimate(n, nleft, nright);
        if (k != n - 1) {
            const double delta = (ys[n - 1] - ys[k - 1]) / double(n - k);
            for (int j = k + 1; j < n; ++j)
                ys[j - 1] = ys[k - 1] + delta * double(j - k);
        }
    }
}

// Moving average of length len: n - len + 1 values.
void movingAverage(const double *x, int n, int len, double *out)
{
    double v = 0.0;
    for (int i = 0; i < len; ++i)
        v += x[i];
    out[0] = v / len;
    for (int j = 1; j + len <= n; ++j) {
        v += x[j + len - 1] - x[j - 1];
        out[j] = v / len;
    }
}

struct Settings {
    int np, ns, nt, nl, sdeg, tdeg, ldeg, sjump, tjump, ljump;
};

struct Work {
    explicit Work(int n, int np)
        : a(size_t(n + 2 * np)), b(a.size()), c(a.size()), sub(size_t(n / np + 3)), subW(sub.size()),
          subS(sub.size())
    {
    }
    std::vector<double> a, b, c, sub, subW, subS;
};

// One cycle-subseries sub (k points) smoothed and extended by one point either way: out gets k + 2.
void smoothSubseries(const double *sub, int k, const Settings &s, const double *subRw, double *out)
{
    loessSmooth(sub, k, s.ns, s.sdeg, s.sjump, subRw, out + 1);
    if (!loessAt(sub, k, s.ns, s.sdeg, 0.0, 1, std::min(s.ns, k), subRw, out[0]))
        out[0] = out[1];
    if (!loessAt(sub, k, s.ns, s.sdeg, double(k + 1), std::max(1, k - s.ns + 1), k, subRw, out[k + 1]))
        out[k + 1] = out[k];
}

// Without robustness weights the subseries smoother is linear in the data and the same for every
// subseries of one length: for short subseries (few cycles, long period) it is applied as a
// (k + 2) x k matrix built once from unit vectors.
struct SubseriesOperator {
    int k = -1;
    std::vector<double> matrix; // row-major, (k + 2) x k
};

const SubseriesOperator &operatorFor(int k, const Settings &s, SubseriesOperator (&cache)[2])
{
    SubseriesOperator &slot = cache[0].k == k || cache[0].k < 0 ? cache[0] : cache[1];
    if (slot.k == k)
        return slot;
    slot.k = k;
    slot.matrix.assign(size_t(k + 2) * size_t(k), 0.0);
    std::vector<double> unit(size_t(k), 0.0), column(size_t(k + 2));
    for (int c = 0; c < k; ++c) {
        unit[size_t(c)] = 1.0;
        smoothSubseries(unit.data(), k, s, nullptr, column.data());
        unit[size_t(c)] = 0.0;
        for (int m = 0; m < k + 2; ++m)
            slot.matrix[size_t(m) * size_t(k) + size_t(c)] = column[size_t(m)];
    }
    return slot;
}

// Smooths each cycle-subseries of y (n points) and extends it one cycle either way:
// season gets n + 2 np values.
void smoothCycles(const double *y, int n, const Settings &s, const double *rw, double *season, Work &w)
{
    const bool linear = !rw && (n / s.np + 1) <= 2 * s.ns;
    SubseriesOperator cache[2];
    for (int j = 0; j < s.np; ++j) {
        const int k = (n - j - 1) / s.np + 1;
        for (int i = 0; i < k; ++i) {
            w.sub[i] = y[i * s.np + j];
            if (rw)
                w.subW[i] = rw[i * s.np + j];
        }
        double *out = w.subS.data();
        if (linear) {
            const SubseriesOperator &op = operatorFor(k, s, cache);
            for (int m = 0; m < k + 2; ++m) {
                const double *row = op.matrix.data() + size_t(m) * size_t(k);
                double v = 0.0;
                for (int c = 0; c < k; ++c)
                    v += row[c] * w.sub[c];
                out[m] = v;
            }
        } else {
            smoothSubseries(w.sub.data(), k, s, rw ? w.subW.data() : nullptr, out);
        }
        for (int m = 0; m < k + 2; ++m)
            season[m * s.np + j] = out[m];
    }
}

// One inner-loop run (`passes` times): seasonal then trend, updating both in place.
void innerLoop(const std::vector<double> &y, const Settings &s, int passes, const double *rw,
               std::vector<double> &season, std::vector<double> &trend, Work &w)
{
    const int n = static_cast<int>(y.size()), np = s.np;
    for (int pass = 0; pass < passes; ++pass) {
        for (int i = 0; i < n; ++i)
            w.a[i] = y[i] - trend[i];
        smoothCycles(w.a.data(), n, s, rw, w.b.data(), w);
        // low-pass filter of the cycle-subseries: moving averages np, np, 3, then loess
        movingAverage(w.b.data(), n + 2 * np, np, w.c.data());
        movingAverage(w.c.data(), n + np + 1, np, w.a.data());
        movingAverage(w.a.data(), n + 2, 3, w.c.data());
        loessSmooth(w.c.data(), n, s.nl, s.ldeg, s.ljump, nullptr, w.a.data());
        for (int i = 0; i < n; ++i)
            season[i] = w.b[np + i] - w.a[i];
        for (int i = 0; i < n; ++i)
            w.a[i] = y[i] - season[i];
        loessSmooth(w.a.data(), n, s.nt, s.tdeg, s.tjump, rw, trend.data());
    }
}

// Bisquare weights of the remainder scaled by six median absolute remainders.
void robustnessWeights(const std::vector<double> &y, const std::vector<double> &fit, std::vector<double> &rw,
                       std::vector<double> &scratch)
{
    const size_t n = y.size();
    scratch.resize(n);
    for (size_t i = 0; i < n; ++i)
        scratch[i] = std::abs(y[i] - fit[i]);
    const size_t mid1 = n / 2, mid2 = n - (n / 2 + 1);
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(mid1), scratch.end());
    const double r1 = scratch[mid1];
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(mid2), scratch.end());
    const double cmad = 3.0 * (r1 + scratch[mid2]);
    const double c9 = 0.999 * cmad, c1 = 0.001 * cmad;
    for (size_t i = 0; i < n; ++i) {
        const double r = std::abs(y[i] - fit[i]);
        if (r <= c1) {
            rw[i] = 1.0;
        } else if (r <= c9) {
            const double u = r / cmad, c = 1.0 - u * u;
            rw[i] = c * c;
        } else {
            rw[i] = 0.0;
        }
    }
}

int oddAtLeast3(int v)
{
    v = std::max(3, v);
    return v % 2 == 0 ? v + 1 : v;
}

int nextOdd(double x)
{
    int v = static_cast<int>(std::lround(x));
    return v % 2 == 0 ? v + 1 : v;
}

int degree(int d) { return d > 0 ? 1 : 0; }

} // namespace

StlDecomposition stl(const std::vector<double> &y, const StlOptions &o)
{
    const int n = static_cast<int>(y.size());
    StlDecomposition out;
    out.weights.assign(y.size(), 1.0);
    if (o.period < 2 || n <= 2 * o.period) {
        out.seasonal.assign(y.size(), 0.0);
        out.trend = y;
        out.remainder.assign(y.size(), 0.0);
        return out;
    }
    const bool periodic = o.seasonalWindow <= 0;
    const int sWindow = periodic ? 10 * n + 1 : o.seasonalWindow;
    const int tWindow = o.trendWindow > 0
                            ? o.trendWindow
                            : nextOdd(std::ceil(1.5 * o.period / (1.0 - 1.5 / double(sWindow))));
    const int lWindow = o.lowpassWindow > 0 ? o.lowpassWindow : nextOdd(o.period);
    const auto jump = [](int given, int window) {
        return given > 0 ? given : static_cast<int>(std::ceil(double(window) / 10.0));
    };
    Settings s;
    s.np = o.period;
    s.ns = oddAtLeast3(sWindow);
    s.nt = oddAtLeast3(tWindow);
    s.nl = oddAtLeast3(lWindow);
    s.sdeg = periodic ? 0 : degree(o.seasonalDegree);
    s.tdeg = degree(o.trendDegree);
    s.ldeg = degree(o.lowpassDegree);
    s.sjump = jump(o.seasonalJump, sWindow);
    s.tjump = jump(o.trendJump, tWindow);
    s.ljump = jump(o.lowpassJump, lWindow);
    const int inner = o.inner > 0 ? o.inner : (o.robust ? 1 : 2);
    const int outer = o.outer >= 0 ? o.outer : (o.robust ? 15 : 0);

    Work work(n, s.np);
    out.seasonal.assign(y.size(), 0.0);
    out.trend.assign(y.size(), 0.0);
    std::vector<double> fit(y.size()), scratch;
    for (int k = 0;; ++k) {
        innerLoop(y, s, inner, k > 0 ? out.weights.data() : nullptr, out.seasonal, out.trend, work);
        if (k >= outer)
            break;
        for (int i = 0; i < n; ++i)
            fit[i] = out.trend[i] + out.seasonal[i];
        robustnessWeights(y, fit, out.weights, scratch);
    }
    if (outer <= 0)
        std::fill(out.weights.begin(), out.weights.end(), 1.0);
    if (periodic) {
        std::vector<double> sum(size_t(s.np), 0.0), count(size_t(s.np), 0.0);
        for (int i = 0; i < n; ++i)
            sum[i % s.np] += out.seasonal[i], count[i % s.np] += 1.0;
        for (int i = 0; i < n; ++i)
            out.seasonal[i] = sum[i % s.np] / count[i % s.np];
    }
    out.remainder.resize(y.size());
    for (int i = 0; i < n; ++i)
        out.remainder[i] = y[i] - out.seasonal[i] - out.trend[i];
    return out;
}

MstlDecomposition mstl(const std::vector<double> &y, std::vector<int> periods, int iterations,
                       std::vector<int> seasonalWindows, const StlOptions &base)
{
    std::sort(periods.begin(), periods.end());
    const size_t n = y.size();
    // forecast::mstl keeps periods below n / 2 (and stl() then needs n > 2 period)
    periods.erase(std::remove_if(periods.begin(), periods.end(),
                                 [n](int m) { return m < 2 || 2 * static_cast<size_t>(m) >= n; }),
                  periods.end());
    periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
    MstlDecomposition out;
    out.periods = periods;
    out.seasonals.assign(periods.size(), std::vector<double>(n, 0.0));
    out.adjusted = y;
    out.trend = y;
    if (periods.size() == 1)
        iterations = 1;
    for (size_t i = seasonalWindows.size(); i < periods.size(); ++i)
        seasonalWindows.push_back(7 + 4 * int(i + 1));
    for (int it = 0; it < std::max(1, iterations); ++it) {
        for (size_t i = 0; i < periods.size(); ++i) {
            for (size_t t = 0; t < n; ++t)
                out.adjusted[t] += out.seasonals[i][t];
            StlOptions o = base;
            o.period = periods[i];
            o.seasonalWindow = seasonalWindows[i];
            StlDecomposition d = stl(out.adjusted, o);
            out.seasonals[i] = std::move(d.seasonal);
            out.trend = std::move(d.trend);
            for (size_t t = 0; t < n; ++t)
                out.adjusted[t] -= out.seasonals[i][t];
        }
    }
    out.remainder.resize(n);
    for (size_t t = 0; t < n; ++t)
        out.remainder[t] = out.adjusted[t] - out.trend[t];
    return out;
}

} // namespace headroom::forecast
