#pragma once

#include "domain/dates.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// The command framework of computehedge-cli. Each command group lives in one `<group>_commands.cpp`
// file (globbed by app/cli/CMakeLists.txt) that registers its group and commands statically with
// CH_CLI_GROUP / CH_CLI_COMMAND, so a new feature adds a file and edits nothing shared. Commands
// are declared as data (arguments, options, help), so parsing, validation and --help are uniform.

namespace ch::cli {

class Context;
class Arguments;

//! Bad input from the user (unknown command or option, missing or malformed argument, a refused
//! workspace, a failed import): main prints `computehedge-cli: error: <message>`, then each detail
//! on its own line (e.g. one import Issue per line), and exits with 1.
class UserError : public std::runtime_error
{
public:
    explicit UserError(const std::string& message, std::vector<std::string> details = {});
    const std::vector<std::string>& details() const { return m_details; }

private:
    std::vector<std::string> m_details;
};

//! A positional argument, shown in usage as its NAME.
struct Positional
{
    std::string name{}; //!< upper case, e.g. "INDEX"
    std::string help{};
    bool required = true;
};

//! A command option `--name VALUE` (or `--name=VALUE`); a flag when valueName is empty.
struct Option
{
    std::string name{};      //!< with the dashes, e.g. "--from"
    std::string valueName{}; //!< expected form, e.g. "YYYY-MM-DD"; empty for a flag
    std::string help{};
    bool required = false;
};

//! Runs a command; returns the exit code (0 on success). Throws UserError for bad input.
using Handler = int (*)(Context&, const Arguments&);

//! One `computehedge-cli <group> <name>` command.
struct Command
{
    std::string group{};
    std::string name{};
    std::string summary{}; //!< one line, shown in the group's command list
    std::vector<Positional> positionals{};
    std::vector<Option> options{};
    std::string description{}; //!< paragraph(s) for --help: behaviour, output, JSON shape
    std::vector<std::string> examples{};
    Handler run = nullptr;
};

//! A command group such as "market".
struct Group
{
    std::string name{};
    std::string summary{};
    //! The command run when the group is given without one, or directly followed by an option
    //! (`positions --json` is `positions list --json`); empty: a command is required.
    std::string defaultCommand{};
};

//! Adds a group or command to the registry at static-initialisation time. Registration is the only
//! write; the registry is read-only once main() starts.
struct Registrar
{
    explicit Registrar(Group group);
    explicit Registrar(Command command);
};

//! Registered groups and commands, sorted by name.
std::vector<Group> groups();
std::vector<Command> commandsOf(const std::string& group);
const Group* findGroup(const std::string& name);
const Command* findCommand(const std::string& group, const std::string& name);
//! Programming errors in the registrations (duplicates, a command in an unregistered group, no
//! handler); main refuses to run, with exit code 2, when this is not empty.
std::vector<std::string> registryProblems();

//! The parsed arguments of one command invocation, validated against its Command declaration.
class Arguments
{
public:
    //! The value of a positional argument, or nullopt when an optional one was not given.
    std::optional<std::string> positional(std::string_view name) const;
    //! The value of an option, or nullopt when it was not given.
    std::optional<std::string> value(std::string_view option) const;
    //! Whether a flag option was given.
    bool flag(std::string_view option) const;

    //! Parses `args` (the words after `<group> <command>`, global options already removed).
    //! Accepts `--opt VALUE`, `--opt=VALUE` and `--` (the rest are positionals). Throws UserError
    //! naming the argument for unknown options, missing values, repeated options, missing or extra
    //! positionals.
    static Arguments parse(const Command& command, const std::vector<std::string>& args);

private:
    std::map<std::string, std::string, std::less<>> m_positionals;
    std::map<std::string, std::string, std::less<>> m_values;
};

//! Typed access with messages that name the argument and the expected form, e.g.
//! `--from: "2026/01/01" is not a date; expected YYYY-MM-DD`.
std::optional<Date> dateValue(const Arguments& args, std::string_view option);
std::optional<int> positiveIntValue(const Arguments& args, std::string_view option);

//! Help texts (end with a newline).
std::string globalHelp();
std::string groupHelp(const Group& group);
std::string commandHelp(const Command& command);
//! `computehedge-cli market show INDEX [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
std::string usageLine(const Command& command);

//! The program name used in messages and usage.
inline constexpr const char* kProgram = "computehedge-cli";

} // namespace ch::cli

#define CH_CLI_CONCAT_INNER(a, b) a##b
#define CH_CLI_CONCAT(a, b) CH_CLI_CONCAT_INNER(a, b)

//! CH_CLI_GROUP({.name = "market", .summary = "..."});
#define CH_CLI_GROUP(...)                                                                          \
    static const ::ch::cli::Registrar CH_CLI_CONCAT(chCliGroup_,                                   \
                                                    __LINE__)(::ch::cli::Group __VA_ARGS__)

//! CH_CLI_COMMAND({.group = "market", .name = "show", .summary = "...", ..., .run = &showIndex});
#define CH_CLI_COMMAND(...)                                                                        \
    static const ::ch::cli::Registrar CH_CLI_CONCAT(chCliCommand_,                                 \
                                                    __LINE__)(::ch::cli::Command __VA_ARGS__)
