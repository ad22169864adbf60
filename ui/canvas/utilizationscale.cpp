#include "ui/canvas/utilizationscale.h"

#include <QLocale>

#include <algorithm>

namespace headroom::ui::UtilizationScale {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

const QColor kGreen(0x2e, 0x9d, 0x4f);
const QColor kAmber(0xe0, 0xa1, 0x00);
const QColor kRed(0xd1, 0x3b, 0x2e);
const QColor kNone(0x8a, 0x8f, 0x98);

} // namespace

QColor colour(std::optional<double> fraction)
{
    if (!fraction)
        return kNone;
    const double f = *fraction;
    if (f <= kAmberFrom)
        return mix(kGreen, kAmber, f / kAmberFrom * 0.35);
    if (f <= kRedFrom)
        return mix(kGreen, kAmber, 0.35 + (f - kAmberFrom) / (kRedFrom - kAmberFrom) * 0.65);
    return mix(kAmber, kRed, (f - kRedFrom) / (1.0 - kRedFrom));
}

QColor tint(std::optional<double> fraction)
{
    return mix(colour(fraction), QColor(Qt::white), 0.82);
}

QString percentText(std::optional<double> fraction)
{
    if (!fraction)
        return QStringLiteral("–");
    return QLocale().toString(*fraction * 100, 'f', 0).append(QStringLiteral(" %"));
}

} // namespace headroom::ui::UtilizationScale
