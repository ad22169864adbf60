#include "ui/mainwindow.h"

#include "translations/translator.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Headroom"));
    QApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Headroom"));
    headroom::i18n::installTranslators(app, QString());
    headroom::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
