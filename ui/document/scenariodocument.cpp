#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"
#include "core/model/scenarioschema.h"
#include "ui/commands/setfieldcommand.h"

#include <QFileInfo>

namespace headroom::ui {

namespace {

bool sameProblem(const model::Diagnostic &a, const model::Diagnostic &b)
{
    return a.severity == b.severity && a.fieldPath == b.fieldPath && a.message == b.message;
}

/// The first error of `after` that `before` did not have, preferring one at `path`.
const model::Diagnostic *newError(const model::Diagnostics &before, const model::Diagnostics &after,
                                  const QString &path)
{
    const model::Diagnostic *found = nullptr;
    for (const model::Diagnostic &d : after) {
        if (d.severity != model::Severity::Error)
            continue;
        const bool known =
            std::any_of(before.cbegin(), before.cend(), [&d](const model::Diagnostic &b) { return sameProblem(b, d); });
        if (known)
            continue;
        if (d.fieldPath == path)
            return &d;
        if (!found)
            found = &d;
    }
    return found;
}

} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent) : QObject(parent)
{
    setState(model::Scenario{}, {});
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
}

ScenarioDocument::~ScenarioDocument()
{
    // Destroying the stack emits cleanChanged; a dying document must not report "saved" then.
    m_undo.disconnect(this);
}

QString ScenarioDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_scenario.metadata.name.isEmpty() ? tr("Untitled") : m_scenario.metadata.name;
}

bool ScenarioDocument::isModified() const
{
    return m_modifiedOutsideUndo || !m_undo.isClean();
}

void ScenarioDocument::reset(model::Scenario scenario, const QString &filePath, model::Diagnostics diagnostics,
                             bool modified)
{
    m_undo.clear();
    m_filePath = filePath;
    m_modifiedOutsideUndo = modified;
    setState(std::move(scenario), std::move(diagnostics));
    emit scenarioChanged();
    emit documentReset();
    emit diagnosticsChanged();
    emit filePathChanged(m_filePath);
    emit modifiedChanged(isModified());
}

void ScenarioDocument::markSaved(const QString &filePath)
{
    const bool renamed = filePath != m_filePath;
    m_filePath = filePath;
    m_modifiedOutsideUndo = false;
    m_undo.setClean();
    if (renamed)
        emit filePathChanged(m_filePath);
    emit modifiedChanged(isModified());
}

QString ScenarioDocument::fieldText(const QString &path) const
{
    return model::fieldText(m_yaml, path);
}

bool ScenarioDocument::editField(const QString &path, const QString &text, QString *error)
{
    if (fieldText(path) == text)
        return true;
    const model::LenientScenario edited = model::applyFieldText(m_scenario, path, text, sourceName());
    QString reason;
    if (!edited.usable)
        reason = edited.diagnostics.isEmpty() ? tr("cannot set this field") : edited.diagnostics.first().message;
    else if (const model::Diagnostic *d = newError(m_diagnostics, edited.diagnostics, path);
             d && (d->fieldPath == path || !model::hasErrors(m_diagnostics))) // repairing: judge this field only
        reason = d->fieldPath == path || d->fieldPath.isEmpty() ? d->message : d->fieldPath + u": " + d->message;
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        emit editRejected(path, reason);
        return false;
    }
    m_undo.push(new SetFieldCommand(this, path, text));
    return true;
}

QString ScenarioDocument::swapFieldText(const QString &path, const QString &text)
{
    const QString previous = fieldText(path);
    model::LenientScenario edited = model::applyFieldText(m_scenario, path, text, sourceName());
    if (!edited.usable)
        return text; // cannot happen for a text that editField() accepted; leave the state as it is
    setState(std::move(edited.scenario), std::move(edited.diagnostics));
    emit fieldChanged(path);
    emit scenarioChanged();
    emit diagnosticsChanged();
    return previous;
}

model::Scenario ScenarioDocument::swapScenario(model::Scenario scenario)
{
    model::Scenario previous = m_scenario;
    // The canonical text is read back for its diagnostics (with line numbers) and kept as the
    // document's YAML tree: one serialization and one parse per swap.
    model::LenientScenario checked = model::parseScenarioLenient(model::serializeScenario(scenario), sourceName());
    if (checked.usable)
        setState(std::move(scenario), std::move(checked.diagnostics), &checked.root);
    else
        setState(std::move(scenario), {});
    emit scenarioChanged();
    emit diagnosticsChanged();
    return previous;
}

void ScenarioDocument::setState(model::Scenario scenario, model::Diagnostics diagnostics, const YAML::Node *yaml)
{
    m_scenario = std::move(scenario);
    m_yaml = yaml ? *yaml : model::scenarioYaml(m_scenario);
    model::YamlWriter writer;
    writer.write(m_scenario);
    m_fields = writer.fields();
    m_fieldRank.clear();
    const QStringList &order = writer.fieldOrder();
    for (qsizetype i = 0; i < order.size(); ++i)
        m_fieldRank.insert(order[i], static_cast<int>(i));
    m_diagnostics = std::move(diagnostics);
}

QString ScenarioDocument::sourceName() const
{
    return m_filePath.isEmpty() ? displayName() : m_filePath;
}

} // namespace headroom::ui
