#include "core/forecast/ets.h"
#include "core/forecast/neldermead.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace headroom::forecast;

namespace {

// Simulates an additive-error ETS series: level, optional trend (beta), optional season of 12.
std::vector<double> simulate(int n, double alpha, double beta, double gamma, double sigma, unsigned seed,
                             bool multiplicativeError = false)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    double l = 100.0, b = beta > 0 ? 1.0 : 0.0;
    std::vector<double> s(12);
    for (int k = 0; k < 12; ++k)
        s[k] = gamma > 0 ? 15.0 * std::sin(2 * M_PI * k / 12) : 0.0;
    std::vector<double> y;
    for (int t = 0; t < n; ++t) {
        const double mu = l + b + s[t % 12];
        const double e = multiplicativeError ? mu * noise(rng) : noise(rng);
        y.push_back(mu + e);
        const double lnew = l + b + alpha * e;
        b += beta * e;
        s[t % 12] += gamma * e;
        l = lnew;
    }
    return y;
}

} // namespace

class TestForecastEts : public QObject {
    Q_OBJECT
private slots:
    void normalQuantileMatchesTables();
    void nelderMeadFindsRosenbrockMinimum();
    void linearTrendRecovered();
    void seasonalSineRecovered();
    void aiccPicksTheGeneratingClass_data();
    void aiccPicksTheGeneratingClass();
    void intervalCoverage_data();
    void intervalCoverage();
    void simulatedIntervalsNest_data();
    void simulatedIntervalsNest();
    void screeningMatchesFullSearch_data();
    void screeningMatchesFullSearch();
    void refitFromOptimum();
    void rejectsInapplicableModels();
    void modelNames();
};

void TestForecastEts::normalQuantileMatchesTables()
{
    QVERIFY(std::abs(normalQuantile(0.975) - 1.959964) < 1e-5);
    QVERIFY(std::abs(normalQuantile(0.9) - 1.281552) < 1e-5);
    QVERIFY(std::abs(normalQuantile(0.001) + 3.090232) < 1e-5);
    QVERIFY(std::abs(intervalZ(80) - 1.281552) < 1e-5);
}

void TestForecastEts::nelderMeadFindsRosenbrockMinimum()
{
    const auto rosen = [](const std::vector<double> &x) {
        return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2);
    };
    NelderMeadOptions options;
    options.maxEvaluations = 5000;
    options.relativeTolerance = 1e-14;
    const NelderMeadResult r = nelderMead(rosen, {-1.2, 1.0}, options);
    QVERIFY2(std::abs(r.x[0] - 1) < 1e-3 && std::abs(r.x[1] - 1) < 1e-3, qPrintable(QString::number(r.x[0])));
}

void TestForecastEts::linearTrendRecovered()
{
    std::vector<double> y;
    for (int t = 0; t < 60; ++t)
        y.push_back(10.0 + 2.0 * t + (t % 2 ? 0.01 : -0.01));
    const auto fit = fitEts(y, {EtsError::Additive, EtsTrend::Additive, EtsSeason::None});
    QVERIFY(fit);
    const Prediction p = forecastEts(*fit, 12, 95);
    for (int h = 0; h < 12; ++h)
        QVERIFY2(std::abs(p.mean[h] - (10.0 + 2.0 * (60 + h))) < 0.1, qPrintable(QString::number(p.mean[h])));
    QVERIFY(std::abs(fit->slope - 2.0) < 0.01);
}

void TestForecastEts::seasonalSineRecovered()
{
    std::vector<double> y;
    for (int t = 0; t < 96; ++t)
        y.push_back(50.0 + 10.0 * std::sin(2 * M_PI * t / 12) + 0.05 * std::cos(1.7 * t));
    const auto fit = autoEts(y, 12);
    QVERIFY(fit);
    QVERIFY(fit->spec.season != EtsSeason::None);
    const Prediction p = forecastEts(*fit, 24, 95);
    for (int h = 0; h < 24; ++h)
        QVERIFY2(std::abs(p.mean[h] - (50.0 + 10.0 * std::sin(2 * M_PI * (96 + h) / 12))) < 0.5,
                 qPrintable(QStringLiteral("h=%1 f=%2").arg(h).arg(p.mean[h])));
}

