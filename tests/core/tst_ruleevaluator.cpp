#include "core/alerting/alerttemplate.h"
#include "core/alerting/promqlevaluator.h"
#include "core/alerting/ruleevaluator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::alerting;
namespace model = headroom::model;

namespace {

constexpr qint64 s = 1000;

// x{tier="api"} sampled every 15 s from 0 to 600 s with value fn(t seconds).
template <typename Fn>
SeriesStore series(Fn fn)
{
    SeriesStore st;
    Labels labels;
    labels.insert(u"__name__"_s, u"x"_s);
    labels.insert(u"tier"_s, u"api"_s);
    for (qint64 t = 0; t <= 600; t += 15)
        st.append(labels, t * s, fn(t));
    return st;
}

std::vector<CompiledGroup> group(const QString &expr, std::optional<int> forSec, std::optional<int> keepSec = {})
{
    model::AlertRule rule;
    rule.alert = u"XHigh"_s;
    rule.expr = expr;
    if (forSec)
        rule.forDuration = std::chrono::seconds(*forSec);
    if (keepSec)
        rule.keepFiringFor = std::chrono::seconds(*keepSec);
    rule.labels.insert(u"severity"_s, u"page"_s);
    model::AlertRuleGroup g;
    g.name = u"g"_s;
    g.interval = std::chrono::seconds(30);
    g.rules = {rule};
    auto compiled = compileRules({g});
    return compiled.ok() ? compiled.value() : std::vector<CompiledGroup>{};
}

// "state start-end" in seconds for each period, end "open" when still active.
QStringList periods(const RuleEvaluation &r)
{
    QStringList out;
    for (const AlertPeriod &p : r.periods)
        out << u"%1 %2-%3"_s.arg(alertStateName(p.state)).arg(p.startMs / s).arg(p.endMs < 0 ? u"open"_s : QString::number(p.endMs / s));
    return out;
}

} // namespace

class TestRuleEvaluator : public QObject {
    Q_OBJECT
private slots:
    void stateMachine_data();
    void stateMachine();
    void labelsAndAnnotations();
    void alertSeries();
    void observedAndUnobservedAgree_data();
    void observedAndUnobservedAgree();
    void csv();
    void duplicateLabelsetWarns();
    void loadErrors_data();
    void loadErrors();
    void goFloat_data();
    void goFloat();
};

void TestRuleEvaluator::stateMachine_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("forSec");
    QTest::addColumn<int>("keepSec");
    QTest::addColumn<QStringList>("expected");
    // shape 0: x = 10 in [60 s, 240 s], else 0; rule x > 5 evaluated every 30 s
    QTest::addRow("for 1m") << 0 << 60 << 0 << QStringList{u"pending 60-120"_s, u"firing 120-270"_s};
    QTest::addRow("for 0 fires at once") << 0 << 0 << 0 << QStringList{u"firing 60-270"_s};
    QTest::addRow("for longer than the breach") << 0 << 240 << 0 << QStringList{u"pending 60-270"_s};
    QTest::addRow("for exactly the breach") << 0 << 180 << 0 << QStringList{u"pending 60-240"_s, u"firing 240-270"_s};
    QTest::addRow("keep_firing_for 1m") << 0 << 60 << 60 << QStringList{u"pending 60-120"_s, u"firing 120-330"_s};
    QTest::addRow("keep_firing_for 45s") << 0 << 60 << 45 << QStringList{u"pending 60-120"_s, u"firing 120-330"_s};
    // shape 1: flapping, above 5 only in odd minutes; a 1 m `for` never completes
    QTest::addRow("flapping for 1m")
        << 1 << 60 << 0
        << QStringList{u"pending 60-120"_s, u"pending 180-240"_s, u"pending 300-360"_s, u"pending 420-480"_s, u"pending 540-600"_s};
    // keep_firing_for bridges the gaps of a flapping alert once it fired
    QTest::addRow("flapping for 0 keep 1m") << 1 << 0 << 60 << QStringList{u"firing 60-open"_s};
}

void TestRuleEvaluator::stateMachine()
{
    QFETCH(int, shape);
    QFETCH(int, forSec);
    QFETCH(int, keepSec);
    QFETCH(QStringList, expected);
    const SeriesStore st = shape == 0 ? series([](qint64 t) { return t >= 60 && t <= 240 ? 10.0 : 0.0; })
                                      : series([](qint64 t) { return (t / 60) % 2 == 1 ? 10.0 : 0.0; });
    const auto groups = group(u"x > 5"_s, forSec, keepSec > 0 ? std::optional<int>(keepSec) : std::nullopt);
    QCOMPARE(groups.size(), size_t(1));
    const RuleEvaluation r = evaluateRules(groups, st, 0, 600 * s);
    QCOMPARE(r.evaluations, 21);
    QCOMPARE(periods(r), expected);
}

