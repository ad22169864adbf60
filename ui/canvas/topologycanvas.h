#pragma once

#include "core/model/scenario.h"
#include "ui/canvas/clustermap.h"
#include "ui/canvas/topologyfigures.h"
#include "ui/document/analysisrunner.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace headroom::ui {

class CanvasView;
class ClusterScene;
class TopologyScene;

/// The "Topology" workspace page: the scenario's services from the global balancer down to the
/// databases with live figures of the current analysis, or the imported cluster's nodes and
/// pods. A bar above picks the traffic scenario and the moment (its peak or a chosen time).
/// Selecting a node announces its scenario path; highlightPath() selects the node of a path.
class TopologyCanvas final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyCanvas)
public:
    explicit TopologyCanvas(QWidget *parent = nullptr);
    ~TopologyCanvas() override;

    CanvasView *view() const { return m_view; }
    TopologyScene *topologyScene() const { return m_scene; }
    ClusterScene *clusterScene() const { return m_cluster; }
    FigureMoment moment() const { return m_moment; }
    bool isShowingCluster() const;

    /// Follows a new analysis of `scenario`: rebuilds the items only when the shape of the
    /// topology changed, else updates figures and colours in place.
    void showAnalysis(const model::Scenario &scenario, const AnalysisPtr &analysis);
    /// Shows an early, partial analysis of a new state (AnalysisRunner::previewReady: one traffic
    /// scenario, no alerts) when it covers the traffic scenario the canvas shows; the traffic
    /// choices stay those of the last complete analysis. Before any analysis it is shown as one.
    void showPreview(const model::Scenario &scenario, const AnalysisPtr &preview);
    /// Shows the topology of `scenario` before (or without) an analysis: structure, no figures.
    void showScenario(const model::Scenario &scenario);
    /// Which traffic scenario and tick the figures show (tick < 0 = its peak).
    void setMoment(FigureMoment moment);
    /// Shows an imported (or generated) cluster in the cluster view and switches to it.
    void setClusterMap(const ClusterMap &map);
    void showServices();
    void showCluster();

public slots:
    /// Selects the node of `path` (or of its nearest ancestor) without announcing it.
    void highlightPath(const QString &path);

signals:
    /// The user selected a node standing for this scenario field path.
    void fieldSelected(const QString &path);
    /// The user chose the traffic scenario whose figures the canvas shows.
    void trafficChosen(const QString &name);

private:
    void createBar();
    /// Brings the scene to the scenario's structure; refits the view only when the scene's frame
    /// changed (or on the first structure), so a change within the frame repaints only what moved.
    void followStructure(const model::Scenario &scenario);
    void refreshFigures();
    void updateTrafficChoices();
    void onSelectionChanged();

    CanvasView *m_view;
    TopologyScene *m_scene;
    ClusterScene *m_cluster;
    QComboBox *m_traffic = nullptr;
    QToolButton *m_peak = nullptr;
    QSlider *m_time = nullptr;
    QLabel *m_momentLabel = nullptr;
    QToolButton *m_servicesButton = nullptr;
    QToolButton *m_clusterButton = nullptr;
    model::Scenario m_scenario;
    AnalysisPtr m_analysis;
    AnalysisPtr m_preview; ///< a newer partial analysis of m_scenario, until the complete one
    FigureMoment m_moment;
    bool m_syncing = false;
    bool m_fitted = false;
};

} // namespace headroom::ui
