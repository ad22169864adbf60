#include "core/forecast/backtest.h"

#include <algorithm>
#include <cmath>

namespace headroom::forecast {

BacktestPlan planBacktest(int n, int horizon, int origins, int minTrain)
{
    BacktestPlan plan;
    plan.horizon = std::min(horizon, std::max(1, n / 4));
    const int stride = std::max(1, plan.horizon / 2);
    for (int i = 0; i < origins; ++i) {
        const int cut = n - plan.horizon - i * stride;
        if (cut < std::max(minTrain, 3))
            break;
        plan.cuts.push_back(cut);
    }
    return plan;
}

std::vector<Prediction> backtestPredictions(const std::vector<double> &y, const BacktestPlan &plan,
                                            const Forecaster &forecaster, double levelPercent)
{
    std::vector<Prediction> out;
    for (int cut : plan.cuts)
        out.push_back(forecaster(std::vector<double>(y.begin(), y.begin() + cut), plan.horizon, levelPercent));
    return out;
}

double smape(const std::vector<double> &actual, const std::vector<double> &forecast)
{
    double sum = 0.0;
    const size_t n = std::min(actual.size(), forecast.size());
    for (size_t i = 0; i < n; ++i) {
        const double den = std::abs(actual[i]) + std::abs(forecast[i]);
        sum += den > 0.0 ? 200.0 * std::abs(actual[i] - forecast[i]) / den : 0.0;
    }
    return n ? sum / n : 0.0;
}

double mase(const std::vector<double> &history, const std::vector<double> &actual, const std::vector<double> &forecast,
            int period)
{
    const size_t m = history.size() > size_t(std::max(period, 1)) ? size_t(std::max(period, 1)) : 1;
    double scale = 0.0;
    for (size_t t = m; t < history.size(); ++t)
        scale += std::abs(history[t] - history[t - m]);
    scale = history.size() > m ? scale / double(history.size() - m) : 0.0;
    const size_t n = std::min(actual.size(), forecast.size());
    double err = 0.0;
    for (size_t i = 0; i < n; ++i)
        err += std::abs(actual[i] - forecast[i]);
    return scale > 0.0 && n ? err / n / scale : std::numeric_limits<double>::quiet_NaN();
}

Backtest scoreBacktest(const std::vector<double> &y, const BacktestPlan &plan,
                       const std::vector<Prediction> &predictions, int period)
{
    Backtest b;
    b.horizon = plan.horizon;
    double s = 0, m = 0, inside = 0, points = 0;
    int masePoints = 0;
    for (size_t i = 0; i < plan.cuts.size() && i < predictions.size(); ++i) {
        const int cut = plan.cuts[i];
        const std::vector<double> history(y.begin(), y.begin() + cut);
        const std::vector<double> actual(y.begin() + cut, y.begin() + cut + plan.horizon);
        const Prediction &p = predictions[i];
        s += smape(actual, p.mean);
        const double q = mase(history, actual, p.mean, period);
        if (std::isfinite(q))
            m += q, ++masePoints;
        for (size_t h = 0; h < actual.size() && h < p.lower.size(); ++h, ++points)
            inside += actual[h] >= p.lower[h] && actual[h] <= p.upper[h];
        ++b.origins;
    }
    if (b.origins > 0) {
        b.smape = s / b.origins;
        b.mase = masePoints ? m / masePoints : b.mase;
        b.coverage = points > 0 ? inside / points : b.coverage;
    }
    return b;
}

Prediction averagePredictions(const std::vector<Prediction> &parts)
{
    Prediction out;
    if (parts.empty())
        return out;
    out = parts.front();
    for (size_t h = 0; h < out.mean.size(); ++h) {
        double mean = 0, lo = 0, hi = 0;
        for (const Prediction &p : parts)
            mean += p.mean[h], lo += p.lower[h], hi += p.upper[h];
        const double k = double(parts.size());
        out.mean[h] = mean / k, out.lower[h] = lo / k, out.upper[h] = hi / k;
    }
    return out;
}

} // namespace headroom::forecast
