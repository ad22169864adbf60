#pragma once

#include <QWidget>

class QTreeView;

namespace headroom::ui {

class ProblemModel;

/// The Problems dock: errors and warnings of the document and of files that failed to open.
/// Selecting or activating a row announces its field so the window can jump there.
class ProblemsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPanel)
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    ProblemModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

signals:
    void fieldSelected(const QString &path);

private:
    ProblemModel *m_model;
    QTreeView *m_view;
};

} // namespace headroom::ui
