#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"

#include <QTest>

using namespace headroom::model;

class TestScenarioPath : public QObject {
    Q_OBJECT
private slots:
    void parseFieldPath_data();
    void parseFieldPath();
    void parentAndLeaf_data();
    void parentAndLeaf();
    void fieldText_data();
    void fieldText();
    void setFieldAccepts_data();
    void setFieldAccepts();
    void setFieldRejects_data();
    void setFieldRejects();
    void setFieldBackRestoresEqualScenario();
    void setFieldKeepsOtherFields();
    void lenientParseKeepsPartialScenario();
    void checkFieldText_data();
    void checkFieldText();

private:
    const Scenario m_default = defaultScenario();
};

void TestScenarioPath::parseFieldPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("lastIndex");
    QTest::addRow("one key") << "metadata" << true << 1 << -1;
    QTest::addRow("nested") << "spec.tiers[1].autoscaling.maxReplicas" << true << 5 << -1;
    QTest::addRow("ends in index") << "spec.tiers[2]" << true << 3 << 2;
    QTest::addRow("two indices") << "spec.traffic[0].points[3][1]" << true << 6 << 1;
    QTest::addRow("empty") << "" << false << 0 << 0;
    QTest::addRow("double dot") << "spec..tiers" << false << 0 << 0;
    QTest::addRow("trailing dot") << "spec." << false << 0 << 0;
    QTest::addRow("index not a number") << "spec.tiers[x]" << false << 0 << 0;
    QTest::addRow("unclosed index") << "spec.tiers[1" << false << 0 << 0;
    QTest::addRow("negative index") << "spec.tiers[-1]" << false << 0 << 0;
}

void TestScenarioPath::parseFieldPath()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    const auto steps = headroom::model::parseFieldPath(path);
    QCOMPARE(steps.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, count);
    QFETCH(int, lastIndex);
    QCOMPARE(steps->size(), count);
    QCOMPARE(steps->last().index, lastIndex);
}

void TestScenarioPath::parentAndLeaf_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("leaf");
    QTest::addRow("field") << "spec.tiers[1].autoscaling.maxReplicas"
                           << "spec.tiers[1].autoscaling"
                           << "maxReplicas";
    QTest::addRow("list item") << "spec.tiers[1]"
                               << "spec.tiers"
                               << "[1]";
    QTest::addRow("top level") << "metadata"
                               << ""
                               << "metadata";
}

void TestScenarioPath::parentAndLeaf()
{
    QFETCH(QString, path);
    QFETCH(QString, parent);
    QFETCH(QString, leaf);
    QCOMPARE(parentFieldPath(path), parent);
    QCOMPARE(fieldPathLeaf(path), leaf);
}

void TestScenarioPath::fieldText_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::addRow("string") << "metadata.name"
                            << "WebTools Pro";
    QTest::addRow("int") << "spec.tiers[0].autoscaling.maxReplicas"
                         << "50";
    QTest::addRow("duration") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                              << "3m";
    QTest::addRow("size") << "spec.resourceTiers[1].memory"
                          << "16GB";
    QTest::addRow("money") << "spec.resourceTiers[1].costPerHour"
                           << "0.2 USD";
    QTest::addRow("enum") << "spec.cacheHierarchy[2].evictionPolicy"
                          << "LFU";
    QTest::addRow("bool") << "spec.tiers[1].spotTolerant"
                          << "false";
    QTest::addRow("string list") << "spec.tiers[1].autoscaling.customMetrics"
                                 << "[requests_per_second, response_time_p95, queue_depth]";
    QTest::addRow("string map") << "metadata.labels"
                                << "{source: scalability-planning.md, stage: baseline}";
    QTest::addRow("absent optional") << "spec.cacheHierarchy[0].hitRatio"
                                     << "";
    QTest::addRow("index out of range") << "spec.tiers[9].name"
                                        << "";
    QTest::addRow("malformed path") << "spec..tiers"
                                    << "";
}

