// Every number of the analysis of WebTools Pro and of what-if variants of it, and of the cost
// engine under several purchase mixes, as text: run it with two builds and `cmp` the outputs to
// show an optimisation changed no result bit. Doubles are written with 17 significant digits
// (tests/core/analysisdump.h), which round-trips every double exactly.
//
//   analysis_dump [OUT]      (OUT defaults to stdout; the count of numbers goes to stderr)
#include "core/analysis/scenarioanalysis.h"
#include "core/cost/catalog.h"
#include "core/cost/costmodel.h"
#include "core/cost/savingsplan.h"
#include "core/cost/scenariocost.h"
#include "core/model/scenarioio.h"
#include "tests/core/analysisdump.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace headroom;
using testing::AnalysisDump;

namespace {

using Change = std::function<void(model::Scenario &, analysis::AnalysisOptions &)>;

struct Variant {
    const char *name;
    Change change;
};

void setSpike(model::Scenario &s, const QString &argument, const QString &value)
{
    for (model::TrafficScenario &t : s.spec.traffic)
        if (t.name == u"spike-10x")
            t.spec.replace(QRegularExpression(argument + u"=[^,)]*"_s), argument + u'=' + value);
}

const Variant variants[] = {
    {"default", [](model::Scenario &, analysis::AnalysisOptions &) {}},
    {"maxReplicas", [](model::Scenario &s, analysis::AnalysisOptions &) {
         model::Tier *t = s.tier(u"api");
         t->autoscaling.maxReplicas += 10;
         if (t->hpa)
             t->hpa->maxReplicas = t->autoscaling.maxReplicas;
     }},
    {"minReplicas", [](model::Scenario &s, analysis::AnalysisOptions &) {
         model::Tier *t = s.tier(u"web");
         t->autoscaling.minReplicas += 4;
         t->autoscaling.maxReplicas = std::max(t->autoscaling.maxReplicas, t->autoscaling.minReplicas);
     }},
    {"cpuTarget", [](model::Scenario &s, analysis::AnalysisOptions &) { s.tier(u"api")->autoscaling.targetCPUUtilization = 55; }},
    {"growth", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.capacityPlanner.growthRate = 0.3; }},
    {"spot0.3", [](model::Scenario &, analysis::AnalysisOptions &o) { o.spotRatio = 0.3; }},
    {"spot0.55", [](model::Scenario &, analysis::AnalysisOptions &o) { o.spotRatio = 0.55; }},
    {"spot1", [](model::Scenario &, analysis::AnalysisOptions &o) { o.spotRatio = 1.0; }},
    {"shards", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.redisCluster.shards += 3; }},
    {"hitRatio", [](model::Scenario &s, analysis::AnalysisOptions &) {
         model::CacheLevel &c = s.spec.cacheHierarchy.first();
         c.hitRatio = c.hitRatio.value_or(80) - 15;
     }},
    {"spikeFactor", [](model::Scenario &s, analysis::AnalysisOptions &) { setSpike(s, u"factor"_s, u"6"_s); }},
    {"tightBudget", [](model::Scenario &s, analysis::AnalysisOptions &) {
         s.spec.costOptimization.costThresholds.warning.amount = 1;
         s.spec.costOptimization.costThresholds.critical.amount = 2;
     }},
    {"noSchedule", [](model::Scenario &s, analysis::AnalysisOptions &) { s.spec.costOptimization.scheduleBasedScaling = false; }},
    {"reserved3y", [](model::Scenario &s, analysis::AnalysisOptions &) {
         s.spec.costOptimization.reservedInstancePlanning = 36;
         s.spec.costOptimization.reservedSavingsThreshold.amount = 10;
     }},
    {"planDays30", [](model::Scenario &, analysis::AnalysisOptions &o) { o.planDays = 30; }},
};

