#pragma once

#include "ui/document/analysisrunner.h"

#include <QPointer>
#include <QWidget>

#include <array>

class QAction;
class QComboBox;
class QLabel;
class QTimer;

namespace headroom::ui {
class ScenarioDocument;
}

namespace headroom::charts {

class ChartView;
class CurveOverlay;

/// The "Charts" workspace page: demand, replicas per tier, the simulation of a chosen traffic
/// scenario and cost per day, redrawn from every new analysis on the GUI thread. A redraw updates
/// the shown charts in place (points, axis ranges) when their structure is unchanged and leaves
/// charts whose content did not change untouched (no layout, no repaint), downsamples
/// to ~1.5 points per device pixel of the plot's width, and skips hidden charts (they are redrawn
/// when shown). Draw mode (D, Esc leaves it) draws a traffic curve over the demand chart's
/// simulation window and saves it as a named traffic scenario of the document (one undo step).
class ChartsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsPanel)
public:
    /// `document` supplies the scenario (growth phases, SLOs) the analysis was computed from and
    /// receives the traffic scenarios drawn on the demand chart.
    explicit ChartsPanel(ui::ScenarioDocument *document, QWidget *parent = nullptr);
    ~ChartsPanel() override;

    /// Redraws every visible chart from `analysis`, keeping the chosen traffic scenario when it still exists.
    void setAnalysis(const ui::AnalysisPtr &analysis);
    ui::AnalysisPtr analysis() const { return m_analysis; }
    /// Draws an early, partial analysis of a new state (AnalysisRunner::previewReady: one traffic
    /// scenario, no alerts) when it covers what the page shows: the chosen traffic scenario. The
    /// traffic choices stay those of the last complete analysis; before any, it is shown as one.
    void showPreview(const ui::AnalysisPtr &preview);

    ChartView *demandView() const { return m_views[Demand]; }
    ChartView *replicasView() const { return m_views[Replicas]; }
    ChartView *trafficView() const { return m_views[Traffic]; }
    ChartView *costView() const { return m_views[Cost]; }
    QComboBox *trafficSelector() const { return m_trafficSelector; }
    /// Milliseconds the last redraw took to build (or update) the charts.
    double lastBuildMs() const { return m_lastBuildMs; }
    /// How many charts were replaced by new ones (not updated in place) since construction.
    int replacedCharts() const { return m_replaced; }
    /// How many times a chart's drawn content changed (replaced, or updated in place with other
    /// points, ranges or labels) since construction. A chart whose new content equals what it
    /// shows is left alone: not laid out, not repainted.
    int redrawnCharts() const { return m_redrawn; }
    /// How many times the simulation chart's content was computed from an analysis. It is not when
    /// the shown simulation, the tiers' P95 objectives and the point budget equal those it was
    /// last computed from (an incremental analysis that took the simulation over).
    int trafficChartBuilds() const { return m_trafficBuilds; }
    /// How many times the demand, replicas or cost chart's content was computed from an analysis.
    /// It is not when the stage the chart draws (StageOrigins: the plan, the bill) comes from the
    /// computation the chart was last built from, at the same point budget.
    int planChartBuilds() const { return m_planBuilds; }

    /// Draw mode: the toggle action (D), the overlay while drawing (null otherwise).
    QAction *drawAction() const { return m_drawAction; }
    bool isDrawing() const;
    CurveOverlay *curveOverlay() const;
    /// Saves the drawn curve as the traffic scenario `name` and leaves draw mode; the analysis
    /// reruns on the document change and the new scenario is then shown. False with `error` set
    /// when not drawing, for a bad name or a curve of fewer than two points.
    bool saveDrawing(const QString &name, QString *error = nullptr);

signals:
    /// Draw mode was asked for while the page is hidden (from the menu or the command palette):
    /// the window should bring the page up; it is drawn before the overlay starts.
    void showRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum Chart { Demand, Replicas, Traffic, Cost, ChartCount };

    void showTraffic(int index);
    /// Index of the chosen traffic scenario in m_analysis (-1 when it is not in there).
    int shownTrafficIndex() const;
    /// Marks dirty every chart the new m_analysis may draw differently from what it shows.
    void markChanged();
    /// The stage result `which` draws (StageOrigins of m_analysis), 0 for the simulation chart,
    /// which compares its own inputs (sameTrafficInputs).
    std::uint64_t originOf(Chart which) const;
    void refresh();
    void rebuild(Chart which);
    std::size_t pointBudget(Chart which) const;
    void setDrawing(bool on);
    void showDrawWindow();
    void saveDrawingInteractively();
    QWidget *createToolBar();

    ui::ScenarioDocument *m_document;
    ui::AnalysisPtr m_analysis;
    bool m_showingPreview = false; ///< m_analysis is a preview: the chosen traffic may be missing
    std::array<ChartView *, ChartCount> m_views{};
    std::array<bool, ChartCount> m_dirty{};
    std::array<std::size_t, ChartCount> m_budgets{};
    std::array<std::uint64_t, ChartCount> m_drawnOrigins{}; ///< originOf() when each chart was last built
    QComboBox *m_trafficSelector = nullptr;
    QLabel *m_note = nullptr;
    QAction *m_drawAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QPointer<CurveOverlay> m_overlay;
    QTimer *m_resizeTimer = nullptr;
    QString m_pendingTraffic; ///< a just-saved traffic scenario to show once the analysis has it
    double m_lastBuildMs = 0;
    int m_replaced = 0;
    int m_redrawn = 0;
    int m_trafficBuilds = 0;
    int m_planBuilds = 0;
    /// What the simulation chart was last computed from.
    struct TrafficInputs {
        ui::AnalysisPtr analysis; ///< holds the outcome
        int index = -1;
        std::size_t budget = 0;
        std::vector<std::optional<std::chrono::milliseconds>> slos; ///< per simulated tier
    } m_trafficDrawn;
    /// The P95 objectives of the simulated tiers of `outcome`, in its order.
    std::vector<std::optional<std::chrono::milliseconds>> trafficSlos(int index) const;
    /// Whether the simulation chart was last computed from the outcome at `index` with these
    /// objectives and budget (what trafficSpec reads).
    bool sameTrafficInputs(int index, std::size_t budget,
                           const std::vector<std::optional<std::chrono::milliseconds>> &slos) const;
};

} // namespace headroom::charts
