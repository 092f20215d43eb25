#pragma once
// The state of `calmlegs remind` on disk: remind-state.toml in the state directory, read and
// written under remind.lock, replaced atomically, and set aside (never reset) when corrupt.

#include "cli/system.h"
#include "remind/delivery.h"

#include <memory>
#include <string>

namespace calmlegs::cli {

/// The person's own directories and files: no one else may read what they were reminded of.
inline constexpr unsigned k_state_dir_mode = 0700;
inline constexpr unsigned k_state_file_mode = 0600;

/// The files of the reminder state in a state directory ($XDG_STATE_HOME/calmlegs).
struct StateFiles {
    std::string dir;
    std::string state; ///< dir/remind-state.toml
    std::string lock;  ///< dir/remind.lock
    std::string next;  ///< dir/remind.next
};

/// The state files in `dir`.
StateFiles state_files(const std::string& dir);

/// What reading the state file found.
struct LoadedState {
    enum class Status {
        ok,         ///< read and parsed (or missing: nothing handled yet)
        corrupt,    ///< not TOML, or not calmlegs' reminder state: to be set aside
        unreadable, ///< there but not readable (permissions, a directory): left alone
    };
    Status status = Status::ok;
    DeliveryState state;
    std::string why; ///< what is wrong, for corrupt and unreadable ("line 3, column 7: ...")
};

/// Reads the state file at `path`; a missing file is an empty state.
LoadedState read_state(const FileSystem& files, const std::string& path);

/// Where a corrupt state at `path` is set aside at `now`: "PATH.corrupt-20260308T211500"
/// (UTC), so that each one kept is found by its time; "...T211500-2" and on when one of that
/// second is there already, so that none overwrites another.
std::string set_aside_path(const FileSystem& files, const std::string& path, Instant now);

/// The state directory made (0700 where created) and its lock held: what every read and write
/// of the state happens under, so that two `remind` processes deliver each reminder once.
/// nullptr with `why` ("cannot create the state directory ...: ...") when it cannot be had.
std::unique_ptr<FileLock> lock_state(FileWriter& writer, const StateFiles& files, std::string& why);

/// Writes `state` over the state file atomically, 0600; false with `why`.
bool write_state(FileWriter& writer, const StateFiles& files, const DeliveryState& state,
                 std::string& why);

} // namespace calmlegs::cli
