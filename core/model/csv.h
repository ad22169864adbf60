#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// CSV in and out, as every Headroom export writes it: a header row, RFC 4180 quoting,
/// '.' as the decimal point whatever the locale, written atomically.
namespace headroom::model {

struct CsvTable {
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; ///< 1-based source line of each row (reading only)

    int column(QStringView name) const { return static_cast<int>(header.indexOf(name.toString())); }
    QByteArray toCsv() const;
};

/// Formats a number with '.' and the shortest exact digits ("0.1", "1500", "2.5e-07").
QString csvNumber(double value);
/// Fixed decimals ("12.50"), '.' decimal.
QString csvFixed(double value, int decimals);

/// Parses CSV text; the first row is the header. Errors name `sourceName:line`.
Result<CsvTable> parseCsv(const QByteArray &text, const QString &sourceName);
Result<CsvTable> readCsvFile(const QString &path);

/// Writes through QSaveFile: readers never see a half-written file.
Result<void> writeFileAtomically(const QString &path, const QByteArray &contents);

} // namespace headroom::model
