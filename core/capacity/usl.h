#pragma once

#include "core/model/csv.h"
#include "core/model/result.h"

#include <vector>

/// Gunther's Universal Scalability Law: X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)),
/// fitted to measured (N, throughput) pairs by nonlinear least squares.
namespace headroom::capacity {

/// One measurement: load or size N (> 0: users, threads, replicas, nodes) and its throughput (>= 0).
struct UslPoint {
    double n = 0;
    double throughput = 0;
};

struct UslCoefficients {
    double sigma = 0;  ///< contention (serial fraction), in [0, 1]
    double kappa = 0;  ///< coherency (crosstalk) penalty, >= 0
    double lambda = 0; ///< throughput of one unit at N = 1 without contention, > 0
};

struct UslFit {
    UslCoefficients coefficients;
    /// Asymptotic standard errors sqrt(diag(s^2 (J'J)^-1)), s^2 = RSS / (n - 3); NaN with only 3 points.
    UslCoefficients standardErrors;
    double residualStandardError = 0; ///< s, in throughput units; NaN with only 3 points
    int degreesOfFreedom = 0;         ///< points - 3
    double rSquared = 0;              ///< 1 - RSS / TSS
    int iterations = 0;               ///< Levenberg-Marquardt iterations used

    double throughput(double n) const;
    /// N* = sqrt((1 - sigma) / kappa), where throughput peaks; +infinity when kappa == 0 (no retrograde).
    double peakN() const;
    /// X(N*); lambda / sigma (the Amdahl ceiling) when kappa == 0, +infinity when both are 0.
    double peakThroughput() const;
};

/// X(N) for given coefficients.
double uslThroughput(const UslCoefficients &c, double n);

/// Fits sigma, kappa and lambda by Levenberg-Marquardt (Marquardt's diagonal scaling, steps projected
/// onto sigma in [0, 1], kappa >= 0, lambda > 0), started from the linearised fit
/// lambda0 N / X - 1 = sigma (N - 1) + kappa N (N - 1) with lambda0 = max X/N.
/// Errors: fewer than 3 points, fewer than 3 distinct N, N <= 0, throughput < 0, non-finite values,
/// or all throughputs 0.
model::Result<UslFit> fitUsl(const std::vector<UslPoint> &points);

/// Reads the `n` and `throughput` columns of a CSV table (other columns are ignored).
/// Errors name `sourceName:line` and the column.
model::Result<std::vector<UslPoint>> uslPointsFromCsv(const model::CsvTable &table, const QString &sourceName);

} // namespace headroom::capacity
