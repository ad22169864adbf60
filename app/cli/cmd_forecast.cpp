#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/forecast/forecaster.h"
#include "core/model/csv.h"

#include <QDir>
#include <QFileInfo>

namespace headroom::cli {

namespace {

const QString kCommand = QStringLiteral("forecast");

const char *const kHelp =
    "Forecasts a metric history given as CSV with columns t,value (t: ISO-8601 or a number).\n"
    "Writes CSV h,forecast,loL,hiL (L = --level, e.g. lo95,hi95), one row per step ahead.\n"
    "\n"
    "Models: ETS (selected by AICc), Theta, seasonal naive, and the mean of ETS and Theta\n"
    "(the default, unless ETS or Theta alone has a 20% lower rolling-origin backtest MASE;\n"
    "--method forces one). Series with a season over 24 steps or several seasons (5-minute\n"
    "data: daily and weekly) choose by a 6-origin backtest among double-seasonal Holt-Winters\n"
    "with AR(1) errors (the default where one season is a multiple of the other, e.g. day and\n"
    "week), STL+ETS (MSTL, then ETS on the adjusted series; the default otherwise, averaged with\n"
    "STL and a flat level), the recent cycles moved to the last level, seasonal naive, and means\n"
    "of these; another candidate wins only with a 20% lower backtest MASE. Their intervals are\n"
    "quantiles of the backtest errors.\n"
    "Without --season, seasonality is detected from the step (5-minute data: 288, 2016).\n"
    "\n"
    "Cleaning, each reported as a warning: irregular timestamps are interpolated onto the\n"
    "median step, missing points interpolated, counter resets re-based, outliers (more than\n"
    "6 scaled MADs from a robust fit) replaced.\n"
    "\n"
    "stderr gets one summary line per series: FILE: method M; backtest sMAPE S MASE Q\n"
    "coverage C% (K origins, H steps), followed by FILE: warning: ... lines.\n"
    "Exit codes: 0 ok, 1 bad input (FILE:LINE: message), 2 usage.";

struct Job {
    int horizon = 0;
    forecast::ForecastOptions options;
};

QString levelName(double level)
{
    return QString::number(level, 'g', 6);
}

QByteArray toCsv(const forecast::ForecastResult &r)
{
    model::CsvTable table;
    const QString l = levelName(r.level);
    table.header = {QStringLiteral("h"), QStringLiteral("forecast"), QStringLiteral("lo") + l, QStringLiteral("hi") + l};
    for (size_t h = 0; h < r.mean.size(); ++h)
        table.rows << QStringList{QString::number(h + 1), model::csvNumber(r.mean[h]), model::csvNumber(r.lower[h]),
                                  model::csvNumber(r.upper[h])};
    return table.toCsv();
}

void summarise(const QString &input, const forecast::ForecastResult &r)
{
    const forecast::Backtest &b = r.backtest;
    err() << input << ": method " << r.method << "; ";
    if (b.origins > 0)
        err() << "backtest sMAPE " << QString::number(b.smape, 'f', 2) << " MASE " << QString::number(b.mase, 'f', 3)
              << " coverage " << QString::number(100.0 * b.coverage, 'f', 1) << "% (" << b.origins << " origins, "
              << b.horizon << " steps)\n";
    else
        err() << "no backtest (series too short)\n";
    for (const QString &w : r.warnings)
        err() << input << ": warning: " << w << '\n';
    err().flush();
}

// Returns an exit code: Ok, or BadInput with the diagnostics printed.
int forecastFile(const QString &input, const QString &output, const Job &job)
{
    const auto series = forecast::readSeriesCsv(input);
    if (!series)
        return reportErrors(series.errors());
    auto result = forecast::autoForecast(series.value(), job.horizon, job.options);
    if (!result) {
        model::Diagnostics errors = result.errors();
        for (model::Diagnostic &d : errors)
            if (d.where.file.isEmpty())
                d.where.file = input;
        return reportErrors(errors);
    }
    summarise(input, result.value());
    return writeOutput(output, toCsv(result.value())) ? Ok : BadInput;
}

int forecastDirectory(const QString &inDir, const QString &outDir, const Job &job)
{
    const QDir in(inDir);
    if (!in.exists())
        return reportErrors({model::makeError(QStringLiteral("no such directory"), QString(), {inDir, 0, 0})});
    if (!QDir().mkpath(outDir))
        return reportErrors({model::makeError(QStringLiteral("cannot create directory"), QString(), {outDir, 0, 0})});
    const QStringList files = in.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    int exit = Ok;
    for (const QString &name : files)
        if (forecastFile(in.filePath(name), QDir(outDir).filePath(name), job) != Ok)
            exit = BadInput;
    return exit;
}

std::optional<std::vector<int>> parseSeasons(const QString &text)
{
    std::vector<int> periods;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int m = part.trimmed().toInt(&ok);
        if (!ok || m < 1)
            return std::nullopt;
        if (m > 1)
            periods.push_back(m);
    }
    return periods;
}

} // namespace

