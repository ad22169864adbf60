#include "core/cost/catalog.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace headroom;
using namespace headroom::cost;

class TestCatalog : public QObject {
    Q_OBJECT

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QString data(const char *name) { return QStringLiteral(HEADROOM_TEST_DATA "/") + QLatin1String(name); }

private slots:
    void bundledCatalogTranscribesSources()
    {
        const PricingCatalog c = defaultCatalog();
        QCOMPARE(c.instances.size(), 46); // 42 rows of default-catalog.json + the plan's 4 tiers
        QVERIFY(validateCatalog(c).isEmpty() || !model::hasErrors(validateCatalog(c)));
        const InstancePrice *m6i = c.instanceById(u"aws/us-east-1/m6i.xlarge");
        QVERIFY(m6i);
        QCOMPARE(m6i->onDemandHourly, 0.192);
        QCOMPARE(m6i->vcpu, 4.0);
        QCOMPARE(m6i->memoryBytes, 16.0 * 1024 * 1024 * 1024);
        QCOMPARE(c.source(m6i->source)->asOf, QStringLiteral("2026-01-19"));
        const InstancePrice *d2 = c.instanceById(u"azure/eastus/Standard_F2s_v2");
        QVERIFY(d2);
        QCOMPARE(d2->onDemandHourly, 0.0846);
        QCOMPARE(c.instanceById(u"gcp/us-central1/n2-highmem-16")->onDemandHourly, 1.048112);
        QCOMPARE(c.source(u"gcp-derived")->confidence, QStringLiteral("medium"));
    }

