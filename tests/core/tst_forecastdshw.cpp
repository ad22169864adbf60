#include "core/forecast/dshw.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace headroom::forecast;

class TestForecastDshw : public QObject {
    Q_OBJECT
private slots:
    void reproducesExactDoubleSeason_data();
    void reproducesExactDoubleSeason();
    void estimatesErrorAutocorrelation();
    void followsChangingWeekday();
    void intervalWidensAndContainsMean();
    void refitFromStart();
    void steepFallKeepsSeasonsAdditive();
    void rejectsUnfitInput_data();
    void rejectsUnfitInput();
};

namespace {

// Hourly: level 100 (or 0 when `centred`, giving negative values), a daily sine of amplitude 20
// and a weekend drop of 15, multiplied (as ratios around the level) or added.
std::vector<double> doubleSeason(int n, bool multiplicative, bool centred)
{
    std::vector<double> y;
    const double level = centred ? 0.0 : 100.0;
    for (int t = 0; t < n; ++t) {
        const double day = 20.0 * std::sin(2 * M_PI * t / 24), weekend = (t / 24) % 7 >= 5 ? -15.0 : 0.0;
        y.push_back(multiplicative ? level * (1.0 + day / 100.0) * (1.0 + weekend / 100.0) : level + day + weekend);
    }
    return y;
}

} // namespace

void TestForecastDshw::reproducesExactDoubleSeason_data()
{
    QTest::addColumn<bool>("multiplicative");
    QTest::addColumn<bool>("centred");
    QTest::addColumn<bool>("expectMultiplicative");
    QTest::newRow("multiplicative, positive") << true << false << true;
    QTest::newRow("additive, positive") << false << false << true;
    QTest::newRow("additive, around zero") << false << true << false;
}

void TestForecastDshw::reproducesExactDoubleSeason()
{
    // A noiseless pattern: the next week is forecast almost exactly, whichever form fits it.
    QFETCH(bool, multiplicative);
    QFETCH(bool, centred);
    QFETCH(bool, expectMultiplicative);
    const int n = 168 * 6, h = 168;
    const std::vector<double> all = doubleSeason(n + h, multiplicative, centred);
    const std::vector<double> train(all.begin(), all.begin() + n);
    DshwOptions o;
    o.trend = false;
    const auto m = fitDshw(train, 24, 168, o);
    QVERIFY(m);
    QCOMPARE(m->multiplicative, expectMultiplicative);
    QCOMPARE(m->daily.size(), size_t(24));
    QCOMPARE(m->weekly.size(), size_t(168));
    const Prediction p = forecastDshw(*m, h, 95.0);
    QCOMPARE(p.mean.size(), size_t(h));
    double worst = 0.0;
    for (int k = 0; k < h; ++k)
        worst = std::max(worst, std::abs(p.mean[k] - all[n + k]));
    QVERIFY2(worst < 0.5, qPrintable(QStringLiteral("max error %1").arg(worst)));
}

void TestForecastDshw::estimatesErrorAutocorrelation()
{
    // Noise that is AR(1) with phi 0.7 on top of the double season: the fitted phi is close, and
    // the first step ahead moves from the seasonal forecast towards the last error.
    const int n = 168 * 8;
    std::vector<double> y = doubleSeason(n, false, false);
    std::mt19937_64 rng(5);
    std::normal_distribution<double> e(0.0, 2.0);
    double noise = 0.0;
    for (double &v : y) {
        noise = 0.7 * noise + e(rng);
        v += noise;
    }
    const auto m = fitDshw(y, 24, 168);
    QVERIFY(m);
    QVERIFY2(m->parameters.phi > 0.5 && m->parameters.phi < 0.9, qPrintable(QString::number(m->parameters.phi)));
    QVERIFY(m->mse > 0.0 && m->mse < 4.0 * 4.0);
    DshwModel noAr = *m;
    noAr.parameters.phi = 0.0;
    const double withAr = forecastDshw(*m, 1, 95.0).mean[0], without = forecastDshw(noAr, 1, 95.0).mean[0];
    QVERIFY(std::abs(withAr - without - m->parameters.phi * m->lastError) < 1e-9);
}