void TestScenarioPath::fieldText()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(headroom::model::fieldText(m_default, path), expected);
    QCOMPARE(hasField(m_default, path), !expected.isEmpty());
}

void TestScenarioPath::setFieldAccepts_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addRow("int") << "spec.tiers[0].autoscaling.maxReplicas"
                         << "60"
                         << "60";
    QTest::addRow("duration normalised") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                         << "90s"
                                         << "1m30s";
    QTest::addRow("size") << "spec.resourceTiers[0].memory"
                          << "8GB"
                          << "8GB";
    QTest::addRow("money") << "spec.resourceTiers[0].costPerHour"
                           << "0.07 USD"
                           << "0.07 USD";
    QTest::addRow("enum") << "spec.tiers[0].sizing"
                          << "queueing"
                          << "queueing";
    QTest::addRow("bool") << "spec.tiers[0].spotTolerant"
                          << "false"
                          << "false";
    QTest::addRow("percent") << "spec.capacityPlanner.capacityBuffer"
                             << "35"
                             << "35";
    QTest::addRow("string list") << "spec.tiers[1].autoscaling.customMetrics"
                                 << "[a, b]"
                                 << "[a, b]";
    QTest::addRow("creates optional") << "spec.cacheHierarchy[0].hitRatio"
                                      << "85"
                                      << "85";
    QTest::addRow("removes optional") << "spec.tiers[0].autoscaling.targetMemoryUtilization"
                                      << ""
                                      << "";
    QTest::addRow("quantity in hpa") << "spec.tiers[1].hpa.metrics[2].pods.target.averageValue"
                                     << "150"
                                     << "150";
}

void TestScenarioPath::setFieldAccepts()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto edited = setField(m_default, path, text);
    QVERIFY2(edited.ok(), qPrintable(edited.errorString()));
    QCOMPARE(headroom::model::fieldText(edited.value(), path), canonical);
    QVERIFY(edited.value() != m_default);
}

void TestScenarioPath::setFieldRejects_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorPath");
    QTest::addColumn<QString>("message");
    QTest::addRow("max below min") << "spec.tiers[0].autoscaling.maxReplicas"
                                   << "2"
                                   << "spec.tiers[0].autoscaling.maxReplicas"
                                   << "must be >= minReplicas (3)";
    QTest::addRow("not a number") << "spec.tiers[0].autoscaling.minReplicas"
                                  << "abc"
                                  << "spec.tiers[0].autoscaling.minReplicas"
                                  << "expected a whole number";
    QTest::addRow("unknown enum") << "spec.tiers[0].sizing"
                                  << "fast"
                                  << "spec.tiers[0].sizing"
                                  << "unknown value 'fast'";
    QTest::addRow("duration without unit") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                           << "90"
                                           << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                           << "needs a unit";
    QTest::addRow("percent above 100") << "spec.capacityPlanner.capacityBuffer"
                                       << "150"
                                       << "spec.capacityPlanner.capacityBuffer"
                                       << "must be <= 100";
    QTest::addRow("required removed") << "metadata.name"
                                      << ""
                                      << "metadata.name"
                                      << "'name' is required";
    QTest::addRow("no such item") << "spec.tiers[7].name"
                                  << "x"
                                  << "spec.tiers[7].name"
                                  << "no item [7]";
    QTest::addRow("malformed path") << "spec..tiers"
                                    << "1"
                                    << "spec..tiers"
                                    << "malformed field path";
    QTest::addRow("unknown key") << "spec.tiers[0].autoscaling.maxReplica"
                                 << "5"
                                 << "spec.tiers[0].autoscaling.maxReplica"
                                 << "did you mean 'maxReplicas'";
    QTest::addRow("broken list yaml") << "spec.tiers[1].autoscaling.customMetrics"
                                      << "[a, b"
                                      << "spec.tiers[1].autoscaling.customMetrics"
                                      << "YAML syntax error";
    QTest::addRow("dangling reference") << "spec.tiers[0].resourceTier"
                                        << "Standart"
                                        << "spec.tiers[0].resourceTier"
                                        << "did you mean 'Standard'";
}

