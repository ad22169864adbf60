#include "ui/dialogs/connectionsdialog.h"

#include "core/connect/secretstore.h"
#include "core/model/scenarioio.h"
#include "ui/commands/replacescenariocommand.h"
#include "ui/dialogs/connectionjob.h"
#include "ui/dialogs/futurewatch.h"
#include "ui/document/scenariodocument.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace headroom::ui {

namespace {

const model::DataSourceKind kKinds[] = {model::DataSourceKind::Kubernetes, model::DataSourceKind::Prometheus,
                                         model::DataSourceKind::Redis, model::DataSourceKind::PostgreSQL,
                                         model::DataSourceKind::Pricing};
constexpr int kKindCount = int(std::size(kKinds));

} // namespace

ConnectionsDialog::ConnectionsDialog(ScenarioDocument *document, connect::SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_document(document), m_secrets(secrets)
{
    setObjectName(u"connectionsDialog"_s);
    setWindowTitle(tr("Connections"));
    createForm();
    connect(m_secrets, &connect::SecretStore::keychainUnavailable, this, [this](const QString &reason) {
        setStatus(tr("No usable keychain (%1): secrets are kept for this session only; nothing is written to disk.")
                      .arg(reason),
                  true);
    });
    QList<Connection> connections = connectionsFromScenario(m_document->scenario());
    QSet<QString> names;
    for (const Connection &c : std::as_const(connections))
        names.insert(c.name);
    for (const Connection &legacy : loadLegacyConnections()) {
        if (names.contains(legacy.name))
            continue;
        names.insert(legacy.name);
        connections.append(legacy);
        ++m_migrated;
    }
    setConnections(connections);
    if (m_migrated > 0)
        setStatus(tr("%n connection(s) from the settings of an earlier version are listed; OK moves them into this "
                     "scenario, where they are saved with the file.",
                     nullptr, m_migrated),
                  false);
    resize(760, 420);
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::createForm()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(u"connectionList"_s);
    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);

    m_name = new QLineEdit(this);
    m_kind = new QComboBox(this);
    m_kind->addItems(
        {tr("Kubernetes context"), tr("Prometheus URL"), tr("Redis seed"), tr("PostgreSQL DSN"), tr("Pricing URL")});
    m_endpoint = new QComboBox(this);
    m_endpoint->setEditable(true);
    m_endpoint->setToolTip(tr("Kubernetes: a context of the kubeconfig; Prometheus: http(s)://host:port; Redis: "
                              "host:port of any node; PostgreSQL: a DSN without the password"));
    m_kubeconfig = new QLineEdit(this);
    m_kubeconfig->setPlaceholderText(tr("$KUBECONFIG or ~/.kube/config"));
    m_secret = new QLineEdit(this);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("stored in the keychain, never in a file"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    m_kubeconfigLabel = new QLabel(tr("Kube&config:"), this);
    m_kubeconfigLabel->setBuddy(m_kubeconfig);
    form->addRow(m_kubeconfigLabel, m_kubeconfig);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("&Token or password:"), m_secret);
    m_status = new QLabel(this);
    m_status->setObjectName(u"connectionStatus"_s);
    m_status->setWordWrap(true);
    auto *apply = new QPushButton(tr("A&pply"), this);
    auto *test = new QPushButton(tr("&Test Connection"), this);
    m_import = new QPushButton(tr("&Import from Cluster…"), this);
    auto *actions = new QHBoxLayout;
    actions->addWidget(apply);
    actions->addWidget(test);
    actions->addWidget(m_import);
    actions->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(actions);
    right->addWidget(m_status);
    right->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionsDialog::reject);
    connect(add, &QPushButton::clicked, this, &ConnectionsDialog::addConnection);
    connect(remove, &QPushButton::clicked, this, &ConnectionsDialog::removeConnection);
    connect(apply, &QPushButton::clicked, this, &ConnectionsDialog::applyCurrent);
    connect(test, &QPushButton::clicked, this, &ConnectionsDialog::testCurrent);
    connect(m_import, &QPushButton::clicked, this, &ConnectionsDialog::importCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsDialog::showCurrent);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::updateKindWidgets);
    connect(m_kubeconfig, &QLineEdit::editingFinished, this, &ConnectionsDialog::reloadContexts);
}

