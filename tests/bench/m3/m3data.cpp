#include "tests/bench/m3/m3data.h"

#include "core/model/csv.h"

#include <QHash>

#include <cmath>

namespace headroom::bench {

std::vector<M3Series> loadM3(const QString &dir)
{
    auto index = model::readCsvFile(dir + QStringLiteral("/index.csv"));
    auto values = model::readCsvFile(dir + QStringLiteral("/series.csv"));
    if (!index || !values)
        return {};
    std::vector<M3Series> out;
    QHash<QString, size_t> byName;
    const int cName = index->column(u"series"), cH = index->column(u"h"), cSeason = index->column(u"season");
    for (const QStringList &row : index->rows) {
        byName.insert(row[cName], out.size());
        out.push_back({row[cName], row[cSeason].toInt(), row[cH].toInt(), {}, {}});
    }
    const int vName = values->column(u"series"), vPart = values->column(u"part"), vValue = values->column(u"value");
    for (const QStringList &row : values->rows) {
        auto it = byName.find(row[vName]);
        if (it == byName.end())
            continue;
        M3Series &s = out[*it];
        (row[vPart] == u"train" ? s.train : s.test).push_back(row[vValue].toDouble());
    }
    return out;
}

double smape(const std::vector<double> &actual, const std::vector<double> &forecast)
{
    double sum = 0.0;
    for (size_t i = 0; i < actual.size(); ++i) {
        const double den = std::abs(actual[i]) + std::abs(forecast[i]);
        sum += den > 0.0 ? 200.0 * std::abs(actual[i] - forecast[i]) / den : 0.0;
    }
    return actual.empty() ? 0.0 : sum / actual.size();
}

double mase(const std::vector<double> &train, const std::vector<double> &actual, const std::vector<double> &forecast,
            int period)
{
    const size_t m = train.size() > size_t(period) ? size_t(period) : 1;
    double scale = 0.0;
    for (size_t t = m; t < train.size(); ++t)
        scale += std::abs(train[t] - train[t - m]);
    scale /= double(train.size() - m);
    double err = 0.0;
    for (size_t i = 0; i < actual.size(); ++i)
        err += std::abs(actual[i] - forecast[i]);
    return scale > 0.0 ? err / actual.size() / scale : 0.0;
}

} // namespace headroom::bench
