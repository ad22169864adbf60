#include "ui/panels/scenariotreepanel.h"

#include "ui/document/scenariodocument.h"
#include "ui/models/scenariotreemodel.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace headroom::ui {

ScenarioTreePanel::ScenarioTreePanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_model(new ScenarioTreeModel(document, this)), m_view(new QTreeView(this))
{
    m_view->setObjectName(QStringLiteral("scenarioTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(ScenarioTreeModel::KeyColumn, 280);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &ScenarioTreePanel::rememberState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScenarioTreePanel::restoreState);
    connect(document, &ScenarioDocument::documentReset, this, [this] {
        m_view->collapseAll();
        expandDefault();
        selectPath(QStringLiteral("metadata"));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { emit currentPathChanged(m_model->pathAt(current)); });
    expandDefault();
}

QString ScenarioTreePanel::currentPath() const
{
    return m_model->pathAt(m_view->currentIndex());
}

void ScenarioTreePanel::selectPath(const QString &path)
{
    const QModelIndex index = m_model->indexForPath(path, true);
    if (!index.isValid())
        return;
    m_view->scrollTo(index);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ScenarioTreePanel::expandDefault()
{
    m_view->expand(m_model->indexForPath(QStringLiteral("spec")));
    m_view->expand(m_model->indexForPath(QStringLiteral("spec.tiers")));
}

void ScenarioTreePanel::rememberState()
{
    m_expanded.clear();
    m_current = currentPath();
    const auto visit = [this](const auto &self, const QModelIndex &parent) -> void {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (m_view->isExpanded(index)) {
                m_expanded.insert(m_model->pathAt(index));
                self(self, index);
            }
        }
    };
    visit(visit, QModelIndex());
}

void ScenarioTreePanel::restoreState()
{
    for (const QString &path : std::as_const(m_expanded))
        m_view->expand(m_model->indexForPath(path));
    const QSignalBlocker quiet(m_view->selectionModel()); // the same row again: nothing to announce
    selectPath(m_current);
}

} // namespace headroom::ui
