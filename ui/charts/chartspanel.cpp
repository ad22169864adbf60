#include "ui/charts/chartspanel.h"

#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartcommon.h"
#include "ui/charts/chartspec.h"
#include "ui/charts/chartview.h"
#include "ui/charts/curveoverlay.h"
#include "ui/document/scenariodocument.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace headroom::charts {

ChartsPanel::ChartsPanel(ui::ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_trafficSelector(new QComboBox(this)), m_note(new QLabel(this)),
      m_resizeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("chartsPanel"));
    for (ChartView *&view : m_views)
        view = new ChartView(this);
    m_dirty.fill(true);
    m_trafficSelector->setObjectName(QStringLiteral("trafficSelector"));
    m_trafficSelector->setToolTip(tr("The traffic scenario whose simulation the lower-left chart shows"));
    m_note->setObjectName(QStringLiteral("chartsNote"));
    m_note->setText(tr("Computing…"));
    auto *grid = new QGridLayout;
    grid->setSpacing(4);
    grid->addWidget(m_views[Demand], 0, 0);
    grid->addWidget(m_views[Replicas], 0, 1);
    grid->addWidget(m_views[Traffic], 1, 0);
    grid->addWidget(m_views[Cost], 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(createToolBar());
    layout->addLayout(grid, 1);
    connect(m_trafficSelector, &QComboBox::currentIndexChanged, this, &ChartsPanel::showTraffic);
    // A resize redraws once it settles, and only charts whose point budget changed much.
    m_resizeTimer->setSingleShot(true);
    m_resizeTimer->setInterval(120);
    connect(m_resizeTimer, &QTimer::timeout, this, [this] {
        for (int i = 0; i < ChartCount; ++i) {
            const auto c = static_cast<Chart>(i);
            const double ratio = double(pointBudget(c)) / double(std::max<std::size_t>(m_budgets[c], 1));
            if (ratio > 1.25 || ratio < 0.8)
                m_dirty[c] = true;
        }
        refresh();
    });
}

ChartsPanel::~ChartsPanel() = default;

bool ChartsPanel::isDrawing() const
{
    return !m_overlay.isNull();
}

CurveOverlay *ChartsPanel::curveOverlay() const
{
    return m_overlay.data();
}

QWidget *ChartsPanel::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Traffic scenario:"), bar);
    label->setBuddy(m_trafficSelector);
    row->addWidget(label);
    row->addWidget(m_trafficSelector);

    m_drawAction = new QAction(tr("&Draw Traffic"), this);
    m_drawAction->setObjectName(QStringLiteral("drawTrafficAction"));
    m_drawAction->setCheckable(true);
    m_drawAction->setShortcut(QKeySequence(Qt::Key_D));
    m_drawAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_drawAction->setToolTip(tr("Draw a traffic curve (demand multiplier) over the simulation window on the demand "
                                "chart, or drag the points of the chosen traffic scenario's curve (D; Esc cancels)"));
    m_saveAction = new QAction(tr("&Save as Traffic Scenario…"), this);
    m_saveAction->setObjectName(QStringLiteral("saveDrawnTrafficAction"));
    m_saveAction->setToolTip(tr("Save the drawn curve as a named traffic scenario of the file (undoable); the "
                                "simulation and cost follow it"));
    m_cancelAction = new QAction(tr("Cancel Drawing"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setToolTip(tr("Leave draw mode without saving (Esc)"));
    for (QAction *a : {m_saveAction, m_cancelAction})
        a->setEnabled(false);
    addActions({m_drawAction, m_saveAction, m_cancelAction});
    connect(m_drawAction, &QAction::toggled, this, &ChartsPanel::setDrawing);
    connect(m_saveAction, &QAction::triggered, this, &ChartsPanel::saveDrawingInteractively);
    connect(m_cancelAction, &QAction::triggered, this, [this] { setDrawing(false); });
    for (QAction *a : {m_drawAction, m_saveAction}) {
        auto *button = new QToolButton(bar);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button);
    }
    row->addStretch(1);
    row->addWidget(m_note);
    return bar;
}

