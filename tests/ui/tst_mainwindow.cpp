#include "core/model/scenarioio.h"
#include "ui/appsettings.h"
#include "ui/document/autosave.h"
#include "ui/document/scenariodocument.h"
#include "ui/mainwindow.h"
#include "ui/models/problemmodel.h"
#include "ui/models/propertymodel.h"
#include "ui/models/scenariotreemodel.h"
#include "ui/panels/problemspanel.h"
#include "ui/panels/propertyeditor.h"
#include "ui/panels/recoverybar.h"
#include "ui/panels/scenariotreepanel.h"
#include "ui/document/analysisrunner.h"
#include "ui/dialogs/connectionsdialog.h"
#include "ui/panels/commandpalette.h"
#include "ui/panels/comparepanel.h"
#include "ui/charts/chartspanel.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>
#include <QTreeView>

using namespace headroom;
using namespace headroom::ui;

namespace {
const QString maxReplicas = QStringLiteral("spec.tiers[0].autoscaling.maxReplicas");
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensOnWebToolsPro();
    void editThroughPropertyEditorAndUndo();
    void rejectedEditIsShownAndNotApplied();
    void enumEditedWithComboBox();
    void saveAndReloadIsEqual();
    void autosaveIsOfferedAfterCrash();
    void discardedRecoveryIsGone();
    void problemsListBrokenFileAndJumpToField();
    void unreadableFileKeepsDocument();
    void windowStateIsRestored();
    void paletteRunsAnAction();
    void altKeysToggleDocks();
    void ctrlKeysSwitchPages();
    void chartsTrafficIsComputedFirst();
    void docksAndSplitterAreRestored();
    void connectionsEditTheDocumentsDataSources();

private:
    MainWindow::Options options() const { return {m_dir->path() + QStringLiteral("/autosave"), 3'600'000}; }
    static QWidget *openEditor(MainWindow &window, const QString &path);
    /// Shows and activates the window: shortcuts go to the active window only.
    static bool showActive(MainWindow &window);
    static QDockWidget *dock(MainWindow &window, const QString &objectName);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear(); // every case starts from the defaults (test-mode settings of HeadroomTest)
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QWidget *TestMainWindow::openEditor(MainWindow &window, const QString &path)
{
    window.treePanel()->selectPath(path);
    QTableView *table = window.propertyEditor()->view();
    const int row = window.propertyEditor()->model()->rowOf(path);
    if (row < 0)
        return nullptr;
    const QModelIndex cell = window.propertyEditor()->model()->index(row, PropertyModel::ValueColumn);
    table->setCurrentIndex(cell);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F2);
    return table->indexWidget(cell) ? table->indexWidget(cell) : QApplication::focusWidget();
}

void TestMainWindow::opensOnWebToolsPro()
{
    MainWindow window(options());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.document()->scenario() == model::defaultScenario());
    QVERIFY(window.windowTitle().contains(QStringLiteral("WebTools Pro")));
    QVERIFY(window.treePanel()->model()->rowCount() > 0);
    QCOMPARE(window.problemsPanel()->model()->rowCount(), 0);
    QVERIFY(!window.recoveryBar()->isVisible());
}

void TestMainWindow::editThroughPropertyEditorAndUndo()
{
    MainWindow window(options());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QWidget *editor = openEditor(window, maxReplicas);
    auto *spin = qobject_cast<QSpinBox *>(editor);
    QVERIFY2(spin, editor ? editor->metaObject()->className() : "no editor");
    QCOMPARE(spin->value(), 50);
    QCOMPARE(spin->minimum(), 1);
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("64"));
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(window.document()->scenario().spec.tiers[0].autoscaling.maxReplicas, 64);
    QCOMPARE(window.document()->undoStack()->count(), 1);
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.treePanel()->model()->indexForPath(maxReplicas).siblingAtColumn(1).data().toString(),
             QStringLiteral("64"));

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier); // Edit > Undo
    QCOMPARE(window.document()->scenario().spec.tiers[0].autoscaling.maxReplicas, 50);
    QVERIFY(!window.isWindowModified());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // Edit > Redo
    QCOMPARE(window.document()->scenario().spec.tiers[0].autoscaling.maxReplicas, 64);
    window.document()->undoStack()->setClean();
}