    void planTiersCarryTheirOwnPrices_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<double>("hourly");
        QTest::addColumn<double>("vcpu");
        QTest::addRow("Starter") << "Starter" << 0.05 << 2.0;
        QTest::addRow("Standard") << "Standard" << 0.20 << 4.0;
        QTest::addRow("Performance") << "Performance" << 0.50 << 8.0;
        QTest::addRow("Enterprise") << "Enterprise" << 1.20 << 16.0;
    }
    void planTiersCarryTheirOwnPrices()
    {
        QFETCH(QString, type);
        QFETCH(double, hourly);
        QFETCH(double, vcpu);
        const PricingCatalog c = defaultCatalog();
        const InstancePrice *row = c.instance(type, u"eu-north-1", u"aws"); // "*" row matches any region
        QVERIFY(row);
        QCOMPARE(row->provider, QStringLiteral("plan"));
        QCOMPARE(row->source, QStringLiteral("plan-document"));
        QCOMPARE(row->onDemandHourly, hourly);
        QCOMPARE(row->vcpu, vcpu);
    }

    void derivedPricesNameTheirDiscount_data()
    {
        QTest::addColumn<QString>("rowId");
        QTest::addColumn<int>("option");
        QTest::addColumn<double>("hourly");
        QTest::addColumn<QString>("sourcePart");
        // aws profile: spot 65%, RI 1y 37%, RI 3y 62% (typical values of discounts.json)
        QTest::addRow("plan Standard spot") << "plan/Standard" << int(PurchaseOption::Spot) << 0.20 * 0.35 << "spot -65% (aws, typical, aws-discounts)";
        QTest::addRow("plan Standard 1y") << "plan/Standard" << int(PurchaseOption::Reserved1y) << 0.20 * 0.63 << "reserved_1y -37%";
        QTest::addRow("m6i.xlarge 3y") << "aws/us-east-1/m6i.xlarge" << int(PurchaseOption::Reserved3y) << 0.192 * 0.38 << "reserved_3y -62%";
        // azure savings plan 1y: 27% (the Retail Prices API sample)
        QTest::addRow("azure sp1y") << "azure/eastus/Standard_D4s_v5" << int(PurchaseOption::SavingsPlan1y) << 0.192 * 0.73 << "savings_plan_1y -27%";
        // GCP memory-optimized 3y CUD: 70%
        QTest::addRow("gcp highmem 3y") << "gcp/us-central1/n2-highmem-2" << int(PurchaseOption::Reserved3y) << 0.131014 * 0.30 << "(gcp-memory";
        QTest::addRow("on-demand quoted") << "gcp/us-central1/n2-standard-4" << int(PurchaseOption::OnDemand) << 0.194236 << "gcp-derived";
    }
    void derivedPricesNameTheirDiscount()
    {
        QFETCH(QString, rowId);
        QFETCH(int, option);
        QFETCH(double, hourly);
        QFETCH(QString, sourcePart);
        const PricingCatalog c = defaultCatalog();
        const auto p = c.price(*c.instanceById(rowId), PurchaseOption(option));
        QVERIFY(p);
        QVERIFY(qAbs(p->hourly - hourly) < 1e-12);
        QVERIFY2(p->source.contains(sourcePart), qPrintable(p->source));
        QCOMPARE(p->derived, PurchaseOption(option) != PurchaseOption::OnDemand);
    }

    void missingDiscountGivesNoPrice()
    {
        const PricingCatalog c = defaultCatalog();
        // GCP has no savings plans in discounts.json
        QVERIFY(!c.price(*c.instanceById(u"gcp/us-central1/n2-standard-4"), PurchaseOption::SavingsPlan1y));
    }

    void exactRegionBeatsWildcard()
    {
        PricingCatalog c = defaultCatalog();
        InstancePrice local = *c.instanceById(u"plan/Standard");
        local.id = QStringLiteral("plan/eu-west-1/Standard");
        local.region = QStringLiteral("eu-west-1");
        local.onDemandHourly = 0.23;
        c.instances.append(local);
        QCOMPARE(c.instance(u"Standard", u"eu-west-1")->onDemandHourly, 0.23);
        QCOMPARE(c.instance(u"Standard", u"us-east-1")->onDemandHourly, 0.20);
    }

    void malformedYamlIsLocated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("bad number") << "bad-number.yaml" << 6 << "instances[0].onDemandHourly" << "expected a number, got 'abc'";
        QTest::addRow("unknown source") << "unknown-source.yaml" << 6 << "instances[0].source" << "unknown source 'sr' (did you mean 'src'?)";
        QTest::addRow("duplicate id") << "duplicate-id.yaml" << 7 << "instances[1].id" << "duplicate id 'a'";
        QTest::addRow("negative price") << "negative-price.yaml" << 6 << "instances[0].onDemandHourly" << "-0.5";
        QTest::addRow("missing vcpu") << "missing-vcpu.yaml" << 6 << "instances[0].vcpu" << "'vcpu' is required";
        QTest::addRow("bad memory") << "bad-memory.yaml" << 6 << "instances[0].memory" << "expected a size";
        QTest::addRow("unknown key") << "unknown-key.yaml" << 6 << "instances[0].sorce" << "unknown key 'sorce' (did you mean 'source'?)";
        QTest::addRow("discount range") << "discount-range.yaml" << 6 << "discounts[0].spot" << "120";
        QTest::addRow("unknown profile") << "unknown-profile.yaml" << 6 << "instances[0].discounts" << "unknown discount profile 'nope'";
        QTest::addRow("capacity kind") << "capacity-kind.yaml" << 6 << "capacity[0].kind" << "expected 'storage' or 'cache', got 'disk'";
        QTest::addRow("wrong version") << "wrong-version.yaml" << 1 << "apiVersion" << "unsupported apiVersion 'headroom/v2'";
    }
    void malformedYamlIsLocated()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const QString full = QStringLiteral(HEADROOM_TEST_DATA "/catalog-bad/") + file;
        const auto result = parseCatalogYaml(read(full), full);
        QVERIFY(!result);
        const QString text = result.errorString();
        QVERIFY2(text.contains(QRegularExpression(QRegularExpression::escape(full + u':' + QString::number(line) + u':')
                                                  + QStringLiteral("[0-9]+: ") + QRegularExpression::escape(path + u':'))),
                 qPrintable(text));
        QVERIFY2(text.contains(message), qPrintable(text));
    }

    void allErrorsAtOnce()
    {
        const QString full = data("catalog-bad/two-errors.yaml");
        const auto result = parseCatalogYaml(read(full), full);
        QVERIFY(!result);
        QCOMPARE(result.errors().size(), 2);
        QVERIFY(result.errorString().contains(QStringLiteral(":6:")));
        QVERIFY(result.errorString().contains(QStringLiteral(":7:")));
    }

    void syntaxErrorIsLocated()
    {
        const QString full = data("catalog-bad/syntax.yaml");
        const auto result = parseCatalogYaml(read(full), full);
        QVERIFY(!result);
        QVERIFY2(result.errorString().startsWith(full + u':'), qPrintable(result.errorString()));
    }

    void sanityWarnings()
    {
        // The Azure source prices D2as_v5 above D4as_v5 (API-NOTES 6.4): a warning, not an error.
        const QByteArray yaml = "apiVersion: headroom/v1\nkind: PricingCatalog\nsources:\n"
                                "  - {id: s, description: d, asOf: x}\ninstances:\n"
                                "  - {id: a, provider: azure, region: eastus, type: D2as_v5, family: general, vcpu: 2, memory: 8GiB, onDemandHourly: 0.178, source: s}\n"
                                "  - {id: b, provider: azure, region: eastus, type: D4as_v5, family: general, vcpu: 4, memory: 16GiB, onDemandHourly: 0.172, spotHourly: 0.2, source: s}\n";
        model::Diagnostics warnings;
        const auto result = parseCatalogYaml(yaml, QStringLiteral("w.yaml"), &warnings);
        QVERIFY(result);
        QCOMPARE(warnings.size(), 2);
        const QString text = model::formatDiagnostics(warnings);
        QVERIFY2(text.contains(QStringLiteral("w.yaml:7:")) && text.contains(QStringLiteral("less than the smaller D2as_v5")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("spot price 0.2 is above the on-demand price 0.172")));
    }

    void csvOverridesChangeOnlyGivenCells()
    {
        const PricingCatalog base = defaultCatalog();
        const auto result = loadCatalogOverlay(base, data("cost-cli/overrides.csv"));
        QVERIFY2(result, qPrintable(result.errorString()));
        const InstancePrice *row = result->instanceById(u"plan/Standard");
        QCOMPARE(row->onDemandHourly, 0.25);
        QCOMPARE(row->spotHourly.value_or(-1), 0.08);
        QCOMPARE(row->vcpu, 4.0); // untouched
        QCOMPARE(row->source, QStringLiteral("quote-2026-11"));
        QCOMPARE(result->source(u"quote-2026-11")->asOf, QStringLiteral("2026-11-20"));
        const auto spot = result->price(*row, PurchaseOption::Spot);
        QCOMPARE(spot->hourly, 0.08);
        QVERIFY(!spot->derived);
    }

    void yamlOverlayResolvesAgainstBase()
    {
        const auto result = loadCatalogOverlay(defaultCatalog(), data("cost-cli/overlay.yaml"));
        QVERIFY2(result, qPrintable(result.errorString()));
        QCOMPARE(result->instanceById(u"plan/Performance")->onDemandHourly, 0.40);
        QCOMPARE(result->instances.size(), 46);
        // discounts: aws lives only in the base
        QVERIFY(qAbs(result->price(*result->instanceById(u"plan/Performance"), PurchaseOption::Spot)->hourly - 0.14) < 1e-12);
    }

    void malformedCsvIsLocated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("bad cells") << "bad-cells.csv"
                                   << QStringList{QStringLiteral("bad-cells.csv:3:2: on_demand_hourly: expected a number, got 'zero'"),
                                                  QStringLiteral("bad-cells.csv:4:3: spot_hourly: must be >= 0, got -1")};
        QTest::addRow("bad header") << "bad-header.csv"
                                    << QStringList{QStringLiteral("bad-header.csv:1:2: on_demand_hourli: unknown column 'on_demand_hourli' (did you mean 'on_demand_hourly'?)")};
        QTest::addRow("new row incomplete") << "new-row-incomplete.csv"
                                            << QStringList{QStringLiteral("new-row-incomplete.csv:2:0: vcpu: a new row ('acme/x1/big') needs a value"),
                                                           QStringLiteral("memory_gib: a new row"), QStringLiteral("source: a new row")};
    }
    void malformedCsvIsLocated()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const QString full = QStringLiteral(HEADROOM_TEST_DATA "/catalog-bad/") + file;
        const auto result = loadCatalogOverlay(defaultCatalog(), full);
        QVERIFY(!result);
        const QString text = result.errorString();
        for (const QString &e : expected) {
            QString want = e;
            want.replace(QStringLiteral(":0:"), QStringLiteral(":1:")); // a missing column has no cell: column 1
            QVERIFY2(text.contains(want.startsWith(file) ? QStringLiteral(HEADROOM_TEST_DATA "/catalog-bad/") + want : want),
                     qPrintable(text));
        }
    }

    void mergeReplacesById()
    {
        PricingCatalog base = defaultCatalog();
        PricingCatalog overlay;
        InstancePrice row = *base.instanceById(u"plan/Starter");
        row.onDemandHourly = 0.04;
        overlay.instances.append(row);
        const PricingCatalog merged = mergeCatalogs(base, overlay);
        QCOMPARE(merged.instances.size(), base.instances.size());
        QCOMPARE(merged.instanceById(u"plan/Starter")->onDemandHourly, 0.04);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
