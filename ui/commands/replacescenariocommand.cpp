#include "ui/commands/replacescenariocommand.h"

#include "ui/commands/commandid.h"
#include "ui/document/scenariodocument.h"

namespace headroom::ui {

ReplaceScenarioCommand::ReplaceScenarioCommand(ScenarioDocument *document, model::Scenario scenario,
                                               const QString &text, QString mergeKey)
    : m_mergeKey(std::move(mergeKey)), m_document(document), m_other(std::move(scenario))
{
    setText(text);
}

void ReplaceScenarioCommand::redo()
{
    m_other = m_document->swapScenario(std::move(m_other));
}

void ReplaceScenarioCommand::undo()
{
    redo();
}

int ReplaceScenarioCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : int(CommandId::ReplaceScenario);
}

bool ReplaceScenarioCommand::mergeWith(const QUndoCommand *other)
{
    // `other` is already applied; this command keeps the scenario from before the first step
    const auto *next = static_cast<const ReplaceScenarioCommand *>(other);
    if (m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey || next->m_document != m_document)
        return false;
    setText(next->text());
    setObsolete(m_document->scenario() == m_other); // a drag that ends where it started
    return true;
}

} // namespace headroom::ui
