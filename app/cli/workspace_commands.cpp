// `computehedge-cli workspace ...`: create, check and describe workspace files.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "storage/market_data_repository.h"
#include "storage/workspace.h"
#include "text_table.h"

#include <numeric>

namespace ch::cli {
namespace {

//! What a workspace holds, for `workspace info`, `workspace check` and `workspace new`.
struct Contents
{
    std::optional<DatasetInfo> dataset; //!< nullopt for a workspace without market data
    std::size_t indices = 0;
    std::size_t seriesPoints = 0;
    std::size_t contracts = 0;
    std::size_t events = 0;
};

Contents readContents(storage::Workspace& workspace)
{
    // loadAll() maps every row to domain values, so a successful read also shows that the stored
    // market data is well formed.
    const MarketDataSet data = storage::MarketDataRepository(workspace).loadAll();
    Contents c;
    if (!data.indices.empty())
        c.dataset = data.info;
    c.indices = data.indices.size();
    c.seriesPoints = std::accumulate(
        data.series.begin(), data.series.end(), std::size_t{0}, [](std::size_t n, const auto& s) {
            return n + s.points.size();
        });
    c.contracts = data.contracts.size();
    c.events = data.events.size();
    return c;
}

void addContents(QJsonObject& object, const Contents& c)
{
    object.insert("dataset", c.dataset ? QJsonValue(jsonDataset(*c.dataset)) : QJsonValue());
    object.insert("indices", jsonCount(c.indices));
    object.insert("series_points", jsonCount(c.seriesPoints));
    object.insert("contracts", jsonCount(c.contracts));
    object.insert("events", jsonCount(c.events));
}

void addContentFields(std::vector<std::pair<std::string, std::string>>& fields, const Contents& c)
{
    if (c.dataset) {
        fields.emplace_back("Dataset version", c.dataset->version);
        fields.emplace_back("Valuation date", formatIsoDate(c.dataset->valuationDate));
    } else {
        fields.emplace_back("Dataset", "none (no market data; run `market import FILE`)");
    }
    fields.emplace_back("Indices", formatCount(c.indices));
    fields.emplace_back("Series points", formatCount(c.seriesPoints));
    fields.emplace_back("Contracts", formatCount(c.contracts));
    fields.emplace_back("Events", formatCount(c.events));
}

int newWorkspace(Context& ctx, const Arguments& args)
{
    const auto positional = args.positional("PATH");
    const auto& global = ctx.workspacePath();
    if (positional && global && std::filesystem::path(*positional) != *global)
        throw UserError("PATH \"" + *positional + "\" and --workspace \"" + global->string()
                        + "\" name different files; give one of them");
    if (!positional && !global)
        throw UserError("workspace new: missing PATH (the new workspace file); usage: "
                        + usageLine(*findCommand("workspace", "new")));
    const std::filesystem::path path = positional ? std::filesystem::path(*positional) : *global;
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw UserError("PATH: \"" + path.string()
                        + "\" already exists; choose a new file name (workspace new never "
                          "overwrites)");
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder, ec))
        throw UserError("PATH: folder \"" + folder.string() + "\" does not exist");

    const bool demo = args.flag("--demo");
    auto& ws =
        ctx.adopt(demo ? storage::Workspace::createDemo(path) : storage::Workspace::create(path));
    const Contents contents = readContents(ws);
    if (ctx.json()) {
        QJsonObject o{{"path", qstr(ws.path().string())},
                      {"demo", demo},
                      {"schema_version", ws.schemaVersion()}};
        addContents(o, contents);
        ctx.printJson(o);
        return 0;
    }
    std::vector<std::pair<std::string, std::string>> fields{
        {"Created", ws.path().string() + (demo ? " (demo workspace)" : " (empty workspace)")},
        {"Schema version", std::to_string(ws.schemaVersion())}};
    addContentFields(fields, contents);
    ctx.out() << renderFields(fields);
    return 0;
}

