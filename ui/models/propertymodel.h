#pragma once

#include "core/model/yamlio.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace headroom::ui {

class ScenarioDocument;

/// The editable fields directly inside one mapping of the scenario (a "container" path such as
/// "spec.tiers[1].autoscaling"), in schema order, including optional fields that are not set.
/// Column 1 edits through ScenarioDocument::editField(), so every change is validated and undoable.
class PropertyModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyModel)
public:
    enum Role { PathRole = Qt::UserRole + 1 };
    enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit PropertyModel(ScenarioDocument *document, QObject *parent = nullptr);

    /// Shows the fields of the mapping at `path` ("" = the document root).
    void setContainer(const QString &path);
    const QString &container() const { return m_container; }
    /// The row of a field path, or -1.
    int rowOf(const QString &fieldPath) const { return static_cast<int>(m_paths.indexOf(fieldPath)); }
    QString pathAt(int row) const { return m_paths.value(row); }
    model::FieldInfo fieldAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "whole number, 1 to 100", "duration", "one of: ..." — what a field accepts.
    static QString describeKind(const model::FieldInfo &info);

private:
    void reload();
    QString toolTip(int row) const;

    ScenarioDocument *m_document;
    QString m_container;
    QStringList m_paths;
};

} // namespace headroom::ui
