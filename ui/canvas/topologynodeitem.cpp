#include "ui/canvas/topologynodeitem.h"

#include "ui/canvas/topologyfigures.h"
#include "ui/canvas/utilizationscale.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace headroom::ui {

TopologyNodeItem::TopologyNodeItem(const NodeSpec &spec) : m_spec(spec)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setCacheMode(DeviceCoordinateCache);
}

QRectF TopologyNodeItem::boundingRect() const
{
    return {-kWidth / 2 - 3, -kHeight / 2 - 3, kWidth + 6, kHeight + 6};
}

QColor TopologyNodeItem::colour() const
{
    return UtilizationScale::colour(m_utilization);
}

void TopologyNodeItem::setSpec(const NodeSpec &spec)
{
    if (spec.title == m_spec.title && spec.subtitle == m_spec.subtitle)
        return;
    m_spec = spec;
    update();
}

void TopologyNodeItem::setFigures(const NodeFigures &figures)
{
    if (toolTip() != figures.tooltip)
        setToolTip(figures.tooltip);
    if (figures.lines == m_lines && figures.utilization == m_utilization)
        return;
    m_lines = figures.lines;
    m_utilization = figures.utilization;
    update();
}

void TopologyNodeItem::clearFigures()
{
    setFigures(NodeFigures{});
}

void TopologyNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QRectF card(-kWidth / 2, -kHeight / 2, kWidth, kHeight);
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
                         selected ? 3.0 : 1.0));
    painter->setBrush(m_utilization ? UtilizationScale::tint(m_utilization) : palette.color(QPalette::Base));
    painter->drawRoundedRect(card, 6, 6);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour());
    painter->drawRoundedRect(QRectF(card.left(), card.top(), 7, card.height()), 3, 3);

    const QRectF text = card.adjusted(12, 4, -6, -4);
    QFont font = QApplication::font();
    font.setPointSizeF(9);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(m_utilization ? QColor(Qt::black) : palette.color(QPalette::Text));
    const qreal lineHeight = 14;
    painter->drawText(QRectF(text.left(), text.top(), text.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_spec.title, Qt::ElideRight, int(text.width())));
    font.setBold(false);
    font.setPointSizeF(8);
    painter->setFont(font);
    qreal y = text.top() + lineHeight;
    const QStringList rows = m_lines.isEmpty() ? QStringList{m_spec.subtitle} : m_lines;
    for (const QString &row : rows) {
        if (y + lineHeight > text.bottom() + 1)
            break;
        painter->drawText(QRectF(text.left(), y, text.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(row, Qt::ElideRight, int(text.width())));
        y += lineHeight;
    }
}

} // namespace headroom::ui
