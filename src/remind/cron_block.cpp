#include "remind/cron_block.h"

#include "ui/text.h"

#include <vector>

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// Where a block is in a crontab's text: from the start of its begin line to just after its
/// end line's newline (or the end of the text).
struct BlockSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool added_newline = false; ///< it carries k_cron_added_newline
};

std::vector<BlockSpan> find_blocks(std::string_view text) {
    std::vector<BlockSpan> blocks;
    std::size_t open = std::string_view::npos;
    bool note = false;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t stop = newline == std::string_view::npos ? text.size() : newline;
        const std::size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
        const std::string_view line = text.substr(start, stop - start);
        if (line == k_cron_begin) {
            // A begin line before this one had no end: it is the person's, not a block.
            open = start;
            note = false;
        } else if (line == k_cron_end && open != std::string_view::npos) {
            blocks.push_back({open, next, note});
            open = std::string_view::npos;
        } else if (line == k_cron_added_newline) {
            note = true;
        }
        start = next;
    }
    return blocks;
}

/// `block` with the line that records an added line break, after its begin line.
std::string with_newline_note(std::string_view block) {
    const std::size_t first = block.find('\n') + 1;
    return std::string(block.substr(0, first)) + std::string(k_cron_added_newline) + "\n" +
           std::string(block.substr(first));
}

} // namespace

std::string cron_word(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto byte = static_cast<unsigned char>(word[i]);
        if (byte < 0x20 || byte == 0x7f) return {};
        if (word[i] == '\\' && i + 1 < word.size() && word[i + 1] == '%') return {};
    }
    std::string out;
    for (const char c : shell_quote(word)) {
        if (c == '%') out += '\\';
        out += c;
    }
    return out;
}

std::string cron_line(const RemindJob& job, std::string& why) {
    if (why = job_problem(job); !why.empty()) return {};
    std::string command;
    auto add = [&](std::string_view prefix, std::string_view word) {
        if (!why.empty()) return;
        const std::string written = cron_word(word);
        if (written.empty()) {
            why = fmt::format("{}{} has a backslash just before a '%', which cron cannot pass on",
                              prefix, word);
            return;
        }
        command += (command.empty() ? "" : " ") + std::string(prefix) + written;
    };
    for (const auto& [name, value] : job.env)
        add(name + "=", value);
    add("", job.exe);
    for (const auto& arg : job.args)
        add("", arg);
    if (!why.empty()) return {};
    if (command.size() > k_cron_command_max) {
        why = fmt::format("the crontab line's command would be {} bytes long, and cron reads only "
                          "{}",
                          command.size(), k_cron_command_max);
        return {};
    }
    const int every = job.options.every;
    return (every == 1 ? std::string("* * * * *") : fmt::format("*/{} * * * *", every)) + " " +
           command;
}

std::string cron_block(const RemindJob& job, const std::string& line) {
    const int every = job.options.every;
    std::string when = every_text(every);
    when.front() = 'E';
    const std::string what =
        job.options.notify
            ? when + ", calmlegs remind --notify shows the reminders that are due, each once, "
                     "on the desktop."
            : when + ", calmlegs remind prints the reminders that are due, each once; cron "
                     "mails them.";
    return fmt::format("{}\n# {}\n# calmlegs cron --install replaces this block; calmlegs cron "
                       "--uninstall removes it.\n{}\n{}\n",
                       k_cron_begin, what, line, k_cron_end);
}

CrontabEdit install_cron_block(std::string_view crontab, std::string_view block) {
    CrontabEdit edit;
    const std::vector<BlockSpan> blocks = find_blocks(crontab);
    edit.blocks_found = static_cast<int>(blocks.size());
    if (blocks.empty()) {
        edit.text = std::string(crontab);
        if (crontab.empty() || crontab.back() == '\n')
            edit.text += block;
        else
            edit.text += "\n" + with_newline_note(block);
        edit.changed = true;
        return edit;
    }
    // The first block is replaced where it is (keeping its record of an added line break);
    // the others go.
    std::size_t kept = 0; // the text before it is copied up to here
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        edit.text += crontab.substr(kept, blocks[i].begin - kept);
        if (i == 0)
            edit.text += blocks[0].added_newline ? with_newline_note(block) : std::string(block);
        kept = blocks[i].end;
    }
    edit.text += crontab.substr(kept);
    edit.changed = edit.text != crontab;
    return edit;
}

CrontabEdit uninstall_cron_block(std::string_view crontab) {
    CrontabEdit edit;
    std::vector<BlockSpan> blocks = find_blocks(crontab);
    edit.blocks_found = static_cast<int>(blocks.size());
    if (!blocks.empty()) {
        // The line break --install added goes too, when nothing has been written after the
        // block since (and it is no part of a block before).
        BlockSpan& last = blocks.back();
        const std::size_t before_end = blocks.size() > 1 ? blocks[blocks.size() - 2].end : 0;
        if (last.added_newline && last.end == crontab.size() && last.begin > before_end &&
            crontab[last.begin - 1] == '\n')
            --last.begin;
    }
    std::size_t kept = 0;
    for (const BlockSpan& block : blocks) {
        edit.text += crontab.substr(kept, block.begin - kept);
        kept = block.end;
    }
    edit.text += crontab.substr(kept);
    edit.changed = edit.text != crontab;
    return edit;
}

} // namespace calmlegs
