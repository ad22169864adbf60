// Accuracy of the multi-season forecaster on a high-frequency series held out at several origins:
// each candidate (multiSeasonalCandidates()) and the automatic choice, with sMAPE, MASE (scaled by
// the shortest season), interval coverage and the mean backtest MASE the choice was made on. The
// CSV has a header and the value in its last column.
// Usage: bench_forecast_hf --csv FILE --periods 48,336 --horizon 336 [--origins 4] [--stride 48]
#include "core/forecast/multiseasonal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace headroom::forecast;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString path;
    std::vector<int> periods;
    int horizon = 0, origins = 4, stride = 0;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--csv")
            path = args[i + 1];
        else if (args[i] == u"--periods")
            for (const QString &p : args[i + 1].split(u','))
                periods.push_back(p.toInt());
        else if (args[i] == u"--horizon")
            horizon = args[i + 1].toInt();
        else if (args[i] == u"--origins")
            origins = args[i + 1].toInt();
        else if (args[i] == u"--stride")
            stride = args[i + 1].toInt();
    }
    QFile f(path);
    if (periods.empty() || horizon < 1 || !f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "usage: bench_forecast_hf --csv FILE --periods 48,336 --horizon 336\n");
        return 2;
    }
    std::vector<double> y;
    f.readLine();
    while (!f.atEnd())
        y.push_back(QString::fromUtf8(f.readLine()).trimmed().split(u',').last().toDouble());
    if (stride < 1)
        stride = periods.front();
    const int minPeriod = *std::min_element(periods.begin(), periods.end());
    std::printf("%s: %zu points, horizon %d, %d origins %d steps apart\n", qPrintable(path), y.size(), horizon,
                origins, stride);
    QStringList candidates = multiSeasonalCandidates(periods);
    candidates << QString(); // the automatic choice
    for (const QString &only : candidates) {
        double s = 0, m = 0, inside = 0, points = 0, ms = 0, btMase = 0;
        QStringList chosen;
        for (int o = 0; o < origins; ++o) {
            const size_t cut = y.size() - horizon - size_t(o) * stride;
            const std::vector<double> train(y.begin(), y.begin() + cut), test(y.begin() + cut, y.begin() + cut + horizon);
            MultiSeasonalOptions options;
            options.periods = periods;
            options.only = only;
            QElapsedTimer timer;
            timer.start();
            const MultiSeasonalResult r = forecastMultiSeasonal(train, horizon, options);
            ms += timer.nsecsElapsed() / 1e6;
            btMase += r.backtest.mase;
            s += smape(test, r.prediction.mean);
            m += mase(train, test, r.prediction.mean, minPeriod);
            for (int k = 0; k < horizon; ++k, ++points)
                inside += test[k] >= r.prediction.lower[k] && test[k] <= r.prediction.upper[k];
            chosen << r.method.left(24);
        }
        std::printf("%-56s sMAPE %6.3f  MASE %6.3f  cover95 %5.1f%%  backtest MASE %6.3f  ms %7.1f  %s\n",
                    only.isEmpty() ? "auto" : qPrintable(only), s / origins, m / origins, 100.0 * inside / points,
                    btMase / origins, ms / origins, qPrintable(chosen.join(u' ')));
    }
    return 0;
}
