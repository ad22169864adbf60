#pragma once

#include <QWidget>

namespace headroom::ui {

/// The legend of UtilizationScale: a gradient bar from 0 % to 100 %+ with its stops, and the grey
/// of nodes that have no utilization figure.
class UtilizationLegend final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UtilizationLegend)
public:
    explicit UtilizationLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace headroom::ui
