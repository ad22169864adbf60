#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace headroom::ui {

/// Every persistent setting of the GUI, with typed accessors; the only place that names keys.
class AppSettings final {
public:
    static constexpr int maxRecentFiles = 8;
    static constexpr int defaultAutosaveIntervalMs = 30'000;

    static QStringList recentFiles();
    /// Moves `path` to the front of the recent files (dropping duplicates and the oldest).
    static void addRecentFile(const QString &path);
    static void removeRecentFile(const QString &path);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);
    static QByteArray splitterState();
    static void setSplitterState(const QByteArray &state);

    /// The folder the last file dialog was in.
    static QString lastDirectory();
    static void setLastDirectory(const QString &path);

    /// "system" (default), "light" or "dark".
    static QString theme();
    static void setTheme(const QString &theme);

    static int autosaveIntervalMs();
    /// Where autosaves live: <AppDataLocation>/autosave.
    static QString autosaveDirectory();
};

} // namespace headroom::ui
