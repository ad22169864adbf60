// Accuracy on the M3 monthly series: every method forecasts the official 18-month horizon
// from the training part; mean sMAPE, MASE and 95 % interval coverage are printed per method.
// Usage: bench_forecast_m3 [--limit N] [--skip K] [--only Auto] [--data DIR] [--csv FILE]
// (--skip: start after the first K series; --only: run one method, for profiling and timing)
#include "core/forecast/ets.h"
#include "core/forecast/forecaster.h"
#include "core/forecast/theta.h"
#include "tests/bench/m3/m3data.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <ctime>
#include <cstdio>

using namespace headroom;
using namespace headroom::forecast;

namespace {

struct Score {
    const char *name;
    double smape = 0, mase = 0, covered = 0, points = 0, seconds = 0, cpuSeconds = 0;
    int count = 0;
};

template <typename F>
Prediction timed(Score &score, F &&f)
{
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock(); // process CPU time: honest on a loaded machine
    Prediction p = f();
    score.cpuSeconds += double(std::clock() - cpu) / CLOCKS_PER_SEC;
    score.seconds += timer.nsecsElapsed() / 1e9;
    return p;
}

Prediction etsAuto(const bench::M3Series &s)
{
    auto fit = autoEts(s.train, s.period);
    return fit ? forecastEts(*fit, s.horizon, 95.0) : seasonalNaive(s.train, s.period, s.horizon, 95.0);
}

Prediction theta(const bench::M3Series &s)
{
    auto fit = fitTheta(s.train, s.period);
    return fit ? forecastTheta(*fit, s.horizon, 95.0) : seasonalNaive(s.train, s.period, s.horizon, 95.0);
}

Prediction autoSelect(const bench::M3Series &s)
{
    ForecastOptions options;
    options.periods = {s.period};
    ForecastResult r = forecastValues(s.train, s.horizon, options);
    return {r.mean, r.lower, r.upper};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir = QStringLiteral(HEADROOM_SHARED_DIR "/data/m3-monthly");
    int limit = 0, skip = 0;
    QString csvPath, only;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--limit")
            limit = args[i + 1].toInt();
        else if (args[i] == u"--data")
            dir = args[i + 1];
        else if (args[i] == u"--csv")
            csvPath = args[i + 1];
        else if (args[i] == u"--skip")
            skip = args[i + 1].toInt();
        else if (args[i] == u"--only")
            only = args[i + 1];
    }
    if (!QFileInfo::exists(dir)) {
        std::printf("M3 data not found at %s: skipping the accuracy benchmark\n", qPrintable(dir));
        return 0;
    }
    std::vector<bench::M3Series> series = bench::loadM3(dir);
    series.erase(series.begin(), series.begin() + std::min<ptrdiff_t>(std::max(skip, 0), ptrdiff_t(series.size())));
    if (limit > 0 && size_t(limit) < series.size())
        series.resize(limit);
    std::vector<Score> scores{{"ETS-auto"}, {"Theta"}, {"SeasonalNaive"}, {"Combination"}, {"Auto"}};
    QByteArray perSeries = "series,method,smape,mase,coverage95\n";
    const auto wanted = [&](size_t k) { return only.isEmpty() || only == QLatin1String(scores[k].name); };
    const bool needEts = wanted(0) || wanted(3), needTheta = wanted(1) || wanted(3); // the combination reuses both
    for (const bench::M3Series &s : series) {
        std::vector<Prediction> p(scores.size());
        if (needEts)
            p[0] = timed(scores[0], [&] { return etsAuto(s); });
        if (needTheta)
            p[1] = timed(scores[1], [&] { return theta(s); });
        if (wanted(2))
            p[2] = timed(scores[2], [&] { return seasonalNaive(s.train, s.period, s.horizon, 95.0); });
        if (wanted(3))
            p[3] = averagePredictions({p[0], p[1]}); // reuses the two fits above
        scores[3].seconds = scores[0].seconds + scores[1].seconds;
        scores[3].cpuSeconds = scores[0].cpuSeconds + scores[1].cpuSeconds;
        if (wanted(4))
            p[4] = timed(scores[4], [&] { return autoSelect(s); });
        for (size_t k = 0; k < scores.size(); ++k) {
            if (!wanted(k))
                continue;
            Score &m = scores[k];
            const double sm = smape(s.test, p[k].mean);
            const double q = mase(s.train, s.test, p[k].mean, s.period), ma = std::isfinite(q) ? q : 0.0;
            int inside = 0;
            for (size_t h = 0; h < s.test.size(); ++h)
                inside += s.test[h] >= p[k].lower[h] && s.test[h] <= p[k].upper[h];
            m.smape += sm, m.mase += ma, m.covered += inside, m.points += s.test.size();
            ++m.count;
            perSeries += QStringLiteral("%1,%2,%3,%4,%5\n").arg(s.name, QString::fromLatin1(m.name)).arg(sm).arg(ma)
                             .arg(double(inside) / s.test.size()).toUtf8();
        }
    }
    std::printf("M3 monthly, %zu series, horizon 18\n", series.size());
    std::printf("%-14s %8s %8s %10s %12s %16s\n", "method", "sMAPE", "MASE", "cover95", "ms/series", "cpu ms/series");
    for (size_t k = 0; k < scores.size(); ++k) {
        const Score &m = scores[k];
        if (wanted(k))
            std::printf("%-14s %8.3f %8.3f %9.1f%% %12.2f %16.2f\n", m.name, m.smape / m.count, m.mase / m.count,
                        100.0 * m.covered / m.points, 1e3 * m.seconds / m.count, 1e3 * m.cpuSeconds / m.count);
    }
    if (!csvPath.isEmpty()) {
        QFile f(csvPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(perSeries);
    }
    return 0;
}
