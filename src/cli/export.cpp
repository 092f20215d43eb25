// calmlegs export: the whole journal as JSON or CSV; calmlegs import reads it back.

#include "cli/commands.h"
#include "cli/journal_names.h"
#include "cli/journal_read.h"
#include "journal/answers.h"
#include "journal/exchange.h"
#include "ui/plain_text.h"

#include <fmt/format.h>

#include <functional>
#include <memory>
#include <set>

namespace calmlegs::cli {
namespace {

struct ExportOptions {
    bool csv = false;
    std::string output;
};

ExitStatus run_export(Context& context, const ExportOptions& options) {
    if (options.csv == context.options.json) {
        context.error(options.csv ? "export writes CSV or JSON, not both" : "export needs a format",
                      "Type: calmlegs export --csv, or calmlegs export --json");
        return ExitStatus::usage;
    }
    const auto reading = read_journal(context);
    if (!reading) return ExitStatus::usage;
    JournalData data;
    std::string why;
    if (reading->store != nullptr && !reading->store->load_all(data, why)) {
        report_read_error(context, why);
        return ExitStatus::usage;
    }
    const std::string text = options.csv ? export_csv(data) : export_json(data);
    if (options.output.empty() || options.output == "-") {
        // Data, not a page: written as it is, never spelt in ASCII (the round trip through
        // import loses nothing whatever the locale).
        context.system().out().write(text);
        return ExitStatus::success;
    }
    // A journal is private: the file is the person's alone, as the journal is.
    if (!context.system().writer().replace(options.output, text, 0600, why)) {
        context.error("cannot write " + quote_typed(options.output) + ": " + why,
                      "Choose a file in a directory you can write to.");
        return ExitStatus::output;
    }
    context.note(fmt::format("Wrote {} nights and {} runs to {}", data.nights.size(),
                             data.runs.size(), options.output));
    return ExitStatus::success;
}

struct ImportOptions {
    std::string file;
};

ExitStatus run_import(Context& context, const ImportOptions& options) {
    std::string why;
    const auto text = context.system().files().read(options.file, why);
    if (!text) {
        context.error("cannot read " + quote_typed(options.file) + ": " + why,
                      "Give a file written by: calmlegs export --json (or --csv)");
        return ExitStatus::usage;
    }
    const auto data = read_export(*text, options.file, why);
    if (!data) {
        context.error(why, "Nothing was imported. The file must be as calmlegs export writes it.");
        return ExitStatus::usage;
    }
    // Names resolve as they do when a night is logged, so that compare finds them: "Mag" is
    // magnesium; a name that is nothing calmlegs knows stops the import.
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::vector<Trigger>* triggers = context.triggers();
    if (triggers == nullptr) return ExitStatus::usage;
    JournalData resolved = *data;
    std::set<std::string> said;
    for (Night& night : resolved.nights) {
        auto resolve = [&](std::vector<std::string>& ids, const char* what,
                           const std::function<NameMatch(std::string_view)>& find,
                           const std::string& listing) {
            for (std::string& item : ids) {
                const NameMatch match = find(item);
                if (match.status != Resolution::Status::found) {
                    context.error(fmt::format("{}: the night of {} names the {} {}, which is "
                                              "not one calmlegs knows",
                                              options.file, format_date(night.date), what,
                                              quote_typed(item)),
                                  "Nothing was imported. " + listing);
                    return false;
                }
                if (match.id != item && said.insert(item).second)
                    context.note("(" + quote_typed(item) + " is " + match.id + ")");
                item = match.id;
            }
            ids = sorted_unique(ids);
            return true;
        };
        if (!resolve(
                night.supplements, "supplement",
                [&](std::string_view name) { return name_match(find_supplement(*store, name)); },
                "See them all: calmlegs supplements --all") ||
            !resolve(
                night.triggers, "trigger",
                [&](std::string_view name) { return name_match(find_trigger(*triggers, name)); },
                "Your own triggers go in config.toml: [journal] triggers (see "
                "calmlegs-config(5))."))
            return ExitStatus::usage;
    }
    if (!context.content_ok()) return ExitStatus::usage;

    bool missing = false;
    JournalStore* journal = context.journal(OpenMode::create, missing);
    if (journal == nullptr) return ExitStatus::usage;
    ImportCounts counts;
    if (!journal->import(resolved, counts, why)) {
        context.error("the import failed: " + why,
                      "Nothing was imported. The journal: " + context.journal_path());
        return ExitStatus::usage;
    }
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("file").value(options.file);
            json.key("journal").value(context.journal_path());
            json.key("nights_added").value(counts.nights_added);
            json.key("nights_updated").value(counts.nights_updated);
            json.key("nights_unchanged").value(counts.nights_unchanged);
            json.key("runs_added").value(counts.runs_added);
            json.key("runs_present").value(counts.runs_present);
            json.end_object();
        },
        [&](const RenderOptions&) {
            return fmt::format("Imported {}: nights {} added, {} updated, {} already there; "
                               "runs {} added, {} already there.\n",
                               options.file, counts.nights_added, counts.nights_updated,
                               counts.nights_unchanged, counts.runs_added, counts.runs_present);
        });
}

} // namespace

Command setup_export(CLI::App& parent, Context& context) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* app = parent.add_subcommand(
        "export", "Write the whole journal as CSV (--csv) or JSON (--json), to read it back "
                  "with calmlegs import");
    app->add_flag("--csv", options->csv, "Write CSV: one row per night and per run");
    app->add_option("-o,--output", options->output, "Write to FILE (made 0600), not stdout")
        ->type_name("FILE")
        ->check(not_empty("a file"));
    return {app, "calmlegs export --json",
            [&context, options] { return run_export(context, *options); }};
}

Command setup_import(CLI::App& parent, Context& context) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* app = parent.add_subcommand(
        "import", "Read a journal export (JSON or CSV) into the journal, adding no duplicates");
    app->add_option("FILE", options->file, "A file written by calmlegs export")
        ->required()
        ->check(not_empty("a file"));
    return {app, "calmlegs import journal.json",
            [&context, options] { return run_import(context, *options); }};
}

} // namespace calmlegs::cli
