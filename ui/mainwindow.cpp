#include "ui/mainwindow.h"

#include "core/connect/secretstore.h"
#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"
#include "ui/appsettings.h"
#include "ui/canvas/clustermap.h"
#include "ui/canvas/topologycanvas.h"
#include "ui/charts/chartspanel.h"
#include "ui/dialogs/connectionsdialog.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/models/problemmodel.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/commandpalette.h"
#include "ui/panels/comparepanel.h"
#include "ui/panels/problemspanel.h"
#include "ui/panels/propertyeditor.h"
#include "ui/panels/recoverybar.h"
#include "ui/panels/scenariotreepanel.h"
#include "ui/panels/whatifpanel.h"
#include "ui/report/reportexport.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUndoView>
#include <QVBoxLayout>

namespace headroom::ui {

namespace {

QString fileFilter()
{
    return MainWindow::tr("Headroom scenarios (*.yaml *.yml);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent), m_document(new ScenarioDocument(this))
{
    const QString autosaveDir =
        options.autosaveDirectory.isEmpty() ? AppSettings::autosaveDirectory() : options.autosaveDirectory;
    m_recoveries = Autosave::findRecoveries(autosaveDir);
    m_autosave = new Autosave(
        m_document, autosaveDir,
        options.autosaveIntervalMs > 0 ? options.autosaveIntervalMs : AppSettings::autosaveIntervalMs(), this);
    createPanels();
    createDocks();
    createActions();
    createAnalysis();
    createWhatIf();
    createChartsAndReport();
    createCompare();
    createCanvas();
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::diagnosticsChanged, this, &MainWindow::updateProblems);
    connect(m_document, &ScenarioDocument::editRejected, this, [this](const QString &path, const QString &why) {
        statusBar()->showMessage(tr("Not changed: %1: %2").arg(path, why), 8000);
    });
    m_document->reset(model::defaultScenario(), QString());
    resize(1360, 860);
    restoreSettings();
    showRecovery();
    statusBar()->showMessage(tr("Ready"), 3000);
}

MainWindow::~MainWindow()
{
    // An editor still open would commit on the focus change of ~QWidget, into a half-destroyed window.
    m_document->disconnect(this);
    m_properties->view()->reset();
}

void MainWindow::createPanels()
{
    m_tree = new ScenarioTreePanel(m_document, this);
    m_properties = new PropertyEditor(m_document, this);
    // Left: the scenario as a tree over its property editor; right: the workspace pages
    // (topology, charts, comparison) that show the analysis of what is being edited.
    auto *editor = new QSplitter(Qt::Vertical, this);
    editor->setObjectName(QStringLiteral("editorSplitter"));
    editor->addWidget(m_tree);
    editor->addWidget(m_properties);
    editor->setStretchFactor(0, 3);
    editor->setStretchFactor(1, 2);
    m_workspace = new QTabWidget(this);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    m_workspace->setDocumentMode(true);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(editor);
    m_splitter->addWidget(m_workspace);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setSizes({420, 940});
    m_recoveryBar = new RecoveryBar(this);
    m_recoveryBar->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_recoveryBar);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    connect(m_tree, &ScenarioTreePanel::currentPathChanged, m_properties, &PropertyEditor::showPath);
    connect(m_recoveryBar, &RecoveryBar::restoreRequested, this, &MainWindow::restoreRecovery);
    connect(m_recoveryBar, &RecoveryBar::discardRequested, this, &MainWindow::discardRecovery);
}

int MainWindow::addWorkspacePage(QWidget *page, const QString &title, const QKeySequence &shortcut)
{
    const int index = m_workspace->addTab(page, title);
    if (!shortcut.isEmpty()) {
        auto *show = new QAction(tr("Show %1").arg(title), this);
        show->setShortcut(shortcut);
        connect(show, &QAction::triggered, this, [this, page] { m_workspace->setCurrentWidget(page); });
        addAction(show);
        m_viewMenu->addAction(show);
    }
    return index;
}

bool MainWindow::showWorkspacePage(const QString &titleOrNumber)
{
    bool isNumber = false;
    const int number = titleOrNumber.toInt(&isNumber);
    for (int i = 0; i < m_workspace->count(); ++i) {
        const QString title = m_workspace->tabText(i).remove(u'&');
        if ((isNumber && number == i + 1) || title.compare(titleOrNumber, Qt::CaseInsensitive) == 0) {
            m_workspace->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::createAnalysis()
{
    m_runner = new AnalysisRunner(m_document, this);
    m_computing = new QLabel(this);
    m_computing->setObjectName(QStringLiteral("computingLabel"));
    statusBar()->addPermanentWidget(m_computing);
    connect(m_runner, &AnalysisRunner::started, this, [this] { m_computing->setText(tr("Computing…")); });
    connect(m_runner, &AnalysisRunner::progress, this, [this](int done, int total) {
        m_computing->setText(tr("Computing… %1/%2").arg(done).arg(total));
    });
    connect(m_runner, &AnalysisRunner::analysisReady, this, [this](const AnalysisPtr &analysis, double elapsedMs) {
        m_computing->setText(tr("Computed in %1 ms").arg(QLocale().toString(elapsedMs, 'f', 0)));
        m_computing->setToolTip(tr("Capacity plan over %n day(s), cost, and a simulation of each traffic scenario "
                                   "with its alerts and success metrics.", nullptr, analysis->plan.days));
    });
}

void MainWindow::createWhatIf()
{
    m_whatIf = new WhatIfPanel(m_document, m_runner, this);
    auto *whatIfDock = new QDockWidget(tr("What-If"), this);
    whatIfDock->setObjectName(QStringLiteral("whatIfDock"));
    whatIfDock->setWidget(m_whatIf);
    addDockWidget(Qt::RightDockWidgetArea, whatIfDock);
    m_alerts = new AlertsPanel(m_runner, this);
    auto *alertsDock = new QDockWidget(tr("Alerts && SLOs"), this);
    alertsDock->setObjectName(QStringLiteral("alertsDock"));
    alertsDock->setWidget(m_alerts);
    addDockWidget(Qt::RightDockWidgetArea, alertsDock);
    tabifyDockWidget(whatIfDock, alertsDock);
    whatIfDock->raise();
    m_viewMenu->addSeparator();
    QAction *showWhatIf = whatIfDock->toggleViewAction();
    showWhatIf->setShortcut(QKeySequence(Qt::ALT | Qt::Key_5));
    m_viewMenu->addAction(showWhatIf);
    QAction *showAlerts = alertsDock->toggleViewAction();
    showAlerts->setShortcut(QKeySequence(Qt::ALT | Qt::Key_6));
    m_viewMenu->addAction(showAlerts);

    m_palette = new CommandPalette(this);
    auto *palette = new QAction(tr("Command &Palette…"), this);
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(palette, &QAction::triggered, m_palette, &CommandPalette::popup);
    addAction(palette);
    m_viewMenu->addAction(palette);
}

void MainWindow::createCompare()
{
    m_compare = new ComparePanel(m_document, m_runner, this);
    m_compare->setObjectName(QStringLiteral("comparePage"));
    addWorkspacePage(m_compare, tr("Compare"), QKeySequence(Qt::CTRL | Qt::Key_3));
    QMenu *edit = nullptr;
    for (QAction *a : menuBar()->actions()) {
        if (a->menu() && a->menu()->title() == tr("&Edit"))
            edit = a->menu();
    }
    if (!edit)
        return;
    edit->addSeparator();
    edit->addAction(tr("&Duplicate as Variant…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), m_compare,
                    &ComparePanel::duplicateDialog);
    edit->addAction(tr("Add Variant from &File…"), m_compare, &ComparePanel::addFromFileDialog);
}

void MainWindow::createCanvas()
{
    m_canvas = new TopologyCanvas(this);
    const int index = addWorkspacePage(m_canvas, tr("Topology"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_workspace->tabBar()->moveTab(index, 0);
    m_workspace->setCurrentWidget(m_canvas);
    connect(m_runner, &AnalysisRunner::analysisReady, m_canvas,
            [this](const AnalysisPtr &analysis) { m_canvas->showAnalysis(m_document->scenario(), analysis); });
    // the canvas draws the shown traffic scenario as soon as it is computed, before the alerts
    connect(m_runner, &AnalysisRunner::previewReady, m_canvas,
            [this](const AnalysisPtr &analysis) { m_canvas->showPreview(m_document->scenario(), analysis); });
    connect(m_document, &ScenarioDocument::documentReset, m_canvas,
            [this] { m_canvas->showScenario(m_document->scenario()); });
    connect(m_canvas, &TopologyCanvas::fieldSelected, this, &MainWindow::selectField);
    // the traffic scenario last chosen on the canvas or the charts is computed (and drawn) first
    connect(m_canvas, &TopologyCanvas::trafficChosen, m_runner, &AnalysisRunner::setFocusTraffic);
    connect(m_tree, &ScenarioTreePanel::currentPathChanged, m_canvas, &TopologyCanvas::highlightPath);
}

void MainWindow::showConnections()
{
    auto *secrets = findChild<connect::SecretStore *>();
    if (!secrets)
        secrets = new connect::KeychainSecretStore(this);
    ConnectionsDialog dialog(m_document, secrets, this);
    connect(&dialog, &ConnectionsDialog::clusterImported, this,
            [this](const model::Scenario &scenario, const connect::ClusterSnapshot &snapshot) {
                m_canvas->setClusterMap(clusterMapFromSnapshot(snapshot));
                if (!maybeSave())
                    return;
                m_openProblems.clear();
                m_document->reset(scenario, QString());
                statusBar()->showMessage(tr("Imported %n node(s) from %1 as a new scenario", nullptr,
                                            int(snapshot.nodes.size()))
                                             .arg(snapshot.context),
                                         8000);
            });
    dialog.exec();
}

void MainWindow::createChartsAndReport()
{
    auto *chartsPage = new charts::ChartsPanel(m_document, this);
    addWorkspacePage(chartsPage, tr("Charts"), QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(chartsPage, &charts::ChartsPanel::showRequested, this,
            [this, chartsPage] { m_workspace->setCurrentWidget(chartsPage); });
    connect(m_runner, &AnalysisRunner::analysisReady, chartsPage, &charts::ChartsPanel::setAnalysis);
    // the traffic scenario the charts show is the one computed (and shown) first after a change
    connect(chartsPage->trafficSelector(), &QComboBox::currentTextChanged, m_runner, &AnalysisRunner::setFocusTraffic);
    connect(m_runner, &AnalysisRunner::previewReady, chartsPage, &charts::ChartsPanel::showPreview);

    // File > Export Report… / Export CSV…, placed before Quit.
    QMenu *file = menuBar()->actions().constFirst()->menu();
    QAction *quit = file->actions().constLast();
    for (QAction *a : file->actions())
        if (a->shortcuts().contains(QKeySequence(QKeySequence::Quit)))
            quit = a;
    auto *pdf = new QAction(tr("Export &Report…"), this);
    pdf->setObjectName(QStringLiteral("exportReportAction"));
    pdf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(pdf, &QAction::triggered, this, [this] {
        const QString path = report::exportReportInteractive(this, m_runner, m_document);
        if (!path.isEmpty())
            statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    auto *csv = new QAction(tr("Export &CSV…"), this);
    csv->setObjectName(QStringLiteral("exportCsvAction"));
    connect(csv, &QAction::triggered, this, [this] {
        const QString dir = report::exportCsvInteractive(this, m_runner, m_document);
        if (!dir.isEmpty())
            statusBar()->showMessage(tr("CSV files written to %1").arg(QDir::toNativeSeparators(dir)), 8000);
    });
    file->insertAction(quit, pdf);
    file->insertAction(quit, csv);
    file->insertSeparator(quit);
}

void MainWindow::createDocks()
{
    m_problems = new ProblemsPanel(this);
    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("problemsDock"));
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    connect(m_problems, &ProblemsPanel::fieldSelected, this, &MainWindow::selectField);

    m_history = new QUndoView(m_document->undoStack(), this);
    m_history->setEmptyLabel(tr("<opened>"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_history);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    splitDockWidget(problemsDock, historyDock, Qt::Horizontal);
    resizeDocks({problemsDock, historyDock}, {900, 360}, Qt::Horizontal);
    resizeDocks({problemsDock}, {150}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newFile);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Connections…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                    &MainWindow::showConnections);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftUndo(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(shiftUndo))
        redoKeys.append(shiftUndo);
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Edit &Value"), QKeySequence(Qt::Key_F2), this, [this] {
        m_properties->view()->setFocus();
        m_properties->view()->edit(m_properties->view()->currentIndex());
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("Scenario &Tree"), QKeySequence(Qt::ALT | Qt::Key_1), this,
                          [this] { m_tree->view()->setFocus(); });
    m_viewMenu->addAction(tr("&Properties"), QKeySequence(Qt::ALT | Qt::Key_2), this,
                          [this] { m_properties->view()->setFocus(); });
    m_viewMenu->addAction(tr("&Expand All"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus), m_tree->view(),
                          &QTreeView::expandAll);
    m_viewMenu->addAction(tr("&Collapse All"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus), m_tree->view(),
                          &QTreeView::collapseAll);
    addThemeMenu(m_viewMenu);
    m_viewMenu->addSeparator();
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    const QKeySequence dockKeys[] = {QKeySequence(Qt::ALT | Qt::Key_3), QKeySequence(Qt::ALT | Qt::Key_4)};
    for (qsizetype i = 0; i < docks.size() && i < 2; ++i) {
        QAction *toggle = docks[i]->toggleViewAction();
        toggle->setShortcut(dockKeys[i]);
        m_viewMenu->addAction(toggle);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Headroom"), QKeySequence(Qt::Key_F1), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), QKeySequence(Qt::SHIFT | Qt::Key_F1), qApp, &QApplication::aboutQt);
}

void MainWindow::newFile()
{
    if (!maybeSave())
        return;
    m_openProblems.clear();
    m_document->reset(model::defaultScenario(), QString());
    statusBar()->showMessage(tr("New scenario from the WebTools Pro template"), 5000);
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Scenario"), AppSettings::lastDirectory(), fileFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    QFile file(path);
    model::LenientScenario loaded;
    if (file.open(QIODevice::ReadOnly)) {
        loaded = model::parseScenarioLenient(file.readAll(), path);
    } else {
        loaded.diagnostics.append(
            model::makeError(tr("cannot read file: %1").arg(file.errorString()), QString(), {path, 0, 0}));
    }
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    if (!loaded.usable) {
        m_openProblems = loaded.diagnostics;
        updateProblems();
        statusBar()->showMessage(tr("Could not open %1; see Problems").arg(QFileInfo(path).fileName()), 8000);
        return false;
    }
    m_openProblems.clear();
    AppSettings::addRecentFile(QFileInfo(path).absoluteFilePath());
    m_document->reset(std::move(loaded.scenario), QFileInfo(path).absoluteFilePath(), loaded.diagnostics);
    const int errors = m_problems->model()->errorCount();
    const QString name = QFileInfo(path).fileName();
    statusBar()->showMessage(
        errors > 0 ? tr("Opened %1 with %n error(s)", nullptr, errors).arg(name) : tr("Opened %1").arg(name), 8000);
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    const QString suggested = m_document->filePath().isEmpty()
                                  ? AppSettings::lastDirectory() + QStringLiteral("/scenario.yaml")
                                  : m_document->filePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario As"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path.append(QStringLiteral(".yaml"));
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    const auto result = model::saveScenario(m_document->scenario(), path);
    if (!result) {
        QMessageBox::warning(this, tr("Save Failed"), tr("Could not save %1:\n%2").arg(path, result.errorString()));
        return false;
    }
    m_autosave->discard();
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
    AppSettings::addRecentFile(m_document->filePath());
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave->discard();
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    AppSettings::setSplitterState(m_splitter->saveState());
    event->accept();
}

void MainWindow::restoreSettings()
{
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
    m_splitter->restoreState(AppSettings::splitterState());
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Headroom"),
                       tr("<h3>Headroom %1</h3><p>A desktop console for scalability planning: model your "
                          "platform, forecast demand, size and simulate autoscaling, and see what it "
                          "costs.</p><p>Built with Qt %2.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::showRecovery()
{
    if (m_recoveries.isEmpty()) {
        m_recoveryBar->hide();
        return;
    }
    const Recovery &r = m_recoveries.first();
    const QString name = r.sourcePath.isEmpty() ? tr("an untitled scenario") : QFileInfo(r.sourcePath).fileName();
    m_recoveryBar->setMessage(tr("Unsaved changes to %1 from %2 were found. Restore them?")
                                  .arg(name, QLocale().toString(r.savedAt, QLocale::ShortFormat)));
    m_recoveryBar->show();
}

void MainWindow::restoreRecovery()
{
    if (m_recoveries.isEmpty() || !maybeSave())
        return;
    const Recovery r = m_recoveries.takeFirst();
    model::LenientScenario loaded = model::parseScenarioLenient(r.text, r.sourcePath);
    if (loaded.usable) {
        m_document->reset(std::move(loaded.scenario), r.sourcePath, loaded.diagnostics, true);
        statusBar()->showMessage(tr("Restored unsaved changes"), 5000);
    } else {
        m_openProblems = loaded.diagnostics;
        updateProblems();
    }
    QFile::remove(r.autosavePath);
    showRecovery();
}

void MainWindow::discardRecovery()
{
    if (m_recoveries.isEmpty())
        return;
    QFile::remove(m_recoveries.takeFirst().autosavePath);
    showRecovery();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Headroom").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateProblems()
{
    m_problems->model()->setDiagnostics(m_openProblems + m_document->diagnostics());
    if (m_problems->model()->rowCount() > 0)
        m_problems->parentWidget()->show();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(path), this, [this, path] {
            if (maybeSave() && !openFile(path) && !QFileInfo::exists(path))
                AppSettings::removeRecentFile(path);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::selectField(const QString &path)
{
    if (path.isEmpty())
        return;
    m_tree->selectPath(path);
    m_properties->showPath(m_tree->currentPath() == path || !m_document->fields().contains(path) ? m_tree->currentPath()
                                                                                                 : path);
}

} // namespace headroom::ui
