#include "core/connect/prometheusclient.h"
#include "core/connect/promscanner.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace headroom::connect;

/// The query_range fast path against the general QJsonDocument parser: on every body, valid or
/// not, parsePromResponse (fast path first) must give exactly what parsePromResponseGeneric gives,
/// and the fast path must take the bodies it is meant for and leave the rest alone.
class TestPromScanner : public QObject {
    Q_OBJECT
private slots:
    void bothPathsAgree_data();
    void bothPathsAgree();
    void randomBodiesAgree();
    void damagedBodiesAgree();
    void errorsStayLocated();
};

namespace {

const QUrl kUrl(u"http://user:pw@prom.example:9090/api/v1/query_range?query=up"_s);

bool sameDouble(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

/// Empty when equal, else what differs.
QString difference(const headroom::model::Result<PromQueryResult> &a, const headroom::model::Result<PromQueryResult> &b)
{
    if (a.ok() != b.ok())
        return u"ok %1 vs %2: %3 / %4"_s.arg(a.ok()).arg(b.ok()).arg(a.ok() ? QString() : a.errorString(),
                                                                      b.ok() ? QString() : b.errorString());
    if (!a.ok())
        return a.errorString() == b.errorString() ? QString() : u"errors differ: %1 / %2"_s.arg(a.errorString(), b.errorString());
    if (a->resultType != b->resultType || a->warnings != b->warnings || a->requests != b->requests)
        return u"type/warnings/requests differ"_s;
    if (a->series.size() != b->series.size())
        return u"series count %1 vs %2"_s.arg(a->series.size()).arg(b->series.size());
    for (qsizetype i = 0; i < a->series.size(); ++i) {
        const PromSeries &x = a->series[i], &y = b->series[i];
        if (x.labels != y.labels)
            return u"labels of series %1 differ"_s.arg(i);
        if (x.timestamps.size() != y.timestamps.size() || x.values.size() != y.values.size())
            return u"point count of series %1 differs"_s.arg(i);
        for (size_t k = 0; k < x.values.size(); ++k) {
            if (!sameDouble(x.timestamps[k], y.timestamps[k]) || !sameDouble(x.values[k], y.values[k]))
                return u"series %1 point %2: (%3, %4) vs (%5, %6)"_s.arg(i).arg(k)
                    .arg(x.timestamps[k], 0, 'g', 17).arg(x.values[k], 0, 'g', 17)
                    .arg(y.timestamps[k], 0, 'g', 17).arg(y.values[k], 0, 'g', 17);
        }
    }
    return {};
}

QByteArray matrix(const QByteArray &result, const QByteArray &extra = {})
{
    return R"({"status":"success","data":{"resultType":"matrix","result":[)" + result + "]}" + extra + "}";
}

} // namespace

void TestPromScanner::bothPathsAgree_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("fast");
    QTest::addColumn<bool>("ok");
    const QByteArray one = R"({"metric":{"__name__":"up","job":"a"},"values":[[1700000000,"1"],[1700000060.5,"0.25"]]})";
    QTest::addRow("plain matrix") << matrix(one + "," + R"({"metric":{"job":"b"},"values":[]})") << 200 << true << true;
    QTest::addRow("NaN and infinities") << matrix(R"({"metric":{},"values":[[1,"NaN"],[2,"+Inf"],[3,"-Inf"],[4,"-0"]]})")
                                        << 200 << true << true;
    QTest::addRow("escaped label values")
        << matrix(R"({"metric":{"path":"/a\"b\\c\/d","msg":"tab\there\nnl","u":"\u00e9\ud83d\ude00\u0041"},"values":[[1,"2"]]})")
        << 200 << true << true;
    QTest::addRow("escaped key") << matrix(R"({"m\u0065tric":{"a":"b"},"values":[[1,"2"]]})") << 200 << true << true;
    QTest::addRow("raw UTF-8 label") << matrix("{\"metric\":{\"city\":\"K\xc3\xb6ln \xe2\x82\xac\"},\"values\":[[1,\"2\"]]}")
                                     << 200 << true << true;
    QTest::addRow("warnings after data") << matrix(one, R"(,"warnings":["partial \"data\"","second"])") << 200 << true << true;
    QTest::addRow("warnings first")
        << QByteArray(R"({"warnings":["w"],"status":"success","data":{"result":[)" + one + R"(],"resultType":"matrix"}})")
        << 200 << true << true;
    QTest::addRow("pretty printed") << QByteArray(" {\n \"status\" : \"success\" ,\r\n\t\"data\": {\"resultType\": \"matrix\", "
                                                  "\"result\": [ { \"metric\" : { \"a\" : \"b\" } , \"values\" : [ [ 1 , \"2\" ] ] } ] } }\n")
                                    << 200 << true << true;
    QTest::addRow("fractions and exponents")
        << matrix(R"({"metric":{},"values":[[1.7e9,"1.5e-7"],[1700000000.123,"0.30000000000000004"],[-0,"12345678901234567890"],[1E+3,"-2.5E3"],[0.1,".5"],[2,"5."]]})")
        << 200 << true << true;
    QTest::addRow("no metric, no values") << matrix(R"({"values":[[1,"1"]]},{"metric":{"a":"b"}})") << 200 << true << true;
    QTest::addRow("empty result") << matrix({}) << 200 << true << true;
    QTest::addRow("warnings on 2xx other than 200") << matrix(one, R"(,"warnings":[])") << 206 << true << true;

    // left to the general parser: valid but unusual
    QTest::addRow("vector") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"2"]}]}})")
                            << 200 << false << true;
    QTest::addRow("unknown key stats") << matrix(one, R"(,"stats":{"timings":{"evalTotalTime":0.1}})") << 200 << false << true;
    QTest::addRow("infos") << matrix(one, R"(,"infos":["info"])") << 200 << false << true;
    QTest::addRow("duplicate label") << matrix(R"({"metric":{"a":"1","a":"2"},"values":[[1,"2"]]})") << 200 << false << true;
    QTest::addRow("non-string label") << matrix(R"({"metric":{"a":1},"values":[[1,"2"]]})") << 200 << false << true;
    QTest::addRow("lower-case nan") << matrix(R"({"metric":{},"values":[[1,"nan"],[2,"inf"],[3,"+1"]]})") << 200 << false << true;
    QTest::addRow("value with spaces") << matrix(R"({"metric":{},"values":[[1," 1"]]})") << 200 << false << true;
    QTest::addRow("lone surrogate") << matrix(R"({"metric":{"a":"\ud800x"},"values":[[1,"2"]]})") << 200 << false << true;
    QTest::addRow("huge integer time") << matrix(R"({"metric":{},"values":[[100000000000000000000,"2"]]})") << 200 << false << true;
    // QJsonDocument is lenient here; the fast path leaves such bodies to it rather than guess
    QTest::addRow("raw control character") << matrix("{\"metric\":{\"a\":\"x\ty\"},\"values\":[[1,\"2\"]]}") << 200 << false << true;
    QTest::addRow("unknown escape") << matrix(R"({"metric":{"a":"\q"},"values":[[1,"2"]]})") << 200 << false << true;
    QTest::addRow("value overflow") << matrix(R"({"metric":{},"values":[[1,"1e400"]]})") << 200 << false << false;

    // errors: the general parser reports them
    QTest::addRow("error body 400") << QByteArray(R"({"status":"error","errorType":"bad_data","error":"parse error at char 3"})")
                                    << 400 << false << false;
    QTest::addRow("error status on 200") << QByteArray(R"({"status":"error","errorType":"timeout","error":"query timed out"})")
                                         << 200 << false << false;
    QTest::addRow("matrix on 503") << matrix(one) << 503 << false << false;
    QTest::addRow("truncated") << matrix(one).chopped(7) << 200 << false << false;
    QTest::addRow("trailing garbage") << matrix(one) + "x" << 200 << false << false;
    QTest::addRow("leading zero") << matrix(R"({"metric":{},"values":[[01,"2"]]})") << 200 << false << false;
    QTest::addRow("bad sample") << matrix(R"({"metric":{},"values":[[1,"abc"]]})") << 200 << false << false;
    QTest::addRow("sample not a pair") << matrix(R"({"metric":{},"values":[[1,"2",3]]})") << 200 << false << false;
    QTest::addRow("number as value") << matrix(R"({"metric":{},"values":[[1,2]]})") << 200 << false << false;
    QTest::addRow("invalid UTF-8") << matrix("{\"metric\":{\"a\":\"\xff\xfe\"},\"values\":[[1,\"2\"]]}") << 200 << false << false;
    QTest::addRow("HTML proxy page") << QByteArray("<html>502 Bad Gateway</html>") << 502 << false << false;
    QTest::addRow("empty body") << QByteArray() << 200 << false << false;
    QTest::addRow("unknown status") << QByteArray(R"({"status":"pending","data":{}})") << 200 << false << false;
}

