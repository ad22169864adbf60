// The command palette: every action of the window, fuzzy-filtered, Enter triggers.
#include "ui/panels/commandpalette.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace headroom::ui;

class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void fuzzyScore_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("subsequence") << u"dupv"_s << u"Edit › Duplicate as Variant"_s << true;
        QTest::newRow("case") << u"UNDO"_s << u"Edit › Undo"_s << true;
        QTest::newRow("order matters") << u"odnu"_s << u"Edit › Undo"_s << false;
        QTest::newRow("missing letter") << u"undoz"_s << u"Edit › Undo"_s << false;
    }

    void fuzzyScore()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(CommandPalette::fuzzyScore(pattern, text) >= 0, matches);
    }

    void wordStartsRankFirst()
    {
        QVERIFY(CommandPalette::fuzzyScore(u"sa"_s, u"File › Save As"_s)
                > CommandPalette::fuzzyScore(u"sa"_s, u"View › Show Alerts"_s));
    }

    void filtersAndTriggers()
    {
        QMainWindow window;
        QMenu *file = window.menuBar()->addMenu(u"&File"_s);
        QAction *save = file->addAction(u"&Save"_s);
        save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
        QMenu *recent = file->addMenu(u"Open &Recent"_s);
        recent->addAction(u"one.yaml"_s);
        QMenu *view = window.menuBar()->addMenu(u"&View"_s);
        QAction *compare = view->addAction(u"Show Compare"_s);
        QAction *disabled = view->addAction(u"Show Nothing"_s);
        disabled->setEnabled(false);
        auto *hidden = new QAction(u"Window Only"_s, &window);
        window.addAction(hidden);
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        CommandPalette palette(&window);
        palette.popup();
        QVERIFY(palette.isVisible());
        QCOMPARE(palette.list()->count(), 4); // Save, one.yaml, Show Compare, Window Only
        QVERIFY(palette.list()->item(0)->text().startsWith(u"File › Save"_s));
        QVERIFY(palette.list()->item(0)->text().contains(save->shortcut().toString(QKeySequence::NativeText)));
        QVERIFY(palette.list()->item(1)->text().startsWith(u"File › Open Recent › one.yaml"_s));

        QTest::keyClicks(palette.filterEdit(), u"shcmp"_s);
        QCOMPARE(palette.list()->count(), 1);
        QCOMPARE(palette.list()->item(0)->text(), u"View › Show Compare"_s);
        QSignalSpy triggered(compare, &QAction::triggered);
        QTest::keyClick(palette.filterEdit(), Qt::Key_Return);
        QCOMPARE(triggered.size(), 1);
        QVERIFY(!palette.isVisible());

        palette.popup();
        QTest::keyClicks(palette.filterEdit(), u"zzz"_s);
        QCOMPARE(palette.list()->count(), 0);
        QVERIFY(!palette.triggerSelected());
        QTest::keyClick(palette.filterEdit(), Qt::Key_Escape);
        QVERIFY(!palette.isVisible());
    }
};

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
