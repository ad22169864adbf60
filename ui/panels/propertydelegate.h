#pragma once

#include <QStyledItemDelegate>

namespace headroom::ui {

/// Editors for PropertyModel values chosen by field kind: spin boxes bounded by the schema for
/// numbers, a combo box for enums, a line edit that flags invalid durations, sizes, quantities
/// and amounts while typing. Booleans are check boxes of the model and need no editor.
class PropertyDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace headroom::ui