/// The cost engine on its own: the plan's replicas bought under several mixes, plus a sub-day series.
QString costEngine(const model::Scenario &scenario)
{
    QString out;
    const cost::PricingCatalog &catalog = cost::defaultCatalog();
    const analysis::ScenarioAnalysis a = analysis::analyze(scenario, [] {
        analysis::AnalysisOptions o;
        o.traffic = QStringList{u"spike-10x"_s};
        o.evaluateAlerts = false;
        o.topology = false;
        return o;
    }());
    auto input = cost::costInputFromScenario(scenario, catalog);
    if (!input)
        return u"no cost input\n"_s;
    cost::CostInput planInput = input.value();
    cost::SampledSeries days;
    for (int d = 0; d < a.plan.days; ++d)
        days.hours.push_back(d * 24.0);
    days.lastStepHours = 24;
    planInput.concurrentUsers = planInput.storageBytes = planInput.cacheBytes = days;
    planInput.concurrentUsers.values = a.plan.users;
    planInput.storageBytes.values = a.plan.storageBytes;
    planInput.cacheBytes.values = a.plan.cacheBytes;
    for (const capacity::TierPlan &t : a.plan.tiers)
        planInput.replicas.push_back({t.tierId, days.hours, std::vector<double>(t.plannedReplicas.begin(), t.plannedReplicas.end()), 24});
    planInput.startDate = a.plan.startDate;

    cost::CostInput simInput = input.value();
    for (const autoscale::TierTimeline &t : a.traffic.front().simulation.tiers)
        simInput.replicas.push_back(cost::replicaSeriesFromTicks(t.tierId, 15, t.readyReplicas.toVector(), 3.5));

    std::vector<std::pair<QString, cost::CostOptions>> mixes;
    for (double spot : {0.0, 0.3, 0.4, 0.7})
        mixes.emplace_back(u"spot %1"_s.arg(spot), cost::currentMix(scenario, spot));
    cost::CostOptions perTier = cost::currentMix(scenario, 0.2);
    perTier.tierSpotRatio.insert(u"web"_s, 0.6);
    mixes.emplace_back(u"per-tier spot"_s, perTier);
    for (cost::PurchaseOption term : {cost::PurchaseOption::Reserved1y, cost::PurchaseOption::Reserved3y,
                                      cost::PurchaseOption::SavingsPlan1y}) {
        for (double q : {0.0, 0.5}) {
            cost::CostOptions r = cost::currentMix(scenario, 0.3);
            r.reservedTerm = term;
            r.reservedPercentile = q;
            mixes.emplace_back(u"reserved %1 q%2"_s.arg(cost::purchaseOptionName(term)).arg(q), r);
        }
    }
    cost::CostOptions some = cost::currentMix(scenario, 0.1);
    some.reservedTerm = cost::PurchaseOption::Reserved1y;
    some.reservedTiers = QStringList{u"api"_s};
    mixes.emplace_back(u"reserved api only"_s, some);

    cost::SavingsSettings settings = cost::savingsSettings(scenario);
    cost::SavingsSettings measured = settings;
    measured.utilization.insert(u"api"_s, cost::TierUtilization{0.2, 0.3, u"measured"_s});
    measured.utilization.insert(u"processing"_s, cost::TierUtilization{0.1, 0.1, u"measured"_s});
    measured.reservedPercentile = 0.25;
    measured.reservedSavingsThresholdUsd = 0;

    for (const auto &[inputName, in] : {std::pair{u"plan"_s, &planInput}, std::pair{u"simulation"_s, &simInput}}) {
        for (const auto &[mixName, mix] : mixes) {
            const QString head = inputName + u" / "_s + mixName;
            auto bill = cost::computeCost(*in, catalog, mix);
            out.append(head + u" bill: "_s + (bill ? AnalysisDump::of(bill.value()) : u"error"_s) + u'\n');
            for (const auto &[settingsName, s] : {std::pair{u"scenario"_s, &settings}, std::pair{u"measured"_s, &measured}}) {
                auto savings = cost::planSavings(*in, catalog, mix, *s);
                out.append(head + u" savings "_s + settingsName + u": "_s
                           + (savings ? AnalysisDump::of(savings.value()) : u"error"_s) + u'\n');
            }
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QString text;
    const model::Scenario base = model::defaultScenario();
    analysis::AnalysisOptions all;
    const analysis::ScenarioAnalysis first = analysis::analyze(base, all);
    text.append(u"full default: "_s + AnalysisDump::whole(first) + u'\n');
    for (const Variant &v : variants) {
        model::Scenario s = base;
        analysis::AnalysisOptions o = all;
        v.change(s, o);
        const analysis::ScenarioAnalysis full = analysis::analyze(s, o);
        text.append(u"full "_s + QString::fromLatin1(v.name) + u": "_s + AnalysisDump::whole(full) + u'\n');
        // the incremental analysis from the default state must give the same text
        const analysis::ScenarioAnalysis incremental = analysis::analyze(s, o, {}, &first);
        text.append(u"incremental "_s + QString::fromLatin1(v.name) + u": "_s + AnalysisDump::whole(incremental) + u'\n');
    }
    text.append(costEngine(base));

    qsizetype numbers = 0;
    static const QRegularExpression number(u"(?<![\\w.])-?(?:\\d+\\.?\\d*(?:e[-+]?\\d+)?|nan|inf)(?![\\w.])"_s);
    for (auto it = number.globalMatch(text); it.hasNext(); it.next())
        ++numbers;
    std::fprintf(stderr, "%lld numbers, %lld characters\n", static_cast<long long>(numbers),
                 static_cast<long long>(text.size()));

    QFile file;
    if (argc > 1) {
        file.setFileName(QString::fromLocal8Bit(argv[1]));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", argv[1]);
            return 1;
        }
    } else if (!file.open(stdout, QIODevice::WriteOnly)) {
        return 1;
    }
    file.write(text.toUtf8());
    return 0;
}
