#pragma once

#include <QString>

class QWidget;

namespace headroom::ui {
class AnalysisRunner;
class ScenarioDocument;
} // namespace headroom::ui

/// File > Export Report… and Export CSV… of the console: ask for the target, take the newest
/// analysis (computing it first when there is none), write with a progress dialog, and say in
/// the status bar what was written.
namespace headroom::report {

/// Asks for a PDF file and writes the report (A4, or Letter in US/Canadian locales). Returns
/// the path written, empty when cancelled or failed (failures are shown in a message box).
QString exportReportInteractive(QWidget *parent, ui::AnalysisRunner *runner, const ui::ScenarioDocument *document);
/// Asks for a directory and writes every table and series as CSV. Returns the directory, or empty.
QString exportCsvInteractive(QWidget *parent, ui::AnalysisRunner *runner, const ui::ScenarioDocument *document);

} // namespace headroom::report
