#include "core/model/yamlio.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace headroom::model {

int editDistance(QStringView a, QStringView b)
{
    std::vector<int> row(static_cast<size_t>(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[static_cast<size_t>(j)];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[static_cast<size_t>(j)] = std::min({above + 1, row[static_cast<size_t>(j - 1)] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row.back();
}

QString didYouMean(QStringView key, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, static_cast<int>(key.size()) / 3) + 1;
    for (const QString &c : candidates) {
        int d = editDistance(key, c);
        if (c.size() > key.size() + 2) // a truncated or misspelt long name: compare with its prefix
            d = std::min(d, editDistance(key, QStringView(c).left(key.size())) + 1);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(best);
}

SourceLocation locationOf(const YAML::Node &node, const QString &file)
{
    SourceLocation where{file, 0, 0};
    if (node.IsDefined()) {
        const YAML::Mark mark = node.Mark();
        if (!mark.is_null()) {
            where.line = mark.line + 1;
            where.column = mark.column + 1;
        }
    }
    return where;
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

std::optional<YAML::Node> parseYamlText(const QByteArray &text, const QString &sourceName, Diagnostics *diagnostics)
{
    try {
        YAML::Node root = YAML::Load(text.toStdString());
        return root;
    } catch (const YAML::Exception &e) {
        SourceLocation where{sourceName, 0, 0};
        if (!e.mark.is_null()) {
            where.line = e.mark.line + 1;
            where.column = e.mark.column + 1;
        }
        diagnostics->append(makeError(QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)),
                                      QString(), where));
        return std::nullopt;
    }
}

// ---- scalars --------------------------------------------------------------------------------

namespace {

bool checkRange(double value, const FieldOptions &o, QString *why, const QString &shown)
{
    if (o.min && value < *o.min) {
        *why = QStringLiteral("must be >= %1, got %2").arg(QString::number(*o.min), shown);
        return false;
    }
    if (o.max && value > *o.max) {
        *why = QStringLiteral("must be <= %1, got %2").arg(QString::number(*o.max), shown);
        return false;
    }
    return true;
}

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

bool parseScalar(const QString &text, int *out, QString *why, const FieldOptions &o)
{
    bool ok = false;
    const qlonglong v = text.trimmed().toLongLong(&ok);
    if (!ok || v < INT_MIN || v > INT_MAX) {
        *why = QStringLiteral("expected a whole number, got '%1'").arg(text);
        return false;
    }
    if (!checkRange(static_cast<double>(v), o, why, text))
        return false;
    *out = static_cast<int>(v);
    return true;
}

bool parseScalar(const QString &text, double *out, QString *why, const FieldOptions &o)
{
    bool ok = false;
    double v = 0;
    if (o.bytes) {
        const auto bytes = parseByteSize(text);
        ok = bytes.has_value();
        v = bytes.value_or(0);
        if (!ok) {
            *why = QStringLiteral("expected a size like 64GB, 512MiB or 4Gi, got '%1'").arg(text);
            return false;
        }
    } else {
        QString t = text.trimmed();
        if (o.percent && t.endsWith(u'%'))
            t.chop(1);
        v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            *why = QStringLiteral("expected a number, got '%1'").arg(text);
            return false;
        }
    }
    if (!checkRange(v, o, why, text))
        return false;
    *out = v;
    return true;
}

bool parseScalar(const QString &text, bool *out, QString *why, const FieldOptions &)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"on") {
        *out = true;
        return true;
    }
    if (t == u"false" || t == u"no" || t == u"off") {
        *out = false;
        return true;
    }
    *why = QStringLiteral("expected true or false, got '%1'").arg(text);
    return false;
}

bool parseScalar(const QString &text, QString *out, QString *why, const FieldOptions &o)
{
    if (o.required && text.trimmed().isEmpty()) {
        *why = QStringLiteral("must not be empty");
        return false;
    }
    *out = text;
    return true;
}

bool parseScalar(const QString &text, Milliseconds *out, QString *why, const FieldOptions &o)
{
    const auto d = parseDuration(text);
    if (!d) {
        bool isNumber = false;
        text.trimmed().toDouble(&isNumber);
        *why = isNumber ? QStringLiteral("a duration needs a unit, e.g. '%1s' or '%1m'").arg(text.trimmed())
                        : QStringLiteral("expected a duration like 30s, 5m or 1h30m, got '%1'").arg(text);
        return false;
    }
    if (!checkRange(static_cast<double>(d->count()) / 1000.0, o, why, text))
        return false;
    *out = *d;
    return true;
}

bool parseScalar(const QString &text, Quantity *out, QString *why, const FieldOptions &o)
{
    const auto q = Quantity::parse(text);
    if (!q) {
        *why = QStringLiteral("expected a quantity like 100, 500m, 1.5 or 2Gi, got '%1'").arg(text);
        return false;
    }
    if (!checkRange(q->value(), o, why, text))
        return false;
    *out = *q;
    return true;
}

bool parseScalar(const QString &text, Money *out, QString *why, const FieldOptions &o)
{
    const QStringList parts = text.trimmed().split(u' ', Qt::SkipEmptyParts);
    bool ok = false;
    const double amount = parts.isEmpty() ? 0 : parts.first().toDouble(&ok);
    const bool currencyOk =
        parts.size() == 1 || (parts.size() == 2 && parts[1].size() == 3 && parts[1].toUpper() == parts[1]);
    if (!ok || !currencyOk || !std::isfinite(amount)) {
        *why = QStringLiteral("expected an amount like 0.20 or '0.20 USD', got '%1'").arg(text);
        return false;
    }
    if (!checkRange(amount, o, why, text))
        return false;
    out->amount = amount;
    out->currency = parts.size() == 2 ? parts[1] : QStringLiteral("USD");
    return true;
}

QString formatScalar(int value, const FieldOptions &)
{
    return QString::number(value);
}

QString formatScalar(double value, const FieldOptions &o)
{
    return o.bytes ? formatByteSize(value) : numberText(value);
}

QString formatScalar(bool value, const FieldOptions &)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString formatScalar(const QString &value, const FieldOptions &)
{
    return value;
}

QString formatScalar(Milliseconds value, const FieldOptions &)
{
    return formatDuration(value);
}

QString formatScalar(const Quantity &value, const FieldOptions &)
{
    return value.toString();
}

QString formatScalar(const Money &value, const FieldOptions &)
{
    return numberText(value.amount) + u' ' + value.currency;
}

// ---- reader ---------------------------------------------------------------------------------

void YamlReader::error(const YAML::Node &at, const QString &path, const QString &message)
{
    ++m_errorCount;
    m_diagnostics->append(makeError(message, path, locationOf(at, m_file)));
}

QString YamlReader::nodeKindName(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("mapping");
    if (node.IsSequence())
        return QStringLiteral("list");
    return QStringLiteral("value");
}

void YamlReader::push(const YAML::Node &node, const QString &path)
{
    m_stack.push_back({node, path, {}});
    if (!m_locations.contains(path))
        m_locations.insert(path, locationOf(node, m_file));
    // duplicate keys are legal for yaml-cpp but ambiguous for people: report them
    QSet<QString> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = scalarText(it->first);
        if (seen.contains(key))
            error(it->first, path.isEmpty() ? key : path + u'.' + key, QStringLiteral("duplicate key '%1'").arg(key));
        seen.insert(key);
    }
}

