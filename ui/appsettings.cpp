#include "ui/appsettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace headroom::ui {

namespace {

const QString recentFilesKey = QStringLiteral("files/recent");
const QString lastDirectoryKey = QStringLiteral("files/lastDirectory");
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString splitterKey = QStringLiteral("window/splitter");
const QString autosaveKey = QStringLiteral("autosave/intervalMs");
const QString themeKey = QStringLiteral("window/theme");

} // namespace

QStringList AppSettings::recentFiles()
{
    return QSettings().value(recentFilesKey).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentFilesKey, files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(recentFilesKey, files);
}

QByteArray AppSettings::windowGeometry()
{
    return QSettings().value(geometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(geometryKey, geometry);
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(stateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    QSettings().setValue(stateKey, state);
}

QByteArray AppSettings::splitterState()
{
    return QSettings().value(splitterKey).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    QSettings().setValue(splitterKey, state);
}

QString AppSettings::theme()
{
    const QString theme = QSettings().value(themeKey).toString();
    return theme == u"light" || theme == u"dark" ? theme : QStringLiteral("system");
}

void AppSettings::setTheme(const QString &theme)
{
    QSettings().setValue(themeKey, theme);
}

QString AppSettings::lastDirectory()
{
    return QSettings().value(lastDirectoryKey, QDir::homePath()).toString();
}

void AppSettings::setLastDirectory(const QString &path)
{
    QSettings().setValue(lastDirectoryKey, path);
}

int AppSettings::autosaveIntervalMs()
{
    return QSettings().value(autosaveKey, defaultAutosaveIntervalMs).toInt();
}

QString AppSettings::autosaveDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

} // namespace headroom::ui
