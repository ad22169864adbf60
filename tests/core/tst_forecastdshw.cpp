#include "core/forecast/dshw.h"

#include <QTest>

#include <cmath>
#include <cstdint>
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
    void keepsExactNumbers_data();
    void keepsExactNumbers();
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

// Deterministic noise in [-1, 1) (a 64-bit LCG), the same on every platform.
double lcgNoise(uint64_t &state)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return double(state >> 11) / double(1ULL << 52) - 1.0;
}

/// A multiplicative double season of n points with standard normal noise from the given seed.
std::vector<double> noisyDoubleSeason(int n, unsigned seed)
{
    std::vector<double> y = doubleSeason(n, true, false);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> e(0.0, 1.0);
    for (double &v : y)
        v += e(rng);
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
    const std::vector<double> y = noisyDoubleSeason(168 * 4, 9);
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
    const std::vector<double> y = noisyDoubleSeason(168 * 6, 2);
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

void TestForecastDshw::keepsExactNumbers_data()
{
    // Pinned to the last bit: the filter is tuned for speed, and a faster form must give the same
    // numbers (the values of the straightforward recursions, as first released).
    QTest::addColumn<bool>("multiplicative");
    QTest::addColumn<bool>("trend");
    QTest::addColumn<QList<double>>("expected"); // alpha, omega, phi, mse, first mean, last upper
    QTest::newRow("additive") << false << false
                              << QList<double>{0x1.09317e06851e6p-7, 0x1.7e87012d00568p-3, 0x1.452f7a3840fd1p-6,
                                               0x1.a12819d15609p+1, -0x1.eecca889227d2p-4, 0x1.7257b631ed7a2p+4};
    QTest::newRow("additive, trend") << false << true
                                     << QList<double>{0x1.fc5655743bb13p-11, 0x1.6c88d7812eee3p-3, 0x1.ff4bb56c7714ep-6,
                                                      0x1.a2ab4faedfd9bp+1, -0x1.be042717bbda6p-5, 0x1.755104016e4e9p+4};
    QTest::newRow("multiplicative") << true << false
                                    << QList<double>{0x1.4607ee0d4f498p-5, 0x1.ab2634c8c3dd2p-3, 0x1.095091594468ep-4,
                                                     0x1.cf14cba8b6afap+1, 0x1.ba3e4dd7ede6ep+6, 0x1.0d3f1682f059ep+7};
    QTest::newRow("multiplicative, trend")
        << true << true
        << QList<double>{0x1.4d39970ef3d78p-8, 0x1.9e72d79a6657ep-3, 0x1.19a7ae9eac192p-4, 0x1.c15d42e9435cbp+1,
                         0x1.b9fb9cea04046p+6, 0x1.0df379487d9ecp+7};
}

void TestForecastDshw::keepsExactNumbers()
{
    QFETCH(bool, multiplicative);
    QFETCH(bool, trend);
    QFETCH(QList<double>, expected);
    uint64_t seed = 12345;
    std::vector<double> y;
    const double level = multiplicative ? 100.0 : 0.0;
    for (int t = 0; t < 24 * 7 * 6; ++t) {
        const double day = 20.0 * std::sin(2 * M_PI * t / 24), weekend = (t / 24) % 7 >= 5 ? -15.0 : 0.0;
        const double e = 3.0 * lcgNoise(seed);
        y.push_back(multiplicative ? level * (1.0 + day / 100.0) * (1.0 + weekend / 100.0) + e + 0.01 * t
                                   : level + day + weekend + e);
    }
    DshwOptions o;
    o.trend = trend;
    const auto m = fitDshw(y, 24, 168, o);
    QVERIFY(m);
    QCOMPARE(m->multiplicative, multiplicative);
    const Prediction p = forecastDshw(*m, 30, 95.0);
    const QList<double> got{m->parameters.alpha, m->parameters.omega, m->parameters.phi, m->mse, p.mean[0],
                            p.upper[29]};
    for (qsizetype i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == expected[i], qPrintable(QStringLiteral("value %1: %2 instead of %3")
                                                      .arg(i)
                                                      .arg(got[i], 0, 'g', 17)
                                                      .arg(expected[i], 0, 'g', 17)));
}

QTEST_GUILESS_MAIN(TestForecastDshw)
#include "tst_forecastdshw.moc"
