#pragma once

#include "ui/document/analysisrunner.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace headroom::ui {
class ScenarioDocument;
}

namespace headroom::charts {

class ChartView;

/// The "Charts" workspace page: demand, replicas per tier, the simulation of a chosen traffic
/// scenario and cost per day, redrawn from every new analysis (building them takes a few
/// milliseconds, so this happens on the GUI thread when the result arrives).
class ChartsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsPanel)
public:
    /// `document` supplies the scenario (growth phases, SLOs) the analysis was computed from.
    explicit ChartsPanel(const ui::ScenarioDocument *document, QWidget *parent = nullptr);

    /// Redraws every chart from `analysis`, keeping the chosen traffic scenario when it still exists.
    void setAnalysis(const ui::AnalysisPtr &analysis);
    ui::AnalysisPtr analysis() const { return m_analysis; }

    ChartView *demandView() const { return m_demand; }
    ChartView *replicasView() const { return m_replicas; }
    ChartView *trafficView() const { return m_traffic; }
    ChartView *costView() const { return m_cost; }
    QComboBox *trafficSelector() const { return m_trafficSelector; }
    /// Milliseconds the last redraw took to build the charts.
    double lastBuildMs() const { return m_lastBuildMs; }

private:
    void showTraffic(int index);

    const ui::ScenarioDocument *m_document;
    ui::AnalysisPtr m_analysis;
    ChartView *m_demand, *m_replicas, *m_traffic, *m_cost;
    QComboBox *m_trafficSelector;
    QLabel *m_note;
    double m_lastBuildMs = 0;
};

} // namespace headroom::charts
