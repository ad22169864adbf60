#include "core/model/scenariopath.h"

#include "core/model/scenarioio.h"
#include "core/model/scenarioschema.h"
#include "core/model/yamlio.h"

namespace headroom::model {

namespace {

/// Follows `steps` from `root` without creating anything; an undefined node when absent.
YAML::Node findNode(const YAML::Node &root, const QList<PathStep> &steps)
{
    YAML::Node current = root;
    for (const PathStep &step : steps) {
        if (step.index >= 0) {
            if (!current.IsSequence() || static_cast<std::size_t>(step.index) >= current.size())
                return YAML::Node(YAML::NodeType::Undefined);
            current.reset(current[static_cast<std::size_t>(step.index)]);
            continue;
        }
        if (!current.IsMap())
            return YAML::Node(YAML::NodeType::Undefined);
        const YAML::Node &constCurrent = current; // const look-up: never inserts the key
        const YAML::Node next = constCurrent[step.key.toStdString()];
        if (!next.IsDefined())
            return YAML::Node(YAML::NodeType::Undefined); // never hand out yaml-cpp's invalid "zombie" node
        current.reset(next);                              // rebind; operator= would overwrite the node's content
    }
    return current;
}

/// The node to store for `text`: scalar, or parsed flow YAML for list/map/matrix fields.
std::optional<YAML::Node> valueNode(const QString &text, FieldKind kind, QString *why)
{
    if (kind != FieldKind::StringList && kind != FieldKind::StringMap && kind != FieldKind::Matrix)
        return YAML::Node(text.toStdString());
    Diagnostics problems;
    const auto parsed = parseYamlText(text.toUtf8(), QString(), &problems);
    if (!parsed) {
        *why = problems.isEmpty() ? QStringLiteral("not valid YAML") : problems.first().message;
        return std::nullopt;
    }
    return *parsed;
}

/// Sets (or with `value` == nullopt removes) the node at `steps`, creating missing mappings.
bool setNode(YAML::Node root, const QList<PathStep> &steps, const std::optional<YAML::Node> &value, QString *why)
{
    YAML::Node current = root;
    for (qsizetype i = 0; i + 1 < steps.size(); ++i) {
        const PathStep &step = steps[i];
        if (step.index >= 0) {
            if (!current.IsSequence() || static_cast<std::size_t>(step.index) >= current.size()) {
                *why = QStringLiteral("there is no item [%1]").arg(step.index);
                return false;
            }
            current.reset(current[static_cast<std::size_t>(step.index)]);
            continue;
        }
        if (!current.IsMap() && !current.IsNull()) {
            *why = QStringLiteral("'%1' is inside a value, not a mapping").arg(step.key);
            return false;
        }
        const std::string key = step.key.toStdString();
        if (!current[key].IsDefined() || current[key].IsNull()) {
            if (!value)
                return true; // removing below an absent parent: nothing to do
            current[key] = YAML::Node(YAML::NodeType::Map);
        }
        current.reset(current[key]);
    }
    const PathStep &last = steps.last();
    if (last.index >= 0) {
        if (!current.IsSequence() || static_cast<std::size_t>(last.index) >= current.size()) {
            *why = QStringLiteral("there is no item [%1]").arg(last.index);
            return false;
        }
        if (value) {
            current[static_cast<std::size_t>(last.index)] = *value;
            return true;
        }
        YAML::Node kept(YAML::NodeType::Sequence);
        for (std::size_t j = 0; j < current.size(); ++j) {
            if (j != static_cast<std::size_t>(last.index))
                kept.push_back(current[j]);
        }
        current = kept; // replaces the list's content in place
        return true;
    }
    if (!current.IsMap() && !current.IsNull()) {
        *why = QStringLiteral("'%1' is inside a value, not a mapping").arg(last.key);
        return false;
    }
    if (value)
        current[last.key.toStdString()] = *value;
    else if (current.IsMap())
        current.remove(last.key.toStdString());
    return true;
}

LenientScenario unusable(const QString &path, const QString &message, const QString &sourceName)
{
    LenientScenario out;
    out.diagnostics.append(makeError(message, path, {sourceName, 0, 0}));
    return out;
}

} // namespace

std::optional<QList<PathStep>> parseFieldPath(const QString &path)
{
    QList<PathStep> steps;
    qsizetype i = 0;
    const qsizetype n = path.size();
    while (i < n) {
        if (path[i] == u'[') {
            const qsizetype close = path.indexOf(u']', i);
            bool ok = false;
            const int index = close < 0 ? -1 : QStringView(path).mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || index < 0)
                return std::nullopt;
            steps.append(PathStep{QString(), index});
            i = close + 1;
            if (i < n && path[i] == u'.')
                ++i;
            if (i == n && path.endsWith(u'.'))
                return std::nullopt;
            continue;
        }
        qsizetype end = i;
        while (end < n && path[end] != u'.' && path[end] != u'[')
            ++end;
        if (end == i)
            return std::nullopt;
        steps.append(PathStep{path.mid(i, end - i), -1});
        i = end;
        if (i < n && path[i] == u'.') {
            ++i;
            if (i == n)
                return std::nullopt;
        }
    }
    if (steps.isEmpty())
        return std::nullopt;
    return steps;
}

