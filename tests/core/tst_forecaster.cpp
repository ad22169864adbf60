#include "core/forecast/forecaster.h"

#include <QTest>

#include <cmath>

using namespace headroom::forecast;

class TestForecaster : public QObject {
    Q_OBJECT
private slots:
    void monthlyCsvEndToEnd();
    void levelSetsIntervalWidth();
    void methodChoice_data();
    void methodChoice();
    void multiSeasonalBeatsSeasonalNaive();
    void backtestScores();
    void growthContinuation();
    void badHorizonRejected();
};

namespace {

Series readData(const char *name)
{
    const auto s = readSeriesCsv(QStringLiteral(HEADROOM_TEST_DATA "/forecast/") + QString::fromLatin1(name));
    if (!s)
        qFatal("%s", qPrintable(s.errorString()));
    return s.value();
}

} // namespace

void TestForecaster::monthlyCsvEndToEnd()
{
    const auto r = autoForecast(readData("monthly.csv"), 12);
    QVERIFY(r);
    QCOMPARE(int(r->mean.size()), 12);
    QCOMPARE(r->periods, std::vector<int>{12});
    QVERIFY(!r->method.isEmpty());
    QCOMPARE(r->backtest.origins, 3);
    QVERIFY(r->backtest.mase < 1.0);
    for (int h = 0; h < 12; ++h)
        QVERIFY(r->lower[h] <= r->mean[h] && r->mean[h] <= r->upper[h]);
    // Trend 2 per month from 100: the next year sits around 244-266.
    QVERIFY(r->mean[0] > 230 && r->mean[11] < 290);
}

void TestForecaster::levelSetsIntervalWidth()
{
    ForecastOptions o80, o99;
    o80.level = 80;
    o99.level = 99;
    const auto a = autoForecast(readData("monthly.csv"), 6, o80);
    const auto b = autoForecast(readData("monthly.csv"), 6, o99);
    QVERIFY(a && b);
    QCOMPARE(a->method, b->method);
    QVERIFY(b->upper[5] - b->lower[5] > 1.5 * (a->upper[5] - a->lower[5]));
}

void TestForecaster::methodChoice_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QString>("prefix");
    QTest::addRow("ets") << int(MethodChoice::Ets) << QStringLiteral("ETS(");
    QTest::addRow("theta") << int(MethodChoice::Theta) << QStringLiteral("Theta");
    QTest::addRow("seasonal naive") << int(MethodChoice::SeasonalNaive) << QStringLiteral("SeasonalNaive");
    QTest::addRow("combination") << int(MethodChoice::Combination) << QStringLiteral("Combination (ETS(");
}

void TestForecaster::methodChoice()
{
    QFETCH(int, choice);
    QFETCH(QString, prefix);
    ForecastOptions o;
    o.method = MethodChoice(choice);
    const auto r = autoForecast(readData("monthly.csv"), 6, o);
    QVERIFY(r);
    QVERIFY2(r->method.startsWith(prefix), qPrintable(r->method));
    QVERIFY(std::isfinite(r->backtest.smape));
}

void TestForecaster::multiSeasonalBeatsSeasonalNaive()
{
    std::vector<double> y;
    const int n = 168 * 6, h = 48;
    for (int t = 0; t < n + h; ++t)
        y.push_back(200 + 0.05 * t + 30 * std::sin(2 * M_PI * t / 24) + ((t / 24) % 7 >= 5 ? -25 : 0) +
                    3 * std::sin(1.3 * t * t));
    const std::vector<double> train(y.begin(), y.begin() + n), test(y.begin() + n, y.end());
    ForecastOptions o;
    o.periods = {24, 168};
    const ForecastResult r = forecastValues(train, h, o);
    QVERIFY2(r.method.contains(QStringLiteral("STL+")) || r.method.contains(QStringLiteral("DSHW")), qPrintable(r.method));
    o.method = MethodChoice::SeasonalNaive;
    const ForecastResult naive = forecastValues(train, h, o);
    const double ours = mase(train, test, r.mean, 24), theirs = mase(train, test, naive.mean, 24);
    QVERIFY2(ours < theirs, qPrintable(QStringLiteral("%1 vs %2").arg(ours).arg(theirs)));
    o.method = MethodChoice::Combination;
    const ForecastResult comb = forecastValues(train, h, o);
    QVERIFY2(comb.method.startsWith(QStringLiteral("Combination")), qPrintable(comb.method));
    QCOMPARE(comb.backtest.origins, 6);
}

void TestForecaster::backtestScores()
{
    QCOMPARE(smape({100, 100}, {110, 90}), (200.0 * 10 / 210 + 200.0 * 10 / 190) / 2);
    // In-sample lag-1 MAE is 1; the forecast is off by 2 on average.
    QCOMPARE(mase({1, 2, 3, 4}, {5, 6}, {7, 8}, 1), 2.0);
    const BacktestPlan plan = planBacktest(100, 10, 3, 20);
    QCOMPARE(plan.cuts, (std::vector<int>{90, 85, 80}));
    QCOMPARE(planBacktest(30, 10, 3, 25).cuts.size(), size_t(0));
}

void TestForecaster::growthContinuation()
{
    ForecastResult r;
    r.mean = {100};
    r.lower = {90};
    r.upper = {120};
    continueWithGrowth(r, 60, 0.15, 30);
    QCOMPARE(int(r.mean.size()), 61);
    QVERIFY(std::abs(r.mean[30] - 115.0) < 1e-9);
    QVERIFY(std::abs(r.mean[60] - 100 * 1.15 * 1.15) < 1e-9);
    QVERIFY(std::abs(r.lower[60] / r.mean[60] - 0.9) < 1e-12);
    QVERIFY(r.mean[1] > r.mean[0]);
}

void TestForecaster::badHorizonRejected()
{
    const auto r = autoForecast(readData("monthly.csv"), 0);
    QVERIFY(!r);
    QVERIFY(r.errorString().contains(QStringLiteral("horizon")));
}

QTEST_GUILESS_MAIN(TestForecaster)
#include "tst_forecaster.moc"
