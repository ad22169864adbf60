#include "core/model/diagnostic.h"

#include <algorithm>

namespace headroom::model {

QString Diagnostic::toString() const
{
    QString out;
    if (!where.file.isEmpty()) {
        out += where.file;
        if (where.line > 0)
            out += u':' + QString::number(where.line) + u':' + QString::number(std::max(where.column, 1));
        out += u": ";
    }
    if (severity == Severity::Warning)
        out += u"warning: ";
    if (!fieldPath.isEmpty())
        out += fieldPath + u": ";
    out += message;
    return out;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

QString formatDiagnostics(const Diagnostics &diagnostics)
{
    QStringList lines;
    lines.reserve(diagnostics.size());
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace headroom::model
