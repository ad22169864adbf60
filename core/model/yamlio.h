#pragma once

#include "core/model/result.h"
#include "core/model/fieldoptions.h"
#include "core/model/units.h"

#include <yaml-cpp/yaml.h>

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>
#include <vector>

/// Schema-driven YAML reading and writing. YamlReader and YamlWriter are visitors over the
/// `describe()` field tables (scenarioschema.h): the reader type-checks, range-checks and locates
/// every problem and reports all of them at once; the writer emits canonical YAML and records
/// each field's metadata by path for editors.
namespace headroom::model {

/// Levenshtein distance, for "did you mean" hints.
int editDistance(QStringView a, QStringView b);
/// " (did you mean 'x'?)" for the closest candidate within a small distance, or empty.
QString didYouMean(QStringView key, const QStringList &candidates);

SourceLocation locationOf(const YAML::Node &node, const QString &file);
QString scalarText(const YAML::Node &node);

/// Parses YAML text; a syntax error becomes one located diagnostic.
std::optional<YAML::Node> parseYamlText(const QByteArray &text, const QString &sourceName, Diagnostics *diagnostics);

// Scalar conversion used by both visitors. Each returns false with `*why` set on bad text.
bool parseScalar(const QString &text, int *out, QString *why, const FieldOptions &o);
bool parseScalar(const QString &text, double *out, QString *why, const FieldOptions &o);
bool parseScalar(const QString &text, bool *out, QString *why, const FieldOptions &o);
bool parseScalar(const QString &text, QString *out, QString *why, const FieldOptions &o);
bool parseScalar(const QString &text, Milliseconds *out, QString *why, const FieldOptions &o);
bool parseScalar(const QString &text, Quantity *out, QString *why, const FieldOptions &o);
bool parseScalar(const QString &text, Money *out, QString *why, const FieldOptions &o);

QString formatScalar(int value, const FieldOptions &o);
QString formatScalar(double value, const FieldOptions &o);
QString formatScalar(bool value, const FieldOptions &o);
QString formatScalar(const QString &value, const FieldOptions &o);
QString formatScalar(Milliseconds value, const FieldOptions &o);
QString formatScalar(const Quantity &value, const FieldOptions &o);
QString formatScalar(const Money &value, const FieldOptions &o);

template <typename T>
constexpr FieldKind fieldKindOf(const FieldOptions &o)
{
    if constexpr (std::is_same_v<T, int>)
        return FieldKind::Int;
    else if constexpr (std::is_same_v<T, double>)
        return o.bytes ? FieldKind::Bytes : (o.percent ? FieldKind::Percent : FieldKind::Double);
    else if constexpr (std::is_same_v<T, bool>)
        return FieldKind::Bool;
    else if constexpr (std::is_same_v<T, Milliseconds>)
        return FieldKind::Duration;
    else if constexpr (std::is_same_v<T, Quantity>)
        return FieldKind::Quantity;
    else if constexpr (std::is_same_v<T, Money>)
        return FieldKind::Money;
    else
        return FieldKind::String;
}

// ---- reading --------------------------------------------------------------------------------

class YamlReader {
public:
    YamlReader(QString file, Diagnostics *diagnostics) : m_file(std::move(file)), m_diagnostics(diagnostics) {}

    /// Reads `node` (a map) into `out` through its describe() table. Returns false on any error.
    template <typename T>
    bool read(const YAML::Node &node, T &out, const QString &path = {})
    {
        const qsizetype before = m_errorCount;
        if (!node.IsMap()) {
            error(node, path, QStringLiteral("expected a mapping"));
            return false;
        }
        push(node, path);
        describe(*this, out);
        pop();
        return m_errorCount == before;
    }

    /// Where each field was read from, by path ("spec.tiers[1].autoscaling.maxReplicas").
    const QHash<QString, SourceLocation> &locations() const { return m_locations; }
    const QString &file() const { return m_file; }
    void error(const YAML::Node &at, const QString &path, const QString &message);

