#include "ui/models/scenariotreemodel.h"

#include "core/model/scenariopath.h"
#include "ui/document/scenariodocument.h"

#include <yaml-cpp/yaml.h>

#include <QFont>

namespace headroom::ui {

struct ScenarioTreeModel::Node {
    enum class Type { Map, List, Scalar };
    QString label;
    QString path;
    QString value;
    Type type = Type::Map;
    int row = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(QString childLabel, QString childPath)
    {
        auto child = std::make_unique<Node>();
        child->label = std::move(childLabel);
        child->path = std::move(childPath);
        child->row = static_cast<int>(children.size());
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

ScenarioTreeModel::ScenarioTreeModel(ScenarioDocument *document, QObject *parent)
    : QAbstractItemModel(parent), m_document(document)
{
    rebuild();
    connect(document, &ScenarioDocument::textChanged, this, &ScenarioTreeModel::refresh);
}

void ScenarioTreeModel::refresh()
{
    auto fresh = std::make_unique<Node>();
    QHash<QString, Node *> byPath;
    build(fresh.get(), m_document->yaml(), byPath);
    // Same rows (the usual edit changes values only): update the changed cells in place, so
    // views keep their expansion, selection and scroll position.
    if (m_root && sameShape(*m_root, *fresh)) {
        updateValues(m_root.get(), *fresh);
        return;
    }
    beginResetModel();
    m_root = std::move(fresh);
    m_byPath = std::move(byPath);
    endResetModel();
}

bool ScenarioTreeModel::sameShape(const Node &a, const Node &b)
{
    if (a.path != b.path || a.type != b.type || a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!sameShape(*a.children[i], *b.children[i]))
            return false;
    }
    return true;
}

void ScenarioTreeModel::updateValues(Node *node, const Node &fresh)
{
    if (node->label != fresh.label || node->value != fresh.value) {
        node->label = fresh.label;
        node->value = fresh.value;
        emit dataChanged(indexOf(node, KeyColumn), indexOf(node, ValueColumn));
    }
    for (std::size_t i = 0; i < node->children.size(); ++i)
        updateValues(node->children[i].get(), *fresh.children[i]);
}

ScenarioTreeModel::~ScenarioTreeModel() = default;

void ScenarioTreeModel::rebuild()
{
    m_byPath.clear();
    m_root = std::make_unique<Node>();
    build(m_root.get(), m_document->yaml(), m_byPath);
}

void ScenarioTreeModel::build(Node *node, const YAML::Node &yaml, QHash<QString, Node *> &byPath)
{
    byPath.insert(node->path, node);
    if (yaml.IsMap()) {
        node->type = Node::Type::Map;
        for (auto it = yaml.begin(); it != yaml.end(); ++it) {
            const QString key = model::scalarText(it->first);
            build(node->add(key, node->path.isEmpty() ? key : node->path + u'.' + key), it->second, byPath);
        }
    } else if (yaml.IsSequence()) {
        node->type = Node::Type::List;
        node->value = tr("%n item(s)", nullptr, static_cast<int>(yaml.size()));
        for (std::size_t i = 0; i < yaml.size(); ++i) {
            const QString path = node->path + u'[' + QString::number(i) + u']';
            build(node->add(itemLabel(yaml[i], static_cast<int>(i)), path), yaml[i], byPath);
        }
    } else {
        node->type = Node::Type::Scalar;
        node->value = yaml.IsScalar() ? model::scalarText(yaml) : QString();
    }
}

QString ScenarioTreeModel::itemLabel(const YAML::Node &item, int index)
{
    if (item.IsMap()) {
        for (const char *key : {"name", "id", "alert", "level", "type"}) {
            const YAML::Node value = item[key];
            if (value.IsDefined() && value.IsScalar() && !value.Scalar().empty())
                return std::string_view(key) == "level" ? tr("Level %1").arg(model::scalarText(value))
                                                        : model::scalarText(value);
        }
    }
    if (item.IsScalar())
        return model::scalarText(item);
    return QStringLiteral("[%1]").arg(index);
}

QModelIndex ScenarioTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *p = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex ScenarioTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = static_cast<const Node *>(child.internalPointer());
    return node->parent == m_root.get() ? QModelIndex() : indexOf(node->parent, 0);
}

int ScenarioTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return static_cast<int>(p->children.size());
}

int ScenarioTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ScenarioTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = static_cast<const Node *>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == KeyColumn ? node->label : node->value;
    case Qt::ToolTipRole:
        return node->path;
    case Qt::FontRole:
        if (index.column() == KeyColumn && node->type != Node::Type::Scalar) {
            QFont bold;
            bold.setBold(node->parent == m_root.get());
            return bold;
        }
        return {};
    case PathRole:
        return node->path;
    case IsBranchRole:
        return node->type != Node::Type::Scalar;
    default:
        return {};
    }
}

QVariant ScenarioTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Field") : tr("Value");
}

QModelIndex ScenarioTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex ScenarioTreeModel::indexForPath(const QString &path, bool nearest) const
{
    QString p = path;
    while (!p.isEmpty()) {
        if (const Node *node = m_byPath.value(p))
            return indexOf(node, 0);
        if (!nearest)
            return {};
        p = model::parentFieldPath(p);
    }
    return {};
}

QString ScenarioTreeModel::pathAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer())->path : QString();
}

} // namespace headroom::ui
