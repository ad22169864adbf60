#include "core/forecast/stl.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace headroom::forecast;

class TestForecastStl : public QObject {
    Q_OBJECT
private slots:
    void matchesR_data();
    void matchesR();
    void robustWeightsMatchR();
    void mstlMatchesR();
    void componentsAddUp();
    void shortSeriesIsAllTrend();
    void robustIgnoresOutlier();
};

namespace {

// Columns of a CSV written by tests/bench/m3/stl_reference.R, by header name.
std::map<QString, std::vector<double>> readColumns(const char *name)
{
    std::map<QString, std::vector<double>> out;
    QFile f(QStringLiteral(HEADROOM_TEST_DATA "/forecast/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QStringList header = QString::fromUtf8(f.readLine()).trimmed().split(u',');
    while (!f.atEnd()) {
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(u',');
        for (qsizetype i = 0; i < header.size() && i < cells.size(); ++i)
            out[header[i]].push_back(cells[i].toDouble());
    }
    return out;
}

double maxAbsDiff(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return INFINITY;
    double d = 0.0;
    for (size_t i = 0; i < a.size(); ++i)
        d = std::max(d, std::abs(a[i] - b[i]));
    return d;
}

} // namespace

void TestForecastStl::matchesR_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("seasonalWindow");
    QTest::addColumn<int>("seasonalDegree");
    QTest::addColumn<int>("trendWindow");
    QTest::addColumn<int>("lowpassWindow");
    QTest::addColumn<int>("jump");
    QTest::addColumn<bool>("robust");
    // the settings of stl_reference.R; 0 = R's default
    QTest::addRow("s.window 7, default jumps") << QStringLiteral("default") << 7 << 0 << 0 << 0 << 0 << false;
    QTest::addRow("robust") << QStringLiteral("robust") << 7 << 0 << 0 << 0 << 0 << true;
    QTest::addRow("periodic") << QStringLiteral("periodic") << 0 << 0 << 0 << 0 << 0 << false;
    QTest::addRow("local lines, no jumps") << QStringLiteral("linear") << 13 << 1 << 25 << 13 << 1 << false;
}

void TestForecastStl::matchesR()
{
    QFETCH(QString, column);
    QFETCH(int, seasonalWindow);
    QFETCH(int, seasonalDegree);
    QFETCH(int, trendWindow);
    QFETCH(int, lowpassWindow);
    QFETCH(int, jump);
    QFETCH(bool, robust);
    auto ref = readColumns("stl-co2.csv");
    QCOMPARE(ref[QStringLiteral("y")].size(), size_t(468));
    StlOptions o;
    o.period = 12;
    o.seasonalWindow = seasonalWindow;
    o.seasonalDegree = seasonalDegree;
    o.trendWindow = trendWindow;
    o.lowpassWindow = lowpassWindow;
    o.seasonalJump = o.trendJump = o.lowpassJump = jump;
    o.robust = robust;
    const StlDecomposition d = stl(ref[QStringLiteral("y")], o);
    QVERIFY2(maxAbsDiff(d.seasonal, ref[QStringLiteral("s_") + column]) < 1e-9, "seasonal differs from R");
    QVERIFY2(maxAbsDiff(d.trend, ref[QStringLiteral("t_") + column]) < 1e-9, "trend differs from R");
}

void TestForecastStl::robustWeightsMatchR()
{
    auto ref = readColumns("stl-co2.csv");
    StlOptions o;
    o.period = 12;
    o.seasonalWindow = 7;
    o.robust = true;
    const StlDecomposition d = stl(ref[QStringLiteral("y")], o);
    QVERIFY(maxAbsDiff(d.weights, ref[QStringLiteral("w_robust")]) < 1e-9);
    QVERIFY(*std::min_element(d.weights.begin(), d.weights.end()) < 0.5); // some points down-weighted
}

void TestForecastStl::mstlMatchesR()
{
    auto ref = readColumns("mstl-taylor.csv");
    QCOMPARE(ref[QStringLiteral("y")].size(), size_t(1008));
    const MstlDecomposition m = mstl(ref[QStringLiteral("y")], {336, 48});
    QCOMPARE(m.periods, (std::vector<int>{48, 336}));
    QVERIFY2(maxAbsDiff(m.seasonals[0], ref[QStringLiteral("s48")]) < 1e-6, "daily component differs from R");
    QVERIFY2(maxAbsDiff(m.seasonals[1], ref[QStringLiteral("s336")]) < 1e-6, "weekly component differs from R");
    QVERIFY2(maxAbsDiff(m.trend, ref[QStringLiteral("trend")]) < 1e-6, "trend differs from R");
}

void TestForecastStl::componentsAddUp()
{
    auto ref = readColumns("mstl-taylor.csv");
    const std::vector<double> &y = ref[QStringLiteral("y")];
    const MstlDecomposition m = mstl(y, {48, 336});
    for (size_t t = 0; t < y.size(); ++t) {
        const double sum = m.seasonals[0][t] + m.seasonals[1][t] + m.trend[t] + m.remainder[t];
        QVERIFY(std::abs(sum - y[t]) < 1e-6);
        QVERIFY(std::abs(m.adjusted[t] - (m.trend[t] + m.remainder[t])) < 1e-6);
    }
}

void TestForecastStl::shortSeriesIsAllTrend()
{
    const std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 8};
    StlOptions o;
    o.period = 4; // needs more than 2 periods
    const StlDecomposition d = stl(y, o);
    QCOMPARE(d.trend, y);
    QCOMPARE(d.seasonal, std::vector<double>(y.size(), 0.0));
    const MstlDecomposition m = mstl(y, {4, 12});
    QVERIFY(m.periods.empty());
    QCOMPARE(m.adjusted, y);
}

void TestForecastStl::robustIgnoresOutlier()
{
    // A noisy weekly pattern with one huge spike: the robust seasonal at the spike's phase stays
    // close to the clean pattern, the non-robust one is pulled up. (Without noise the median
    // remainder is ~0 and every weight vanishes, so STL would fall back to the data.)
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0.0, 0.5);
    std::vector<double> y;
    for (int t = 0; t < 7 * 20; ++t)
        y.push_back(100 + 10 * std::sin(2 * M_PI * t / 7) + 0.1 * t + noise(rng));
    const size_t spike = 7 * 10 + 3;
    y[spike] += 500;
    StlOptions o;
    o.period = 7;
    o.seasonalWindow = 7;
    const double clean = 10 * std::sin(2 * M_PI * 3 / 7);
    const double plain = stl(y, o).seasonal[spike];
    o.robust = true;
    const StlDecomposition r = stl(y, o);
    QVERIFY(std::abs(r.seasonal[spike] - clean) < 1.0);
    QVERIFY(std::abs(plain - clean) > 20.0);
    QCOMPARE(r.weights[spike], 0.0);
}

QTEST_GUILESS_MAIN(TestForecastStl)
#include "tst_forecaststl.moc"
