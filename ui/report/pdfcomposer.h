#pragma once

#include "core/model/csv.h"

#include <QFont>
#include <QPainter>
#include <QString>

#include <functional>
#include <vector>

class QChart;
class QPdfWriter;

namespace headroom::report {

/// A section heading and the page it starts on (1-based), for the table of contents.
struct TocEntry {
    QString title;
    int level = 1;
    int page = 0;
};

/// Flows headings, paragraphs, tables, charts and figures down the pages of a PDF, in points
/// (the writer runs at 72 dpi). A layout pass (`paint` false) measures exactly what a painting
/// pass draws, so the report is laid out twice: first to learn the page of every heading and
/// the page count, then painted with the table of contents and "page N of M" footers.
class PdfComposer {
public:
    PdfComposer(QPdfWriter &writer, bool paint, QString footer, int totalPages);
    ~PdfComposer();
    PdfComposer(const PdfComposer &) = delete;
    PdfComposer &operator=(const PdfComposer &) = delete;

    double width() const { return m_right - m_left; }
    double left() const { return m_left; }
    double y() const { return m_y; }
    int page() const { return m_page; }
    QPainter *painter() { return m_paint ? &m_painter : nullptr; }
    const std::vector<TocEntry> &toc() const { return m_toc; }

    /// The report's font (DejaVu Sans, no ligatures so that copied text reads as written).
    static QFont font(double pointSize, bool bold = false);

    void newPage();
    /// Starts a new page when less than `height` points are left on this one.
    void ensure(double height);
    void skip(double points) { m_y += points; }
    /// Level 1 starts a new page; every heading goes into the table of contents.
    void heading(const QString &text, int level = 1);
    void paragraph(const QString &text, double pointSize = 9.5, bool bold = false, const QColor &color = Qt::black);
    /// A table with a shaded header row repeated on every page; columns get widths by content
    /// (capped), over-long cells are elided. `maxRows` < 0: all rows. `highlight` colours a cell.
    void table(const model::CsvTable &table, int maxRows = -1,
               const std::function<QColor(int row, int column, const QString &cell)> &highlight = {});
    /// The chart as vector graphics, `height` points high.
    void chart(QChart &chart, double height);
    /// A figure drawn by `draw` into a rectangle `height` points high.
    void figure(double height, const std::function<void(QPainter &, const QRectF &)> &draw);
    /// Finishes the last page.
    void finish();

private:
    void footer();

    QPdfWriter &m_writer;
    bool m_paint;
    QString m_footer;
    int m_totalPages;
    QPainter m_painter;
    double m_left = 0, m_right = 0, m_top = 0, m_bottom = 0, m_pageHeight = 0;
    double m_y = 0;
    int m_page = 1;
    std::vector<TocEntry> m_toc;
};

} // namespace headroom::report
