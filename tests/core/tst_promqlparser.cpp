#include "core/alerting/promqlparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::alerting;

class TestPromqlParser : public QObject {
    Q_OBJECT
private slots:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void structure();
    void precedence();
    void fileLocation();
    void selectorText();
};

void TestPromqlParser::accepts_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<int>("type");
    const int vec = int(ValueType::Vector);
    const int sca = int(ValueType::Scalar);
    QTest::addRow("plan rule cpu") << u"avg(cpu_utilization) > 80"_s << vec;
    QTest::addRow("plan rule cost") << u"daily_cost_usd > cost_threshold_usd"_s << vec;
    QTest::addRow("matchers") << u"up{job=\"api\", env!=\"dev\", pod=~\"api-.*\", zone!~'eu.*'}"_s << vec;
    QTest::addRow("only matchers") << u"{__name__=~\"cpu.*\"}"_s << vec;
    QTest::addRow("rate sum by") << u"sum by (service) (rate(http_requests_total[5m]))"_s << vec;
    QTest::addRow("by after") << u"sum(rate(x[1m])) without (pod)"_s << vec;
    QTest::addRow("offset") << u"x offset 1h - x"_s << vec;
    QTest::addRow("range offset") << u"increase(x[1h] offset 1d)"_s << vec;
    QTest::addRow("bool") << u"x > bool 3"_s << vec;
    QTest::addRow("scalar bool") << u"1 < bool 2"_s << sca;
    QTest::addRow("on group_left") << u"a / on(instance) group_left(team) b"_s << vec;
    QTest::addRow("ignoring") << u"a - ignoring(code) b"_s << vec;
    QTest::addRow("set ops") << u"a and b or c unless on(x) d"_s << vec;
    QTest::addRow("histogram") << u"histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m])))"_s << vec;
    QTest::addRow("over time") << u"quantile_over_time(0.9, x[10m]) > max_over_time(y[5m])"_s << vec;
    QTest::addRow("functions") << u"clamp_max(abs(x), 5) + scalar(y) * time()"_s << vec;
    QTest::addRow("vector") << u"vector(1)"_s << vec;
    QTest::addRow("numbers") << u"-1.5e3 + 0x1f * Inf / NaN ^ 2"_s << sca;
    QTest::addRow("comment") << u"x # trailing comment\n> 1"_s << vec;
    QTest::addRow("compound duration") << u"rate(x[1h30m])"_s << vec;
}

void TestPromqlParser::accepts()
{
    QFETCH(QString, expr);
    QFETCH(int, type);
    const auto parsed = parsePromql(expr);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(int(parsed.value()->type()), type);
}

void TestPromqlParser::rejects_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected"); // message must contain "PromQL L:C: <this>"
    QTest::addRow("subquery") << u"max_over_time(rate(x[5m])[1h:5m])"_s << u"1:26: ranges only allowed for vector selectors"_s;
    QTest::addRow("subquery step") << u"x[1h:5m]"_s << u"1:5: subqueries"_s;
    QTest::addRow("at modifier") << u"x @ 1609746000"_s << u"1:3: the @ modifier is not supported"_s;
    QTest::addRow("topk") << u"topk(3, x)"_s << u"1:1: aggregation 'topk' is not supported"_s;
    QTest::addRow("quantile agg") << u"x > quantile(0.9, y)"_s << u"1:5: aggregation 'quantile' is not supported"_s;
    QTest::addRow("stddev by") << u"stddev by (a) (x)"_s << u"1:1: aggregation 'stddev' is not supported"_s;
    QTest::addRow("count_values") << u"count_values(\"v\", x)"_s << u"1:1: aggregation 'count_values' is not supported"_s;
    QTest::addRow("predict_linear") << u"predict_linear(x[1h], 3600) < 0"_s << u"1:1: function 'predict_linear' is not supported"_s;
    QTest::addRow("irate") << u"sum(irate(x[5m]))"_s << u"1:5: function 'irate' is not supported"_s;
    QTest::addRow("label_replace") << u"label_replace(x, \"a\", \"$1\", \"b\", \"(.*)\")"_s << u"1:1: function 'label_replace' is not supported"_s;
    QTest::addRow("atan2") << u"x atan2 y"_s << u"1:3: the atan2 operator is not supported"_s;
    QTest::addRow("string") << u"\"hello\""_s << u"1:1: string literals are not supported"_s;
    QTest::addRow("rate of vector") << u"rate(x)"_s << u"1:6: expected a range vector as argument 1 of 'rate', got a instant vector"_s;
    QTest::addRow("range in binary") << u"x[5m] + 1"_s << u"1:7: binary operator '+' cannot be applied to a range vector"_s;
    QTest::addRow("scalar comparison") << u"1 > 2"_s << u"1:3: comparisons between scalars must use the bool modifier"_s;
    QTest::addRow("bool on arithmetic") << u"x + bool y"_s << u"1:5: bool modifier can only be used on comparison operators"_s;
    QTest::addRow("group without on") << u"x / group_left y"_s << u"1:5: group_left requires on(...)"_s;
    QTest::addRow("group on set op") << u"x and on(a) group_left y"_s << u"1:13: no grouping allowed"_s;
    QTest::addRow("empty selector") << u"{a=\"\"}"_s << u"1:1: vector selector must contain at least one non-empty matcher"_s;
    QTest::addRow("bad regex") << u"x{a=~\"(\"}"_s << u"1:6: invalid regular expression"_s;
    QTest::addRow("unclosed") << u"sum(x"_s << u"1:6: expected ')', got end of input"_s;
    QTest::addRow("unterminated string") << u"x{a=\"b}"_s << u"1:5: unterminated string"_s;
    QTest::addRow("double equals") << u"x{a==\"b\"}"_s << u"1:4: use '=' not '=='"_s;
    QTest::addRow("second line") << u"sum(x)\n  > on() bottomk(1, y)"_s << u"2:10: aggregation 'bottomk' is not supported"_s;
    QTest::addRow("bad duration") << u"rate(x[5q])"_s << u"1:8: bad number or duration '5q'"_s;
    QTest::addRow("trailing") << u"x y"_s << u"1:3: unexpected 'y' after the end of the expression"_s;
    QTest::addRow("wrong arity") << u"clamp_min(x)"_s << u"1:1: function 'clamp_min' expects 2 argument(s), got 1"_s;
    QTest::addRow("deep nesting") << QString(300, u'(') + u"1"_s + QString(300, u')') << u"expression nested too deeply"_s;
}

