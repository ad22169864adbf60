#pragma once

#include "core/model/diagnostic.h"
#include "core/model/scenario.h"
#include "core/model/yamlio.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUndoStack>

namespace headroom::ui {

/// The open scenario: its value, file, problems and undo history. Every edit goes through the
/// undo stack (ui/commands); views follow the signals and never change the scenario directly.
/// A document may hold a partly read scenario with errors (opened from a broken file); edits are
/// then accepted as long as they do not add an error at the edited field.
class ScenarioDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioDocument)
public:
    explicit ScenarioDocument(QObject *parent = nullptr);
    ~ScenarioDocument() override;

    const model::Scenario &scenario() const { return m_scenario; }
    /// The serialized scenario, kept in step with scenario() for cheap path look-ups.
    const YAML::Node &yaml() const { return m_yaml; }
    /// Metadata of every field by path (kinds, bounds, enum values).
    const QHash<QString, model::FieldInfo> &fields() const { return m_fields; }
    /// Position of a field path in the schema's order (for listing fields as the format does).
    int fieldRank(const QString &path) const { return m_fieldRank.value(path, -1); }
    /// Errors and warnings of the current state, located in the file it was read from.
    const model::Diagnostics &diagnostics() const { return m_diagnostics; }
    /// The file on disk; empty for a new (untitled) scenario.
    const QString &filePath() const { return m_filePath; }
    /// The file name, or the scenario's name when it has no file.
    QString displayName() const;
    bool isModified() const;
    QUndoStack *undoStack() { return &m_undo; }

    /// Replaces everything (new, open, recover); the undo history starts empty.
    void reset(model::Scenario scenario, const QString &filePath, model::Diagnostics diagnostics = {},
               bool modified = false);
    /// Records that the scenario is now stored in `filePath` (after a save).
    void markSaved(const QString &filePath);

    QString fieldText(const QString &path) const;
    /// Checks an edit and pushes it as an undoable command. Returns false, with the reason in
    /// `*error`, when the edit would make the scenario invalid; nothing changes then.
    bool editField(const QString &path, const QString &text, QString *error = nullptr);
    /// The mutator behind SetFieldCommand: applies `text` and returns the text it replaced.
    QString swapFieldText(const QString &path, const QString &text);
    /// The mutator behind ReplaceScenarioCommand (list entries added or removed): applies `scenario`,
    /// re-checks it, and returns the scenario it replaced.
    model::Scenario swapScenario(model::Scenario scenario);

signals:
    /// Any change of the scenario, including reset().
    void scenarioChanged();
    /// The document was replaced by reset(): views rebuild and drop their selection.
    void documentReset();
    void fieldChanged(const QString &path);
    void diagnosticsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void editRejected(const QString &path, const QString &reason);

private:
    /// `yaml`, when given, is the scenario's canonical serialization already parsed (saves a round trip).
    void setState(model::Scenario scenario, model::Diagnostics diagnostics, const YAML::Node *yaml = nullptr);
    QString sourceName() const;

    model::Scenario m_scenario;
    YAML::Node m_yaml;
    QHash<QString, model::FieldInfo> m_fields;
    QHash<QString, int> m_fieldRank;
    model::Diagnostics m_diagnostics;
    QString m_filePath;
    bool m_modifiedOutsideUndo = false; ///< e.g. recovered from an autosave
    QUndoStack m_undo;
};

} // namespace headroom::ui
