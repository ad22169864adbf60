#include "ui/theme.h"

#include "ui/appsettings.h"

#include <QActionGroup>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#include <QMenu>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace headroom::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x3d, 0x7e, 0xd8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(160));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

/// The platform's own palette, captured before the first theme is applied.
const QPalette &platformPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}

} // namespace

bool systemPrefersDark()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusInterface portal(QStringLiteral("org.freedesktop.portal.Desktop"),
                              QStringLiteral("/org/freedesktop/portal/desktop"),
                              QStringLiteral("org.freedesktop.portal.Settings"), bus);
        portal.setTimeout(200);
        if (portal.isValid()) {
            const QDBusMessage reply = portal.call(QStringLiteral("Read"), QStringLiteral("org.freedesktop.appearance"),
                                                   QStringLiteral("color-scheme"));
            if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
                QVariant v = reply.arguments().constFirst();
                // the value arrives as a variant, possibly wrapped once more
                while (v.canConvert<QDBusVariant>())
                    v = qvariant_cast<QDBusVariant>(v).variant();
                return v.toUInt() == 1;
            }
        }
    }
    return platformPalette().color(QPalette::Window).lightness() < 128;
}

void applyTheme(const QString &theme)
{
    const QPalette platform = platformPalette();
    const bool dark = theme == u"dark" || (theme != u"light" && systemPrefersDark());
    if (theme == u"system" && !dark) {
        QApplication::setPalette(platform); // the desktop's own light colours
        return;
    }
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
}

void addThemeMenu(QMenu *viewMenu)
{
    QMenu *menu = viewMenu->addMenu(QApplication::translate("headroom::ui::MainWindow", "T&heme"));
    auto *group = new QActionGroup(menu);
    const QString current = AppSettings::theme();
    const std::pair<QString, QString> choices[] = {
        {QStringLiteral("system"), QApplication::translate("headroom::ui::MainWindow", "Follow &System")},
        {QStringLiteral("light"), QApplication::translate("headroom::ui::MainWindow", "&Light")},
        {QStringLiteral("dark"), QApplication::translate("headroom::ui::MainWindow", "&Dark")},
    };
    for (const auto &[id, label] : choices) {
        QAction *action = menu->addAction(label);
        action->setCheckable(true);
        action->setChecked(id == current);
        action->setData(id);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [id] {
            AppSettings::setTheme(id);
            applyTheme(id);
        });
    }
}

} // namespace headroom::ui
