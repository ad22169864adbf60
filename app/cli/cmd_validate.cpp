#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/model/scenarioio.h"

namespace headroom::cli {

int runValidate(const QStringList &args)
{
    CommandLine cl(QStringLiteral("validate"),
                   QStringLiteral("Checks a scenario file: syntax, types, ranges, enums, unknown keys, duplicate ids "
                                  "and cross references.\nEvery problem is printed on stderr as "
                                  "FILE:LINE:COL: field.path: message. Exit 0 when valid, 1 when not."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The scenario file (YAML, apiVersion headroom/v1)."));
    if (auto exit = cl.parse(args, 1, 1))
        return *exit;
    const QString path = cl.positional().constFirst();
    model::Diagnostics warnings;
    const auto loaded = model::loadScenario(path, &warnings);
    reportErrors(warnings);
    if (!loaded)
        return reportErrors(loaded.errors());
    out() << path << ": valid scenario '" << loaded->metadata.name << "' (" << loaded->spec.tiers.size()
          << " tiers)\n";
    return Ok;
}

} // namespace headroom::cli
