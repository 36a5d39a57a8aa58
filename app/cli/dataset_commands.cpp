// `computehedge-cli dataset generate`: regenerates the reference dataset files committed under
// resources/data/ (see resources/data/README.md). Needs no workspace.

#include "cli_context.h"
#include "command.h"
#include "json_output.h"
#include "marketdata/reference_dataset.h"
#include "text_table.h"

#include <fstream>

namespace ch::cli {
namespace {

std::filesystem::path prepareFolder(const std::string& dir)
{
    const std::filesystem::path path(dir);
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_directory(path, ec))
        throw UserError("--out: \"" + dir + "\" is a file; expected a folder");
    std::filesystem::create_directories(path, ec);
    if (ec)
        throw UserError("--out: cannot create folder \"" + dir + "\": " + ec.message());
    return path;
}

void writeFile(const std::filesystem::path& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out)
        throw UserError("--out: cannot write \"" + path.string() + "\"");
}

int generateDataset(Context& ctx, const Arguments& args)
{
    const std::filesystem::path folder = prepareFolder(*args.value("--out"));
    const marketdata::GeneratorConfig config;
    const MarketDataSet data = marketdata::generateReferenceDataset(config);
    const std::map<std::string, std::string> files = marketdata::writeDatasetFiles(data);
    QJsonArray written;
    TextTable table({{"File"}, {"Bytes", Align::Right}});
    for (const auto& [name, content] : files) {
        writeFile(folder / name, content);
        written.append(QJsonObject{{"name", qstr(name)}, {"bytes", jsonCount(content.size())}});
        table.addRow({name, formatCount(content.size())});
    }
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{"out_dir", qstr(folder.string())},
                                  {"dataset", jsonDataset(data.info)},
                                  {"indices", jsonCount(data.indices.size())},
                                  {"files", written}});
        return 0;
    }
    ctx.out() << "Wrote the reference dataset " << data.info.version << " (seed " << config.seed
              << ", valuation date " << formatIsoDate(data.info.valuationDate) << ") to "
              << folder.string() << "\n\n"
              << table.render();
    return 0;
}

CH_CLI_GROUP({.name = "dataset", .summary = "The embedded reference dataset"});

CH_CLI_COMMAND({
    .group = "dataset",
    .name = "generate",
    .summary = "Write the reference dataset files (regenerates resources/data/)",
    .options = {{.name = "--out",
                 .valueName = "DIR",
                 .help = "folder to write to; created if missing, files in it are replaced",
                 .required = true}},
    .description = "Deterministic: the same build writes the same bytes (fixed seed and version).\n"
                   "JSON: {\"out_dir\", \"dataset\": {\"version\", \"valuation_date\", \"seed\", "
                   "\"disclaimer\"}, \"indices\",\n\"files\": [{\"name\", \"bytes\"}]}.",
    .examples = {"computehedge-cli dataset generate --out resources/data"},
    .run = &generateDataset,
});

} // namespace
} // namespace ch::cli
