#pragma once

#include <QSet>
#include <QString>
#include <QWidget>

class QTreeView;

namespace headroom::ui {

class ScenarioDocument;
class ScenarioTreeModel;

/// The scenario tree: navigation over every mapping, list and value. Keeps the expanded rows
/// and the current row (by path) when the document changes.
class ScenarioTreePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioTreePanel)
public:
    explicit ScenarioTreePanel(ScenarioDocument *document, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    ScenarioTreeModel *model() const { return m_model; }
    QString currentPath() const;
    /// Makes the row of `path` (or its nearest ancestor) current and visible.
    void selectPath(const QString &path);
    void expandDefault();

signals:
    void currentPathChanged(const QString &path);

private:
    void rememberState();
    void restoreState();

    ScenarioTreeModel *m_model;
    QTreeView *m_view;
    QSet<QString> m_expanded;
    QString m_current;
};

} // namespace headroom::ui
