#include "app/cli/cli.h"
#include "app/cli/commands.h"

namespace headroom::cli {

int runPlan(const QStringList &args)
{
    CommandLine cl(QStringLiteral("plan"), QStringLiteral("Not part of this build yet."));
    if (auto exit = cl.parse(args, 0, 99))
        return *exit;
    return usageError(QStringLiteral("plan"), QStringLiteral("this command is not part of this build yet"));
}

} // namespace headroom::cli
