// Light and dark colours, chosen or following the system, and remembered.
#include "ui/appsettings.h"
#include "ui/theme.h"

#include <QApplication>
#include <QMenu>
#include <QPalette>
#include <QStandardPaths>
#include <QTest>

using namespace headroom::ui;

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTest"));
    }

    void darkAndLight()
    {
        applyTheme(QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
        applyTheme(QStringLiteral("light"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);
    }

    void systemFollowsThePreference()
    {
        applyTheme(QStringLiteral("system"));
        const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
        QCOMPARE(dark, systemPrefersDark());
    }

    void menuChoiceIsRemembered()
    {
        AppSettings::setTheme(QStringLiteral("light"));
        QMenu view;
        addThemeMenu(&view);
        QMenu *themes = view.actions().constFirst()->menu();
        QVERIFY(themes);
        QCOMPARE(themes->actions().size(), 3);
        QVERIFY(themes->actions().at(1)->isChecked()); // light
        themes->actions().at(2)->trigger();            // dark
        QCOMPARE(AppSettings::theme(), QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        AppSettings::setTheme(QStringLiteral("bogus"));
        QCOMPARE(AppSettings::theme(), QStringLiteral("system"));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