void TestScenarioPath::setFieldRejects()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(QString, errorPath);
    QFETCH(QString, message);
    const auto edited = setField(m_default, path, text);
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().fieldPath, errorPath);
    QVERIFY2(edited.error().message.contains(message), qPrintable(edited.error().message));
}

void TestScenarioPath::setFieldBackRestoresEqualScenario()
{
    const QString path = QStringLiteral("spec.tiers[0].autoscaling.scaleDownCooldown");
    const QString old = headroom::model::fieldText(m_default, path);
    const auto changed = setField(m_default, path, QStringLiteral("7m"));
    QVERIFY(changed.ok());
    const auto back = setField(changed.value(), path, old);
    QVERIFY(back.ok());
    QVERIFY(back.value() == m_default);
}

void TestScenarioPath::setFieldKeepsOtherFields()
{
    const auto changed = setField(m_default, QStringLiteral("spec.tiers[2].name"), QStringLiteral("Workers"));
    QVERIFY(changed.ok());
    Scenario expected = m_default;
    expected.spec.tiers[2].name = QStringLiteral("Workers");
    QVERIFY(changed.value() == expected);
}

void TestScenarioPath::lenientParseKeepsPartialScenario()
{
    QByteArray text = serializeScenario(m_default);
    text.replace("maxReplicas: 50", "maxReplicas: lots");
    const LenientScenario loaded = parseScenarioLenient(text, QStringLiteral("broken.yaml"));
    QVERIFY(loaded.usable);
    QCOMPARE(loaded.diagnostics.size(), 1);
    QCOMPARE(loaded.diagnostics.first().fieldPath, QStringLiteral("spec.tiers[0].autoscaling.maxReplicas"));
    QVERIFY(loaded.diagnostics.first().where.line > 0);
    QCOMPARE(loaded.scenario.spec.tiers.size(), m_default.spec.tiers.size());
    QCOMPARE(loaded.scenario.metadata.name, m_default.metadata.name);

    const LenientScenario notYaml = parseScenarioLenient("a: [", QStringLiteral("bad.yaml"));
    QVERIFY(!notYaml.usable);
    QVERIFY(notYaml.diagnostics.first().message.contains(QStringLiteral("YAML syntax error")));
}

void TestScenarioPath::checkFieldText_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addRow("duration ok") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                 << "5m" << true;
    QTest::addRow("duration bare number") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                          << "5" << false;
    QTest::addRow("optional empty") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                                    << "" << true;
    QTest::addRow("required empty") << "spec.tiers[0].autoscaling.minReplicas"
                                    << "" << false;
    QTest::addRow("size ok") << "spec.resourceTiers[0].memory"
                             << "4Gi" << true;
    QTest::addRow("size bad unit") << "spec.resourceTiers[0].memory"
                                   << "4 parsecs" << false;
    QTest::addRow("money ok") << "spec.resourceTiers[0].costPerHour"
                              << "1.5 EUR" << true;
    QTest::addRow("money bad") << "spec.resourceTiers[0].costPerHour"
                               << "cheap" << false;
    QTest::addRow("enum ok") << "spec.cacheHierarchy[0].evictionPolicy"
                             << "LFU" << true;
    QTest::addRow("enum bad") << "spec.cacheHierarchy[0].evictionPolicy"
                              << "random" << false;
    QTest::addRow("int above max") << "spec.capacityPlanner.capacityBuffer"
                                   << "101" << false;
}

void TestScenarioPath::checkFieldText()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto fields = scenarioFields(m_default);
    QVERIFY(fields.contains(path));
    const QString why = headroom::model::checkFieldText(fields.value(path), text);
    QVERIFY2(why.isEmpty() == valid, qPrintable(why));
}

QTEST_GUILESS_MAIN(TestScenarioPath)
#include "tst_scenariopath.moc"
