#pragma once

#include "ui/canvas/topologygraph.h"

#include <QGraphicsItem>
#include <QStaticText>
#include <QStringList>

#include <optional>
#include <vector>

namespace headroom::ui {

struct NodeFigures;

/// One node of the topology canvas: a card with a utilization colour bar, its title, and the
/// live figures of the current analysis. Selectable; draws only (the scene owns the logic).
class TopologyNodeItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    static constexpr qreal kWidth = 168;
    static constexpr qreal kHeight = 92;

    explicit TopologyNodeItem(const NodeSpec &spec);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &key() const { return m_spec.key; }
    const QString &path() const { return m_spec.path; }
    NodeKind kind() const { return m_spec.kind; }
    QString title() const { return m_spec.title; }
    const QStringList &lines() const { return m_lines; }
    std::optional<double> utilization() const { return m_utilization; }
    /// The colour of the utilization bar (UtilizationScale).
    QColor colour() const;

    /// Replaces the spec (path, parents, title); repaints only when the title or subtitle changed.
    void setSpec(const NodeSpec &spec);
    /// Replaces the figures and repaints when they changed.
    void setFigures(const NodeFigures &figures);
    /// Figures for a node the analysis does not cover (yet).
    void clearFigures();

private:
    /// Lays out the title and rows once per change (elided to the card), for every later paint.
    /// A text that did not change keeps its layout (a figure update usually changes one row).
    void layoutTexts() const;

    struct LaidText {
        QString source;   ///< the text before eliding
        QStaticText text; ///< shaped for the card's font, elided to its width
    };

    NodeSpec m_spec;
    QStringList m_lines;
    std::optional<double> m_utilization;
    mutable std::vector<LaidText> m_texts; ///< title, then rows; valid while m_textsValid
    mutable bool m_textsValid = false;

};

} // namespace headroom::ui
