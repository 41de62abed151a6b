// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

namespace PerfWatch::Daemon {

class ConnectionPool;
class PgConnection;

// A short piece of database work, run on a thread where it may block. Its connection is null
// while the database cannot be reached; the task decides what that means.
using DatabaseTask = std::function<void(PgConnection *)>;

// Runs a task on some connection, later and elsewhere: the caller does not wait.
using ConnectionLender = std::function<void(DatabaseTask)>;

// A connection of the request pool, on the global thread pool. Each use keeps a pool connection
// (a PostgreSQL backend) from closing idle: for periodic work, the writer's lender
// (SampleWriter::lender) costs no second backend.
ConnectionLender poolLender(ConnectionPool &pool);

} // namespace PerfWatch::Daemon
