#include "ui/mainwindow.h"

#include "core/model/scenarioio.h"

#include <QLabel>

namespace headroom::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    const model::Scenario scenario = model::defaultScenario();
    setWindowTitle(tr("%1 — Headroom").arg(scenario.metadata.name));
    setCentralWidget(new QLabel(scenario.metadata.name, this));
    resize(1280, 800);
}

} // namespace headroom::ui
