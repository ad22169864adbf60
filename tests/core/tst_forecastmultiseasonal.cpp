#include "core/forecast/decomposition.h"
#include "core/forecast/multiseasonal.h"
#include "core/forecast/theta.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace headroom::forecast;

class TestForecastMultiSeasonal : public QObject {
    Q_OBJECT
private slots:
    void evolvingDailyAmplitudeTracked();
    void decayFollowsRecentCycles();
    void intervalCoverage_data();
    void intervalCoverage();
    void calibrateIntervalUsesQuantiles();
    void recentCyclesShiftsToLastLevel();
    void forcedCandidate_data();
    void forcedCandidate();
    void nestedSeasonPair_data();
    void nestedSeasonPair();
    void dshwByDefaultWhereSeasonsNest();
};

namespace {

// Hourly samples: a daily cycle whose amplitude goes from `a0` to `a1` over the series, a weekend
// dip, and Gaussian noise.
std::vector<double> hourly(int n, double a0, double a1, double noise, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> e(0.0, noise);
    std::vector<double> y;
    for (int t = 0; t < n; ++t) {
        const double amplitude = a0 + (a1 - a0) * t / double(n);
        y.push_back(1000 + amplitude * std::sin(2 * M_PI * t / 24) + ((t / 24) % 7 >= 5 ? -60 : 0) + e(rng));
    }
    return y;
}

double peakToTrough(const std::vector<double> &v, size_t from, size_t count)
{
    const auto b = v.begin() + std::ptrdiff_t(from), e = b + std::ptrdiff_t(count);
    return *std::max_element(b, e) - *std::min_element(b, e);
}

} // namespace

void TestForecastMultiSeasonal::evolvingDailyAmplitudeTracked()
{
    // A year of hourly data whose daily amplitude doubles (50 -> 100): the forecast of the next
    // weekday must swing like the last days (about 200 peak to trough), not like the yearly mean (150).
    const int n = 24 * 364, h = 24 * 7;
    const std::vector<double> all = hourly(n + h, 50, 100 * double(n + h) / n, 2.0, 7);
    const std::vector<double> train(all.begin(), all.begin() + n), test(all.begin() + n, all.end());
    MultiSeasonalOptions o;
    o.periods = {24, 168};
    const MultiSeasonalResult r = forecastMultiSeasonal(train, h, o);
    const double swing = peakToTrough(r.prediction.mean, 0, 24);
    QVERIFY2(swing > 185 && swing < 215, qPrintable(QStringLiteral("%1 (%2)").arg(swing).arg(r.method)));
    const double ours = mase(train, test, r.prediction.mean, 24);
    const double naive = mase(train, test, seasonalNaive(train, 168, h, 95).mean, 24);
    QVERIFY2(ours < naive, qPrintable(QStringLiteral("%1 vs %2").arg(ours).arg(naive)));
}

void TestForecastMultiSeasonal::decayFollowsRecentCycles()
{
    // The daily amplitude doubles within the last six days: weighting recent cycles gets closer
    // to the final swing than the plain mean of six cycles.
    std::vector<double> y;
    const int days = 20;
    for (int t = 0; t < 24 * days; ++t) {
        const double day = t / 24.0, a = day < days - 6 ? 50.0 : 50.0 * (1.0 + (day - (days - 6)) / 6.0);
        y.push_back(500 + a * std::sin(2 * M_PI * t / 24));
    }
    const auto amplitude = [&](double decay) {
        const MultiSeasonal d = decomposeMultiSeasonal(y, {24}, 2, 6, decay);
        return peakToTrough(d.profiles[0], 0, 24) / 2;
    };
    const double plain = amplitude(1.0), recent = amplitude(0.5);
    QVERIFY2(recent > plain + 10, qPrintable(QStringLiteral("%1 vs %2").arg(recent).arg(plain)));
    QVERIFY2(std::abs(recent - 100) < 20, qPrintable(QString::number(recent)));
}

void TestForecastMultiSeasonal::intervalCoverage_data()
{
    QTest::addColumn<double>("noise");
    QTest::addColumn<double>("level");
    QTest::newRow("quiet 95") << 2.0 << 95.0;
    QTest::newRow("noisy 95") << 25.0 << 95.0;
    QTest::newRow("noisy 80") << 25.0 << 80.0;
}

