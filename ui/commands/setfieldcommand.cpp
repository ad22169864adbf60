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

SetFieldCommand::SetFieldCommand(ScenarioDocument *document, QString path, const QString &text, model::Scenario edited)
    : m_document(document), m_path(std::move(path)), m_other(std::move(edited))
{
    setText(text.isEmpty()
                ? QCoreApplication::translate("SetFieldCommand", "Clear %1").arg(m_path)
                : QCoreApplication::translate("SetFieldCommand", "Set %1 to %2").arg(m_path, shortened(text)));
}

void SetFieldCommand::redo()
{
    m_other = m_document->swapScenario(std::move(m_other), m_path);
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
    // `next` is applied; m_other still holds the scenario from before this command, which undo()
    // restores. Take the newer title; back at the start, the step is a no-op.
    setText(next->text());
    setObsolete(m_document->scenario() == m_other);
    return true;
}

} // namespace headroom::ui
