#include "app/cli/cli.h"
#include "app/cli/commands.h"

namespace headroom::cli {

int runImport(const QStringList &args)
{
    CommandLine cl(QStringLiteral("import"), QStringLiteral("Not part of this build yet."));
    if (auto exit = cl.parse(args, 0, 99))
        return *exit;
    return usageError(QStringLiteral("import"), QStringLiteral("this command is not part of this build yet"));
}

} // namespace headroom::cli
