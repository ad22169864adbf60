#pragma once

#include "core/model/diagnostic.h"

#include <optional>
#include <utility>
#include <variant>

namespace headroom::model {

/// A value or the diagnostics that explain why there is none. Exceptions never cross a
/// module boundary; functions that can fail on bad input return a Result instead.
template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}                       // NOLINT: implicit by design
    Result(Diagnostic error) : m_errors{std::move(error)} {}             // NOLINT
    Result(Diagnostics errors) : m_errors(std::move(errors)) {}          // NOLINT

    explicit operator bool() const { return m_value.has_value(); }
    bool ok() const { return m_value.has_value(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Diagnostics &errors() const { return m_errors; }
    Diagnostic error() const { return m_errors.isEmpty() ? Diagnostic{} : m_errors.first(); }
    QString errorString() const { return formatDiagnostics(m_errors); }

private:
    std::optional<T> m_value;
    Diagnostics m_errors;
};

template <>
class Result<void> {
public:
    Result() = default;
    Result(Diagnostic error) : m_errors{std::move(error)} {}             // NOLINT
    Result(Diagnostics errors) : m_errors(std::move(errors)) {}          // NOLINT

    explicit operator bool() const { return m_errors.isEmpty(); }
    bool ok() const { return m_errors.isEmpty(); }
    const Diagnostics &errors() const { return m_errors; }
    Diagnostic error() const { return m_errors.isEmpty() ? Diagnostic{} : m_errors.first(); }
    QString errorString() const { return formatDiagnostics(m_errors); }

private:
    Diagnostics m_errors;
};

/// Shorthand for a located error.
inline Diagnostic makeError(QString message, QString fieldPath = {}, SourceLocation where = {})
{
    return Diagnostic{Severity::Error, std::move(where), std::move(fieldPath), std::move(message)};
}

} // namespace headroom::model
