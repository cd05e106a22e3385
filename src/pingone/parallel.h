#pragma once
// runParallel: a batch of API tasks on at most N threads, the first failure wins.

#include <functional>
#include <vector>

#include "pingone/api.h"

namespace pingplan::pingone {

/// Runs every task on up to `parallelism` threads (the caller's thread counts as one). After a
/// failure no new task starts; the error of the lowest-numbered failed task is returned.
ApiStatus runParallel(const std::vector<std::function<ApiStatus()>>& tasks, int parallelism);

}  // namespace pingplan::pingone
