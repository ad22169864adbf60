#pragma once

#include "core/analysis/scenarioanalysis.h"

#include <QString>
#include <QUndoCommand>

namespace headroom::ui {

class AnalysisRunner;

/// Changes the analysis options (spot ratio, the region-loss what-if) as an undoable step on the
/// document's stack, so they undo in line with scenario edits. Consecutive changes with the same
/// `key` (one slider being dragged) merge into one step.
class AnalysisOptionsCommand final : public QUndoCommand {
public:
    AnalysisOptionsCommand(AnalysisRunner *runner, analysis::AnalysisOptions options, QString key,
                           const QString &text);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    AnalysisRunner *m_runner;
    analysis::AnalysisOptions m_other; ///< the options to apply next
    QString m_key;
};

} // namespace headroom::ui
