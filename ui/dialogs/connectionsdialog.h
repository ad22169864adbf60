#pragma once

#include "core/connect/clusterimport.h"
#include "core/model/scenario.h"
#include "ui/dialogs/connectionlist.h"

#include <QDialog>
#include <QPointer>
#include <QProgressDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace headroom::connect {
class SecretStore;
}

namespace headroom::ui {

class ConnectionJob;
class ScenarioDocument;

/// File > Connections…: the live systems Headroom reads from — Kubernetes contexts (from
/// kubeconfig files), Prometheus URLs, Redis seeds and PostgreSQL DSNs. The list is the document's
/// `spec.dataSources`: OK applies it as one undoable edit, so it is saved with the scenario file.
/// Tokens and passwords go only to the SecretStore (the OS keychain) and the file names them by
/// `credentialRef`. Connections an earlier version kept in the settings are offered once and move
/// into the scenario on OK. "Test connection" (a protocol-level check: Kubernetes /version,
/// a Prometheus query, Redis AUTH + CLUSTER INFO, PostgreSQL login + server version and role) and
/// "Import from cluster" run off the GUI thread under a cancellable progress dialog.
class ConnectionsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsDialog)
public:
    /// Shows the document's data sources (plus not yet migrated legacy ones); `document` and
    /// `secrets` must outlive the dialog.
    ConnectionsDialog(ScenarioDocument *document, connect::SecretStore *secrets, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    QList<Connection> connections() const { return m_connections; }
    void setConnections(const QList<Connection> &connections);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    /// URL, host:port, DSN, or (Kubernetes) the context, chosen from the kubeconfig's contexts.
    QComboBox *endpointBox() const { return m_endpoint; }
    QLineEdit *kubeconfigEdit() const { return m_kubeconfig; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLabel *statusLabel() const { return m_status; }
    QProgressDialog *progressDialog() const { return m_progress; }

    void addConnection();
    void removeConnection();
    /// Stores the form into the selected connection; a typed secret goes to the SecretStore.
    void applyCurrent();
    void testCurrent();
    void importCurrent();
    /// Fills the endpoint choices with the contexts of the kubeconfig file(s).
    void reloadContexts();
    /// Applies the form and writes the list into the document's data sources (one undo step, none
    /// when nothing changed). False, with the reason shown, when a name is empty or used twice.
    bool commit();
    /// Legacy settings entries shown for migration (0 when there were none).
    int migratedCount() const { return m_migrated; }

signals:
    /// A secret was written: `inKeychain` false means the keychain was unusable and the secret
    /// lives in this session's memory only.
    void secretStored(const QString &credentialRef, bool inKeychain);
    void clusterImported(const headroom::model::Scenario &scenario, const headroom::connect::ClusterSnapshot &snapshot);
    void jobFinished(bool ok, const QString &message);

public slots:
    /// Commits the list (without secrets) to the document and closes.
    void accept() override;

private:
    void createForm();
    void showCurrent();
    void updateKindWidgets();
    void runJob(bool import);
    void setStatus(const QString &text, bool error);

    ScenarioDocument *m_document;
    connect::SecretStore *m_secrets;
    QList<Connection> m_connections;
    int m_migrated = 0;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_endpoint = nullptr;
    QLineEdit *m_kubeconfig = nullptr;
    QLabel *m_kubeconfigLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_import = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<ConnectionJob> m_job;
    bool m_showing = false;
};

} // namespace headroom::ui
