#pragma once

class QCoreApplication;
class QString;

namespace headroom::i18n {

/// Loads Headroom's and Qt's translations for `localeName` (default: the system locale)
/// from the embedded :/i18n resources. Returns true when a Headroom catalog was installed.
bool installTranslators(QCoreApplication &app, const QString &localeName);

} // namespace headroom::i18n