int checkWorkspace(Context& ctx, const Arguments&)
{
    // Workspace::open refuses (StorageError -> exit 1 with its message) a file that is not a
    // workspace, fails quick_check, or comes from a newer version; it migrates an older one.
    auto& ws = ctx.workspace();
    const auto& m = ws.migration();
    const bool migrated = m.fromVersion != m.toVersion;
    const Contents contents = readContents(ws);
    if (ctx.json()) {
        QJsonObject o{
            {"path", qstr(ws.path().string())},
            {"ok", true},
            {"schema_version", ws.schemaVersion()},
            {"latest_schema_version", storage::Workspace::latestSchemaVersion()},
            {"migration",
             QJsonObject{{"migrated", migrated},
                         {"from_version", m.fromVersion},
                         {"to_version", m.toVersion},
                         {"backup",
                          m.backup.empty() ? QJsonValue() : QJsonValue(qstr(m.backup.string()))}}},
            {"integrity", "ok"},
        };
        addContents(o, contents);
        ctx.printJson(o);
        return 0;
    }
    std::vector<std::pair<std::string, std::string>> fields{
        {"Workspace", ws.path().string()},
        {"Schema version",
         std::to_string(ws.schemaVersion()) + " (this build writes "
             + std::to_string(storage::Workspace::latestSchemaVersion()) + ")"},
        {"Migration",
         migrated ? "from version " + std::to_string(m.fromVersion) + " to "
                        + std::to_string(m.toVersion) + "; backup " + m.backup.string()
                  : std::string("none needed")},
        {"Integrity", "ok (quick_check passed, market data readable)"}};
    addContentFields(fields, contents);
    ctx.out() << renderFields(fields);
    return 0;
}

int showInfo(Context& ctx, const Arguments&)
{
    auto& ws = ctx.workspace();
    const Contents contents = readContents(ws);
    if (ctx.json()) {
        QJsonObject o{{"path", qstr(ws.path().string())}, {"schema_version", ws.schemaVersion()}};
        addContents(o, contents);
        ctx.printJson(o);
        return 0;
    }
    std::vector<std::pair<std::string, std::string>> fields{
        {"Workspace", ws.path().string()}, {"Schema version", std::to_string(ws.schemaVersion())}};
    addContentFields(fields, contents);
    ctx.out() << renderFields(fields);
    if (contents.dataset && !contents.dataset->disclaimer.empty())
        ctx.out() << "\n" << contents.dataset->disclaimer << "\n";
    return 0;
}

const char* kContentsJson =
    "\"dataset\": {\"version\", \"valuation_date\", \"seed\", \"disclaimer\"} or null, "
    "\"indices\", \"series_points\", \"contracts\", \"events\"";

CH_CLI_GROUP({.name = "workspace",
              .summary = "Create, check and describe workspace files (*.chw)"});

CH_CLI_COMMAND({
    .group = "workspace",
    .name = "new",
    .summary = "Create a workspace file (empty, or the demo with --demo)",
    .positionals = {{.name = "PATH",
                     .help = "the new workspace file; defaults to --workspace",
                     .required = false}},
    .options = {{.name = "--demo",
                 .help = "seed it with the embedded reference dataset and demo content"}},
    .description = std::string("Refuses an existing file. JSON: {\"path\", \"demo\", "
                               "\"schema_version\", ")
                   + kContentsJson + "}.",
    .examples = {"computehedge-cli workspace new demo.chw --demo",
                 "computehedge-cli --workspace q3.chw --json workspace new"},
    .run = &newWorkspace,
});

CH_CLI_COMMAND({
    .group = "workspace",
    .name = "check",
    .summary = "Open the workspace, migrate it if older, verify integrity and market data",
    .description = std::string("Exit code 1 with the reason when the file is refused (not a "
                               "workspace, corrupt,\nor from a newer version). Opening an older "
                               "workspace migrates it after copying it to\n<name>.v<old>.bak. "
                               "JSON: {\"path\", \"ok\", \"schema_version\", "
                               "\"latest_schema_version\",\n\"migration\": {\"migrated\", "
                               "\"from_version\", \"to_version\", \"backup\"}, \"integrity\", ")
                   + kContentsJson + "}.",
    .examples = {"computehedge-cli --workspace demo.chw workspace check"},
    .run = &checkWorkspace,
});

CH_CLI_COMMAND({
    .group = "workspace",
    .name = "info",
    .summary = "Path, schema version, dataset version, valuation date and contents",
    .description = std::string("JSON: {\"path\", \"schema_version\", ") + kContentsJson + "}.",
    .examples = {"computehedge-cli --workspace demo.chw --json workspace info"},
    .run = &showInfo,
});

} // namespace
} // namespace ch::cli
