#pragma once
// What the console's frame benchmarks share: CPU clocks, counting and draining the paints of
// shown views, and the analyses before and after one what-if lever step.

#include "core/model/scenarioio.h"
#include "ui/document/analysisrunner.h"
#include "ui/document/scenariodocument.h"
#include "ui/panels/whatifpanel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QSlider>
#include <QWidget>

#include <algorithm>
#include <ctime>

namespace headroom::bench {

/// The levers the frame benchmarks move, by their first argument.
inline const char *const leverKeys[] = {ui::WhatIfPanel::maxReplicasLever, ui::WhatIfPanel::cpuTargetLever,
                                        ui::WhatIfPanel::growthLever,      ui::WhatIfPanel::spikeFactorLever,
                                        ui::WhatIfPanel::spotLever,        ui::WhatIfPanel::shardsLever,
                                        ui::WhatIfPanel::hitRatioLever};

inline double cpuMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}
/// CPU time of every thread of the process, milliseconds.
inline double processCpuMs()
{
    return cpuMs(CLOCK_PROCESS_CPUTIME_ID);
}
/// CPU time of the calling thread, milliseconds.
inline double threadCpuMs()
{
    return cpuMs(CLOCK_THREAD_CPUTIME_ID);
}

/// Counts the paint events of the watched widgets.
class PaintCounter final : public QObject {
public:
    void watch(QWidget *widget) { widget->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

/// Runs the event loop's pending work (queued scene updates, update requests, paints) until a pass
/// paints nothing more.
inline void drainPaints(const PaintCounter &paints)
{
    int before = -1;
    while (before != paints.count) {
        before = paints.count;
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

/// The scenario and complete analysis before and after one what-if lever moved by a tenth of its
/// range, as the console's runner computes them (the spike-10x traffic scenario).
struct LeverStep {
    model::Scenario scenario[2];
    ui::AnalysisPtr analysis[2];
};

inline LeverStep leverStep(const QString &lever)
{
    using namespace Qt::StringLiterals;
    ui::ScenarioDocument doc;
    doc.reset(model::defaultScenario(), QString());
    ui::AnalysisRunner runner(&doc);
    runner.setDebounceMs(0);
    ui::WhatIfPanel whatIf(&doc, &runner);
    ui::AnalysisPtr latest;
    QObject::connect(&runner, &ui::AnalysisRunner::analysisReady, &runner,
                     [&](const ui::AnalysisPtr &analysis, double) { latest = analysis; });
    const auto waitReady = [&] {
        latest.reset();
        while (!latest)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    };
    analysis::AnalysisOptions options;
    options.traffic = QStringList{u"spike-10x"_s};
    runner.setOptions(options);
    waitReady();
    LeverStep step;
    step.scenario[0] = doc.scenario();
    step.analysis[0] = latest;
    QSlider *slider = whatIf.slider(lever);
    const int range = std::max(1, (slider->maximum() - slider->minimum()) / 10);
    slider->setValue(slider->value() + range <= slider->maximum() ? slider->value() + range : slider->value() - range);
    waitReady();
    step.scenario[1] = doc.scenario();
    step.analysis[1] = latest;
    return step;
}

} // namespace headroom::bench
