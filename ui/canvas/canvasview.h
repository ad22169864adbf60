#pragma once

#include <QGraphicsView>

namespace headroom::ui {

/// The view of the topology and cluster scenes: zoom with the wheel or Ctrl+= / Ctrl+-, pan by
/// dragging the background or with the arrow keys, fit with F or Ctrl+0, click to select.
class CanvasView final : public QGraphicsView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasView)
public:
    static constexpr qreal kMinZoom = 0.02;
    static constexpr qreal kMaxZoom = 8;

    explicit CanvasView(QWidget *parent = nullptr);

    /// Scale factor of the view (1 = one scene unit per pixel).
    qreal zoom() const { return transform().m11(); }
    /// Zooms by `factor` around the view centre (or under the mouse for the wheel), within the limits.
    void zoomBy(qreal factor);
    /// Shows the whole scene, and keeps doing so on resizes until the user zooms.
    void fitAll();

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool m_autoFit = true;
};

} // namespace headroom::ui
