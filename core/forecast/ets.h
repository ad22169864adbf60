#pragma once

#include "core/forecast/prediction.h"

#include <QString>

#include <optional>
#include <vector>

/// Exponential smoothing state-space models (Hyndman, Koehler, Ord & Snyder 2008):
/// additive or multiplicative error; no, additive or additive-damped trend; no, additive or
/// multiplicative season. Fitted by maximum likelihood (Nelder-Mead over the smoothing
/// parameters and the initial states) and selected by AICc, as R's forecast::ets() does.
namespace headroom::forecast {

enum class EtsError { Additive, Multiplicative };
enum class EtsTrend { None, Additive, Damped };
enum class EtsSeason { None, Additive, Multiplicative };

struct EtsSpec {
    EtsError error = EtsError::Additive;
    EtsTrend trend = EtsTrend::None;
    EtsSeason season = EtsSeason::None;

    /// "ETS(M,Ad,M)"
    QString name() const;
    bool operator==(const EtsSpec &) const = default;
};

/// A fitted model: its parameters, final states (in the units of the data) and fit statistics.
struct EtsModel {
    EtsSpec spec;
    int period = 1;       ///< seasonal period (1 when spec.season is None)
    double alpha = 0.0;   ///< level smoothing, (0, 1)
    double beta = 0.0;    ///< trend smoothing, (0, alpha)
    double gamma = 0.0;   ///< season smoothing, (0, 1 - alpha)
    double phi = 1.0;     ///< damping, [0.8, 0.98] when damped, 1 otherwise
    double level = 0.0;   ///< final level
    double slope = 0.0;   ///< final trend
    std::vector<double> seasonal; ///< seasonal[k] applies to step k+1 ahead (mod period)
    double sigma2 = 0.0;  ///< innovation variance (relative for multiplicative error)
    double logLikelihood = 0.0;   ///< -2 log-likelihood up to a constant shared by all models
    double aicc = 0.0;
    int parameters = 0;   ///< estimated parameters incl. initial states and sigma
    int observations = 0;
    std::vector<double> start; ///< the optimum: smoothing parameters, then initial states (data units)
};

/// Fits one model to y (at least 4 points; seasonal models need 2 full periods and positive data
/// for multiplicative parts). Returns nothing when the model does not apply or fails to fit.
std::optional<EtsModel> fitEts(const std::vector<double> &y, const EtsSpec &spec, int period = 1);

/// Refits `from`'s model class to y (e.g. a prefix of the series `from` was fitted to: the initial
/// states refer to the same start) with one optimiser run of `evaluations` from `from`'s optimum.
std::optional<EtsModel> refitEts(const std::vector<double> &y, const EtsModel &from, int evaluations = 200);

struct AutoEtsOptions {
    bool allowMultiplicative = true; ///< consider multiplicative error/season (only for positive data)
    bool allowSeasonal = true;
    bool allowDamped = true;
    /// Screening: every class first gets one optimiser run of this many evaluations and only
    /// the `finalists` with the lowest AICc are optimised fully (continuing from there): on M3
    /// monthly 80 and 4 select as well as fitting all 15 classes fully, at a third of the cost.
    /// 0 fits every class fully.
    int screenEvaluations = 80;
    int finalists = 4;
    /// Each finalist (or, without screening, each class) gets two optimiser runs of this many
    /// evaluations, the second restarted from the first's best.
    int evaluations = 500;
};

/// Fits every admissible model (R's restricted set: no additive error with multiplicative
/// season), or screens them (see AutoEtsOptions), and returns the one with the smallest AICc.
std::optional<EtsModel> autoEts(const std::vector<double> &y, int period, const AutoEtsOptions &options = {});

/// Point forecasts and a central interval at `levelPercent` (0-100). Analytic variance for
/// additive-error models without multiplicative season; simulation (`paths` sample paths,
/// fixed seed) otherwise.
Prediction forecastEts(const EtsModel &model, int horizon, double levelPercent, int paths = 2000);

} // namespace headroom::forecast
