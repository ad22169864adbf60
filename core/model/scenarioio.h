#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"
#include "core/model/yamlio.h"

#include <QByteArray>
#include <QHash>
#include <QString>

/// Loading, validating and saving scenario files (apiVersion headroom/v1, kind Scenario).
namespace headroom::model {

/// A loaded scenario and where each of its fields came from.
struct LoadedScenario {
    Scenario scenario;
    QHash<QString, SourceLocation> locations;
};

/// Parses and validates scenario YAML. `sourceName` names the input in diagnostics.
/// All problems are reported at once; warnings (if any) go to `warnings`.
Result<LoadedScenario> parseScenario(const QByteArray &text, const QString &sourceName,
                                     Diagnostics *warnings = nullptr);
Result<Scenario> loadScenario(const QString &path, Diagnostics *warnings = nullptr);

/// Checks the rules no single field can: min <= max, unique ids, cross references, shares
/// that add up. `locations` (from parsing) lets each problem point at its line.
Diagnostics validateScenario(const Scenario &scenario, const QHash<QString, SourceLocation> &locations = {},
                             const QString &sourceName = {});

/// Canonical YAML for a scenario. parse(serialize(s)) == s.
QByteArray serializeScenario(const Scenario &scenario);
/// Metadata (kind, bounds, enum values) of every field by path, for editors.
QHash<QString, FieldInfo> scenarioFields(const Scenario &scenario);
/// The format's reference: one row per field (list indexes folded to "[]"), in schema order,
/// as a Markdown table (field, type, constraints, help).
QString scenarioSchemaReference();
/// Writes atomically (QSaveFile): the old file stays intact if anything fails.
Result<void> saveScenario(const Scenario &scenario, const QString &path);

/// The embedded WebTools Pro scenario (resources/scenarios/webtools-pro.yaml).
Scenario defaultScenario();
QByteArray defaultScenarioYaml();
/// A path that names the embedded default in messages and recent-file lists.
QString defaultScenarioPath();

} // namespace headroom::model
