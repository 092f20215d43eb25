// calmlegs check [DIR]: validates content and reports every problem with file:line:col.

#include "cli/commands.h"
#include "content/validate.h"
#include "ui/json_content.h"
#include "ui/text.h"

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

/// The directory that holds `path` ("." for a bare name).
std::string parent_of(std::string path) {
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

/// The last part of `path` ("supplements" for "content/supplements/").
std::string base_name(std::string path) {
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// When DIR is one of the kind directories of a content directory (its "supplements"), or a
/// file, the content directory that holds it; "" otherwise (DIR may be a content directory).
std::string holding_content_dir(const std::string& dir) {
    using namespace content_files;
    const auto kinds = {steps, supplements, breathing, exercises, routines};
    auto above_kind = [&](const std::string& path) {
        for (const char* kind : kinds)
            if (base_name(path) == kind) return parent_of(path);
        return std::string();
    };
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
        // A file: the content directory above its kind directory, or its own directory.
        const std::string above = above_kind(parent_of(dir));
        return above.empty() ? parent_of(dir) : above;
    }
    // A content directory of one's own may be called "routines": it holds content's parts.
    for (const char* part :
         {guide, notes, references, stack, steps, supplements, breathing, exercises, routines})
        if (::stat((dir + "/" + part).c_str(), &st) == 0) return "";
    return above_kind(dir);
}

ExitStatus run_check(Context& context, const CheckOptions& options) {
    // A file, or a part of a content directory, is not one: say which directory to check.
    if (!options.dir.empty()) {
        struct stat st {};
        const bool is_dir = ::stat(options.dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        if (const std::string holder = holding_content_dir(options.dir); !holder.empty()) {
            context.error("'" + options.dir + "' is " +
                              (is_dir ? "a part of a content directory" : "not a directory") +
                              "; check takes the content directory that holds it.",
                          "Try: calmlegs check " + shell_quote(holder));
            return ExitStatus::usage;
        }
    }

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
            text += visible(problem.format()) + "\n";
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
    app->add_option("DIR", options->dir, "Check DIR over the base content (default: all)")
        ->check(not_empty("a directory"));
    return {app, "calmlegs check ~/.config/calmlegs/content",
            [&context, options] { return run_check(context, *options); }};
}

} // namespace calmlegs::cli
