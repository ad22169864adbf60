#include "core/capacity/usl.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace headroom::capacity {

namespace {

using model::makeError;
using Vec3 = Eigen::Vector3d; // (sigma, kappa, lambda)

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

UslCoefficients toCoefficients(const Vec3 &p)
{
    return {p(0), p(1), p(2)};
}

Vec3 project(Vec3 p)
{
    p(0) = std::clamp(p(0), 0.0, 1.0);
    p(1) = std::max(p(1), 0.0);
    p(2) = std::max(p(2), 1e-300);
    return p;
}

struct Problem {
    Eigen::VectorXd n, x;

    double rss(const Vec3 &p) const
    {
        double sum = 0;
        for (Eigen::Index i = 0; i < n.size(); ++i) {
            const double r = x(i) - uslThroughput(toCoefficients(p), n(i));
            sum += r * r;
        }
        return sum;
    }

    /// Residuals r = x - f(p) and the Jacobian of f.
    void linearise(const Vec3 &p, Eigen::VectorXd &r, Eigen::MatrixXd &j) const
    {
        r.resize(n.size());
        j.resize(n.size(), 3);
        for (Eigen::Index i = 0; i < n.size(); ++i) {
            const double ni = n(i);
            const double d = 1.0 + p(0) * (ni - 1.0) + p(1) * ni * (ni - 1.0);
            const double f = p(2) * ni / d;
            r(i) = x(i) - f;
            j(i, 0) = -f * (ni - 1.0) / d;
            j(i, 1) = -f * ni * (ni - 1.0) / d;
            j(i, 2) = ni / d;
        }
    }
};

Vec3 initialGuess(const Problem &pr)
{
    double lambda0 = 0;
    for (Eigen::Index i = 0; i < pr.n.size(); ++i)
        lambda0 = std::max(lambda0, pr.x(i) / pr.n(i));
    // lambda0 N / X - 1 = sigma (N - 1) + kappa N (N - 1): linear least squares, no intercept.
    Eigen::MatrixXd a(pr.n.size(), 2);
    Eigen::VectorXd b(pr.n.size());
    Eigen::Index rows = 0;
    for (Eigen::Index i = 0; i < pr.n.size(); ++i) {
        if (pr.x(i) <= 0)
            continue;
        const double ni = pr.n(i);
        a.row(rows) << ni - 1.0, ni * (ni - 1.0);
        b(rows) = lambda0 * ni / pr.x(i) - 1.0;
        ++rows;
    }
    Eigen::Vector2d sk = Eigen::Vector2d::Zero();
    if (rows >= 2)
        sk = a.topRows(rows).colPivHouseholderQr().solve(b.head(rows));
    return project(Vec3(std::isfinite(sk(0)) ? sk(0) : 0.0, std::isfinite(sk(1)) ? sk(1) : 0.0, lambda0));
}

} // namespace

double uslThroughput(const UslCoefficients &c, double n)
{
    return c.lambda * n / (1.0 + c.sigma * (n - 1.0) + c.kappa * n * (n - 1.0));
}

double UslFit::throughput(double n) const
{
    return uslThroughput(coefficients, n);
}

double UslFit::peakN() const
{
    if (coefficients.kappa <= 0)
        return std::numeric_limits<double>::infinity();
    return std::sqrt(std::max(0.0, 1.0 - coefficients.sigma) / coefficients.kappa);
}

double UslFit::peakThroughput() const
{
    if (coefficients.kappa > 0)
        return throughput(peakN());
    if (coefficients.sigma > 0)
        return coefficients.lambda / coefficients.sigma;
    return std::numeric_limits<double>::infinity();
}

