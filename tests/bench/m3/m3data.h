#pragma once

#include <QString>

#include <map>
#include <vector>

/// The M3 monthly benchmark data (../shared/data/m3-monthly): series name -> train and test values.
namespace headroom::bench {

struct M3Series {
    QString name;
    int period = 12;
    int horizon = 18;
    std::vector<double> train;
    std::vector<double> test;
};

/// Reads index.csv and series.csv from `dir`; empty when the folder is absent.
std::vector<M3Series> loadM3(const QString &dir);

} // namespace headroom::bench