void TestForecastMultiSeasonal::intervalCoverage()
{
    // Calibrated from backtest errors: over 12 one-day-ahead forecasts the share of actuals inside
    // the interval is close to the level.
    QFETCH(double, noise);
    QFETCH(double, level);
    const std::vector<double> y = hourly(24 * 7 * 10, 80, 80, noise, 11);
    int inside = 0, points = 0;
    double reported = 0; // the backtest's own estimate of the calibrated interval's coverage
    for (int o = 0; o < 12; ++o) {
        const size_t cut = y.size() - 24 - size_t(o) * 24;
        MultiSeasonalOptions opt;
        opt.periods = {24, 168};
        opt.level = level;
        const MultiSeasonalResult r =
            forecastMultiSeasonal(std::vector<double>(y.begin(), y.begin() + std::ptrdiff_t(cut)), 24, opt);
        for (int k = 0; k < 24; ++k, ++points)
            inside += y[cut + k] >= r.prediction.lower[k] && y[cut + k] <= r.prediction.upper[k];
        QVERIFY(r.backtest.origins >= 2);
        reported += 100.0 * r.backtest.coverage / 12.0;
    }
    const double coverage = 100.0 * inside / points;
    QVERIFY2(std::abs(coverage - level) < 8.0, qPrintable(QString::number(coverage)));
    // what the forecast reports about its interval agrees with what it achieves
    QVERIFY2(std::abs(reported - level) < 8.0, qPrintable(QString::number(reported)));
}

void TestForecastMultiSeasonal::calibrateIntervalUsesQuantiles()
{
    // 4 origins x errors 1..10 at every step: the 80 % quantile of |e| pooled over 40 values is 9
    // (rank ceil(0.8 * 41) = 33 of 40); beyond the 10 backtested steps it grows with sqrt(step).
    std::vector<std::vector<double>> errors(4);
    for (int o = 0; o < 4; ++o)
        for (int k = 0; k < 10; ++k)
            errors[o].push_back((o % 2 ? -1 : 1) * (1 + (k + o * 3) % 10));
    Prediction p{std::vector<double>(40, 100.0), std::vector<double>(40, 0.0), std::vector<double>(40, 0.0)};
    calibrateInterval(p, errors, 80.0, 10);
    QCOMPARE(p.upper[0], 109.0);
    QCOMPARE(p.lower[5], 91.0);
    QCOMPARE(p.upper[39], 100.0 + 9.0 * 2.0);
    Prediction untouched{{5.0}, {1.0}, {9.0}};
    calibrateInterval(untouched, {}, 95.0, 3);
    QCOMPARE(untouched.lower[0], 1.0);
}

void TestForecastMultiSeasonal::recentCyclesShiftsToLastLevel()
{
    // Three cycles of the same shape at levels 10, 20, 30: the forecast is that shape at level 30.
    const std::vector<double> shape{-2, 0, 5, -3};
    std::vector<double> y;
    for (double level : {10.0, 20.0, 30.0})
        for (double s : shape)
            y.push_back(level + s);
    const Prediction p = recentCyclesForecast(y, 4, 6, 95.0, 6, 0.5);
    QCOMPARE(p.mean.size(), size_t(6));
    for (int k = 0; k < 6; ++k)
        QVERIFY2(std::abs(p.mean[k] - (30 + shape[k % 4])) < 1e-9, qPrintable(QString::number(p.mean[k])));
    QVERIFY(p.upper[5] - p.lower[5] > p.upper[0] - p.lower[0]);
    const Prediction tooShort = recentCyclesForecast({4.0, 6.0}, 4, 2, 95.0);
    QCOMPARE(tooShort.mean, std::vector<double>({6.0, 6.0}));
}

void TestForecastMultiSeasonal::forcedCandidate_data()
{
    QTest::addColumn<QString>("only");
    QTest::newRow("stl+ets") << QStringLiteral("STL+ETS");
    QTest::newRow("stl+cycle level") << QStringLiteral("STL+CycleLevel");
    QTest::newRow("combination") << QStringLiteral("Combination (STL+ETS + STL+CycleLevel)");
    QTest::newRow("recent") << QStringLiteral("RecentCycles");
    QTest::newRow("naive") << QStringLiteral("SeasonalNaive");
    QTest::newRow("dshw") << QStringLiteral("DSHW");
    QTest::newRow("dshw + naive") << QStringLiteral("Combination (SeasonalNaive + DSHW)");
}