void TestMainWindow::rejectedEditIsShownAndNotApplied()
{
    MainWindow window(options());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *edit =
        qobject_cast<QLineEdit *>(openEditor(window, QStringLiteral("spec.tiers[0].autoscaling.scaleUpCooldown")));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("3m"));
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("90"));
    QVERIFY(!edit->toolTip().isEmpty()); // flagged while typing: a duration needs a unit
    QTest::keyClick(edit, Qt::Key_Return);
    const auto rejectionShown = [&window] {
        for (QLabel *label : window.propertyEditor()->findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(QStringLiteral("needs a unit")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(rejectionShown());
    QCOMPARE(window.document()->fieldText(QStringLiteral("spec.tiers[0].autoscaling.scaleUpCooldown")),
             QStringLiteral("3m"));
    QCOMPARE(window.document()->undoStack()->count(), 0);
}

void TestMainWindow::enumEditedWithComboBox()
{
    MainWindow window(options());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString path = QStringLiteral("spec.cacheHierarchy[2].evictionPolicy");
    auto *combo = qobject_cast<QComboBox *>(openEditor(window, path));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("LFU"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("allkeys-lru")));
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(window.document()->fieldText(path), QStringLiteral("allkeys-lru"));
    window.document()->undoStack()->undo();
    QCOMPARE(window.document()->fieldText(path), QStringLiteral("LFU"));
}

void TestMainWindow::saveAndReloadIsEqual()
{
    const QString file = m_dir->filePath(QStringLiteral("plan.yaml"));
    model::Scenario edited;
    {
        MainWindow window(options());
        QVERIFY(window.document()->editField(maxReplicas, QStringLiteral("77")));
        QVERIFY(window.document()->editField(QStringLiteral("spec.resourceTiers[0].memory"), QStringLiteral("6GB")));
        QVERIFY(window.saveTo(file));
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->filePath(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(AppSettings::recentFiles().value(0), QFileInfo(file).absoluteFilePath());
        edited = window.document()->scenario();
    }
    MainWindow reopened(options());
    QVERIFY(reopened.openFile(file));
    QVERIFY(reopened.document()->scenario() == edited);
    QCOMPARE(reopened.document()->scenario().spec.tiers[0].autoscaling.maxReplicas, 77);
    QVERIFY(!reopened.document()->isModified());
    QCOMPARE(reopened.problemsPanel()->model()->rowCount(), 0);
    QVERIFY(reopened.windowTitle().contains(QStringLiteral("plan.yaml")));
}

void TestMainWindow::autosaveIsOfferedAfterCrash()
{
    auto crashed = std::make_unique<MainWindow>(options());
    QVERIFY(crashed->document()->editField(maxReplicas, QStringLiteral("88")));
    QVERIFY(crashed->autosave()->saveNow());
    const QString autosaved = crashed->autosave()->currentPath();
    QVERIFY(QFile::exists(autosaved));
    QVERIFY(QFile(autosaved).size() > 1000);

    // A second window with the same autosave folder, while the first never cleaned up.
    MainWindow restarted(options());
    restarted.show();
    restarted.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&restarted));
    QCOMPARE(restarted.pendingRecoveries().size(), 1);
    QVERIFY(restarted.recoveryBar()->isVisible());
    QTest::mouseClick(restarted.recoveryBar()->restoreButton(), Qt::LeftButton);
    QCOMPARE(restarted.document()->scenario().spec.tiers[0].autoscaling.maxReplicas, 88);
    QVERIFY(restarted.document()->isModified());
    QVERIFY(!restarted.recoveryBar()->isVisible());
    QVERIFY(!QFile::exists(autosaved));
    crashed->document()->undoStack()->setClean();
    restarted.document()->markSaved(QString());
}

void TestMainWindow::discardedRecoveryIsGone()
{
    {
        MainWindow crashed(options());
        QVERIFY(crashed.document()->editField(maxReplicas, QStringLiteral("91")));
        QVERIFY(crashed.autosave()->saveNow());
    }
    {
        MainWindow restarted(options());
        QCOMPARE(restarted.pendingRecoveries().size(), 1);
        QTest::mouseClick(restarted.recoveryBar()->discardButton(), Qt::LeftButton);
        QCOMPARE(restarted.document()->scenario().spec.tiers[0].autoscaling.maxReplicas, 50);
    }
    MainWindow third(options());
    QCOMPARE(third.pendingRecoveries().size(), 0);
}

