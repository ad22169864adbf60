#include "ui/models/propertymodel.h"

#include "core/model/scenariopath.h"
#include "ui/document/scenariodocument.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace headroom::ui {

namespace {

using model::FieldKind;

bool isEditable(FieldKind kind)
{
    return kind != FieldKind::Object && kind != FieldKind::List;
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

PropertyModel::PropertyModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    // the fields and their texts come from the document's text form, which follows an edit
    connect(document, &ScenarioDocument::textChanged, this, &PropertyModel::reload);
}

void PropertyModel::setContainer(const QString &path)
{
    m_container = path;
    reload();
}

void PropertyModel::reload()
{
    const QString prefix = m_container.isEmpty() ? QString() : m_container + u'.';
    const auto &fields = m_document->fields();
    QStringList paths;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QString &path = it.key();
        if (!path.startsWith(prefix) || !isEditable(it->kind))
            continue;
        const QStringView rest = QStringView(path).mid(prefix.size());
        if (!rest.contains(u'.') && !rest.contains(u'['))
            paths << path;
    }
    std::sort(paths.begin(), paths.end(), [this](const QString &a, const QString &b) {
        return m_document->fieldRank(a) < m_document->fieldRank(b);
    });
    if (paths == m_paths) {
        if (!m_paths.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_paths = paths;
    endResetModel();
}

model::FieldInfo PropertyModel::fieldAt(int row) const
{
    return m_document->fields().value(m_paths.value(row));
}

int PropertyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_paths.size());
}

int PropertyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PropertyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_paths.size())
        return {};
    const QString &path = m_paths[index.row()];
    const model::FieldInfo info = fieldAt(index.row());
    const QString text = m_document->fieldText(path);
    const bool isBool = info.kind == FieldKind::Bool;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return model::fieldPathLeaf(path);
        if (index.column() == TypeColumn)
            return describeKind(info);
        if (isBool)
            return {};
        return text.isEmpty() && info.optional ? tr("(not set)") : text;
    case Qt::EditRole:
        return index.column() == ValueColumn ? text : QVariant();
    case Qt::CheckStateRole:
        if (index.column() == ValueColumn && isBool)
            return text == u"true" ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == TypeColumn || (index.column() == ValueColumn && text.isEmpty()))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (index.column() == ValueColumn && text.isEmpty()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(index.row());
    case PathRole:
        return path;
    default:
        return {};
    }
}

bool PropertyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != ValueColumn)
        return false;
    QString text;
    if (role == Qt::CheckStateRole)
        text = value.value<Qt::CheckState>() == Qt::Checked ? QStringLiteral("true") : QStringLiteral("false");
    else if (role == Qt::EditRole)
        text = value.toString();
    else
        return false;
    return m_document->editField(m_paths[index.row()], text);
}

Qt::ItemFlags PropertyModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() != ValueColumn)
        return f;
    if (fieldAt(index.row()).kind == FieldKind::Bool)
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

QVariant PropertyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Property");
    case ValueColumn:
        return tr("Value");
    default:
        return tr("Accepts");
    }
}

QString PropertyModel::toolTip(int row) const
{
    const model::FieldInfo info = fieldAt(row);
    QString tip = QStringLiteral("<b>%1</b>").arg(m_paths[row].toHtmlEscaped());
    if (info.options.help)
        tip.append(QStringLiteral("<br>%1").arg(QString::fromUtf8(info.options.help).toHtmlEscaped()));
    tip.append(QStringLiteral("<br><i>%1</i>").arg(describeKind(info).toHtmlEscaped()));
    if (info.optional)
        tip.append(QStringLiteral("<br>%1").arg(tr("Optional: clear the value to remove it.")));
    return tip;
}

QString PropertyModel::describeKind(const model::FieldInfo &info)
{
    const auto &o = info.options;
    QString range;
    if (o.min && o.max)
        range = tr("%1 to %2").arg(number(*o.min), number(*o.max));
    else if (o.min)
        range = tr("at least %1").arg(number(*o.min));
    else if (o.max)
        range = tr("at most %1").arg(number(*o.max));
    const auto withRange = [&range](const QString &kind) {
        return range.isEmpty() ? kind : tr("%1, %2").arg(kind, range);
    };
    switch (info.kind) {
    case FieldKind::Int:
        return withRange(tr("whole number"));
    case FieldKind::Double:
        return withRange(tr("number"));
    case FieldKind::Percent:
        return tr("percent, %1").arg(range);
    case FieldKind::Bool:
        return tr("yes or no");
    case FieldKind::Duration:
        return tr("duration (30s, 5m, 1h30m)");
    case FieldKind::Bytes:
        return tr("size (512MiB, 64GB)");
    case FieldKind::Quantity:
        return tr("quantity (500m, 2, 4Gi)");
    case FieldKind::Money:
        return withRange(tr("amount (0.20 USD)"));
    case FieldKind::Enum:
        return tr("one of: %1").arg(info.enumValues.join(QStringLiteral(", ")));
    case FieldKind::StringList:
        return tr("list ([a, b])");
    case FieldKind::StringMap:
        return tr("map ({key: value})");
    case FieldKind::Matrix:
        return tr("pairs ([[0, 1], [2, 3]])");
    default:
        return tr("text");
    }
}

} // namespace headroom::ui
