#pragma once
// Files pingplan writes for the user (a saved plan, an exported manifest, the credentials
// file) are written whole or not at all: a temporary file in the same folder, flushed to
// disk, then renamed over the target. A reader never sees half a file, and a failure leaves
// the old file as it was.

#include <string>
#include <string_view>

#include "util/result.h"

namespace pingplan {

/// Writes `text` to `path` atomically with permissions `mode` (the temporary file is created
/// 0600, so a secret is never readable by others, even for a moment). On failure, the error
/// is the reason (strerror text) only, for the caller to put after the path the user gave;
/// the temporary file is removed and never named.
Status<std::string> writeFileAtomically(const std::string& path, std::string_view text,
                                        unsigned mode);

/// Checks, before any work that would be lost, that `path` could be written: it is not a
/// folder and a file can be created (and is removed again) in its folder. The error is the
/// reason only, as above.
Status<std::string> checkWritable(const std::string& path);

}  // namespace pingplan
