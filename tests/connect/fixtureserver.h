#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

/// A small HTTPS/1.1 server for connector tests (Qt 6.4 has no QSslServer): QTcpServer plus
/// QSslSocket with a test CA's server certificate. Routes answer recorded bodies; every request is
/// kept for assertions. One request per connection (Connection: close).
class FixtureServer final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixtureServer)
public:
    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
        QString clientSubject;                 ///< CN of the client certificate, if one was sent
    };
    struct Response {
        Response(int code = 200, QByteArray content = {}, QByteArray type = "application/json",
                 QList<QPair<QByteArray, QByteArray>> extra = {}, int delay = 0)
            : status(code), body(std::move(content)), contentType(std::move(type)), headers(std::move(extra)),
              delayMs(delay)
        {
        }
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
    };
    using Handler = std::function<Response(const Request &)>;

    /// `tlsDir` holds make-test-certs.sh's output; empty = plain HTTP.
    explicit FixtureServer(const QString &tlsDir, QObject *parent = nullptr);
    bool start();
    QUrl url() const;

    /// `path` matches exactly (without the query); the latest route for a method+path wins.
    void route(const QByteArray &method, const QString &path, Handler handler);
    /// Serves a file (relative to `dataDir`) with 200.
    void routeFile(const QByteArray &method, const QString &path, const QString &file);
    /// Serves the list in `file` paginated by limit/continue with real-format continue tokens.
    /// With `expireFirstContinue`, the first request that carries a continue token gets 410 Gone.
    void routeList(const QString &path, const QString &file, bool expireFirstContinue = false);
    void setDataDir(const QString &dir) { m_dataDir = dir; }
    QByteArray readData(const QString &file) const;

    QList<Request> requests;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void handle(QTcpSocket *socket, QByteArray *buffer);
    void reply(QTcpSocket *socket, const Response &response);

    QString m_tlsDir;
    QString m_dataDir;
    QMap<QString, Handler> m_routes; ///< "GET /api/v1/nodes"
};

/// Waits (running the event loop) for a connector future; a hang is a test failure, not a freeze.
template <typename T>
T waitResult(const QFuture<T> &future)
{
    const QDeadlineTimer deadline(30'000);
    while (!future.isFinished()) {
        if (deadline.hasExpired())
            qFatal("a connector future did not finish within 30 s");
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return future.result();
}

/// A Kubernetes Status object body.
QByteArray kubeStatus(int code, const QString &reason, const QString &message);
