#pragma once

#include "core/analysis/scenarioanalysis.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace headroom::ui {

class ScenarioDocument;

using AnalysisPtr = std::shared_ptr<const analysis::ScenarioAnalysis>;

/// Recomputes the open scenario off the GUI thread whenever it (or the analysis options) change,
/// and hands every view the same result. Changes arriving while a computation runs make it stale:
/// it is cancelled at its next stage and its result dropped, so views only ever see the analysis
/// of the newest state. Edits are coalesced over a short debounce so dragging a slider computes
/// the positions it settles on, not every pixel.
///
/// Each computation starts from the newest finished analysis and recomputes only the stages
/// whose inputs changed (analysis::analyze with a previous analysis). What the canvas and charts
/// draw comes first: the plan, cost, topology and the focus traffic scenario's simulation (the one
/// they show) are delivered as a preview, before the alerts, the success metrics, the savings
/// plan and the other traffic scenarios, which the complete analysis adds (taking the preview's
/// other stages over).
class AnalysisRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalysisRunner)
public:
    explicit AnalysisRunner(ScenarioDocument *document, QObject *parent = nullptr);
    ~AnalysisRunner() override;

    const analysis::AnalysisOptions &options() const { return m_options; }
    /// Replaces the options (traffic scenarios, horizon, spot ratio, ...) and recomputes.
    void setOptions(const analysis::AnalysisOptions &options);
    /// The newest finished analysis; null before the first one.
    AnalysisPtr latest() const { return m_latest; }
    bool isRunning() const { return m_running > 0; }
    /// Delay between the last change and the start of a computation (default 30 ms).
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    /// Recomputes now (no debounce) and waits for the result; for tests, export and start-up.
    AnalysisPtr computeNow();
    /// The traffic scenario delivered first when several are analysed (previewReady); empty or
    /// not among them = the first one analysed.
    void setFocusTraffic(const QString &name) { m_focusTraffic = name; }
    const QString &focusTraffic() const { return m_focusTraffic; }

public slots:
    /// Recomputes after the debounce delay; a computation in flight becomes stale.
    void schedule();

signals:
    /// A computation started for state `generation`.
    void started(quint64 generation);
    /// Stage `done` of `total` finished (from the GUI thread).
    void progress(int done, int total);
    /// The complete analysis of the newest state; `elapsedMs` is the engine time.
    void analysisReady(const headroom::ui::AnalysisPtr &analysis, double elapsedMs);
    /// Early part of the newest state's analysis: plan, cost, topology and only the focus traffic
    /// scenario's simulation, without alerts, success metrics and savings plan (its options list
    /// just that traffic scenario and have evaluateAlerts and savingsPlan off). Sent whenever the
    /// complete analysis has more (alerts, or other traffic scenarios); analysisReady follows
    /// unless the state changes first. Not kept as latest().
    void previewReady(const headroom::ui::AnalysisPtr &analysis, double elapsedMs);
    /// The running computation was superseded or cancelled.
    void discarded(quint64 generation);

private:
    void start();

    ScenarioDocument *m_document;
    analysis::AnalysisOptions m_options;
    AnalysisPtr m_latest;
    QString m_focusTraffic;
    QTimer m_debounce;
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    int m_running = 0;
};

} // namespace headroom::ui

Q_DECLARE_METATYPE(headroom::ui::AnalysisPtr)
