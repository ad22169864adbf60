#include "ui/appsettings.h"
#include "ui/document/analysisrunner.h"
#include "ui/mainwindow.h"
#include "ui/panels/comparepanel.h"
#include "ui/theme.h"

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
    const QCommandLineOption page(QStringLiteral("page"),
                                  QApplication::translate("main", "Show this workspace page at start "
                                                                  "(its title, e.g. Charts, or its number)."),
                                  QStringLiteral("page"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QApplication::translate("main", "Colour theme: system, light or dark."),
                                   QStringLiteral("theme"));
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QApplication::translate("main", "Add this scenario file as a variant to compare "
                                                                     "(repeatable)."),
                                     QStringLiteral("file"));
    parser.addOptions({grab, lang, select, page, theme, variant});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Scenario to open (default: WebTools Pro)."));
    parser.process(app);

    headroom::i18n::installTranslators(app, parser.value(lang));
    if (parser.isSet(grab))
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9)); // stable pixels for documentation

    if (parser.isSet(theme))
        headroom::ui::AppSettings::setTheme(parser.value(theme));
    headroom::ui::applyTheme(headroom::ui::AppSettings::theme());
    headroom::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    if (parser.isSet(select))
        window.selectField(parser.value(select));
    for (const QString &path : parser.values(variant)) {
        QString error;
        if (!window.comparePanel()->addVariantFromFile(path, &error))
            qWarning("%s", qPrintable(error));
    }
    if (parser.isSet(page))
        window.showWorkspacePage(parser.value(page));
    window.show();
    if (parser.isSet(grab)) {
        // The picture shows computed figures: grab once the first analysis has been drawn (or
        // after 60 s, with whatever is there).
        const QString out = parser.value(grab);
        auto shoot = [&window, out] {
            const bool ok = window.grab().save(out);
            if (!ok)
                qWarning("could not write %s", qPrintable(out));
            QCoreApplication::exit(ok ? 0 : 1);
        };
        QObject::connect(window.analysisRunner(), &headroom::ui::AnalysisRunner::analysisReady, &window,
                         [&window, shoot] { QTimer::singleShot(1500, &window, shoot); }, Qt::SingleShotConnection);
        QTimer::singleShot(60'000, &window, shoot);
    }
    return QApplication::exec();
}
