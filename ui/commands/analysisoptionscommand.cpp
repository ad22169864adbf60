#include "ui/commands/analysisoptionscommand.h"

#include "ui/commands/commandid.h"
#include "ui/document/analysisrunner.h"

namespace headroom::ui {

AnalysisOptionsCommand::AnalysisOptionsCommand(AnalysisRunner *runner, analysis::AnalysisOptions options, QString key,
                                               const QString &text)
    : m_runner(runner), m_other(std::move(options)), m_key(std::move(key))
{
    setText(text);
}

void AnalysisOptionsCommand::redo()
{
    analysis::AnalysisOptions previous = m_runner->options();
    m_runner->setOptions(m_other);
    m_other = std::move(previous);
}

void AnalysisOptionsCommand::undo()
{
    redo();
}

int AnalysisOptionsCommand::id() const
{
    return static_cast<int>(CommandId::AnalysisOptions);
}

bool AnalysisOptionsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const AnalysisOptionsCommand *>(other);
    if (next->m_key != m_key || next->m_runner != m_runner)
        return false;
    setText(next->text()); // m_other keeps the options before the first change, which undo() restores
    return true;
}

} // namespace headroom::ui
