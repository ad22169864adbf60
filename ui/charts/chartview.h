#pragma once

#include <QChartView>

#include <memory>

class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsRectItem;

namespace headroom::charts {

/// A chart view for the console: antialiased; hovering shows a vertical crosshair and a tooltip
/// with each line series' value at the cursor's x; Ctrl+C copies the chart as an image; the
/// context menu saves it as PNG or SVG.
class ChartView final : public QChartView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)
public:
    explicit ChartView(QWidget *parent = nullptr);
    ~ChartView() override;

    /// Shows `chart` (the view takes ownership, the previous chart is deleted). Null shows an empty chart.
    void setChart(std::unique_ptr<QChart> chart);

    /// The chart rendered at `size` (device-independent pixels) x devicePixelRatio.
    QImage toImage(QSize size = {}, qreal devicePixelRatio = 1) const;
    /// Writes a PNG or SVG (by the file's suffix, PNG when it has none). Returns false on failure.
    bool saveTo(const QString &path, QString *error = nullptr) const;
    /// Copies the chart as an image to the clipboard.
    void copyToClipboard() const;
    /// Whether hovering shows the crosshair and the values tooltip (on by default; off while drawing).
    void setHoverValues(bool on);
    /// The tooltip text for a position in scene coordinates (empty outside the plot area).
    QString valuesAt(QPointF scenePos) const;

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void saveInteractively();
    void hideCrosshair();

    QGraphicsLineItem *m_crosshair = nullptr;
    bool m_hoverValues = true;
};

} // namespace headroom::charts
