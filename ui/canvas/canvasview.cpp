#include "ui/canvas/canvasview.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace headroom::ui {

CanvasView::CanvasView(QWidget *parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("canvasView"));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHint(QPainter::Antialiasing);
    // One rectangle around everything that changed: the raster engine clips to a rectangle far
    // faster than to a region of several (which SmartViewportUpdate hands it for a few scattered
    // nodes, and every edge and the background are then drawn span by span against it).
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(palette().color(QPalette::Window));
    setCacheMode(QGraphicsView::CacheBackground);
}

void CanvasView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    m_autoFit = false;
    if (std::abs(target - zoom()) < 1e-9)
        return;
    scale(target / zoom(), target / zoom());
    emit zoomChanged(zoom());
}

void CanvasView::fitAll()
{
    m_autoFit = true;
    if (!scene())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    const qreal clamped = std::clamp(zoom(), kMinZoom, kMaxZoom);
    if (clamped != zoom())
        scale(clamped / zoom(), clamped / zoom());
    emit zoomChanged(zoom());
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitAll();
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    zoomBy(std::pow(1.0015, delta));
    setTransformationAnchor(anchor);
    event->accept();
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl) {
            zoomBy(1.25);
            return;
        }
        break;
    case Qt::Key_Minus:
        if (ctrl) {
            zoomBy(0.8);
            return;
        }
        break;
    case Qt::Key_0:
        if (ctrl) {
            fitAll();
            return;
        }
        break;
    case Qt::Key_F:
        if (!(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            fitAll();
            return;
        }
        break;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace headroom::ui