void TestMainWindow::problemsListBrokenFileAndJumpToField()
{
    QByteArray text = model::serializeScenario(model::defaultScenario());
    const int line = static_cast<int>(text.left(text.indexOf("maxReplicas: 50")).count('\n')) + 1;
    text.replace("maxReplicas: 50", "maxReplicas: lots");
    const QString file = m_dir->filePath(QStringLiteral("broken.yaml"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();

    MainWindow window(options());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFile(file));
    ProblemModel *problems = window.problemsPanel()->model();
    QCOMPARE(problems->rowCount(), 1);
    QCOMPARE(problems->index(0, ProblemModel::FieldColumn).data().toString(), maxReplicas);
    const QString location = problems->index(0, ProblemModel::LocationColumn).data().toString();
    QVERIFY2(location.startsWith(QStringLiteral("broken.yaml:%1:").arg(line)), qPrintable(location));
    QVERIFY(problems->index(0, 0).data().toString().contains(QStringLiteral("expected a whole number")));

    QTreeView *view = window.problemsPanel()->view();
    view->setCurrentIndex(view->model()->index(0, 0));
    QCOMPARE(window.treePanel()->currentPath(), maxReplicas);
    QCOMPARE(window.propertyEditor()->currentField(), maxReplicas);

    QVERIFY(window.document()->editField(maxReplicas, QStringLiteral("45")));
    QCOMPARE(problems->rowCount(), 0);
    window.document()->undoStack()->setClean();
}

void TestMainWindow::unreadableFileKeepsDocument()
{
    const QString file = m_dir->filePath(QStringLiteral("notyaml.yaml"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("spec: [unclosed\n");
    out.close();
    MainWindow window(options());
    QVERIFY(!window.openFile(file));
    QVERIFY(window.document()->scenario() == model::defaultScenario());
    QCOMPARE(window.problemsPanel()->model()->rowCount(), 1);
    QVERIFY(window.problemsPanel()
                ->model()
                ->index(0, ProblemModel::LocationColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("notyaml.yaml:")));
    QVERIFY(!window.openFile(m_dir->filePath(QStringLiteral("missing.yaml"))));
    QVERIFY(window.problemsPanel()->model()->index(0, 0).data().toString().contains(QStringLiteral("cannot read")));
}

void TestMainWindow::windowStateIsRestored()
{
    {
        MainWindow window(options());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.resize(1010, 707);
        QTest::qWait(10);
        QVERIFY(window.close()); // nothing unsaved: no prompt
    }
    QVERIFY(!AppSettings::windowGeometry().isEmpty());
    MainWindow again(options());
    QCOMPARE(again.size(), QSize(1010, 707));
}

bool TestMainWindow::showActive(MainWindow &window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

QDockWidget *TestMainWindow::dock(MainWindow &window, const QString &objectName)
{
    return window.findChild<QDockWidget *>(objectName);
}

void TestMainWindow::paletteRunsAnAction()
{
    MainWindow window(options());
    QVERIFY(showActive(window));
    CommandPalette *palette = window.commandPalette();
    QVERIFY(!palette->isVisible());
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(palette->isVisible());
    QCOMPARE(QApplication::focusWidget(), palette->filterEdit());
    QVERIFY(palette->list()->count() > 10); // every enabled action of the window

    // running "Show Compare" from the palette switches the page
    QVERIFY(window.workspace()->currentWidget() != window.comparePanel());
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("show compare"));
    QVERIFY(palette->list()->count() >= 1);
    QVERIFY2(palette->list()->currentItem()->text().contains(QStringLiteral("Show Compare")),
             qPrintable(palette->list()->currentItem()->text()));
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QCOMPARE(window.workspace()->currentWidget(), window.comparePanel());

    // an edit action: Edit › Undo through the palette undoes a property edit
    QVERIFY(window.document()->editField(maxReplicas, QStringLiteral("77")));
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(palette->isVisible());
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("edit undo"));
    QVERIFY2(palette->list()->currentItem() && palette->list()->currentItem()->text().contains(QStringLiteral("Undo")),
             palette->list()->currentItem() ? qPrintable(palette->list()->currentItem()->text()) : "no entry");
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QCOMPARE(window.document()->fieldText(maxReplicas), QStringLiteral("50"));
    // Escape closes without running anything
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(palette->isVisible());
    QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QCOMPARE(window.document()->fieldText(maxReplicas), QStringLiteral("50"));

    // Draw Traffic from the palette while another page is shown brings up the Charts page, drawing
    auto *charts = window.findChild<charts::ChartsPanel *>();
    QVERIFY(charts);
    QTRY_VERIFY_WITH_TIMEOUT(charts->analysis(), 30'000);
    QCOMPARE(window.workspace()->currentWidget(), window.comparePanel());
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("draw traffic"));
    QVERIFY2(palette->list()->currentItem() && palette->list()->currentItem()->text().contains(QStringLiteral("Draw Traffic")),
             palette->list()->currentItem() ? qPrintable(palette->list()->currentItem()->text()) : "no entry");
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    QCOMPARE(window.workspace()->currentWidget(), charts);
    QVERIFY(charts->isDrawing());
    QVERIFY(charts->curveOverlay());
}

void TestMainWindow::altKeysToggleDocks()
{
    MainWindow window(options());
    QVERIFY(showActive(window));
    QDockWidget *whatIf = dock(window, QStringLiteral("whatIfDock"));
    QDockWidget *alerts = dock(window, QStringLiteral("alertsDock"));
    QVERIFY(whatIf && alerts);
    QVERIFY(!whatIf->isHidden() && !alerts->isHidden());

    QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);
    QVERIFY(whatIf->isHidden());
    QVERIFY(!whatIf->toggleViewAction()->isChecked());
    QVERIFY(!alerts->isHidden());
    QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);
    QVERIFY(!whatIf->isHidden());
    QTRY_VERIFY(whatIf->isVisible());

    QTest::keyClick(&window, Qt::Key_6, Qt::AltModifier);
    QVERIFY(alerts->isHidden());
    QVERIFY(!whatIf->isHidden());
    QTest::keyClick(&window, Qt::Key_6, Qt::AltModifier);
    QVERIFY(!alerts->isHidden());
    QVERIFY(alerts->toggleViewAction()->isChecked());
}

