#pragma once

#include "ui/document/analysisrunner.h"

#include <QWidget>

class QComboBox;
class QTableWidget;

namespace headroom::ui {

/// Alerts & SLOs: for one simulated traffic scenario, when each of the scenario's alert rules was
/// pending or firing (with labels and the largest value), and each success metric's verdict with
/// the measured value, its target and a note on how it was measured.
class AlertsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPanel)
public:
    explicit AlertsPanel(AnalysisRunner *runner, QWidget *parent = nullptr);

    QComboBox *trafficSelector() const { return m_traffic; }
    /// Columns: alert, labels, state, from, to, max value.
    QTableWidget *alertTable() const { return m_alerts; }
    /// Columns: metric, verdict, value, target, note.
    QTableWidget *sloTable() const { return m_slos; }

    void showAnalysis(const AnalysisPtr &analysis);

private:
    void showOutcome();

    AnalysisPtr m_analysis;
    QComboBox *m_traffic;
    QTableWidget *m_alerts;
    QTableWidget *m_slos;
};

} // namespace headroom::ui
