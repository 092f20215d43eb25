#include "journal/answers.h"

#include <algorithm>

namespace calmlegs {

bool NightAnswers::empty() const {
    return !severity && !sleep && diary.empty() && !supplements && !triggers && !note;
}

std::vector<std::string> sorted_unique(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

namespace {

template <typename T> void put(std::optional<T>& into, const std::optional<T>& answer) {
    if (answer) into = answer;
}

} // namespace

Night apply_answers(const std::optional<Night>& stored, Date date, const NightAnswers& answers,
                    const std::vector<std::string>& plan, Instant now) {
    Night night;
    if (stored) {
        night = *stored;
    } else {
        night.date = date;
        night.logged = now;
        night.supplements = sorted_unique(plan);
    }
    put(night.severity, answers.severity);
    put(night.sleep, answers.sleep);
    SleepDiary& diary = night.diary;
    put(diary.into_bed, answers.diary.into_bed);
    put(diary.minutes_to_sleep, answers.diary.minutes_to_sleep);
    put(diary.wakings, answers.diary.wakings);
    put(diary.minutes_awake, answers.diary.minutes_awake);
    put(diary.final_wake, answers.diary.final_wake);
    put(diary.out_of_bed, answers.diary.out_of_bed);
    if (answers.supplements) night.supplements = sorted_unique(*answers.supplements);
    if (answers.triggers) night.triggers = sorted_unique(*answers.triggers);
    if (answers.note) night.note = *answers.note;
    night.updated = now;
    return night;
}

} // namespace calmlegs
