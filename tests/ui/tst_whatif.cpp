// The what-if dock: a lever edits the document (undoable, a drag is one step), the runner recomputes
// off the GUI thread and the dock shows the new figures; a drawn curve becomes a traffic scenario.
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/trafficcurveeditor.h"
#include "ui/panels/whatifpanel.h"

#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace headroom;
using namespace headroom::ui;

class TestWhatIf : public QObject
{
    Q_OBJECT

private:
    static analysis::AnalysisOptions quick(const QString &traffic)
    {
        analysis::AnalysisOptions o;
        o.planDays = 30;
        o.simulationDuration = std::chrono::hours(2);
        o.traffic = {traffic};
        o.topology = false;
        return o;
    }

    struct Fixture {
        ScenarioDocument doc;
        AnalysisRunner runner{&doc};
        std::unique_ptr<WhatIfPanel> panel;
        Fixture(const QString &traffic)
        {
            doc.reset(model::defaultScenario(), QString());
            runner.setDebounceMs(0);
            runner.setOptions(quick(traffic));
            panel = std::make_unique<WhatIfPanel>(&doc, &runner);
        }
        AnalysisPtr next()
        {
            QSignalSpy ready(&runner, &AnalysisRunner::analysisReady);
            if (!ready.wait(60'000))
                return {};
            if (!QTest::qWaitFor([this] { return !runner.isRunning(); }, 60'000))
                return {};
            return runner.latest();
        }
    };

    /// The headline figures as one comparable tuple.
    static std::tuple<int, double, double, double> figures(const AnalysisPtr &a)
    {
        const analysis::OutcomeFigures &f = a->traffic.front().figures;
        return {f.peakReplicas, f.peakP95Ms, f.minutesOverSlo, f.monthlyCostUsd};
    }

private slots:
    void sliderEditsDocumentAndUndoRestores_data()
    {
        QTest::addColumn<QString>("lever");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("sliderValue");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("tier");
        // the spike's size: more replicas at the peak
        QTest::newRow("spike factor") << QString::fromLatin1(WhatIfPanel::spikeFactorLever) << u"spec.traffic[3].spec"_s
                                      << 200 << u"baseline * spike(factor=20.0, at=1h, ramp=1m, hold=30m, decay=15m)"_s << 0;
        // a lower web max caps the peak
        QTest::newRow("max replicas") << QString::fromLatin1(WhatIfPanel::maxReplicasLever)
                                      << u"spec.tiers[0].autoscaling.maxReplicas"_s << 10 << u"10"_s << 0;
        // the API tier runs a verbatim HPA: the lever changes what its autoscaler uses
        QTest::newRow("api max replicas (verbatim HPA)") << QString::fromLatin1(WhatIfPanel::maxReplicasLever)
                                                         << u"spec.tiers[1].hpa.maxReplicas"_s << 40 << u"40"_s << 1;
    }

    void sliderEditsDocumentAndUndoRestores()
    {
        QFETCH(QString, lever);
        QFETCH(QString, path);
        QFETCH(int, sliderValue);
        QFETCH(QString, expected);
        QFETCH(int, tier);
        Fixture f(u"spike-10x"_s);
        auto *tiers = f.panel->findChild<QComboBox *>(u"whatIfTier"_s);
        QVERIFY(tiers);
        tiers->setCurrentIndex(tier);
        const AnalysisPtr before = f.next();
        QVERIFY(before);
        QCOMPARE(before->traffic.size(), std::size_t(1));
        const QString original = f.doc.fieldText(path);
        QSlider *slider = f.panel->slider(lever);
        QVERIFY(slider);
        QVERIFY(slider->isEnabled());
        // a drag: several positions, one undo step
        const int steps = f.doc.undoStack()->count();
        slider->setValue(sliderValue + 3);
        slider->setValue(sliderValue + 1);
        slider->setValue(sliderValue);
        QCOMPARE(f.doc.fieldText(path), expected);
        QCOMPARE(f.doc.undoStack()->count(), steps + 1);
        if (lever == QLatin1String(WhatIfPanel::maxReplicasLever)) // capacity settings and HPA stay in step
            QCOMPARE(f.doc.scenario().spec.tiers[tier].autoscaling.maxReplicas, sliderValue);
        const AnalysisPtr after = f.next();
        QVERIFY(after);
        QVERIFY(figures(after) != figures(before));
        // the dock shows the new figure
        QCOMPARE(f.panel->headlines()->rowCount(), 1);
        QCOMPARE(f.panel->headlines()->item(0, 1)->text(), QLocale().toString(after->traffic.front().figures.peakReplicas));

        f.doc.undoStack()->undo();
        QCOMPARE(f.doc.fieldText(path), original);
        QVERIFY(f.doc.scenario() == model::defaultScenario()); // exactly as before the drag
        QCOMPARE(slider->value(), int(std::lround(f.panel->spinBox(lever)->value() * (lever == u"spikeFactor" ? 10 : 1))));
        const AnalysisPtr undone = f.next();
        QVERIFY(undone);
        QVERIFY(figures(undone) == figures(before));
    }

    void leverIsOneTypedUndoStep_data()
    {
        QTest::addColumn<QString>("lever");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("sliderValue");
        QTest::addColumn<QString>("expected");
        QTest::newRow("growth") << QString::fromLatin1(WhatIfPanel::growthLever) << u"spec.capacityPlanner.growthRate"_s
                                << 25 << u"0.25"_s;
        QTest::newRow("redis shards") << QString::fromLatin1(WhatIfPanel::shardsLever) << u"spec.redisCluster.shards"_s
                                      << 6 << u"6"_s;
        QTest::newRow("cache hit ratio") << QString::fromLatin1(WhatIfPanel::hitRatioLever)
                                         << u"spec.cacheHierarchy[0].hitRatio"_s << 93 << u"93"_s;
        QTest::newRow("spike hold") << QString::fromLatin1(WhatIfPanel::spikeHoldLever) << u"spec.traffic[3].spec"_s << 45
                                    << u"baseline * spike(factor=10, at=1h, ramp=1m, hold=45m, decay=15m)"_s;
        QTest::newRow("min replicas") << QString::fromLatin1(WhatIfPanel::minReplicasLever)
                                      << u"spec.tiers[0].autoscaling.minReplicas"_s << 7 << u"7"_s;
        QTest::newRow("cpu target") << QString::fromLatin1(WhatIfPanel::cpuTargetLever)
                                    << u"spec.tiers[0].autoscaling.targetCPUUtilization"_s << 55 << u"55"_s;
    }

    // Each lever is a typed change of the scenario: one undo step per drag, undo gives back the
    // exact scenario, and the document's text form (YAML, diagnostics) follows the change.
    void leverIsOneTypedUndoStep()
    {
        QFETCH(QString, lever);
        QFETCH(QString, path);
        QFETCH(int, sliderValue);
        QFETCH(QString, expected);
        Fixture f(u"steady"_s);
        const model::Scenario start = f.doc.scenario();
        QSlider *slider = f.panel->slider(lever);
        QVERIFY(slider && slider->isEnabled());
        QSignalSpy text(&f.doc, &ScenarioDocument::textChanged);
        slider->setValue(sliderValue + 2);
        slider->setValue(sliderValue);
        QCOMPARE(f.doc.undoStack()->count(), 1);
        QVERIFY(!(f.doc.scenario() == start));
        QVERIFY(text.wait(10'000));
        QTRY_VERIFY(f.doc.isTextReady());
        QCOMPARE(f.doc.fieldText(path), expected);
        const model::LenientScenario parsed =
            model::parseScenarioLenient(model::serializeScenario(f.doc.scenario()), u"x"_s);
        QVERIFY(parsed.usable);
        QVERIFY(parsed.scenario == f.doc.scenario()); // the typed value is what the file would say
        QCOMPARE(f.doc.diagnostics().size(), parsed.diagnostics.size());
        f.doc.undoStack()->undo();
        QVERIFY(f.doc.scenario() == start);
        QCOMPARE(f.doc.fieldText(path), model::fieldText(start, path));
        QCOMPARE(slider->value(), int(std::lround(f.panel->spinBox(lever)->value())));
        f.doc.undoStack()->redo();
        QCOMPARE(f.doc.fieldText(path), expected);
    }

    void spotRatioIsAnUndoableOption()
    {
        Fixture f(u"steady"_s);
        QVERIFY(f.next());
        QCOMPARE(f.runner.options().spotRatio, 0.0);
        QDoubleSpinBox *spin = f.panel->spinBox(QString::fromLatin1(WhatIfPanel::spotLever));
        spin->setValue(30);
        spin->setValue(60);
        QCOMPARE(f.runner.options().spotRatio, 0.6);
        QCOMPARE(f.doc.undoStack()->count(), 1);
        f.doc.undoStack()->undo();
        QCOMPARE(f.runner.options().spotRatio, 0.0);
        QTRY_COMPARE(spin->value(), 0.0);
    }

    void regionLossAddsAnOutage()
    {
        Fixture f(u"steady"_s);
        QVERIFY(f.next());
        QComboBox *regions = f.panel->regionLossSelector();
        const int eu = regions->findData(u"eu-west-1"_s);
        QVERIFY(eu > 0);
        regions->setCurrentIndex(eu);
        emit regions->activated(eu);
        QCOMPARE(f.runner.options().traffic.size(), 2);
        QVERIFY(f.runner.options().traffic.last().contains(u"regionloss(region=eu-west-1"_s));
        const AnalysisPtr a = f.next();
        QVERIFY(a);
        QCOMPARE(a->traffic.size(), std::size_t(2));
        f.doc.undoStack()->undo();
        QCOMPARE(f.runner.options().traffic, QStringList{u"steady"_s});
    }

    void drawnCurveBecomesTrafficScenario()
    {
        Fixture f(u"steady"_s);
        QVERIFY(f.next());
        TrafficCurveEditor *editor = f.panel->curveEditor();
        QCOMPARE(editor->durationHours(), 2.0);
        editor->setPoints({{0, 1}, {2, 1}});
        QSignalSpy changed(editor, &TrafficCurveEditor::curveChanged);
        editor->drawStroke({{0.5, 1}, {0.75, 4}, {1.0, 4}, {1.25, 1}});
        QCOMPARE(changed.size(), 1);
        const TrafficCurveEditor::Points expected{{0, 1}, {0.5, 1}, {0.75, 4}, {1.0, 4}, {1.25, 1}, {2, 1}};
        QCOMPARE(editor->points(), expected);
        QString error;
        QVERIFY2(f.panel->saveCurve(u"launch"_s, &error), qPrintable(error));
        const model::TrafficScenario *t = f.doc.scenario().traffic(u"launch"_s);
        QVERIFY(t);
        QCOMPARE(t->points.size(), 6);
        QCOMPARE(t->points[2], (QList<double>{0.75, 4}));
        QVERIFY(!model::hasErrors(f.doc.diagnostics()));
        QCOMPARE(f.runner.options().traffic, QStringList{u"launch"_s});
        const AnalysisPtr a = f.next();
        QVERIFY(a);
        const analysis::TrafficOutcome *o = a->outcome(u"launch"_s);
        QVERIFY(o);
        // the demand follows the curve: four times the baseline at 0.9 h
        const autoscale::TierTimeline &web = o->simulation.tiers.front();
        const std::size_t at = std::size_t(0.9 * 3600'000 / double(o->simulation.stepMs));
        QVERIFY(web.demand[at] > 3.5 * web.demand[0]);

        // redraw: a control point moved, saved again replaces the points in one undoable step
        editor->setPoints({{0, 1}, {1, 2}, {2, 1}});
        QVERIFY(f.panel->saveCurve(u"launch"_s));
        QCOMPARE(f.doc.scenario().traffic(u"launch"_s)->points.size(), 3);
        f.doc.undoStack()->undo();
        QCOMPARE(f.doc.scenario().traffic(u"launch"_s)->points.size(), 6);
        f.doc.undoStack()->undo();
        QVERIFY(!f.doc.scenario().traffic(u"launch"_s));
        QVERIFY(!f.panel->saveCurve(u"9 bad"_s, &error));
        QVERIFY(!error.isEmpty());
    }

    void mouseStrokeDrawsPoints()
    {
        TrafficCurveEditor editor;
        editor.resize(400, 200);
        editor.setDurationHours(24);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::mousePress(&editor, Qt::LeftButton, {}, QPoint(100, 100));
        for (int x = 110; x <= 300; x += 10) {
            QMouseEvent move(QEvent::MouseMove, QPointF(x, 100 - (x - 100) / 4), editor.mapToGlobal(QPointF(x, 100)),
                             Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&editor, &move);
        }
        QTest::mouseRelease(&editor, Qt::LeftButton, {}, QPoint(300, 50));
        QVERIFY(editor.points().size() >= 10);
        for (std::size_t i = 1; i < editor.points().size(); ++i)
            QVERIFY(editor.points()[i].first >= editor.points()[i - 1].first);
        QVERIFY(editor.points().back().second > editor.points().front().second);
    }
};

QTEST_MAIN(TestWhatIf)
#include "tst_whatif.moc"
