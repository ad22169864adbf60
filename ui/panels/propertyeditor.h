#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QTableView;

namespace headroom::ui {

class PropertyModel;
class ScenarioDocument;

/// Edits the values of one mapping of the scenario. Shown for a tree path: a mapping shows its
/// own fields, a value shows its mapping with the value's row selected.
class PropertyEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyEditor)
public:
    explicit PropertyEditor(ScenarioDocument *document, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    PropertyModel *model() const { return m_model; }
    /// Shows the fields around `path` and selects its row when it is a field.
    void showPath(const QString &path);
    /// The field path of the current row, or empty.
    QString currentField() const;

private:
    void showRejection(const QString &path, const QString &reason);

    ScenarioDocument *m_document;
    PropertyModel *m_model;
    QLabel *m_title;
    QTableView *m_view;
    QLabel *m_message;
};

} // namespace headroom::ui