int runForecast(const QStringList &args)
{
    CommandLine cl(kCommand, QString::fromUtf8(kHelp));
    cl.addOption({QStringLiteral("input"), QStringLiteral("Input CSV (t,value)."), QStringLiteral("CSV")});
    cl.addOption({QStringLiteral("input-dir"), QStringLiteral("Forecast every *.csv in DIR."), QStringLiteral("DIR")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Output CSV, '-' for stdout (default)."), QStringLiteral("CSV")});
    cl.addOption({QStringLiteral("out-dir"), QStringLiteral("Output folder for --input-dir (same file names)."),
                  QStringLiteral("DIR")});
    cl.addOption({QStringLiteral("horizon"), QStringLiteral("Steps to forecast (>= 1)."), QStringLiteral("H")});
    cl.addOption({QStringLiteral("season"), QStringLiteral("Seasonal period(s) in steps, e.g. 12 or 288,2016; 1 = none."),
                  QStringLiteral("N[,M]")});
    cl.addOption({QStringLiteral("level"), QStringLiteral("Interval level in percent (default 95)."),
                  QStringLiteral("L"), QStringLiteral("95")});
    cl.addOption({QStringLiteral("method"), QStringLiteral("auto (default), ets, theta, snaive or combination."),
                  QStringLiteral("M"), QStringLiteral("auto")});
    if (auto exit = cl.parse(args))
        return *exit;
    const bool single = cl.isSet(QStringLiteral("input")), batch = cl.isSet(QStringLiteral("input-dir"));
    if (single == batch)
        return usageError(kCommand, QStringLiteral("give exactly one of --input or --input-dir"));
    if (batch && !cl.isSet(QStringLiteral("out-dir")))
        return usageError(kCommand, QStringLiteral("--input-dir needs --out-dir"));
    if (!cl.isSet(QStringLiteral("horizon")))
        return usageError(kCommand, QStringLiteral("--horizon is required"));
    Job job;
    const auto horizon = cl.integer(QStringLiteral("horizon"), 1, 1'000'000);
    const auto level = cl.number(QStringLiteral("level"), 0.01, 99.99);
    if (!horizon || !level)
        return Usage;
    job.horizon = *horizon;
    job.options.level = *level;
    if (cl.isSet(QStringLiteral("season"))) {
        const auto periods = parseSeasons(cl.value(QStringLiteral("season")));
        if (!periods)
            return usageError(kCommand, QStringLiteral("--season expects whole numbers >= 1 separated by commas, got '%1'")
                                            .arg(cl.value(QStringLiteral("season"))));
        job.options.periods = *periods;
        if (periods->empty())
            job.options.periods = {1}; // explicit "no season": skip detection
    }
    const QString method = cl.value(QStringLiteral("method"));
    const QStringList methods{QStringLiteral("auto"), QStringLiteral("ets"), QStringLiteral("theta"),
                              QStringLiteral("snaive"), QStringLiteral("combination")};
    if (!methods.contains(method))
        return usageError(kCommand, QStringLiteral("--method expects one of %1, got '%2'").arg(methods.join(u','), method));
    job.options.method = static_cast<forecast::MethodChoice>(methods.indexOf(method));
    if (batch)
        return forecastDirectory(cl.value(QStringLiteral("input-dir")), cl.value(QStringLiteral("out-dir")), job);
    return forecastFile(cl.value(QStringLiteral("input")),
                        cl.isSet(QStringLiteral("out")) ? cl.value(QStringLiteral("out")) : QStringLiteral("-"), job);
}

} // namespace headroom::cli
