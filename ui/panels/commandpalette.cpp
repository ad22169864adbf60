#include "ui/panels/commandpalette.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMainWindow>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {

namespace {

QString plainText(const QString &text)
{
    QString t = text;
    t.remove(QLatin1Char('&'));
    if (t.endsWith(QChar(0x2026)))
        t.chop(1);
    if (t.endsWith(QStringLiteral("...")))
        t.chop(3);
    return t;
}

} // namespace

CommandPalette::CommandPalette(QWidget *window) : QFrame(window), m_window(window)
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::triggerSelected);
    connect(m_list, &QListWidget::itemActivated, this, [this] { triggerSelected(); });
    m_filter->installEventFilter(this);
    hide();
}

void CommandPalette::popup()
{
    collect();
    m_filter->clear();
    refilter();
    const int w = std::min(560, std::max(320, m_window->width() - 40));
    const int h = std::min(420, std::max(200, m_window->height() - 80));
    setGeometry((m_window->width() - w) / 2, 48, w, h);
    raise();
    show();
    m_filter->setFocus();
}

void CommandPalette::collect()
{
    m_entries.clear();
    QSet<QAction *> seen;
    // menu actions with their path first, then window-level actions that no menu shows
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &path) {
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (QMenu *sub = a->menu()) {
                walk(sub, path + plainText(sub->title()) + QStringLiteral(" › "));
                continue;
            }
            if (seen.contains(a) || a->text().isEmpty())
                continue;
            seen.insert(a);
            m_entries.push_back({a, path + plainText(a->text()), a->shortcut().toString(QKeySequence::NativeText)});
        }
    };
    if (auto *main = qobject_cast<QMainWindow *>(m_window)) {
        for (QAction *a : main->menuBar()->actions()) {
            if (QMenu *menu = a->menu())
                walk(menu, plainText(menu->title()) + QStringLiteral(" › "));
        }
    }
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (seen.contains(a) || a->isSeparator() || a->menu() || a->text().isEmpty())
            continue;
        seen.insert(a);
        m_entries.push_back({a, plainText(a->text()), a->shortcut().toString(QKeySequence::NativeText)});
    }
}

int CommandPalette::fuzzyScore(const QString &pattern, const QString &text)
{
    int score = 0, run = 0;
    qsizetype at = 0;
    for (const QChar c : pattern) {
        if (c.isSpace())
            continue;
        qsizetype found = -1;
        for (qsizetype i = at; i < text.size(); ++i) {
            if (text[i].toCaseFolded() == c.toCaseFolded()) {
                found = i;
                break;
            }
        }
        if (found < 0)
            return -1;
        run = found == at && at > 0 ? run + 1 : 0;
        const bool wordStart = found == 0 || !text[found - 1].isLetterOrNumber();
        score += 1 + run * 4 + (wordStart ? 3 : 0);
        at = found + 1;
    }
    return score * 1000 - int(text.size());
}

void CommandPalette::refilter()
{
    const QString pattern = m_filter->text().trimmed();
    std::vector<std::pair<int, const Entry *>> shown;
    for (const Entry &e : m_entries) {
        if (!e.action || !e.action->isEnabled())
            continue;
        const int score = pattern.isEmpty() ? 0 : fuzzyScore(pattern, e.label);
        if (score >= 0 || pattern.isEmpty())
            shown.emplace_back(score, &e);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    m_list->clear();
    for (const auto &[score, e] : shown) {
        auto *item = new QListWidgetItem(e->shortcut.isEmpty() ? e->label : e->label + QStringLiteral("    ") + e->shortcut,
                                         m_list);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(e->action.data())));
        item->setToolTip(e->action->toolTip());
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool CommandPalette::triggerSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    auto *action = item ? qobject_cast<QAction *>(item->data(Qt::UserRole).value<QObject *>()) : nullptr;
    if (!action)
        return false;
    hide();
    action->trigger();
    return true;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentRow(std::min(row + 1, m_list->count() - 1));
            return true;
        case Qt::Key_Up:
            m_list->setCurrentRow(std::max(row - 1, 0));
            return true;
        case Qt::Key_Escape:
            hide();
            m_window->setFocus();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace headroom::ui
