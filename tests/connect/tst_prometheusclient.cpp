#include "core/connect/prometheusclient.h"

#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// Parsing and range planning always run; the live cases (HEADROOM_LIVE=1, integration) query the
/// Prometheus of tests/scripts/prometheus-synthetic.sh at HEADROOM_TEST_PROMETHEUS.
class TestPrometheusClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void parseMatrix();
    void parseVectorSpecialValues();
    void parseErrors_data();
    void parseErrors();
    void planRange_data();
    void planRange();
    void singleCallStep();
    void liveHistoryEqualsBackfill();
    void liveErrorNamesUrlAndStatus();
    void liveFetchHistory();

private:
    QUrl liveUrl();
};

void TestPrometheusClient::parseMatrix()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"up","job":"a"},"values":[[1700000000,"1"],[1700000060.5,"0.25"]]},
        {"metric":{"job":"b"},"values":[]}]},"warnings":["partial data"]})";
    const QUrl url(u"http://p:9090/api/v1/query_range?query=up"_s);
    auto r = parsePromResponse(body, 200, url);
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->resultType, u"matrix"_s);
    QCOMPARE(r->series.size(), 2);
    QCOMPARE(r->series[0].labels.value(u"job"_s), u"a"_s);
    QCOMPARE(r->series[0].timestamps.size(), size_t(2));
    QCOMPARE(r->series[0].timestamps[1], 1700000060.5);
    QCOMPARE(r->series[0].values[1], 0.25);
    QCOMPARE(r->warnings.size(), 1);
    QVERIFY(r->warnings[0].startsWith(u"http://p:9090/api/v1/query_range"_s));
    QVERIFY(r->warnings[0].endsWith(u"partial data"_s));
}

void TestPrometheusClient::parseVectorSpecialValues()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"i":"1"},"value":[1,"NaN"]},{"metric":{"i":"2"},"value":[1,"+Inf"]},
        {"metric":{"i":"3"},"value":[1,"-Inf"]},{"metric":{"i":"4"},"value":[1,"1e3"]}]}})";
    auto r = parsePromResponse(body, 200, QUrl(u"http://p/"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->series.size(), 4);
    QVERIFY(std::isnan(r->series[0].values[0]));
    QVERIFY(std::isinf(r->series[1].values[0]) && r->series[1].values[0] > 0);
    QVERIFY(std::isinf(r->series[2].values[0]) && r->series[2].values[0] < 0);
    QCOMPARE(r->series[3].values[0], 1000.0);
}

void TestPrometheusClient::parseErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::addRow("too many points") << QByteArray(R"({"status":"error","errorType":"bad_data","error":"exceeded )"
                                                   R"(maximum resolution of 11,000 points per timeseries"})")
                                     << 400 << u"HTTP 400: bad_data: exceeded maximum resolution"_s;
    QTest::addRow("execution") << QByteArray(R"({"status":"error","errorType":"execution","error":"many-to-many"})")
                               << 422 << u"HTTP 422: execution: many-to-many"_s;
    QTest::addRow("proxy html") << QByteArray("<html>Bad Gateway</html>") << 502
                                << u"HTTP 502: unexpected answer: <html>Bad Gateway"_s;
    QTest::addRow("truncated") << QByteArray(R"({"status":"success","data":{"resultT)") << 200
                               << u"HTTP 200: malformed JSON"_s;
    QTest::addRow("bad sample") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":)"
                                              R"([{"metric":{},"values":[[1,2]]}]}})")
                                << 200 << u"data.result[0]: malformed sample"_s;
    QTest::addRow("unknown type") << QByteArray(R"({"status":"success","data":{"resultType":"tensor","result":[]}})")
                                  << 200 << u"unknown type \"tensor\""_s;
}

void TestPrometheusClient::parseErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, expected);
    const QUrl url(u"http://prom.example:9090/api/v1/query_range?query=x"_s);
    auto r = parsePromResponse(body, status, url);
    QVERIFY(!r.ok());
    const QString text = r.errorString();
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.startsWith(u"http://prom.example:9090/api/v1/query_range"_s), qPrintable(text));
}

void TestPrometheusClient::planRange_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<int>("chunks");
    QTest::addRow("exactly 11000 points") << qint64(0) << qint64(10999) << qint64(1) << 1;
    QTest::addRow("11001 points split") << qint64(0) << qint64(11000) << qint64(1) << 2;
    QTest::addRow("30 days at 60 s") << qint64(1000) << qint64(1000 + 30 * 86400) << qint64(60) << 4;
    QTest::addRow("one point") << qint64(5) << qint64(5) << qint64(60) << 1;
    QTest::addRow("end before start") << qint64(10) << qint64(5) << qint64(60) << 0;
    QTest::addRow("zero step") << qint64(0) << qint64(5) << qint64(0) << 0;
}

void TestPrometheusClient::planRange()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(qint64, step);
    QFETCH(int, chunks);
    const auto plan = planRangeQuery(start, end, step);
    QCOMPARE(plan.size(), chunks);
    qint64 expectedStart = start;
    qint64 points = 0;
    for (const auto &c : plan) {
        QCOMPARE(c.start, expectedStart);                // contiguous and aligned to the step
        QCOMPARE((c.start - start) % step, qint64(0));
        QVERIFY((c.end - c.start) / step + 1 <= kPromMaxPointsPerSeries);
        points += (c.end - c.start) / step + 1;
        expectedStart = c.start + ((c.end - c.start) / step + 1) * step;
    }
    if (chunks > 0) {
        QCOMPARE(plan.last().end, end - (end - start) % step);
        QCOMPARE(points, (end - start) / step + 1);
    }
}

