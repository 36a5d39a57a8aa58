#pragma once

#include <source_location>
#include <stdexcept>
#include <string>

namespace ch {

//! A broken precondition inside core: a programming or caller error, not bad user input (bad input
//! is reported as Issue values, see issue.h). The message names the values involved; the source
//! location says where the check failed.
class Error : public std::runtime_error
{
public:
    Error(const std::string& message, std::source_location where = std::source_location::current());

    const std::source_location& where() const { return m_where; }

private:
    std::source_location m_where;
};

//! Throws ch::Error with `message` unless `condition` holds.
void require(bool condition,
             const std::string& message,
             std::source_location where = std::source_location::current());

//! A failure of the workspace file or SQLite (core/storage). Names the operation and the object.
class StorageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

//! A failure talking to a broker (core/broker).
class BrokerError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace ch
