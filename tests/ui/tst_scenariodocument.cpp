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
    void leverEditUndoRestoresExactValues();
    void leverDragIsOneStepAndBackToStartIsDropped();
    void rejectedLeverEditChangesNothing();
    void textFormFollowsOnTheWorker();
    void textFormOnDemandBeforeTheWorker();
    void diagnosticsAfterLeverKeepLineNumbers();
    void fieldEditUndoRestoresExactScenario();

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

namespace {
/// Raises the web tier's max replicas and its HPA's (what the what-if lever does).
model::Scenario withMaxReplicas(model::Scenario s, int value)
{
    s.spec.tiers[0].autoscaling.maxReplicas = value;
    if (s.spec.tiers[0].hpa)
        s.spec.tiers[0].hpa->maxReplicas = value;
    return s;
}
} // namespace

void TestScenarioDocument::leverEditUndoRestoresExactValues()
{
    const model::Scenario original = m_doc->scenario();
    QSignalSpy changed(m_doc.get(), &ScenarioDocument::scenarioChanged);
    const model::Scenario edited = withMaxReplicas(original, 120);
    QVERIFY(m_doc->editScenario(edited, QStringLiteral("web max replicas 120")));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_doc->scenario() == edited);
    QVERIFY(m_doc->isModified());
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("web max replicas 120"));
    QCOMPARE(m_doc->fieldText(maxReplicas), QStringLiteral("120"));
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->scenario() == original);
    QCOMPARE(m_doc->fieldText(maxReplicas), QStringLiteral("50"));
    QVERIFY(!m_doc->isModified());
    m_doc->undoStack()->redo();
    QVERIFY(m_doc->scenario() == edited);
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 120);
    QCOMPARE(changed.size(), 3);
    // an edit that changes nothing is no step
    QVERIFY(m_doc->editScenario(edited, QStringLiteral("again")));
    QCOMPARE(m_doc->undoStack()->count(), 1);
}

void TestScenarioDocument::leverDragIsOneStepAndBackToStartIsDropped()
{
    const model::Scenario original = m_doc->scenario();
    const QString key = QStringLiteral("whatif/web/max");
    for (int v : {60, 70, 80})
        QVERIFY(m_doc->editScenario(withMaxReplicas(original, v), QStringLiteral("max %1").arg(v), key));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("max 80"));
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->scenario() == original);
    m_doc->undoStack()->redo();
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 80);
    // a new drag that returns to where it started leaves no step behind
    QVERIFY(m_doc->editScenario(withMaxReplicas(original, 90), QStringLiteral("max 90"), QStringLiteral("other")));
    QVERIFY(m_doc->editScenario(withMaxReplicas(original, 80), QStringLiteral("max 80"), QStringLiteral("other")));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->scenario().spec.tiers[0].autoscaling.maxReplicas, 80);
}

void TestScenarioDocument::rejectedLeverEditChangesNothing()
{
    QSignalSpy rejected(m_doc.get(), &ScenarioDocument::editRejected);
    QSignalSpy changed(m_doc.get(), &ScenarioDocument::scenarioChanged);
    model::Scenario broken = m_doc->scenario();
    broken.spec.tiers[0].autoscaling.maxReplicas = 2; // below minReplicas 3
    QString why;
    QVERIFY(!m_doc->editScenario(broken, QStringLiteral("max 2"), {}, &why));
    QVERIFY2(why.startsWith(maxReplicas) && why.contains(QStringLiteral("minReplicas")), qPrintable(why));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(m_doc->scenario() == model::defaultScenario());
}

