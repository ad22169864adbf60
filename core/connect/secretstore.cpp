#include "core/connect/secretstore.h"

#include "core/connect/httpclient.h"

#include <qt6keychain/keychain.h>

#include <QPromise>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace headroom::connect {

namespace {

template <typename T>
QFuture<T> readyFuture(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

model::Diagnostic notFound(const QString &key)
{
    return model::makeError(u"no secret named \"%1\""_s.arg(key), u"credentialRef"_s);
}

/// Runs a QtKeychain job with a deadline; `done(job, timedOut)` runs exactly once.
/// The job deletes itself when it finally finishes, even after the deadline passed.
template <typename Job, typename Done>
void runJob(Job *job, std::chrono::milliseconds timeout, QObject *context, Done done)
{
    auto fired = std::make_shared<bool>(false);
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, context, [fired, done, timer] {
        timer->deleteLater();
        if (std::exchange(*fired, true))
            return;
        done(static_cast<Job *>(nullptr), true);
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [fired, done, timer, job] {
        if (std::exchange(*fired, true))
            return;
        timer->stop();
        timer->deleteLater();
        done(job, false);
    });
    job->setAutoDelete(true);
    timer->start(timeout);
    job->start();
}

QString jobFailure(const QKeychain::Job *job, std::chrono::milliseconds timeout)
{
    if (!job)
        return u"the keychain did not answer within %1 s"_s.arg(timeout.count() / 1000.0);
    return u"keychain error %1: %2"_s.arg(int(job->error())).arg(job->errorString());
}

} // namespace

SecretStore::~SecretStore() = default;

QFuture<model::Result<QString>> MemorySecretStore::read(const QString &key)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return readyFuture<model::Result<QString>>(notFound(key));
    return readyFuture<model::Result<QString>>(*it);
}

QFuture<model::Result<SecretLocation>> MemorySecretStore::write(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
    return readyFuture<model::Result<SecretLocation>>(SecretLocation::SessionMemory);
}

QFuture<model::Result<void>> MemorySecretStore::remove(const QString &key)
{
    m_secrets.remove(key);
    return readyFuture<model::Result<void>>({});
}

KeychainSecretStore::KeychainSecretStore(QObject *parent, QString service, std::chrono::milliseconds jobTimeout)
    : SecretStore(parent), m_service(std::move(service)), m_timeout(jobTimeout)
{
}

void KeychainSecretStore::markUnavailable(const QString &reason)
{
    if (!m_unavailableReason.isEmpty())
        return;
    m_unavailableReason = u"The system keychain is not available (%1). Secrets are kept in memory for this "
                          "session only and will be asked for again next time."_s.arg(reason);
    emit keychainUnavailable(m_unavailableReason);
}

QFuture<model::Result<QString>> KeychainSecretStore::read(const QString &key)
{
    if (!isKeychainUsable()) {
        const auto it = m_session.constFind(key);
        return readyFuture<model::Result<QString>>(
            it != m_session.cend() ? model::Result<QString>(*it)
                                   : model::Result<QString>(model::makeError(
                                       u"no secret named \"%1\" in this session; %2"_s.arg(key, m_unavailableReason),
                                       u"credentialRef"_s)));
    }
    auto promise = std::make_shared<QPromise<model::Result<QString>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(job, m_timeout, this, [this, promise, key](QKeychain::ReadPasswordJob *done, bool) {
        if (done && done->error() == QKeychain::NoError) {
            promise->addResult(done->textData());
        } else if (done && done->error() == QKeychain::EntryNotFound) {
            const auto it = m_session.constFind(key);
            promise->addResult(it != m_session.cend() ? model::Result<QString>(*it)
                                                      : model::Result<QString>(notFound(key)));
        } else {
            markUnavailable(jobFailure(done, m_timeout));
            const auto it = m_session.constFind(key);
            promise->addResult(it != m_session.cend() ? model::Result<QString>(*it)
                                                      : model::Result<QString>(model::makeError(
                                                          m_unavailableReason, u"credentialRef"_s)));
        }
        promise->finish();
    });
    return promise->future();
}

