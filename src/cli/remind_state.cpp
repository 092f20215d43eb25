#include "cli/remind_state.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace calmlegs::cli {
StateFiles state_files(const std::string& dir) {
    return {dir, join_path(dir, "remind-state.toml"), join_path(dir, "remind.lock"),
            join_path(dir, "remind.next")};
}

LoadedState read_state(const FileSystem& files, const std::string& path) {
    LoadedState loaded;
    std::string why;
    const auto text = files.read(path, why);
    if (!text) {
        // Missing: nothing has been handled yet. Anything else there is left for the person.
        if (files.is_file(path) || files.is_directory(path)) {
            loaded.status = LoadedState::Status::unreadable;
            loaded.why = files.is_directory(path) ? "it is a directory" : why;
        }
        return loaded;
    }
    if (auto parsed = parse_state(*text, why)) {
        loaded.state = std::move(*parsed);
        return loaded;
    }
    loaded.status = LoadedState::Status::corrupt;
    loaded.why = why;
    return loaded;
}

std::string set_aside_path(const FileSystem& files, const std::string& path, Instant now) {
    // fmt::gmtime, not the time_point formatter, which reads the process's own TZ.
    const std::string stamped = path + fmt::format(".corrupt-{:%Y%m%dT%H%M%S}", fmt::gmtime(now));
    std::string free = stamped;
    for (int n = 2; files.is_file(free) || files.is_directory(free); ++n)
        free = stamped + "-" + std::to_string(n);
    return free;
}

std::unique_ptr<FileLock> lock_state(FileWriter& writer, const StateFiles& files,
                                     std::string& why) {
    std::string failed;
    if (!writer.make_dirs(files.dir, k_state_dir_mode, failed)) {
        why = "cannot create the state directory " + files.dir + ": " + failed;
        return nullptr;
    }
    auto lock = writer.lock(files.lock, failed);
    if (lock == nullptr) why = "cannot lock " + files.lock + ": " + failed;
    return lock;
}

bool write_state(FileWriter& writer, const StateFiles& files, const DeliveryState& state,
                 std::string& why) {
    std::string failed;
    if (writer.replace(files.state, format_state(state), k_state_file_mode, failed)) return true;
    why = "cannot write the reminder state " + files.state + ": " + failed;
    return false;
}

} // namespace calmlegs::cli
