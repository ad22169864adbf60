#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace headroom::ui {

/// A bar above the editor offering to restore work that an earlier session did not save.
class RecoveryBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryBar)
public:
    explicit RecoveryBar(QWidget *parent = nullptr);

    void setMessage(const QString &text);
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *discardButton() const { return m_discard; }

signals:
    void restoreRequested();
    void discardRequested();

private:
    QLabel *m_label;
    QPushButton *m_restore;
    QPushButton *m_discard;
};

} // namespace headroom::ui
