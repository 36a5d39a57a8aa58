#include "cli_context.h"

#include "command.h"
#include "domain/error.h"

#include <QJsonDocument>

namespace ch::cli {

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{}

storage::Workspace& Context::workspace()
{
    if (m_workspace)
        return *m_workspace;
    if (!m_options.workspace)
        throw UserError("this command needs a workspace; pass --workspace PATH (create one with `"
                        + std::string(kProgram) + " workspace new PATH --demo`)");
    const auto& path = *m_options.workspace;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw UserError("--workspace: \"" + path.string() + "\" does not exist; create it with `"
                        + kProgram + " workspace new " + path.string() + " --demo`");
    try {
        m_workspace.emplace(storage::Workspace::open(path));
    } catch (const StorageError& e) {
        // The storage message is written for people; make sure it says which file was refused.
        const std::string message = e.what();
        if (message.find(path.filename().string()) != std::string::npos)
            throw UserError(message);
        throw UserError("workspace \"" + path.string() + "\" refused: " + message);
    }
    return *m_workspace;
}

storage::Workspace& Context::adopt(storage::Workspace workspace)
{
    m_workspace.reset();
    m_workspace.emplace(std::move(workspace));
    return *m_workspace;
}

void Context::printJson(const QJsonObject& object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    m_out.write(bytes.constData(), bytes.size());
    m_out.flush();
}

} // namespace ch::cli
