#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/capacity/usl.h"
#include "core/model/csv.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace headroom::cli {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonObject coefficientsJson(const capacity::UslCoefficients &c)
{
    return QJsonObject{{QStringLiteral("sigma"), number(c.sigma)},
                       {QStringLiteral("kappa"), number(c.kappa)},
                       {QStringLiteral("lambda"), number(c.lambda)}};
}

int runFit(const QStringList &args)
{
    const QString command = QStringLiteral("usl fit");
    CommandLine cl(command,
                   QStringLiteral(
                       "Fits the Universal Scalability Law X(N) = lambda N / (1 + sigma (N-1) + kappa N (N-1)) to\n"
                       "measurements by nonlinear least squares (Levenberg-Marquardt). Input CSV columns: n,throughput\n"
                       "(n > 0: load, users, threads or replicas; at least 3 distinct n).\n"
                       "Prints JSON: sigma, kappa, lambda, peakN = sqrt((1 - sigma) / kappa) (null when kappa = 0),\n"
                       "peakThroughput, standardErrors {sigma, kappa, lambda} (null with only 3 points),\n"
                       "residualStandardError, rSquared, points."));
    cl.addOption({QStringLiteral("input"), QStringLiteral("Measurements CSV with columns n,throughput."),
                  QStringLiteral("CSV")});
    if (auto exit = cl.parse(args, 0, 0))
        return *exit;
    if (!cl.isSet(QStringLiteral("input")))
        return usageError(command, QStringLiteral("--input is required; see --help"));
    const QString path = cl.value(QStringLiteral("input"));
    const auto table = model::readCsvFile(path);
    if (!table)
        return reportErrors(table.errors());
    const auto points = capacity::uslPointsFromCsv(table.value(), path);
    if (!points)
        return reportErrors(points.errors());
    const auto fit = capacity::fitUsl(points.value());
    if (!fit) {
        model::Diagnostics errors = fit.errors();
        for (model::Diagnostic &d : errors)
            d.where.file = path;
        return reportErrors(errors);
    }
    QJsonObject o = coefficientsJson(fit->coefficients);
    o.insert(QStringLiteral("peakN"), number(fit->peakN()));
    o.insert(QStringLiteral("peakThroughput"), number(fit->peakThroughput()));
    o.insert(QStringLiteral("standardErrors"), coefficientsJson(fit->standardErrors));
    o.insert(QStringLiteral("residualStandardError"), number(fit->residualStandardError));
    o.insert(QStringLiteral("rSquared"), number(fit->rSquared));
    o.insert(QStringLiteral("points"), static_cast<int>(points->size()));
    return writeOutput(QStringLiteral("-"), QJsonDocument(o).toJson(QJsonDocument::Indented)) ? Ok : BadInput;
}

} // namespace

int runUsl(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == u"fit")
        return runFit(args.mid(1));
    if (sub == u"--help" || sub == u"-h") {
        out() << "Usage: headroom-cli usl fit --input CSV\n\n"
                 "Universal Scalability Law. Subcommands:\n"
                 "  fit   fit sigma, kappa, lambda to n,throughput measurements (see 'usl fit --help')\n";
        out().flush();
        return Ok;
    }
    return usageError(QStringLiteral("usl"), sub.isEmpty() ? QStringLiteral("missing subcommand; expected 'fit'")
                                                             : QStringLiteral("unknown subcommand '%1'; expected 'fit'")
                                                                   .arg(sub));
}

} // namespace headroom::cli
