#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace headroom::ui {

class ScenarioDocument;

/// An autosave left behind by a session that did not end cleanly.
struct Recovery {
    QString autosavePath;
    QString sourcePath; ///< the file it belongs to; empty for an untitled scenario
    QDateTime savedAt;
    QByteArray text; ///< the scenario as autosaved (read when found, so it survives the file)
};

/// Writes the document to <dir>/<hash of its file>.yaml (through QSaveFile) every interval while
/// it has unsaved changes, and removes that copy once the work is saved or closed cleanly.
/// The first line records the source file: "# headroom-autosave: /path/plan.yaml".
class Autosave final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Autosave)
public:
    Autosave(ScenarioDocument *document, QString directory, int intervalMs, QObject *parent = nullptr);

    const QString &directory() const { return m_directory; }
    /// The autosave file of the document as it is now.
    QString currentPath() const;
    /// Writes now if the document has changes not yet autosaved. Returns false on a write error.
    bool saveNow();
    /// Removes the autosave this object wrote (after a save, or a clean exit).
    void discard();

    /// Autosaves in `directory` newer than their source file, newest first. Stale ones are deleted.
    static QList<Recovery> findRecoveries(const QString &directory);

private:
    QString pathFor(const QString &sourcePath) const;

    ScenarioDocument *m_document;
    QString m_directory;
    QTimer m_timer;
    QString m_written; ///< the autosave file last written, so a renamed document cleans up
    bool m_pending = false;
};

} // namespace headroom::ui
