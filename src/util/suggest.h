#pragma once
// "Did you mean ...?" for misspelt keys, enum values, commands and flags.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pingplan {

/// Edit distance between two strings (optimal string alignment: a swap of two neighbouring
/// characters counts as one edit), case-sensitive.
std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo (distance at
/// most a third of the word's length, at least 1, or equal ignoring case), else nullopt.
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace pingplan
