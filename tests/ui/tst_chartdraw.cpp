// Drawing a traffic scenario on the demand chart: the draw mode's stroke and point drag with the
// mouse, saving it as a named traffic scenario (one undo step) that the simulation then follows.
#include "ui/charts/chartspanel.h"
#include "ui/charts/chartview.h"
#include "ui/charts/curveoverlay.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace headroom;

class TestChartDraw : public QObject
{
    Q_OBJECT

private:
    ui::ScenarioDocument *m_doc = nullptr;
    ui::AnalysisRunner *m_runner = nullptr;
    charts::ChartsPanel *m_panel = nullptr;

    /// The viewport position of (hours, multiplier) on the drawing overlay.
    QPoint at(double hours, double multiplier) const
    {
        const charts::CurveOverlay *overlay = m_panel->curveOverlay();
        return m_panel->demandView()->mapFromScene(overlay->mapToScene(overlay->toChart(hours, multiplier)));
    }
    void mouse(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) const
    {
        QWidget *viewport = m_panel->demandView()->viewport();
        QMouseEvent event(type, QPointF(pos), viewport->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    }
    void drag(const QList<QPoint> &path) const
    {
        mouse(QEvent::MouseButtonPress, path.front(), Qt::LeftButton, Qt::LeftButton);
        for (const QPoint &p : path.mid(1))
            mouse(QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, path.back(), Qt::LeftButton, Qt::NoButton);
    }
    QDateTimeAxis *demandTimeAxis() const
    {
        return qobject_cast<QDateTimeAxis *>(m_panel->demandView()->chart()->axes(Qt::Horizontal).value(0));
    }
    static double demandAt(const analysis::TrafficOutcome &o, double hours)
    {
        const autoscale::SimulationResult &sim = o.simulation;
        return sim.tiers.front().demand[static_cast<std::size_t>(hours * 3.6e6 / double(sim.stepMs))];
    }

private slots:
    void initTestCase()
    {
        m_doc = new ui::ScenarioDocument(this);
        m_doc->reset(model::defaultScenario(), QString());
        m_runner = new ui::AnalysisRunner(m_doc, this);
        m_runner->setDebounceMs(0);
        m_panel = new charts::ChartsPanel(m_doc);
        connect(m_runner, &ui::AnalysisRunner::analysisReady, m_panel, &charts::ChartsPanel::setAnalysis);
        m_panel->resize(1200, 800);
        m_panel->show();
        m_panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_panel));
        analysis::AnalysisOptions o;
        o.planDays = 60;
        o.simulationDuration = std::chrono::hours(6);
        o.traffic = {u"steady"_s, u"launch-day"_s}; // launch-day is drawn below
        o.evaluateAlerts = false;
        o.topology = false;
        QSignalSpy ready(m_runner, &ui::AnalysisRunner::analysisReady);
        m_runner->setOptions(o);
        QVERIFY(ready.wait(60'000));
        QTRY_VERIFY(m_panel->analysis());
        QCOMPARE(m_panel->trafficSelector()->count(), 1);
    }

    void cleanupTestCase() { delete m_panel; }

    void drawModeShowsTheSimulationWindow()
    {
        QDateTimeAxis *x = demandTimeAxis();
        QVERIFY(x);
        const qint64 planSpan = x->min().msecsTo(x->max());
        QCOMPARE(planSpan, qint64{59} * 86'400'000);
        QVERIFY(!m_panel->isDrawing());
        m_panel->drawAction()->trigger();
        QVERIFY(m_panel->isDrawing());
        QCOMPARE(m_panel->curveOverlay()->durationHours(), 6.0);
        // The chosen traffic scenario has no drawn curve: a flat 1x to start from.
        QCOMPARE(m_panel->curveOverlay()->points(), (charts::CurveOverlay::Points{{0, 1}, {6, 1}}));
        QCOMPARE(demandTimeAxis()->min().msecsTo(demandTimeAxis()->max()), qint64{6} * 3'600'000);
        // Esc leaves draw mode and the axis returns to the plan horizon.
        QTest::keyClick(m_panel->demandView(), Qt::Key_Escape);
        QVERIFY(!m_panel->isDrawing());
        QVERIFY(!m_panel->drawAction()->isChecked());
        QCOMPARE(demandTimeAxis()->min().msecsTo(demandTimeAxis()->max()), planSpan);
        // D turns it on again.
        QTest::keyClick(m_panel->demandView(), Qt::Key_D);
        QVERIFY(m_panel->isDrawing());
    }

    void freehandStrokeSavesTrafficScenario()
    {
        QVERIFY(m_panel->isDrawing());
        QList<QPoint> stroke;
        for (double h = 1; h <= 4.001; h += 0.1)
            stroke.append(at(h, 2.5));
        drag(stroke);
        const charts::CurveOverlay::Points drawn = m_panel->curveOverlay()->points();
        QVERIFY2(drawn.size() >= 10, qPrintable(QString::number(drawn.size())));
        QCOMPARE(drawn.front(), (std::pair<double, double>{0, 1}));
        QCOMPARE(drawn.back(), (std::pair<double, double>{6, 1}));
        for (const auto &[h, m] : drawn) {
            if (h > 0.9 && h < 4.1)
                QVERIFY2(std::abs(m - 2.5) < 0.05, qPrintable(u"%1 h: %2"_s.arg(h).arg(m)));
        }

        QString error;
        QVERIFY(!m_panel->saveDrawing(u"1 bad name"_s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(m_panel->isDrawing());
        const int undoBefore = m_doc->undoStack()->count();
        QSignalSpy ready(m_runner, &ui::AnalysisRunner::analysisReady);
        QVERIFY2(m_panel->saveDrawing(u"launch-day"_s, &error), qPrintable(error));
        QVERIFY(!m_panel->isDrawing());
        QCOMPARE(m_doc->undoStack()->count(), undoBefore + 1);
        const model::TrafficScenario *t = m_doc->scenario().traffic(u"launch-day");
        QVERIFY(t);
        QCOMPARE(t->spec, u"baseline"_s);
        QCOMPARE(t->points.size(), qsizetype(drawn.size()));
        for (std::size_t i = 0; i < drawn.size(); ++i)
            QCOMPARE(t->points[qsizetype(i)], (QList<double>{drawn[i].first, drawn[i].second}));

        // The analysis reruns with the new scenario, the page shows it, and its demand follows the curve.
        QVERIFY(ready.wait(60'000));
        QTRY_COMPARE(m_panel->trafficSelector()->currentText(), u"launch-day"_s);
        QVERIFY(m_panel->trafficView()->chart()->title().contains(u"launch-day"_s));
        const analysis::TrafficOutcome *launch = m_panel->analysis()->outcome(u"launch-day");
        const analysis::TrafficOutcome *steady = m_panel->analysis()->outcome(u"steady");
        QVERIFY(launch && steady);
        QVERIFY(std::abs(demandAt(*launch, 2.5) / demandAt(*steady, 2.5) - 2.5) < 0.05);
        QVERIFY(demandAt(*launch, 5.9) / demandAt(*steady, 5.9) < 1.2); // back towards (6 h, 1x)
    }

    void dragControlPointThenCancel()
    {
        QCOMPARE(m_panel->trafficSelector()->currentText(), u"launch-day"_s);
        const QList<QList<double>> saved = m_doc->scenario().traffic(u"launch-day")->points;
        m_panel->drawAction()->trigger();
        QVERIFY(m_panel->isDrawing());
        // The existing curve is loaded; its last point (6 h, 1x) is dragged up to 3x.
        QCOMPARE(m_panel->curveOverlay()->points().size(), std::size_t(saved.size()));
        drag({at(6, 1), at(6, 2), at(6, 3)});
        QVERIFY(std::abs(m_panel->curveOverlay()->points().back().second - 3.0) < 0.05);
        QVERIFY(std::abs(m_panel->curveOverlay()->points().back().first - 6.0) < 0.05);
        // Cancelled: the file keeps the saved curve.
        QTest::keyClick(m_panel->demandView(), Qt::Key_Escape);
        QVERIFY(!m_panel->isDrawing());
        QCOMPARE(m_doc->scenario().traffic(u"launch-day")->points, saved);
    }

    void undoRemovesTheDrawnScenario()
    {
        QVERIFY(m_doc->scenario().traffic(u"launch-day"));
        m_doc->undoStack()->undo();
        QVERIFY(!m_doc->scenario().traffic(u"launch-day"));
        m_doc->undoStack()->redo();
        QVERIFY(m_doc->scenario().traffic(u"launch-day"));
        m_doc->undoStack()->undo();
        QVERIFY(!m_doc->scenario().traffic(u"launch-day"));
    }

    void saveWithoutDrawingFails()
    {
        QString error;
        QVERIFY(!m_panel->isDrawing());
        QVERIFY(!m_panel->saveDrawing(u"late"_s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!m_doc->scenario().traffic(u"late"));
    }
};

QTEST_MAIN(TestChartDraw)
#include "tst_chartdraw.moc"