void TestForecastMultiSeasonal::forcedCandidate()
{
    QFETCH(QString, only);
    MultiSeasonalOptions o;
    o.periods = {168, 24};
    o.only = only;
    const MultiSeasonalResult r = forecastMultiSeasonal(hourly(24 * 7 * 6, 80, 80, 5.0, 3), 30, o);
    QCOMPARE(r.method, only);
    QCOMPARE(r.prediction.mean.size(), size_t(30));
    QVERIFY(r.backtest.origins > 0);
    for (int k = 0; k < 30; ++k)
        QVERIFY(r.prediction.lower[k] <= r.prediction.mean[k] && r.prediction.mean[k] <= r.prediction.upper[k]);
}

void TestForecastMultiSeasonal::nestedSeasonPair_data()
{
    QTest::addColumn<std::vector<int>>("periods");
    QTest::addColumn<int>("inner"); // 0: none nests
    QTest::addColumn<int>("outer");
    QTest::newRow("hour of day, day of week") << std::vector<int>{168, 24} << 24 << 168;
    QTest::newRow("5-minute") << std::vector<int>{288, 2016} << 288 << 2016;
    QTest::newRow("day, week, year") << std::vector<int>{24, 8760, 168} << 24 << 168;
    QTest::newRow("middle one does not nest") << std::vector<int>{48, 72, 336} << 48 << 336;
    QTest::newRow("not a multiple") << std::vector<int>{24, 36} << 0 << 0;
    QTest::newRow("one season") << std::vector<int>{48} << 0 << 0;
    QTest::newRow("equal") << std::vector<int>{24, 24} << 0 << 0;
    QTest::newRow("none") << std::vector<int>{} << 0 << 0;
}

void TestForecastMultiSeasonal::nestedSeasonPair()
{
    QFETCH(std::vector<int>, periods);
    QFETCH(int, inner);
    QFETCH(int, outer);
    const auto pair = nestedSeasons(periods);
    const bool nested = inner > 0;
    QCOMPARE(pair.has_value(), nested);
    if (pair)
        QCOMPARE(*pair, std::make_pair(inner, outer));
    const QStringList names = multiSeasonalCandidates(periods);
    QCOMPARE(names.contains(QStringLiteral("DSHW")), nested);
    QCOMPARE(names.mid(0, 4), QStringList({QStringLiteral("STL+ETS"), QStringLiteral("STL+CycleLevel"),
                                           QStringLiteral("RecentCycles"), QStringLiteral("SeasonalNaive")}));
    QVERIFY(names.contains(QStringLiteral("Combination (STL+ETS + STL+CycleLevel)")));
}

void TestForecastMultiSeasonal::dshwByDefaultWhereSeasonsNest()
{
    // Without a backtest the default is returned: DSHW for nested seasons, otherwise the STL pair.
    const std::vector<double> y = hourly(24 * 7 * 8, 80, 80, 3.0, 4);
    MultiSeasonalOptions o;
    o.origins = 0;
    o.periods = {24, 168};
    const MultiSeasonalResult nested = forecastMultiSeasonal(y, 48, o);
    QCOMPARE(nested.method, QStringLiteral("DSHW"));
    QCOMPARE(nested.backtest.origins, 0);
    o.periods = {24, 180};
    QCOMPARE(forecastMultiSeasonal(y, 48, o).method, QStringLiteral("Combination (STL+ETS + STL+CycleLevel)"));
    // With the backtest, on a stable double season nothing beats DSHW by 20 %.
    o.periods = {24, 168};
    o.origins = 6;
    const MultiSeasonalResult judged = forecastMultiSeasonal(y, 48, o);
    QCOMPARE(judged.method, QStringLiteral("DSHW"));
    QCOMPARE(judged.backtest.origins, 6);
    // the final fit starts from the backtest's optimum: the same model up to the optimiser's tolerance
    for (int k = 0; k < 48; ++k)
        QVERIFY(std::abs(judged.prediction.mean[k] - nested.prediction.mean[k]) < 1.0);
}

QTEST_GUILESS_MAIN(TestForecastMultiSeasonal)
#include "tst_forecastmultiseasonal.moc"
