#include "ui/report/pdfcomposer.h"

#include "ui/charts/chartcommon.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPdfWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace headroom::report {

namespace {
constexpr double kMargin = 48;      // points
constexpr double kFooterHeight = 24;
constexpr double kChartScale = 1.45; // chart pixels per point: the chart's own fonts print at ~7-8 pt
} // namespace

PdfComposer::PdfComposer(QPdfWriter &writer, bool paint, QString footer, int totalPages)
    : m_writer(writer), m_paint(paint), m_footer(std::move(footer)), m_totalPages(totalPages)
{
    const QSizeF size = writer.pageLayout().fullRectPoints().size();
    m_left = kMargin;
    m_right = size.width() - kMargin;
    m_top = kMargin;
    m_pageHeight = size.height();
    m_bottom = size.height() - kMargin - kFooterHeight;
    m_y = m_top;
    if (m_paint) {
        m_painter.begin(&writer);
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.setRenderHint(QPainter::TextAntialiasing);
    }
}

PdfComposer::~PdfComposer()
{
    if (m_painter.isActive())
        m_painter.end();
}

QFont PdfComposer::font(double pointSize, bool bold)
{
    QFont f(u"DejaVu Sans"_s);
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // No ligatures: copied or searched text must read "traffic", not "tra\uFB03c".
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void PdfComposer::footer()
{
    if (!m_paint)
        return;
    m_painter.save();
    m_painter.setFont(font(7.5));
    m_painter.setPen(QColor(90, 90, 90));
    const QRectF band(m_left, m_pageHeight - kMargin - kFooterHeight / 2, m_right - m_left, kFooterHeight);
    m_painter.drawLine(QPointF(m_left, band.top()), QPointF(m_right, band.top()));
    m_painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter,
                       u"Page %1 of %2"_s.arg(m_page).arg(m_totalPages > 0 ? m_totalPages : m_page));
    m_painter.restore();
}

void PdfComposer::newPage()
{
    footer();
    if (m_paint)
        m_writer.newPage();
    ++m_page;
    m_y = m_top;
}

void PdfComposer::ensure(double height)
{
    if (m_y + height > m_bottom && m_y > m_top)
        newPage();
}

void PdfComposer::finish()
{
    footer();
    if (m_paint)
        m_painter.end();
}

void PdfComposer::heading(const QString &text, int level)
{
    if (level == 1 && m_y > m_top)
        newPage();
    const double size = level == 1 ? 16 : level == 2 ? 12.5 : 10.5;
    const QFont f = font(size, true);
    const double h = QFontMetricsF(f, &m_writer).height();
    ensure(h * 3); // never a heading alone at the bottom of a page
    if (level > 1)
        m_y += 6;
    m_toc.push_back({text, level, m_page});
    if (m_paint) {
        m_painter.setFont(f);
        m_painter.setPen(level == 1 ? QColor(0x1f, 0x3a, 0x5f) : Qt::black);
        m_painter.drawText(QRectF(m_left, m_y, width(), h), Qt::AlignLeft | Qt::AlignVCenter, text);
        if (level == 1)
            m_painter.drawLine(QPointF(m_left, m_y + h + 2), QPointF(m_right, m_y + h + 2));
    }
    m_y += h + (level == 1 ? 10 : 4);
}

void PdfComposer::paragraph(const QString &text, double pointSize, bool bold, const QColor &color)
{
    const QFont f = font(pointSize, bold);
    const QFontMetricsF fm(f, &m_writer);
    const int flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
    const QRectF bounds = fm.boundingRect(QRectF(0, 0, width(), 1e6), flags, text);
    ensure(bounds.height());
    if (m_paint) {
        m_painter.setFont(f);
        m_painter.setPen(color);
        m_painter.drawText(QRectF(m_left, m_y, width(), bounds.height() + 2), flags, text);
    }
    m_y += bounds.height() + pointSize * 0.5;
}

void PdfComposer::table(const model::CsvTable &table, int maxRows,
                        const std::function<QColor(int, int, const QString &)> &highlight)
{
    const qsizetype columns = table.header.size();
    if (columns == 0)
        return;
    const QFont headFont = font(7, true), cellFont = font(7);
    const QFontMetricsF headMetrics(headFont, &m_writer), cellMetrics(cellFont, &m_writer);
    const qsizetype rows = maxRows < 0 ? table.rows.size() : std::min<qsizetype>(maxRows, table.rows.size());
    // Natural widths (header and the first 200 rows), shrunk proportionally to the page.
    std::vector<double> widths(static_cast<std::size_t>(columns), 0.0);
    for (qsizetype c = 0; c < columns; ++c) {
        double w = headMetrics.horizontalAdvance(table.header[c]);
        for (qsizetype r = 0; r < std::min<qsizetype>(rows, 200); ++r)
            if (c < table.rows[r].size())
                w = std::max(w, cellMetrics.horizontalAdvance(table.rows[r][c]));
        widths[static_cast<std::size_t>(c)] = std::min(w, width() * 0.45) + 8;
    }
    double total = 0;
    for (double w : widths)
        total += w;
    if (total > width())
        for (double &w : widths)
            w *= width() / total;
    const double rowHeight = cellMetrics.height() + 3;

    auto drawRow = [&](const QStringList &cells, bool header, int rowIndex) {
        if (!m_paint)
            return;
        double x = m_left;
        if (header)
            m_painter.fillRect(QRectF(m_left, m_y, std::min(total, width()), rowHeight), QColor(226, 232, 240));
        else if (rowIndex % 2 == 1)
            m_painter.fillRect(QRectF(m_left, m_y, std::min(total, width()), rowHeight), QColor(247, 248, 250));
        m_painter.setFont(header ? headFont : cellFont);
        const QFontMetricsF &fm = header ? headMetrics : cellMetrics;
        for (qsizetype c = 0; c < columns; ++c) {
            const double w = widths[static_cast<std::size_t>(c)];
            const QString cell = c < cells.size() ? cells[c] : QString();
            QColor pen = Qt::black;
            if (!header && highlight)
                pen = highlight(rowIndex, static_cast<int>(c), cell);
            m_painter.setPen(pen);
            m_painter.drawText(QRectF(x + 3, m_y, w - 6, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                               fm.elidedText(cell, Qt::ElideRight, w - 6));
            x += w;
        }
    };

    ensure(rowHeight * 3);
    drawRow(table.header, true, -1);
    m_y += rowHeight;
    for (qsizetype r = 0; r < rows; ++r) {
        if (m_y + rowHeight > m_bottom) {
            newPage();
            drawRow(table.header, true, -1);
            m_y += rowHeight;
        }
        drawRow(table.rows[r], false, static_cast<int>(r));
        m_y += rowHeight;
    }
    if (rows < table.rows.size())
        paragraph(u"… %1 more rows in the CSV export."_s.arg(table.rows.size() - rows), 7, false, QColor(90, 90, 90));
    m_y += 8;
}

void PdfComposer::chart(QChart &chart, double height)
{
    ensure(height);
    if (m_paint)
        charts::renderChart(chart, m_painter, QRectF(m_left, m_y, width(), height),
                            QSizeF(width() * kChartScale, height * kChartScale));
    m_y += height + 8;
}

void PdfComposer::figure(double height, const std::function<void(QPainter &, const QRectF &)> &draw)
{
    ensure(height);
    if (m_paint) {
        m_painter.save();
        draw(m_painter, QRectF(m_left, m_y, width(), height));
        m_painter.restore();
    }
    m_y += height + 8;
}

} // namespace headroom::report
