#include "ui/canvas/topologycanvas.h"

#include "ui/canvas/canvasview.h"
#include "ui/canvas/clusterscene.h"
#include "ui/canvas/topologynodeitem.h"
#include "ui/canvas/topologyscene.h"
#include "ui/canvas/utilizationlegend.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace headroom::ui {

TopologyCanvas::TopologyCanvas(QWidget *parent)
    : QWidget(parent), m_view(new CanvasView(this)), m_scene(new TopologyScene(this)), m_cluster(new ClusterScene(this))
{
    setObjectName(QStringLiteral("topologyCanvas"));
    m_view->setScene(m_scene);
    createBar();
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(m_view, 1);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &TopologyCanvas::onSelectionChanged);
}

TopologyCanvas::~TopologyCanvas()
{
    m_scene->disconnect(this);
}

void TopologyCanvas::createBar()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    const auto modeButton = [this](const QString &text, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setCheckable(true);
        button->setAutoRaise(true);
        return button;
    };
    m_servicesButton = modeButton(tr("Services"), tr("The scenario's topology: balancers, regions, tiers, caches, "
                                                     "Redis and databases with live figures"));
    m_clusterButton = modeButton(tr("Cluster"), tr("The imported cluster: nodes by region and zone, pods as dots "
                                                   "coloured by workload"));
    m_servicesButton->setChecked(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_servicesButton);
    modes->addButton(m_clusterButton);
    connect(m_servicesButton, &QToolButton::clicked, this, &TopologyCanvas::showServices);
    connect(m_clusterButton, &QToolButton::clicked, this, &TopologyCanvas::showCluster);
    bar->addWidget(m_servicesButton);
    bar->addWidget(m_clusterButton);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Traffic:"), this));
    m_traffic = new QComboBox(this);
    m_traffic->setObjectName(QStringLiteral("canvasTraffic"));
    m_traffic->setToolTip(tr("The simulated traffic scenario whose figures the tiers and the proxy show"));
    bar->addWidget(m_traffic);
    m_peak = new QToolButton(this);
    m_peak->setText(tr("Peak"));
    m_peak->setCheckable(true);
    m_peak->setChecked(true);
    m_peak->setToolTip(tr("Show the moment with the most ready replicas; uncheck to choose a time with the slider"));
    bar->addWidget(m_peak);
    m_time = new QSlider(Qt::Horizontal, this);
    m_time->setObjectName(QStringLiteral("canvasTime"));
    m_time->setToolTip(tr("Time of the simulated day the figures show"));
    m_time->setEnabled(false);
    bar->addWidget(m_time, 1);
    m_momentLabel = new QLabel(this);
    bar->addWidget(m_momentLabel);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show everything (F, Ctrl+0)"));
    fit->setAutoRaise(true);
    connect(fit, &QToolButton::clicked, m_view, &CanvasView::fitAll);
    bar->addWidget(fit);
    bar->addWidget(new UtilizationLegend(this));
    layout->addLayout(bar);

    connect(m_traffic, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_syncing || index < 0)
            return;
        setMoment({index, m_peak->isChecked() ? -1 : m_time->value()});
        emit trafficChosen(m_traffic->itemText(index));
    });
    connect(m_peak, &QToolButton::toggled, this, [this](bool peak) {
        m_time->setEnabled(!peak);
        if (!m_syncing)
            setMoment({m_moment.traffic, peak ? -1 : m_time->value()});
    });
    connect(m_time, &QSlider::valueChanged, this, [this](int tick) {
        if (!m_syncing && !m_peak->isChecked())
            setMoment({m_moment.traffic, tick});
    });
}

bool TopologyCanvas::isShowingCluster() const
{
    return m_view->scene() == m_cluster;
}

void TopologyCanvas::showAnalysis(const model::Scenario &scenario, const AnalysisPtr &analysis)
{
    m_scenario = scenario;
    m_analysis = analysis;
    m_preview.reset();
    followStructure(scenario);
    updateTrafficChoices();
    refreshFigures();
}

void TopologyCanvas::followStructure(const model::Scenario &scenario)
{
    const QRectF frame = m_scene->sceneRect();
    if (!m_scene->setScenario(scenario) || isShowingCluster())
        return;
    // A structure change within the same frame keeps the view (and so repaints only what moved).
    if (!m_fitted || (isVisible() && m_scene->sceneRect() != frame)) {
        m_view->fitAll();
        m_fitted = true;
    }
}

