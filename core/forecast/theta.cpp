#include "core/forecast/theta.h"

#include "core/forecast/decomposition.h"
#include "core/forecast/ets.h"

#include <algorithm>
#include <cmath>

namespace headroom::forecast {

std::optional<ThetaModel> fitTheta(const std::vector<double> &y, int period)
{
    const int n = static_cast<int>(y.size());
    if (n < 3)
        return std::nullopt;
    ThetaModel model;
    model.observations = n;
    std::vector<double> adjusted = y;
    if (period > 1 && isSeasonal(y, period)) {
        model.multiplicativeSeason = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
        const std::vector<double> idx = seasonalIndices(y, period, model.multiplicativeSeason);
        if (!idx.empty()) {
            for (int t = 0; t < n; ++t)
                adjusted[t] = model.multiplicativeSeason ? y[t] / idx[t % period] : y[t] - idx[t % period];
            model.seasonal.resize(period);
            for (int k = 0; k < period; ++k)
                model.seasonal[k] = idx[(n + k) % period];
        }
    }
    std::optional<EtsModel> ses = fitEts(adjusted, {EtsError::Additive, EtsTrend::None, EtsSeason::None});
    if (!ses) {
        // Too short for a likelihood fit: a fixed alpha keeps the method defined.
        ses = EtsModel{};
        ses->alpha = 0.5;
        double l = adjusted.front(), sse = 0.0;
        for (double v : adjusted) {
            sse += (v - l) * (v - l);
            l += 0.5 * (v - l);
        }
        ses->level = l;
        ses->sigma2 = sse / std::max(1, n - 1);
    }
    model.alpha = ses->alpha;
    model.level = ses->level;
    model.sigma2 = ses->sigma2;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int t = 0; t < n; ++t)
        sx += t, sy += adjusted[t], sxx += double(t) * t, sxy += t * adjusted[t];
    const double denom = n * sxx - sx * sx;
    model.drift = denom != 0.0 ? 0.5 * (n * sxy - sx * sy) / denom : 0.0;
    return model;
}

Prediction forecastTheta(const ThetaModel &m, int horizon, double levelPercent)
{
    Prediction out;
    const double z = intervalZ(levelPercent);
    const double a = m.alpha;
    const double start = (1.0 - std::pow(1.0 - a, m.observations)) / a;
    for (int h = 0; h < horizon; ++h) {
        const double mean = m.level + m.drift * (h + start);
        const double half = z * std::sqrt(m.sigma2 * (1.0 + h * a * a));
        double lo = mean - half, hi = mean + half, f = mean;
        if (!m.seasonal.empty()) {
            const double s = m.seasonal[h % m.seasonal.size()];
            if (m.multiplicativeSeason)
                f *= s, lo *= s, hi *= s;
            else
                f += s, lo += s, hi += s;
        }
        out.mean.push_back(f);
        out.lower.push_back(std::min(lo, hi));
        out.upper.push_back(std::max(lo, hi));
    }
    return out;
}

Prediction seasonalNaive(const std::vector<double> &y, int period, int horizon, double levelPercent)
{
    Prediction out;
    const int n = static_cast<int>(y.size());
    if (n == 0)
        return out;
    const int m = std::clamp(period, 1, n);
    double sse = 0.0;
    int count = 0;
    for (int t = m; t < n; ++t, ++count)
        sse += (y[t] - y[t - m]) * (y[t] - y[t - m]);
    const double sigma = count > 1 ? std::sqrt(sse / (count - 1)) : 0.0;
    const double z = intervalZ(levelPercent);
    for (int h = 0; h < horizon; ++h) {
        const double f = y[n - m + h % m];
        const double half = z * sigma * std::sqrt(double(h / m + 1));
        out.mean.push_back(f);
        out.lower.push_back(f - half);
        out.upper.push_back(f + half);
    }
    return out;
}

} // namespace headroom::forecast
