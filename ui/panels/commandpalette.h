#pragma once

#include <QFrame>
#include <QPointer>
#include <QString>

#include <vector>

class QAction;
class QLineEdit;
class QListWidget;

namespace headroom::ui {

/// The command palette (Ctrl+K): a popup listing every enabled action of a window with its menu
/// path and shortcut, filtered as the user types by a fuzzy subsequence match ("ndo" finds
/// "Edit › Undo"); Enter triggers the selected action, Escape closes.
class CommandPalette final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    explicit CommandPalette(QWidget *window);

    /// Collects the window's actions and shows the palette over it, filter cleared.
    void popup();
    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    /// Triggers the selected entry and closes; false when nothing is selected.
    bool triggerSelected();

    /// Score of `pattern` as a case-insensitive subsequence of `text`; -1 when it is not one.
    /// Higher is better: consecutive characters and word starts score more.
    static int fuzzyScore(const QString &pattern, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry {
        QPointer<QAction> action;
        QString label;    ///< "Edit › Undo"
        QString shortcut; ///< native text
    };
    void collect();
    void refilter();

    QWidget *m_window;
    QLineEdit *m_filter;
    QListWidget *m_list;
    std::vector<Entry> m_entries;
};

} // namespace headroom::ui