void TestPrometheusClient::singleCallStep()
{
    QCOMPARE(stepForSingleCall(0, 30 * 86400), qint64(236));   // RECIPES: 30 d needs step >= 236 s
    QCOMPARE(stepForSingleCall(0, 10999), qint64(1));
    QCOMPARE(stepForSingleCall(0, 11000), qint64(2));
    QCOMPARE(planRangeQuery(0, 30 * 86400, stepForSingleCall(0, 30 * 86400)).size(), 1);
}

QUrl TestPrometheusClient::liveUrl()
{
    const QString url = qEnvironmentVariable("HEADROOM_TEST_PROMETHEUS");
    return QUrl(url);
}

static bool live() { return qEnvironmentVariableIsSet("HEADROOM_LIVE"); }

/// The value tests/scripts/gen-openmetrics.sh writes for `base` at t, data starting at t0.
static double generated(double base, qint64 t, qint64 t0)
{
    const double pi = 3.141592653589793;
    const double daily = std::sin(2 * pi * (double(t % 86400) / 86400 - 0.25));
    const double growth = 1 + 0.01 * double(t - t0) / 86400;
    const int dow = int(qint64(double(t) / 86400 + 4) % 7);
    const double weekend = (dow == 0 || dow == 6) ? 0.7 : 1.0;
    return base * growth * weekend * (1 + 0.4 * daily);
}

void TestPrometheusClient::liveHistoryEqualsBackfill()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/prometheus-synthetic.sh");
    const QUrl base = liveUrl();
    QVERIFY2(base.isValid() && !base.isEmpty(), "HEADROOM_TEST_PROMETHEUS is not set (Prometheus at 127.0.0.1:19090)");
    HttpClient http;
    PrometheusClient client(base, &http);
    client.setRetryPolicy({std::chrono::seconds(30), 2});
    const qint64 now = QDateTime::currentSecsSinceEpoch() / 60 * 60;
    const auto end = QDateTime::fromSecsSinceEpoch(now + 600);
    const auto start = QDateTime::fromSecsSinceEpoch(now - 31 * 86400);
    auto future = client.queryRange(u"http_requests_per_second"_s, start, end, std::chrono::seconds(60));
    QVERIFY(waitFor(future, std::chrono::seconds(120)));
    const auto r = future.result();
    QVERIFY2(r.ok(), qPrintable(u"Prometheus at %1: "_s.arg(base.toString()).append(r.errorString())));
    QVERIFY2(r->requests >= 4, "a 31-day range at 60 s must be split");
    QCOMPARE(r->series.size(), 2);
    const qint64 samples = 30 * 86400 / 60;
    for (const PromSeries &s : r->series) {
        const QString service = s.labels.value(u"service"_s);
        const double baseRate = service == u"api"_s ? 120 : 60;
        QVERIFY(!s.timestamps.empty());
        const qint64 t0 = qint64(s.timestamps.front());
        QVERIFY(std::is_sorted(s.timestamps.begin(), s.timestamps.end()));
        qint64 compared = 0;
        for (size_t i = 0; i < s.timestamps.size(); ++i) {
            const qint64 t = qint64(s.timestamps[i]);
            if (t > t0 + (samples - 1) * 60)
                break; // after the last sample the 5-minute lookback repeats it
            QCOMPARE(t, t0 + qint64(i) * 60);
            const double expected = generated(baseRate, t, t0);
            if (std::abs(s.values[i] - expected) > 0.0006)
                QFAIL(qPrintable(u"%1 at %2: got %3, loaded %4"_s.arg(service).arg(t).arg(s.values[i]).arg(expected)));
            ++compared;
        }
        QCOMPARE(compared, samples);
    }
}

void TestPrometheusClient::liveErrorNamesUrlAndStatus()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/prometheus-synthetic.sh");
    HttpClient http;
    PrometheusClient client(liveUrl(), &http);
    auto future = client.query(u"sum(("_s);
    QVERIFY(waitFor(future, std::chrono::seconds(30)));
    const auto r = future.result();
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"/api/v1/query"_s) && r.errorString().contains(u"HTTP 400: bad_data"_s),
             qPrintable(r.errorString()));
}

void TestPrometheusClient::liveFetchHistory()
{
    if (!live())
        QSKIP("integration: needs tests/scripts/prometheus-synthetic.sh");
    HttpClient http;
    PrometheusClient client(liveUrl(), &http);
    headroom::model::DataSource source;
    source.name = u"prom"_s;
    source.queries.insert(u"requests"_s, u"sum(http_requests_per_second)"_s);
    source.queries.insert(u"api"_s, u"http_requests_per_second{service=\"api\"}"_s);
    // the backfill ends when the service script ran: stay a few hours before now
    const qint64 end = QDateTime::currentSecsSinceEpoch() - 3 * 3600;
    auto future = client.fetchHistory(source, QDateTime::fromSecsSinceEpoch(end - 7 * 86400),
                                      QDateTime::fromSecsSinceEpoch(end), std::chrono::seconds(3600));
    QVERIFY(waitFor(future, std::chrono::seconds(60)));
    const auto r = future.result();
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->value(u"requests"_s).series.size(), 1);
    QVERIFY(r->value(u"requests"_s).series[0].values.size() >= 24 * 7);
    QCOMPARE(r->value(u"api"_s).series[0].labels.value(u"service"_s), u"api"_s);
}

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
