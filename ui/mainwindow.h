#pragma once

#include "core/model/diagnostic.h"
#include "ui/document/autosave.h"

#include <QKeySequence>
#include <QList>
#include <QMainWindow>

class QLabel;
class QMenu;
class QTabWidget;
class QSplitter;
class QUndoView;

namespace headroom::ui {

class AlertsPanel;
class AnalysisRunner;
class Autosave;
class CommandPalette;
class ComparePanel;
class ProblemsPanel;
class PropertyEditor;
class RecoveryBar;
class ScenarioDocument;
class ScenarioTreePanel;
class WhatIfPanel;
class TopologyCanvas;

/// The console window: scenario tree, property editor, Problems and History docks, and the file
/// workflow (new/open/save, recent files, autosave and recovery). It wires panels together and
/// holds no editing logic of its own.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    struct Options {
        QString autosaveDirectory;  ///< empty: AppSettings::autosaveDirectory()
        int autosaveIntervalMs = 0; ///< 0: AppSettings::autosaveIntervalMs()
    };

    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument *document() const { return m_document; }
    ScenarioTreePanel *treePanel() const { return m_tree; }
    PropertyEditor *propertyEditor() const { return m_properties; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    RecoveryBar *recoveryBar() const { return m_recoveryBar; }
    Autosave *autosave() const { return m_autosave; }
    /// Recomputes the scenario off the GUI thread on every change; views follow analysisReady().
    AnalysisRunner *analysisRunner() const { return m_runner; }
    /// The what-if levers dock, the Alerts & SLOs dock, the Compare page and the command palette (Ctrl+K).
    WhatIfPanel *whatIfPanel() const { return m_whatIf; }
    AlertsPanel *alertsPanel() const { return m_alerts; }
    ComparePanel *comparePanel() const { return m_compare; }
    CommandPalette *commandPalette() const { return m_palette; }
    /// The central pages (topology, charts, comparison).
    QTabWidget *workspace() const { return m_workspace; }
    /// The "Topology" page (the first one).
    TopologyCanvas *topologyCanvas() const { return m_canvas; }
    /// Adds a page to the workspace, with a View menu entry and `shortcut` to show it.
    int addWorkspacePage(QWidget *page, const QString &title, const QKeySequence &shortcut = {});
    /// Shows the workspace page with this title (case-insensitive, without '&') or 1-based number.
    bool showWorkspacePage(const QString &titleOrNumber);
    /// Autosaves found at start-up that the user has not restored or discarded yet.
    const QList<Recovery> &pendingRecoveries() const { return m_recoveries; }

    /// Opens a scenario file (no unsaved-changes prompt). A file with errors opens with its
    /// problems listed; one that is not a scenario at all leaves the document as it was and
    /// returns false. Its problems are in the Problems panel either way.
    bool openFile(const QString &path);
    /// Saves atomically to `path` and makes it the document's file. Returns false on failure.
    bool saveTo(const QString &path);
    /// Shows a field (or its nearest existing parent) in the tree and the property editor.
    void selectField(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanels();
    void createActions();
    void createDocks();
    void createAnalysis();
    void createWhatIf();
    void createCompare();
    void createCanvas();
    void showConnections();
    void createChartsAndReport();
    void newFile();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void about();
    void showRecovery();
    void restoreRecovery();
    void discardRecovery();
    void updateTitle();
    void updateProblems();
    void updateRecentMenu();
    void restoreSettings();

    ScenarioDocument *m_document;
    ScenarioTreePanel *m_tree = nullptr;
    PropertyEditor *m_properties = nullptr;
    ProblemsPanel *m_problems = nullptr;
    RecoveryBar *m_recoveryBar = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_workspace = nullptr;
    AnalysisRunner *m_runner = nullptr;
    TopologyCanvas *m_canvas = nullptr;
    QLabel *m_computing = nullptr;
    WhatIfPanel *m_whatIf = nullptr;
    AlertsPanel *m_alerts = nullptr;
    ComparePanel *m_compare = nullptr;
    CommandPalette *m_palette = nullptr;
    QUndoView *m_history = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    Autosave *m_autosave = nullptr;
    QList<Recovery> m_recoveries;
    model::Diagnostics m_openProblems; ///< of a file that could not be opened
};

} // namespace headroom::ui