void TestScenarioDocument::textFormFollowsOnTheWorker()
{
    QSignalSpy text(m_doc.get(), &ScenarioDocument::textChanged);
    QSignalSpy diagnostics(m_doc.get(), &ScenarioDocument::diagnosticsChanged);
    QVERIFY(m_doc->editScenario(withMaxReplicas(m_doc->scenario(), 77), QStringLiteral("max 77")));
    QCOMPARE(text.size(), 0); // not on the edit's path
    QVERIFY(text.wait(10'000));
    QCOMPARE(text.size(), 1);
    QVERIFY(m_doc->isTextReady());
    QCOMPARE(model::fieldText(m_doc->yaml(), maxReplicas), QStringLiteral("77"));
    QVERIFY(m_doc->fields().contains(maxReplicas));
    QVERIFY(m_doc->fieldRank(minReplicas) < m_doc->fieldRank(maxReplicas));
    QVERIFY(m_doc->diagnostics().isEmpty());
    QCOMPARE(diagnostics.size(), 0); // none before, none after: nothing to announce
    // A quick series of edits (a drag) announces the newest state once the worker catches up.
    for (int v : {78, 79, 80})
        QVERIFY(m_doc->editScenario(withMaxReplicas(m_doc->scenario(), v), QStringLiteral("max"), QStringLiteral("k")));
    QVERIFY(!m_doc->isTextReady());
    QVERIFY(text.wait(10'000));
    QCOMPARE(model::fieldText(m_doc->yaml(), maxReplicas), QStringLiteral("80"));
    // the edits fell within one delay: one derivation, one announcement
    QTest::qWait(3 * ScenarioDocument::textDelayMs);
    QCOMPARE(text.size(), 2);
}

void TestScenarioDocument::textFormOnDemandBeforeTheWorker()
{
    QSignalSpy text(m_doc.get(), &ScenarioDocument::textChanged);
    QVERIFY(m_doc->editScenario(withMaxReplicas(m_doc->scenario(), 66), QStringLiteral("max 66")));
    QVERIFY(!m_doc->isTextReady());
    QCOMPARE(m_doc->fieldText(maxReplicas), QStringLiteral("66")); // derived on the spot
    QVERIFY(m_doc->isTextReady());
    QVERIFY(text.wait(10'000)); // still announced, once
    QTest::qWait(50);
    QCOMPARE(text.size(), 1);
    QCOMPARE(m_doc->fieldText(maxReplicas), QStringLiteral("66"));
}

void TestScenarioDocument::diagnosticsAfterLeverKeepLineNumbers()
{
    // A scenario that breaks a cross-field rule stays editable; after a lever the diagnostics are
    // those of the canonical text, with its exact lines, as a full parse of that text gives them.
    model::Scenario s = model::defaultScenario();
    s.spec.tiers[1].autoscaling.minReplicas = s.spec.tiers[1].autoscaling.maxReplicas + 5;
    m_doc->reset(s, QStringLiteral("/tmp/plan.yaml"));
    QSignalSpy diagnostics(m_doc.get(), &ScenarioDocument::diagnosticsChanged);
    QVERIFY(m_doc->editScenario(withMaxReplicas(m_doc->scenario(), 90), QStringLiteral("web max 90")));
    QVERIFY(diagnostics.wait(10'000));
    const model::LenientScenario expected =
        model::parseScenarioLenient(model::serializeScenario(m_doc->scenario()), QStringLiteral("/tmp/plan.yaml"));
    QVERIFY(!expected.diagnostics.isEmpty());
    QCOMPARE(m_doc->diagnostics().size(), expected.diagnostics.size());
    for (qsizetype i = 0; i < expected.diagnostics.size(); ++i) {
        QCOMPARE(m_doc->diagnostics()[i].toString(), expected.diagnostics[i].toString());
        QVERIFY(m_doc->diagnostics()[i].where.line > 0);
    }
    QVERIFY(m_doc->diagnostics().first().fieldPath.startsWith(QStringLiteral("spec.tiers[1].autoscaling")));
    // undo: the reset's diagnostics came without lines (none were given); now they are derived
    m_doc->undoStack()->undo();
    QTRY_COMPARE(m_doc->diagnostics().size(), expected.diagnostics.size());
}

void TestScenarioDocument::fieldEditUndoRestoresExactScenario()
{
    QSignalSpy text(m_doc.get(), &ScenarioDocument::textChanged);
    const model::Scenario original = m_doc->scenario();
    const QString path = QStringLiteral("spec.tiers[0].autoscaling.scaleUpCooldown");
    const QString before = m_doc->fieldText(path);
    QCOMPARE(before, QStringLiteral("3m"));
    QVERIFY(m_doc->editField(path, QStringLiteral("7m")));
    QCOMPARE(text.size(), 1); // the property editor's path: the text form is ready at once
    QVERIFY(m_doc->isTextReady());
    QVERIFY(!(m_doc->scenario() == original));
    QCOMPARE(m_doc->fieldText(path), QStringLiteral("7m"));
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->scenario() == original);
    QCOMPARE(m_doc->fieldText(path), before);
}

QTEST_MAIN(TestScenarioDocument)
#include "tst_scenariodocument.moc"
