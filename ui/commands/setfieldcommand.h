#pragma once

#include <QString>
#include <QUndoCommand>

namespace headroom::ui {

class ScenarioDocument;

/// Sets one field of the scenario by path to a text as the file writes it ("3m", "64GB").
/// Consecutive edits of the same field merge into one step that keeps the first old value.
class SetFieldCommand final : public QUndoCommand {
public:
    SetFieldCommand(ScenarioDocument *document, QString path, QString text);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const QString &path() const { return m_path; }

private:
    ScenarioDocument *m_document;
    QString m_path;
    QString m_text;     ///< the value to apply next: the new one before redo(), the old one after it
    QString m_original; ///< the value before the first edit, to drop merged no-op steps
};

} // namespace headroom::ui
