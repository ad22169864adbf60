#include "app/cli/cli.h"

#include "core/model/csv.h"
#include "core/model/scenarioio.h"

#include <QCoreApplication>

#include <cstdio>
#include <type_traits>

namespace headroom::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

CommandLine::CommandLine(const QString &command, const QString &description) : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
}

void CommandLine::addPositional(const QString &name, const QString &description, const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

std::optional<int> CommandLine::parse(const QStringList &args, int minPositional, int maxPositional)
{
    QStringList full{QStringLiteral("headroom-cli ") + m_command};
    full += args;
    if (!m_parser.parse(full))
        return usageError(m_command, m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        QString help = m_parser.helpText();
        help.replace(QCoreApplication::arguments().constFirst(), QStringLiteral("headroom-cli ") + m_command);
        out() << help;
        out().flush();
        return Ok;
    }
    const qsizetype n = m_parser.positionalArguments().size();
    if (n < minPositional)
        return usageError(m_command, QStringLiteral("missing argument; see --help"));
    if (n > maxPositional)
        return usageError(m_command, QStringLiteral("unexpected argument '%1'")
                                         .arg(m_parser.positionalArguments().at(maxPositional)));
    return std::nullopt;
}

namespace {

// Reads an option as T (double or int) and checks its bounds; false after a usage message.
template <typename T>
std::optional<T> readNumber(const QCommandLineParser &parser, const QString &command, const QString &name,
                            std::optional<T> min, std::optional<T> max)
{
    bool ok = false;
    const QString text = parser.value(name);
    T v{};
    if constexpr (std::is_same_v<T, int>)
        v = text.toInt(&ok);
    else
        v = text.toDouble(&ok);
    if (ok && (!min || v >= *min) && (!max || v <= *max))
        return v;
    QString range;
    if (min && max)
        range = QStringLiteral(" between %1 and %2").arg(*min).arg(*max);
    else if (min)
        range = QStringLiteral(" >= %1").arg(*min);
    const QString what = std::is_same_v<T, int> ? QStringLiteral("a whole number") : QStringLiteral("a number");
    usageError(command, QStringLiteral("--%1 expects %2%3, got '%4'").arg(name, what, range, text));
    return std::nullopt;
}

} // namespace

std::optional<double> CommandLine::number(const QString &name, std::optional<double> min, std::optional<double> max)
{
    return readNumber(m_parser, m_command, name, min, max);
}

std::optional<int> CommandLine::integer(const QString &name, std::optional<int> min, std::optional<int> max)
{
    return readNumber(m_parser, m_command, name, min, max);
}

int usageError(const QString &command, const QString &message)
{
    err() << "headroom-cli " << command << ": " << message << '\n';
    err().flush();
    return Usage;
}

int reportErrors(const model::Diagnostics &diagnostics)
{
    for (const model::Diagnostic &d : diagnostics)
        err() << d.toString() << '\n';
    err().flush();
    return BadInput;
}

std::optional<model::Scenario> loadScenarioOrDefault(const QString &path)
{
    if (path.isEmpty())
        return model::defaultScenario();
    model::Diagnostics warnings;
    auto loaded = model::loadScenario(path, &warnings);
    reportErrors(warnings);
    if (!loaded) {
        reportErrors(loaded.errors());
        return std::nullopt;
    }
    return std::move(loaded).value();
}

bool writeOutput(const QString &path, const QByteArray &contents)
{
    if (path == u"-" || path.isEmpty()) {
        out().flush();
        std::fwrite(contents.constData(), 1, static_cast<size_t>(contents.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    const auto written = model::writeFileAtomically(path, contents);
    if (!written) {
        reportErrors(written.errors());
        return false;
    }
    return true;
}

} // namespace headroom::cli
