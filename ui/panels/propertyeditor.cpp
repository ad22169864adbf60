#include "ui/panels/propertyeditor.h"

#include "core/model/scenariopath.h"
#include "ui/document/scenariodocument.h"
#include "ui/models/propertymodel.h"
#include "ui/panels/propertydelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom::ui {

namespace {

bool isEditableField(const ScenarioDocument *document, const QString &path)
{
    const auto it = document->fields().constFind(path);
    return it != document->fields().cend() && it->kind != model::FieldKind::Object &&
           it->kind != model::FieldKind::List;
}

} // namespace

PropertyEditor::PropertyEditor(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new PropertyModel(document, this)), m_title(new QLabel(this)),
      m_view(new QTableView(this)), m_message(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("propertyTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PropertyDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(PropertyModel::NameColumn, 210);
    m_view->horizontalHeader()->resizeSection(PropertyModel::ValueColumn, 280);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setContentsMargins(4, 2, 4, 2);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
    layout->addWidget(m_message);

    connect(document, &ScenarioDocument::editRejected, this, &PropertyEditor::showRejection);
    connect(document, &ScenarioDocument::scenarioChanged, m_message, &QLabel::hide);
    showPath(QString());
}

void PropertyEditor::showPath(const QString &path)
{
    // A value inside an editable list or map field ("customMetrics[1]") belongs to that field.
    QString field = path;
    while (!field.isEmpty() && !m_document->fields().contains(field))
        field = model::parentFieldPath(field);
    const bool isField = isEditableField(m_document, field);
    const QString container = isField ? model::parentFieldPath(field) : path;
    if (container != m_model->container())
        m_model->setContainer(container);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(container.isEmpty() ? tr("Scenario") : container.toHtmlEscaped()));
    const int row = isField ? m_model->rowOf(field) : -1;
    m_view->clearSelection();
    if (row >= 0)
        m_view->selectRow(row);
    // Keyboard focus lands on the first value, without marking it as the field that was asked for.
    m_view->selectionModel()->setCurrentIndex(m_model->index(std::max(row, 0), PropertyModel::ValueColumn),
                                              row >= 0 ? QItemSelectionModel::Current : QItemSelectionModel::NoUpdate);
}

QString PropertyEditor::currentField() const
{
    return m_model->pathAt(m_view->currentIndex().row());
}

void PropertyEditor::showRejection(const QString &path, const QString &reason)
{
    m_message->setText(tr("Not changed: %1: %2").arg(path, reason));
    m_message->show();
}

} // namespace headroom::ui
