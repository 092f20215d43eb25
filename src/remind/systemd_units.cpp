#include "remind/systemd_units.h"

#include "content/files.h"
#include "content/paths.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace calmlegs {

std::string unit_word(std::string_view word, bool in_exec) {
    const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
               std::string_view("_./:=@+,-%$").find(c) != std::string_view::npos;
    });
    std::string out = safe ? "" : "\"";
    for (const char c : word) {
        if (c == '\\' || c == '"')
            out += '\\';
        else if (c == '%')
            out += '%';
        else if (c == '$' && in_exec)
            out += '$';
        out += c;
    }
    return safe ? out : out + "\"";
}

std::vector<UnitFile> systemd_units(const RemindJob& job, std::string& why) {
    if (why = job_problem(job); !why.empty()) return {};
    const std::string marker =
        std::string(k_unit_marker) + "; calmlegs cron --systemd --uninstall removes it.\n";
    const int every = job.options.every;
    const std::string when = every_text(every);

    std::string service = marker + "[Unit]\n";
    service += job.options.notify
                   ? "Description=calmlegs remind --notify: shows each reminder once, when it is "
                     "due, on the desktop\n"
                   : "Description=calmlegs remind: each reminder once, when it is due (to the "
                     "journal)\n";
    // No Documentation=man:...: systemd-analyze verify fails when the man page is not
    // installed (a binary run from its build tree), so the pointer is a comment.
    service += "# See: man calmlegs (COMMANDS, cron)\n\n[Service]\nType=oneshot\n";
    for (const auto& [name, value] : job.env)
        service += "Environment=" + unit_word(name + "=" + value, false) + "\n";
    service += "ExecStart=" + unit_word(job.exe, true);
    for (const auto& arg : job.args)
        service += " " + unit_word(arg, true);
    service += "\n";

    const std::string timer =
        marker +
        fmt::format("[Unit]\nDescription=Run calmlegs remind {}\n"
                    "# See: man calmlegs (COMMANDS, cron)\n"
                    "\n[Timer]\nOnCalendar=*:0/{}\n"
                    "# A run missed while the computer slept or was off happens when it is back.\n"
                    "Persistent=true\nAccuracySec=1s\n\n[Install]\nWantedBy=timers.target\n",
                    when, every);
    return {{std::string(k_service_name), service}, {std::string(k_timer_name), timer}};
}

bool written_by_calmlegs(std::string_view text) {
    for (std::size_t start = 0; start < text.size();) {
        if (text.substr(start).starts_with(k_unit_marker)) return true;
        const std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return false;
}

std::string systemd_user_dir(const std::string& xdg_config_home, const std::string& home) {
    // Beside calmlegs' own directory, which is found the same way.
    const std::string calmlegs_dir = config_dir(xdg_config_home, home);
    if (calmlegs_dir.empty()) return {};
    return join_path(std::filesystem::path(calmlegs_dir).parent_path().string(), "systemd/user");
}

} // namespace calmlegs
