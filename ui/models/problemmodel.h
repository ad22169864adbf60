#pragma once

#include "core/model/diagnostic.h"

#include <QAbstractTableModel>

namespace headroom::ui {

/// Diagnostics as a table: severity and message, field path, FILE:LINE:COL.
class ProblemModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemModel)
public:
    enum Role { PathRole = Qt::UserRole + 1, LineRole, SortRole };
    enum Column { MessageColumn, FieldColumn, LocationColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setDiagnostics(const model::Diagnostics &diagnostics);
    const model::Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    model::Diagnostics m_diagnostics;
};

} // namespace headroom::ui
