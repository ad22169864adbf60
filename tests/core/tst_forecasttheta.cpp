#include "core/forecast/decomposition.h"
#include "core/forecast/ets.h"
#include "core/forecast/theta.h"

#include <QTest>

#include <cmath>

using namespace headroom::forecast;

class TestForecastTheta : public QObject {
    Q_OBJECT
private slots:
    void thetaIsSesWithHalfTheTrend();
    void thetaSeasonalAdjustment();
    void seasonalNaiveRepeatsLastCycle_data();
    void seasonalNaiveRepeatsLastCycle();
    void seasonalIndicesOfSine();
    void multiSeasonalProfilesRecovered();
    void seasonalityTest();
};

void TestForecastTheta::thetaIsSesWithHalfTheTrend()
{
    const std::vector<double> y{12, 15, 14, 18, 17, 21, 20, 22, 25, 24, 27, 29, 28, 31};
    const auto theta = fitTheta(y, 1);
    const auto ses = fitEts(y, {EtsError::Additive, EtsTrend::None, EtsSeason::None});
    QVERIFY(theta && ses);
    // Least-squares slope by hand: sum (t - tbar)(y - ybar) / sum (t - tbar)^2, t = 0..13.
    double tbar = 6.5, ybar = 0, num = 0, den = 0;
    for (double v : y)
        ybar += v / y.size();
    for (size_t t = 0; t < y.size(); ++t)
        num += (t - tbar) * (y[t] - ybar), den += (t - tbar) * (t - tbar);
    const double b = num / den / 2.0, a = ses->alpha;
    QVERIFY(std::abs(theta->drift - b) < 1e-12);
    const Prediction p = forecastTheta(*theta, 5, 95);
    const Prediction s = forecastEts(*ses, 5, 95);
    for (int h = 1; h <= 5; ++h) {
        const double expected = s.mean[h - 1] + b * ((h - 1) + (1 - std::pow(1 - a, double(y.size()))) / a);
        QVERIFY2(std::abs(p.mean[h - 1] - expected) < 1e-9, qPrintable(QString::number(p.mean[h - 1])));
        QVERIFY(p.lower[h - 1] < p.mean[h - 1] && p.upper[h - 1] > p.mean[h - 1]);
    }
}

void TestForecastTheta::thetaSeasonalAdjustment()
{
    std::vector<double> y;
    for (int t = 0; t < 72; ++t)
        y.push_back((100 + t) * (1.0 + 0.2 * std::sin(2 * M_PI * t / 12)));
    const auto theta = fitTheta(y, 12);
    QVERIFY(theta);
    QCOMPARE(int(theta->seasonal.size()), 12);
    const Prediction p = forecastTheta(*theta, 12, 95);
    for (int h = 0; h < 12; ++h) {
        const double factor = 1.0 + 0.2 * std::sin(2 * M_PI * (72 + h) / 12);
        QVERIFY(std::abs(theta->seasonal[h] - factor) < 0.02);
        // Theta continues half the slope, so it trails a noiseless trend by a few percent.
        const double truth = (100 + 72 + h) * factor;
        QVERIFY2(std::abs(p.mean[h] - truth) / truth < 0.06, qPrintable(QStringLiteral("%1 vs %2").arg(p.mean[h]).arg(truth)));
    }
}

void TestForecastTheta::seasonalNaiveRepeatsLastCycle_data()
{
    QTest::addColumn<int>("period");
    QTest::addRow("weekly") << 7;
    QTest::addRow("no season") << 1;
}

void TestForecastTheta::seasonalNaiveRepeatsLastCycle()
{
    QFETCH(int, period);
    std::vector<double> y;
    for (int t = 0; t < 30; ++t)
        y.push_back(t % 7 * 3.0 + t);
    const Prediction p = seasonalNaive(y, period, 10, 95);
    for (int h = 0; h < 10; ++h)
        QCOMPARE(p.mean[h], y[30 - period + h % period]);
    QVERIFY(p.upper[9] - p.lower[9] >= p.upper[0] - p.lower[0]);
}

void TestForecastTheta::seasonalIndicesOfSine()
{
    std::vector<double> y;
    for (int t = 0; t < 48; ++t)
        y.push_back(0.5 * t + 4 * std::sin(2 * M_PI * t / 12));
    const std::vector<double> idx = seasonalIndices(y, 12, false);
    QCOMPARE(int(idx.size()), 12);
    for (int p = 0; p < 12; ++p)
        QVERIFY(std::abs(idx[p] - 4 * std::sin(2 * M_PI * p / 12)) < 0.2);
    QVERIFY(seasonalIndices(std::vector<double>(10, 1.0), 12, false).empty());
}

void TestForecastTheta::multiSeasonalProfilesRecovered()
{
    std::vector<double> y;
    for (int t = 0; t < 24 * 7 * 8; ++t)
        y.push_back(100 + 0.01 * t + 10 * std::sin(2 * M_PI * t / 24) + (t % 168 >= 120 ? -5.0 : 2.0));
    const MultiSeasonal d = decomposeMultiSeasonal(y, {168, 24});
    QCOMPARE(d.periods, (std::vector<int>{24, 168}));
    // The daily profile is the sine; the weekly one the weekend dip (mean removed).
    for (int p = 0; p < 24; ++p)
        QVERIFY2(std::abs(d.profiles[0][p] - 10 * std::sin(2 * M_PI * p / 24)) < 0.6,
                 qPrintable(QString::number(d.profiles[0][p])));
    QVERIFY(d.profiles[1][130] < d.profiles[1][30] - 5.0);
    // The adjusted series is smooth: it keeps the trend only.
    for (size_t t = 200; t < 210; ++t)
        QVERIFY(std::abs(d.adjusted[t] - d.adjusted[t + 1]) < 1.5);
}

void TestForecastTheta::seasonalityTest()
{
    std::vector<double> seasonal, flat;
    for (int t = 0; t < 60; ++t) {
        seasonal.push_back(std::sin(2 * M_PI * t / 12));
        flat.push_back(std::cos(0.37 * t * t));
    }
    QVERIFY(isSeasonal(seasonal, 12));
    QVERIFY(!isSeasonal(flat, 12));
    QVERIFY(std::abs(autocorrelation(seasonal, 12) - 0.8) < 0.05);
}

QTEST_GUILESS_MAIN(TestForecastTheta)
#include "tst_forecasttheta.moc"
