#include "ui/panels/recoverybar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace headroom::ui {

RecoveryBar::RecoveryBar(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_restore(new QPushButton(tr("&Restore"), this)),
      m_discard(new QPushButton(tr("&Discard"), this))
{
    setObjectName(QStringLiteral("recoveryBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#recoveryBar { background: #fff4d6; border: 1px solid #e0c060; }"));
    m_label->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_restore);
    layout->addWidget(m_discard);
    connect(m_restore, &QPushButton::clicked, this, &RecoveryBar::restoreRequested);
    connect(m_discard, &QPushButton::clicked, this, &RecoveryBar::discardRequested);
}

void RecoveryBar::setMessage(const QString &text)
{
    m_label->setText(text);
}

} // namespace headroom::ui
