#include "core/alerting/promqlevaluator.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace headroom::alerting;

namespace {

constexpr qint64 s = 1000; // one second in ms

Labels L(std::initializer_list<std::pair<QString, QString>> pairs)
{
    Labels l;
    for (const auto &[k, v] : pairs)
        l.insert(k, v);
    return l;
}

// Evaluates `expr` at `t` and returns "labels=value" lines sorted, for compact comparisons.
QStringList eval(const SeriesStore &store, const QString &expr, qint64 t)
{
    const auto parsed = parsePromql(expr);
    if (!parsed)
        return {u"parse error: "_s + parsed.errorString()};
    const auto value = PromqlEvaluator(store).evaluate(*parsed.value(), t);
    if (!value)
        return {u"error: "_s + value.errorString()};
    if (value->type == ValueType::Scalar)
        return {u"scalar=%1"_s.arg(value->scalar)};
    QStringList lines;
    for (const VectorSample &x : value->vector)
        lines << u"%1=%2"_s.arg(formatLabels(x.labels)).arg(x.v, 0, 'g', 10);
    lines.sort();
    return lines;
}

SeriesStore matchingStore()
{
    SeriesStore st;
    st.append(L({{u"__name__"_s, u"errors"_s}, {u"code"_s, u"500"_s}, {u"method"_s, u"get"_s}}), 0, 24);
    st.append(L({{u"__name__"_s, u"errors"_s}, {u"code"_s, u"500"_s}, {u"method"_s, u"put"_s}}), 0, 3);
    st.append(L({{u"__name__"_s, u"errors"_s}, {u"code"_s, u"404"_s}, {u"method"_s, u"get"_s}}), 0, 30);
    st.append(L({{u"__name__"_s, u"requests"_s}, {u"method"_s, u"get"_s}}), 0, 600);
    st.append(L({{u"__name__"_s, u"requests"_s}, {u"method"_s, u"put"_s}}), 0, 120);
    return st;
}

} // namespace

class TestPromqlEvaluator : public QObject {
    Q_OBJECT
private slots:
    void extrapolatedRate_data();
    void extrapolatedRate();
    void rateThroughSelector();
    void histogramQuantile_data();
    void histogramQuantile();
    void quantileOverTime();
    void vectorMatching_data();
    void vectorMatching();
    void aggregations_data();
    void aggregations();
    void lookbackAndStaleness();
    void overTimeFunctions();
};

void TestPromqlEvaluator::extrapolatedRate_data()
{
    QTest::addColumn<QList<qint64>>("times");    // seconds
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("increase");         // over [0s, 60s]
    // aligned samples: no extrapolation needed
    QTest::addRow("aligned") << QList<qint64>{0, 15, 30, 45, 60} << QList<double>{0, 15, 30, 45, 60} << 60.0;
    // 5 s after start (< 1.1 x 15 s) extrapolates to the start; 25 s before the end only by 7.5 s
    QTest::addRow("half interval at end") << QList<qint64>{5, 20, 35} << QList<double>{10, 25, 40} << 42.5;
    // a counter reset adds the value before the reset
    QTest::addRow("counter reset") << QList<qint64>{0, 15, 30, 45, 60} << QList<double>{10, 20, 5, 15, 25} << 35.0;
    // the zero point (1 s before the first sample) limits extrapolation towards the start
    QTest::addRow("zero point") << QList<qint64>{10, 25, 40} << QList<double>{1, 16, 31} << 38.5;
}

void TestPromqlEvaluator::extrapolatedRate()
{
    QFETCH(QList<qint64>, times);
    QFETCH(QList<double>, values);
    QFETCH(double, increase);
    std::vector<Sample> samples;
    for (qsizetype i = 0; i < times.size(); ++i)
        samples.push_back({times[i] * s, values[i]});
    const auto inc = headroom::alerting::extrapolatedRate(samples, 0, 60 * s, true, false);
    QVERIFY(inc);
    QVERIFY(qFuzzyCompare(*inc, increase));
    const auto rate = headroom::alerting::extrapolatedRate(samples, 0, 60 * s, true, true);
    QVERIFY(qFuzzyCompare(*rate, increase / 60));
    QVERIFY(!headroom::alerting::extrapolatedRate({samples.front()}, 0, 60 * s, true, true));
}

void TestPromqlEvaluator::rateThroughSelector()
{
    SeriesStore st;
    for (int i = 0; i <= 8; ++i)
        st.append(L({{u"__name__"_s, u"req_total"_s}, {u"tier"_s, u"api"_s}}), i * 15 * s, i * 30.0);
    // at 120 s, [1m] selects 60..120 s inclusive: 5 samples, 2/s
    QCOMPARE(eval(st, u"rate(req_total[1m])"_s, 120 * s), QStringList{u"{tier=\"api\"}=2"_s});
    QCOMPARE(eval(st, u"increase(req_total[1m] offset 30s)"_s, 120 * s), QStringList{u"{tier=\"api\"}=120"_s});
}

