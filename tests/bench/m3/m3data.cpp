#include "tests/bench/m3/m3data.h"

#include "core/model/csv.h"

#include <QHash>


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

} // namespace headroom::bench
