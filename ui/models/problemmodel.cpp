#include "ui/models/problemmodel.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace headroom::ui {

void ProblemModel::setDiagnostics(const model::Diagnostics &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int ProblemModel::errorCount() const
{
    return static_cast<int>(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
                                          [](const auto &d) { return d.severity == model::Severity::Error; }));
}

int ProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int ProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_diagnostics.size())
        return {};
    const model::Diagnostic &d = m_diagnostics[index.row()];
    const bool error = d.severity == model::Severity::Error;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn:
            return d.message;
        case FieldColumn:
            return d.fieldPath;
        default: {
            QString where = QFileInfo(d.where.file).fileName();
            if (d.where.line > 0)
                where.append(QStringLiteral(":%1:%2").arg(d.where.line).arg(d.where.column));
            return where;
        }
        }
    case Qt::DecorationRole:
        if (index.column() != MessageColumn)
            return {};
        return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                         : QStyle::SP_MessageBoxWarning);
    case Qt::ToolTipRole:
        return d.toString();
    case PathRole:
        return d.fieldPath;
    case LineRole:
        return d.where.line;
    case SortRole:
        return index.column() == LocationColumn ? QVariant(d.where.line) : data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant ProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MessageColumn:
        return tr("Problem");
    case FieldColumn:
        return tr("Field");
    default:
        return tr("Location");
    }
}

} // namespace headroom::ui
