#include "ui/charts/chartview.h"

#include "ui/charts/chartcommon.h"
#include "ui/charts/serieslayer.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsLineItem>
#include <QKeyEvent>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>
#include <QXYSeries>

#include <algorithm>

namespace headroom::charts {

ChartView::ChartView(QWidget *parent) : QChartView(parent)
{
    // Qt Charts' axes, grid and legend are axis-aligned lines and rectangles: drawn without
    // antialiasing (crisp, and a fraction of the cost); the series layer smooths its own curves.
    setRenderHint(QPainter::Antialiasing, false);
    // Qt Charts' items and the series layer restore what they change: skip a save/restore per item.
    setOptimizationFlags(optimizationFlags() | QGraphicsView::DontSavePainterState);
    // One rectangle around the changed items: the raster engine clips it on its fast path, where a
    // region of many small rectangles (axis labels, tick lines) makes every span go through a clip test.
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setRubberBand(QChartView::NoRubberBand);
}

ChartView::~ChartView() = default;

void ChartView::setChart(std::unique_ptr<QChart> chart)
{
    hideCrosshair();
    m_crosshair = nullptr; // owned by the old scene/chart
    QChart *old = QChartView::chart();
    QChartView::setChart(chart ? chart.release() : new QChart);
    useSolidBackground(*QChartView::chart());
    delete old;
    setToolTip(QChartView::chart()->toolTip());
}

QImage ChartView::toImage(QSize size, qreal devicePixelRatio) const
{
    if (size.isEmpty())
        size = viewport()->size().expandedTo(QSize(640, 360));
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderChart(*chart(), painter, QRectF(QPointF(0, 0), QSizeF(size)), QSizeF(size));
    return image;
}

bool ChartView::saveTo(const QString &path, QString *error) const
{
    const QSize size = viewport()->size().expandedTo(QSize(960, 540));
    if (QFileInfo(path).suffix().compare(u"svg", Qt::CaseInsensitive) == 0) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = file.errorString();
            return false;
        }
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chart()->title());
        svg.setDescription(chart()->toolTip());
        {
            QPainter painter(&svg);
            renderChart(*chart(), painter, QRectF(QPointF(0, 0), QSizeF(size)), QSizeF(size));
        }
        if (!file.commit()) {
            if (error)
                *error = file.errorString();
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !toImage(size, 2).save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ChartView::copyToClipboard() const
{
    QApplication::clipboard()->setImage(toImage({}, devicePixelRatioF()));
}

QString ChartView::valuesAt(QPointF scenePos) const
{
    QChart *c = chart();
    if (!c->plotArea().contains(scenePos))
        return {};
    QStringList lines;
    bool header = false;
    for (QAbstractSeries *s : c->series()) {
        auto *xy = qobject_cast<QXYSeries *>(s);
        if (!xy || xy->name().isEmpty())
            continue;
        const QList<QPointF> points = seriesPoints(*c, xy);
        if (points.isEmpty())
            continue;
        const QPointF value = c->mapToValue(scenePos, xy);
        auto it = std::lower_bound(points.begin(), points.end(), value.x(),
                                   [](const QPointF &p, double x) { return p.x() < x; });
        if (it == points.end())
            it = std::prev(points.end());
        else if (it != points.begin() && value.x() - std::prev(it)->x() < it->x() - value.x())
            it = std::prev(it);
        if (!header) {
            const QList<QAbstractAxis *> axes = xy->attachedAxes();
            const bool time = std::any_of(axes.begin(), axes.end(),
                                          [](QAbstractAxis *a) { return a->type() == QAbstractAxis::AxisTypeDateTime; });
            lines.append(time ? QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(it->x()), Qt::UTC)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                              : QString::number(it->x(), 'g', 6));
            header = true;
        }
        lines.append(QStringLiteral("%1: %2").arg(xy->name(), QLocale().toString(it->y(), 'g', 5)));
    }
    return lines.join(u'\n');
}

void ChartView::setHoverValues(bool on)
{
    m_hoverValues = on;
    if (!on) {
        hideCrosshair();
        QToolTip::hideText();
    }
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const QString text = m_hoverValues ? valuesAt(scenePos) : QString();
    if (text.isEmpty()) {
        hideCrosshair();
        QToolTip::hideText();
        return;
    }
    const QRectF plot = chart()->plotArea();
    if (!m_crosshair) {
        m_crosshair = new QGraphicsLineItem(chart());
        m_crosshair->setPen(QPen(QColor(0, 0, 0, 110), 0, Qt::DashLine));
        m_crosshair->setZValue(100);
    }
    m_crosshair->setLine(QLineF(scenePos.x(), plot.top(), scenePos.x(), plot.bottom()));
    m_crosshair->show();
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void ChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    QChartView::leaveEvent(event);
}

void ChartView::hideCrosshair()
{
    if (m_crosshair)
        m_crosshair->hide();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyToClipboard();
        event->accept();
        return;
    }
    QChartView::keyPressEvent(event);
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("&Copy as Image"), QKeySequence::Copy, this, &ChartView::copyToClipboard);
    menu.addAction(tr("&Save as PNG or SVG…"), this, &ChartView::saveInteractively);
    menu.exec(event->globalPos());
}

void ChartView::saveInteractively()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chart"), chart()->title() + u".png",
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save Chart"), tr("Could not save %1: %2").arg(path, error));
}

} // namespace headroom::charts
