#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"
#include "core/model/yamlio.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

/// Generic access to one field of a scenario by its path ("spec.tiers[1].autoscaling.maxReplicas"),
/// through the canonical YAML form: an edit sets the scalar at the path in the serialized document
/// and re-reads it, so every rule of the loader (types, ranges, enums, cross references) applies.
namespace headroom::model {

/// One step of a field path: a map key, or an index into a list (`index >= 0`, `key` empty).
struct PathStep {
    QString key;
    int index = -1;
    bool operator==(const PathStep &) const = default;
};

/// Splits a field path into steps; nullopt when it is malformed ("a..b", "a[x]", "a[").
std::optional<QList<PathStep>> parseFieldPath(const QString &path);
/// The enclosing path: "a.b[2].c" -> "a.b[2]", "a.b[2]" -> "a.b", "a" -> "".
QString parentFieldPath(const QString &path);
/// The last step as shown to people: "c" for "a.b[2].c", "[2]" for "a.b[2]".
QString fieldPathLeaf(const QString &path);

/// A scenario read as far as possible: bad fields keep their defaults, every problem is listed.
/// `usable` is false only when the text is not a YAML mapping at all.
struct LenientScenario {
    Scenario scenario;
    QHash<QString, SourceLocation> locations;
    Diagnostics diagnostics; ///< errors and warnings, in file order
    YAML::Node root;         ///< the parsed text (undefined when it is not YAML)
    bool usable = false;
};

/// Like parseScenario(), but keeps the partly read scenario next to its diagnostics.
LenientScenario parseScenarioLenient(const QByteArray &text, const QString &sourceName);

/// The field's text as the scenario file writes it ("3m", "64GB", "0.2 USD"); lists and maps of
/// scalars in YAML flow style ("[a, b]", "{k: v}"); empty when the field is absent.
QString fieldText(const Scenario &scenario, const QString &path);
/// Whether the path names a node of the serialized scenario.
bool hasField(const Scenario &scenario, const QString &path);
/// The serialized scenario as a YAML tree (what fieldText() reads), for views that walk it.
YAML::Node scenarioYaml(const Scenario &scenario);
/// fieldText() on an already serialized scenario: cheap for many look-ups.
QString fieldText(const YAML::Node &root, const QString &path);

/// Why `text` is not a valid value for a field of this kind and bounds; empty when it is.
/// Empty text is valid only for optional fields (it removes them).
QString checkFieldText(const FieldInfo &info, const QString &text);

/// Sets the field at `path` to `valueText` (empty text removes an optional field) and re-reads the
/// result leniently. Missing parent mappings are created. `usable` is false, with one diagnostic,
/// when the path cannot be set (malformed, or it crosses a list index that does not exist).
LenientScenario applyFieldText(const Scenario &scenario, const QString &path, const QString &valueText,
                               const QString &sourceName = {});

/// Strict form of applyFieldText(): the edited scenario, or every error it would have.
Result<Scenario> setField(const Scenario &scenario, const QString &path, const QString &valueText);

} // namespace headroom::model
