#pragma once
// Writes a desired state as a manifest (version 1), for `pingplan export`.

#include <string>

#include "model/model.h"

namespace pingplan::manifest {

/// The first line of an exported manifest: a plain comment, no schema path (the file may be
/// written anywhere, where a relative $schema path would be wrong).
inline constexpr const char* kExportHeader =
    "# Written by pingplan export. Check it with: pingplan validate FILE";

/// The manifest text of `state`: the kExportHeader comment line, `version: 1`, no
/// `environment:` line (so the file is portable), resources then applications in name order,
/// children in name order, grants by resource and scope names. Fields at their default are left
/// out; child lists are written whenever they are present (even empty: they are authoritative).
/// A literal "$(" is written as "$$(", and strings that YAML would read as another type are
/// quoted, so loading the text gives back an equal state. The caller decides what to leave out
/// (built-ins, a CORE `sub` still at ${user.id}); live-only fields are never written.
std::string writeManifest(const model::DesiredState& state);

}  // namespace pingplan::manifest
