#include "ui/canvas/utilizationlegend.h"

#include "ui/canvas/utilizationscale.h"

#include <QLinearGradient>
#include <QPainter>

namespace headroom::ui {

UtilizationLegend::UtilizationLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("utilizationLegend"));
    setToolTip(tr("Utilization colour: the share of capacity in use at the chosen moment. Green has room, amber "
                  "approaches the usual autoscaling targets (%1 %), red is at or beyond saturation (%2 %+). Grey "
                  "nodes have no utilization figure.")
                   .arg(int(UtilizationScale::kAmberFrom * 100))
                   .arg(int(UtilizationScale::kRedFrom * 100)));
}

QSize UtilizationLegend::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(tr("Utilization")) + 320, fontMetrics().height() + 8};
}

void UtilizationLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int h = height();
    int x = 0;
    const QString title = tr("Utilization");
    p.drawText(QRect(x, 0, fm.horizontalAdvance(title), h), Qt::AlignVCenter, title);
    x += fm.horizontalAdvance(title) + 14 + fm.horizontalAdvance(QStringLiteral("0"));
    const QRect bar(x, h / 2 - 5, 160, 10);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 20; ++i)
        gradient.setColorAt(i / 20.0, UtilizationScale::colour(i / 20.0));
    p.fillRect(bar, gradient);
    p.setPen(palette().color(QPalette::WindowText));
    const QString low = QStringLiteral("0"), high = QStringLiteral("100 %+");
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const QFontMetrics sm(small);
    for (double stop : {UtilizationScale::kAmberFrom, UtilizationScale::kRedFrom}) {
        const int sx = bar.left() + int(stop * bar.width());
        p.drawLine(sx, bar.top() - 2, sx, bar.bottom() + 2);
    }
    p.drawText(QRect(bar.left() - 2 - sm.horizontalAdvance(low), 0, sm.horizontalAdvance(low), h), Qt::AlignVCenter,
               low);
    x = bar.right() + 6;
    p.drawText(QRect(x, 0, sm.horizontalAdvance(high), h), Qt::AlignVCenter, high);
    x += sm.horizontalAdvance(high) + 12;
    p.fillRect(QRect(x, h / 2 - 5, 10, 10), UtilizationScale::colour(std::nullopt));
    const QString none = tr("no figure");
    p.drawText(QRect(x + 14, 0, sm.horizontalAdvance(none) + 2, h), Qt::AlignVCenter, none);
}

} // namespace headroom::ui
