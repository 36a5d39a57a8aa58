#include "command.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace ch::cli {

namespace {

// Function-local statics so registration from other translation units' static initialisers is
// safe whatever their order. Written only before main(); read-only afterwards.
std::vector<Group>& groupRegistry()
{
    static std::vector<Group> registry;
    return registry;
}

std::vector<Command>& commandRegistry()
{
    static std::vector<Command> registry;
    return registry;
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

std::string commandPath(const Command& command)
{
    return command.group + " " + command.name;
}

std::string padded(const std::string& text, std::size_t width)
{
    return text.size() >= width ? text + "  " : text + std::string(width - text.size(), ' ');
}

std::string optionLabel(const Option& option)
{
    return option.valueName.empty() ? option.name : option.name + " " + option.valueName;
}

const char* kGlobalOptionsHelp = "Global options (anywhere on the command line):\n"
                                 "  --workspace PATH    workspace file (*.chw) to work on\n"
                                 "  --json              print JSON (snake_case keys, numbers as "
                                 "numbers, ISO dates) instead of text\n"
                                 "  --help, -h          show help for the program, a group or a "
                                 "command\n"
                                 "  --version           print the program and workspace schema "
                                 "versions\n";

const char* kExitCodesHelp =
    "Exit codes: 0 success; 1 user error (bad argument, refused workspace, failed import; the "
    "message is on stderr);\n2 internal error.\n";

} // namespace

UserError::UserError(const std::string& message, std::vector<std::string> details)
    : std::runtime_error(message)
    , m_details(std::move(details))
{}

Registrar::Registrar(Group group)
{
    groupRegistry().push_back(std::move(group));
}

Registrar::Registrar(Command command)
{
    commandRegistry().push_back(std::move(command));
}

std::vector<Group> groups()
{
    auto out = groupRegistry();
    std::sort(
        out.begin(), out.end(), [](const Group& a, const Group& b) { return a.name < b.name; });
    return out;
}

std::vector<Command> commandsOf(const std::string& group)
{
    std::vector<Command> out;
    std::copy_if(commandRegistry().begin(),
                 commandRegistry().end(),
                 std::back_inserter(out),
                 [&](const Command& c) { return c.group == group; });
    std::sort(
        out.begin(), out.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
    return out;
}

const Group* findGroup(const std::string& name)
{
    const auto& all = groupRegistry();
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const Group& g) { return g.name == name; });
    return it == all.end() ? nullptr : &*it;
}

const Command* findCommand(const std::string& group, const std::string& name)
{
    const auto& all = commandRegistry();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Command& c) {
        return c.group == group && c.name == name;
    });
    return it == all.end() ? nullptr : &*it;
}

std::vector<std::string> registryProblems()
{
    std::vector<std::string> problems;
    std::set<std::string> seenGroups;
    for (const auto& g : groupRegistry())
        if (!seenGroups.insert(g.name).second)
            problems.push_back("command group " + quoted(g.name) + " is registered twice");
    std::set<std::string> seenCommands;
    for (const auto& c : commandRegistry()) {
        if (!seenCommands.insert(commandPath(c)).second)
            problems.push_back("command " + quoted(commandPath(c)) + " is registered twice");
        if (!seenGroups.contains(c.group))
            problems.push_back("command " + quoted(commandPath(c))
                               + " names an unregistered group");
        if (c.run == nullptr)
            problems.push_back("command " + quoted(commandPath(c)) + " has no handler");
    }
    for (const auto& g : groupRegistry())
        if (!g.defaultCommand.empty() && !seenCommands.contains(g.name + " " + g.defaultCommand))
            problems.push_back("command group " + quoted(g.name) + " has the default command "
                               + quoted(g.defaultCommand) + ", which is not registered");
    return problems;
}