    // -- visitor interface --
    template <typename T>
    void scalar(const char *key, T &value, const FieldOptions &o)
    {
        const YAML::Node node = child(key, o.required);
        if (node)
            readScalar(node, childPath(key), value, o);
    }
    template <typename T>
    void scalar(const char *key, std::optional<T> &value, const FieldOptions &o)
    {
        const YAML::Node node = child(key, o.required);
        if (!node)
            return;
        T v{};
        if (readScalar(node, childPath(key), v, o))
            value = v;
    }
    template <typename E>
    void enumeration(const char *key, E &value, const FieldOptions &o)
    {
        const YAML::Node node = child(key, o.required);
        if (node)
            readEnum(node, childPath(key), value);
    }
    template <typename E>
    void enumeration(const char *key, std::optional<E> &value, const FieldOptions &o)
    {
        const YAML::Node node = child(key, o.required);
        E v{};
        if (node && readEnum(node, childPath(key), v))
            value = v;
    }
    template <typename T>
    void object(const char *key, T &value, const FieldOptions &o = opt)
    {
        const YAML::Node node = child(key, o.required);
        if (node)
            read(node, value, childPath(key));
    }
    template <typename T>
    void object(const char *key, std::optional<T> &value, const FieldOptions &o = opt)
    {
        const YAML::Node node = child(key, o.required);
        if (!node)
            return;
        T v{};
        read(node, v, childPath(key));
        value = std::move(v);
    }
    template <typename T>
    void list(const char *key, QList<T> &values, const FieldOptions &o = opt)
    {
        const YAML::Node node = child(key, o.required);
        if (!node)
            return;
        const QString path = childPath(key);
        if (!node.IsSequence()) {
            error(node, path, QStringLiteral("expected a list"));
            return;
        }
        values.clear();
        int index = 0;
        for (const YAML::Node &item : node) {
            T v{};
            read(item, v, path + u'[' + QString::number(index++) + u']');
            values.append(std::move(v));
        }
    }
    void stringList(const char *key, QStringList &values, const FieldOptions &o = opt);
    void stringMap(const char *key, QMap<QString, QString> &values, const FieldOptions &o = opt);
    void matrix(const char *key, QList<QList<double>> &values, const FieldOptions &o = opt);
    template <typename Fn>
    void section(const char *key, Fn &&fn, const FieldOptions &o = opt)
    {
        const YAML::Node node = child(key, o.required);
        if (!node)
            return;
        if (!node.IsMap()) {
            error(node, childPath(key), QStringLiteral("expected a mapping"));
            return;
        }
        push(node, childPath(key));
        fn();
        pop();
    }

private:
    struct Frame {
        YAML::Node node;
        QString path;
        QStringList known;
    };

    void push(const YAML::Node &node, const QString &path);
    void pop();
    YAML::Node child(const char *key, bool required);
    QString childPath(const char *key) const;

    template <typename T>
    bool readScalar(const YAML::Node &node, const QString &path, T &value, const FieldOptions &o)
    {
        if (!node.IsScalar()) {
            error(node, path, QStringLiteral("expected a single value, got a %1").arg(nodeKindName(node)));
            return false;
        }
        QString why;
        if (!parseScalar(scalarText(node), &value, &why, o)) {
            error(node, path, why);
            return false;
        }
        return true;
    }
    template <typename E>
    bool readEnum(const YAML::Node &node, const QString &path, E &value)
    {
        const QString text = node.IsScalar() ? scalarText(node) : QString();
        if (const auto parsed = enumFromString<E>(text)) {
            value = *parsed;
            return true;
        }
        const QStringList allowed = enumSpellings<E>();
        error(node, path,
              QStringLiteral("unknown value '%1'; expected one of: %2%3")
                  .arg(text, allowed.join(QStringLiteral(", ")), didYouMean(text, allowed)));
        return false;
    }
    static QString nodeKindName(const YAML::Node &node);

