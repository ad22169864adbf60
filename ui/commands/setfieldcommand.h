#pragma once

#include "core/model/scenario.h"

#include <QString>
#include <QUndoCommand>

namespace headroom::ui {

class ScenarioDocument;

/// Sets one field of the scenario by path to a text as the file writes it ("3m", "64GB"). The
/// command holds the scenario with the field set (checked by ScenarioDocument::editField) and
/// swaps it with the document's: undo restores the exact scenario from before, with no re-parse.
/// Consecutive edits of the same field merge into one step that keeps the first old value; a
/// merged step that ends where it started is dropped.
class SetFieldCommand final : public QUndoCommand {
public:
    SetFieldCommand(ScenarioDocument *document, QString path, const QString &text, model::Scenario edited);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const QString &path() const { return m_path; }

private:
    ScenarioDocument *m_document;
    QString m_path;
    model::Scenario m_other; ///< the scenario to apply next: the edited one before redo(), the old one after it
};

} // namespace headroom::ui