void TestPromqlParser::rejects()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    const auto parsed = parsePromql(expr);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
    QVERIFY(parsed.error().message.startsWith(u"PromQL "_s));
}

void TestPromqlParser::structure()
{
    const auto parsed = parsePromql(u"sum by (tier, region) (rate(req_total{code=~\"5..\"}[5m] offset 1m))"_s);
    QVERIFY(parsed.ok());
    const Node &agg = *parsed.value();
    QCOMPARE(agg.kind, NodeKind::Aggregate);
    QCOMPARE(agg.grouping, (QStringList{u"tier"_s, u"region"_s}));
    QVERIFY(!agg.without);
    const Node &call = *agg.args[0];
    QCOMPARE(call.function, u"rate"_s);
    const Node &sel = *call.args[0];
    QCOMPARE(sel.kind, NodeKind::MatrixSelector);
    QCOMPARE(sel.rangeMs, 300'000);
    QCOMPARE(sel.offsetMs, 60'000);
    QCOMPARE(sel.matchers.size(), size_t(2));
    QVERIFY(sel.matchers[1].matches(u"503"_s));
    QVERIFY(!sel.matchers[1].matches(u"1503"_s)); // fully anchored
    QCOMPARE(sel.pos.column, 29);
}

void TestPromqlParser::precedence()
{
    // 2 + 3 * 4 ^ 2 ^ 0.5 : ^ is right-associative and binds tighter than *, * tighter than +
    const auto parsed = parsePromql(u"2 + 3 * 4 ^ 2 ^ 0.5 > bool 1 - -2 ^ 2"_s);
    QVERIFY(parsed.ok());
    const Node &root = *parsed.value();
    QCOMPARE(root.op, BinaryOp::Gt);
    QCOMPARE(root.args[0]->op, BinaryOp::Add);
    QCOMPARE(root.args[0]->args[1]->op, BinaryOp::Mul);
    const Node &pow = *root.args[0]->args[1]->args[1];
    QCOMPARE(pow.op, BinaryOp::Pow);
    QCOMPARE(pow.args[1]->op, BinaryOp::Pow); // right-associative
    // -2 ^ 2 is -(2 ^ 2)
    const Node &rhs = *root.args[1];
    QCOMPARE(rhs.op, BinaryOp::Sub);
    QCOMPARE(rhs.args[1]->kind, NodeKind::Unary);
    // or binds looser than and
    const auto setOps = parsePromql(u"a or b and c"_s);
    QCOMPARE(setOps.value()->op, BinaryOp::Or);
}

void TestPromqlParser::fileLocation()
{
    const auto parsed = parsePromql(u"avg(cpu) > holt_winters(x[1h], 0.5, 0.5)"_s, {u"rules.yml"_s, 12, 17});
    QVERIFY(!parsed.ok());
    const QString text = parsed.error().toString();
    QVERIFY2(text.startsWith(u"rules.yml:12:28: expr: PromQL 1:12: function 'holt_winters' is not supported"_s), qPrintable(text));
}

void TestPromqlParser::selectorText()
{
    const auto parsed = parsePromql(u"rate(x{a=\"1\", b=~\"c\\\\d\"}[5m])"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value()->args[0]->selectorText(), u"x{a=\"1\",b=~\"c\\\\d\"}"_s);
}

QTEST_GUILESS_MAIN(TestPromqlParser)
#include "tst_promqlparser.moc"