void ConnectionsDialog::setConnections(const QList<Connection> &connections)
{
    m_connections = connections;
    m_list->clear();
    for (const Connection &c : connections)
        m_list->addItem(u"%1 (%2)"_s.arg(c.name, kindName(c.kind)));
    m_list->setCurrentRow(connections.isEmpty() ? -1 : 0);
    showCurrent();
}

void ConnectionsDialog::addConnection()
{
    Connection c;
    c.kind = model::DataSourceKind::Kubernetes;
    c.name = tr("connection %1").arg(m_connections.size() + 1);
    m_connections.append(c);
    m_list->addItem(u"%1 (%2)"_s.arg(c.name, kindName(c.kind)));
    m_list->setCurrentRow(int(m_connections.size() - 1));
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionsDialog::removeConnection()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const Connection gone = m_connections.takeAt(row);
    delete m_list->takeItem(row);
    if (!gone.credentialRef.isEmpty())
        m_secrets->remove(gone.credentialRef);
    showCurrent();
}

void ConnectionsDialog::showCurrent()
{
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_connections.size();
    const Connection c = valid ? m_connections[row] : Connection{};
    m_showing = true;
    m_name->setText(c.name);
    m_kind->setCurrentIndex(int(std::find(std::begin(kKinds), std::end(kKinds), c.kind) - std::begin(kKinds)));
    m_kubeconfig->setText(c.kubeconfig);
    updateKindWidgets();
    m_endpoint->setCurrentText(c.endpoint);
    m_secret->clear();
    m_secret->setPlaceholderText(c.credentialRef.isEmpty() ? tr("stored in the keychain, never in a file")
                                                           : tr("a secret is stored; type to replace it"));
    m_showing = false;
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_kind, m_endpoint, m_kubeconfig, m_secret})
        w->setEnabled(valid);
}

void ConnectionsDialog::updateKindWidgets()
{
    const bool kube = m_kind->currentIndex() == 0;
    m_kubeconfig->setVisible(kube);
    m_kubeconfigLabel->setVisible(kube);
    m_import->setEnabled(kube);
    if (kube)
        reloadContexts();
    else if (!m_showing)
        m_endpoint->clear();
}

void ConnectionsDialog::reloadContexts()
{
    const QString current = m_endpoint->currentText();
    m_endpoint->clear();
    const auto config = connect::loadKubeconfig(m_kubeconfig->text().trimmed());
    if (config) {
        m_endpoint->addItems(config->contexts.keys());
        if (current.isEmpty() && !config->currentContext.isEmpty())
            m_endpoint->setCurrentText(config->currentContext);
    } else if (!m_showing) {
        setStatus(config.errorString(), true);
    }
    if (!current.isEmpty())
        m_endpoint->setCurrentText(current);
}

void ConnectionsDialog::applyCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_connections.size())
        return;
    Connection &c = m_connections[row];
    c.name = m_name->text().trimmed();
    c.kind = kKinds[std::clamp(m_kind->currentIndex(), 0, kKindCount - 1)];
    c.endpoint = m_endpoint->currentText().trimmed();
    c.kubeconfig = c.kind == model::DataSourceKind::Kubernetes ? m_kubeconfig->text().trimmed() : QString();
    m_list->item(row)->setText(u"%1 (%2)"_s.arg(c.name, kindName(c.kind)));
    const QString secret = m_secret->text();
    m_secret->clear();
    if (secret.isEmpty())
        return;
    const QString ref = credentialRefFor(c);
    c.credentialRef = ref;
    whenFinished(m_secrets->write(ref, secret), this, [this, ref](const model::Result<connect::SecretLocation> &r) {
        if (!r) {
            setStatus(tr("The secret was not stored: %1").arg(r.errorString()), true);
            return;
        }
        const bool keychain = r.value() == connect::SecretLocation::Keychain;
        if (keychain)
            setStatus(tr("The secret is stored in the keychain as \"%1\".").arg(ref), false);
        else
            setStatus(tr("No usable keychain: the secret is kept for this session only; nothing was written to "
                         "disk. Enter it again after a restart."),
                      true);
        emit secretStored(ref, keychain);
    });
}

