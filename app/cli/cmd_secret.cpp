#include "app/cli/cli.h"
#include "app/cli/commands.h"

#include "core/connect/secretstore.h"

#include <QFile>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace headroom::cli {

namespace {

/// One line from standard input; on a terminal, prompted and without echo.
QString readSecretLine(const QString &name)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        err() << "Secret for \"" << name << "\": ";
        err().flush();
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile in;
    QByteArray line;
    if (in.open(stdin, QIODevice::ReadOnly))
        line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << '\n';
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

int runSecret(const QStringList &args)
{
    CommandLine cl(u"secret"_s,
                   u"Stores or deletes a named secret (an API token, a database or Redis password) in the system "
                   "keychain, where 'import --token-secret NAME' and 'inspect --password-secret NAME' read it. "
                   "'set' reads the secret from standard input (without echo on a terminal), never from the command "
                   "line. Nothing is written to disk by Headroom; without a usable keychain the command fails."_s);
    cl.addPositional(u"action"_s, u"set or delete"_s, u"set|delete"_s);
    cl.addPositional(u"name"_s, u"The secret's name."_s, u"NAME"_s);
    if (auto exit = cl.parse(args, 2, 2))
        return *exit;
    const QString action = cl.positional().at(0), name = cl.positional().at(1);
    if (name.trimmed().isEmpty())
        return usageError(u"secret"_s, u"the secret's name is empty"_s);
    if (action == u"set") {
        const QString secret = readSecretLine(name);
        if (secret.isEmpty())
            return reportErrors({model::makeError(u"no secret on standard input"_s, u"stdin"_s)});
        if (auto written = connect::writeKeychainSecret(name, secret); !written)
            return reportErrors(written.errors());
        err() << "stored \"" << name << "\" in the keychain\n";
    } else if (action == u"delete") {
        if (auto removed = connect::removeKeychainSecret(name); !removed)
            return reportErrors(removed.errors());
        err() << "deleted \"" << name << "\" from the keychain\n";
    } else {
        return usageError(u"secret"_s, u"expected 'set' or 'delete', got \"%1\""_s.arg(action));
    }
    err().flush();
    return Ok;
}

} // namespace headroom::cli
