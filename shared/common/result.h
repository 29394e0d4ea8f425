#pragma once

#include "common/refusal.h"

#include <utility>
#include <variant>

namespace callos {

// Either a value or the Refusal that explains why there is none. Errors the
// caller must handle are returned, never thrown across the Qt event loop.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Refusal refusal) : m_data(std::move(refusal)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    // By value: `for (x : load().value())` must not iterate a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_data)); }
    const Refusal &refusal() const { return std::get<Refusal>(m_data); }

private:
    std::variant<T, Refusal> m_data;
};

} // namespace callos
