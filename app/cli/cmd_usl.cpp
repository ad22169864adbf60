#include "app/cli/cli.h"
#include "app/cli/commands.h"

namespace headroom::cli {

int runUsl(const QStringList &args)
{
    CommandLine cl(QStringLiteral("usl"), QStringLiteral("Not part of this build yet."));
    if (auto exit = cl.parse(args, 0, 99))
        return *exit;
    return usageError(QStringLiteral("usl"), QStringLiteral("this command is not part of this build yet"));
}

} // namespace headroom::cli
