#include "fixtureserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

FixtureServer::FixtureServer(const QString &tlsDir, QObject *parent) : QTcpServer(parent), m_tlsDir(tlsDir) {}

bool FixtureServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl FixtureServer::url() const
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(m_tlsDir.isEmpty() ? u"http"_s : u"https"_s).arg(serverPort()));
}

void FixtureServer::route(const QByteArray &method, const QString &path, Handler handler)
{
    m_routes.insert(QString::fromLatin1(method) + u' ' + path, std::move(handler));
}

QByteArray FixtureServer::readData(const QString &file) const
{
    QFile f(m_dataDir + u'/' + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture file missing: %s", qPrintable(f.fileName()));
    return f.readAll();
}

void FixtureServer::routeFile(const QByteArray &method, const QString &path, const QString &file)
{
    const QByteArray body = readData(file);
    route(method, path, [body](const Request &) { return Response{200, body, "application/json", {}, 0}; });
}

QByteArray kubeStatus(int code, const QString &reason, const QString &message)
{
    const QJsonObject status{{u"kind"_s, u"Status"_s}, {u"apiVersion"_s, u"v1"_s}, {u"metadata"_s, QJsonObject()},
                             {u"status"_s, u"Failure"_s}, {u"message"_s, message}, {u"reason"_s, reason},
                             {u"code"_s, code}};
    return QJsonDocument(status).toJson(QJsonDocument::Compact);
}

static QString itemKey(const QJsonObject &item)
{
    const QJsonObject meta = item.value(u"metadata"_s).toObject();
    const QString ns = meta.value(u"namespace"_s).toString();
    return ns.isEmpty() ? meta.value(u"name"_s).toString() : ns + u'/' + meta.value(u"name"_s).toString();
}

void FixtureServer::routeList(const QString &path, const QString &file, bool expireFirstContinue)
{
    const QJsonObject list = QJsonDocument::fromJson(readData(file)).object();
    auto expired = std::make_shared<bool>(!expireFirstContinue);
    route("GET", path, [list, expired](const Request &req) {
        const QJsonArray all = list.value(u"items"_s).toArray();
        const int limit = req.query.queryItemValue(u"limit"_s).toInt();
        const QString token = req.query.queryItemValue(u"continue"_s, QUrl::FullyDecoded);
        const int rv = list.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().toInt();
        int start = 0;
        if (!token.isEmpty()) {
            if (!*expired) {
                *expired = true;
                return Response{410, kubeStatus(410, u"Expired"_s,
                                                u"The provided continue parameter is too old to display a consistent "
                                                "list result. You can start a new list without the continue "
                                                "parameter."_s)};
            }
            const auto decoded = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
            const QString startKey = QJsonDocument::fromJson(decoded).object().value(u"start"_s).toString().chopped(1);
            while (start < all.size() && itemKey(all.at(start).toObject()) < startKey)
                ++start;
        }
        const int end = limit > 0 ? std::min<int>(all.size(), start + limit) : int(all.size());
        QJsonObject page = list;
        QJsonArray items;
        for (int i = start; i < end; ++i)
            items.append(all.at(i));
        page.insert(u"items"_s, items);
        QJsonObject meta;
        meta.insert(u"resourceVersion"_s, QString::number(rv));
        if (end < all.size()) {
            const QJsonObject next{{u"v"_s, u"meta.k8s.io/v1"_s}, {u"rv"_s, rv},
                                   {u"start"_s, QString(itemKey(all.at(end).toObject()) + QChar(0))}};
            meta.insert(u"continue"_s, QString::fromLatin1(QJsonDocument(next).toJson(QJsonDocument::Compact)
                                                               .toBase64(QByteArray::Base64UrlEncoding
                                                                         | QByteArray::OmitTrailingEquals)));
            meta.insert(u"remainingItemCount"_s, int(all.size() - end));
        }
        page.insert(u"metadata"_s, meta);
        return Response{200, QJsonDocument(page).toJson(QJsonDocument::Compact)};
    });
}

void FixtureServer::incomingConnection(qintptr descriptor)
{
    auto *buffer = new QByteArray;
    QTcpSocket *socket = nullptr;
    if (m_tlsDir.isEmpty()) {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
    } else {
        auto *ssl = new QSslSocket(this);
        ssl->setSocketDescriptor(descriptor);
        QSslConfiguration conf = ssl->sslConfiguration();
        QFile cert(m_tlsDir + u"/server.pem"_s), key(m_tlsDir + u"/server.key"_s), ca(m_tlsDir + u"/ca.pem"_s);
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly))
            qFatal("test TLS files missing in %s", qPrintable(m_tlsDir));
        conf.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
        conf.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
        conf.setCaCertificates(QSslCertificate::fromDevice(&ca, QSsl::Pem));
        conf.setPeerVerifyMode(QSslSocket::QueryPeer); // a client certificate is optional, checked if sent
        ssl->setSslConfiguration(conf);
        connect(ssl, &QSslSocket::sslErrors, ssl, [](const QList<QSslError> &) {});
        ssl->startServerEncryption();
        socket = ssl;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] { handle(socket, buffer); });
    connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
        delete buffer;
        socket->deleteLater();
    });
}

void FixtureServer::handle(QTcpSocket *socket, QByteArray *buffer)
{
    buffer->append(socket->readAll());
    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
    Request req;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    req.method = first.value(0);
    const QUrl target(QString::fromLatin1(first.value(1)));
    req.path = target.path();
    req.query = QUrlQuery(target.query(QUrl::FullyEncoded));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = req.headers.value("content-length").toLongLong();
    if (buffer->size() < headerEnd + 4 + length)
        return;
    req.body = buffer->mid(headerEnd + 4, length);
    buffer->clear();
    if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && !ssl->peerCertificate().isNull())
        req.clientSubject = ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
    requests.append(req);
    const auto it = m_routes.constFind(QString::fromLatin1(req.method) + u' ' + req.path);
    Response response = it == m_routes.cend()
        ? Response{404, kubeStatus(404, u"NotFound"_s, u"the server could not find the requested resource"_s)}
        : (*it)(req);
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, [this, socket, response] { reply(socket, response); });
    else
        reply(socket, response);
}

void FixtureServer::reply(QTcpSocket *socket, const Response &response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Fixture\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Audit-Id: 00000000-0000-0000-0000-000000000000\r\nConnection: close\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
    socket->disconnectFromHost();
}
