#include "ui/canvas/topologynodeitem.h"

#include "ui/canvas/topologyfigures.h"
#include "ui/canvas/utilizationscale.h"

#include <QApplication>
#include <QFontMetricsF>
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
    const bool sameTexts = spec.title == m_spec.title && spec.subtitle == m_spec.subtitle;
    m_spec = spec;
    if (sameTexts)
        return;
    m_textsValid = false;
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
    m_textsValid = false;
    update();
}

void TopologyNodeItem::clearFigures()
{
    setFigures(NodeFigures{});
}

namespace {

constexpr qreal kTextLeft = 12, kTextTop = 4, kTextRight = 6, kLineHeight = 14;

QFont cardFont(bool title)
{
    QFont font = QApplication::font();
    font.setPointSizeF(title ? 9 : 8);
    font.setBold(title);
    return font;
}

} // namespace

void TopologyNodeItem::layoutTexts() const
{
    const qreal width = kWidth - kTextLeft - kTextRight;
    const qreal rowsHeight = kHeight - kTextTop * 2 - kLineHeight;
    const QStringList rows = m_lines.isEmpty() ? QStringList{m_spec.subtitle} : m_lines;
    std::vector<LaidText> previous = std::move(m_texts);
    m_texts.clear();
    m_texts.reserve(std::size_t(rows.size()) + 1);
    const auto add = [&](const QString &text, const QFont &font) {
        const std::size_t index = m_texts.size();
        if (index < previous.size() && previous[index].source == text) { // same text, same font: keep its shaping
            m_texts.push_back(std::move(previous[index]));
            return;
        }
        QStaticText laid(text);
        laid.setTextFormat(Qt::PlainText);
        laid.prepare(QTransform(), font);
        if (laid.size().width() > width) { // rare: shape again, elided
            laid.setText(QFontMetricsF(font).elidedText(text, Qt::ElideRight, width));
            laid.prepare(QTransform(), font);
        }
        m_texts.push_back({text, std::move(laid)});
    };
    add(m_spec.title, cardFont(true));
    const QFont rowFont = cardFont(false);
    for (qsizetype i = 0; i < rows.size() && (i + 1) * kLineHeight <= rowsHeight + 1; ++i)
        add(rows[i], rowFont);
    m_textsValid = true;
}

void TopologyNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QRectF card(-kWidth / 2, -kHeight / 2, kWidth, kHeight);
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    // The plain outline is a cosmetic 1 px pen: drawn by the raster engine's fast line drawer.
    QPen outline(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid), selected ? 3.0 : 1.0);
    outline.setCosmetic(!selected);
    painter->setPen(outline);
    painter->setBrush(m_utilization ? UtilizationScale::tint(m_utilization) : palette.color(QPalette::Base));
    painter->drawRoundedRect(card, 6, 6);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour());
    painter->drawRoundedRect(QRectF(card.left(), card.top(), 7, card.height()), 3, 3);

    if (!m_textsValid)
        layoutTexts();
    painter->setPen(m_utilization ? QColor(Qt::black) : palette.color(QPalette::Text));
    const QPointF origin(card.left() + kTextLeft, card.top() + kTextTop);
    for (std::size_t i = 0; i < m_texts.size(); ++i) {
        if (i < 2)
            painter->setFont(cardFont(i == 0));
        const QStaticText &text = m_texts[i].text;
        // vertically centred in its line, as before
        const qreal y = origin.y() + qreal(i) * kLineHeight + (kLineHeight - text.size().height()) / 2;
        painter->drawStaticText(QPointF(origin.x(), y), text);
    }
}

} // namespace headroom::ui
