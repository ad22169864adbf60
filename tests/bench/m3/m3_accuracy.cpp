// Accuracy on the M3 monthly series: every method forecasts the official 18-month horizon
// from the training part; mean sMAPE, MASE and 95 % interval coverage are printed per method.
// Usage: bench_forecast_m3 [--limit N] [--data DIR] [--csv FILE]
#include "core/forecast/ets.h"
#include "core/forecast/theta.h"
#include "tests/bench/m3/m3data.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <functional>

using namespace headroom;
using namespace headroom::forecast;

namespace {

struct Method {
    const char *name;
    std::function<Prediction(const bench::M3Series &)> run;
    double smape = 0, mase = 0, covered = 0, points = 0, seconds = 0;
    int count = 0;
};

Prediction average(const std::vector<Prediction> &parts)
{
    Prediction out = parts.front();
    for (size_t h = 0; h < out.mean.size(); ++h) {
        double m = 0, lo = 0, hi = 0;
        for (const Prediction &p : parts)
            m += p.mean[h], lo += p.lower[h], hi += p.upper[h];
        const double k = double(parts.size());
        out.mean[h] = m / k, out.lower[h] = lo / k, out.upper[h] = hi / k;
    }
    return out;
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir = QStringLiteral(HEADROOM_SHARED_DIR "/data/m3-monthly");
    int limit = 0;
    QString csvPath;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--limit")
            limit = args[i + 1].toInt();
        else if (args[i] == u"--data")
            dir = args[i + 1];
        else if (args[i] == u"--csv")
            csvPath = args[i + 1];
    }
    if (!QFileInfo::exists(dir)) {
        std::printf("M3 data not found at %s: skipping the accuracy benchmark\n", qPrintable(dir));
        return 0;
    }
    std::vector<bench::M3Series> series = bench::loadM3(dir);
    if (limit > 0 && size_t(limit) < series.size())
        series.resize(limit);
    std::vector<Method> methods{
        {"ETS-auto", etsAuto},
        {"Theta", theta},
        {"SeasonalNaive", [](const bench::M3Series &s) { return seasonalNaive(s.train, s.period, s.horizon, 95.0); }},
        {"Combination", [](const bench::M3Series &s) { return average({etsAuto(s), theta(s)}); }},
    };
    QByteArray perSeries = "series,method,smape,mase,coverage95,ms\n";
    for (const bench::M3Series &s : series) {
        for (Method &m : methods) {
            QElapsedTimer timer;
            timer.start();
            const Prediction p = m.run(s);
            const double sec = timer.nsecsElapsed() / 1e9;
            const double sm = bench::smape(s.test, p.mean), ma = bench::mase(s.train, s.test, p.mean, s.period);
            int inside = 0;
            for (size_t h = 0; h < s.test.size(); ++h)
                inside += s.test[h] >= p.lower[h] && s.test[h] <= p.upper[h];
            m.smape += sm, m.mase += ma, m.covered += inside, m.points += s.test.size(), m.seconds += sec;
            ++m.count;
            perSeries += QStringLiteral("%1,%2,%3,%4,%5,%6\n").arg(s.name, QString::fromLatin1(m.name)).arg(sm)
                             .arg(ma).arg(double(inside) / s.test.size()).arg(sec * 1e3).toUtf8();
        }
    }
    std::printf("M3 monthly, %zu series, horizon 18\n", series.size());
    std::printf("%-14s %8s %8s %10s %12s\n", "method", "sMAPE", "MASE", "cover95", "ms/series");
    for (const Method &m : methods)
        std::printf("%-14s %8.3f %8.3f %9.1f%% %12.2f\n", m.name, m.smape / m.count, m.mase / m.count,
                    100.0 * m.covered / m.points, 1e3 * m.seconds / m.count);
    if (!csvPath.isEmpty()) {
        QFile f(csvPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(perSeries);
    }
    return 0;
}