void YamlReader::pop()
{
    const Frame frame = m_stack.back();
    m_stack.pop_back();
    for (auto it = frame.node.begin(); it != frame.node.end(); ++it) {
        const QString key = it->first.IsScalar() ? scalarText(it->first) : QString();
        if (!frame.known.contains(key)) {
            const QString path = frame.path.isEmpty() ? key : frame.path + u'.' + key;
            error(it->first, path, QStringLiteral("unknown key '%1'%2").arg(key, didYouMean(key, frame.known)));
        }
    }
}

QString YamlReader::childPath(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    const QString &parent = m_stack.back().path;
    return parent.isEmpty() ? k : parent + u'.' + k;
}

YAML::Node YamlReader::child(const char *key, bool required)
{
    Frame &frame = m_stack.back();
    frame.known << QString::fromLatin1(key);
    const YAML::Node &map = frame.node;
    YAML::Node found;
    bool present = false;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            found = it->second;
            present = true;
            m_locations.insert(childPath(key), locationOf(it->second, m_file));
            break;
        }
    }
    if (!present || found.IsNull()) {
        if (required)
            error(present ? found : map, childPath(key),
                  QStringLiteral("'%1' is required").arg(QString::fromLatin1(key)));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return found;
}

void YamlReader::stringList(const char *key, QStringList &values, const FieldOptions &o)
{
    const YAML::Node node = child(key, o.required);
    if (!node)
        return;
    if (!node.IsSequence()) {
        error(node, childPath(key), QStringLiteral("expected a list of strings"));
        return;
    }
    values.clear();
    int index = 0;
    for (const YAML::Node &item : node) {
        const QString itemPath = childPath(key) + u'[' + QString::number(index++) + u']';
        m_locations.insert(itemPath, locationOf(item, m_file));
        if (!item.IsScalar())
            error(item, itemPath, QStringLiteral("expected a string"));
        else
            values << scalarText(item);
    }
}

