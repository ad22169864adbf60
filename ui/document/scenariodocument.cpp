#include "ui/document/scenariodocument.h"

#include "core/model/scenarioio.h"
#include "core/model/scenariopath.h"
#include "core/model/scenarioschema.h"
#include "ui/backgroundwork.h"
#include "ui/commands/replacescenariocommand.h"
#include "ui/commands/setfieldcommand.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

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

bool sameDiagnostics(const model::Diagnostics &a, const model::Diagnostics &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const model::Diagnostic &x, const model::Diagnostic &y) {
        return sameProblem(x, y) && x.where.file == y.where.file && x.where.line == y.where.line &&
               x.where.column == y.where.column;
    });
}

/// The text form of `scenario`: one serialization, and (with `check`) one lenient parse of that
/// text for its diagnostics, whose tree is kept; without `check`, the text is only loaded.
std::shared_ptr<ScenarioText> computeText(const model::Scenario &scenario, const QString &sourceName, bool check)
{
    auto out = std::make_shared<ScenarioText>();
    model::YamlWriter writer;
    const QByteArray text = model::emitYaml(writer.write(scenario));
    out->fields = writer.fields();
    const QStringList &order = writer.fieldOrder();
    out->fieldRank.reserve(order.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        out->fieldRank.insert(order[i], static_cast<int>(i));
    if (check) {
        model::LenientScenario checked = model::parseScenarioLenient(text, sourceName);
        if (checked.usable) {
            out->yaml = checked.root;
            out->diagnostics = std::move(checked.diagnostics);
            return out;
        }
    }
    out->yaml = YAML::Load(text.toStdString());
    return out;
}

} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent) : QObject(parent)
{
    // one worker: a newer state waits for the running derivation instead of competing with it
    m_worker.setMaxThreadCount(1);
    m_deriveDelay.setSingleShot(true);
    m_deriveDelay.setInterval(textDelayMs);
    connect(&m_deriveDelay, &QTimer::timeout, this, &ScenarioDocument::deriveText);
    m_text = computeText(m_scenario, sourceName(), false);
    m_announced = m_text;
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
}

ScenarioDocument::~ScenarioDocument()
{
    // Destroying the stack emits cleanChanged; a dying document must not report "saved" then.
    m_undo.disconnect(this);
    if (m_deriving)
        m_deriving->disconnect(this);
    m_worker.waitForDone();
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
    m_scenario = std::move(scenario);
    ++m_revision;
    // The diagnostics are the ones of the file as read (its own line numbers), not re-derived.
    auto text = computeText(m_scenario, sourceName(), false);
    text->diagnostics = std::move(diagnostics);
    m_text = std::move(text);
    m_announced = m_text;
    m_announcedDiagnostics = m_text->diagnostics;
    emit scenarioChanged();
    emit textChanged();
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
    return model::fieldText(yaml(), path);
}

bool ScenarioDocument::editField(const QString &path, const QString &text, QString *error)
{
    if (fieldText(path) == text)
        return true;
    model::LenientScenario edited = model::applyFieldText(m_scenario, path, text, sourceName());
    QString reason;
    if (!edited.usable)
        reason = edited.diagnostics.isEmpty() ? tr("cannot set this field") : edited.diagnostics.first().message;
    else if (const model::Diagnostic *d = newError(diagnostics(), edited.diagnostics, path);
             d && (d->fieldPath == path || !model::hasErrors(diagnostics()))) // repairing: judge this field only
        reason = d->fieldPath == path || d->fieldPath.isEmpty() ? d->message : d->fieldPath + u": " + d->message;
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        emit editRejected(path, reason);
        return false;
    }
    // A typed value (property editor): the tree and the problems follow before this returns, as
    // the editor expects; only what-if levers and undo leave the text form to the worker.
    m_textNow = true;
    m_undo.push(new SetFieldCommand(this, path, text, std::move(edited.scenario)));
    m_textNow = false;
    return true;
}

bool ScenarioDocument::editScenario(model::Scenario edited, const QString &title, const QString &mergeKey,
                                    QString *error)
{
    if (edited == m_scenario)
        return true;
    // The cross-field rules need no text (microseconds); the field-level checks are the lever's
    // bounds, and the located diagnostics follow with the text form.
    const model::Diagnostics before = model::validateScenario(m_scenario);
    const model::Diagnostics after = model::validateScenario(edited);
    if (const model::Diagnostic *d = newError(before, after, QString())) {
        const QString reason = d->fieldPath.isEmpty() ? d->message : d->fieldPath + u": " + d->message;
        if (error)
            *error = reason;
        emit editRejected(d->fieldPath, reason);
        return false;
    }
    m_undo.push(new ReplaceScenarioCommand(this, std::move(edited), title, mergeKey));
    return true;
}

model::Scenario ScenarioDocument::swapScenario(model::Scenario scenario, const QString &fieldPath)
{
    model::Scenario previous = std::exchange(m_scenario, std::move(scenario));
    ++m_revision;
    releaseInBackground(std::exchange(m_text, nullptr), &m_worker);
    if (!m_textNow && !m_deriveDelay.isActive())
        m_deriveDelay.start();
    if (!fieldPath.isEmpty())
        emit fieldChanged(fieldPath);
    emit scenarioChanged();
    if (m_textNow) {
        text();
        announceText();
    }
    return previous;
}

const ScenarioText &ScenarioDocument::text() const
{
    // Asked before the worker is done: derive it here (the worker's result is then dropped).
    if (!m_text)
        m_text = computeText(m_scenario, sourceName(), true);
    return *m_text;
}

void ScenarioDocument::deriveText()
{
    if (m_text) {
        announceText(); // computed on demand meanwhile
        return;
    }
    if (m_deriving)
        return; // textDerived() starts again for the newest state
    m_deriving = new QFutureWatcher<TextPtr>(this);
    const quint64 revision = m_revision;
    connect(m_deriving, &QFutureWatcher<TextPtr>::finished, this, [this, revision] {
        // taken out of the watcher, so that a text nobody keeps is freed on the worker below
        QFuture<TextPtr> future = m_deriving->future();
        TextPtr text = future.isValid() && future.resultCount() > 0 ? future.takeResult() : nullptr;
        m_deriving->deleteLater();
        m_deriving = nullptr;
        textDerived(revision, text);
        releaseInBackground(std::move(text), &m_worker);
    });
    m_deriving->setFuture(QtConcurrent::run(&m_worker, [scenario = m_scenario, source = sourceName()]() -> TextPtr {
        lowerThreadPriority();
        return computeText(scenario, source, true);
    }));
}

void ScenarioDocument::textDerived(quint64 revision, const TextPtr &text)
{
    if (revision != m_revision) {
        if (!m_text)
            deriveText(); // the scenario moved on while the worker ran
        else
            announceText(); // computed on demand meanwhile
        return;
    }
    if (!m_text)
        m_text = text;
    announceText();
}

void ScenarioDocument::announceText()
{
    if (!m_text || m_text == m_announced)
        return;
    releaseInBackground(std::exchange(m_announced, m_text), &m_worker);
    emit textChanged();
    if (!sameDiagnostics(m_announced->diagnostics, m_announcedDiagnostics)) {
        m_announcedDiagnostics = m_announced->diagnostics;
        emit diagnosticsChanged();
    }
}

QString ScenarioDocument::sourceName() const
{
    return m_filePath.isEmpty() ? displayName() : m_filePath;
}

} // namespace headroom::ui
