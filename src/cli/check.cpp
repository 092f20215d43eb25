// calmlegs check [DIR]: validates content and reports every problem with file:line:col.

#include "cli/commands.h"
#include "content/validate.h"
#include "ui/json_content.h"
#include "ui/plain_text.h"
#include "ui/text.h"

#include <cstdio>
#include <cstdlib>
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

/// True when `dir` holds any file or directory a content directory has.
bool holds_content_parts(const std::string& dir) {
    using namespace content_files;
    struct stat st {};
    for (const char* part :
         {guide, notes, references, stack, steps, supplements, breathing, exercises, routines})
        if (::stat((dir + "/" + part).c_str(), &st) == 0) return true;
    return false;
}

/// When `path` exists but is not a content directory, though a content directory holds it
/// (it is a file in one, or one of its kind directories such as "supplements"), that content
/// directory, as an absolute path; "" otherwise.
std::string holding_content_dir(const std::string& path) {
    using namespace content_files;
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (resolved == nullptr) return {}; // does not exist: check says so itself
    const std::string real = resolved;
    std::free(resolved);
    auto is_kind_dir = [](const std::string& dir) {
        for (const char* kind : {steps, supplements, breathing, exercises, routines})
            if (base_name(dir) == kind) return true;
        return false;
    };
    struct stat st {};
    if (::stat(real.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
        const std::string dir = parent_of(real);
        if (is_kind_dir(dir) && holds_content_parts(parent_of(dir))) return parent_of(dir);
        return holds_content_parts(dir) ? dir : std::string();
    }
    // A content directory of one's own may be called "routines": it holds parts of its own.
    if (holds_content_parts(real) || !is_kind_dir(real)) return {};
    return holds_content_parts(parent_of(real)) ? parent_of(real) : std::string();
}

ExitStatus run_check(Context& context, const CheckOptions& options) {
    // A file, or a part of a content directory, is not one: say which directory to check.
    if (!options.dir.empty()) {
        struct stat st {};
        const bool is_dir = ::stat(options.dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        if (const std::string holder = holding_content_dir(options.dir); !holder.empty()) {
            context.error(quote_typed(options.dir) + " is " +
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
