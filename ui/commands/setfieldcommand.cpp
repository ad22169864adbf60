#include "ui/commands/setfieldcommand.h"

#include "ui/commands/commandid.h"
#include "ui/document/scenariodocument.h"

#include <QCoreApplication>

namespace headroom::ui {

namespace {

QString shortened(const QString &text)
{
    return text.size() > 32 ? text.left(31) + QChar(0x2026) : text;
}

} // namespace

SetFieldCommand::SetFieldCommand(ScenarioDocument *document, QString path, QString text)
    : m_document(document), m_path(std::move(path)), m_text(std::move(text))
{
    m_original = m_document->fieldText(m_path);
    setText(m_text.isEmpty()
                ? QCoreApplication::translate("SetFieldCommand", "Clear %1").arg(m_path)
                : QCoreApplication::translate("SetFieldCommand", "Set %1 to %2").arg(m_path, shortened(m_text)));
}

void SetFieldCommand::redo()
{
    m_text = m_document->swapFieldText(m_path, m_text);
}

void SetFieldCommand::undo()
{
    redo();
}

int SetFieldCommand::id() const
{
    return static_cast<int>(CommandId::SetField);
}

bool SetFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetFieldCommand *>(other);
    if (next->m_path != m_path || next->m_document != m_document)
        return false;
    // m_text still holds the value before this command, which undo() restores; take the newer title.
    const QString current = m_document->fieldText(m_path);
    setText(next->text());
    setObsolete(current == m_original);
    return true;
}

} // namespace headroom::ui
