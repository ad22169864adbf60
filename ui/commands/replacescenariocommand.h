#pragma once

#include "core/model/scenario.h"

#include <QUndoCommand>

namespace headroom::ui {

class ScenarioDocument;

/// Replaces the whole scenario in one undoable step: the edits a field path cannot express, such as
/// adding a traffic scenario to spec.traffic or replacing an entry of a list. Undo restores the
/// scenario as it was before.
class ReplaceScenarioCommand final : public QUndoCommand {
public:
    /// Consecutive commands with the same non-empty `mergeKey` (e.g. one slider's drag) merge into
    /// one undo step that restores the scenario from before the first of them (and is dropped
    /// when it ends where it started).
    ReplaceScenarioCommand(ScenarioDocument *document, model::Scenario scenario, const QString &text,
                           QString mergeKey = {});

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QString m_mergeKey;
    ScenarioDocument *m_document;
    model::Scenario m_other; ///< the scenario to apply next: the new one before redo(), the old one after it
};

} // namespace headroom::ui
