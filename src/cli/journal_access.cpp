// Context: where the journal is, and opening it once.

#include "cli/context.h"
#include "cli/journal_read.h"
#include "cli/runner.h"

#include "content/paths.h"
#include "remind/reminder_day.h"

#include <algorithm>

namespace calmlegs::cli {
namespace {

/// The journal's file in the state directory.
constexpr const char* k_journal_file = "journal.db";

} // namespace

std::string Context::journal_source() {
    if (!options.journal_file.empty()) return "--journal";
    if (!m_system.env("CALMLEGS_JOURNAL").value_or("").empty()) return "CALMLEGS_JOURNAL";
    return "default";
}

std::string Context::journal_path() {
    if (!options.journal_file.empty()) return options.journal_file;
    if (auto chosen = m_system.env("CALMLEGS_JOURNAL"); chosen && !chosen->empty()) return *chosen;
    const std::string state = state_dir();
    return state.empty() ? std::string() : join_path(state, k_journal_file);
}

JournalStore* Context::journal(OpenMode mode, bool& missing, std::string_view hint) {
    missing = false;
    if (m_journal) return m_journal.get();
    const std::string path = journal_path();
    if (path.empty()) {
        error("cannot tell where the journal is: neither HOME nor XDG_STATE_HOME is set",
              hint.empty() ? "Set HOME, or name the file: calmlegs --journal FILE ..." : hint);
        return nullptr;
    }
    OpenedJournal opened = m_system.open_journal(path, mode);
    switch (opened.status) {
    case OpenedJournal::Status::opened:
        m_journal = std::move(opened.store);
        return m_journal.get();
    case OpenedJournal::Status::missing:
        missing = true;
        return nullptr;
    case OpenedJournal::Status::refused:
        break;
    }
    // `why` says the path, what is wrong and what to do; the file is left as it was.
    error(opened.why, hint);
    return nullptr;
}

std::optional<Date> Context::night_of(Instant instant) {
    const LocalZone* local = zone();
    if (local == nullptr) return std::nullopt;
    return reminder_day(*local->zone, instant);
}

std::optional<JournalReading> read_journal(Context& context) {
    JournalReading reading;
    const auto tonight = context.night_of(context.system().now());
    if (!tonight) return std::nullopt;
    reading.tonight = *tonight;
    bool missing = false;
    reading.store = context.journal(OpenMode::existing, missing);
    if (reading.store == nullptr && !missing) return std::nullopt;
    return reading;
}

bool read_summaries(Context& context, const JournalReading& reading, Date from, Date to,
                    std::vector<NightSummary>& out, const SummaryParts& parts) {
    out.clear();
    if (reading.store == nullptr) return true;
    std::string why;
    if (reading.store->summaries(from, to, out, why, parts)) return true;
    report_read_error(context, why);
    return false;
}

bool read_all_summaries(Context& context, const JournalReading& reading,
                        std::vector<NightSummary>& out, const SummaryParts& parts) {
    out.clear();
    if (reading.store == nullptr) return true;
    std::optional<Date> first;
    Date last;
    std::string why;
    if (!reading.store->span(first, last, why)) {
        report_read_error(context, why);
        return false;
    }
    return !first || read_summaries(context, reading, std::min(*first, reading.tonight),
                                    std::max(last, reading.tonight), out, parts);
}

bool read_progress(Context& context, const JournalReading& reading, Date from, Date to,
                   const std::vector<std::string>& plan, Progress& out) {
    const Date reading_from = progress_reading_from(from);
    std::vector<NightSummary> nights;
    if (!read_summaries(context, reading, reading_from, to, nights,
                        SummaryParts{.lists = true, .diary = false, .note = false}))
        return false;
    std::optional<Night> before;
    std::string why;
    if (reading.store != nullptr && !reading.store->night_before(reading_from, before, why)) {
        report_read_error(context, why);
        return false;
    }
    out = compute_progress(nights, from, to, plan, before);
    return true;
}

std::optional<std::vector<std::string>> plan_supplement_ids(Context& context, ContentStore& store) {
    const auto settings = session_settings(context, store);
    if (!settings) return std::nullopt;
    return settings->plan_supplements.value_or(std::vector<std::string>{});
}

void report_read_error(Context& context, const std::string& why) {
    context.error("cannot read the journal: " + why, "The journal: " + context.journal_path());
}

} // namespace calmlegs::cli
