#include "cli/remind_next.h"

#include "calmlegs_config.h"
#include "cli/remind_output.h"

#include <charconv>

#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

/// The first words of remind.next: what it is, and the version of its format.
constexpr std::string_view k_next_header = "calmlegs-remind-next 2 ";

/// Stands for a file that cannot be read, which no file's bytes are.
const std::string k_unread = "\x01(none)";

} // namespace

std::optional<NextDue> read_next(const FileSystem& files, const StateFiles& state) {
    std::string why;
    const auto text = files.read(state.next, why);
    if (!text || !text->starts_with(k_next_header)) return std::nullopt;
    // "calmlegs-remind-next 2 FROM SECONDS HEX\n"
    const char* at = text->data() + k_next_header.size();
    const char* end = text->data() + text->size();
    std::int64_t from = 0;
    std::int64_t seconds = 0;
    NextDue next;
    auto [after_from, bad_from] = std::from_chars(at, end, from);
    if (bad_from != std::errc{} || after_from == end || *after_from != ' ') return std::nullopt;
    auto [after_seconds, bad_seconds] = std::from_chars(after_from + 1, end, seconds);
    if (bad_seconds != std::errc{} || after_seconds == end || *after_seconds != ' ')
        return std::nullopt;
    next.from = Instant{std::chrono::seconds{from}};
    auto [after_inputs, bad_inputs] = std::from_chars(after_seconds + 1, end, next.inputs, 16);
    if (bad_inputs != std::errc{} || std::string_view(after_inputs, end - after_inputs) != "\n")
        return std::nullopt;
    next.next = Instant{std::chrono::seconds{seconds}};
    return next;
}

bool write_next(FileWriter& writer, const StateFiles& state, const NextDue& next,
                std::string& why) {
    const std::string text =
        fmt::format("{}{} {} {:x}\n", k_next_header, next.from.time_since_epoch().count(),
                    next.next.time_since_epoch().count(), next.inputs);
    return writer.replace(state.next, text, k_state_file_mode, why);
}

std::uint64_t fingerprint(const std::vector<std::string>& pieces) {
    std::uint64_t hash = 14695981039346656037ULL;
    const auto add = [&](std::string_view bytes) {
        for (const char c : bytes) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
    };
    for (const auto& piece : pieces) {
        // The length first: ("ab", "c") and ("a", "bc") differ.
        add(std::to_string(piece.size()) + ":");
        add(piece);
    }
    return hash;
}

std::vector<std::string> input_pieces(Context& context, const LocalZone& zone,
                                      const StateFiles& state) {
    const FileSystem& files = context.system().files();
    std::string why;
    const auto bytes = [&](const std::string& path) {
        return files.read(path, why).value_or(k_unread);
    };
    std::vector<std::string> pieces = {CALMLEGS_VERSION, zone_name(zone), context.config_path()};
    pieces.push_back(bytes(pieces.back()));
    const ContentLayers& layers = context.layers();
    pieces.push_back(layers.error);
    for (const auto& layer : layers.layers) {
        pieces.push_back(layer);
        pieces.push_back(bytes(join_path(layer, content_files::schedule)));
        std::string names;
        for (const auto& entry : files.list(join_path(layer, content_files::supplements)))
            names += entry.name + "/";
        pieces.push_back(names);
    }
    pieces.push_back(bytes(state.state));
    return pieces;
}

std::uint64_t inputs_hash(std::vector<std::string> pieces, const LocalZone& zone, Instant next) {
    pieces.push_back(std::to_string(zone.zone->offset_at(next).count()));
    return fingerprint(pieces);
}

void remember_next(Context& context, const StateFiles& files, std::vector<std::string> inputs,
                   const PersonSchedule& schedule, const LocalZone& zone, Instant now,
                   const DeliveryState& state) {
    std::string why;
    inputs.back() = context.system().files().read(files.state, why).value_or(k_unread);
    const Instant next = next_due(schedule, *zone.zone, now, state);
    const NextDue due{now, next, inputs_hash(std::move(inputs), zone, next)};
    const auto known = read_next(context.system().files(), files);
    // The same answer from an earlier run stands (and spares a write); from a later one, the
    // clock has gone back since: the answer is written again, from now.
    if (!known || known->next != due.next || known->inputs != due.inputs || known->from > now)
        (void)write_next(context.system().writer(), files, due, why);
}

} // namespace calmlegs::cli
