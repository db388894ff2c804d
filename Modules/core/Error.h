#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sprocket::core
{
/** A failure a person can read: what went wrong and, where known, which file or field. */
struct Error
{
    std::string message;
};

/** A value or an Error. Small on purpose: C++20 has no std::expected yet. */
template <typename T>
class Result
{
public:
    Result (T value) : content (std::move (value)) {}
    Result (Error error) : content (std::move (error)) {}

    bool ok() const noexcept { return std::holds_alternative<T> (content); }
    explicit operator bool () const noexcept { return ok(); }

    T& value() & { return std::get<T> (content); }
    const T& value() const& { return std::get<T> (content); }
    T&& value() && { return std::get<T> (std::move (content)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator* () & { return value(); }
    const T& operator* () const& { return value(); }

    const Error& error() const { return std::get<Error> (content); }

private:
    std::variant<T, Error> content;
};

/** The result of an operation that yields nothing but may fail. */
class Status
{
public:
    Status() = default;
    Status (Error e) : failure (std::move (e)), failed (true) {}

    bool ok() const noexcept { return ! failed; }
    explicit operator bool () const noexcept { return ok(); }
    const Error& error() const { return failure; }

private:
    Error failure;
    bool failed = false;
};

inline Error makeError (std::string message)
{
    return Error { std::move (message) };
}
} // namespace sprocket::core