void TestForecastEts::aiccPicksTheGeneratingClass_data()
{
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<bool>("expectTrend");
    QTest::addColumn<bool>("expectSeason");
    QTest::addRow("level only (A,N,N)") << 0.0 << 0.0 << false << false;
    QTest::addRow("trend (A,A,N)") << 0.1 << 0.0 << true << false;
    QTest::addRow("season (A,N,A)") << 0.0 << 0.1 << false << true;
    QTest::addRow("trend and season (A,A,A)") << 0.1 << 0.1 << true << true;
}

void TestForecastEts::aiccPicksTheGeneratingClass()
{
    QFETCH(double, beta);
    QFETCH(double, gamma);
    QFETCH(bool, expectTrend);
    QFETCH(bool, expectSeason);
    const std::vector<double> y = simulate(144, 0.3, beta, gamma, 1.0, 42);
    const auto fit = autoEts(y, 12);
    QVERIFY(fit);
    QCOMPARE(fit->spec.trend != EtsTrend::None, expectTrend);
    QCOMPARE(fit->spec.season != EtsSeason::None, expectSeason);
}

void TestForecastEts::intervalCoverage_data()
{
    QTest::addColumn<bool>("multiplicative");
    QTest::addColumn<double>("level");
    QTest::addRow("additive error, analytic 95 percent") << false << 95.0;
    QTest::addRow("additive error, analytic 80 percent") << false << 80.0;
    QTest::addRow("multiplicative error, simulated 95 percent") << true << 95.0;
}

void TestForecastEts::intervalCoverage()
{
    QFETCH(bool, multiplicative);
    QFETCH(double, level);
    const EtsSpec spec{multiplicative ? EtsError::Multiplicative : EtsError::Additive, EtsTrend::None, EtsSeason::None};
    int inside = 0, total = 0;
    for (unsigned seed = 1; seed <= 150; ++seed) {
        const std::vector<double> y = simulate(84, 0.3, 0.0, 0.0, multiplicative ? 0.02 : 1.0, seed, multiplicative);
        const std::vector<double> train(y.begin(), y.end() - 4);
        const auto fit = fitEts(train, spec);
        QVERIFY(fit);
        const Prediction p = forecastEts(*fit, 4, level, 500);
        for (int h = 0; h < 4; ++h, ++total)
            inside += y[80 + h] >= p.lower[h] && y[80 + h] <= p.upper[h];
    }
    const double coverage = 100.0 * inside / total;
    QVERIFY2(std::abs(coverage - level) < 6.0, qPrintable(QStringLiteral("coverage %1%").arg(coverage)));
}

void TestForecastEts::simulatedIntervalsNest_data()
{
    QTest::addColumn<int>("season"); // 0 none, 1 multiplicative
    QTest::addColumn<int>("paths");
    QTest::addRow("M,N,N 2000 paths") << 0 << 2000;
    QTest::addRow("M,N,N 137 paths") << 0 << 137;
    QTest::addRow("M,Ad,M 2000 paths") << 1 << 2000;
    QTest::addRow("M,Ad,M 500 paths") << 1 << 500;
}

void TestForecastEts::simulatedIntervalsNest()
{
    // Simulated intervals (multiplicative error): wider levels contain narrower ones at every step,
    // the mean lies inside, and one step ahead the 95 % bounds are the level times 1 -/+ 1.96 sigma
    // up to the sampling error of the paths. Levels 50 and 99.5 take the rank selection's two ways.
    QFETCH(int, season);
    QFETCH(int, paths);
    EtsModel m;
    m.spec = {EtsError::Multiplicative, season ? EtsTrend::Damped : EtsTrend::None,
              season ? EtsSeason::Multiplicative : EtsSeason::None};
    m.alpha = 0.3, m.level = 100.0, m.sigma2 = 0.01;
    if (season) {
        m.beta = 0.05, m.gamma = 0.1, m.phi = 0.9, m.slope = 1.0, m.period = 4;
        m.seasonal = {0.9, 1.1, 1.2, 0.8};
    }
    const std::vector<double> levels{50, 80, 95, 99.5};
    std::vector<Prediction> p;
    for (double level : levels)
        p.push_back(forecastEts(m, 8, level, paths));
    for (size_t k = 0; k < levels.size(); ++k)
        for (int h = 0; h < 8; ++h) {
            QVERIFY(p[k].lower[h] <= p[k].mean[h] && p[k].mean[h] <= p[k].upper[h]);
            if (k > 0)
                QVERIFY2(p[k].lower[h] <= p[k - 1].lower[h] && p[k].upper[h] >= p[k - 1].upper[h],
                         qPrintable(QStringLiteral("level %1 step %2").arg(levels[k]).arg(h)));
        }
    const double f1 = p[2].mean[0], half = 1.96 * 0.1 * f1, tolerance = (paths >= 2000 ? 0.1 : 0.3) * half;
    QVERIFY2(std::abs(p[2].upper[0] - (f1 + half)) < tolerance, qPrintable(QString::number(p[2].upper[0])));
    QVERIFY2(std::abs(p[2].lower[0] - (f1 - half)) < tolerance, qPrintable(QString::number(p[2].lower[0])));
}