void TestPromqlEvaluator::histogramQuantile_data()
{
    QTest::addColumn<double>("phi");
    QTest::addColumn<double>("infCount");
    QTest::addColumn<double>("expected");
    QTest::addRow("median interpolates in (0.1, 0.5]") << 0.5 << 40.0 << 0.3;
    QTest::addRow("p99 in (0.5, 1]") << 0.99 << 40.0 << 0.98;
    QTest::addRow("max is top finite bound") << 1.0 << 40.0 << 1.0;
    QTest::addRow("in +Inf bucket gives last finite bound") << 0.9 << 50.0 << 1.0;
    QTest::addRow("phi above 1") << 1.5 << 40.0 << qInf();
}

void TestPromqlEvaluator::histogramQuantile()
{
    QFETCH(double, phi);
    QFETCH(double, infCount);
    QFETCH(double, expected);
    SeriesStore st;
    const QList<std::pair<QString, double>> buckets = {{u"0.1"_s, 10}, {u"0.5"_s, 30}, {u"1"_s, 40}, {u"+Inf"_s, infCount}};
    for (const auto &[le, count] : buckets)
        st.append(L({{u"__name__"_s, u"lat_bucket"_s}, {u"le"_s, le}, {u"tier"_s, u"api"_s}}), 0, count);
    const auto parsed = parsePromql(u"histogram_quantile(%1, lat_bucket)"_s.arg(phi));
    QVERIFY(parsed);
    const auto v = PromqlEvaluator(st).evaluate(*parsed.value(), 10 * s);
    QVERIFY(v);
    QCOMPARE(v->vector.size(), size_t(1));
    QCOMPARE(v->vector[0].labels, L({{u"tier"_s, u"api"_s}}));
    QVERIFY2(v->vector[0].v == expected || qFuzzyCompare(v->vector[0].v, expected), qPrintable(QString::number(v->vector[0].v)));
    // the free function agrees; no +Inf bucket gives NaN
    QVERIFY(std::isnan(bucketQuantile(0.5, {{0.1, 1}, {1, 2}})));
}

void TestPromqlEvaluator::quantileOverTime()
{
    QCOMPARE(quantileOf(0.5, {4, 1, 3, 2}), 2.5);
    QCOMPARE(quantileOf(0.9, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), 10.0);
    QCOMPARE(quantileOf(0, {5, 1}), 1.0);
    QVERIFY(std::isinf(quantileOf(-0.1, {1})));
}

void TestPromqlEvaluator::vectorMatching_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("group_left") << u"errors / ignoring(code) group_left requests"_s
                                << QStringList{u"{code=\"404\", method=\"get\"}=0.05"_s, u"{code=\"500\", method=\"get\"}=0.04"_s,
                                               u"{code=\"500\", method=\"put\"}=0.025"_s};
    QTest::addRow("one-to-one ignoring") << u"errors{code=\"500\"} / ignoring(code) requests"_s
                                         << QStringList{u"{method=\"get\"}=0.04"_s, u"{method=\"put\"}=0.025"_s};
    QTest::addRow("one-to-one on") << u"errors{code=\"500\"} / on(method) requests"_s
                                   << QStringList{u"{method=\"get\"}=0.04"_s, u"{method=\"put\"}=0.025"_s};
    QTest::addRow("many-to-one needs group_left") << u"errors / ignoring(code) requests"_s
                                                  << QStringList{u"error: expr: PromQL 1:8: multiple matches for labels {method=\"get\"}: many-to-one matching must be explicit (group_left/group_right)"_s};
    QTest::addRow("group_right swaps") << u"requests * on(method) group_right errors"_s
                                       << QStringList{u"{code=\"404\", method=\"get\"}=18000"_s, u"{code=\"500\", method=\"get\"}=14400"_s,
                                                      u"{code=\"500\", method=\"put\"}=360"_s};
    QTest::addRow("comparison keeps name") << u"errors > 25"_s << QStringList{u"errors{code=\"404\", method=\"get\"}=30"_s};
    QTest::addRow("scalar on the left keeps vector value") << u"25 < errors"_s << QStringList{u"errors{code=\"404\", method=\"get\"}=30"_s};
    QTest::addRow("bool drops name") << u"errors{method=\"put\"} >= bool 3"_s << QStringList{u"{code=\"500\", method=\"put\"}=1"_s};
    QTest::addRow("arithmetic drops name") << u"requests{method=\"put\"} * 2"_s << QStringList{u"{method=\"put\"}=240"_s};
    QTest::addRow("and on") << u"errors and on(method) requests{method=\"put\"}"_s << QStringList{u"errors{code=\"500\", method=\"put\"}=3"_s};
    QTest::addRow("unless") << u"requests unless on(method) errors{code=\"404\"}"_s << QStringList{u"requests{method=\"put\"}=120"_s};
    QTest::addRow("or") << u"errors{code=\"404\"} or requests"_s
                        << QStringList{u"errors{code=\"404\", method=\"get\"}=30"_s, u"requests{method=\"get\"}=600"_s, u"requests{method=\"put\"}=120"_s};
    QTest::addRow("vector comparison filters lhs") << u"requests > on(method) errors{code=\"500\"} * 30"_s
                                                   << QStringList{u"{method=\"put\"}=120"_s};
    QTest::addRow("regex matcher") << u"errors{code=~\"5..\", method!~\"p.*\"}"_s << QStringList{u"errors{code=\"500\", method=\"get\"}=24"_s};
    QTest::addRow("scalar arithmetic") << u"2 ^ 3 % 5 - 1"_s << QStringList{u"scalar=2"_s};
}

