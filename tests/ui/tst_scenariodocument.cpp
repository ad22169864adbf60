#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"
#include "ui/document/scenariodocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace headroom;
using headroom::ui::ScenarioDocument;

namespace {
const QString maxReplicas = QStringLiteral("spec.tiers[0].autoscaling.maxReplicas");
const QString minReplicas = QStringLiteral("spec.tiers[0].autoscaling.minReplicas");
} // namespace

class TestScenarioDocument : public QObject {
    Q_OBJECT
private slots:
    void init();
    void editIsUndoable();
    void rejectedEditChangesNothing();
    void editsOfOneFieldMerge();
    void mergedEditBackToStartIsDropped();
    void editsOfDifferentFieldsStaySeparate();
    void modifiedFollowsCleanState();
    void resetClearsHistory();
    void repairingABrokenScenario();

private:
    std::unique_ptr<ScenarioDocument> m_doc;
};

void TestScenarioDocument::init()
{
    m_doc = std::make_unique<ScenarioDocument>();
    m_doc->reset(model::defaultScenario(), QString());
}

void TestScenarioDocument::editIsUndoable()
{
    QSignalSpy changed(m_doc.get(), &ScenarioDocument::fieldChanged);
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("64")));
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 64);
    QCOMPARE(m_doc->fieldText(maxReplicas), QStringLiteral("64"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), maxReplicas);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 50);
    QVERIFY(m_doc->scenario() == model::defaultScenario());
    m_doc->undoStack()->redo();
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 64);
}

void TestScenarioDocument::rejectedEditChangesNothing()
{
    QSignalSpy rejected(m_doc.get(), &ScenarioDocument::editRejected);
    QString why;
    QVERIFY(!m_doc->editField(maxReplicas, QStringLiteral("2"), &why));
    QVERIFY2(why.contains(QStringLiteral("must be >= minReplicas (3)")), qPrintable(why));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(!m_doc->isModified());
    // A change that breaks a rule of another field names that field.
    QVERIFY(!m_doc->editField(minReplicas, QStringLiteral("80"), &why));
    QVERIFY2(why.startsWith(maxReplicas), qPrintable(why));
    QVERIFY(m_doc->scenario() == model::defaultScenario());
}

void TestScenarioDocument::editsOfOneFieldMerge()
{
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("60")));
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("70")));
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("80")));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 80);
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 50);
    m_doc->undoStack()->redo();
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 80);
}

void TestScenarioDocument::mergedEditBackToStartIsDropped()
{
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("60")));
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("50")));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(!m_doc->isModified());
}

void TestScenarioDocument::editsOfDifferentFieldsStaySeparate()
{
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("60")));
    QVERIFY(m_doc->editField(QStringLiteral("metadata.name"), QStringLiteral("Variant B")));
    QCOMPARE(m_doc->undoStack()->count(), 2);
    QVERIFY(m_doc->undoStack()->text(1).contains(QStringLiteral("metadata.name")));
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->scenario().metadata.name, QStringLiteral("WebTools Pro"));
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 60);
}

void TestScenarioDocument::modifiedFollowsCleanState()
{
    QSignalSpy modified(m_doc.get(), &ScenarioDocument::modifiedChanged);
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("60")));
    QVERIFY(m_doc->isModified());
    m_doc->markSaved(QStringLiteral("/tmp/x.yaml"));
    QVERIFY(!m_doc->isModified());
    QCOMPARE(m_doc->displayName(), QStringLiteral("x.yaml"));
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->isModified());
    QVERIFY(modified.size() >= 3);
    QCOMPARE(modified.last().first().toBool(), true);
}

void TestScenarioDocument::resetClearsHistory()
{
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("60")));
    m_doc->reset(model::defaultScenario(), QString(), {}, true);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(m_doc->isModified()); // e.g. recovered work that was never saved
    m_doc->markSaved(QStringLiteral("/tmp/y.yaml"));
    QVERIFY(!m_doc->isModified());
}

void TestScenarioDocument::repairingABrokenScenario()
{
    QByteArray text = model::serializeScenario(model::defaultScenario());
    text.replace("maxReplicas: 50", "maxReplicas: lots");
    model::LenientScenario broken = model::parseScenarioLenient(text, QStringLiteral("broken.yaml"));
    m_doc->reset(broken.scenario, QStringLiteral("/tmp/broken.yaml"), broken.diagnostics);
    QCOMPARE(m_doc->diagnostics().size(), 1);
    // Other fields stay editable while the document has errors.
    QVERIFY(m_doc->editField(QStringLiteral("metadata.name"), QStringLiteral("Repaired")));
    QVERIFY(m_doc->editField(maxReplicas, QStringLiteral("40")));
    QVERIFY(!model::hasErrors(m_doc->diagnostics()));
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 40);
}

QTEST_MAIN(TestScenarioDocument)
#include "tst_scenariodocument.moc"
