#include "core/forecast/stl.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <cstdint>
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
    void keepsExactNumbers_data();
    void keepsExactNumbers();
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

void TestForecastStl::keepsExactNumbers_data()
{
    // Pinned to the last bit: the loess smoother is tuned for speed (several estimates side by
    // side), and a faster form must give the same numbers as one estimate at a time.
    QTest::addColumn<int>("seasonalWindow");
    QTest::addColumn<int>("seasonalDegree");
    QTest::addColumn<bool>("robust");
    QTest::addColumn<QList<double>>("expected"); // seasonal[0], trend[0], trend[250], trend[499], mix
    QTest::newRow("window 7") << 7 << 0 << false
                              << QList<double>{-0x1.b2207cb30f125p-1, 0x1.8a1d42fd155ddp+5, 0x1.00bb687f98a45p+6,
                                               0x1.2c46e79ac6317p+6, 0x1.e99332cc284a5p+16};
    QTest::newRow("robust") << 7 << 0 << true
                            << QList<double>{-0x1.1a0d48831c89fp+0, 0x1.8a6194fe64e3bp+5, 0x1.ed40323a1cf87p+5,
                                             0x1.2c7c8126527bbp+6, 0x1.e8713aa3ba5dp+16};
    QTest::newRow("periodic") << 0 << 0 << false
                              << QList<double>{-0x1.bea870de4aec5p-2, 0x1.875b30b099948p+5, 0x1.034d7115a0fb4p+6,
                                               0x1.2b54e584e923cp+6, 0x1.e92f544249acfp+16};
    QTest::newRow("seasonal degree 1") << 7 << 1 << false
                                       << QList<double>{-0x1.14ce0b3cbde4ap+0, 0x1.8ac3ef9ca3adep+5,
                                                        0x1.00bb687f98a45p+6, 0x1.2bdd24ef73053p+6,
                                                        0x1.e9648c603ada9p+16};
}

void TestForecastStl::keepsExactNumbers()
{
    QFETCH(int, seasonalWindow);
    QFETCH(int, seasonalDegree);
    QFETCH(bool, robust);
    QFETCH(QList<double>, expected);
    uint64_t state = 777; // a 64-bit LCG: the same noise on every platform
    std::vector<double> y;
    for (int t = 0; t < 500; ++t) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double noise = double(state >> 11) / double(1ULL << 52) - 1.0;
        y.push_back(50.0 + 0.05 * t + 10.0 * std::sin(2 * M_PI * t / 24) + 4.0 * noise + (t == 250 ? 60.0 : 0.0));
    }
    StlOptions o;
    o.period = 24;
    o.seasonalWindow = seasonalWindow;
    o.seasonalDegree = seasonalDegree;
    o.robust = robust;
    const StlDecomposition d = stl(y, o);
    double mix = 0.0; // every point of both components, weighted so that none can hide another
    for (size_t i = 0; i < y.size(); ++i)
        mix += (d.seasonal[i] * 3.0 + d.trend[i]) * double(i % 7 + 1);
    const QList<double> got{d.seasonal[0], d.trend[0], d.trend[250], d.trend[499], mix};
    for (qsizetype i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == expected[i], qPrintable(QStringLiteral("value %1: %2 instead of %3")
                                                      .arg(i)
                                                      .arg(got[i], 0, 'g', 17)
                                                      .arg(expected[i], 0, 'g', 17)));
}

QTEST_GUILESS_MAIN(TestForecastStl)
#include "tst_forecaststl.moc"
