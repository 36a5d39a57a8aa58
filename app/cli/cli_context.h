#pragma once

#include "storage/workspace.h"

#include <QJsonObject>

#include <filesystem>
#include <optional>
#include <ostream>

namespace ch::cli {

//! Options that apply to every command; main extracts them from anywhere on the command line.
struct GlobalOptions
{
    std::optional<std::filesystem::path> workspace; //!< --workspace PATH
    bool json = false;                              //!< --json
};

//! What a command handler works with: the global options, the output stream and, on demand, the
//! workspace. Owns the workspace it opens; one Context per process run, on the main thread.
class Context
{
public:
    Context(GlobalOptions options, std::ostream& out, std::ostream& err);

    bool json() const { return m_options.json; }
    const std::optional<std::filesystem::path>& workspacePath() const
    {
        return m_options.workspace;
    }

    //! Opens the --workspace file on first use (migrating an older schema, see Workspace::open).
    //! Throws UserError when --workspace is missing, the file does not exist or the workspace is
    //! refused; the message names the file.
    storage::Workspace& workspace();
    //! Takes ownership of a workspace a command created (workspace new).
    storage::Workspace& adopt(storage::Workspace workspace);

    std::ostream& out() { return m_out; }
    //! Warnings that do not fail the command (e.g. import warnings) go here, one per line.
    std::ostream& err() { return m_err; }

    //! Prints `object` as indented JSON on the output stream.
    void printJson(const QJsonObject& object);

private:
    GlobalOptions m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    std::optional<storage::Workspace> m_workspace;
};

} // namespace ch::cli
