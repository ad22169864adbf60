#include "core/forecast/series.h"

#include <QTest>

#include <cmath>

using namespace headroom::forecast;

namespace {

QString data(const char *name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/forecast/") + QString::fromLatin1(name);
}

RegularSeries load(const char *name, QStringList *warnings)
{
    const auto s = readSeriesCsv(data(name));
    if (!s)
        qFatal("%s", qPrintable(s.errorString()));
    auto r = regularise(s.value(), warnings);
    if (!r)
        qFatal("%s", qPrintable(r.errorString()));
    return r.value();
}

} // namespace

class TestForecastSeries : public QObject {
    Q_OBJECT
private slots:
    void badInputNamesFileAndLine_data();
    void badInputNamesFileAndLine();
    void monthlyDatesUseCalendarMonths();
    void missingPointsInterpolated();
    void irregularTimestampsResampled();
    void counterResetsRebased();
    void outlierReplaced();
    void cleanSeriesUntouched();
    void seasonsDetected_data();
    void seasonsDetected();
};

void TestForecastSeries::badInputNamesFileAndLine_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");
    QTest::addRow("garbage value") << QByteArray("t,value\n1,2\n2,3\n3,x1\n4,5\n") << QStringLiteral("in.csv:4:2: value: expected a number, got 'x1'");
    QTest::addRow("garbage time") << QByteArray("t,value\n1,2\nyesterday,3\n3,4\n") << QStringLiteral("in.csv:3:1: t: expected an ISO-8601 time");
    QTest::addRow("wrong column count") << QByteArray("t,value\n1,2\n2,3,4\n3,4\n") << QStringLiteral("in.csv:3:1: expected 2 columns");
    QTest::addRow("not increasing") << QByteArray("t,value\n1,2\n2,3\n2,4\n") << QStringLiteral("in.csv:4:1: t: times must strictly increase");
    QTest::addRow("mixed time kinds") << QByteArray("t,value\n1,2\n2024-01-01,3\n") << QStringLiteral("in.csv:3:1: t: mixes");
    QTest::addRow("missing header") << QByteArray("a,b\n1,2\n") << QStringLiteral("in.csv:1:1: expected a header with columns t,value");
    QTest::addRow("too short") << QByteArray("t,value\n1,2\n2,3\n") << QStringLiteral("in.csv:1:1: needs at least 3 points");
}

void TestForecastSeries::badInputNamesFileAndLine()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const auto s = parseSeriesCsv(csv, QStringLiteral("in.csv"));
    QVERIFY(!s);
    QVERIFY2(s.errorString().startsWith(expected), qPrintable(s.errorString()));
}

void TestForecastSeries::monthlyDatesUseCalendarMonths()
{
    QStringList warnings;
    const RegularSeries r = load("monthly.csv", &warnings);
    QCOMPARE(r.stepMonths, 1);
    QCOMPARE(int(r.values.size()), 72);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QCOMPARE(r.timeLabel(13), QStringLiteral("2021-02-01T00:00:00Z"));
}

void TestForecastSeries::missingPointsInterpolated()
{
    QStringList warnings;
    const RegularSeries r = load("gaps.csv", &warnings);
    QCOMPARE(int(r.values.size()), 24 * 14);
    QCOMPARE(r.step, 3600.0);
    QVERIFY(std::none_of(r.values.begin(), r.values.end(), [](double v) { return std::isnan(v); }));
    QVERIFY(warnings.join(u' ').contains(QStringLiteral("5 missing points were interpolated")));
    // Rows 30-32 are absent: linear between 29 and 33.
    QVERIFY(std::abs(r.values[31] - (r.values[29] + r.values[33]) / 2) < 1e-9);
}

void TestForecastSeries::irregularTimestampsResampled()
{
    QStringList warnings;
    const RegularSeries r = load("irregular.csv", &warnings);
    QCOMPARE(r.step, 3600.0);
    QCOMPARE(int(r.values.size()), 240);
    QVERIFY(warnings.join(u' ').contains(QStringLiteral("off the regular step")));
}

void TestForecastSeries::counterResetsRebased()
{
    QStringList warnings;
    RegularSeries r = load("counter.csv", &warnings);
    QCOMPARE(repairCounterResets(r, &warnings), 2);
    for (size_t t = 1; t < r.values.size(); ++t)
        QVERIFY(r.values[t] >= r.values[t - 1]);
    QVERIFY(warnings.join(u' ').contains(QStringLiteral("counter reset at 40")));
    QVERIFY(r.values.back() > 900);
}

void TestForecastSeries::outlierReplaced()
{
    QStringList warnings;
    RegularSeries r = load("outlier.csv", &warnings);
    QCOMPARE(replaceOutliers(r, {}, 6.0, &warnings), 1);
    QVERIFY(std::abs(r.values[60] - 100) < 5);
    QVERIFY(warnings.join(u' ').contains(QStringLiteral("60 (600.")));
}

void TestForecastSeries::cleanSeriesUntouched()
{
    QStringList warnings;
    RegularSeries r = load("monthly.csv", &warnings);
    const std::vector<double> before = r.values;
    QCOMPARE(repairCounterResets(r, &warnings), 0);
    QCOMPARE(replaceOutliers(r, {12}, 6.0, &warnings), 0);
    QCOMPARE(r.values, before);
}

void TestForecastSeries::seasonsDetected_data()
{
    QTest::addColumn<double>("stepSeconds");
    QTest::addColumn<int>("points");
    QTest::addColumn<bool>("weekly");
    QTest::addColumn<std::vector<int>>("expected");
    QTest::addRow("5-minute, daily + weekly") << 300.0 << 2016 * 4 << true << std::vector<int>{288, 2016};
    QTest::addRow("5-minute, daily only") << 300.0 << 2016 * 4 << false << std::vector<int>{288};
    QTest::addRow("hourly, daily + weekly") << 3600.0 << 168 * 5 << true << std::vector<int>{24, 168};
}

void TestForecastSeries::seasonsDetected()
{
    QFETCH(double, stepSeconds);
    QFETCH(int, points);
    QFETCH(bool, weekly);
    QFETCH(std::vector<int>, expected);
    RegularSeries r;
    r.calendarTime = true;
    r.start = 1.7e9;
    r.step = stepSeconds;
    const int day = int(86400 / stepSeconds);
    for (int t = 0; t < points; ++t)
        r.values.push_back(100 + 20 * std::sin(2 * M_PI * t / day) + (weekly && (t / day) % 7 >= 5 ? -15 : 0) +
                           std::sin(0.7 * t * t));
    QCOMPARE(detectSeasonPeriods(r), expected);
}

QTEST_GUILESS_MAIN(TestForecastSeries)
#include "tst_forecastseries.moc"