void TestPromqlEvaluator::vectorMatching()
{
    QFETCH(QString, expr);
    QFETCH(QStringList, expected);
    QCOMPARE(eval(matchingStore(), expr, 60 * s), expected);
}

void TestPromqlEvaluator::aggregations_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("sum by") << u"sum by (method) (errors)"_s << QStringList{u"{method=\"get\"}=54"_s, u"{method=\"put\"}=3"_s};
    QTest::addRow("count without") << u"count without (code) (errors)"_s << QStringList{u"{method=\"get\"}=2"_s, u"{method=\"put\"}=1"_s};
    QTest::addRow("avg all") << u"avg(errors)"_s << QStringList{u"{}=19"_s};
    QTest::addRow("max by after") << u"max(errors) by (code)"_s << QStringList{u"{code=\"404\"}=30"_s, u"{code=\"500\"}=24"_s};
    QTest::addRow("min") << u"min(requests)"_s << QStringList{u"{}=120"_s};
    QTest::addRow("empty input") << u"sum(nothing)"_s << QStringList{};
}

void TestPromqlEvaluator::aggregations()
{
    QFETCH(QString, expr);
    QFETCH(QStringList, expected);
    QCOMPARE(eval(matchingStore(), expr, 0), expected);
}

void TestPromqlEvaluator::lookbackAndStaleness()
{
    SeriesStore st;
    const Labels a = L({{u"__name__"_s, u"x"_s}, {u"i"_s, u"a"_s}});
    const Labels b = L({{u"__name__"_s, u"x"_s}, {u"i"_s, u"b"_s}});
    st.append(a, 0, 1);
    st.append(b, 0, 2);
    st.append(b, 15 * s, staleMarker());
    QCOMPARE(eval(st, u"x"_s, 10 * s).size(), 2);
    QCOMPARE(eval(st, u"x"_s, 20 * s), QStringList{u"x{i=\"a\"}=1"_s}); // b went stale
    QCOMPARE(eval(st, u"x"_s, 300 * s), QStringList{u"x{i=\"a\"}=1"_s}); // lookback is closed at 5 m
    QCOMPARE(eval(st, u"x"_s, 300 * s + 1), QStringList{});
    QCOMPARE(eval(st, u"x offset 1m"_s, 360 * s), QStringList{u"x{i=\"a\"}=1"_s});
    QCOMPARE(eval(st, u"count_over_time(x[1m])"_s, 30 * s), (QStringList{u"{i=\"a\"}=1"_s, u"{i=\"b\"}=1"_s}));
}

void TestPromqlEvaluator::overTimeFunctions()
{
    SeriesStore st;
    const Labels x = L({{u"__name__"_s, u"x"_s}});
    const double values[] = {4, 1, 3, 2, 10};
    for (int i = 0; i < 5; ++i)
        st.append(x, i * 15 * s, values[i]);
    QCOMPARE(eval(st, u"avg_over_time(x[45s])"_s, 45 * s), QStringList{u"{}=2.5"_s});
    QCOMPARE(eval(st, u"max_over_time(x[1m])"_s, 60 * s), QStringList{u"{}=10"_s});
    QCOMPARE(eval(st, u"min_over_time(x[1m])"_s, 60 * s), QStringList{u"{}=1"_s});
    QCOMPARE(eval(st, u"sum_over_time(x[30s])"_s, 60 * s), QStringList{u"{}=15"_s});
    QCOMPARE(eval(st, u"quantile_over_time(0.5, x[45s])"_s, 45 * s), QStringList{u"{}=2.5"_s});
    QCOMPARE(eval(st, u"clamp_min(x, 5)"_s, 45 * s), QStringList{u"{}=5"_s});
    QCOMPARE(eval(st, u"clamp_max(-x, -3)"_s, 60 * s), QStringList{u"{}=-10"_s});
    QCOMPARE(eval(st, u"abs(-x)"_s, 60 * s), QStringList{u"{}=10"_s});
    QCOMPARE(eval(st, u"scalar(x) + time()"_s, 60 * s), QStringList{u"scalar=70"_s});
    QCOMPARE(eval(st, u"vector(time())"_s, 60 * s), QStringList{u"{}=60"_s});
    QCOMPARE(eval(st, u"scalar(nothing)"_s, 60 * s), QStringList{u"scalar=nan"_s});
}

QTEST_GUILESS_MAIN(TestPromqlEvaluator)
#include "tst_promqlevaluator.moc"
