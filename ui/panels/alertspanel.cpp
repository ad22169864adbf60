#include "ui/panels/alertspanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace headroom::ui {

namespace {

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

QString timeText(qint64 ms, qint64 startMs)
{
    if (ms < 0)
        return AlertsPanel::tr("open");
    const qint64 s = (ms - startMs) / 1000;
    return QStringLiteral("+%1:%2").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

QColor verdictColour(alerting::SloVerdict v)
{
    switch (v) {
    case alerting::SloVerdict::Pass: return QColor(0x2e, 0x9d, 0x4f);
    case alerting::SloVerdict::Fail: return QColor(0xd0, 0x3b, 0x3b);
    case alerting::SloVerdict::NotExercised: return QColor(0xc2, 0x8a, 0x12);
    case alerting::SloVerdict::NotMeasurable: break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString comparisonText(model::Comparison c)
{
    switch (c) {
    case model::Comparison::Less: return QStringLiteral("<");
    case model::Comparison::LessOrEqual: return QStringLiteral("≤");
    case model::Comparison::Greater: return QStringLiteral(">");
    case model::Comparison::GreaterOrEqual: return QStringLiteral("≥");
    case model::Comparison::Within: return QStringLiteral("≈");
    }
    return {};
}

} // namespace

AlertsPanel::AlertsPanel(AnalysisRunner *runner, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *form = new QFormLayout;
    m_traffic = new QComboBox(this);
    m_traffic->setObjectName(QStringLiteral("alertsTraffic"));
    form->addRow(tr("Traffic scenario:"), m_traffic);
    layout->addLayout(form);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_alerts = table({tr("Alert"), tr("Labels"), tr("State"), tr("From"), tr("To"), tr("Max value")}, split);
    m_alerts->setObjectName(QStringLiteral("alertPeriods"));
    m_alerts->setToolTip(tr("When each alert rule of the scenario was pending or firing over the simulation; "
                            "times are hours:minutes from its start"));
    m_slos = table({tr("Success metric"), tr("Verdict"), tr("Value"), tr("Target"), tr("How it was measured")}, split);
    m_slos->setObjectName(QStringLiteral("sloVerdicts"));
    split->addWidget(m_alerts);
    split->addWidget(m_slos);
    layout->addWidget(split, 1);
    connect(m_traffic, &QComboBox::currentIndexChanged, this, &AlertsPanel::showOutcome);
    connect(runner, &AnalysisRunner::analysisReady, this, &AlertsPanel::showAnalysis);
    if (runner->latest())
        showAnalysis(runner->latest());
}

void AlertsPanel::showAnalysis(const AnalysisPtr &analysis)
{
    m_analysis = analysis;
    {
        const QSignalBlocker block(m_traffic);
        const QString current = m_traffic->currentText();
        m_traffic->clear();
        if (analysis) {
            for (const analysis::TrafficOutcome &o : analysis->traffic)
                m_traffic->addItem(o.name);
        }
        m_traffic->setCurrentIndex(std::max(0, m_traffic->findText(current)));
    }
    showOutcome();
}

void AlertsPanel::showOutcome()
{
    const analysis::TrafficOutcome *o = m_analysis ? m_analysis->outcome(m_traffic->currentText()) : nullptr;
    const QLocale locale;
    m_alerts->setRowCount(o ? int(o->alerts.periods.size()) : 0);
    m_slos->setRowCount(o ? int(o->slos.size()) : 0);
    if (!o)
        return;
    const qint64 start = o->simulation.startMs;
    int row = 0;
    for (const alerting::AlertPeriod &p : o->alerts.periods) {
        QStringList labels;
        for (auto it = p.labels.cbegin(); it != p.labels.cend(); ++it) {
            if (it.key() != u"alertname")
                labels.append(QStringLiteral("%1=%2").arg(it.key(), it.value()));
        }
        auto *alert = new QTableWidgetItem(p.alert);
        alert->setToolTip(p.annotations.value(QStringLiteral("description"), p.annotations.value(QStringLiteral("summary"))));
        m_alerts->setItem(row, 0, alert);
        m_alerts->setItem(row, 1, new QTableWidgetItem(labels.join(QStringLiteral(", "))));
        auto *state = new QTableWidgetItem(alerting::alertStateName(p.state));
        state->setForeground(p.state == alerting::AlertState::Firing ? QColor(0xd0, 0x3b, 0x3b) : QColor(0xc2, 0x8a, 0x12));
        m_alerts->setItem(row, 2, state);
        m_alerts->setItem(row, 3, new QTableWidgetItem(timeText(p.startMs, start)));
        m_alerts->setItem(row, 4, new QTableWidgetItem(timeText(p.endMs, start)));
        m_alerts->setItem(row, 5, new QTableWidgetItem(locale.toString(p.maxValue, 'g', 6)));
        ++row;
    }
    row = 0;
    for (const alerting::SloResult &r : o->slos) {
        auto *name = new QTableWidgetItem(r.metric.name.isEmpty() ? r.metric.id : r.metric.name);
        name->setToolTip(r.metric.indicator);
        m_slos->setItem(row, 0, name);
        auto *verdict = new QTableWidgetItem(alerting::sloVerdictName(r.verdict));
        verdict->setForeground(Qt::white);
        verdict->setBackground(verdictColour(r.verdict));
        verdict->setToolTip(r.note);
        m_slos->setItem(row, 1, verdict);
        const QString value = r.value ? QStringLiteral("%1 %2").arg(locale.toString(*r.value, 'g', 4), r.metric.unit)
                                      : tr("–");
        m_slos->setItem(row, 2, new QTableWidgetItem(value));
        m_slos->setItem(row, 3, new QTableWidgetItem(QStringLiteral("%1 %2 %3").arg(
                                    comparisonText(r.metric.comparison), locale.toString(r.metric.target, 'g', 6),
                                    r.metric.unit)));
        auto *note = new QTableWidgetItem(r.note);
        note->setToolTip(r.note);
        m_slos->setItem(row, 4, note);
        ++row;
    }
}

} // namespace headroom::ui
