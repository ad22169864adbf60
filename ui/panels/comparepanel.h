#pragma once

#include "core/model/scenario.h"
#include "ui/document/analysisrunner.h"

#include <QMap>
#include <QString>
#include <QWidget>

#include <vector>

class QChartView;
class QComboBox;
class QListWidget;
class QTableWidget;

namespace headroom::ui {

class ScenarioDocument;

/// Scenarios side by side: the document being edited next to variants snapshotted from it ("Duplicate
/// as Variant") or read from files. Shows the settings that differ (field paths of the serialized
/// scenarios), the outcome figures of every simulated traffic scenario with the better value
/// highlighted, and the total ready replicas over time of the selected traffic scenario, overlaid.
/// Variants are analysed off the GUI thread with the runner's options, and only while the panel is
/// visible: while it is hidden, changes only mark it stale; showing it recomputes what is out of date.
class ComparePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePanel)
public:
    ComparePanel(ScenarioDocument *document, AnalysisRunner *runner, QWidget *parent = nullptr);
    ~ComparePanel() override;

    /// Snapshots the current scenario as variant `name` (a unique name is made from it).
    void duplicateCurrent(const QString &name);
    /// Adds a scenario file as a variant; false with the reason when it cannot be read.
    bool addVariantFromFile(const QString &path, QString *error = nullptr);
    void removeVariant(int index);
    int variantCount() const { return int(m_variants.size()); }
    /// True while a variant is being analysed.
    bool isAnalysing() const { return m_pending > 0; }
    /// True when the tables or a variant's analysis are out of date and wait for the panel to be shown.
    bool isStale() const { return m_stale; }
    /// Variant analyses started since construction (each is one full analysis of a scenario).
    int analysesStarted() const { return m_analysesStarted; }

    /// Columns: field, current, variants...
    QTableWidget *diffTable() const { return m_diff; }
    /// Columns: traffic, scenario, peak replicas, P95 ms, minutes over SLO, monthly cost, cost/user, spike absorbed.
    QTableWidget *outcomeTable() const { return m_outcomes; }
    QComboBox *chartTraffic() const { return m_chartTraffic; }
    QChartView *chartView() const { return m_chart; }

    /// Field path -> value text of every leaf of a scenario, lists of scalars as flow text.
    static QMap<QString, QString> flatten(const model::Scenario &scenario);

signals:
    /// The tables and the chart were rebuilt.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;

public slots:
    void duplicateDialog();
    void addFromFileDialog();

private:
    struct Variant {
        QString name;
        model::Scenario scenario;
        QMap<QString, QString> fields;
        AnalysisPtr analysis;
        quint64 generation = 0; ///< options generation the analysis belongs to
        quint64 requested = 0;  ///< options generation of the analysis under way (0 = none)
    };
    void analyse(std::size_t index);
    /// Brings everything up to date when visible; otherwise only marks the panel stale.
    void refresh();
    void optionsMaybeChanged();
    void rebuild();
    void rebuildDiff();
    void rebuildOutcomes();
    void rebuildChart();
    QString uniqueName(const QString &wanted) const;

    ScenarioDocument *m_document;
    AnalysisRunner *m_runner;
    std::vector<Variant> m_variants;
    QMap<QString, QString> m_currentFields;
    bool m_currentFieldsStale = true;
    quint64 m_optionsGeneration = 0;
    QString m_optionsKey;
    int m_pending = 0;
    int m_analysesStarted = 0;
    bool m_stale = true;
    QListWidget *m_list;
    QTableWidget *m_diff;
    QTableWidget *m_outcomes;
    QComboBox *m_chartTraffic;
    QChartView *m_chart;
};

} // namespace headroom::ui