model::Result<UslFit> fitUsl(const std::vector<UslPoint> &points)
{
    if (points.size() < 3)
        return makeError(QStringLiteral("a USL fit needs at least 3 measurements, got %1").arg(points.size()),
                         QStringLiteral("n"));
    Problem pr;
    pr.n.resize(static_cast<Eigen::Index>(points.size()));
    pr.x.resize(pr.n.size());
    std::set<double> distinct;
    double maxX = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        const UslPoint &pt = points[i];
        if (!std::isfinite(pt.n) || pt.n <= 0)
            return makeError(QStringLiteral("measurement %1: n must be a finite number > 0, got %2")
                                 .arg(i + 1)
                                 .arg(pt.n),
                             QStringLiteral("n"));
        if (!std::isfinite(pt.throughput) || pt.throughput < 0)
            return makeError(QStringLiteral("measurement %1: throughput must be a finite number >= 0, got %2")
                                 .arg(i + 1)
                                 .arg(pt.throughput),
                             QStringLiteral("throughput"));
        pr.n(static_cast<Eigen::Index>(i)) = pt.n;
        pr.x(static_cast<Eigen::Index>(i)) = pt.throughput;
        distinct.insert(pt.n);
        maxX = std::max(maxX, pt.throughput);
    }
    if (distinct.size() < 3)
        return makeError(QStringLiteral("a USL fit needs at least 3 different values of n, got %1")
                             .arg(distinct.size()),
                         QStringLiteral("n"));
    if (maxX <= 0)
        return makeError(QStringLiteral("all throughputs are 0; nothing to fit"), QStringLiteral("throughput"));

    Vec3 p = initialGuess(pr);
    double cost = pr.rss(p);
    double damping = 1e-3;
    Eigen::VectorXd r;
    Eigen::MatrixXd j;
    UslFit fit;
    for (int it = 0; it < 500; ++it) {
        fit.iterations = it + 1;
        pr.linearise(p, r, j);
        const Eigen::Matrix3d jtj = j.transpose() * j;
        const Vec3 g = j.transpose() * r;
        const Vec3 scale = jtj.diagonal().cwiseMax(1e-300);
        bool improved = false;
        double candidateCost = cost;
        Vec3 candidate = p;
        for (int tries = 0; tries < 60 && !improved; ++tries) {
            Eigen::Matrix3d a = jtj;
            a.diagonal() += damping * scale;
            candidate = project(p + a.ldlt().solve(g));
            candidateCost = pr.rss(candidate);
            if (std::isfinite(candidateCost) && candidateCost <= cost)
                improved = true;
            else
                damping *= 4;
        }
        if (!improved)
            break;
        const double drop = cost - candidateCost;
        const double stepSize = ((candidate - p).cwiseQuotient(p.cwiseAbs().cwiseMax(1e-12))).cwiseAbs().maxCoeff();
        p = candidate;
        cost = candidateCost;
        damping = std::max(damping / 3, 1e-12);
        if (drop <= 1e-15 * cost || stepSize < 1e-12)
            break;
    }

    fit.coefficients = toCoefficients(p);
    fit.degreesOfFreedom = static_cast<int>(points.size()) - 3;
    const double mean = pr.x.mean();
    const double tss = (pr.x.array() - mean).square().sum();
    fit.rSquared = tss > 0 ? 1.0 - cost / tss : nan;
    if (fit.degreesOfFreedom > 0) {
        const double s2 = cost / fit.degreesOfFreedom;
        fit.residualStandardError = std::sqrt(s2);
        pr.linearise(p, r, j);
        const Eigen::Matrix3d jtj = j.transpose() * j;
        Eigen::FullPivLU<Eigen::Matrix3d> lu(jtj);
        if (lu.isInvertible()) {
            const Vec3 se = (s2 * lu.inverse().diagonal()).cwiseMax(0.0).cwiseSqrt();
            fit.standardErrors = toCoefficients(se);
        } else {
            fit.standardErrors = {nan, nan, nan};
        }
    } else {
        fit.residualStandardError = nan;
        fit.standardErrors = {nan, nan, nan};
    }
    return fit;
}

model::Result<std::vector<UslPoint>> uslPointsFromCsv(const model::CsvTable &table, const QString &sourceName)
{
    const int nColumn = table.column(u"n");
    const int xColumn = table.column(u"throughput");
    if (nColumn < 0 || xColumn < 0)
        return makeError(QStringLiteral("expected columns 'n' and 'throughput', got '%1'")
                             .arg(table.header.join(u',')),
                         nColumn < 0 ? QStringLiteral("n") : QStringLiteral("throughput"),
                         model::SourceLocation{sourceName, 1, 1});
    std::vector<UslPoint> points;
    points.reserve(static_cast<size_t>(table.rows.size()));
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows[i];
        const int line = i < table.rowLines.size() ? table.rowLines[i] : static_cast<int>(i + 2);
        UslPoint pt;
        for (const auto &[column, target] : {std::pair{nColumn, &pt.n}, std::pair{xColumn, &pt.throughput}}) {
            bool ok = false;
            const QString text = row.value(column).trimmed();
            *target = text.toDouble(&ok);
            if (!ok || !std::isfinite(*target))
                return makeError(QStringLiteral("expected a number, got '%1'").arg(text), table.header[column],
                                 model::SourceLocation{sourceName, line, 0});
        }
        points.push_back(pt);
    }
    return points;
}

} // namespace headroom::capacity
