#pragma once
// What the three renderers share: how a change is titled, which fields it shows with which
// values, and the one place that decides which fields are sensitive.

#include <string>
#include <vector>

#include "plan/plan.h"

namespace pingplan::render {

/// "+", "~", "-/+", "-".
const char* symbol(plan::Action action);

/// `resource "R"`, `scope "s" of resource "R"`, `grant of resource "R" to application "A"`.
std::string title(const plan::Change& change);

/// True for a field whose value is never shown: rendered as "(sensitive)". The model holds
/// no secret today; this set is where one would be declared.
bool isSensitive(const std::string& field);
inline constexpr const char* kSensitive = "(sensitive)";

/// One field of a change: both values (null when the side does not exist), masked.
struct FieldLine {
  std::string name;
  plan::Json before;
  plan::Json after;
};

/// The fields a change shows: all of them for a create or a delete, the differing ones for
/// an update or a replace, in the order the object lists them.
std::vector<FieldLine> fieldLines(const plan::Change& change);

/// A value as one line of text: JSON (strings quoted), "(none)" for null.
std::string formatValue(const plan::Json& value);

/// A copy of an object's JSON with sensitive fields masked (null stays null).
plan::Json masked(const plan::Json& object);

/// "Plan: N to add, N to change, N to replace, N to delete." or the no-changes sentence.
std::string summaryLine(const plan::Summary& summary);

}  // namespace pingplan::render