void TestRuleEvaluator::labelsAndAnnotations()
{
    const auto file = loadRuleFile(QStringLiteral(HEADROOM_TEST_DATA "/alerting/templates.yml"));
    QVERIFY2(file.ok(), qPrintable(file.errorString()));
    QList<model::AlertRuleGroup> groups = file->groups;
    groups[0].rules.removeLast(); // the unsupported template is checked in loadErrors
    const auto compiled = compileRules(groups, &file.value());
    QVERIFY2(compiled.ok(), qPrintable(compiled.errorString()));
    SeriesStore st;
    Labels labels{{u"__name__"_s, u"cpu_utilization"_s}, {u"tier"_s, u"web"_s}};
    for (qint64 t = 0; t <= 300; t += 15)
        st.append(labels, t * s, t >= 60 ? 92.25 : 10);
    const RuleEvaluation r = evaluateRules(compiled.value(), st, 0, 300 * s);
    QCOMPARE(r.periods.size(), size_t(2));
    const AlertPeriod &firing = r.periods[1];
    QCOMPARE(firing.state, AlertState::Firing);
    QCOMPARE(formatLabels(firing.labels), u"{alertname=\"HighCpu\", owner=\"team-web\", severity=\"warning\", tier=\"web\"}"_s);
    QCOMPARE(firing.annotations.value(u"summary"_s), u"web CPU at 92.25%"_s);
    QCOMPARE(firing.annotations.value(u"rounded"_s), u"92.2"_s);
    QCOMPARE(firing.maxValue, 92.25);
}

void TestRuleEvaluator::alertSeries()
{
    const SeriesStore st = series([](qint64 t) { return t >= 60 && t <= 240 ? 10.0 : 0.0; });
    const RuleEvaluation r = evaluateRules(group(u"x > 5"_s, 60), st, 0, 600 * s);
    const auto parsed = parsePromql(u"ALERTS{alertstate=\"firing\"}"_s);
    QVERIFY(parsed.ok());
    const PromqlEvaluator ev(r.alertSeries);
    QCOMPARE(ev.evaluate(*parsed.value(), 150 * s)->vector.size(), size_t(1));
    QCOMPARE(ev.evaluate(*parsed.value(), 90 * s)->vector.size(), size_t(0));  // pending then
    QCOMPARE(ev.evaluate(*parsed.value(), 280 * s)->vector.size(), size_t(0)); // stale after resolving
    const auto forState = parsePromql(u"ALERTS_FOR_STATE"_s);
    QCOMPARE(ev.evaluate(*forState.value(), 150 * s)->vector.at(0).v, 60.0);
}

void TestRuleEvaluator::observedAndUnobservedAgree_data()
{
    QTest::addColumn<bool>("templatedLabels");
    QTest::newRow("fixed labels") << false;
    QTest::newRow("templated labels") << true;
}

// Without an observer annotations are expanded once per period and alert labels remembered per
// series: periods, annotations and ALERTS series must be what the observed evaluation gives.
void TestRuleEvaluator::observedAndUnobservedAgree()
{
    QFETCH(bool, templatedLabels);
    const auto file = loadRuleFile(QStringLiteral(HEADROOM_TEST_DATA "/alerting/templates.yml"));
    QVERIFY2(file.ok(), qPrintable(file.errorString()));
    QList<model::AlertRuleGroup> groups = file->groups;
    groups[0].rules.removeLast();
    for (model::AlertRule &rule : groups[0].rules) {
        rule.forDuration = std::chrono::seconds(30);
        rule.keepFiringFor = std::chrono::seconds(45);
        if (!templatedLabels)
            rule.labels = {{u"severity"_s, u"page"_s}};
    }
    const auto compiled = compileRules(groups, &file.value());
    QVERIFY2(compiled.ok(), qPrintable(compiled.errorString()));
    SeriesStore st;
    for (const QString &tier : {u"web"_s, u"api"_s}) {
        Labels labels{{u"__name__"_s, u"cpu_utilization"_s}, {u"tier"_s, tier}};
        for (qint64 t = 0; t <= 900; t += 15)
            st.append(labels, t * s, (t / 150) % 2 == (tier == u"web" ? 1 : 0) ? 90 + double(t % 97) / 8 : 10);
    }
    int observed = 0;
    const RuleEvaluation lazy = evaluateRules(compiled.value(), st, 0, 900 * s);
    const RuleEvaluation eager = evaluateRules(compiled.value(), st, 0, 900 * s,
                                               [&observed](const CompiledGroup &, qint64, const std::vector<AlertInstance> &active) {
                                                   observed += int(active.size());
                                               });
    QVERIFY(observed > 0);
    QVERIFY(lazy.periods.size() >= 4);
    QCOMPARE(lazy.periods.size(), eager.periods.size());
    for (size_t i = 0; i < lazy.periods.size(); ++i) {
        const AlertPeriod &a = lazy.periods[i];
        const AlertPeriod &b = eager.periods[i];
        QCOMPARE(a.alert, b.alert);
        QCOMPARE(a.labels, b.labels);
        QCOMPARE(a.state, b.state);
        QCOMPARE(a.startMs, b.startMs);
        QCOMPARE(a.endMs, b.endMs);
        QCOMPARE(a.maxValue, b.maxValue);
        QCOMPARE(a.annotations, b.annotations);
        QVERIFY(!a.annotations.isEmpty());
    }
    QCOMPARE(lazy.alertSeries.series().size(), eager.alertSeries.series().size());
    for (size_t i = 0; i < lazy.alertSeries.series().size(); ++i) {
        const Series &a = lazy.alertSeries.series()[i];
        const Series &b = eager.alertSeries.series()[i];
        QCOMPARE(a.labels, b.labels);
        QCOMPARE(a.samples.size(), b.samples.size());
        for (size_t j = 0; j < a.samples.size(); ++j) {
            QCOMPARE(a.samples[j].t, b.samples[j].t);
            QCOMPARE(isStaleMarker(a.samples[j].v), isStaleMarker(b.samples[j].v));
            if (!isStaleMarker(a.samples[j].v))
                QCOMPARE(a.samples[j].v, b.samples[j].v);
        }
    }
}

