#pragma once

#include "core/alerting/promqlparser.h"
#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QList>
#include <QString>

#include <vector>

namespace headroom::alerting {

/// An alerting rule ready to evaluate: the model rule, its parsed expression and where it was read.
struct CompiledRule {
    model::AlertRule rule;
    Expression expr;
    model::SourceLocation where;
};

/// A rule group ready to evaluate; `intervalMs` is the group's interval or the default.
struct CompiledGroup {
    QString name;
    qint64 intervalMs = 60'000;
    std::vector<CompiledRule> rules;
};

/// A standalone Prometheus rule file (`groups:` at the top) read into the scenario's model types,
/// with the location of every field (`groups[0].rules[2].expr` -> file:line:col).
struct RuleFile {
    QList<model::AlertRuleGroup> groups;
    QHash<QString, model::SourceLocation> locations;
    QString sourceName;
};

/// Reads a rule file. Errors are located FILE:LINE:COL with the field path; recording rules are
/// rejected (Headroom evaluates alerting rules only).
model::Result<RuleFile> parseRuleFile(const QByteArray &text, const QString &sourceName);
model::Result<RuleFile> loadRuleFile(const QString &path);

/// Parses every rule's expression and checks templates; PromQL errors are located in the rule file
/// when `file` carries locations. `defaultIntervalMs` applies to groups without `interval`
/// (Prometheus' global evaluation_interval, 1 m by default).
model::Result<std::vector<CompiledGroup>> compileRules(const QList<model::AlertRuleGroup> &groups,
                                                       const RuleFile *file = nullptr,
                                                       qint64 defaultIntervalMs = 60'000);

} // namespace headroom::alerting
