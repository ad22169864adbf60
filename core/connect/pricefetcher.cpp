#include "core/connect/pricefetcher.h"

#include "core/model/csv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

struct AwsState {
    QPromise<model::Result<PriceFetch>> promise;
    QList<PriceEntry> prices;
    QHash<QString, int> column;
    QByteArray pending; ///< a partial line, or a quoted field spanning lines
    qint64 lineNo = 0;
    QUrl url;
    bool finished = false;
};

namespace {

model::Diagnostic httpError(const HttpResponse &r, const QString &what)
{
    QString where = r.url.toDisplayString(QUrl::RemoveUserInfo);
    if (r.status)
        where.append(u": HTTP "_s).append(QString::number(r.status));
    return model::makeError(u"%1: %2"_s.arg(what, r.status ? u"unexpected answer"_s : r.errorString), {},
                            model::SourceLocation{where, 0, 0});
}

std::optional<PriceEntry> azureItem(const QJsonObject &item, const QString &source, const QDateTime &now)
{
    if (item.value(u"type"_s).toString() != u"Consumption" || item.value(u"unitOfMeasure"_s).toString() != u"1 Hour")
        return std::nullopt;
    const QString sku = item.value(u"skuName"_s).toString();
    if (item.value(u"productName"_s).toString().endsWith(u" Windows"_s) || sku.endsWith(u" Spot"_s)
        || sku.endsWith(u" Low Priority"_s) || item.value(u"currencyCode"_s).toString() != u"USD")
        return std::nullopt;
    return PriceEntry{u"azure"_s, item.value(u"armRegionName"_s).toString(), item.value(u"armSkuName"_s).toString(),
                      0, 0, item.value(u"retailPrice"_s).toDouble(), source, now};
}

double leadingNumber(const QString &text) // "8 GiB" -> 8, "0.5 GiB" -> 0.5, "1,024 GiB" -> 1024
{
    QString n = text.section(u' ', 0, 0);
    n.remove(u',');
    return n.toDouble();
}

} // namespace

QStringList splitCsvLine(const QByteArray &line)
{
    QStringList fields;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field.append('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.append(QString::fromUtf8(field));
            field.clear();
        } else if (c != '\r' && c != '\n') {
            field.append(c);
        }
    }
    fields.append(QString::fromUtf8(field));
    return fields;
}

PriceFetcher::PriceFetcher(QString cacheDir, QObject *parent)
    : QObject(parent), m_http(new HttpClient(this)), m_cacheDir(std::move(cacheDir))
{
}

QString PriceFetcher::cachePath(const QString &provider) const
{
    return QDir(m_cacheDir).filePath(provider + u"-prices.json"_s);
}

model::Result<QList<PriceEntry>> PriceFetcher::loadCached(const QString &provider) const
{
    QFile f(cachePath(provider));
    if (!f.open(QIODevice::ReadOnly))
        return model::makeError(u"no offline copy of %1 prices: %2"_s.arg(provider, f.errorString()), {},
                                {f.fileName(), 0, 0});
    return priceListFromJson(f.readAll(), f.fileName());
}

model::Result<PriceFetch> PriceFetcher::settle(const QString &provider, model::Result<QList<PriceEntry>> fetched) const
{
    if (fetched) {
        QDir().mkpath(m_cacheDir);
        PriceFetch out{std::move(fetched).value(), {}, false};
        if (auto saved = model::writeFileAtomically(cachePath(provider), priceListToJson(out.prices)); !saved)
            out.warnings.append(saved.errorString());
        return out;
    }
    auto cached = loadCached(provider);
    if (!cached)
        return fetched.errors() + cached.errors();
    QDateTime when;
    for (const PriceEntry &e : cached.value())
        when = std::max(when, e.fetchedAt);
    return PriceFetch{cached.value(),
                      {u"refreshing %1 prices failed (%2); using the offline copy from %3"_s.arg(
                          provider, fetched.errorString(), when.toString(Qt::ISODate))},
                      true};
}

