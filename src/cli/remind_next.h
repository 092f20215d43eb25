#pragma once
// The shortcut of `calmlegs remind` (remind.next in the state directory): when the next
// reminder falls due, and a hash of everything that was worked out from. A crontab line's run
// before then, with all of it unchanged, reads and parses nothing more.

#include "cli/context.h"
#include "cli/remind_state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// What the last run that read the schedule worked out, at `from`: nothing is due from then
/// until `next` (never more than a day after), as long as what the reminders' times come from
/// hashes to `inputs`. A clock now before `from` has gone back: the shortcut does not hold.
struct NextDue {
    Instant from;
    Instant next;
    std::uint64_t inputs = 0;
    bool operator==(const NextDue&) const = default;
};

/// remind.next; nullopt when missing or not as written (then the schedule is read).
std::optional<NextDue> read_next(const FileSystem& files, const StateFiles& state);

/// Replaces remind.next atomically, 0600; false with `why`.
bool write_next(FileWriter& writer, const StateFiles& state, const NextDue& next, std::string& why);

/// A hash of `pieces`, each told from the next (FNV-1a, 64 bits): enough to notice that one of
/// them changed, and no defence against anyone making them collide.
std::uint64_t fingerprint(const std::vector<std::string>& pieces);

/// What the times of the reminders, and which are handled, are worked out from: the program's
/// version, the zone's name, the config file, each content layer's schedule.toml and supplement
/// names, and the state file (last). Read before anything is parsed, so that a file changed
/// while a run reads it makes a later run look again.
std::vector<std::string> input_pieces(Context& context, const LocalZone& zone,
                                      const StateFiles& state);

/// The inputs' hash as remind.next holds it, with the zone's offset at `next`.
std::uint64_t inputs_hash(std::vector<std::string> pieces, const LocalZone& zone, Instant next);

/// Writes remind.next for the runs to come from `inputs` (taken before the schedule was read),
/// with the state file as it now is. A failure costs those runs only the shortcut.
void remember_next(Context& context, const StateFiles& files, std::vector<std::string> inputs,
                   const PersonSchedule& schedule, const LocalZone& zone, Instant now,
                   const DeliveryState& state);

} // namespace calmlegs::cli
