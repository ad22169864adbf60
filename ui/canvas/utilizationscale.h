#pragma once

#include <QColor>
#include <QString>

#include <optional>

/// The one colour scale for utilization on the canvas: green while there is room, amber as the
/// autoscaler's usual targets are approached, red at and beyond saturation.
namespace headroom::ui::UtilizationScale {

/// Stops of the scale, as a fraction of capacity (1 = 100 %).
inline constexpr double kAmberFrom = 0.6;
inline constexpr double kRedFrom = 0.85;

/// The colour for `fraction` (0.. of capacity; values above 1 are saturated red). Interpolated
/// green -> amber over 0..kAmberFrom..kRedFrom and amber -> red above; empty = no figure (grey).
QColor colour(std::optional<double> fraction);
/// A light tint of colour() for a node's background.
QColor tint(std::optional<double> fraction);
/// "62 %", or "–" for no figure.
QString percentText(std::optional<double> fraction);

} // namespace headroom::ui::UtilizationScale