QFuture<model::Result<PriceFetch>> PriceFetcher::fetchAzure(const QUrl &baseUrl, const QString &filter)
{
    struct State {
        QPromise<model::Result<PriceFetch>> promise;
        QList<PriceEntry> prices;
        std::function<void(const QUrl &)> run;
        int pages = 0;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    auto future = state->promise.future();
    auto finish = [this, state](model::Result<QList<PriceEntry>> r) {
        state->promise.addResult(settle(u"azure"_s, std::move(r)));
        state->promise.finish();
        state->run = nullptr;
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    state->run = [this, state, finish, baseUrl, now](const QUrl &url) {
        QNetworkRequest req(url);
        req.setSslConfiguration(m_ssl);
        req.setRawHeader("Accept", "application/json");
        m_http->get(req, m_policy).then(this, [this, state, finish, baseUrl, now](const HttpResponse &r) {
            if (!r.isHttpSuccess())
                return finish(httpError(r, u"Azure Retail Prices"_s));
            QJsonParseError error;
            const QJsonObject page = QJsonDocument::fromJson(r.body, &error).object();
            if (error.error != QJsonParseError::NoError)
                return finish(model::makeError(u"malformed JSON: %1"_s.arg(error.errorString()), {},
                                               {r.url.toString(), 0, 0}));
            for (const QJsonValue &item : page.value(u"Items"_s).toArray()) {
                if (auto e = azureItem(item.toObject(), r.url.toString(QUrl::RemoveQuery), now))
                    state->prices.append(*e);
            }
            ++state->pages;
            const QUrl next(page.value(u"NextPageLink"_s).toString());
            if (next.isEmpty())
                return finish(std::move(state->prices));
            if (next.host() != baseUrl.host() || state->pages > 10'000)
                return finish(model::makeError(u"NextPageLink leads off %1: %2"_s.arg(baseUrl.host(), next.toString()),
                                               u"NextPageLink"_s, {r.url.toString(), 0, 0}));
            state->run(next);
        });
    };
    QUrl first = baseUrl;
    first.setPath(u"/api/retail/prices"_s);
    QUrlQuery q;
    q.addQueryItem(u"api-version"_s, u"2023-01-01-preview"_s);
    q.addQueryItem(u"$filter"_s, QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    first.setQuery(q);
    state->run(first);
    return future;
}

QFuture<model::Result<PriceFetch>> PriceFetcher::fetchAws(const QUrl &regionIndexUrl, const QString &region)
{
    auto state = std::make_shared<AwsState>();
    state->promise.start();
    auto future = state->promise.future();
    QNetworkRequest req(regionIndexUrl);
    req.setSslConfiguration(m_ssl);
    m_http->get(req, m_policy).then(this, [this, state, region, regionIndexUrl](const HttpResponse &r) {
        auto fail = [&](model::Diagnostics d) {
            state->promise.addResult(settle(u"aws"_s, std::move(d)));
            state->promise.finish();
        };
        if (!r.isHttpSuccess())
            return fail({httpError(r, u"AWS region index"_s)});
        const QJsonObject regions = QJsonDocument::fromJson(r.body).object().value(u"regions"_s).toObject();
        const QString path = regions.value(region).toObject().value(u"currentVersionUrl"_s).toString();
        if (path.isEmpty())
            return fail({model::makeError(u"region \"%1\" is not in the index"_s.arg(region), u"regions"_s,
                                          {regionIndexUrl.toString(), 0, 0})});
        QString csvPath = path;
        if (csvPath.endsWith(u".json"_s))
            csvPath = csvPath.chopped(5).append(u".csv"_s);
        streamAwsCsv(regionIndexUrl.resolved(QUrl(csvPath)), region, state);
    });
    return future;
}

void PriceFetcher::streamAwsCsv(const QUrl &url, const QString &region, const std::shared_ptr<AwsState> &state)
{
    state->url = url;
    QNetworkRequest req(url);
    req.setSslConfiguration(m_ssl);
    QNetworkReply *reply = m_http->manager()->get(req);
    auto *idle = new QTimer(reply); // no byte for this long: give up (the body may legitimately take minutes)
    idle->setSingleShot(true);
    idle->start(m_policy.timeout);
    connect(idle, &QTimer::timeout, reply, [reply] {
        reply->setProperty("headroomTimedOut", true);
        reply->abort();
    });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto consumeLine = [state, region, now](const QByteArray &line) {
        ++state->lineNo;
        if (state->lineNo <= 5)
            return; // FormatVersion, Disclaimer, Publication Date, Version, OfferCode
        const QStringList f = splitCsvLine(line);
        if (state->column.isEmpty()) {
            for (qsizetype i = 0; i < f.size(); ++i)
                state->column.insert(f[i], int(i));
            return;
        }
        auto col = [&](const QString &name) { return f.value(state->column.value(name, -1)); };
        if (col(u"TermType"_s) != u"OnDemand" || col(u"Unit"_s) != u"Hrs" || col(u"Product Family"_s) != u"Compute Instance"
            || col(u"Operating System"_s) != u"Linux" || col(u"Tenancy"_s) != u"Shared"
            || col(u"Pre Installed S/W"_s) != u"NA" || col(u"License Model"_s) != u"No License required"
            || col(u"CapacityStatus"_s) != u"Used" || !col(u"usageType"_s).contains(u"BoxUsage"_s)
            || col(u"Currency"_s) != u"USD")
            return;
        const QString regionCode = col(u"Region Code"_s);
        state->prices.append(PriceEntry{u"aws"_s, regionCode.isEmpty() ? region : regionCode, col(u"Instance Type"_s),
                                        leadingNumber(col(u"vCPU"_s)), leadingNumber(col(u"Memory"_s)),
                                        col(u"PricePerUnit"_s).toDouble(), state->url.toString(), now});
    };
    connect(reply, &QNetworkReply::readyRead, this, [reply, idle, state, consumeLine, this] {
        idle->start(m_policy.timeout);
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return;
        while (reply->canReadLine()) {
            state->pending.append(reply->readLine());
            if (state->pending.count('"') % 2 != 0)
                continue; // a quoted field goes on in the next line
            consumeLine(state->pending);
            state->pending.clear();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, state, consumeLine] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        model::Result<QList<PriceEntry>> result = model::makeError(u"not finished"_s);
        if (status != 200 || reply->error() != QNetworkReply::NoError) {
            const QString why = reply->property("headroomTimedOut").toBool()
                ? u"no data for %1 ms"_s.arg(m_policy.timeout.count())
                : (status ? u"HTTP %1"_s.arg(status) : reply->errorString());
            result = model::makeError(u"AWS offer file: %1"_s.arg(why), {}, {state->url.toString(), 0, 0});
        } else {
            state->pending.append(reply->readAll());
            if (!state->pending.trimmed().isEmpty())
                consumeLine(state->pending);
            if (state->column.isEmpty())
                result = model::makeError(u"AWS offer file has no header row"_s, {}, {state->url.toString(), 0, 0});
            else
                result = std::move(state->prices);
        }
        state->promise.addResult(settle(u"aws"_s, std::move(result)));
        state->promise.finish();
    });
}

} // namespace headroom::connect
