// CSV price overrides. Columns (header names, any order; only `id` is required):
//   id, provider, region, type, family, vcpu, memory_gib, network_gbps, on_demand_hourly,
//   spot_hourly, reserved_1y_hourly, reserved_3y_hourly, savings_plan_1y_hourly,
//   savings_plan_3y_hourly, discounts, source, date, note
// A row whose id is in the base catalog changes only its non-empty cells. A new id adds a row and
// then needs provider, region, type, vcpu, memory_gib, on_demand_hourly and source. A source id
// the catalog does not know is added with `date` as its as-of date (date is then required).
// Prices are USD per node-hour, '.' decimals. Errors name FILE:LINE and the column.
#include "core/cost/catalog.h"

#include "core/model/csv.h"
#include "core/model/yamlio.h"

#include <cmath>

namespace headroom::cost {

namespace {

using model::Diagnostics;

const QStringList &knownColumns()
{
    static const QStringList columns = {
        QStringLiteral("id"), QStringLiteral("provider"), QStringLiteral("region"), QStringLiteral("type"),
        QStringLiteral("family"), QStringLiteral("vcpu"), QStringLiteral("memory_gib"),
        QStringLiteral("network_gbps"), QStringLiteral("on_demand_hourly"), QStringLiteral("spot_hourly"),
        QStringLiteral("reserved_1y_hourly"), QStringLiteral("reserved_3y_hourly"),
        QStringLiteral("savings_plan_1y_hourly"), QStringLiteral("savings_plan_3y_hourly"),
        QStringLiteral("discounts"), QStringLiteral("source"), QStringLiteral("date"), QStringLiteral("note")};
    return columns;
}

class RowReader {
public:
    RowReader(const model::CsvTable &table, qsizetype row, const QString &file, Diagnostics *errors)
        : m_table(table), m_row(row), m_file(file), m_errors(errors)
    {
    }
    QString text(const char *column) const
    {
        const int c = m_table.column(QString::fromLatin1(column));
        return c < 0 ? QString() : m_table.rows[m_row].value(c).trimmed();
    }
    bool has(const char *column) const { return !text(column).isEmpty(); }
    void error(const char *column, const QString &message)
    {
        const int c = m_table.column(QString::fromLatin1(column));
        m_errors->append(model::makeError(message, QString::fromLatin1(column),
                                          {m_file, m_table.rowLines.value(m_row), c + 1}));
    }
    /// Sets `*out` from a non-empty cell; reports bad or negative numbers.
    template <typename T>
    void number(const char *column, T *out, double scale = 1.0, double minimum = 0.0)
    {
        const QString t = text(column);
        if (t.isEmpty())
            return;
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            error(column, QStringLiteral("expected a number, got '%1'").arg(t));
        else if (v < minimum)
            error(column, QStringLiteral("must be >= %1, got %2").arg(QString::number(minimum), t));
        else
            *out = v * scale;
    }
    void string(const char *column, QString *out) const
    {
        if (has(column))
            *out = text(column);
    }

private:
    const model::CsvTable &m_table;
    qsizetype m_row;
    QString m_file;
    Diagnostics *m_errors;
};

void readRow(RowReader &r, InstancePrice &p)
{
    r.string("provider", &p.provider);
    r.string("region", &p.region);
    r.string("type", &p.type);
    r.string("family", &p.family);
    r.number("vcpu", &p.vcpu, 1.0, 0.001);
    r.number("memory_gib", &p.memoryBytes, 1024.0 * 1024 * 1024);
    r.number("network_gbps", &p.networkGbps);
    r.number("on_demand_hourly", &p.onDemandHourly);
    r.number("spot_hourly", &p.spotHourly);
    r.number("reserved_1y_hourly", &p.reserved1yHourly);
    r.number("reserved_3y_hourly", &p.reserved3yHourly);
    r.number("savings_plan_1y_hourly", &p.savingsPlan1yHourly);
    r.number("savings_plan_3y_hourly", &p.savingsPlan3yHourly);
    r.string("discounts", &p.discounts);
    r.string("source", &p.source);
    r.string("note", &p.note);
}

} // namespace

model::Result<PricingCatalog> applyCatalogCsv(const PricingCatalog &base, const QByteArray &text,
                                              const QString &sourceName)
{
    auto parsed = model::parseCsv(text, sourceName);
    if (!parsed)
        return parsed.errors();
    const model::CsvTable &table = parsed.value();
    Diagnostics errors;
    for (qsizetype c = 0; c < table.header.size(); ++c) {
        if (!knownColumns().contains(table.header[c]))
            errors.append(model::makeError(QStringLiteral("unknown column '%1'%2")
                                               .arg(table.header[c], model::didYouMean(table.header[c], knownColumns())),
                                           table.header[c], {sourceName, 1, static_cast<int>(c) + 1}));
    }
    if (table.column(u"id") < 0)
        errors.append(model::makeError(QStringLiteral("the header needs an 'id' column"), QStringLiteral("id"),
                                       {sourceName, 1, 1}));
    if (!errors.isEmpty())
        return errors;

    PricingCatalog out = base;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        RowReader r(table, i, sourceName, &errors);
        const QString id = r.text("id");
        if (id.isEmpty()) {
            r.error("id", QStringLiteral("a row needs an id"));
            continue;
        }
        InstancePrice *existing = nullptr;
        for (InstancePrice &p : out.instances) {
            if (p.id == id)
                existing = &p;
        }
        if (!existing) {
            for (const char *column : {"provider", "region", "type", "vcpu", "memory_gib", "on_demand_hourly", "source"}) {
                if (!r.has(column))
                    r.error(column, QStringLiteral("a new row ('%1') needs a value").arg(id));
            }
            out.instances.append(InstancePrice{});
            existing = &out.instances.last();
            existing->id = id;
        }
        readRow(r, *existing);
        const QString sourceId = r.text("source");
        if (!sourceId.isEmpty() && !out.source(sourceId)) {
            if (!r.has("date"))
                r.error("date", QStringLiteral("source '%1' is not in the catalog; give its date").arg(sourceId));
            out.sources.append(PriceSource{sourceId, QStringLiteral("CSV override %1").arg(sourceName),
                                           r.text("date"), QStringLiteral("user")});
        }
        if (!existing->discounts.isEmpty() && !out.discountProfile(existing->discounts))
            r.error("discounts", QStringLiteral("unknown discount profile '%1'").arg(existing->discounts));
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

} // namespace headroom::cost
