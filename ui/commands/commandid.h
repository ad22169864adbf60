#pragma once

namespace headroom::ui {

/// Ids of mergeable undo commands (QUndoCommand::id()); one per command class.
enum class CommandId : int {
    SetField = 1,
    AnalysisOptions = 2,
    ReplaceScenario = 3,
};

} // namespace headroom::ui
