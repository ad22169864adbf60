#pragma once

#include "core/model/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>

/// Credentials (tokens, passwords) by name. Scenario files and settings hold only the name
/// (`DataSource::credentialRef`); the secret itself lives in the OS keychain, or — when no keychain
/// is usable — in this process's memory until it exits. Secrets are never written to disk or logged.
namespace headroom::connect {

/// Where a stored secret ended up.
enum class SecretLocation { Keychain, SessionMemory };

class SecretStore : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)
public:
    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) {}
    ~SecretStore() override;

    /// The secret named `key`; an error "no secret named ..." when there is none.
    virtual QFuture<model::Result<QString>> read(const QString &key) = 0;
    virtual QFuture<model::Result<SecretLocation>> write(const QString &key, const QString &secret) = 0;
    /// Removing a name that does not exist succeeds.
    virtual QFuture<model::Result<void>> remove(const QString &key) = 0;

signals:
    /// Emitted once, the first time the keychain turns out to be unusable; `reason` says why and
    /// that secrets are kept for this session only (the UI shows it and asks again next time).
    void keychainUnavailable(const QString &reason);
};

/// Keeps secrets in memory only (tests, or `--no-keychain`).
class MemorySecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)
public:
    explicit MemorySecretStore(QObject *parent = nullptr) : SecretStore(parent) {}
    QFuture<model::Result<QString>> read(const QString &key) override;
    QFuture<model::Result<SecretLocation>> write(const QString &key, const QString &secret) override;
    QFuture<model::Result<void>> remove(const QString &key) override;

private:
    QHash<QString, QString> m_secrets;
};

/// The OS keychain through QtKeychain (Secret Service on Linux), service name "Headroom".
/// Every job has a deadline (a Secret Service that waits on an unlock prompt nobody answers
/// would otherwise hang forever). On a timeout or any error other than "not found", the keychain
/// is treated as unavailable for the rest of the session: keychainUnavailable() is emitted, and
/// writes go to session memory instead (SecretLocation::SessionMemory).
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)
public:
    explicit KeychainSecretStore(QObject *parent = nullptr, QString service = QStringLiteral("Headroom"),
                                 std::chrono::milliseconds jobTimeout = std::chrono::seconds(10));
    QFuture<model::Result<QString>> read(const QString &key) override;
    QFuture<model::Result<SecretLocation>> write(const QString &key, const QString &secret) override;
    QFuture<model::Result<void>> remove(const QString &key) override;

    bool isKeychainUsable() const { return m_unavailableReason.isEmpty(); }
    QString unavailableReason() const { return m_unavailableReason; }

private:
    void markUnavailable(const QString &reason);

    QString m_service;
    std::chrono::milliseconds m_timeout;
    QString m_unavailableReason;
    QHash<QString, QString> m_session;
};

/// For command-line tools, blocking (they run the event loop until the keychain answers). A CLI
/// has nobody to ask again later, so a keychain that cannot be used is an error saying so and how to
/// get one, never a fallback to memory. `service` is the keychain service ("Headroom" for the app).
model::Result<QString> readKeychainSecret(const QString &name, const QString &service = QStringLiteral("Headroom"),
                                          std::chrono::milliseconds timeout = std::chrono::seconds(15));
model::Result<void> writeKeychainSecret(const QString &name, const QString &secret,
                                        const QString &service = QStringLiteral("Headroom"),
                                        std::chrono::milliseconds timeout = std::chrono::seconds(15));
model::Result<void> removeKeychainSecret(const QString &name, const QString &service = QStringLiteral("Headroom"),
                                         std::chrono::milliseconds timeout = std::chrono::seconds(15));

} // namespace headroom::connect