void YamlReader::stringMap(const char *key, QMap<QString, QString> &values, const FieldOptions &o)
{
    const YAML::Node node = child(key, o.required);
    if (!node)
        return;
    if (!node.IsMap()) {
        error(node, childPath(key), QStringLiteral("expected a mapping of names to strings"));
        return;
    }
    values.clear();
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString k = scalarText(it->first);
        if (!it->second.IsScalar() && !it->second.IsNull()) {
            error(it->second, childPath(key) + u'.' + k, QStringLiteral("expected a string"));
            continue;
        }
        if (values.contains(k))
            error(it->first, childPath(key) + u'.' + k, QStringLiteral("duplicate key '%1'").arg(k));
        values.insert(k, it->second.IsNull() ? QString() : scalarText(it->second));
    }
}

void YamlReader::matrix(const char *key, QList<QList<double>> &values, const FieldOptions &o)
{
    const YAML::Node node = child(key, o.required);
    if (!node)
        return;
    const QString path = childPath(key);
    if (!node.IsSequence()) {
        error(node, path, QStringLiteral("expected a list of [x, y] pairs"));
        return;
    }
    values.clear();
    int index = 0;
    for (const YAML::Node &row : node) {
        const QString rowPath = path + u'[' + QString::number(index++) + u']';
        m_locations.insert(rowPath, locationOf(row, m_file));
        if (!row.IsSequence()) {
            error(row, rowPath, QStringLiteral("expected a list of numbers"));
            continue;
        }
        QList<double> numbers;
        for (const YAML::Node &cell : row) {
            double v = 0;
            QString why;
            if (!cell.IsScalar() || !parseScalar(scalarText(cell), &v, &why, opt)) {
                error(cell, rowPath, QStringLiteral("expected a number"));
                continue;
            }
            numbers << v;
        }
        values << numbers;
    }
}

// ---- writer ---------------------------------------------------------------------------------

QString YamlWriter::childPath(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    const QString &parent = m_stack.back().path;
    return parent.isEmpty() ? k : parent + u'.' + k;
}

void YamlWriter::put(const char *key, const YAML::Node &value)
{
    m_stack.back().node[key] = value;
}

void YamlWriter::record(const char *key, FieldKind kind, const FieldOptions &o, QStringList enumValues, bool optional)
{
    const QString path = childPath(key);
    if (!m_fields.contains(path))
        m_order << path;
    m_fields.insert(path, FieldInfo{kind, o, std::move(enumValues), optional || !o.required});
}

void YamlWriter::stringList(const char *key, QStringList &values, const FieldOptions &o)
{
    record(key, FieldKind::StringList, o, {}, true);
    if (values.isEmpty())
        return;
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const QString &v : values)
        seq.push_back(v.toStdString());
    put(key, seq);
}

void YamlWriter::stringMap(const char *key, QMap<QString, QString> &values, const FieldOptions &o)
{
    record(key, FieldKind::StringMap, o, {}, true);
    if (values.isEmpty())
        return;
    YAML::Node map(YAML::NodeType::Map);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        map[it.key().toStdString()] = it.value().toStdString();
    put(key, map);
}

void YamlWriter::matrix(const char *key, QList<QList<double>> &values, const FieldOptions &o)
{
    record(key, FieldKind::Matrix, o, {}, true);
    if (values.isEmpty())
        return;
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const QList<double> &row : values) {
        YAML::Node r(YAML::NodeType::Sequence);
        for (double v : row)
            r.push_back(numberText(v).toStdString());
        r.SetStyle(YAML::EmitterStyle::Flow);
        seq.push_back(r);
    }
    put(key, seq);
}

QByteArray emitYaml(const YAML::Node &node)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << node;
    QByteArray text(out.c_str(), static_cast<qsizetype>(out.size()));
    if (!text.endsWith('\n'))
        text += '\n';
    return text;
}

} // namespace headroom::model
