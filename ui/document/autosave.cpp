#include "ui/document/autosave.h"

#include "core/model/scenarioio.h"
#include "ui/document/scenariodocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace headroom::ui {

namespace {

const QByteArray header = QByteArrayLiteral("# headroom-autosave: ");

} // namespace

Autosave::Autosave(ScenarioDocument *document, QString directory, int intervalMs, QObject *parent)
    : QObject(parent), m_document(document), m_directory(std::move(directory))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
    connect(document, &ScenarioDocument::scenarioChanged, this, [this] { m_pending = m_document->isModified(); });
    connect(document, &ScenarioDocument::modifiedChanged, this, [this](bool modified) {
        m_pending = modified;
        if (!modified)
            discard();
    });
}

QString Autosave::pathFor(const QString &sourcePath) const
{
    const QByteArray key = sourcePath.isEmpty() ? QByteArrayLiteral("untitled") : sourcePath.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16);
    return m_directory + u'/' + QString::fromLatin1(hash) + QStringLiteral(".yaml");
}

QString Autosave::currentPath() const
{
    return pathFor(m_document->filePath());
}

bool Autosave::saveNow()
{
    if (!m_pending || !m_document->isModified())
        return true;
    const QString path = currentPath();
    if (!m_written.isEmpty() && m_written != path)
        QFile::remove(m_written);
    QDir().mkpath(m_directory);
    QSaveFile file(path);
    const QByteArray text =
        header + m_document->filePath().toUtf8() + '\n' + model::serializeScenario(m_document->scenario());
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        qWarning("autosave to %s failed: %s", qPrintable(path), qPrintable(file.errorString()));
        return false;
    }
    m_written = path;
    m_pending = false;
    return true;
}

void Autosave::discard()
{
    if (!m_written.isEmpty())
        QFile::remove(m_written);
    m_written.clear();
    m_pending = false;
}

QList<Recovery> Autosave::findRecoveries(const QString &directory)
{
    QList<Recovery> found;
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("*.yaml")}, QDir::Files);
    for (const QFileInfo &info : files) {
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray first = file.readLine().trimmed();
        if (!first.startsWith(header.trimmed()))
            continue;
        Recovery r{
            info.absoluteFilePath(), QString::fromUtf8(first.mid(header.size())).trimmed(), info.lastModified(), {}};
        const QFileInfo source(r.sourcePath);
        if (!r.sourcePath.isEmpty() && source.exists() && source.lastModified() >= r.savedAt) {
            file.close();
            QFile::remove(r.autosavePath); // the file was saved after this copy: nothing to recover
            continue;
        }
        r.text = file.readAll();
        found.append(r);
    }
    std::sort(found.begin(), found.end(), [](const Recovery &a, const Recovery &b) { return a.savedAt > b.savedAt; });
    return found;
}

} // namespace headroom::ui
