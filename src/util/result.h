#pragma once
// Result<T, E>: a value or an error, for failures that are expected (bad input, a 400 from the
// API). Exceptions are kept for programming errors; library code returns Results and never
// prints or exits.

#include <cassert>
#include <utility>
#include <variant>

namespace pingplan {

/// Wraps an error so that Result's constructor can tell it from a value.
template <class E>
struct Unexpected {
  E error;
};
template <class E>
Unexpected<std::decay_t<E>> fail(E&& error) {
  return {std::forward<E>(error)};
}

/// Result<T, E> holds either a T or an E. Result<void, E> is spelt Status<E>.
template <class T, class E>
class Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}            // NOLINT implicit
  Result(Unexpected<E> e) : v_(std::in_place_index<1>, std::move(e.error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  E& error() & {
    assert(!ok());
    return std::get<1>(v_);
  }
  const E& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, E> v_;
};

/// The value of a Status that succeeded.
struct Ok {};
template <class E>
using Status = Result<Ok, E>;

}  // namespace pingplan
