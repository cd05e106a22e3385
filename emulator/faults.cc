#include "emulator/faults.h"

#include <stdexcept>

namespace emulator {
namespace {

int64_t nonNegative(const nlohmann::json& value, const std::string& key, int64_t min = 0) {
  if (!value.is_number_integer() || value.get<int64_t>() < min) {
    throw std::invalid_argument(key + " must be an integer >= " + std::to_string(min));
  }
  return value.get<int64_t>();
}

double rate(const nlohmann::json& value, const std::string& key) {
  if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1) {
    throw std::invalid_argument(key + " must be a number from 0 to 1");
  }
  return value.get<double>();
}

}  // namespace

nlohmann::json FaultSettings::toJson() const {
  return {{"latencyMs", latencyMs},
          {"jitterMs", jitterMs},
          {"rate429", rate429},
          {"retryAfterSeconds", retryAfterSeconds},
          {"rate503", rate503},
          {"rate500", rate500},
          {"dropAfterCommit", dropAfterCommit},
          {"notFoundAfterCreate", notFoundAfterCreate},
          {"pageSize", pageSize},
          {"tokenLifetimeSeconds", tokenLifetimeSeconds}};
}

void FaultSettings::merge(const nlohmann::json& patch) {
  if (!patch.is_object()) throw std::invalid_argument("the fault settings must be a JSON object");
  FaultSettings next = *this;
  for (const auto& [key, value] : patch.items()) {
    if (key == "latencyMs") {
      next.latencyMs = nonNegative(value, key);
    } else if (key == "jitterMs") {
      next.jitterMs = nonNegative(value, key);
    } else if (key == "rate429") {
      next.rate429 = rate(value, key);
    } else if (key == "retryAfterSeconds") {
      next.retryAfterSeconds = nonNegative(value, key);
    } else if (key == "rate503") {
      next.rate503 = rate(value, key);
    } else if (key == "rate500") {
      next.rate500 = rate(value, key);
    } else if (key == "dropAfterCommit") {
      next.dropAfterCommit = nonNegative(value, key);
    } else if (key == "notFoundAfterCreate") {
      next.notFoundAfterCreate = nonNegative(value, key);
    } else if (key == "pageSize") {
      next.pageSize = nonNegative(value, key, 1);
    } else if (key == "tokenLifetimeSeconds") {
      next.tokenLifetimeSeconds = nonNegative(value, key);  // 0: tokens born expired
    } else {
      throw std::invalid_argument("unknown fault setting \"" + key + "\"");
    }
  }
  if (next.rate429 + next.rate503 + next.rate500 > 1) {
    throw std::invalid_argument("rate429 + rate503 + rate500 must not exceed 1");
  }
  *this = next;
}

FaultSettings Faults::settings() const {
  std::lock_guard lock(mutex_);
  return settings_;
}

nlohmann::json Faults::merge(const nlohmann::json& patch) {
  std::lock_guard lock(mutex_);
  settings_.merge(patch);
  return settings_.toJson();
}

FaultDecision Faults::roll() {
  std::lock_guard lock(mutex_);
  FaultDecision decision;
  decision.delayMs = settings_.latencyMs;
  if (settings_.jitterMs > 0) {
    decision.delayMs += std::uniform_int_distribution<int64_t>(0, settings_.jitterMs)(rng_);
  }
  if (settings_.rate429 + settings_.rate503 + settings_.rate500 > 0) {
    double draw = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    if (draw < settings_.rate429) {
      decision.status = 429;
    } else if (draw < settings_.rate429 + settings_.rate503) {
      decision.status = 503;
    } else if (draw < settings_.rate429 + settings_.rate503 + settings_.rate500) {
      decision.status = 500;
    }
  }
  return decision;
}

bool Faults::takeDrop() {
  std::lock_guard lock(mutex_);
  if (settings_.dropAfterCommit <= 0) return false;
  --settings_.dropAfterCommit;
  return true;
}

void Faults::created(const std::string& id) {
  std::lock_guard lock(mutex_);
  if (settings_.notFoundAfterCreate > 0) hidden_[id] = settings_.notFoundAfterCreate;
}

bool Faults::hide(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = hidden_.find(id);
  if (it == hidden_.end()) return false;
  if (--it->second <= 0) hidden_.erase(it);
  return true;
}

}  // namespace emulator
