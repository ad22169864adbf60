#include "core/cost/catalog.h"

#include "core/cost/catalogschema.h"
#include "core/model/yamlio.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace headroom::cost {

using model::Diagnostic;
using model::Diagnostics;
using model::makeError;

QString purchaseOptionName(PurchaseOption option)
{
    switch (option) {
    case PurchaseOption::OnDemand: return QStringLiteral("on_demand");
    case PurchaseOption::Spot: return QStringLiteral("spot");
    case PurchaseOption::Reserved1y: return QStringLiteral("reserved_1y");
    case PurchaseOption::Reserved3y: return QStringLiteral("reserved_3y");
    case PurchaseOption::SavingsPlan1y: return QStringLiteral("savings_plan_1y");
    case PurchaseOption::SavingsPlan3y: return QStringLiteral("savings_plan_3y");
    }
    return {};
}

int termMonths(PurchaseOption option)
{
    switch (option) {
    case PurchaseOption::Reserved1y:
    case PurchaseOption::SavingsPlan1y: return 12;
    case PurchaseOption::Reserved3y:
    case PurchaseOption::SavingsPlan3y: return 36;
    default: return 0;
    }
}

namespace {

template <typename T>
const T *findById(const QList<T> &rows, QStringView id)
{
    const auto it = std::find_if(rows.cbegin(), rows.cend(), [id](const T &r) { return r.id == id; });
    return it == rows.cend() ? nullptr : &*it;
}

/// Exact region first, then "*"; a matching provider beats any other.
template <typename T, typename Match>
const T *bestRow(const QList<T> &rows, QStringView region, QStringView provider, Match &&match)
{
    const T *best = nullptr;
    int bestScore = -1;
    for (const T &r : rows) {
        if (!match(r) || (r.region != region && r.region != u"*"))
            continue;
        const int score = (r.region == region ? 2 : 0) + (!provider.isEmpty() && r.provider == provider ? 1 : 0);
        if (score > bestScore) {
            best = &r;
            bestScore = score;
        }
    }
    return best;
}

std::optional<double> explicitPrice(const InstancePrice &row, PurchaseOption option)
{
    switch (option) {
    case PurchaseOption::OnDemand: return row.onDemandHourly;
    case PurchaseOption::Spot: return row.spotHourly;
    case PurchaseOption::Reserved1y: return row.reserved1yHourly;
    case PurchaseOption::Reserved3y: return row.reserved3yHourly;
    case PurchaseOption::SavingsPlan1y: return row.savingsPlan1yHourly;
    case PurchaseOption::SavingsPlan3y: return row.savingsPlan3yHourly;
    }
    return std::nullopt;
}

std::optional<double> discountPct(const DiscountProfile &d, PurchaseOption option)
{
    switch (option) {
    case PurchaseOption::OnDemand: return 0.0;
    case PurchaseOption::Spot: return d.spotPct;
    case PurchaseOption::Reserved1y: return d.reserved1yPct;
    case PurchaseOption::Reserved3y: return d.reserved3yPct;
    case PurchaseOption::SavingsPlan1y: return d.savingsPlan1yPct;
    case PurchaseOption::SavingsPlan3y: return d.savingsPlan3yPct;
    }
    return std::nullopt;
}

} // namespace

const PriceSource *PricingCatalog::source(QStringView id) const { return findById(sources, id); }
const DiscountProfile *PricingCatalog::discountProfile(QStringView id) const { return findById(discounts, id); }
const InstancePrice *PricingCatalog::instanceById(QStringView id) const { return findById(instances, id); }

const InstancePrice *PricingCatalog::instance(QStringView type, QStringView region, QStringView provider) const
{
    return bestRow(instances, region, provider, [&](const InstancePrice &r) {
        return r.type == type && (provider.isEmpty() || r.provider == provider || r.provider == u"plan");
    });
}

const CapacityPrice *PricingCatalog::capacityPrice(QStringView kind, QStringView region, QStringView provider) const
{
    return bestRow(capacity, region, provider, [&](const CapacityPrice &r) { return r.kind == kind; });
}

std::optional<ResolvedPrice> PricingCatalog::price(const InstancePrice &row, PurchaseOption option) const
{
    const PriceSource *rowSource = source(row.source);
    const QString date = rowSource ? rowSource->asOf : QString();
    if (const auto quoted = explicitPrice(row, option))
        return ResolvedPrice{*quoted, row.source, date, false};
    const DiscountProfile *profile = discountProfile(row.discounts.isEmpty() ? row.provider : row.discounts);
    if (!profile)
        return std::nullopt;
    const auto pct = discountPct(*profile, option);
    if (!pct)
        return std::nullopt;
    ResolvedPrice p;
    // Rounded to 1e-10 USD so that 0.20 x 0.35 prints as 0.07, not 0.06999999999999999.
    p.hourly = std::round(row.onDemandHourly * (1.0 - *pct / 100.0) * 1e10) / 1e10;
    p.derived = true;
    p.source = QStringLiteral("%1; %2 -%3% (%4%5, %6)")
                   .arg(row.source, purchaseOptionName(option), QString::number(*pct), profile->id,
                        profile->typical ? QStringLiteral(", typical") : QString(), profile->source);
    p.date = date;
    return p;
}

