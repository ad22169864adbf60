#include "core/model/csv.h"

#include <QFile>
#include <QLocale>
#include <QSaveFile>

namespace headroom::model {

namespace {

void appendField(QByteArray &out, const QString &field)
{
    const QByteArray utf8 = field.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        out += '"';
        for (char c : utf8) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    } else {
        out += utf8;
    }
}

void appendRow(QByteArray &out, const QStringList &row)
{
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i > 0)
            out += ',';
        appendField(out, row[i]);
    }
    out += '\n';
}

} // namespace

QByteArray CsvTable::toCsv() const
{
    QByteArray out;
    appendRow(out, header);
    for (const QStringList &row : rows)
        appendRow(out, row);
    return out;
}

QString csvNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString csvFixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

Result<CsvTable> parseCsv(const QByteArray &text, const QString &sourceName)
{
    CsvTable table;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int rowLine = 1;
    const auto endRow = [&]() -> std::optional<Diagnostic> {
        row << QString::fromUtf8(fieldWasQuoted ? field : field.trimmed());
        field.clear();
        fieldWasQuoted = false;
        const bool blank = row.size() == 1 && row.first().isEmpty();
        if (!blank) {
            if (table.header.isEmpty()) {
                table.header = row;
            } else {
                if (row.size() != table.header.size())
                    return makeError(QStringLiteral("expected %1 columns (%2), got %3")
                                         .arg(table.header.size()).arg(table.header.join(u',')).arg(row.size()),
                                     QString(), {sourceName, rowLine, 1});
                table.rows << row;
                table.rowLines << rowLine;
            }
        }
        row.clear();
        return std::nullopt;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && field.trimmed().isEmpty()) {
            quoted = true;
            fieldWasQuoted = true;
            field.clear();
        } else if (c == ',') {
            row << QString::fromUtf8(fieldWasQuoted ? field : field.trimmed());
            field.clear();
            fieldWasQuoted = false;
        } else if (c == '\n') {
            if (auto err = endRow())
                return *err;
            ++line;
            rowLine = line;
        } else if (c != '\r') {
            field += c;
        }
    }
    if (quoted)
        return makeError(QStringLiteral("unterminated quoted field"), QString(), {sourceName, rowLine, 1});
    if (!field.isEmpty() || !row.isEmpty()) {
        if (auto err = endRow())
            return *err;
    }
    if (table.header.isEmpty())
        return makeError(QStringLiteral("empty CSV: expected a header row"), QString(), {sourceName, 1, 1});
    return table;
}

Result<CsvTable> readCsvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    return parseCsv(file.readAll(), path);
}

Result<void> writeFileAtomically(const QString &path, const QByteArray &contents)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    if (file.write(contents) != contents.size() || !file.commit())
        return makeError(QStringLiteral("cannot write file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    return {};
}

} // namespace headroom::model
