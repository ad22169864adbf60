// LTTB downsampling: the point budget is exact, the ends stay, spikes survive.
#include "ui/charts/lttb.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace headroom::charts;

class TestLttb : public QObject
{
    Q_OBJECT

private:
    static std::vector<double> wave(std::size_t n)
    {
        std::vector<double> y(n);
        for (std::size_t i = 0; i < n; ++i)
            y[i] = 100 + 40 * std::sin(static_cast<double>(i) / 288.0 * 6.283185307);
        return y;
    }

private slots:
    void exactBucketCount_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<int>("expected");
        QTest::newRow("year of 5-minute points") << 105'120 << 2000 << 2000;
        QTest::newRow("just above") << 2001 << 2000 << 2000;
        QTest::newRow("fewer than the budget") << 1500 << 2000 << 1500;
        QTest::newRow("equal to the budget") << 2000 << 2000 << 2000;
        QTest::newRow("tiny budget keeps all") << 50 << 2 << 50;
        QTest::newRow("three") << 1000 << 3 << 3;
        QTest::newRow("empty") << 0 << 100 << 0;
    }
    void exactBucketCount()
    {
        QFETCH(int, points);
        QFETCH(int, threshold);
        QFETCH(int, expected);
        const std::vector<double> y = wave(static_cast<std::size_t>(points));
        const QList<QPointF> out = lttbUniform(0, 1, y, static_cast<std::size_t>(threshold));
        QCOMPARE(out.size(), expected);
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY2(out[i].x() > out[i - 1].x(), "indices must be strictly increasing");
    }

    void keepsFirstAndLast()
    {
        const std::vector<double> y = wave(10'000);
        const QList<QPointF> out = lttbUniform(5, 2, y, 300);
        QCOMPARE(out.front(), QPointF(5, y.front()));
        QCOMPARE(out.back(), QPointF(5 + 2 * 9999, y.back()));
    }

    void keepsSpikeExtremes_data()
    {
        QTest::addColumn<int>("at");
        QTest::addColumn<double>("height");
        QTest::newRow("up spike early") << 1234 << 5000.0;
        QTest::newRow("down spike late") << 90'001 << -4000.0;
        QTest::newRow("one-tick spike mid") << 52'560 << 900.0;
    }
    void keepsSpikeExtremes()
    {
        QFETCH(int, at);
        QFETCH(double, height);
        std::vector<double> y = wave(105'120);
        y[static_cast<std::size_t>(at)] = height;
        const std::vector<double> x = [&] {
            std::vector<double> v(y.size());
            std::iota(v.begin(), v.end(), 0.0);
            return v;
        }();
        const std::vector<std::size_t> kept = lttbIndices(x, y, 2000);
        QVERIFY(std::find(kept.begin(), kept.end(), static_cast<std::size_t>(at)) != kept.end());
        // The global extremes of a flat series with one spike survive.
        const QList<QPointF> points = lttb(x, y, 2000);
        const auto [lo, hi] = std::minmax_element(points.begin(), points.end(),
                                                  [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QCOMPARE(height > 0 ? hi->y() : lo->y(), height);
    }

    void nonFiniteValuesDoNotPoison()
    {
        std::vector<double> y = wave(5000);
        y[100] = std::numeric_limits<double>::infinity();
        y[200] = std::nan("");
        const QList<QPointF> out = lttbUniform(0, 1, y, 500);
        QCOMPARE(out.size(), 500);
        for (const QPointF &p : out)
            QVERIFY(std::isfinite(p.y()));
    }
};

QTEST_GUILESS_MAIN(TestLttb)
#include "tst_chartslttb.moc"