void TopologyCanvas::showPreview(const model::Scenario &scenario, const AnalysisPtr &preview)
{
    if (!m_analysis) {
        showAnalysis(scenario, preview);
        return;
    }
    if (!preview || !preview->outcome(m_traffic->currentText()))
        return; // the complete analysis brings the shown scenario
    m_scenario = scenario;
    m_preview = preview;
    followStructure(scenario);
    refreshFigures();
}

void TopologyCanvas::showScenario(const model::Scenario &scenario)
{
    m_scenario = scenario;
    followStructure(scenario);
}

void TopologyCanvas::updateTrafficChoices()
{
    QStringList names;
    if (m_analysis)
        for (const analysis::TrafficOutcome &outcome : m_analysis->traffic)
            names.append(outcome.name);
    QStringList current;
    for (int i = 0; i < m_traffic->count(); ++i)
        current.append(m_traffic->itemText(i));
    m_syncing = true;
    if (names != current) {
        const QString previous = m_traffic->currentText();
        m_traffic->clear();
        m_traffic->addItems(names);
        m_moment.traffic = std::max<int>(0, int(names.indexOf(previous)));
        m_traffic->setCurrentIndex(m_moment.traffic);
    }
    const int ticks = m_analysis && m_moment.traffic < int(m_analysis->traffic.size())
                          ? m_analysis->traffic[size_t(m_moment.traffic)].simulation.ticks
                          : 0;
    m_time->setRange(0, std::max(0, ticks - 1));
    m_syncing = false;
}

void TopologyCanvas::setMoment(FigureMoment moment)
{
    m_moment = moment;
    m_syncing = true;
    if (m_traffic->currentIndex() != moment.traffic && moment.traffic < m_traffic->count())
        m_traffic->setCurrentIndex(moment.traffic);
    m_peak->setChecked(moment.tick < 0);
    m_syncing = false;
    updateTrafficChoices();
    if (moment.tick >= 0) {
        m_syncing = true;
        m_time->setValue(moment.tick);
        m_syncing = false;
    }
    refreshFigures();
}

void TopologyCanvas::refreshFigures()
{
    if (!m_analysis)
        return;
    // the preview while it has the shown traffic scenario, at the same moment
    const analysis::ScenarioAnalysis *shown = m_analysis.get();
    FigureMoment moment = m_moment;
    if (const int inPreview = m_preview ? m_preview->outcomeIndex(m_traffic->currentText()) : -1; inPreview >= 0) {
        shown = m_preview.get();
        moment.traffic = inPreview;
    }
    const TopologyFigures figures = topologyFigures(m_scenario, *shown, moment);
    m_scene->setFigures(figures);
    m_momentLabel->setText(figures.moment);
    if (figures.tick >= 0 && m_moment.tick < 0) {
        m_syncing = true;
        m_time->setValue(figures.tick);
        m_syncing = false;
    }
}

void TopologyCanvas::setClusterMap(const ClusterMap &map)
{
    m_cluster->setMap(map);
    showCluster();
}

void TopologyCanvas::showServices()
{
    m_servicesButton->setChecked(true);
    if (m_view->scene() != m_scene) {
        m_view->setScene(m_scene);
        m_view->fitAll();
    }
}

void TopologyCanvas::showCluster()
{
    m_clusterButton->setChecked(true);
    if (m_view->scene() != m_cluster) {
        m_view->setScene(m_cluster);
        m_view->fitAll();
    }
}

void TopologyCanvas::highlightPath(const QString &path)
{
    TopologyNodeItem *node = m_scene->nodeForPath(path);
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    if (node && selected.size() == 1 && selected.first()->type() == TopologyNodeItem::Type &&
        static_cast<TopologyNodeItem *>(selected.first())->path() == node->path())
        return; // several nodes share a path (a Redis cluster): keep the one the user picked
    m_syncing = true;
    m_scene->clearSelection();
    if (node) {
        node->setSelected(true);
        if (!isShowingCluster())
            m_view->ensureVisible(node, 40, 40);
    }
    m_syncing = false;
}

void TopologyCanvas::onSelectionChanged()
{
    if (m_syncing)
        return;
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    if (selected.size() != 1 || selected.first()->type() != TopologyNodeItem::Type)
        return;
    emit fieldSelected(static_cast<TopologyNodeItem *>(selected.first())->path());
}

} // namespace headroom::ui
