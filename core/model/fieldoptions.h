#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace headroom::model {

/// What a field holds, as the scenario format writes it.
enum class FieldKind {
    Int, Double, Bool, String, Duration, Bytes, Quantity, Money, Percent, Enum,
    StringList, StringMap, Matrix, Object, List
};

/// Constraints of one field. `min`/`max` bound numbers (durations in seconds, bytes in bytes).
struct FieldOptions {
    bool required = false;
    std::optional<double> min;
    std::optional<double> max;
    bool bytes = false;   ///< a double written as a size ("64GB")
    bool percent = false; ///< a number 0..100
    const char *help = nullptr;

    constexpr FieldOptions req() const { FieldOptions o = *this; o.required = true; return o; }
    constexpr FieldOptions atLeast(double v) const { FieldOptions o = *this; o.min = v; return o; }
    constexpr FieldOptions atMost(double v) const { FieldOptions o = *this; o.max = v; return o; }
    constexpr FieldOptions range(double lo, double hi) const { return atLeast(lo).atMost(hi); }
    constexpr FieldOptions asBytes() const { FieldOptions o = *this; o.bytes = true; o.min = 0; return o; }
    constexpr FieldOptions asPercent() const { return range(0, 100).withPercent(); }
    constexpr FieldOptions doc(const char *text) const { FieldOptions o = *this; o.help = text; return o; }

private:
    constexpr FieldOptions withPercent() const { FieldOptions o = *this; o.percent = true; return o; }
};

inline constexpr FieldOptions opt{};
inline constexpr FieldOptions required = FieldOptions{}.req();
inline constexpr FieldOptions positive = FieldOptions{}.atLeast(1);
inline constexpr FieldOptions nonNegative = FieldOptions{}.atLeast(0);

template <typename E>
struct EnumName {
    E value;
    std::u16string_view name;
};

/// Looks up the spelling of an enum value in its table (declared next to the type's schema).
template <typename E>
QString enumToString(E value)
{
    for (const auto &entry : enumNames(value)) {
        if (entry.value == value)
            return QString::fromUtf16(entry.name.data(), static_cast<qsizetype>(entry.name.size()));
    }
    return {};
}

template <typename E>
std::optional<E> enumFromString(QStringView text)
{
    for (const auto &entry : enumNames(E{})) {
        if (text == QStringView(entry.name.data(), static_cast<qsizetype>(entry.name.size())))
            return entry.value;
    }
    return std::nullopt;
}

template <typename E>
QStringList enumSpellings()
{
    QStringList out;
    for (const auto &entry : enumNames(E{}))
        out << QString::fromUtf16(entry.name.data(), static_cast<qsizetype>(entry.name.size()));
    return out;
}

} // namespace headroom::model
