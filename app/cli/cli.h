#pragma once

#include "core/model/result.h"
#include "core/model/scenario.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

/// Shared plumbing of headroom-cli's subcommands: argument parsing with the exit-code contract of
/// DESIGN.md (0 ok, 1 bad input, 2 usage), stdout/stderr streams, scenario loading.
namespace headroom::cli {

enum ExitCode { Ok = 0, BadInput = 1, Usage = 2 };

QTextStream &out();
QTextStream &err();

/// A subcommand's parser. parse() returns an exit code when the command must stop
/// (--help printed: 0; bad arguments: 2 with the message on stderr), or nothing to go on.
class CommandLine {
public:
    CommandLine(const QString &command, const QString &description);
    QCommandLineParser &parser() { return m_parser; }
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addPositional(const QString &name, const QString &description, const QString &syntax = {});
    std::optional<int> parse(const QStringList &args, int minPositional = 0, int maxPositional = 0);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }

    /// Reads a numeric option; on a bad value prints a usage error and returns nullopt.
    std::optional<double> number(const QString &name, std::optional<double> min = {}, std::optional<double> max = {});
    std::optional<int> integer(const QString &name, std::optional<int> min = {}, std::optional<int> max = {});

private:
    QString m_command;
    QCommandLineParser m_parser;
};

int usageError(const QString &command, const QString &message);
/// Prints diagnostics to stderr, one per line; returns BadInput.
int reportErrors(const model::Diagnostics &diagnostics);

/// Loads FILE, or the embedded WebTools Pro when `path` is empty. Errors go to stderr.
std::optional<model::Scenario> loadScenarioOrDefault(const QString &path);

/// Writes `contents` to `path` atomically, or to stdout when path is "-".
bool writeOutput(const QString &path, const QByteArray &contents);

} // namespace headroom::cli