void ChartsPanel::setAnalysis(const ui::AnalysisPtr &analysis)
{
    m_analysis = analysis;
    m_showingPreview = false;
    if (!analysis)
        return;
    {
        const QSignalBlocker block(m_trafficSelector);
        QString chosen = m_trafficSelector->currentText();
        m_trafficSelector->clear();
        for (const analysis::TrafficOutcome &o : analysis->traffic)
            m_trafficSelector->addItem(o.name);
        if (!m_pendingTraffic.isEmpty() && m_trafficSelector->findText(m_pendingTraffic) >= 0)
            chosen = std::exchange(m_pendingTraffic, {});
        const int keep = m_trafficSelector->findText(chosen);
        m_trafficSelector->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    markChanged();
    refresh();
}

void ChartsPanel::showPreview(const ui::AnalysisPtr &preview)
{
    if (!m_analysis) {
        setAnalysis(preview);
        return;
    }
    if (!preview || !preview->outcome(m_trafficSelector->currentText()))
        return; // the complete analysis brings the shown scenario
    m_analysis = preview;
    m_showingPreview = true;
    markChanged();
    refresh();
}

int ChartsPanel::shownTrafficIndex() const
{
    return m_analysis->outcomeIndex(m_trafficSelector->currentText());
}

std::vector<std::optional<std::chrono::milliseconds>> ChartsPanel::trafficSlos(int index) const
{
    std::vector<std::optional<std::chrono::milliseconds>> slos;
    if (index < 0)
        return slos;
    for (const autoscale::TierTimeline &t : m_analysis->traffic[static_cast<std::size_t>(index)].simulation.tiers) {
        const model::Tier *tier = m_document->scenario().tier(t.tierId);
        slos.push_back(tier ? tier->p95Slo : std::nullopt);
    }
    return slos;
}

bool ChartsPanel::sameTrafficInputs(int index, std::size_t budget,
                                    const std::vector<std::optional<std::chrono::milliseconds>> &slos) const
{
    const TrafficInputs &drawn = m_trafficDrawn;
    if (index < 0 || !drawn.analysis || drawn.index < 0 || drawn.budget != budget)
        return false;
    const analysis::TrafficOutcome &a = drawn.analysis->traffic[static_cast<std::size_t>(drawn.index)];
    const analysis::TrafficOutcome &b = m_analysis->traffic[static_cast<std::size_t>(index)];
    if (a.name != b.name || a.spec != b.spec || a.simulation.startMs != b.simulation.startMs
        || a.simulation.stepMs != b.simulation.stepMs || a.simulation.ticks != b.simulation.ticks
        || a.simulation.tiers.size() != b.simulation.tiers.size())
        return false;
    // what trafficSpec reads of each tier
    for (std::size_t i = 0; i < a.simulation.tiers.size(); ++i) {
        const autoscale::TierTimeline &x = a.simulation.tiers[i], &y = b.simulation.tiers[i];
        if (x.tierId != y.tierId || x.readyReplicas != y.readyReplicas || x.desiredReplicas != y.desiredReplicas
            || x.demand != y.demand || x.p95LatencyMs != y.p95LatencyMs)
            return false;
    }
    return drawn.slos == slos;
}

std::uint64_t ChartsPanel::originOf(Chart which) const
{
    switch (which) {
    case Demand:
    case Replicas: return m_analysis->origins.plan;
    case Cost: return m_analysis->origins.cost; // a bill is only taken over with its plan
    case Traffic:
    case ChartCount: break;
    }
    return 0;
}

void ChartsPanel::markChanged()
{
    // A chart drawn from the same computation of its stage, at the same point budget, would be
    // built again only to find its content equal: the spec building alone (series, labels,
    // downsampling) is most of a redraw's time on the GUI thread.
    for (int i = 0; i < ChartCount; ++i) {
        const auto c = static_cast<Chart>(i);
        const std::uint64_t origin = originOf(c);
        if (origin == 0 || origin != m_drawnOrigins[c] || pointBudget(c) != m_budgets[c])
            m_dirty[c] = true;
    }
}

void ChartsPanel::showTraffic(int)
{
    m_dirty[Traffic] = true;
    refresh();
}

void ChartsPanel::refresh()
{
    if (!m_analysis)
        return;
    QElapsedTimer timer;
    timer.start();
    bool any = false;
    for (int i = 0; i < ChartCount; ++i) {
        const auto c = static_cast<Chart>(i);
        if (m_dirty[c] && m_views[c]->isVisible()) {
            rebuild(c);
            any = true;
        }
    }
    if (!any)
        return;
    m_lastBuildMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    // The build time goes to the tooltip: a note changing on every redraw would repaint the tool bar.
    const QString note =
        tr("%n day(s), %1 traffic scenario(s)", nullptr, m_analysis->plan.days).arg(m_trafficSelector->count());
    if (m_note->text() != note)
        m_note->setText(note);
    m_note->setToolTip(tr("Charts built in %1 ms").arg(m_lastBuildMs, 0, 'f', 1));
}

std::size_t ChartsPanel::pointBudget(Chart which) const
{
    const ChartView *view = m_views[which];
    double width = view->chart()->plotArea().width();
    if (width < 50)
        width = view->width() * 0.8;
    // ~1.5 points per device pixel: LTTB keeps each pixel column's extremes, more would not show.
    return std::max<std::size_t>(64, static_cast<std::size_t>(width * view->devicePixelRatioF() * 1.5));
}

void ChartsPanel::rebuild(Chart which)
{
    m_dirty[which] = false;
    m_drawnOrigins[which] = originOf(which);
    const std::size_t budget = m_budgets[which] = pointBudget(which);
    const model::Scenario &scenario = m_document->scenario();
    std::optional<ChartSpec> spec;
    switch (which) {
    case Demand: spec = demandSpec(*m_analysis, scenario, budget); ++m_planBuilds; break;
    case Replicas: spec = replicasSpec(*m_analysis, budget); ++m_planBuilds; break;
    case Traffic: {
        const int index = shownTrafficIndex();
        if (m_showingPreview && index < 0) {
            m_dirty[which] = true; // chosen in a preview's time: drawn from the complete analysis
            return;
        }
        auto slos = trafficSlos(index);
        if (sameTrafficInputs(index, budget, slos))
            return; // the same content: not downsampled again
        spec = trafficSpec(*m_analysis, scenario, index, budget);
        ++m_trafficBuilds;
        m_trafficDrawn = {m_analysis, index, budget, std::move(slos)};
        break;
    }
    case Cost: spec = costSpec(*m_analysis, budget); ++m_planBuilds; break;
    case ChartCount: return;
    }
    ChartView *view = m_views[which];
    bool changed = false;
    if (spec && syncChart(*view->chart(), *spec, &changed)) {
        m_redrawn += changed ? 1 : 0;
        if (view->toolTip() != view->chart()->toolTip())
            view->setToolTip(view->chart()->toolTip());
    } else {
        ++m_redrawn;
        // A new structure (another tier, phase or cost layer): the chart is replaced, and with it
        // the drawing overlay, which is carried over.
        const CurveOverlay::Points drawn = m_overlay ? m_overlay->points() : CurveOverlay::Points{};
        const double hours = m_overlay ? m_overlay->durationHours() : 0;
        const bool drawing = which == Demand && m_overlay;
        view->setChart(spec ? makeChart(*spec) : nullptr);
        ++m_replaced;
        if (drawing) {
            m_overlay = new CurveOverlay(view->chart(), hours);
            m_overlay->setPoints(drawn);
        }
    }
    if (which == Demand && m_overlay)
        showDrawWindow();
}

void ChartsPanel::showDrawWindow()
{
    const QList<QAbstractAxis *> xs = demandView()->chart()->axes(Qt::Horizontal);
    auto *x = xs.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(xs.front());
    if (!x || !m_analysis || !m_overlay)
        return;
    const qint64 start = dayMs(m_analysis->options.startDate, 0);
    x->setFormat(m_overlay->durationHours() <= 48 ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(start + static_cast<qint64>(m_overlay->durationHours() * 3.6e6), Qt::UTC));
}

void ChartsPanel::setDrawing(bool on)
{
    if (on && !isVisible())
        emit showRequested();
    if (on && !isDrawing() && m_analysis) {
        const double hours = static_cast<double>(m_analysis->options.simulationDuration.count()) / 3.6e6;
        CurveOverlay::Points points;
        // The chosen traffic scenario's drawn curve is the starting point; else a flat 1x.
        if (const model::TrafficScenario *t = m_document->scenario().traffic(m_trafficSelector->currentText()))
            for (const QList<double> &p : t->points)
                if (p.size() == 2)
                    points.emplace_back(p[0], p[1]);
        if (points.size() < 2)
            points = {{0, 1}, {hours, 1}};
        m_overlay = new CurveOverlay(demandView()->chart(), hours);
        m_overlay->setPoints(std::move(points));
        showDrawWindow();
        demandView()->setHoverValues(false);
        demandView()->setFocus(Qt::ShortcutFocusReason);
    } else if (!on && isDrawing()) {
        delete m_overlay;
        demandView()->setHoverValues(true);
        m_dirty[Demand] = true; // back to the plan horizon
        refresh();
    }
    const QSignalBlocker block(m_drawAction);
    m_drawAction->setChecked(isDrawing());
    m_saveAction->setEnabled(isDrawing());
    m_cancelAction->setEnabled(isDrawing());
}

bool ChartsPanel::saveDrawing(const QString &name, QString *error)
{
    if (!m_overlay) {
        if (error)
            *error = tr("Turn on draw mode and draw a curve first.");
        return false;
    }
    if (!ui::TrafficCurveEditor::saveAsTrafficScenario(m_document, name, m_overlay->points(), error))
        return false;
    m_pendingTraffic = name;
    setDrawing(false);
    return true;
}

void ChartsPanel::saveDrawingInteractively()
{
    if (!m_overlay)
        return;
    const model::TrafficScenario *source = m_document->scenario().traffic(m_trafficSelector->currentText());
    const QString suggestion = source && !source->points.isEmpty() ? source->name : QStringLiteral("drawn");
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Traffic Scenario"),
                                               tr("Name of the traffic scenario (an existing one is redrawn):"),
                                               QLineEdit::Normal, suggestion, &ok)
                             .trimmed();
    if (!ok)
        return;
    QString error;
    if (!saveDrawing(name, &error))
        QMessageBox::warning(this, tr("Save as Traffic Scenario"), error);
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // charts left out while hidden
}

void ChartsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_analysis)
        m_resizeTimer->start();
}

} // namespace headroom::charts
