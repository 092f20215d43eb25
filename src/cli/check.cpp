// calmlegs check [DIR]: validates content and reports every problem with file:line:col.

#include "cli/commands.h"
#include "content/validate.h"
#include "ui/json_content.h"

#include <cstdio>
#include <memory>
#include <sys/stat.h>

namespace calmlegs::cli {
namespace {

struct CheckOptions {
    std::string dir;
};

/// True when two paths name the same directory.
bool same_directory(const std::string& a, const std::string& b) {
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

ExitStatus run_check(Context& context, const CheckOptions& options) {
    const ContentLayers& found = context.layers();
    std::vector<std::string> layers;
    if (options.dir.empty()) {
        if (!found.error.empty()) {
            context.error(found.error);
            return ExitStatus::usage;
        }
        layers = found.layers;
    } else {
        // A directory is checked as a layer over the base content, so that it may refer to the
        // shipped entries it does not override; the base itself is checked alone.
        if (found.error.empty() && !same_directory(options.dir, found.base))
            layers.push_back(found.base);
        layers.push_back(options.dir);
    }

    RealFileSystem files;
    const Diagnostics diags = validate_content(files, layers);
    if (context.options.json) {
        JsonWriter json;
        json.begin_object();
        json.key("ok").value(diags.empty());
        json.string_array("layers", layers);
        write_problems_json(json, diags);
        json.end_object();
        context.print_json(json);
    } else {
        std::string text;
        for (const auto& problem : diags.problems())
            text += problem.format() + "\n";
        context.print(text);
        std::string where;
        for (const auto& layer : layers)
            where += (where.empty() ? "" : " + ") + layer;
        if (diags.empty())
            context.note("No problems found in " + where + ".");
        else
            context.note(std::to_string(diags.size()) +
                         (diags.size() == 1 ? " problem" : " problems") + " in " + where + ".");
    }
    return diags.empty() ? ExitStatus::success : ExitStatus::usage;
}

} // namespace

Command setup_check(CLI::App& parent, Context& context) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* app =
        parent.add_subcommand("check", "Check content files; list each problem as file:line:col");
    app->add_option("DIR", options->dir, "Check DIR over the base content (default: all)");
    return {app, "calmlegs check ~/.config/calmlegs/content",
            [&context, options] { return run_check(context, *options); }};
}

} // namespace calmlegs::cli
