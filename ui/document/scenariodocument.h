#pragma once

#include "core/model/diagnostic.h"
#include "core/model/scenario.h"
#include "core/model/yamlio.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace headroom::ui {

/// What the document derives from its scenario through the canonical YAML text: the YAML tree,
/// every field's metadata and schema rank, and the diagnostics located in that text.
struct ScenarioText {
    YAML::Node yaml;
    QHash<QString, model::FieldInfo> fields;
    QHash<QString, int> fieldRank;
    model::Diagnostics diagnostics;
};

/// The open scenario: its value, file, problems and undo history. Every edit goes through the
/// undo stack (ui/commands); views follow the signals and never change the scenario directly.
/// A document may hold a partly read scenario with errors (opened from a broken file); edits are
/// then accepted as long as they do not add an error at the edited field.
///
/// The scenario value is the truth. Its text form (yaml(), fields(), diagnostics()) costs a
/// serialization and a parse, so a change does not wait for it: scenarioChanged is emitted at
/// once, the text form is rebuilt on a worker thread, and textChanged follows when it is ready.
/// The worker starts textDelayMs after a change (at most once per that time while a slider is
/// dragged), so that the recompute and redraw the change starts have the cores first.
/// Reading the text form before that computes it on the spot, so it is never stale. editField()
/// (a value typed into the property editor) derives it at once, before it returns.
class ScenarioDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioDocument)
public:
    /// Delay between a change and the start of its text form's derivation, milliseconds.
    static constexpr int textDelayMs = 50;

    explicit ScenarioDocument(QObject *parent = nullptr);
    ~ScenarioDocument() override;

    const model::Scenario &scenario() const { return m_scenario; }
    /// The serialized scenario, in step with scenario() for cheap path look-ups.
    const YAML::Node &yaml() const { return text().yaml; }
    /// Metadata of every field by path (kinds, bounds, enum values).
    const QHash<QString, model::FieldInfo> &fields() const { return text().fields; }
    /// Position of a field path in the schema's order (for listing fields as the format does).
    int fieldRank(const QString &path) const { return text().fieldRank.value(path, -1); }
    /// Errors and warnings of the current state, located in the file it was read from (after an
    /// edit: in the canonical text the scenario saves as).
    const model::Diagnostics &diagnostics() const { return text().diagnostics; }
    /// Whether yaml(), fields() and diagnostics() are ready without computing them now.
    bool isTextReady() const { return m_text != nullptr; }
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
    /// Pushes an edited copy of the scenario as one undoable step titled `title` (a what-if lever);
    /// consecutive steps with the same non-empty `mergeKey` merge into one. Returns false, with
    /// the reason in `*error`, when the edit breaks a rule the current scenario keeps (min <= max,
    /// references, shares); nothing changes then. No text is serialized or parsed here.
    bool editScenario(model::Scenario edited, const QString &title, const QString &mergeKey = {},
                      QString *error = nullptr);
    /// The mutator behind the undo commands: applies `scenario`, announces it (fieldChanged
    /// first when `fieldPath` is given), and returns the scenario it replaced. The text form
    /// follows on a worker thread.
    model::Scenario swapScenario(model::Scenario scenario, const QString &fieldPath = {});

signals:
    /// Any change of the scenario, including reset().
    void scenarioChanged();
    /// yaml(), fields() and diagnostics() were rebuilt for the current scenario (after reset()
    /// at once, after an edit when the worker is done).
    void textChanged();
    /// The document was replaced by reset(): views rebuild and drop their selection.
    void documentReset();
    void fieldChanged(const QString &path);
    /// The diagnostics differ from the ones announced before.
    void diagnosticsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void editRejected(const QString &path, const QString &reason);

private:
    using TextPtr = std::shared_ptr<const ScenarioText>;
    const ScenarioText &text() const;
    /// Starts the worker on the newest state unless it is busy (it restarts when done).
    void deriveText();
    void textDerived(quint64 revision, const TextPtr &text);
    /// Emits textChanged (and diagnosticsChanged when they differ) for the current text form.
    void announceText();
    QString sourceName() const;

    model::Scenario m_scenario;
    quint64 m_revision = 0; ///< counts scenario changes
    mutable TextPtr m_text; ///< the text form of m_scenario; null until derived
    TextPtr m_announced;    ///< the text form views were last told about
    model::Diagnostics m_announcedDiagnostics;
    QThreadPool m_worker;
    QFutureWatcher<TextPtr> *m_deriving = nullptr;
    QTimer m_deriveDelay;   ///< single shot, started (not restarted) by a change
    bool m_textNow = false; ///< derive the text form on the GUI thread (editField)
    QString m_filePath;
    bool m_modifiedOutsideUndo = false; ///< e.g. recovered from an autosave
    QUndoStack m_undo;
};

} // namespace headroom::ui