void TestForecastDshw::followsChangingWeekday()
{
    // Mondays (the first day of every week) rise from +0 to +30 over ten weeks: the intraweek
    // season adapts, so next Monday is forecast well above the old level, unlike the first weeks' mean.
    const int weeks = 10, n = 168 * weeks;
    std::vector<double> y = doubleSeason(n + 24, false, false);
    for (int t = 0; t < n + 24; ++t)
        if ((t / 24) % 7 == 0)
            y[t] += 30.0 * (t / 168) / double(weeks);
    const std::vector<double> train(y.begin(), y.begin() + n);
    const auto m = fitDshw(train, 24, 168);
    QVERIFY(m);
    const Prediction p = forecastDshw(*m, 24, 95.0);
    double error = 0.0;
    for (int k = 0; k < 24; ++k)
        error += std::abs(p.mean[k] - y[n + k]) / 24.0;
    QVERIFY2(error < 6.0, qPrintable(QStringLiteral("mean error %1").arg(error)));
}

void TestForecastDshw::intervalWidensAndContainsMean()
{
    std::vector<double> y = doubleSeason(168 * 4, true, false);
    std::mt19937_64 rng(9);
    std::normal_distribution<double> e(0.0, 1.0);
    for (double &v : y)
        v += e(rng);
    const auto m = fitDshw(y, 24, 168);
    QVERIFY(m);
    const Prediction p = forecastDshw(*m, 200, 95.0);
    for (int k = 0; k < 200; ++k)
        QVERIFY(p.lower[k] < p.mean[k] && p.mean[k] < p.upper[k]);
    QVERIFY(p.upper[199] - p.lower[199] >= p.upper[0] - p.lower[0]);
    // one step ahead: +/- 1.96 root-MSE
    QVERIFY(std::abs((p.upper[0] - p.lower[0]) / 2 - 1.959964 * std::sqrt(m->mse)) < 1e-3);
    const Prediction narrow = forecastDshw(*m, 1, 80.0);
    QVERIFY(narrow.upper[0] - narrow.lower[0] < p.upper[0] - p.lower[0]);
}

void TestForecastDshw::refitFromStart()
{
    // A refit with a tiny budget from the first optimum keeps its quality.
    std::vector<double> y = doubleSeason(168 * 6, true, false);
    std::mt19937_64 rng(2);
    std::normal_distribution<double> e(0.0, 1.0);
    for (double &v : y)
        v += e(rng);
    const auto first = fitDshw(y, 24, 168);
    QVERIFY(first);
    DshwOptions o;
    o.start = first->parameters;
    o.maxEvaluations = 10;
    const auto again = fitDshw(y, 168, 24, o); // periods in either order
    QVERIFY(again);
    QCOMPARE(again->period1, 24);
    QVERIFY(again->mse <= first->mse * (1 + 1e-9));
}

void TestForecastDshw::steepFallKeepsSeasonsAdditive()
{
    // Positive data falling from about 10 to about 1 between the first two weeks: the initial trend
    // line crosses zero inside them, so seasonal ratios would flip sign; additive seasons are used.
    std::vector<double> y;
    for (int t = 0; t < 168 * 3; ++t)
        y.push_back((t < 168 ? 10.0 : 1.0) + 0.5 * std::sin(2 * M_PI * t / 24) + 0.6);
    const auto m = fitDshw(y, 24, 168);
    QVERIFY(m);
    QVERIFY(m->trend);
    QVERIFY(!m->multiplicative);
    const Prediction p = forecastDshw(*m, 24, 95.0);
    for (double v : p.mean)
        QVERIFY(std::isfinite(v));
}

void TestForecastDshw::rejectsUnfitInput_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("period1");
    QTest::addColumn<int>("period2");
    QTest::addColumn<bool>("withNan");
    QTest::newRow("not nested") << 400 << 24 << 36 << false;
    QTest::newRow("same periods") << 400 << 24 << 24 << false;
    QTest::newRow("period 1") << 400 << 1 << 24 << false;
    QTest::newRow("under two long cycles") << 335 << 24 << 168 << false;
    QTest::newRow("not finite") << 400 << 24 << 168 << true;
}

void TestForecastDshw::rejectsUnfitInput()
{
    QFETCH(int, points);
    QFETCH(int, period1);
    QFETCH(int, period2);
    QFETCH(bool, withNan);
    std::vector<double> y = doubleSeason(points, false, false);
    if (withNan)
        y[10] = std::nan("");
    QVERIFY(!fitDshw(y, period1, period2));
}

QTEST_GUILESS_MAIN(TestForecastDshw)
#include "tst_forecastdshw.moc"
