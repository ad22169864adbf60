#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace YAML {
class Node;
}

namespace headroom::ui {

class ScenarioDocument;

/// The scenario as a tree of its YAML structure: mappings and lists are branches, values are
/// leaves. Column 0 is the key (list items are named by their name/id), column 1 the value.
/// Rows are identified by field path ("spec.tiers[1].autoscaling"), available as PathRole.
class ScenarioTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioTreeModel)
public:
    enum Role { PathRole = Qt::UserRole + 1, IsBranchRole };
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    explicit ScenarioTreeModel(ScenarioDocument *document, QObject *parent = nullptr);
    ~ScenarioTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row of `path`, or of its nearest existing ancestor; invalid when none exists.
    QModelIndex indexForPath(const QString &path, bool nearest = false) const;
    QString pathAt(const QModelIndex &index) const;

private:
    struct Node;
    void rebuild();
    /// Follows a new text form of the document: in place when only values changed, else reset.
    void refresh();
    void build(Node *node, const YAML::Node &yaml, QHash<QString, Node *> &byPath);
    static bool sameShape(const Node &a, const Node &b);
    void updateValues(Node *node, const Node &fresh);
    QModelIndex indexOf(const Node *node, int column) const;
    static QString itemLabel(const YAML::Node &item, int index);

    ScenarioDocument *m_document;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_byPath;
};

} // namespace headroom::ui