void TestRuleEvaluator::csv()
{
    const SeriesStore st = series([](qint64 t) { return t >= 60 && t <= 240 ? 10.0 : 0.0; });
    const qint64 base = 1767225600000; // 2026-01-01T00:00:00Z
    SeriesStore shifted;
    for (const Series &x : st.series())
        for (const Sample &p : x.samples)
            shifted.append(x.labels, base + p.t, p.v);
    const RuleEvaluation r = evaluateRules(group(u"x > 5"_s, 60), shifted, base, base + 200 * s);
    QCOMPARE(QString::fromUtf8(periodsToCsv(r.periods)),
             u"alert,labels,state,start,end\n"
             "XHigh,\"{alertname=\"\"XHigh\"\", severity=\"\"page\"\", tier=\"\"api\"\"}\",pending,2026-01-01T00:01:00Z,2026-01-01T00:02:00Z\n"
             "XHigh,\"{alertname=\"\"XHigh\"\", severity=\"\"page\"\", tier=\"\"api\"\"}\",firing,2026-01-01T00:02:00Z,\n"_s);
}

void TestRuleEvaluator::duplicateLabelsetWarns()
{
    SeriesStore st;
    st.append({{u"__name__"_s, u"x"_s}, {u"a"_s, u"1"_s}}, 0, 10);
    st.append({{u"__name__"_s, u"y"_s}, {u"a"_s, u"1"_s}}, 0, 10);
    const RuleEvaluation r = evaluateRules(group(u"{__name__=~\"x|y\"} > 5"_s, 0), st, 0, 60 * s);
    QVERIFY(r.periods.empty());
    QCOMPARE(r.warnings.size(), 1);
    QVERIFY(r.warnings[0].message.contains(u"same labelset"_s));
}

void TestRuleEvaluator::loadErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unsupported function")
        << u"bad-expr.yml"_s << u"bad-expr.yml:6:15: groups[0].rules[0].expr: PromQL 1:1: function 'predict_linear' is not supported"_s;
    QTest::addRow("recording rule") << u"recording.yml"_s << u"recording.yml:4:17: groups[0].rules[0].record: recording rules are not supported"_s;
    QTest::addRow("bad duration") << u"bad-field.yml"_s << u"bad-field.yml:6:14: groups[0].rules[0].for: "_s;
    QTest::addRow("unsupported template") << u"templates.yml"_s << u"groups[0].rules[1].annotations.summary: template action '{{ range .Alerts }}' is not supported"_s;
}

void TestRuleEvaluator::loadErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const QString path = QStringLiteral(HEADROOM_TEST_DATA "/alerting/") + file;
    auto loaded = loadRuleFile(path);
    QString text;
    if (!loaded)
        text = loaded.errorString();
    else {
        auto compiled = compileRules(loaded->groups, &loaded.value());
        QVERIFY(!compiled.ok());
        text = compiled.errorString();
    }
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TestRuleEvaluator::goFloat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::addRow("integer") << 85.0 << u"85"_s;
    QTest::addRow("fraction") << 0.1 << u"0.1"_s;
    QTest::addRow("shortest") << 1.0 / 3 << u"0.3333333333333333"_s;
    QTest::addRow("six digits") << 123456.0 << u"123456"_s;
    QTest::addRow("exponent from 1e6") << 1234567.0 << u"1.234567e+06"_s;
    QTest::addRow("small") << 0.00001 << u"1e-05"_s;
    QTest::addRow("negative") << -2.5 << u"-2.5"_s;
    QTest::addRow("inf") << qInf() << u"+Inf"_s;
}

void TestRuleEvaluator::goFloat()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(formatGoFloat(value), expected);
}

QTEST_GUILESS_MAIN(TestRuleEvaluator)
#include "tst_ruleevaluator.moc"