void TestForecastEts::screeningMatchesFullSearch_data()
{
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("gamma");
    QTest::addRow("level only") << 0.0 << 0.0;
    QTest::addRow("trend") << 0.1 << 0.0;
    QTest::addRow("season") << 0.0 << 0.1;
    QTest::addRow("trend and season") << 0.1 << 0.1;
}

void TestForecastEts::screeningMatchesFullSearch()
{
    // The screened search (default) lands within 2 AICc of fitting all classes fully.
    QFETCH(double, beta);
    QFETCH(double, gamma);
    const std::vector<double> y = simulate(144, 0.3, beta, gamma, 1.0, 7);
    AutoEtsOptions full;
    full.screenEvaluations = 0;
    const auto screened = autoEts(y, 12), exhaustive = autoEts(y, 12, full);
    QVERIFY(screened && exhaustive);
    QVERIFY2(screened->aicc < exhaustive->aicc + 2.0,
             qPrintable(QStringLiteral("%1 %2 vs %3 %4").arg(screened->spec.name()).arg(screened->aicc)
                            .arg(exhaustive->spec.name()).arg(exhaustive->aicc)));
}

void TestForecastEts::refitFromOptimum()
{
    // A refit on a prefix starts from the full fit: same class, parameters near the full fit's,
    // and -2 log-likelihood within 3 of a fit from scratch with 5 times the evaluations.
    const std::vector<double> y = simulate(144, 0.3, 0.0, 0.1, 1.0, 11);
    const EtsSpec spec{EtsError::Additive, EtsTrend::None, EtsSeason::Additive};
    const auto whole = fitEts(y, spec, 12);
    QVERIFY(whole);
    QCOMPARE(whole->start.size(), size_t(2 + 12)); // alpha, gamma, level, 11 seasonal states
    const std::vector<double> prefix(y.begin(), y.end() - 18);
    const auto refit = refitEts(prefix, *whole), scratch = fitEts(prefix, spec, 12);
    QVERIFY(refit && scratch);
    QCOMPARE(refit->spec, spec);
    QCOMPARE(refit->observations, 126);
    QVERIFY(std::abs(refit->alpha - whole->alpha) < 0.2);
    QVERIFY2(refit->logLikelihood < scratch->logLikelihood + 3.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(refit->logLikelihood).arg(scratch->logLikelihood)));
}

void TestForecastEts::rejectsInapplicableModels()
{
    const std::vector<double> negative{-1, 2, -3, 4, -5, 6, -7, 8, -9, 10, -11, 12};
    QVERIFY(!fitEts(negative, {EtsError::Multiplicative, EtsTrend::None, EtsSeason::None}));
    const std::vector<double> shortSeries(20, 5.0);
    QVERIFY(!fitEts(shortSeries, {EtsError::Additive, EtsTrend::None, EtsSeason::Additive}, 12));
    QVERIFY(!fitEts({1.0, 2.0}, {EtsError::Additive, EtsTrend::None, EtsSeason::None}));
}

void TestForecastEts::modelNames()
{
    QCOMPARE(EtsSpec({EtsError::Multiplicative, EtsTrend::Damped, EtsSeason::Multiplicative}).name(),
             QStringLiteral("ETS(M,Ad,M)"));
    QCOMPARE(EtsSpec{}.name(), QStringLiteral("ETS(A,N,N)"));
}

QTEST_GUILESS_MAIN(TestForecastEts)
#include "tst_forecastets.moc"
