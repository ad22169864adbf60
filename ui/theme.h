#pragma once

#include <QString>

class QMenu;

namespace headroom::ui {

/// Whether the desktop asks applications for dark colours: the freedesktop appearance portal's
/// color-scheme (1 = prefer dark) when a session bus answers within 200 ms, else the lightness of
/// the platform theme's window colour.
bool systemPrefersDark();

/// Applies "light", "dark" or "system" (follow systemPrefersDark()) to the application: the Fusion
/// style with a light or dark palette. Safe to call again to switch at run time.
void applyTheme(const QString &theme);

/// Adds View > Theme with System / Light / Dark as exclusive, persistent choices.
void addThemeMenu(QMenu *viewMenu);

} // namespace headroom::ui
