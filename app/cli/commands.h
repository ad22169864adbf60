#pragma once

#include <QStringList>

/// One function per headroom-cli subcommand, each in app/cli/cmd_<name>.cpp.
/// `args` are the arguments after the subcommand's name; the return value is the exit code.
namespace headroom::cli {

int runValidate(const QStringList &args);
int runShow(const QStringList &args);
int runForecast(const QStringList &args);
int runPlan(const QStringList &args);
int runQueue(const QStringList &args);
int runUsl(const QStringList &args);
int runSimulate(const QStringList &args);
int runHpa(const QStringList &args);
int runCost(const QStringList &args);
int runRedis(const QStringList &args);
int runShard(const QStringList &args);
int runTopology(const QStringList &args);
int runAlerts(const QStringList &args);
int runReport(const QStringList &args);
int runImport(const QStringList &args);
int runApply(const QStringList &args);
int runInspect(const QStringList &args);
int runPrices(const QStringList &args);
int runSecret(const QStringList &args);

} // namespace headroom::cli
