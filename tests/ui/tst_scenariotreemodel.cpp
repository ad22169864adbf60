#include "core/model/scenarioio.h"
#include "ui/document/scenariodocument.h"
#include "ui/models/problemmodel.h"
#include "ui/models/propertymodel.h"
#include "ui/models/scenariotreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace headroom;
using namespace headroom::ui;

class TestScenarioTreeModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void passesModelTester();
    void pathsAndLabels_data();
    void pathsAndLabels();
    void nearestAncestor();
    void followsEdits();
    void valueEditsUpdateInPlace();
    void propertyModelListsFieldsInSchemaOrder();
    void propertyModelEditsThroughDocument();
    void problemModelShowsLocations();

private:
    std::unique_ptr<ScenarioDocument> m_doc;
};

void TestScenarioTreeModel::init()
{
    m_doc = std::make_unique<ScenarioDocument>();
    m_doc->reset(model::defaultScenario(), QString());
}

void TestScenarioTreeModel::passesModelTester()
{
    ScenarioTreeModel tree(m_doc.get());
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(tree.rowCount() >= 4);
    QSignalSpy text(m_doc.get(), &ScenarioDocument::textChanged);
    QVERIFY(m_doc->editField(QStringLiteral("spec.cacheHierarchy[0].hitRatio"), QStringLiteral("90")));
    QCOMPARE(text.size(), 1); // a typed field: at once; a new row, so the tree resets
    m_doc->undoStack()->undo(); // undo: on the worker
    QVERIFY(text.wait(10'000));
    model::Scenario edited = m_doc->scenario();
    edited.spec.redisCluster.shards = 5;
    QVERIFY(m_doc->editScenario(edited, QStringLiteral("shards"))); // a value: updated in place
    QVERIFY(text.wait(10'000));
    PropertyModel properties(m_doc.get());
    QAbstractItemModelTester propertyTester(&properties, QAbstractItemModelTester::FailureReportingMode::QtTest);
    properties.setContainer(QStringLiteral("spec.tiers[0].autoscaling"));
    QVERIFY(m_doc->editField(QStringLiteral("spec.tiers[0].autoscaling.maxReplicas"), QStringLiteral("70")));
    ProblemModel problems;
    QAbstractItemModelTester problemTester(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
    problems.setDiagnostics({model::makeError(QStringLiteral("bad"), QStringLiteral("spec"), {})});
    QCOMPARE(problems.rowCount(), 1);
}

void TestScenarioTreeModel::pathsAndLabels_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("value");
    QTest::addRow("top-level map") << "spec"
                                   << "spec"
                                   << "";
    QTest::addRow("list") << "spec.tiers"
                          << "tiers"
                          << "3 item(s)";
    QTest::addRow("item by name") << "spec.tiers[1]"
                                  << "API Tier"
                                  << "";
    QTest::addRow("item by alert") << "spec.alertRules[0].rules[0]"
                                   << "HighCPUUtilization"
                                   << "";
    QTest::addRow("cache level") << "spec.cacheHierarchy[2]"
                                 << "Level 3"
                                 << "";
    QTest::addRow("scalar") << "spec.tiers[0].autoscaling.scaleUpCooldown"
                            << "scaleUpCooldown"
                            << "3m";
    QTest::addRow("list of values") << "spec.tiers[1].autoscaling.customMetrics[2]"
                                    << "queue_depth"
                                    << "queue_depth";
}

void TestScenarioTreeModel::pathsAndLabels()
{
    QFETCH(QString, path);
    QFETCH(QString, label);
    QFETCH(QString, value);
    ScenarioTreeModel tree(m_doc.get());
    const QModelIndex index = tree.indexForPath(path);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), label);
    QCOMPARE(index.siblingAtColumn(ScenarioTreeModel::ValueColumn).data().toString(), value);
    QCOMPARE(index.data(ScenarioTreeModel::PathRole).toString(), path);
    QCOMPARE(tree.pathAt(index), path);
}

void TestScenarioTreeModel::nearestAncestor()
{
    ScenarioTreeModel tree(m_doc.get());
    const QString absent = QStringLiteral("spec.cacheHierarchy[0].hitRatio");
    QVERIFY(!tree.indexForPath(absent).isValid());
    QCOMPARE(tree.pathAt(tree.indexForPath(absent, true)), QStringLiteral("spec.cacheHierarchy[0]"));
    QVERIFY(!tree.indexForPath(QStringLiteral("nothing.here"), true).isValid());
}

void TestScenarioTreeModel::followsEdits()
{
    ScenarioTreeModel tree(m_doc.get());
    const QString path = QStringLiteral("spec.cacheHierarchy[0].hitRatio");
    QVERIFY(m_doc->editField(path, QStringLiteral("90")));
    QTRY_COMPARE(tree.indexForPath(path).siblingAtColumn(1).data().toString(), QStringLiteral("90"));
    m_doc->undoStack()->undo();
    QTRY_VERIFY(!tree.indexForPath(path).isValid());
}

void TestScenarioTreeModel::valueEditsUpdateInPlace()
{
    // A what-if lever changes values only: the rows stay (expansion and selection survive) and
    // only the changed cells are announced.
    ScenarioTreeModel tree(m_doc.get());
    const QString path = QStringLiteral("spec.redisCluster.shards");
    const QPersistentModelIndex row = tree.indexForPath(path);
    QVERIFY(row.isValid());
    const QString before = row.sibling(row.row(), ScenarioTreeModel::ValueColumn).data().toString();
    QSignalSpy reset(&tree, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&tree, &QAbstractItemModel::dataChanged);
    model::Scenario edited = m_doc->scenario();
    edited.spec.redisCluster.shards = 7;
    QVERIFY(m_doc->editScenario(edited, QStringLiteral("shards 7"), QStringLiteral("shards")));
    QTRY_COMPARE(row.sibling(row.row(), ScenarioTreeModel::ValueColumn).data().toString(), QStringLiteral("7"));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(QModelIndex(changed.first().first().value<QModelIndex>()), QModelIndex(row));
    m_doc->undoStack()->undo();
    QTRY_COMPARE(row.sibling(row.row(), ScenarioTreeModel::ValueColumn).data().toString(), before);
    QCOMPARE(reset.size(), 0);
}

void TestScenarioTreeModel::propertyModelListsFieldsInSchemaOrder()
{
    PropertyModel properties(m_doc.get());
    properties.setContainer(QStringLiteral("spec.tiers[0].autoscaling"));
    QCOMPARE(properties.pathAt(0), QStringLiteral("spec.tiers[0].autoscaling.minReplicas"));
    QCOMPARE(properties.pathAt(1), QStringLiteral("spec.tiers[0].autoscaling.maxReplicas"));
    const int row = properties.rowOf(QStringLiteral("spec.tiers[0].autoscaling.processingTimeThreshold"));
    QVERIFY(row > 1); // optional and absent, still offered
    QCOMPARE(properties.index(row, PropertyModel::ValueColumn).data().toString(), QStringLiteral("(not set)"));
    QVERIFY(properties.index(row, PropertyModel::TypeColumn).data().toString().contains(QStringLiteral("duration")));
    QVERIFY(properties.index(0, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("spec.tiers[0].autoscaling.minReplicas")));
}

void TestScenarioTreeModel::propertyModelEditsThroughDocument()
{
    PropertyModel properties(m_doc.get());
    properties.setContainer(QStringLiteral("spec.tiers[1]"));
    const int spot = properties.rowOf(QStringLiteral("spec.tiers[1].spotTolerant"));
    QVERIFY(spot >= 0);
    const QModelIndex check = properties.index(spot, PropertyModel::ValueColumn);
    QVERIFY(properties.flags(check) & Qt::ItemIsUserCheckable);
    QCOMPARE(check.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(properties.setData(check, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_doc->scenario().spec.tiers[1].spotTolerant);
    const int id = properties.rowOf(QStringLiteral("spec.tiers[1].id"));
    QVERIFY(!properties.setData(properties.index(id, PropertyModel::ValueColumn), QString())); // required
    QCOMPARE(m_doc->scenario().spec.tiers[1].id, QStringLiteral("api"));
}

void TestScenarioTreeModel::problemModelShowsLocations()
{
    ProblemModel problems;
    problems.setDiagnostics(
        {model::makeError(QStringLiteral("must be >= 1"), QStringLiteral("spec.x"),
                          {QStringLiteral("/tmp/plan.yaml"), 14, 7}),
         model::Diagnostic{model::Severity::Warning, {}, QStringLiteral("spec.y"), QStringLiteral("odd")}});
    QCOMPARE(problems.errorCount(), 1);
    QCOMPARE(problems.index(0, ProblemModel::LocationColumn).data().toString(), QStringLiteral("plan.yaml:14:7"));
    QCOMPARE(problems.index(0, ProblemModel::FieldColumn).data().toString(), QStringLiteral("spec.x"));
    QCOMPARE(problems.index(1, 0).data(ProblemModel::PathRole).toString(), QStringLiteral("spec.y"));
}

QTEST_MAIN(TestScenarioTreeModel)
#include "tst_scenariotreemodel.moc"
