#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "translations/translator.h"

#include <QApplication>
#include <QCoreApplication>

#include <array>
#include <memory>

using namespace headroom::cli;

namespace {

struct Command {
    const char16_t *name;
    const char16_t *summary;
    int (*run)(const QStringList &);
};

constexpr std::array commands{
    Command{u"validate", u"check a scenario file; errors as FILE:LINE:COL: field.path: message", runValidate},
    Command{u"show", u"summary of a scenario (default: the embedded WebTools Pro)", runShow},
    Command{u"forecast", u"forecast a metric series (CSV t,value) with prediction intervals", runForecast},
    Command{u"plan", u"required capacity per tier per day", runPlan},
    Command{u"queue", u"M/M/c (Erlang C) response times, or the servers a P95 target needs", runQueue},
    Command{u"usl", u"fit the Universal Scalability Law to (n, throughput) measurements", runUsl},
    Command{u"simulate", u"HPA and node autoscaling under a traffic scenario, tick by tick", runSimulate},
    Command{u"hpa", u"explain one HPA decision, or print a tier's autoscaling/v2 manifest", runHpa},
    Command{u"cost", u"cost per tier and purchase option over the horizon, and the savings plan", runCost},
    Command{u"redis", u"Redis Cluster hash slots of keys", runRedis},
    Command{u"shard", u"shard placement and key movement for sharding schemes", runShard},
    Command{u"topology", u"caches, database, Redis and the region-loss what-if (--lose REGION)", runTopology},
    Command{u"alerts", u"evaluate Prometheus alerting rules over simulated or real series", runAlerts},
    Command{u"report", u"the full report as PDF and CSV", runReport},
    Command{u"import", u"build a scenario from a live Kubernetes cluster", runImport},
    Command{u"apply", u"scale a workload or apply a tier's HPA on a cluster (dry run, diff, confirm)", runApply},
    Command{u"inspect", u"the real topology of a live Redis Cluster or PostgreSQL (+PgBouncer), as JSON", runInspect},
    Command{u"prices", u"refresh a pricing catalog from the Azure or AWS price lists", runPrices},
    Command{u"secret", u"store or delete a named token/password in the system keychain", runSecret},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: headroom-cli <command> [options]\n\n"
              "Headroom's engine without a display: scenarios, forecasts, capacity plans, autoscaling\n"
              "simulations, cost and reports. Exit codes: 0 success, 1 bad input, 2 usage error.\n\n"
              "Commands:\n";
    for (const Command &c : commands)
        stream << "  " << QString::fromUtf16(c.name).leftJustified(10) << "  " << QString::fromUtf16(c.summary) << '\n';
    stream << "\nRun 'headroom-cli <command> --help' for a command's options.\n";
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    // `report` draws charts (Qt Charts needs a QApplication), on the offscreen platform: no display.
    const bool gui = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("headroom-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Headroom"));
    headroom::i18n::installTranslators(app, QString());

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(err());
        return Usage;
    }
    const QString name = args.takeFirst();
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printUsage(out());
        return Ok;
    }
    if (name == u"--version") {
        out() << "headroom-cli " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    for (const Command &c : commands) {
        if (name == QStringView(c.name))
            return c.run(args);
    }
    return usageError(name, QStringLiteral("unknown command; run 'headroom-cli --help' for the list"));
}