    QString m_file;
    Diagnostics *m_diagnostics;
    qsizetype m_errorCount = 0;
    std::vector<Frame> m_stack;
    QHash<QString, SourceLocation> m_locations;
};

// ---- writing --------------------------------------------------------------------------------

/// Metadata of one field, recorded by the writer for property editors.
struct FieldInfo {
    FieldKind kind = FieldKind::String;
    FieldOptions options;
    QStringList enumValues;
    bool optional = false;
};

class YamlWriter {
public:
    template <typename T>
    YAML::Node write(const T &value, const QString &path = {})
    {
        YAML::Node node(YAML::NodeType::Map);
        m_stack.push_back({node, path});
        describe(*this, const_cast<T &>(value)); // describe() is shared with the reader; the writer never mutates
        m_stack.pop_back();
        return node;
    }
    const QHash<QString, FieldInfo> &fields() const { return m_fields; }
    /// Field paths in the order the schema lists them.
    const QStringList &fieldOrder() const { return m_order; }

    // -- visitor interface --
    template <typename T>
    void scalar(const char *key, T &value, const FieldOptions &o)
    {
        record(key, fieldKindOf<T>(o), o, {}, false);
        put(key, YAML::Node(formatScalar(value, o).toStdString()));
    }
    template <typename T>
    void scalar(const char *key, std::optional<T> &value, const FieldOptions &o)
    {
        record(key, fieldKindOf<T>(o), o, {}, true);
        if (value)
            put(key, YAML::Node(formatScalar(*value, o).toStdString()));
    }
    template <typename E>
    void enumeration(const char *key, E &value, const FieldOptions &o)
    {
        record(key, FieldKind::Enum, o, enumSpellings<E>(), false);
        put(key, YAML::Node(enumToString(value).toStdString()));
    }
    template <typename E>
    void enumeration(const char *key, std::optional<E> &value, const FieldOptions &o)
    {
        record(key, FieldKind::Enum, o, enumSpellings<E>(), true);
        if (value)
            put(key, YAML::Node(enumToString(*value).toStdString()));
    }
    template <typename T>
    void object(const char *key, T &value, const FieldOptions &o = opt)
    {
        record(key, FieldKind::Object, o, {}, false);
        put(key, write(value, childPath(key)));
    }
    template <typename T>
    void object(const char *key, std::optional<T> &value, const FieldOptions &o = opt)
    {
        record(key, FieldKind::Object, o, {}, true);
        if (value)
            put(key, write(*value, childPath(key)));
    }
    template <typename T>
    void list(const char *key, QList<T> &values, const FieldOptions &o = opt)
    {
        record(key, FieldKind::List, o, {}, true);
        if (values.isEmpty())
            return;
        YAML::Node seq(YAML::NodeType::Sequence);
        const QString path = childPath(key);
        for (qsizetype i = 0; i < values.size(); ++i)
            seq.push_back(write(values[i], path + u'[' + QString::number(i) + u']'));
        put(key, seq);
    }
    void stringList(const char *key, QStringList &values, const FieldOptions &o = opt);
    void stringMap(const char *key, QMap<QString, QString> &values, const FieldOptions &o = opt);
    void matrix(const char *key, QList<QList<double>> &values, const FieldOptions &o = opt);
    template <typename Fn>
    void section(const char *key, Fn &&fn, const FieldOptions & = opt)
    {
        YAML::Node node(YAML::NodeType::Map);
        m_stack.push_back({node, childPath(key)});
        fn();
        m_stack.pop_back();
        if (node.size() > 0)
            put(key, node);
    }

private:
    struct Frame {
        YAML::Node node;
        QString path;
    };
    void put(const char *key, const YAML::Node &value);
    void record(const char *key, FieldKind kind, const FieldOptions &o, QStringList enumValues, bool optional);
    QString childPath(const char *key) const;

    std::vector<Frame> m_stack;
    QHash<QString, FieldInfo> m_fields;
    QStringList m_order;
};

/// Emits a node as block-style YAML text with a trailing newline.
QByteArray emitYaml(const YAML::Node &node);

} // namespace headroom::model
