#include "ui/report/reportexport.h"

#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/report/csvexport.h"
#include "ui/report/pdfreport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace headroom::report {

namespace {

ui::AnalysisPtr analysisFor(ui::AnalysisRunner *runner)
{
    ui::AnalysisPtr analysis = runner->latest();
    if (!analysis || runner->isRunning()) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        analysis = runner->computeNow();
        QApplication::restoreOverrideCursor();
    }
    return analysis;
}

QString baseName(const ui::ScenarioDocument *document)
{
    const QString file = document->filePath();
    return file.isEmpty() ? document->scenario().metadata.name.simplified().replace(u' ', u'-').toLower()
                          : QFileInfo(file).completeBaseName();
}

} // namespace

QString exportReportInteractive(QWidget *parent, ui::AnalysisRunner *runner, const ui::ScenarioDocument *document)
{
    QString path = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ReportExport", "Export Report"),
                                                baseName(document) + QStringLiteral("-report.pdf"),
                                                QCoreApplication::translate("ReportExport", "PDF documents (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path.append(QStringLiteral(".pdf"));
    const ui::AnalysisPtr analysis = analysisFor(runner);
    if (!analysis)
        return {};
    QProgressDialog progress(QCoreApplication::translate("ReportExport", "Writing the report…"), QString(), 0, 8, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    ReportOptions options;
    const QLocale::Territory territory = QLocale().territory();
    options.pageSize = territory == QLocale::UnitedStates || territory == QLocale::Canada ? QPageSize::Letter : QPageSize::A4;
    options.sourceFile = document->filePath();
    const auto written = writePdfReport(path, *analysis, document->scenario(), options, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
    });
    progress.reset();
    if (!written) {
        QMessageBox::warning(parent, QCoreApplication::translate("ReportExport", "Export Report"), QCoreApplication::translate("ReportExport", "Could not write the report:\n%1").arg(written.errorString()));
        return {};
    }
    return path;
}

QString exportCsvInteractive(QWidget *parent, ui::AnalysisRunner *runner, const ui::ScenarioDocument *document)
{
    const QString dir = QFileDialog::getExistingDirectory(parent, QCoreApplication::translate("ReportExport", "Export CSV into a Directory"));
    if (dir.isEmpty())
        return {};
    const ui::AnalysisPtr analysis = analysisFor(runner);
    if (!analysis)
        return {};
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto written = writeCsvReport(dir, *analysis, document->scenario());
    QApplication::restoreOverrideCursor();
    if (!written) {
        QMessageBox::warning(parent, QCoreApplication::translate("ReportExport", "Export CSV"), QCoreApplication::translate("ReportExport", "Could not write the CSV files:\n%1").arg(written.errorString()));
        return {};
    }
    return dir;
}

} // namespace headroom::report
