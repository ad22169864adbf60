#pragma once

#include <QString>
#include <QStringView>

#include <chrono>
#include <cstdint>
#include <optional>

namespace headroom::model {

using Milliseconds = std::chrono::milliseconds;

/// Parses a Go-style duration as Kubernetes and Prometheus write them: "30s", "3m", "1h30m",
/// "1m0s", "250ms", "1.5h". Units: ms, s, m, h, d (d = 24h, a Prometheus extension), w.
/// A bare number is rejected (the unit is required). Negative values are rejected.
std::optional<Milliseconds> parseDuration(QStringView text);
/// The shortest exact spelling: 180000 ms -> "3m", 90000 -> "1m30s", 1500 -> "1500ms".
QString formatDuration(Milliseconds duration);

/// Parses a size in bytes. Decimal units KB, MB, GB, TB, PB (powers of 1000; also k/K),
/// binary units KiB/Ki, MiB/Mi, GiB/Gi, TiB/Ti (powers of 1024). "64GB", "4Gi", "50 MB".
/// A bare number is bytes.
std::optional<double> parseByteSize(QStringView text);
/// The largest decimal unit that keeps a whole or one-decimal number: 64e9 -> "64GB".
QString formatByteSize(double bytes);

/// A Kubernetes resource quantity ("500m", "2", "1Ki", "250n", "1.5e3", "100").
/// value() is the exact decimal value as a double; milliValue() rounds up as the API machinery does.
class Quantity {
public:
    Quantity() = default;
    static std::optional<Quantity> parse(QStringView text);
    static Quantity fromValue(double value);
    static Quantity fromMilli(std::int64_t milli);

    double value() const { return m_value; }
    /// Value in thousandths, rounded up (Kubernetes' MilliValue semantics).
    std::int64_t milliValue() const;
    /// The canonical spelling: whole numbers plain ("100"), fractions in milli ("1500m"),
    /// keeping binary suffixes of the input.
    QString toString() const;
    bool operator==(const Quantity &other) const { return m_value == other.m_value; }

private:
    double m_value = 0;
    QString m_text;
};

/// An amount of money with its ISO currency code; Headroom computes in one currency per scenario.
struct Money {
    double amount = 0;
    QString currency = QStringLiteral("USD");
    bool operator==(const Money &) const = default;
};

} // namespace headroom::model