void TestPromScanner::bothPathsAgree()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(bool, fast);
    QFETCH(bool, ok);
    const auto viaFastPath = parsePromResponse(body, status, kUrl);
    const auto general = parsePromResponseGeneric(body, status, kUrl);
    const QString diff = difference(viaFastPath, general);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(viaFastPath.ok(), ok);
    if (status >= 200 && status < 300)
        QCOMPARE(scanPromMatrix(body, kUrl).has_value(), fast);
    if (!ok)
        QVERIFY2(viaFastPath.errorString().contains(u"prom.example:9090/api/v1/query_range"_s), qPrintable(viaFastPath.errorString()));
}

/// Many series of random values in every notation Prometheus' Go formatting produces, and some it
/// does not: the two parsers must round every one of them to the same double.
void TestPromScanner::randomBodiesAgree()
{
    QRandomGenerator rng(20261126);
    for (int round = 0; round < 20; ++round) {
        QByteArray result;
        for (int s = 0; s < 20; ++s) {
            result += (s ? "," : "") + QByteArray(R"({"metric":{"pod":"p-)") + QByteArray::number(s) + R"("},"values":[)";
            for (int i = 0; i < 200; ++i) {
                const double t = 1.7e9 + i * 15 + (rng.bounded(2) ? rng.bounded(1000) / 1000.0 : 0);
                const double mantissa = rng.generateDouble() * (rng.bounded(2) ? 1 : -1);
                const double v = std::ldexp(mantissa, int(rng.bounded(200)) - 100);
                static const char formats[] = {'g', 'e', 'f'};
                const char format = formats[rng.bounded(3)];
                const int precision = format == 'f' ? int(rng.bounded(25)) : int(rng.bounded(18));
                QByteArray value = QByteArray::number(v, format, precision);
                const int special = int(rng.bounded(50));
                if (special == 0)
                    value = "NaN";
                else if (special == 1)
                    value = "+Inf";
                result += (i ? ",[" : "[") + QByteArray::number(t, 'f', rng.bounded(4)) + ",\"" + value + "\"]";
            }
            result += "]}";
        }
        const QByteArray body = matrix(result);
        QVERIFY(scanPromMatrix(body, kUrl).has_value());
        const QString diff = difference(parsePromResponse(body, 200, kUrl), parsePromResponseGeneric(body, 200, kUrl));
        QVERIFY2(diff.isEmpty(), qPrintable(u"round %1: %2"_s.arg(round).arg(diff)));
    }
}

/// Every truncation and many random byte changes of a body that uses every feature: whatever the
/// damage, the fast path either gives the general parser's answer or steps aside.
void TestPromScanner::damagedBodiesAgree()
{
    const QByteArray body = matrix(R"({"metric":{"a":"x\"y\u00e9\ud83d\ude00","b":"\n"},"values":[[1700000000.5,"NaN"],[-1e3,"+Inf"],[0,"-2.5e-3"]]},)"
                                   R"({"metric":{},"values":[[1,"1"]]})",
                                   R"(,"warnings":["w\t1"])");
    QVERIFY(scanPromMatrix(body, kUrl).has_value());
    int checked = 0;
    auto agree = [&](const QByteArray &damaged) {
        ++checked;
        return difference(parsePromResponse(damaged, 200, kUrl), parsePromResponseGeneric(damaged, 200, kUrl));
    };
    for (qsizetype n = 0; n < body.size(); ++n) {
        const QString diff = agree(body.left(n));
        QVERIFY2(diff.isEmpty(), qPrintable(u"cut at %1: %2"_s.arg(n).arg(diff)));
    }
    static const char replacements[] = {'"', '\\', ',', ':', '[', ']', '{', '}', '0', '-', 'e', '.', ' ', '\x01', '\xc3', 'u'};
    QRandomGenerator rng(7);
    for (int i = 0; i < 3000; ++i) {
        QByteArray damaged = body;
        const int edits = 1 + int(rng.bounded(3));
        for (int e = 0; e < edits; ++e)
            damaged[rng.bounded(int(damaged.size()))] = replacements[rng.bounded(int(sizeof replacements))];
        const QString diff = agree(damaged);
        QVERIFY2(diff.isEmpty(), qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(damaged.toPercentEncoding("{}[]\":,")), diff)));
    }
    QCOMPARE(checked, int(body.size()) + 3000);
}

void TestPromScanner::errorsStayLocated()
{
    const auto r = parsePromResponse(R"({"status":"error","errorType":"bad_data","error":"1:5: parse error"})", 400, kUrl);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"http://prom.example:9090/api/v1/query_range?query=up: HTTP 400"_s), qPrintable(r.errorString()));
    QVERIFY(r.errorString().contains(u"bad_data: 1:5: parse error"_s));
    QVERIFY(!r.errorString().contains(u"pw@"_s)); // user info never reaches a message
    const auto truncated = parsePromResponse(matrix(R"({"metric":{},"values":[[1,"2"]]})").left(60), 200, kUrl);
    QVERIFY(!truncated.ok());
    QVERIFY2(truncated.errorString().contains(u"malformed JSON at offset"_s), qPrintable(truncated.errorString()));
}

QTEST_GUILESS_MAIN(TestPromScanner)
#include "tst_promscanner.moc"
