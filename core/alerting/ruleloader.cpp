#include "core/alerting/ruleloader.h"

#include "core/alerting/alerttemplate.h"
#include "core/model/scenarioschema.h"
#include "core/model/yamlio.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace headroom::alerting {

namespace {

struct RuleFileDocument {
    QList<model::AlertRuleGroup> groups;
};

template <typename V>
void describe(V &v, RuleFileDocument &d)
{
    v.list("groups", d.groups, model::required);
}

// Recording rules have no place in the model; say so instead of "unknown key 'record'".
void rejectRecordingRules(const YAML::Node &root, const QString &sourceName, model::Diagnostics *diagnostics)
{
    const YAML::Node groups = root["groups"];
    if (!groups || !groups.IsSequence())
        return;
    for (size_t g = 0; g < groups.size(); ++g) {
        const YAML::Node rules = groups[g].IsMap() ? groups[g]["rules"] : YAML::Node();
        if (!rules || !rules.IsSequence())
            continue;
        for (size_t r = 0; r < rules.size(); ++r) {
            if (rules[r].IsMap() && rules[r]["record"]) {
                diagnostics->append(model::makeError(
                    u"recording rules are not supported; only alerting rules (alert:) are evaluated"_s,
                    u"groups[%1].rules[%2].record"_s.arg(g).arg(r), model::locationOf(rules[r]["record"], sourceName)));
            }
        }
    }
}

} // namespace

model::Result<RuleFile> parseRuleFile(const QByteArray &text, const QString &sourceName)
{
    model::Diagnostics diagnostics;
    const auto root = model::parseYamlText(text, sourceName, &diagnostics);
    if (!root)
        return diagnostics;
    if (!root->IsMap()) {
        return model::makeError(u"expected a Prometheus rule file (a mapping with 'groups')"_s, QString(),
                                model::locationOf(*root, sourceName));
    }
    rejectRecordingRules(*root, sourceName, &diagnostics);
    if (!diagnostics.isEmpty())
        return diagnostics;
    RuleFileDocument document;
    model::YamlReader reader(sourceName, &diagnostics);
    reader.read(*root, document);
    if (model::hasErrors(diagnostics))
        return diagnostics;
    return RuleFile{document.groups, reader.locations(), sourceName};
}

model::Result<RuleFile> loadRuleFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return model::makeError(u"cannot read rule file: %1"_s.arg(file.errorString()), QString(), {path, 0, 0});
    return parseRuleFile(file.readAll(), path);
}

model::Result<std::vector<CompiledGroup>> compileRules(const QList<model::AlertRuleGroup> &groups, const RuleFile *file,
                                                       qint64 defaultIntervalMs)
{
    model::Diagnostics errors;
    std::vector<CompiledGroup> out;
    QSet<QString> groupNames;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const model::AlertRuleGroup &group = groups[g];
        const QString groupPath = u"groups[%1]"_s.arg(g);
        auto where = [&](const QString &path) {
            return file ? file->locations.value(path, {file->sourceName, 0, 0}) : model::SourceLocation{};
        };
        if (groupNames.contains(group.name))
            errors.append(model::makeError(u"duplicate rule group name '%1'"_s.arg(group.name), groupPath + u".name"_s,
                                           where(groupPath + u".name"_s)));
        groupNames.insert(group.name);
        CompiledGroup compiled;
        compiled.name = group.name;
        compiled.intervalMs = group.interval ? qint64(group.interval->count()) : defaultIntervalMs;
        if (compiled.intervalMs <= 0)
            errors.append(model::makeError(u"interval must be positive"_s, groupPath + u".interval"_s,
                                           where(groupPath + u".interval"_s)));
        for (qsizetype r = 0; r < group.rules.size(); ++r) {
            const model::AlertRule &rule = group.rules[r];
            const QString rulePath = u"%1.rules[%2]"_s.arg(groupPath).arg(r);
            const model::SourceLocation exprAt = where(rulePath + u".expr"_s);
            auto parsed = parsePromql(rule.expr, exprAt);
            if (!parsed) {
                for (model::Diagnostic d : parsed.errors()) {
                    d.fieldPath = rulePath + u".expr"_s;
                    errors.append(d);
                }
                continue;
            }
            if (parsed.value()->type() == ValueType::Matrix)
                errors.append(model::makeError(u"alert expression must be an instant vector or scalar, got a range vector"_s,
                                               rulePath + u".expr"_s, exprAt));
            auto checkTemplates = [&](const QMap<QString, QString> &map, const QString &field) {
                for (auto it = map.cbegin(); it != map.cend(); ++it) {
                    const QString problem = checkTemplate(it.value());
                    if (!problem.isEmpty())
                        errors.append(model::makeError(problem, u"%1.%2.%3"_s.arg(rulePath, field, it.key()),
                                                       where(u"%1.%2"_s.arg(rulePath, field))));
                }
            };
            checkTemplates(rule.labels, u"labels"_s);
            checkTemplates(rule.annotations, u"annotations"_s);
            compiled.rules.push_back({rule, std::move(parsed).value(), where(rulePath + u".alert"_s)});
        }
        out.push_back(std::move(compiled));
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

} // namespace headroom::alerting
