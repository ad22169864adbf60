#pragma once

#include <QList>
#include <QString>

namespace headroom::model {

/// Where something was read from. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;
};

enum class Severity { Error, Warning };

/// One problem found in an input, with enough context to fix it:
/// "plan.yaml:14:7: spec.tiers[1].autoscaling.maxReplicas: must be >= minReplicas (3), got 2"
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    QString fieldPath;
    QString message;

    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

/// Joins diagnostics one per line, in the FILE:LINE:COL: path: message form.
QString formatDiagnostics(const Diagnostics &diagnostics);

} // namespace headroom::model
