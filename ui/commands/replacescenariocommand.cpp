#include "ui/commands/replacescenariocommand.h"

#include "ui/document/scenariodocument.h"

namespace headroom::ui {

ReplaceScenarioCommand::ReplaceScenarioCommand(ScenarioDocument *document, model::Scenario scenario,
                                               const QString &text)
    : m_document(document), m_other(std::move(scenario))
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

} // namespace headroom::ui