ResolvedPrice PricingCatalog::capacityPriceOf(const CapacityPrice &row) const
{
    const PriceSource *s = source(row.source);
    return ResolvedPrice{row.perGbMonth / 730.0, row.source, s ? s->asOf : QString(), false};
}

// ---- validation -------------------------------------------------------------------------------

namespace {

class Checker {
public:
    Checker(const QString &file, const QHash<QString, model::SourceLocation> &locations)
        : m_file(file), m_locations(locations) {}
    void add(model::Severity severity, const QString &path, const QString &message)
    {
        Diagnostic d = makeError(message, path, m_locations.value(path, model::SourceLocation{m_file, 0, 0}));
        d.severity = severity;
        m_out.append(d);
    }
    Diagnostics take() { return std::move(m_out); }

private:
    QString m_file;
    const QHash<QString, model::SourceLocation> &m_locations;
    Diagnostics m_out;
};

QString at(const char *list, qsizetype i, const char *field = nullptr)
{
    QString p = QString::fromLatin1(list) + u'[' + QString::number(i) + u']';
    if (field)
        p.append(u'.').append(QString::fromLatin1(field));
    return p;
}

template <typename T>
void checkUnique(Checker &c, const QList<T> &rows, const char *list)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (seen.contains(rows[i].id))
            c.add(model::Severity::Error, at(list, i, "id"), QStringLiteral("duplicate id '%1'").arg(rows[i].id));
        seen.insert(rows[i].id);
    }
}

/// Checks `cat`'s rows; references (sources, profiles) resolve in `refs`, which is `cat` itself
/// or, for an overlay, the merged catalog.
Diagnostics checkCatalog(const PricingCatalog &cat, const PricingCatalog &refs, const QString &file,
                         const QHash<QString, model::SourceLocation> &locations)
{
    Checker c(file, locations);
    using model::Severity;
    if (cat.apiVersion != u"headroom/v1")
        c.add(Severity::Error, QStringLiteral("apiVersion"),
              QStringLiteral("unsupported apiVersion '%1'; expected headroom/v1").arg(cat.apiVersion));
    if (cat.kind != u"PricingCatalog")
        c.add(Severity::Error, QStringLiteral("kind"), QStringLiteral("expected PricingCatalog, got '%1'").arg(cat.kind));
    if (cat.currency != u"USD")
        c.add(Severity::Error, QStringLiteral("currency"),
              QStringLiteral("only USD catalogs are supported, got '%1'").arg(cat.currency));
    checkUnique(c, cat.sources, "sources");
    checkUnique(c, cat.discounts, "discounts");
    checkUnique(c, cat.instances, "instances");
    checkUnique(c, cat.capacity, "capacity");
    const auto knownSource = [&](const QString &id, const QString &path) {
        if (!refs.source(id)) {
            QStringList ids;
            for (const PriceSource &s : refs.sources)
                ids << s.id;
            c.add(Severity::Error, path, QStringLiteral("unknown source '%1'%2").arg(id, model::didYouMean(id, ids)));
        }
    };
    for (qsizetype i = 0; i < cat.discounts.size(); ++i)
        knownSource(cat.discounts[i].source, at("discounts", i, "source"));
    for (qsizetype i = 0; i < cat.capacity.size(); ++i) {
        knownSource(cat.capacity[i].source, at("capacity", i, "source"));
        if (cat.capacity[i].kind != u"storage" && cat.capacity[i].kind != u"cache")
            c.add(Severity::Error, at("capacity", i, "kind"),
                  QStringLiteral("expected 'storage' or 'cache', got '%1'").arg(cat.capacity[i].kind));
    }
    for (qsizetype i = 0; i < cat.instances.size(); ++i) {
        const InstancePrice &r = cat.instances[i];
        knownSource(r.source, at("instances", i, "source"));
        if (!r.discounts.isEmpty() && !refs.discountProfile(r.discounts))
            c.add(Severity::Error, at("instances", i, "discounts"),
                  QStringLiteral("unknown discount profile '%1'").arg(r.discounts));
        if (r.spotHourly && *r.spotHourly > r.onDemandHourly)
            c.add(Severity::Warning, at("instances", i, "spotHourly"),
                  QStringLiteral("spot price %1 is above the on-demand price %2")
                      .arg(QString::number(*r.spotHourly), QString::number(r.onDemandHourly)));
        // The Azure source has sizes priced below smaller ones (API-NOTES 6.4): flag, don't reject.
        for (qsizetype j = 0; j < cat.instances.size(); ++j) {
            const InstancePrice &o = cat.instances[j];
            if (j != i && o.provider == r.provider && o.region == r.region && o.family == r.family
                && !r.family.isEmpty() && o.vcpu > r.vcpu && o.memoryBytes >= r.memoryBytes
                && o.onDemandHourly < r.onDemandHourly)
                c.add(Severity::Warning, at("instances", j, "onDemandHourly"),
                      QStringLiteral("%1 (%2 vCPU) costs %3/h, less than the smaller %4 at %5/h")
                          .arg(o.type, QString::number(o.vcpu), QString::number(o.onDemandHourly), r.type,
                               QString::number(r.onDemandHourly)));
        }
    }
    return c.take();
}