void TestMainWindow::ctrlKeysSwitchPages()
{
    MainWindow window(options());
    QVERIFY(showActive(window));
    QTabWidget *pages = window.workspace();
    const auto title = [pages] { return pages->tabText(pages->currentIndex()).remove(QLatin1Char('&')); };
    QCOMPARE(title(), QStringLiteral("Topology"));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(title(), QStringLiteral("Charts"));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(title(), QStringLiteral("Compare"));
    QCOMPARE(pages->currentWidget(), window.comparePanel());
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(title(), QStringLiteral("Topology"));

    // the Compare page, hidden behind Topology, only marks itself stale; showing it brings it up to date
    ComparePanel *compare = window.comparePanel();
    QVERIFY(!compare->isVisible());
    QSignalSpy ready(window.analysisRunner(), &AnalysisRunner::analysisReady);
    QVERIFY(window.document()->editField(maxReplicas, QStringLiteral("40")));
    QVERIFY(ready.wait(120'000));
    QVERIFY(compare->isStale());
    QSignalSpy updated(compare, &ComparePanel::updated);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QVERIFY(compare->isVisible());
    QVERIFY(!compare->isStale());
    QCOMPARE(updated.size(), 1);

    // at the default window size the overlay chart has the room its axis titles and labels need
    QCOMPARE(window.size(), QSize(1360, 860));
    QChartView *chart = compare->chartView();
    qInfo("Compare page %dx%d, chart %dx%d, plot area %.0fx%.0f", compare->width(), compare->height(), chart->width(),
          chart->height(), chart->chart()->plotArea().width(), chart->chart()->plotArea().height());
    QVERIFY2(chart->height() >= 300, qPrintable(QString::number(chart->height())));
    QVERIFY2(chart->width() * 10 >= compare->width() * 7, qPrintable(QString::number(chart->width())));

    QVERIFY2(chart->chart()->plotArea().height() >= 150, qPrintable(QString::number(chart->chart()->plotArea().height())));
}

void TestMainWindow::chartsTrafficIsComputedFirst()
{
    MainWindow window(options());
    QVERIFY(showActive(window));
    auto *charts = window.findChild<charts::ChartsPanel *>();
    QVERIFY(charts);
    QTRY_VERIFY_WITH_TIMEOUT(window.analysisRunner()->latest(), 60'000);
    QTRY_VERIFY(charts->trafficSelector()->count() > 2);
    // before any choice the charts show the first traffic scenario, the one delivered first
    QCOMPARE(charts->trafficSelector()->currentIndex(), 0);
    QVERIFY(window.analysisRunner()->focusTraffic().isEmpty());

    // the user picks another traffic scenario on the Charts page: after the next change it is the
    // one delivered first
    const QString chosen = charts->trafficSelector()->itemText(2);
    charts->trafficSelector()->setCurrentIndex(2);
    QCOMPARE(window.analysisRunner()->focusTraffic(), chosen);
    QSignalSpy preview(window.analysisRunner(), &AnalysisRunner::previewReady);
    QSignalSpy ready(window.analysisRunner(), &AnalysisRunner::analysisReady);
    QVERIFY(window.document()->editField(maxReplicas, QStringLiteral("41")));
    QVERIFY(ready.wait(120'000));
    QCOMPARE(preview.size(), 1);
    const auto first = preview.at(0).at(0).value<AnalysisPtr>();
    QVERIFY(first);
    QCOMPARE(first->traffic.size(), std::size_t{1});
    QCOMPARE(first->traffic.front().name, chosen);
    QCOMPARE(charts->trafficSelector()->currentText(), chosen); // the full result keeps the choice

    // a traffic scenario chosen on the canvas is computed first as well
    auto *canvasTraffic = window.findChild<QComboBox *>(QStringLiteral("canvasTraffic"));
    QVERIFY(canvasTraffic && canvasTraffic->count() > 2);
    const QString onCanvas = canvasTraffic->itemText(1);
    QVERIFY(onCanvas != chosen);
    canvasTraffic->setCurrentIndex(1);
    QCOMPARE(window.analysisRunner()->focusTraffic(), onCanvas);
    preview.clear();
    ready.clear();
    QVERIFY(window.document()->editField(maxReplicas, QStringLiteral("42")));
    QVERIFY(ready.wait(120'000));
    QCOMPARE(preview.size(), 1);
    QCOMPARE(preview.at(0).at(0).value<AnalysisPtr>()->traffic.front().name, onCanvas);
    window.document()->undoStack()->setClean();
}

void TestMainWindow::docksAndSplitterAreRestored()
{
    QList<int> splitterSizes;
    {
        MainWindow window(options());
        QVERIFY(showActive(window));
        QDockWidget *alerts = dock(window, QStringLiteral("alertsDock"));
        QVERIFY(alerts);
        QCOMPARE(window.dockWidgetArea(alerts), Qt::RightDockWidgetArea);
        window.addDockWidget(Qt::LeftDockWidgetArea, alerts); // the user drags it to the left
        QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier); // and closes the What-If dock
        QVERIFY(dock(window, QStringLiteral("whatIfDock"))->isHidden());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // the docks' new layout
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        QCOMPARE(splitter->count(), 2);
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total / 4, total - total / 4});
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        splitterSizes = splitter->sizes();
        QCOMPARE(splitterSizes.value(0), total / 4);
        QVERIFY(window.close());
    }
    MainWindow again(options());
    QVERIFY(showActive(again));
    QDockWidget *whatIf = dock(again, QStringLiteral("whatIfDock"));
    QDockWidget *alerts = dock(again, QStringLiteral("alertsDock"));
    QVERIFY(whatIf->isHidden());
    QVERIFY(!whatIf->toggleViewAction()->isChecked());
    QVERIFY(!alerts->isHidden());
    QCOMPARE(again.dockWidgetArea(alerts), Qt::LeftDockWidgetArea);
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), splitterSizes);
    // and the shortcut still brings the closed dock back
    QTest::keyClick(&again, Qt::Key_5, Qt::AltModifier);
    QVERIFY(!whatIf->isHidden());
}

void TestMainWindow::connectionsEditTheDocumentsDataSources()
{
    MainWindow window(options());
    QVERIFY(showActive(window));
    const qsizetype before = window.document()->scenario().spec.dataSources.size();
    bool seen = false;
    // runs inside the dialog's exec()
    QTimer::singleShot(0, &window, [&seen] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *dialog = qobject_cast<ConnectionsDialog *>(modal);
        if (!dialog) {
            if (modal)
                modal->close();
            return;
        }
        seen = true;
        dialog->addConnection();
        dialog->nameEdit()->setText(QStringLiteral("sessions"));
        dialog->kindBox()->setCurrentIndex(2); // Redis
        dialog->endpointBox()->setCurrentText(QStringLiteral("10.0.0.5:7000"));
        dialog->accept();
    });
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier); // File › Connections…
    QVERIFY(seen);
    const auto &sources = window.document()->scenario().spec.dataSources;
    QCOMPARE(sources.size(), before + 1);
    QCOMPARE(sources.last().name, QStringLiteral("sessions"));
    QVERIFY(window.document()->isModified());
    QVERIFY(showActive(window)); // active again after the dialog
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.document()->scenario().spec.dataSources.size(), before);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
