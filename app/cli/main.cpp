// computehedge-cli: `computehedge-cli [global options] <group> <command> [arguments]`.
// Parses the global options, finds the command registered by a *_commands.cpp file and runs it,
// mapping exceptions to exit codes: 0 success, 1 user error, 2 internal error (docs/cli.md).

#include "cli_context.h"
#include "command.h"
#include "domain/error.h"
#include "json_output.h"
#include "storage/workspace.h"

#include <QCoreApplication>

#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace ch::cli;

struct CommandLine
{
    GlobalOptions globals;
    bool help = false;
    bool version = false;
    std::vector<std::string> words; //!< group, command and its arguments
};

// Global options may appear anywhere before a `--`, so `market show X --json` works as well as
// `--json market show X`.
CommandLine splitGlobalOptions(const std::vector<std::string>& args)
{
    CommandLine cl;
    auto setWorkspace = [&](const std::string& value) {
        if (cl.globals.workspace)
            throw UserError("--workspace: given more than once");
        if (value.empty())
            throw UserError("--workspace: missing value; expected PATH");
        cl.globals.workspace = value;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            cl.words.insert(cl.words.end(), args.begin() + static_cast<long>(i), args.end());
            break;
        }
        if (a == "--json")
            cl.globals.json = true;
        else if (a == "--help" || a == "-h")
            cl.help = true;
        else if (a == "--version")
            cl.version = true;
        else if (a == "--workspace")
            setWorkspace(i + 1 < args.size() ? args[++i] : std::string());
        else if (a.starts_with("--workspace="))
            setWorkspace(a.substr(std::string("--workspace=").size()));
        else
            cl.words.push_back(a);
    }
    return cl;
}

std::string namesOf(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string groupNames()
{
    std::vector<std::string> names;
    for (const auto& g : groups())
        names.push_back(g.name);
    return namesOf(names);
}

std::string commandNames(const std::string& group)
{
    std::vector<std::string> names;
    for (const auto& c : commandsOf(group))
        names.push_back(c.name);
    return namesOf(names);
}

int printVersion(Context& ctx)
{
    const int schema = ch::storage::Workspace::latestSchemaVersion();
    if (ctx.json()) {
        ctx.printJson(QJsonObject{
            {"program", kProgram}, {"version", CH_VERSION}, {"schema_version", schema}});
    } else {
        ctx.out() << kProgram << " " << CH_VERSION << " (workspace schema version " << schema
                  << ")\n";
    }
    return 0;
}

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    CommandLine cl = splitGlobalOptions(args);
    Context ctx(cl.globals, out, err);
    if (cl.version)
        return printVersion(ctx);
    const std::string help = std::string("; run `") + kProgram + " --help` for the list";
    if (cl.words.empty()) {
        if (cl.help) {
            out << globalHelp();
            return 0;
        }
        throw UserError("missing command; expected one of the groups " + groupNames() + help);
    }
    const Group* group = findGroup(cl.words[0]);
    if (group == nullptr)
        throw UserError("unknown command group \"" + cl.words[0] + "\"; expected one of "
                        + groupNames() + help);
    const bool commandOmitted = cl.words.size() == 1 || cl.words[1].starts_with("--");
    if (commandOmitted && !group->defaultCommand.empty() && !cl.help)
        cl.words.insert(cl.words.begin() + 1, group->defaultCommand);
    if (cl.words.size() == 1) {
        if (cl.help) {
            out << groupHelp(*group);
            return 0;
        }
        throw UserError("missing command after \"" + group->name + "\"; expected one of "
                        + commandNames(group->name) + "; run `" + kProgram + " " + group->name
                        + " --help` for details");
    }
    const Command* command = findCommand(group->name, cl.words[1]);
    if (command == nullptr)
        throw UserError("unknown command \"" + group->name + " " + cl.words[1]
                        + "\"; expected one of " + commandNames(group->name) + "; run `" + kProgram
                        + " " + group->name + " --help` for details");
    if (cl.help) {
        out << commandHelp(*command);
        return 0;
    }
    const Arguments parsed =
        Arguments::parse(*command, std::vector<std::string>(cl.words.begin() + 2, cl.words.end()));
    return command->run(ctx, parsed);
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const std::string prefix = std::string(kProgram) + ": ";
    if (const auto problems = registryProblems(); !problems.empty()) {
        for (const auto& p : problems)
            err << prefix << "internal error: " << p << "\n";
        return 2;
    }
    try {
        return dispatch(args, out, err);
    } catch (const UserError& e) {
        out.flush();
        err << prefix << "error: " << e.what() << "\n";
        for (const auto& d : e.details())
            err << d << "\n";
        return 1;
    } catch (const ch::StorageError& e) {
        // A workspace or file operation failed (read-only file, disk full, refused content):
        // something the user can act on, not a bug.
        out.flush();
        err << prefix << "error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        out.flush();
        err << prefix << "internal error: " << e.what() << "\n";
        return 2;
    } catch (...) {
        out.flush();
        err << prefix << "internal error: unknown exception\n";
        return 2;
    }
}

} // namespace

int main(int argc, char** argv)
{
    // QCoreApplication makes Qt load the SQLite driver plugin the workspace needs.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(kProgram));
    QCoreApplication::setApplicationVersion(QStringLiteral(CH_VERSION));
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int code = run(args, std::cout, std::cerr);
    std::cout.flush();
    return code;
}