model::Result<PricingCatalog> splitErrors(PricingCatalog catalog, const Diagnostics &all, Diagnostics *warnings)
{
    Diagnostics errors;
    for (const Diagnostic &d : all) {
        if (d.severity == model::Severity::Error)
            errors.append(d);
        else if (warnings)
            warnings->append(d);
    }
    if (!errors.isEmpty())
        return errors;
    return catalog;
}

} // namespace

Diagnostics validateCatalog(const PricingCatalog &catalog, const QString &sourceName)
{
    return checkCatalog(catalog, catalog, sourceName, {});
}

namespace {

struct ParsedYaml {
    PricingCatalog catalog;
    QHash<QString, model::SourceLocation> locations;
    Diagnostics diagnostics;
};

ParsedYaml readCatalogYaml(const QByteArray &text, const QString &sourceName)
{
    ParsedYaml out;
    const auto root = model::parseYamlText(text, sourceName, &out.diagnostics);
    if (!root)
        return out;
    out.catalog.apiVersion.clear();
    out.catalog.kind.clear();
    model::YamlReader reader(sourceName, &out.diagnostics);
    reader.read(*root, out.catalog);
    out.locations = reader.locations();
    return out;
}

} // namespace

model::Result<PricingCatalog> parseCatalogYaml(const QByteArray &text, const QString &sourceName,
                                               Diagnostics *warnings)
{
    ParsedYaml parsed = readCatalogYaml(text, sourceName);
    if (!model::hasErrors(parsed.diagnostics))
        parsed.diagnostics += checkCatalog(parsed.catalog, parsed.catalog, sourceName, parsed.locations);
    return splitErrors(std::move(parsed.catalog), parsed.diagnostics, warnings);
}

namespace {

template <typename T>
void overlayRows(QList<T> &base, const QList<T> &overlay)
{
    for (const T &row : overlay) {
        const auto it = std::find_if(base.begin(), base.end(), [&](const T &r) { return r.id == row.id; });
        if (it != base.end())
            *it = row;
        else
            base.append(row);
    }
}

} // namespace

PricingCatalog mergeCatalogs(const PricingCatalog &base, const PricingCatalog &overlay)
{
    PricingCatalog out = base;
    if (!overlay.name.isEmpty())
        out.name = base.name.isEmpty() ? overlay.name : base.name + QStringLiteral(" + ") + overlay.name;
    overlayRows(out.sources, overlay.sources);
    overlayRows(out.discounts, overlay.discounts);
    overlayRows(out.instances, overlay.instances);
    overlayRows(out.capacity, overlay.capacity);
    return out;
}

model::Result<PricingCatalog> loadCatalogOverlay(const PricingCatalog &base, const QString &path,
                                                 Diagnostics *warnings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read file: %1").arg(file.errorString()), QString(), {path, 0, 0});
    const QByteArray text = file.readAll();
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        return applyCatalogCsv(base, text, path);
    ParsedYaml overlay = readCatalogYaml(text, path);
    if (model::hasErrors(overlay.diagnostics))
        return overlay.diagnostics;
    // The overlay's references may resolve against the base: check its rows against the merge.
    PricingCatalog merged = mergeCatalogs(base, overlay.catalog);
    overlay.diagnostics += checkCatalog(overlay.catalog, merged, path, overlay.locations);
    return splitErrors(std::move(merged), overlay.diagnostics, warnings);
}

QString defaultCatalogPath()
{
    return QStringLiteral(":/pricing/catalog.yaml");
}

namespace {
std::optional<PricingCatalog> loadDefaultCatalog()
{
    QFile file(defaultCatalogPath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    auto parsed = parseCatalogYaml(file.readAll(), defaultCatalogPath());
    Q_ASSERT_X(parsed.ok(), "defaultCatalog", "the bundled catalog must be valid");
    return parsed ? std::optional<PricingCatalog>(std::move(parsed).value()) : PricingCatalog{};
}
} // namespace

PricingCatalog defaultCatalog()
{
    // the bundled catalog is compiled in and never changes: parse it once per process (retrying
    // only while the resource cannot be opened)
    static const std::optional<PricingCatalog> catalog = loadDefaultCatalog();
    if (catalog)
        return *catalog;
    return loadDefaultCatalog().value_or(PricingCatalog{});
}

} // namespace headroom::cost