QString parentFieldPath(const QString &path)
{
    const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
    return cut > 0 ? path.left(cut) : QString();
}

QString fieldPathLeaf(const QString &path)
{
    const QString parent = parentFieldPath(path);
    QString leaf = path.mid(parent.size());
    if (leaf.startsWith(u'.'))
        leaf.remove(0, 1);
    return leaf;
}

LenientScenario parseScenarioLenient(const QByteArray &text, const QString &sourceName)
{
    LenientScenario out;
    const auto root = parseYamlText(text, sourceName, &out.diagnostics);
    if (!root)
        return out;
    out.root = *root;
    if (!root->IsMap()) {
        out.diagnostics.append(makeError(QStringLiteral("expected a scenario document (a mapping with apiVersion, "
                                                        "kind, metadata and spec)"),
                                         QString(), locationOf(*root, sourceName)));
        return out;
    }
    YamlReader reader(sourceName, &out.diagnostics);
    reader.read(*root, out.scenario);
    out.locations = reader.locations();
    // Cross-field rules on a partly read scenario would only repeat the reader's errors.
    if (!hasErrors(out.diagnostics))
        out.diagnostics += validateScenario(out.scenario, out.locations, sourceName);
    out.usable = true;
    return out;
}

YAML::Node scenarioYaml(const Scenario &scenario)
{
    return YAML::Load(serializeScenario(scenario).toStdString());
}

QString fieldText(const YAML::Node &root, const QString &path)
{
    const auto steps = parseFieldPath(path);
    if (!steps)
        return {};
    const YAML::Node node = findNode(root, *steps);
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (node.IsScalar())
        return scalarText(node);
    YAML::Emitter out;
    out.SetSeqFormat(YAML::Flow);
    out.SetMapFormat(YAML::Flow);
    out << node;
    return QString::fromUtf8(out.c_str(), static_cast<qsizetype>(out.size()));
}

QString fieldText(const Scenario &scenario, const QString &path)
{
    return fieldText(scenarioYaml(scenario), path);
}

QString checkFieldText(const FieldInfo &info, const QString &text)
{
    if (text.trimmed().isEmpty())
        return info.optional ? QString() : QStringLiteral("a value is required");
    QString why;
    const FieldOptions &o = info.options;
    switch (info.kind) {
    case FieldKind::Int: {
        int v = 0;
        parseScalar(text, &v, &why, o);
        break;
    }
    case FieldKind::Double:
    case FieldKind::Bytes:
    case FieldKind::Percent: {
        double v = 0;
        parseScalar(text, &v, &why, o);
        break;
    }
    case FieldKind::Bool: {
        bool v = false;
        parseScalar(text, &v, &why, o);
        break;
    }
    case FieldKind::Duration: {
        Milliseconds v{};
        parseScalar(text, &v, &why, o);
        break;
    }
    case FieldKind::Quantity: {
        Quantity v;
        parseScalar(text, &v, &why, o);
        break;
    }
    case FieldKind::Money: {
        Money v;
        parseScalar(text, &v, &why, o);
        break;
    }
    case FieldKind::Enum:
        if (!info.enumValues.contains(text))
            why = QStringLiteral("expected one of: %1").arg(info.enumValues.join(QStringLiteral(", ")));
        break;
    case FieldKind::StringList:
    case FieldKind::StringMap:
    case FieldKind::Matrix: {
        Diagnostics problems;
        if (!parseYamlText(text.toUtf8(), QString(), &problems))
            why = problems.isEmpty() ? QStringLiteral("not valid YAML") : problems.first().message;
        break;
    }
    case FieldKind::String:
    case FieldKind::Object:
    case FieldKind::List:
        break;
    }
    return why;
}

bool hasField(const Scenario &scenario, const QString &path)
{
    const auto steps = parseFieldPath(path);
    if (!steps)
        return false;
    const YAML::Node node = findNode(scenarioYaml(scenario), *steps);
    return node.IsDefined() && !node.IsNull();
}

LenientScenario applyFieldText(const Scenario &scenario, const QString &path, const QString &valueText,
                               const QString &sourceName)
{
    const auto steps = parseFieldPath(path);
    if (!steps)
        return unusable(path, QStringLiteral("malformed field path"), sourceName);
    const FieldInfo info = scenarioFields(scenario).value(path);
    std::optional<YAML::Node> value;
    QString why;
    if (!valueText.trimmed().isEmpty()) {
        value = valueNode(valueText, info.kind, &why);
        if (!value)
            return unusable(path, why, sourceName);
    }
    YAML::Node root = scenarioYaml(scenario);
    if (!setNode(root, *steps, value, &why))
        return unusable(path, why, sourceName);
    return parseScenarioLenient(emitYaml(root), sourceName);
}

Result<Scenario> setField(const Scenario &scenario, const QString &path, const QString &valueText)
{
    LenientScenario edited = applyFieldText(scenario, path, valueText);
    if (!edited.usable || hasErrors(edited.diagnostics)) {
        Diagnostics errors;
        for (const Diagnostic &d : std::as_const(edited.diagnostics)) {
            if (d.severity == Severity::Error)
                errors.append(d);
        }
        return errors;
    }
    return std::move(edited.scenario);
}

} // namespace headroom::model
