#include "ui/panels/propertydelegate.h"

#include "core/model/scenariopath.h"
#include "ui/models/propertymodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>

#include <climits>
#include <limits>

namespace headroom::ui {

namespace {

using model::FieldKind;

/// A double spin box that shows the shortest exact spelling (0.15, 100000) instead of fixed decimals.
class CompactDoubleSpinBox final : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        return locale().toString(value, 'g', QLocale::FloatingPointShortest);
    }
    double valueFromText(const QString &text) const override { return locale().toDouble(text); }
    QValidator::State validate(QString &text, int &) const override
    {
        if (text.isEmpty() || text == locale().negativeSign())
            return QValidator::Intermediate;
        bool ok = false;
        const double v = locale().toDouble(text, &ok);
        if (!ok)
            return QValidator::Invalid;
        return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    }
};

QWidget *intEditor(QWidget *parent, const model::FieldInfo &info)
{
    auto *spin = new QSpinBox(parent);
    const int lo = info.options.min ? static_cast<int>(*info.options.min) : INT_MIN + 1;
    spin->setRange(info.optional ? lo - 1 : lo, info.options.max ? static_cast<int>(*info.options.max) : INT_MAX);
    if (info.optional)
        spin->setSpecialValueText(PropertyModel::tr("(not set)"));
    spin->setAccelerated(true);
    return spin;
}

QWidget *doubleEditor(QWidget *parent, const model::FieldInfo &info)
{
    auto *spin = new CompactDoubleSpinBox(parent);
    spin->setDecimals(9);
    const double lo = info.options.min.value_or(-1e15);
    spin->setRange(lo, info.options.max.value_or(1e15));
    if (info.kind == FieldKind::Percent)
        spin->setSuffix(QStringLiteral(" %"));
    return spin;
}

QWidget *enumEditor(QWidget *parent, const model::FieldInfo &info)
{
    auto *combo = new QComboBox(parent);
    if (info.optional)
        combo->addItem(PropertyModel::tr("(not set)"), QString());
    for (const QString &value : info.enumValues)
        combo->addItem(value, value);
    return combo;
}

QWidget *textEditor(QWidget *parent, const model::FieldInfo &info)
{
    auto *edit = new QLineEdit(parent);
    edit->setClearButtonEnabled(info.optional);
    QObject::connect(edit, &QLineEdit::textChanged, edit, [edit, info](const QString &text) {
        const QString why = model::checkFieldText(info, text);
        edit->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("QLineEdit { color: #c0392b; }"));
        edit->setToolTip(why);
    });
    return edit;
}

} // namespace

QWidget *PropertyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const auto *properties = qobject_cast<const PropertyModel *>(index.model());
    if (!properties || index.column() != PropertyModel::ValueColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const model::FieldInfo info = properties->fieldAt(index.row());
    QWidget *editor = nullptr;
    switch (info.kind) {
    case FieldKind::Int:
        editor = intEditor(parent, info);
        break;
    case FieldKind::Double:
    case FieldKind::Percent:
        editor = doubleEditor(parent, info);
        break;
    case FieldKind::Enum:
        editor = enumEditor(parent, info);
        break;
    default:
        editor = textEditor(parent, info);
        break;
    }
    editor->setAutoFillBackground(true);
    return editor;
}

void PropertyDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString text = index.data(Qt::EditRole).toString();
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(text.isEmpty() ? spin->minimum() : text.toInt());
    else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
        dspin->setValue(QString(text).remove(u'%').trimmed().toDouble());
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(std::max(0, combo->findData(text)));
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(text);
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void PropertyDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    QString text;
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        const bool unset = !spin->specialValueText().isEmpty() && spin->value() == spin->minimum();
        text = unset ? QString() : QString::number(spin->value());
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        dspin->interpretText();
        text = QString::number(dspin->value(), 'g', std::numeric_limits<double>::max_digits10 - 2);
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        text = combo->currentData().toString();
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        text = edit->text();
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, text, Qt::EditRole);
}

} // namespace headroom::ui
