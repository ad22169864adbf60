#pragma once

#include "core/model/scenario.h"
#include "ui/document/analysisrunner.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSlider;
class QTableWidget;

namespace headroom::ui {

class ScenarioDocument;
class TrafficCurveEditor;

/// The what-if dock: sliders and spin boxes for the levers that matter (growth rate, the spike's
/// size and duration, each tier's replica bounds and CPU target, spot ratio, Redis shards, cache hit
/// ratio, region loss), the traffic scenarios to simulate, a drawn traffic curve, and the headline
/// figures of the newest analysis. Scenario levers edit the document (undoable; a drag merges into
/// one step); spot ratio and region loss are analysis options changed by an undoable command.
class WhatIfPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfPanel)
public:
    /// Lever keys, for tests and the command palette.
    static constexpr const char *growthLever = "growth", *spikeFactorLever = "spikeFactor",
                                *spikeHoldLever = "spikeHold", *minReplicasLever = "minReplicas",
                                *maxReplicasLever = "maxReplicas", *cpuTargetLever = "cpuTarget",
                                *spotLever = "spot", *shardsLever = "shards", *hitRatioLever = "hitRatio";

    WhatIfPanel(ScenarioDocument *document, AnalysisRunner *runner, QWidget *parent = nullptr);

    QSlider *slider(const QString &lever) const;
    QDoubleSpinBox *spinBox(const QString &lever) const;
    /// "all" or one traffic scenario name; selecting one restricts the runner to it.
    QComboBox *trafficSelector() const { return m_traffic; }
    QComboBox *tierSelector() const { return m_tier; }
    QComboBox *regionLossSelector() const { return m_regionLoss; }
    TrafficCurveEditor *curveEditor() const { return m_curve; }
    QTableWidget *headlines() const { return m_headlines; }
    /// Saves the drawn curve as the traffic scenario `name` (added, or its points replaced) in one
    /// undoable step, and simulates it. Returns false, with the reason, when nothing was saved.
    bool saveCurve(const QString &name, QString *error = nullptr);

private:
    struct Lever {
        QString key;
        QSlider *slider = nullptr;
        QDoubleSpinBox *spin = nullptr;
        double scale = 1; ///< slider units per spin-box unit
        std::function<std::optional<double>()> read;
        std::function<void(double)> write;
    };

    QWidget *createLevers();
    QWidget *createDrawing();
    void addLever(QFormLayout *form, const QString &key, const QString &label, const QString &tip,
                  double min, double max, double step, int decimals, const QString &suffix,
                  std::function<std::optional<double>()> read, std::function<void(double)> write);
    void refreshLevers();
    void refreshSelectors();
    void refreshOptions();
    void showAnalysis(const AnalysisPtr &analysis);
    void selectTraffic();
    void selectRegionLoss();
    void loadCurve();
    void setOption(const QString &key, const QString &text, const std::function<void(analysis::AnalysisOptions &)> &change);

    // what the levers edit in the current scenario
    int tierIndex() const;
    int spikeIndex() const;
    int cacheIndex() const;
    QString spikeArgument(const QString &name) const;
    void setSpikeArgument(const QString &name, const QString &value);
    enum class TierLever { MinReplicas, MaxReplicas, CpuTarget };
    void editTier(TierLever lever, int value);
    /// Applies `change` to a copy of the scenario as one undoable step (a drag merges), titled
    /// "Set `path` to `text`".
    void editValue(const QString &path, const QString &text, const std::function<void(model::Scenario &)> &change);

    ScenarioDocument *m_document;
    AnalysisRunner *m_runner;
    std::vector<Lever> m_levers;
    QComboBox *m_traffic = nullptr;
    QComboBox *m_tier = nullptr;
    QComboBox *m_regionLoss = nullptr;
    QTableWidget *m_headlines = nullptr;
    TrafficCurveEditor *m_curve = nullptr;
    QComboBox *m_curveSource = nullptr;
    QLineEdit *m_curveName = nullptr;
    QStringList m_listed; ///< what the selectors were last filled from
    bool m_updating = false;
};

} // namespace headroom::ui