void ConnectionsDialog::testCurrent()
{
    runJob(false);
}

void ConnectionsDialog::importCurrent()
{
    runJob(true);
}

void ConnectionsDialog::runJob(bool import)
{
    applyCurrent();
    const int row = m_list->currentRow();
    if (row < 0 || m_job)
        return;
    const Connection c = m_connections[row];
    m_progress = new QProgressDialog(import ? tr("Importing from %1…").arg(c.endpoint) : tr("Testing %1…").arg(c.name),
                                     tr("Cancel"), 0, 0, this);
    m_progress->setObjectName(u"connectionProgress"_s);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->show();
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        if (m_job)
            return; // the job reports its own cancellation
        setStatus(tr("Cancelled"), true);
        m_progress->deleteLater();
        emit jobFinished(false, tr("Cancelled"));
    });
    const auto start = [this, c, import](const QString &secret) {
        if (!m_progress || m_progress->wasCanceled())
            return;
        m_job = new ConnectionJob(c, secret, this);
        connect(m_progress, &QProgressDialog::canceled, m_job, &ConnectionJob::cancel);
        connect(m_job, &ConnectionJob::imported, this, [this, c](const connect::ClusterSnapshot &snapshot) {
            connect::ImportOptions options;
            options.kubeconfigContext = c.endpoint;
            QStringList warnings;
            model::Scenario scenario = connect::buildScenario(snapshot, options, model::defaultScenario(), &warnings);
            // the new scenario keeps this list: the imported context is the connection it came from
            QList<model::DataSource> sources = toDataSources(m_connections);
            for (const model::DataSource &d : std::as_const(scenario.spec.dataSources)) {
                const bool taken = std::any_of(sources.begin(), sources.end(),
                                               [&d](const model::DataSource &s) { return s.name == d.name; });
                if (d.kind != model::DataSourceKind::Kubernetes && !taken)
                    sources.append(d);
            }
            scenario.spec.dataSources = sources;
            emit clusterImported(scenario, snapshot);
        });
        connect(m_job, &ConnectionJob::finished, this, [this](bool ok, const QString &message) {
            setStatus(message, !ok);
            if (m_progress)
                m_progress->deleteLater();
            m_job->deleteLater();
            emit jobFinished(ok, message);
        });
        if (import)
            m_job->importCluster();
        else
            m_job->testConnection();
    };
    if (c.credentialRef.isEmpty()) {
        start(QString());
        return;
    }
    whenFinished(m_secrets->read(c.credentialRef), this, [start](const model::Result<QString> &secret) {
        start(secret ? secret.value() : QString());
    });
}

void ConnectionsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b3261e"_s : QString());
}

bool ConnectionsDialog::commit()
{
    applyCurrent();
    QSet<QString> names;
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        const QString &name = m_connections[i].name;
        const QString problem = name.isEmpty()           ? tr("Connection %1 has no name.").arg(i + 1)
                                : names.contains(name) ? tr("The name \"%1\" is used twice.").arg(name)
                                                         : QString();
        if (!problem.isEmpty()) {
            m_list->setCurrentRow(int(i));
            setStatus(problem, true);
            return false;
        }
        names.insert(name);
    }
    saveKubeconfigPaths(m_connections);
    model::Scenario scenario = m_document->scenario();
    const QList<model::DataSource> sources = toDataSources(m_connections);
    if (sources != scenario.spec.dataSources) {
        scenario.spec.dataSources = sources;
        m_document->undoStack()->push(new ReplaceScenarioCommand(m_document, std::move(scenario), tr("Edit data sources")));
    }
    if (m_migrated > 0) {
        clearLegacyConnections();
        m_migrated = 0;
    }
    return true;
}

void ConnectionsDialog::accept()
{
    if (commit())
        QDialog::accept();
}

} // namespace headroom::ui
