#include "ui/mainwindow.h"

#include "translations/translator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QTimer>

#include <cstring>

namespace {

/// --grab renders without a display unless the caller chose a platform.
void preferOffscreenForGrab(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--grab") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
}

} // namespace

int main(int argc, char *argv[])
{
    preferOffscreenForGrab(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Headroom"));
    QApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Headroom"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Scalability planning console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption grab(QStringLiteral("grab"),
                                  QApplication::translate("main", "Render the window to a PNG file and exit."),
                                  QStringLiteral("png"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "User interface language (e.g. de)."),
                                  QStringLiteral("code"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QApplication::translate("main", "Show this field at start "
                                                                    "(e.g. spec.tiers[0].autoscaling)."),
                                    QStringLiteral("path"));
    parser.addOptions({grab, lang, select});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Scenario to open (default: WebTools Pro)."));
    parser.process(app);

    headroom::i18n::installTranslators(app, parser.value(lang));
    if (parser.isSet(grab))
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9)); // stable pixels for documentation

    headroom::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    if (parser.isSet(select))
        window.selectField(parser.value(select));
    window.show();
    if (parser.isSet(grab)) {
        const QString out = parser.value(grab);
        QTimer::singleShot(500, &window, [&window, out] {
            const bool ok = window.grab().save(out);
            if (!ok)
                qWarning("could not write %s", qPrintable(out));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}