QFuture<model::Result<SecretLocation>> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    if (!isKeychainUsable()) {
        m_session.insert(key, secret);
        return readyFuture<model::Result<SecretLocation>>(SecretLocation::SessionMemory);
    }
    auto promise = std::make_shared<QPromise<model::Result<SecretLocation>>>();
    promise->start();
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, m_timeout, this, [this, promise, key, secret](QKeychain::WritePasswordJob *done, bool) {
        if (done && done->error() == QKeychain::NoError) {
            m_session.remove(key);
            promise->addResult(SecretLocation::Keychain);
        } else {
            markUnavailable(jobFailure(done, m_timeout));
            m_session.insert(key, secret);
            promise->addResult(SecretLocation::SessionMemory);
        }
        promise->finish();
    });
    return promise->future();
}

QFuture<model::Result<void>> KeychainSecretStore::remove(const QString &key)
{
    m_session.remove(key);
    if (!isKeychainUsable())
        return readyFuture<model::Result<void>>({});
    auto promise = std::make_shared<QPromise<model::Result<void>>>();
    promise->start();
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(job, m_timeout, this, [this, promise](QKeychain::DeletePasswordJob *done, bool) {
        if (done && (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound)) {
            promise->addResult(model::Result<void>{});
        } else {
            const QString why = jobFailure(done, m_timeout);
            markUnavailable(why);
            promise->addResult(model::makeError(u"could not delete the secret: %1"_s.arg(why), u"credentialRef"_s));
        }
        promise->finish();
    });
    return promise->future();
}

namespace {

model::Diagnostic noKeychain(const QString &name, const QString &why)
{
    return model::makeError(u"secret \"%1\": the system keychain is not available (%2). Secrets are read only from "
                            "the keychain: start a Secret Service such as gnome-keyring (or KWallet) in this "
                            "session and unlock it, then store the secret with 'headroom-cli secret set %1'"_s
                                .arg(name, why),
                            u"credentialRef"_s);
}

/// Waits for `future` with the event loop; the store's own job deadline makes it finish in time.
template <typename T>
std::optional<T> waitAnswer(const QFuture<T> &future, std::chrono::milliseconds timeout)
{
    if (!waitFor(future, timeout + std::chrono::seconds(2)))
        return std::nullopt;
    return future.result();
}

QString reasonOf(const KeychainSecretStore &store)
{
    QString why = store.unavailableReason();
    why = why.section(u'(', 1).section(u')', 0, -2); // the cause inside "not available (...)."
    return why.isEmpty() ? store.unavailableReason() : why;
}

} // namespace

model::Result<QString> readKeychainSecret(const QString &name, const QString &service, std::chrono::milliseconds timeout)
{
    KeychainSecretStore store(nullptr, service, timeout);
    const auto read = waitAnswer(store.read(name), timeout);
    if (!store.isKeychainUsable())
        return noKeychain(name, reasonOf(store));
    if (!read)
        return noKeychain(name, u"no answer within %1 s"_s.arg(timeout.count() / 1000.0));
    if (!read->ok())
        return model::makeError(u"no secret named \"%1\" in the keychain (service %2); store it with "
                                "'headroom-cli secret set %1'"_s.arg(name, service),
                                u"credentialRef"_s);
    return *read;
}

model::Result<void> writeKeychainSecret(const QString &name, const QString &secret, const QString &service,
                                        std::chrono::milliseconds timeout)
{
    KeychainSecretStore store(nullptr, service, timeout);
    const auto written = waitAnswer(store.write(name, secret), timeout);
    if (!store.isKeychainUsable() || !written || !written->ok() || written->value() != SecretLocation::Keychain)
        return noKeychain(name, store.isKeychainUsable() ? u"no answer"_s : reasonOf(store));
    return {};
}

model::Result<void> removeKeychainSecret(const QString &name, const QString &service, std::chrono::milliseconds timeout)
{
    KeychainSecretStore store(nullptr, service, timeout);
    const auto removed = waitAnswer(store.remove(name), timeout);
    if (!store.isKeychainUsable() || !removed)
        return noKeychain(name, store.isKeychainUsable() ? u"no answer"_s : reasonOf(store));
    return *removed;
}

} // namespace headroom::connect
