#include "ui/panels/problemspanel.h"

#include "ui/models/problemmodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace headroom::ui {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent), m_model(new ProblemModel(this)), m_view(new QTreeView(this))
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ProblemModel::SortRole);
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProblemModel::LocationColumn, Qt::AscendingOrder);
    m_view->header()->resizeSection(ProblemModel::MessageColumn, 520);
    m_view->header()->resizeSection(ProblemModel::FieldColumn, 300);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    const auto announce = [this](const QModelIndex &index) {
        const QString path = index.data(ProblemModel::PathRole).toString();
        if (index.isValid())
            emit fieldSelected(path);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, announce);
    connect(m_view, &QTreeView::activated, this, announce);
}

} // namespace headroom::ui
