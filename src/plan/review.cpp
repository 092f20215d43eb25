#include "plan/review.h"

#include "content/names.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <optional>

namespace calmlegs {
namespace {

bool evening(const Supplement& s) {
    return std::any_of(s.when.begin(), s.when.end(), [](TimeOfDay when) {
        return when == TimeOfDay::evening || when == TimeOfDay::bedtime;
    });
}

/// The times of day both are taken at ("morning"); empty when they share none.
std::vector<std::string> shared_times(const Supplement& a, const Supplement& b) {
    std::vector<std::string> times;
    for (TimeOfDay when : a.when)
        if (std::find(b.when.begin(), b.when.end(), when) != b.when.end())
            times.emplace_back(to_string(when));
    return times;
}

/// True when `name` (an id or a thing by name) names `s`.
bool names(const std::string& name, const Supplement& s) {
    const std::string normal = normalize_name(name);
    return normal == normalize_name(s.id) || normal == normalize_name(s.name);
}

/// "1", "1.5": an amount as people write it.
std::string amount(double value) {
    return fmt::format("{:g}", value);
}

/// "Valerian and Passionflower", "A, B and C".
std::string and_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

/// The source of the first caution of `entries` that concerns sedatives; "" when none does.
std::string sedatives_source(const std::vector<const Supplement*>& entries) {
    for (const Supplement* s : entries)
        for (const Caution& caution : s->cautions)
            if (std::find(caution.who.begin(), caution.who.end(), Audience::sedatives) !=
                caution.who.end())
                return caution.source.id;
    return {};
}

} // namespace

std::string_view to_string(Finding::Kind kind) {
    switch (kind) {
    case Finding::Kind::sedatives:
        return "sedatives";
    case Finding::Kind::spacing:
        return "spacing";
    case Finding::Kind::upper_limit:
        return "upper-limit";
    case Finding::Kind::condition:
        break;
    }
    return "condition";
}

PlanReview review_plan(const std::vector<const Supplement*>& plan,
                       const std::vector<Audience>& conditions) {
    PlanReview review{plan, conditions, {}, {}};

    // Sedating supplements that add up at night.
    std::vector<const Supplement*> sedating;
    for (const Supplement* s : plan)
        if (s->sedating && evening(*s)) sedating.push_back(s);
    if (sedating.size() > 1) {
        std::vector<std::string> named, ids;
        for (const Supplement* s : sedating) {
            named.push_back(s->name);
            ids.push_back(s->id);
        }
        review.findings.push_back(
            {Finding::Kind::sedatives,
             and_list(named) + (named.size() == 2 ? " are both" : " are all") +
                 " sedating and taken in the evening or at bedtime: their effects add up, and "
                 "add to alcohol and sleep medicines.",
             sedatives_source(sedating), ids});
    }

    // Two of the plan that an entry says to keep apart, taken at the same time of day (or at a
    // time the content does not give). When both entries hold a rule for the pair, the longer
    // one is told, once.
    struct Spacing {
        const Supplement* a;
        const Supplement* b;
        const KeepApart* rule;
    };
    std::vector<Spacing> spacings;
    for (const Supplement* s : plan)
        for (const KeepApart& rule : s->keep_apart)
            for (const Ref& from : rule.from)
                for (const Supplement* other : plan) {
                    if (other == s || !names(from.id, *other)) continue;
                    auto same_pair = [&](const Spacing& x) {
                        return (x.a == s && x.b == other) || (x.a == other && x.b == s);
                    };
                    const auto it = std::find_if(spacings.begin(), spacings.end(), same_pair);
                    if (it == spacings.end())
                        spacings.push_back({s, other, &rule});
                    else if (rule.hours > it->rule->hours)
                        *it = {s, other, &rule};
                }
    for (const Spacing& spacing : spacings) {
        const Supplement& s = *spacing.a;
        const Supplement& other = *spacing.b;
        const auto times = shared_times(s, other);
        if (times.empty() && !s.when.empty() && !other.when.empty()) continue;
        const double h = spacing.rule->hours;
        const std::string hours = amount(h) + (h == 1 ? " hour" : " hours");
        const Supplement& no_time = s.when.empty() ? s : other;
        review.findings.push_back(
            {Finding::Kind::spacing,
             times.empty()
                 ? s.name + " is to be taken at least " + hours + " apart from " + other.name +
                       " (calmlegs' content gives no time of day for " + no_time.name + ")."
                 : s.name + " and " + other.name + " are both taken in the " + and_list(times) +
                       ": keep them at least " + hours + " apart.",
             spacing.rule->source.id,
             {s.id, other.id}});
    }

    // A guide dose above an upper limit.
    for (const Supplement* s : plan) {
        if (!s->upper_limit) continue;
        const UpperLimit& limit = *s->upper_limit;
        const auto largest = largest_amount(s->dose, limit.unit);
        if (!largest || *largest <= limit.amount) continue;
        const std::string unit(to_string(limit.unit));
        const auto smallest = smallest_amount(s->dose, limit.unit);
        const bool always = smallest && *smallest > limit.amount;
        (always ? review.findings : review.notes)
            .push_back(
                {Finding::Kind::upper_limit,
                 "The guide's dose of " + s->name +
                     (always ? " is above the upper limit of " + amount(limit.amount) + " " + unit +
                                   " a day, even at its smallest: ask a "
                                   "healthcare provider first."
                             : " goes up to " + amount(*largest) + " " + unit +
                                   ", above the upper limit of " + amount(limit.amount) + " " +
                                   unit + " a day: above " + amount(limit.amount) + " " + unit +
                                   ", ask a healthcare provider first."),
                 limit.source.id,
                 {s->id}});
    }

    // Every caution for the person's conditions.
    for (const Supplement* s : plan)
        for (const Caution& caution : s->cautions)
            for (Audience who : caution.who)
                if (std::find(conditions.begin(), conditions.end(), who) != conditions.end()) {
                    std::string heading(audience_words(who));
                    if (!heading.empty()) heading[0] = static_cast<char>(std::toupper(heading[0]));
                    review.findings.push_back({Finding::Kind::condition,
                                               heading + ", " + s->name + ": " + caution.text,
                                               caution.source.id,
                                               {s->id}});
                    break; // a caution once, however many of its audiences apply
                }
    return review;
}

} // namespace calmlegs