std::optional<std::string> Arguments::positional(std::string_view name) const
{
    const auto it = m_positionals.find(name);
    return it == m_positionals.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<std::string> Arguments::value(std::string_view option) const
{
    const auto it = m_values.find(option);
    return it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

bool Arguments::flag(std::string_view option) const
{
    return m_values.find(option) != m_values.end();
}

Arguments Arguments::parse(const Command& command, const std::vector<std::string>& args)
{
    Arguments parsed;
    const std::string usage = "; usage: " + usageLine(command);
    std::size_t nextPositional = 0;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!optionsEnded && arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (!optionsEnded && arg.size() > 1 && arg.front() == '-') {
            const auto eq = arg.find('=');
            const std::string name = arg.substr(0, eq);
            const auto opt = std::find_if(command.options.begin(),
                                          command.options.end(),
                                          [&](const Option& o) { return o.name == name; });
            if (opt == command.options.end())
                throw UserError("unknown option " + quoted(name) + " for "
                                + quoted(commandPath(command)) + "; see " + kProgram + " "
                                + commandPath(command) + " --help");
            if (parsed.m_values.contains(name))
                throw UserError(name + ": given more than once");
            std::string value;
            if (opt->valueName.empty()) {
                if (eq != std::string::npos)
                    throw UserError(name + ": takes no value, got " + quoted(arg.substr(eq + 1)));
            } else if (eq != std::string::npos) {
                value = arg.substr(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                throw UserError(name + ": missing value; expected " + opt->valueName);
            }
            parsed.m_values.emplace(name, std::move(value));
            continue;
        }
        if (nextPositional >= command.positionals.size())
            throw UserError("unexpected argument " + quoted(arg) + " for "
                            + quoted(commandPath(command)) + usage);
        parsed.m_positionals.emplace(command.positionals[nextPositional++].name, arg);
    }
    for (const auto& p : command.positionals)
        if (p.required && !parsed.m_positionals.contains(p.name))
            throw UserError(commandPath(command) + ": missing " + p.name + " (" + p.help + ")"
                            + usage);
    for (const auto& o : command.options)
        if (o.required && !parsed.m_values.contains(o.name))
            throw UserError(commandPath(command) + ": missing " + optionLabel(o) + " (" + o.help
                            + ")" + usage);
    return parsed;
}

std::optional<Date> dateValue(const Arguments& args, std::string_view option)
{
    const auto text = args.value(option);
    if (!text)
        return std::nullopt;
    const auto date = parseIsoDate(*text);
    if (!date)
        throw UserError(std::string(option) + ": " + quoted(*text)
                        + " is not a date; expected YYYY-MM-DD");
    return date;
}

std::optional<int> positiveIntValue(const Arguments& args, std::string_view option)
{
    const auto text = args.value(option);
    if (!text)
        return std::nullopt;
    int value = 0;
    const char* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || value <= 0)
        throw UserError(std::string(option) + ": " + quoted(*text)
                        + " is not a whole number greater than zero");
    return value;
}

std::string usageLine(const Command& command)
{
    std::string line = std::string(kProgram) + " " + commandPath(command);
    for (const auto& p : command.positionals)
        line += p.required ? " " + p.name : " [" + p.name + "]";
    for (const auto& o : command.options)
        line += o.required ? " " + optionLabel(o) : " [" + optionLabel(o) + "]";
    return line;
}

std::string globalHelp()
{
    std::string text = std::string("Usage: ") + kProgram
                       + " [--workspace PATH] [--json] <group> <command> [arguments]\n" + "       "
                       + kProgram + " <group> [<command>] --help\n" + "       " + kProgram
                       + " --version\n\n"
                       + "ComputeHedge from the command line: workspaces, reference market data, "
                         "curves and statistics.\n\n"
                       + kGlobalOptionsHelp + "\nCommands:\n";
    for (const auto& g : groups()) {
        text += "  " + padded(g.name, 20) + g.summary + "\n";
        for (const auto& c : commandsOf(g.name))
            text += "    " + padded(c.name, 18) + c.summary + "\n";
    }
    text += std::string("\nRun `") + kProgram
            + " <group> <command> --help` for a command's arguments and options.\n"
            + kExitCodesHelp;
    return text;
}

std::string groupHelp(const Group& group)
{
    std::string text = std::string("Usage: ") + kProgram + " [global options] " + group.name
                       + " <command> [arguments]\n\n" + group.summary + "\n\nCommands:\n";
    for (const auto& c : commandsOf(group.name))
        text += "  " + padded(c.name, 20) + c.summary + "\n";
    text += std::string("\n") + kGlobalOptionsHelp + "\nRun `" + kProgram + " " + group.name
            + " <command> --help` for a command's arguments and options.\n" + kExitCodesHelp;
    return text;
}

std::string commandHelp(const Command& command)
{
    std::string text = "Usage: " + usageLine(command) + "\n\n" + command.summary + "\n";
    if (!command.description.empty())
        text += "\n" + command.description + "\n";
    if (!command.positionals.empty()) {
        text += "\nArguments:\n";
        for (const auto& p : command.positionals)
            text += "  " + padded(p.required ? p.name : "[" + p.name + "]", 20) + p.help + "\n";
    }
    if (!command.options.empty()) {
        text += "\nOptions:\n";
        for (const auto& o : command.options)
            text += "  " + padded(optionLabel(o), 20) + o.help + (o.required ? " (required)" : "")
                    + "\n";
    }
    text += std::string("\n") + kGlobalOptionsHelp;
    if (!command.examples.empty()) {
        text += "\nExamples:\n";
        for (const auto& e : command.examples)
            text += "  " + e + "\n";
    }
    text += std::string("\n") + kExitCodesHelp;
    return text;
}

} // namespace ch::cli
